"""The shape of the unified search's database fast path (search/service.py ``_bounded_ranked``,
search/backends/database/ ``bounded_matches``): bounded work whatever the number of matches (at most
``MAX_MATCHES_PER_TYPE`` walked per type, ``RANKED_PER_TYPE`` of them scored), and the same answers as
the generic path (the one Elasticsearch/OpenSearch take) below those bounds. SQLite and PostgreSQL."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import service
from search.service import SearchQuery
from tests import factories

pytestmark = pytest.mark.django_db
TODAY = date(2026, 6, 1)


@pytest.fixture(autouse=True)
def _backends(settings):
    """``default``: the portal's backend; ``generic``: modelsearch's stock database backend, which has no
    ``bounded_matches``, so the service takes its generic path (as for Elasticsearch/OpenSearch)."""
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


@pytest.mark.parametrize("q", ["cai cach hanh chinh", "cải cách", "Vĩnh Tường", "tong ket", "3/QĐ-UBND"])
def test_the_fast_path_answers_as_the_generic_path(pages, q):
    fast, generic = run(q, page_size=20), run(q, backend="generic", page_size=20)
    assert fast.count == generic.count > 0
    assert listed(fast) == listed(generic)
    assert fast.facets == generic.facets


def test_bounded_match_queries_whatever_the_matches(pages):
    run("cai cach hanh chinh")  # content types cached
    with CaptureQueriesContext(connection) as queries:
        result = run("cai cach hanh chinh")
    assert result.count == 8
    matching = [q["sql"] for q in queries if " MATCH " in q["sql"] or "@@" in q["sql"]]
    cap = service.MAX_MATCHES_PER_TYPE
    if connection.vendor == "postgresql":
        # one walk for every type (each word's GIN list read once), each type's rows numbered and
        # cut at the cap; directives and tasks have no index entries and are not walked
        (walk,) = matching
        assert "ROW_NUMBER() OVER (PARTITION BY" in walk and f"<= {cap}" in walk
    else:
        # one walk per type with entries (legal documents, news), newest first and cut at the cap;
        # then one query scores the kept matches of every type (bm25's IDF read once)
        walks = [sql for sql in matching if f"LIMIT {cap}" in sql]
        assert len(walks) == 2 and all("ORDER BY" in sql for sql in walks)
        assert len(matching) == 3


def test_matches_beyond_the_cap_are_the_least_recently_indexed(pages, monkeypatch):
    docs, news = pages
    monkeypatch.setattr(service, "MAX_MATCHES_PER_TYPE", 2)
    result = run("cai cach hanh chinh", page_size=20)
    assert result.facets["type"] == {"legal_document": 2, "news": 2}
    assert result.count == 4
    assert {pk for code, pk in listed(result) if code == "legal_document"} == {docs[-1].pk, docs[-2].pk}
    assert {pk for code, pk in listed(result) if code == "news"} == {news[0].pk, news[1].pk}
    # the title holding the whole query still comes first
    assert listed(result)[0] == ("news", news[0].pk)


def test_only_the_newest_matches_are_ranked_the_others_follow_newest_first(pages, monkeypatch):
    docs, news = pages
    generic = run("cai cach hanh chinh", backend="generic", page_size=20)
    monkeypatch.setattr(service, "RANKED_PER_TYPE", 2)
    result = run("cai cach hanh chinh", page_size=20)
    # every match is still counted and faceted (the count comes from the walk, to the cap)
    assert result.count == generic.count == 8
    assert result.facets == generic.facets
    # ranked: the two newest of each type (titles holding the whole query first), then the other
    # legal documents, most recently indexed first, without scores
    assert listed(result)[0] == ("news", news[0].pk)
    assert set(listed(result)[:4]) == {("news", news[0].pk), ("news", news[1].pk)} | {
        ("legal_document", d.pk) for d in docs[-2:]
    }
    assert listed(result)[4:] == [("legal_document", d.pk) for d in reversed(docs[:-2])]


def test_unranked_matches_are_live_and_public_too(pages, monkeypatch):
    """Without filters the walk does not check "live and public": the service does, for every match kept."""
    docs, _news = pages
    type(docs[0]).objects.filter(pk=docs[0].pk).update(live=False)  # unpublished; its index entry remains
    monkeypatch.setattr(service, "RANKED_PER_TYPE", 1)
    result = run("cai cach hanh chinh", page_size=20)
    assert ("legal_document", docs[0].pk) not in listed(result)
    assert result.count == 7 == len(listed(result))
    assert result.facets["type"] == {"legal_document": 5, "news": 2}


def test_filters_apply_before_the_cap(pages, monkeypatch):
    docs, _news = pages
    monkeypatch.setattr(service, "MAX_MATCHES_PER_TYPE", 2)
    result = run("cai cach hanh chinh", date_to=date(2020, 1, 2), page_size=20)
    assert sorted(pk for _code, pk in listed(result)) == sorted([docs[0].pk, docs[1].pk])


def test_newest_sort_and_the_fallback_take_the_generic_path(pages):
    fast = run("cai cach hanh chinh", sort="newest", page_size=20)
    generic = run("cai cach hanh chinh", backend="generic", sort="newest", page_size=20)
    assert listed(fast) == listed(generic)
    assert service._search_engine("generic") is None
    assert service._search_engine("default") is not None
