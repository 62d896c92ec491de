"""Faults of a real OpenSearch node while editors publish and citizens search (issue 17).

A node of this module's own (``bench/engine_nodes.py``: the OpenSearch 3.3.2 distribution that
``.ci/search-engine start opensearch`` unpacks, ports 9210/9310, data in a temporary directory) is

- paused with SIGSTOP, then resumed with SIGCONT: the engine *hangs* (the kernel still accepts
  connections), so each request costs ``SEARCH_TIMEOUT`` (2 s here) before the fallback answers;
- killed with SIGKILL, then started again on the same data: every request is refused at once.

During each fault editors publish a new page, edit two and unpublish one; citizens search through
the API. Checked: every search answers, from the database fallback, with ``X-Search-Backend``;
every changed page, and only those, is recorded as a ``PendingIndexUpdate``; once the node is
back, ``manage.py search_sync`` sends exactly those, after which the engine's answers equal the
database's for the queries that find the changed pages. The figures (seconds per search and per
save during the fault, restart time) are printed (``-s``).

Marker ``live_search`` (``make test-search-faults``, and CI). Skipped where the distribution or
Java is missing, except under CI (``CI`` set), where that is a failure.
"""

import itertools
import os
import re
import shutil
import time
import uuid
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from wagtail.search.backends import get_search_backend

from bench import engine_nodes
from news.models import NewsPage
from search import resilience, service
from search.backends.config import FALLBACK_BACKEND, search_backends
from search.models import PendingIndexUpdate
from search.resilience import BACKEND_HEADER, FALLBACK_HEADER_VALUE
from search.service import SearchQuery
from tests import factories

pytestmark = [pytest.mark.live_search, pytest.mark.django_db]

HTTP_PORT, TRANSPORT_PORT = 9210, 9310
TIMEOUT = 2  # SEARCH_TIMEOUT: seconds per request to the engine
RUN = uuid.uuid4().hex[:8]
_tests = itertools.count(1)


@pytest.fixture(scope="module")
def node():
    reason = engine_nodes.missing()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(f"{reason} (CI must run the fault tests)", pytrace=False)
        pytest.skip(reason)
    root = engine_nodes.workdir("portal-search-faults-")
    node = engine_nodes.Node(
        "faults-1",
        http_port=HTTP_PORT,
        transport_port=TRANSPORT_PORT,
        workdir=root,
        java_options=["-XX:TieredStopAtLevel=1"],  # the JIT's first tier only: starts and restarts faster
    )
    try:
        node.start()
        node.started_in = node.wait_for_status("yellow")
        yield node
    finally:
        node.stop()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def engine(node, settings):
    """The node's backend on indexes of this test's own prefix (created empty, deleted afterwards)."""
    if node.paused:
        node.resume()
    if not node.running():
        node.start()
    node.wait_for_status("yellow")
    prefix = f"portal_faults_{RUN}_{next(_tests)}_"
    env = {
        "SEARCH_URL": node.url,
        "SEARCH_ENGINE": "opensearch3",
        "SEARCH_TIMEOUT": str(TIMEOUT),
        "INDEX_PREFIX": prefix,
    }
    settings.WAGTAILSEARCH_BACKENDS = search_backends(env, database_engine=connection.settings_dict["ENGINE"])
    backend = get_search_backend("default")
    backend.prefix = prefix
    call_command("update_index", backend_name="default", schema_only=True, stdout=StringIO())
    yield backend
    if node.paused:
        node.resume()
    if node.running():
        backend.es.indices.delete(index=f"{prefix}*", ignore_unavailable=True)


def refresh(backend):
    backend.es.indices.refresh(index=f"{backend.prefix}*")


def timed(fn, *args, **kwargs):
    started = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - started, result


def api_search(client, q):
    response = client.get("/api/v3/search/", {"q": q, "page_size": 50})
    assert response.status_code == 200, response.content[:300]
    return response


def ids(response) -> set[int]:
    return {hit["id"] for hit in response.json()["results"]}


def answers(q: str, backend: str) -> set[tuple[str, int]]:
    return {(hit.type, hit.page.pk) for hit in service.search(SearchQuery(q=q, page_size=50), backend=backend).results}


def pending() -> set[tuple[str, str]]:
    return {
        (row.content_type.model, row.object_id)
        for row in PendingIndexUpdate.objects.filter(backend="default").select_related("content_type")
    }


def key(page) -> tuple[str, str]:
    return (ContentType.objects.get_for_model(type(page)).model, str(page.pk))


#: Queries that find the pages changed during a fault (before or after the change).
QUERIES = [
    "cau dai dong",
    "le hoi tho tang",
    "le hoi vinh tuong",
    "chuyen doi so",
    "quy hoach su dung dat",
    "vinh tuong",
]


def edit_during_fault(corpus) -> tuple[set, dict[str, float]]:
    """What editors do while the engine is down: publish a new page, edit and republish two,
    unpublish one. The changed pages (content type, id) and the seconds each action took."""
    seconds = {}
    seconds["publish a new page"], new = timed(
        factories.news, "Khánh thành cầu Đại Đồng", lead="Cầu mới nối hai xã bên sông Phó Đáy."
    )
    n1 = corpus["n1"]
    n1.title = "Lễ hội đình làng Thổ Tang"
    seconds["edit and publish a page"], _ = timed(lambda: n1.save_revision().publish())
    d959 = corpus["d959"]
    d959.summary = "Phê duyệt điều chỉnh quy hoạch sử dụng đất huyện Vĩnh Tường đến năm 2030"
    timed(lambda: d959.save_revision().publish())
    seconds["unpublish a page"], _ = timed(corpus["n2"].unpublish)
    return {key(new), key(n1), key(d959), key(corpus["n2"])}, seconds


def sync_and_compare(engine, changed: set) -> dict[str, int]:
    """search_sync sends exactly the changed pages; then the engine answers as the database does."""
    out = StringIO()
    call_command("search_sync", stdout=out, stderr=StringIO())
    applied = re.search(r"applied (\d+) \(indexed (\d+), removed (\d+)\)", out.getvalue())
    assert applied, out.getvalue()
    sent = {"applied": int(applied[1]), "indexed": int(applied[2]), "removed": int(applied[3])}
    # Each page is sent as it is now; the unpublished one too (indexed with live=false, which
    # searches filter on: Wagtail indexes pages whether live or not).
    assert sent == {"applied": len(changed), "indexed": len(changed), "removed": 0}, out.getvalue()
    assert "0 still pending" in out.getvalue()
    assert not PendingIndexUpdate.objects.exists()

    refresh(engine)
    for q in QUERIES:
        assert answers(q, "default") == answers(q, FALLBACK_BACKEND), q
    return sent


@pytest.fixture
def corpus(engine):
    corpus = factories.search_corpus()
    for name in ("d959", "n1", "n2"):  # m2m after the first save: indexed as an editor's publish would
        corpus[name].save_revision().publish()
    refresh(engine)
    assert not PendingIndexUpdate.objects.exists()
    return corpus


def engine_finds(q: str) -> set[int]:
    """The news pages the engine itself finds (not through the fallback)."""
    return {page.pk for page in NewsPage.objects.live().search(q, backend="default")}


def test_a_paused_engine_hangs_search_answers_from_the_database_nothing_is_lost(node, engine, corpus, client):
    before = api_search(client, "le hoi vinh tuong")
    assert BACKEND_HEADER not in before
    assert corpus["n1"].pk in ids(before)

    node.pause()
    try:
        first_search, response = timed(api_search, client, "le hoi vinh tuong")
        assert response[BACKEND_HEADER] == FALLBACK_HEADER_VALUE
        assert corpus["n1"].pk in ids(response)
        assert first_search >= 0.9 * TIMEOUT, "the engine was asked and did not answer: SEARCH_TIMEOUT"
        later_search, response = timed(api_search, client, "vinh tuong")
        assert response[BACKEND_HEADER] == FALLBACK_HEADER_VALUE
        assert later_search < TIMEOUT / 2, "marked down: the engine is not asked again (SEARCH_RETRY_AFTER)"

        resilience.mark_up("default")  # as once SEARCH_RETRY_AFTER has passed: the next save asks again
        changed, saves = edit_during_fault(corpus)
        first_save, *later_saves = saves.values()
        # Publishing a new page makes 3 index requests: the first waits, the others are recorded at once
        assert 0.9 * TIMEOUT <= first_save < 2 * TIMEOUT, saves
        assert all(seconds < TIMEOUT / 2 for seconds in later_saves), saves
        response = api_search(client, "cau dai dong")
        assert response[BACKEND_HEADER] == FALLBACK_HEADER_VALUE
        assert len(ids(response)) == 1  # the page published during the fault, from the database
        new_page = next(iter(ids(response)))
        assert pending() == changed
    finally:
        node.resume()
    node.wait_for_status("yellow")
    refresh(engine)
    # The request that hung was in the paused node's socket buffer: the node may take it on SIGCONT,
    # after the client gave up (a late write; search_sync sends the current state anyway).
    late_write = new_page in engine_finds("cau dai dong")
    sent = sync_and_compare(engine, changed)
    response = api_search(client, "cau dai dong")
    assert BACKEND_HEADER not in response  # search_sync found the engine back: the mark is gone
    assert ids(response) == {new_page}
    print(
        f"\nSIGSTOP, SEARCH_TIMEOUT={TIMEOUT}s: first search {first_search:.2f}s, a later search "
        f"{later_search:.2f}s; "
        + ", ".join(f"{what} {s:.2f}s" for what, s in saves.items())
        + f"; {len(changed)} pages changed, as many pending rows, search_sync sent {sent}; "
        f"the write that hung was applied on SIGCONT: {late_write}"
    )


def test_a_killed_engine_refuses_search_answers_from_the_database_nothing_is_lost(node, engine, corpus, client):
    node.kill()
    search_seconds, response = timed(api_search, client, "le hoi vinh tuong")
    assert response[BACKEND_HEADER] == FALLBACK_HEADER_VALUE
    assert corpus["n1"].pk in ids(response)
    resilience.mark_up("default")  # each save asks the engine (refused at once)
    changed, saves = edit_during_fault(corpus)
    response = api_search(client, "cau dai dong")
    assert response[BACKEND_HEADER] == FALLBACK_HEADER_VALUE
    assert len(ids(response)) == 1
    new_page = next(iter(ids(response)))
    assert pending() == changed

    node.start()
    restart = node.wait_for_status("yellow")
    refresh(engine)
    # Back on its data, the engine has what it had before the fault: not the new page.
    assert new_page not in engine_finds("cau dai dong")
    sent = sync_and_compare(engine, changed)
    assert new_page in engine_finds("cau dai dong")
    response = api_search(client, "cau dai dong")
    assert BACKEND_HEADER not in response
    assert ids(response) == {new_page}
    print(
        f"\nSIGKILL: a search {search_seconds:.2f}s; "
        + ", ".join(f"{what} {s:.2f}s" for what, s in saves.items())
        + f"; restarted on its data (yellow) in {restart:.1f}s; {len(changed)} pages changed, "
        f"search_sync sent {sent}"
    )
