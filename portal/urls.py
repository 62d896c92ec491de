"""The public URLs apps add to the site (feeds, search pages): each app registers its own from
``AppConfig.ready()``; the site's URL configuration (``cms.urls``) includes them all."""

from django.urls import include, path

_patterns: list = []


def register_urls(*patterns) -> None:
    """Add ``path(...)`` entries, or the dotted path of a URL module (imported when the site's URLs
    are loaded), to the site's URLs (before Wagtail's page serving)."""
    _patterns.extend(patterns)


def urlpatterns() -> list:
    return [path("", include(p)) if isinstance(p, str) else p for p in _patterns]
