"""``manage.py search_ensure_index``: the engine's indexes built on first start (``make run``).

With a real engine it is exercised in tests/test_search_live.py (indexes missing → built with the
Vietnamese analysis; present → left alone); here, what needs no engine.
"""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from search.backends.config import search_backends
from tests.test_search_resilience import closed_port

pytest.importorskip("elasticsearch", reason="the elasticsearch client is not installed")


@pytest.mark.django_db
def test_on_the_database_backend_there_is_nothing_to_build():
    out = StringIO()
    call_command("search_ensure_index", stdout=out)
    assert "database backend only" in out.getvalue()


@pytest.mark.django_db
def test_an_engine_that_does_not_answer_is_an_error_naming_the_setting(settings):
    env = {"SEARCH_URL": f"http://user:s3cret@127.0.0.1:{closed_port()}", "SEARCH_TIMEOUT": "1"}
    settings.WAGTAILSEARCH_BACKENDS = search_backends(env, database_engine=settings.DATABASES["default"]["ENGINE"])
    with pytest.raises(CommandError) as raised:
        call_command("search_ensure_index", stdout=StringIO())
    message = str(raised.value)
    assert "'default' does not answer" in message
    assert "SEARCH_URL" in message
    assert "s3cret" not in message
