"""Failure without loss: the search engine unreachable (issue 4, item 6; docs/search-backends.md).

The engine is a closed local port (a socket bound to get a free port, then closed): every request
is refused at once. "The engine is back" is the Elasticsearch client patched to succeed, in the
style of tests/test_search_backends.py. What is checked is what an editor, an operator and a
citizen would notice: the page saves and publishes; the missed update is recorded and replayed
by ``manage.py search_sync``; search answers from the database and says so.
"""

import logging
import socket
import time
from io import StringIO
from unittest import mock

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection

from news.models import NewsPage
from portal.tasks import deferred_tasks
from search import resilience, service
from search.backends.config import FALLBACK_BACKEND, search_backends
from search.models import PendingIndexUpdate
from search.resilience import BACKEND_HEADER, FALLBACK_HEADER_VALUE, record_failure, with_fallback
from tests import factories

elasticsearch = pytest.importorskip("elasticsearch", reason="the elasticsearch client is not installed")
elastic_transport = pytest.importorskip("elastic_transport")

SQLITE = "django.db.backends.sqlite3"
POSTGRES = "django.db.backends.postgresql"
PREFIX = "portal_resilience_"
TITLE = "Khánh thành cầu Vĩnh Tường"


def closed_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def configure(settings, url: str, retry_after: int) -> dict:
    env = {
        "SEARCH_URL": url,
        "SEARCH_TIMEOUT": "1",
        "SEARCH_RETRY_AFTER": str(retry_after),
        "INDEX_PREFIX": PREFIX,
    }
    settings.WAGTAILSEARCH_BACKENDS = search_backends(env, database_engine=settings.DATABASES["default"]["ENGINE"])
    assert set(settings.WAGTAILSEARCH_BACKENDS) == {"default", FALLBACK_BACKEND}
    return settings.WAGTAILSEARCH_BACKENDS


@pytest.fixture
def engine_down(settings):
    """SEARCH_URL at a port nobody listens on; the database fallback configured beside it. Each
    request asks the engine (SEARCH_RETRY_AFTER=0): the "engine down" mark has tests of its own."""
    return configure(settings, f"http://127.0.0.1:{closed_port()}", retry_after=0)


@pytest.fixture
def engine_refusing(settings):
    """As ``engine_down``, with the "engine down" mark as configured by default (30 s)."""
    return configure(settings, f"http://127.0.0.1:{closed_port()}", retry_after=30)


@pytest.fixture
def engine_hung(settings):
    """An engine that accepts connections and never answers (as a process stopped with SIGSTOP):
    a socket that listens and never accepts; the kernel completes the connections, which
    ``connections_made`` then counts (each request a connection: one that timed out is dropped)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(64)
        configure(settings, f"http://127.0.0.1:{sock.getsockname()[1]}", retry_after=30)
        yield sock


def connections_made(sock) -> int:
    """How many connections reached the hung engine since the last call (accepted and closed)."""
    sock.setblocking(False)
    made = 0
    while True:
        try:
            connection, _address = sock.accept()
        except BlockingIOError:
            return made
        connection.close()
        made += 1


class EngineBack:
    """The Elasticsearch client patched to succeed: what each call would have sent."""

    def __init__(self):
        import search.backends.elasticsearch

        self.backend_class = search.backends.elasticsearch.Elasticsearch9SearchBackend
        self.bulk_actions: list[dict] = []
        self.deleted: list[tuple[str, str]] = []
        self.indexed: list[tuple[str, str]] = []

    def _bulk(self, backend, client, actions, index):
        self.bulk_actions.extend({**action, "_index": index} for action in actions)
        return len(actions), []

    def _delete(self, client, *, index, id):  # noqa: A002 (the client's own keyword)
        self.deleted.append((index, id))

    def _index(self, client, *, index, document, id):  # noqa: A002
        self.indexed.append((index, id))

    def __enter__(self):
        self._patches = [
            mock.patch.object(self.backend_class, "bulk", autospec=True, side_effect=self._bulk),
            mock.patch.object(elasticsearch.Elasticsearch, "delete", autospec=True, side_effect=self._delete),
            mock.patch.object(elasticsearch.Elasticsearch, "index", autospec=True, side_effect=self._index),
        ]
        for patch in self._patches:
            patch.start()
        return self

    def __exit__(self, *exc):
        for patch in reversed(self._patches):
            patch.stop()


def pending_for(page) -> PendingIndexUpdate:
    return PendingIndexUpdate.objects.get(
        backend="default", content_type=ContentType.objects.get_for_model(type(page)), object_id=str(page.pk)
    )


def sync(out=None, err=None, **options) -> tuple[str, str]:
    out, err = out or StringIO(), err or StringIO()
    call_command("search_sync", stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


# --- Configuration ---------------------------------------------------------------------------------


@pytest.mark.parametrize("database_engine", [SQLITE, POSTGRES])
def test_with_search_url_the_database_backend_is_configured_as_the_fallback(database_engine):
    configured = search_backends({"SEARCH_URL": "http://search.internal:9200"}, database_engine=database_engine)
    without_engine = search_backends({}, database_engine=database_engine)
    assert configured[FALLBACK_BACKEND] == without_engine["default"]
    assert configured["default"]["BACKEND"] == "search.backends.elasticsearch.Elasticsearch9SearchBackend"
    assert FALLBACK_BACKEND not in without_engine


# --- Saving while the engine is down ----------------------------------------------------------------


@pytest.mark.django_db
def test_a_page_saves_and_publishes_and_the_missed_update_is_recorded(engine_down, caplog):
    with caplog.at_level(logging.WARNING):
        page = factories.news(TITLE, lead="Đường mới nối hai xã")

    page.refresh_from_db()
    assert page.live and page.live_revision_id is not None
    row = pending_for(page)
    assert row.action == PendingIndexUpdate.Action.ADD
    assert row.attempts >= 1
    assert "ConnectionError" in row.last_error
    assert any("recorded for `manage.py search_sync`" in r.getMessage() for r in caplog.records)
    # The database fallback was indexed on the same save, so it can answer now.
    found = NewsPage.objects.live().search("vinh tuong", backend=FALLBACK_BACKEND)
    assert [p.pk for p in found] == [page.pk]


@pytest.mark.django_db
def test_one_row_per_object_the_latest_action_wins(engine_down):
    page = factories.news(TITLE)
    first = pending_for(page)
    backend = elasticsearch_backend()
    record_failure(backend, "delete", NewsPage, [page], RuntimeError("still down"))

    row = pending_for(page)
    assert PendingIndexUpdate.objects.filter(object_id=str(page.pk), content_type=row.content_type).count() == 1
    assert row.action == PendingIndexUpdate.Action.DELETE
    assert row.attempts == first.attempts + 1
    assert row.first_failed_at == first.first_failed_at
    assert row.last_error == "RuntimeError: still down"


def elasticsearch_backend():
    from modelsearch.backends import get_search_backend

    return get_search_backend("default")


@pytest.mark.django_db
def test_deleting_a_page_while_the_engine_is_down_is_recorded(engine_down):
    page = factories.news(TITLE)
    pk = page.pk
    page.delete()

    row = PendingIndexUpdate.objects.get(content_type=ContentType.objects.get_for_model(NewsPage), object_id=str(pk))
    assert row.action == PendingIndexUpdate.Action.DELETE
    assert not NewsPage.objects.live().search("vinh tuong", backend=FALLBACK_BACKEND)


@pytest.mark.django_db
def test_an_import_batch_records_each_object_once(engine_down, caplog):
    """portal.tasks indexes a batch in bulk after the block: the bulk failure is recorded per object."""
    factories.news_index()
    with caplog.at_level(logging.ERROR, logger="portal.tasks"), deferred_tasks():
        pages = [factories.news(f"{TITLE} {n}") for n in range(3)]

    rows = PendingIndexUpdate.objects.filter(content_type=ContentType.objects.get_for_model(NewsPage))
    assert sorted(rows.values_list("object_id", flat=True)) == sorted(str(p.pk) for p in pages)
    assert set(rows.values_list("attempts", flat=True)) == {1}  # three saves each, one bulk request
    assert any("'default' search backend" in r.getMessage() for r in caplog.records)
    assert NewsPage.objects.live().search("vinh tuong", backend=FALLBACK_BACKEND).count() == 3


@pytest.mark.django_db
def test_a_failure_to_record_does_not_break_the_save(engine_down, caplog):
    """Even a database error while recording (inside the page's transaction) leaves the save intact."""

    def broken_upsert(*args):
        with connection.cursor() as cursor:
            cursor.execute("SELECT * FROM portal_search_no_such_table")

    with mock.patch("search.resilience._upsert", side_effect=broken_upsert), caplog.at_level(logging.ERROR):
        page = factories.news(TITLE)

    assert NewsPage.objects.get(pk=page.pk).live
    assert not PendingIndexUpdate.objects.exists()
    assert any("Could not record" in r.getMessage() for r in caplog.records)


# --- Replaying: manage.py search_sync ------------------------------------------------------------------


@pytest.mark.django_db
def test_search_sync_with_nothing_pending(engine_down):
    out, _err = sync()
    assert out.strip() == "search_sync: nothing pending."
    assert sync(verbosity=0) == ("", "")  # quiet for cron


@pytest.mark.django_db
def test_search_sync_keeps_every_row_and_fails_while_the_engine_is_down(engine_down):
    pages = [factories.news(f"{TITLE} {n}") for n in range(2)]
    before = {row.pk: row.attempts for row in PendingIndexUpdate.objects.all()}
    assert len(before) >= 2

    err = StringIO()
    with pytest.raises(CommandError, match="could not be applied"):
        sync(err=err, verbosity=0)
    assert "default: the engine still fails (ConnectionError" in err.getvalue()

    after = {row.pk: row.attempts for row in PendingIndexUpdate.objects.all()}
    assert set(after) == set(before)
    assert any(after[pk] == before[pk] + 1 for pk in before)  # the batch that was tried
    for page in pages:
        assert pending_for(page)


@pytest.mark.django_db
def test_search_sync_replays_the_latest_state_once_the_engine_is_back(engine_down):
    edited = factories.news("Tin cũ")
    deleted = factories.news("Tin sẽ xóa")
    deleted_pk = deleted.pk
    edited.title = TITLE
    edited.save_revision().publish()
    deleted.delete()
    news_type = ContentType.objects.get_for_model(NewsPage)
    assert {r.object_id: r.action for r in PendingIndexUpdate.objects.filter(content_type=news_type)} == {
        str(edited.pk): "add",
        str(deleted_pk): "delete",
    }
    pending = PendingIndexUpdate.objects.count()

    with EngineBack() as engine:
        out, err = sync()

    assert err == ""
    assert f"search_sync: {pending} pending index update(s)." in out
    assert "still pending" in out and "0 still pending" in out
    assert not PendingIndexUpdate.objects.exists()
    sent = {action["_id"]: action for action in engine.bulk_actions}
    assert sent[str(edited.pk)]["title"] == TITLE  # the current title, not the one that failed
    assert sent[str(edited.pk)]["_index"] == f"{PREFIX}wagtailcore_page"
    assert (f"{PREFIX}wagtailcore_page", str(deleted_pk)) in engine.deleted
    assert str(deleted_pk) not in sent


@pytest.mark.django_db
def test_an_object_deleted_since_its_failed_update_is_removed_from_the_index(engine_down):
    page = factories.news(TITLE)
    pk = page.pk
    with EngineBack():
        page.delete()  # the engine took this delete, but the earlier "add" is still recorded
    assert pending_for_pk(pk).action == "add"

    with EngineBack() as engine:
        sync()

    assert (f"{PREFIX}wagtailcore_page", str(pk)) in engine.deleted
    assert not any(action["_id"] == str(pk) for action in engine.bulk_actions)
    assert not PendingIndexUpdate.objects.filter(object_id=str(pk)).exists()


def pending_for_pk(pk) -> PendingIndexUpdate:
    return PendingIndexUpdate.objects.get(content_type=ContentType.objects.get_for_model(NewsPage), object_id=str(pk))


@pytest.mark.django_db
def test_search_sync_keeps_rows_of_a_backend_that_is_not_configured(engine_down, settings):
    page = factories.news(TITLE)
    PendingIndexUpdate.objects.update(backend="old_cluster")

    err = StringIO()
    with EngineBack(), pytest.raises(CommandError):
        sync(err=err)

    assert "old_cluster: not a search engine backend" in err.getvalue()
    assert PendingIndexUpdate.objects.get(object_id=str(page.pk), content_type__model="newspage").backend == (
        "old_cluster"
    )
    out, _err = sync(discard_unusable=True)
    assert "0 still pending" in out
    assert not PendingIndexUpdate.objects.exists()


# --- Searching while the engine is down -------------------------------------------------------------


@pytest.fixture
def news_page(engine_down):
    return factories.news(TITLE, lead="Đường mới nối hai xã")


@pytest.mark.django_db
def test_the_search_api_answers_from_the_database_and_says_so(news_page, client):
    response = client.get("/api/v3/search/", {"q": "vinh tuong"})
    assert response.status_code == 200, response.content[:300]
    assert response[BACKEND_HEADER] == FALLBACK_HEADER_VALUE == "database; fallback"
    assert [hit["id"] for hit in response.json()["results"]] == [news_page.pk]


@pytest.mark.django_db
def test_suggestions_answer_from_the_database_and_say_so(news_page, client):
    response = client.get("/api/v3/search/suggest/", {"q": "vinh tuong"})
    assert response.status_code == 200, response.content[:300]
    assert response[BACKEND_HEADER] == FALLBACK_HEADER_VALUE
    assert [s["title"] for s in response.json()] == [TITLE]


@pytest.mark.django_db
def test_the_search_api_uses_the_engine_when_it_answers(news_page, client):
    hits = {"hits": {"hits": [{"_score": 2.0, "fields": {"pk": [news_page.pk]}}], "total": {"value": 1}}}
    with mock.patch.object(elasticsearch.Elasticsearch, "search", return_value=hits) as search:
        response = client.get("/api/v3/search/", {"q": "vinh tuong"})
    assert response.status_code == 200
    assert search.called
    assert BACKEND_HEADER not in response
    assert [hit["id"] for hit in response.json()["results"]] == [news_page.pk]


@pytest.mark.django_db
def test_a_bad_request_is_still_a_400_while_the_engine_is_down(engine_down, client):
    response = client.get("/api/v3/search/", {"q": ""})
    assert response.status_code == 400
    assert BACKEND_HEADER not in response


def test_only_engine_errors_fall_back():
    calls = []

    def run(backend):
        calls.append(backend)
        raise service.SearchError("q: enter something to search for")

    with pytest.raises(service.SearchError):
        with_fallback(run)
    assert calls == ["default"]


@pytest.mark.django_db
def test_the_search_page_answers_from_the_database_with_a_notice(news_page, client):
    response = client.get("/tim-kiem/", {"q": "vinh tuong"})
    assert response.status_code == 200
    assert response[BACKEND_HEADER] == FALLBACK_HEADER_VALUE
    content = response.content.decode()
    assert 'class="search-fallback-notice" role="status"' in content
    assert "có thể kém chính xác hơn" in content
    assert TITLE in content


@pytest.mark.django_db
def test_the_search_page_shows_no_notice_when_the_engine_answers(news_page, client):
    hits = {"hits": {"hits": [{"_score": 2.0, "fields": {"pk": [news_page.pk]}}], "total": {"value": 1}}}
    with mock.patch.object(elasticsearch.Elasticsearch, "search", return_value=hits):
        response = client.get("/tim-kiem/", {"q": "vinh tuong"})
    assert response.status_code == 200
    assert BACKEND_HEADER not in response
    assert "search-fallback-notice" not in response.content.decode()
    assert TITLE in response.content.decode()


# --- An engine that did not answer is not asked again for RETRY_AFTER seconds ---------------------


def timed(fn, *args, **kwargs):
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - started, result


def seconds_pass(seconds: float) -> None:
    """As if ``seconds`` had passed since the engine was marked down."""
    resilience._down_since["default"] -= seconds


@pytest.mark.django_db
def test_a_hung_engine_is_waited_for_once_then_not_asked_again(engine_hung, client):
    """Without the mark, each request to a hung engine waits SEARCH_TIMEOUT (1 s here): creating
    and publishing a page would wait once per save (three times), and every search once."""
    took, page = timed(factories.news, TITLE, lead="Đường mới nối hai xã")
    assert took >= 1.0  # the one wait of SEARCH_TIMEOUT
    assert connections_made(engine_hung) == 1  # not one per save: counted, not timed
    row = pending_for(page)
    assert row.attempts >= 2  # the saves after the first were recorded without asking the engine
    assert row.last_error.startswith("EngineDown: the engine did not answer")
    assert resilience.engine_down("default") > 0

    response = client.get("/api/v3/search/", {"q": "vinh tuong"})
    assert connections_made(engine_hung) == 0  # the engine is not asked while marked down
    assert response[BACKEND_HEADER] == FALLBACK_HEADER_VALUE
    assert [hit["id"] for hit in response.json()["results"]] == [page.pk]


@pytest.mark.parametrize(("retry_after", "asked"), [(30, 1), (0, 2)])
@pytest.mark.django_db
def test_an_unreachable_engine_is_asked_once_per_retry_after(settings, client, retry_after, asked):
    configure(settings, f"http://127.0.0.1:{closed_port()}", retry_after=retry_after)
    refused = elastic_transport.ConnectionError("Connection refused")
    with mock.patch.object(elasticsearch.Elasticsearch, "search", side_effect=refused) as search:
        for _ in range(2):
            response = client.get("/api/v3/search/", {"q": "vinh tuong"})
            assert response.status_code == 200
            assert response[BACKEND_HEADER] == FALLBACK_HEADER_VALUE
    assert search.call_count == asked


@pytest.mark.django_db
def test_an_error_status_is_an_answer_and_does_not_mark_the_engine_down(engine_refusing, client):
    error = elasticsearch.ApiError("search_phase_execution_exception", meta=mock.Mock(status=500), body={})
    with mock.patch.object(elasticsearch.Elasticsearch, "search", side_effect=error) as search:
        for _ in range(2):
            assert client.get("/api/v3/search/", {"q": "vinh tuong"})[BACKEND_HEADER] == FALLBACK_HEADER_VALUE
    assert search.call_count == 2
    assert not resilience.engine_down("default")


@pytest.mark.django_db
def test_after_retry_after_the_engine_is_asked_again(engine_refusing, client):
    news_page = factories.news(TITLE)
    assert resilience.engine_down("default")  # the page's save found the engine refusing
    hits = {"hits": {"hits": [{"_score": 2.0, "fields": {"pk": [news_page.pk]}}], "total": {"value": 1}}}
    with mock.patch.object(elasticsearch.Elasticsearch, "search", return_value=hits) as search:
        assert client.get("/api/v3/search/", {"q": "vinh tuong"})[BACKEND_HEADER] == FALLBACK_HEADER_VALUE
        assert not search.called
        seconds_pass(29)
        assert client.get("/api/v3/search/", {"q": "vinh tuong"})[BACKEND_HEADER] == FALLBACK_HEADER_VALUE
        assert not search.called
        seconds_pass(2)
        response = client.get("/api/v3/search/", {"q": "vinh tuong"})
    assert search.called
    assert BACKEND_HEADER not in response
    assert [hit["id"] for hit in response.json()["results"]] == [news_page.pk]
    assert not resilience.engine_down("default")


@pytest.mark.django_db
def test_while_marked_down_a_save_is_recorded_not_sent_and_search_sync_sends_it(engine_refusing):
    page = factories.news("Tin cũ")
    assert resilience.engine_down("default")
    with EngineBack() as engine:  # the engine would take it: it is not asked
        page.title = TITLE
        page.save_revision().publish()
        assert engine.bulk_actions == engine.indexed == []
        assert pending_for(page).last_error.startswith("EngineDown")

        out, err = sync()  # the explicit "try now": sent while marked down, and the mark cleared

    assert err == "" and "0 still pending" in out
    assert {action["_id"]: action["title"] for action in engine.bulk_actions}[str(page.pk)] == TITLE
    assert not resilience.engine_down("default")
