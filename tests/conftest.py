import pytest


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_caches():
    """Wagtail caches renditions (by image id) and sites in the cache, which outlives a test's
    rolled-back transaction: on SQLite the next test reuses the ids and would get stale entries."""
    from django.core.cache import caches

    for cache in caches.all(initialized_only=True):
        cache.clear()


@pytest.fixture(autouse=True)
def _no_engine_marked_down():
    """search.resilience marks an engine that did not answer as down for the whole process: each
    test starts without such a mark."""
    from search.resilience import clear_marks

    clear_marks()
    yield
    clear_marks()


@pytest.fixture(autouse=True)
def _portal_language():
    """Each test starts in the portal's language: a request to an /en/ page leaves English active in
    the thread (LocaleMiddleware activates it), and code run outside a request afterwards — the
    organisation chart built in a test — would speak English (an order-dependent failure)."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def api_client(client):
    """A client for the public API (anonymous)."""
    return client
