"""The institution's pages in the reader's language, and the public page of a leader,
``/gioi-thieu/lanh-dao/<id>/`` (``/en/<the English introduction>/lanh-dao/<id>/`` in English):
registered with ``portal.links`` for ``directives.Official`` (``OrganisationConfig.ready()``), so the
directives' templates link a leader's name to it without importing this app.

The introduction and the contact page are one per language (``max_count_per_locale``): "the" page is
the one in the request's language, else the one in the portal's default language (Vietnamese), as
long as the English section has no translation of it."""

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant

from .models import IntroductionPage

_CACHE = "_organisation_pages"


def request_language(request=None) -> str:
    """The content language of ``request``: the one its URL gives (``/en/…``: English; the pages
    without a prefix, the API: Vietnamese — ``LocaleMiddleware`` with ``i18n_patterns``); the
    default language without a request."""
    code = getattr(request, "LANGUAGE_CODE", None) if request is not None else None
    try:
        return get_supported_content_language_variant(code or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def section_page(model, request=None, language: str | None = None):
    """The live, public page of the one-per-language section ``model`` in ``language`` (default: the
    request's), else in the default language; None when there is neither. One query, once per
    request, model and language."""
    language = language or request_language(request)
    cache = getattr(request, _CACHE, None) if request is not None else None
    key = (model._meta.label, language)
    if cache is not None and key in cache:
        return cache[key]
    wanted = {language, settings.LANGUAGE_CODE}
    pages = list(
        model.objects.live().public().filter(locale__language_code__in=wanted).select_related("locale").order_by("path")
    )
    page = next((p for p in pages if p.locale.language_code == language), None) or next(iter(pages), None)
    if request is not None:
        if cache is None:
            cache = {}
            setattr(request, _CACHE, cache)
        cache[key] = page
    return page


def introduction_page(request=None, language: str | None = None) -> IntroductionPage | None:
    """The live, public introduction page in the request's language (else the default language's)."""
    return section_page(IntroductionPage, request, language)


def leader_path(page: IntroductionPage, official_id: int, request=None) -> str | None:
    """The URL of the leader's page under the introduction ``page`` (None if the page has no URL)."""
    base = page.get_url(request)
    return base + page.reverse_subpage("leader", args=[official_id]) if base else None


def leader_url(official, request=None, language: str | None = None) -> str | None:
    """The URL of ``official``'s page under the introduction in ``language`` (default: the request's;
    the Vietnamese one when that language has none), or None when the portal has no live introduction."""
    page = introduction_page(request, language)
    return leader_path(page, official.pk, request) if page is not None else None
