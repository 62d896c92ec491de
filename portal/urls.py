"""The public URLs apps add to the site (feeds, search pages): each app registers its own from
``AppConfig.ready()``; the site's URL configuration (``cms.urls``) includes them all.

``register_urls``: served once, as written (Vietnamese). ``register_localized_urls``: served in
every content language (docs/english.md) — as written in Vietnamese, under ``/en/`` in English
(``cms.urls`` puts them in its ``i18n_patterns``, before the pages); ``reverse()`` gives the
active language's URL and the view reads that language with ``portal.languages.active_language``.
A route written with ``gettext_lazy`` has its translated path under ``/en/`` (``tim-kiem/`` →
``/en/search/``)."""

from django.urls import include, path

_patterns: list = []
_localized: list = []


def register_urls(*patterns) -> None:
    """Add ``path(...)`` entries, or the dotted path of a URL module (imported when the site's URLs
    are loaded), to the site's URLs (before Wagtail's page serving)."""
    _patterns.extend(patterns)


def register_localized_urls(*patterns) -> None:
    """As ``register_urls``, for routes served in every content language (``/en/…`` in English)."""
    _localized.extend(patterns)


def _included(patterns: list) -> list:
    return [path("", include(p)) if isinstance(p, str) else p for p in patterns]


def urlpatterns() -> list:
    return _included(_patterns)


def localized_urlpatterns() -> list:
    """The routes of ``register_localized_urls``, for ``i18n_patterns``."""
    return _included(_localized)
