"""The portal's content languages (docs/english.md): the Vietnamese pages are the site, their
English translations are served under ``/en/``.

A request's language is the one Django's ``LocaleMiddleware`` activated from the URL's prefix
(``/en/…`` English; no prefix Vietnamese: ``i18n_patterns(prefix_default_language=False)``), so
the views of the routes served in every language (``portal.urls.register_localized_urls``: the
search page, the news feeds) read it with ``active_language()``; their pages are those of the
Wagtail locale of that code (``locale_id``).
"""

from django.conf import settings
from django.db.models import Subquery
from django.utils import translation


def content_languages() -> tuple[str, ...]:
    """The codes of ``WAGTAIL_CONTENT_LANGUAGES``, the default (Vietnamese) first."""
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    return tuple(sorted(codes, key=lambda code: code != settings.LANGUAGE_CODE))


def active_language() -> str:
    """The content language of the active language (the request's): its code when it is one of
    ``content_languages()`` (``en-gb`` counts as ``en``), else the default, ``LANGUAGE_CODE``."""
    active = (translation.get_language() or settings.LANGUAGE_CODE).lower()
    codes = content_languages()
    if active in codes:
        return active
    base = active.split("-", 1)[0]
    return base if base in codes else settings.LANGUAGE_CODE


def locale_id(code: str) -> Subquery:
    """The id of the Wagtail locale ``code`` as a subquery (``.filter(locale=locale_id("en"))``):
    part of the SQL of the query it filters, no query of its own; no locale of that code
    matches no page."""
    from wagtail.models import Locale

    return Subquery(Locale.objects.filter(language_code=code).order_by().values("pk")[:1])
