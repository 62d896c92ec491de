"""The public page of a leader, ``/gioi-thieu/lanh-dao/<id>/``: registered with ``portal.links`` for
``directives.Official`` (``OrganisationConfig.ready()``), so the directives' templates link a
leader's name to it without importing this app."""

from .models import IntroductionPage

_CACHE = "_organisation_introduction"


def introduction_page(request=None) -> IntroductionPage | None:
    """The live, public introduction page (one per portal), read once per request."""
    if request is not None and hasattr(request, _CACHE):
        return getattr(request, _CACHE)
    page = IntroductionPage.objects.live().public().first()
    if request is not None:
        setattr(request, _CACHE, page)
    return page


def leader_path(page: IntroductionPage, official_id: int, request=None) -> str | None:
    """The URL of the leader's page under the introduction ``page`` (None if the page has no URL)."""
    base = page.get_url(request)
    return base + page.reverse_subpage("leader", args=[official_id]) if base else None


def leader_url(official, request=None) -> str | None:
    """The URL of ``official``'s page, or None when the portal has no live introduction page."""
    page = introduction_page(request)
    return leader_path(page, official.pk, request) if page is not None else None
