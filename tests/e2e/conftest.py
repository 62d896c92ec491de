"""Browser tests (``make test-e2e``): Playwright's Python API driving Debian's Chromium headless.

No browser is downloaded: Playwright launches ``/usr/bin/chromium`` (``apt-get install chromium``;
``E2E_CHROMIUM`` names another binary). Without it the tests are skipped with the reason, except
under CI (``CI`` set), where a missing browser is a failure: CI must really run them.
Screenshots go to ``$E2E_ARTIFACTS`` (default ``/tmp/portal-e2e``, the system temporary folder),
outside the repository.
"""

import os
import tempfile
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(os.environ.get("E2E_ARTIFACTS") or Path(tempfile.gettempdir()) / "portal-e2e")


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must run the browser tests: .ci/run installs chromium)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per test module."""
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} not found: 'apt-get install chromium' to run the browser tests")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed: pip install -r requirements-dev.txt")
    # Playwright's sync API runs an asyncio loop in this thread; Django then refuses ORM calls from
    # it (SynchronousOnlyOperation) unless told the loop is not serving requests. Only while a
    # browser is open, and put back afterwards.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def _migrated_data(django_db_setup, django_db_blocker) -> str:
    """What the migrations put in the test database (pages, site, groups, workflow…), as JSON:
    taken once, before any browser test has emptied the database."""
    from django.db import connection

    with django_db_blocker.unblock():
        return connection.creation.serialize_db_to_string()


@pytest.fixture(autouse=True)
def _migration_data(_migrated_data, transactional_db):
    """Browser tests are transactional (the live server is another thread), so the database is
    emptied after each one, and with it what the data migrations created: the next browser module
    would find no home page, no editorial groups. Put it back first when it is gone. (Django's own
    serialized rollback was tried: inside Playwright's event loop it did not find its saved copy.)"""
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.core.cache import cache
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connection
    from wagtail.models import Page

    if Page.objects.filter(depth=1).exists():
        return
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    connection.creation.deserialize_db_from_string(_migrated_data)
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
            cursor.execute(sql)
    ContentType.objects.clear_cache()
    cache.clear()
