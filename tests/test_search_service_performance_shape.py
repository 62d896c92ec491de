"""The shape of the unified search on our database backends (search/service.py ``_matches``,
search/matchset.py, search/backends/database/ ``scored_sql``): every match found, scored, ranked, counted and
listed — nothing capped — in a number of queries that does not grow with the matches; and the same
matches as the generic path (the one Elasticsearch/OpenSearch take) where the query is not soft.
SQLite and PostgreSQL."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend

from search import service
from search.service import SearchQuery
from tests import factories

pytestmark = pytest.mark.django_db
TODAY = date(2026, 6, 1)


@pytest.fixture(autouse=True)
def _backends(settings):
    """``default``: the portal's backend; ``generic``: modelsearch's stock database backend, which has no
    ``scored_sql``, so the service takes its generic path (as for Elasticsearch/OpenSearch)."""
    factories.with_stock_search_backend(settings, "generic")


@pytest.fixture
def pages():
    docs = [
        factories.legal_document(
            f"{n}/QĐ-UBND", summary=f"Về việc cải cách hành chính đợt {n}", issued_on=date(2020, 1, n)
        )
        for n in range(1, 7)
    ]
    news = [
        factories.news("Cải cách hành chính ở Vĩnh Tường", lead="Kết quả cải cách hành chính năm 2024"),
        factories.news("Hội nghị tổng kết", lead="Bàn về cải cách hành chính", published_on=date(2024, 2, 1)),
        factories.news("Khánh thành cầu", lead="Cây cầu mới"),
    ]
    return docs, news


def run(q, backend="default", **params):
    return service.search(SearchQuery(q=q, **params), today=TODAY, backend=backend)


def listed(result):
    return [(hit.type, hit.page.pk) for hit in result.results]


def every_page(q, page_size=50, **params):
    """Every hit of ``q``, page after page to the last."""
    first = run(q, page_size=page_size, **params)
    out = listed(first)
    for page in range(2, -(-first.count // page_size) + 1):
        out += listed(run(q, page=page, page_size=page_size, **params))
    return first.count, out


@pytest.mark.parametrize("q", ["cải cách", "Vĩnh Tường", "tong ket", "3/QĐ-UBND", "hanh chinh"])
def test_the_database_path_finds_what_the_generic_path_finds(pages, q):
    """Up to two words every word must match (``allowed_missing``), on both paths: the same matches,
    counts and facets; only the scores differ (ours weigh the headings)."""
    ours, generic = run(q, page_size=20), run(q, backend="generic", page_size=20)
    assert ours.count == generic.count > 0
    assert sorted(listed(ours)) == sorted(listed(generic))
    assert ours.facets == generic.facets


def test_a_longer_query_matches_softly_when_no_page_holds_every_word(pages):
    """Three to five words: one may be missing when no page holds them all, so an extra word the
    text does not hold does not empty the result; the pages holding more of the words first."""
    docs, news = pages
    assert run("cai cach hanh chinh xyz", backend="generic").count == 0  # every word, stock
    result = run("cai cach hanh chinh xyz", page_size=20)
    assert result.count == 8
    result = run("cai cach hanh chinh vinh tuong", page_size=20)  # six words: only one page holds all
    assert listed(result) == [("news", news[0].pk)]
    result = run("cai cach hanh chinh vinh tuong xyz", page_size=20)  # seven: two may be missing
    assert listed(result)[0] == ("news", news[0].pk)  # six of the seven
    assert result.count == 1
    result = run("cai cach hanh chinh dot 3 vinh", page_size=20)  # 7 words: 5 held by docs[2]
    assert listed(result)[0] == ("legal_document", docs[2].pk)


def test_queries_whatever_the_number_of_matches(pages):
    """A fixed number of queries whatever the matches: the private pages; the table of matches made
    sure of and emptied (``search.matchset``); one statement scoring every match and writing it,
    joined to its type's rows; the count and years; per type with matches the best in the first
    order and their headings; the facet aggregates (legal documents: their facet columns grouped once
    — issuers, validity, document types —, co-issuers, fields); the pages shown (one per type on the page)."""

    def queries(q):
        run(q, page_size=50)  # content types and the backend loaded
        with CaptureQueriesContext(connection) as captured:
            result = run(q, page_size=50)
        assert {code for code, _pk in listed(result)} == {"legal_document", "news"}
        return len(captured)

    assert queries("cai cach hanh chinh") == 14
    for n in range(7, 30):
        factories.legal_document(f"{n}/QĐ-UBND", summary=f"Cải cách hành chính đợt {n}", issued_on=date(2021, 1, 1))
    assert queries("cai cach hanh chinh") == 14
    assert run("cai cach hanh chinh").count == 31


def test_the_generic_path_queries_whatever_the_number_of_matches(pages):
    """The generic path (an engine's): one search per type through Wagtail's API, then the hits
    handed to the database at once — on SQLite rows of a temporary table made sure of, emptied and
    written by one prepared statement (``search.matchset.loaded_hits``), on PostgreSQL arrays in the
    statement writing the matches — and the rest as on our backends."""

    def queries(q):
        run(q, page_size=50, backend="generic")
        with CaptureQueriesContext(connection) as captured:
            result = run(q, page_size=50, backend="generic")
        assert {code for code, _pk in listed(result)} == {"legal_document", "news"}
        return len(captured)

    expected = 28 if connection.vendor == "sqlite" else 25
    assert queries("cai cach hanh chinh") == expected
    for n in range(7, 30):
        factories.legal_document(f"{n}/QĐ-UBND", summary=f"Cải cách hành chính đợt {n}", issued_on=date(2021, 1, 1))
    assert queries("cai cach hanh chinh") == expected
    assert run("cai cach hanh chinh", backend="generic").count == 31


def test_engine_hits_reach_the_database_whole_and_each_search_starts_empty():
    """``loaded_hits``: every row, as given (ids, scores, words held), and nothing of the search before."""
    from search import matchset

    rows = [(kind, pk, pk / 7, 3) for kind in range(3) for pk in range(1, 2001)]
    with connection.cursor() as cursor:
        for given in (rows, rows[:5], []):
            sql, params = matchset.loaded_hits(given)
            cursor.execute(f"SELECT kind, pk, score, held FROM ({sql}) h ORDER BY kind, pk", params)  # noqa: S608
            found = cursor.fetchall()
            assert [(k, pk, held) for k, pk, _score, held in found] == [(k, pk, held) for k, pk, _score, held in given]
            assert all(abs(a[2] - b[2]) < 1e-9 for a, b in zip(found, given, strict=True))


def test_engine_hits_are_written_in_one_transaction(monkeypatch):
    """Under autocommit (a request outside ``ATOMIC_REQUESTS``) each row written alone would be a
    transaction of its own: 50,829 rows took 1.4 s instead of 85 ms on SQLite. The rows are written
    inside one ``atomic`` block (without a savepoint of its own inside another). Observed through
    the block's entry, not by leaving autocommit: a transactional test would flush the database
    that later tests read (the portal's root pages come from the migrations)."""
    import contextlib

    from search import matchset

    inside = [False]
    seen = []
    atomic = matchset.transaction.atomic

    @contextlib.contextmanager
    def watched(*args, **kwargs):
        with atomic(*args, **kwargs):
            inside[0] = True
            try:
                yield
            finally:
                inside[0] = False

    def watch(execute, sql, params, many, context):
        if many:
            seen.append(inside[0])
        return execute(sql, params, many, context)

    monkeypatch.setattr(matchset.transaction, "atomic", watched)
    with connection.execute_wrapper(watch):
        matchset.loaded_hits([(0, pk, 1.0, 2) for pk in range(1, 101)])
    assert seen == ([True] if connection.vendor == "sqlite" else [])


def test_every_match_is_listed_to_the_last_page(pages):
    docs, news = pages
    count, hits = every_page("cai cach hanh chinh", page_size=3)
    assert count == len(hits) == len(set(hits)) == 8
    assert set(hits) == {("legal_document", d.pk) for d in docs} | {("news", n.pk) for n in news[:2]}


def test_unpublished_and_private_matches_are_left_out(pages):
    """The index keeps an unpublished page's entry until it is updated: the service reads every
    match through the live, public pages."""
    docs, _news = pages
    type(docs[0]).objects.filter(pk=docs[0].pk).update(live=False)  # its index entry remains
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=docs[1], restriction_type=PageViewRestriction.LOGIN)
    count, hits = every_page("cai cach hanh chinh")
    assert ("legal_document", docs[0].pk) not in hits and ("legal_document", docs[1].pk) not in hits
    assert count == 6 == len(hits)
    assert run("cai cach hanh chinh").facets["type"] == {"legal_document": 4, "news": 2}


def test_filters_apply_to_every_match(pages):
    docs, _news = pages
    result = run("cai cach hanh chinh", date_to=date(2020, 1, 2), page_size=20)
    assert sorted(pk for _code, pk in listed(result)) == sorted([docs[0].pk, docs[1].pk])


def test_newest_sort_and_the_fallback_take_the_generic_path(pages):
    ours = run("cai cach hanh chinh", sort="newest", page_size=20)
    generic = run("cai cach hanh chinh", backend="generic", sort="newest", page_size=20)
    assert listed(ours) == listed(generic)
    assert service._scored_backend("generic") is None
    assert service._scored_backend("default") is not None


MANY = 1_050


@pytest.fixture
def many_documents():
    """``MANY`` legal documents about land (đất đai), one a week back from ``TODAY``, bulk-written
    and indexed as ``update_index`` does."""
    from bench.search_speed import bulk_insert_pages
    from directives.models import LegalDocumentPage

    factories.legal_document("1/QĐ-UBND", summary="Về việc đất đai")
    kind, issuer = factories.document_type(), factories.agency()
    docs = []
    for n in range(MANY):
        page = LegalDocumentPage(
            title=f"Quyết định {n + 2}/QĐ-UBND về quản lý đất đai",
            slug=f"qd-{n + 2}",
            number=f"{n + 2}/QĐ-UBND",
            summary=f"Về việc quản lý đất đai khu vực {n}",
            issued_on=TODAY - timedelta(weeks=n),
            body="<p>Căn cứ Luật Đất đai.</p>",
            document_type=kind,
            issuing_body=issuer,
        )
        page.derive_number_keys()
        docs.append(page)
    bulk_insert_pages(LegalDocumentPage, factories.legal_index(), docs)
    get_search_backend().add_bulk(LegalDocumentPage, list(LegalDocumentPage.objects.filter(slug__startswith="qd-")))
    return sorted(docs, key=lambda d: d.issued_on)


def test_more_than_a_thousand_matches_counted_exactly_and_the_last_page_lists_the_oldest(many_documents):
    oldest = many_documents[0]
    for sort in ("relevance", "newest"):
        result = run("dat dai", sort=sort, page_size=50)
        assert result.count == MANY + 1, sort
        assert result.facets["type"] == {"legal_document": MANY + 1}
        last = run("dat dai", sort=sort, page_size=50, page=-(-result.count // 50))
        assert len(last.results) == (MANY + 1) % 50
        if sort == "newest":
            assert listed(last)[-1] == ("legal_document", oldest.pk)
    count, hits = every_page("quan ly dat dai")
    assert count == len(set(hits)) == MANY
    assert ("legal_document", oldest.pk) in hits
    # the oldest found by its own subject, among a thousand on the same subject
    assert oldest.summary.endswith(f"khu vực {MANY - 1}")
    assert listed(run(f"quan ly dat dai khu vuc {MANY - 1}"))[0] == ("legal_document", oldest.pk)
    assert listed(run("quản lý đất đai khu vực 7"))[0] == ("legal_document", many_documents[-8].pk)
