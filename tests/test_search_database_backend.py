"""The portal's database search backend (search/backends/database/) against modelsearch's stock one.

Both backends read the same index table, so every test indexes once (the default backend, on
save) and asks both the same question: the answers must agree; the difference is how many times
the SQL evaluates the match. Runs on SQLite (FTS5) and on PostgreSQL.
"""

import re
import unicodedata
from datetime import date
from unittest import mock

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from modelsearch.query import Not, Phrase, PlainText
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from news.models import NewsPage
from portal.text import fold, query_text
from search.backends import database
from search.backends.config import POSTGRES_SEARCH_CONFIG
from tests import factories

pytestmark = pytest.mark.django_db

on_postgres = pytest.mark.skipif("connection.vendor != 'postgresql'", reason="PostgreSQL only")
on_sqlite = pytest.mark.skipif("connection.vendor != 'sqlite'", reason="SQLite only")


@pytest.fixture(autouse=True)
def _backends(settings):
    """``default``: the portal's backend (as the settings build it); ``stock``: modelsearch's."""
    factories.with_stock_search_backend(settings, "stock")


@pytest.fixture
def articles():
    """News whose relevance for "môi trường" differs (how often, where: title or lead only)."""
    return [
        factories.news("Bảo vệ môi trường", lead="Môi trường xanh, môi trường sạch, môi trường đẹp"),
        factories.news("Hội nghị về môi trường làng nghề", lead="Tổng kết công tác", published_on=date(2024, 3, 1)),
        factories.news("Tổng kết năm học", lead="Môi trường giáo dục an toàn", published_on=date(2024, 5, 1)),
        factories.news("Khánh thành cầu Vĩnh Tường", lead="Cây cầu mới nối đôi bờ sông"),
        factories.news("Ngày hội đại đoàn kết", lead="Tại xã Đại Đồng, huyện Vĩnh Tường"),
        factories.news("Trường học mới ở Tân Tiến", lead="Môi trường học tập được cải thiện"),
    ]


def ranked(query, backend, **kwargs):
    """(pk, score) best first. The stock backend gets the query folded, as ours folds it: the
    index holds the headings folded (``title`` column) and the written texts folded only."""
    if backend == "stock" and isinstance(query, str):
        query = fold(query)
    results = NewsPage.objects.live().search(query, backend=backend, **kwargs).annotate_score("_score")
    return [(page.pk, page._score) for page in results]


def same_ranking(query, **kwargs):
    ours = ranked(query, "default", **kwargs)
    stock = ranked(query, "stock", **kwargs)
    assert [pk for pk, _ in ours] == [pk for pk, _ in stock]
    assert [score for _, score in ours] == pytest.approx([score for _, score in stock])
    return ours


def test_the_backend_is_picked_by_the_database_vendor():
    backend = get_search_backend()
    expected = {"sqlite": "SQLiteSearchBackend", "postgresql": "PostgresSearchBackend"}[connection.vendor]
    assert type(backend).__name__ == expected
    module = {"sqlite": "sqlite", "postgresql": "postgres"}[connection.vendor]
    assert type(backend).__module__ == f"{database.__name__}.{module}"
    assert type(backend) is not type(get_search_backend("stock"))
    if connection.vendor == "postgresql":
        assert backend.config == POSTGRES_SEARCH_CONFIG


@pytest.mark.parametrize("query", ["moi truong", "môi trường", "Vĩnh Tường", "truong", "tong ket"])
def test_ranking_is_the_stock_ranking(articles, query):
    ours = same_ranking(query, operator="and")
    assert ours, "the query should find something"


def test_ranking_puts_the_denser_match_first(articles):
    ours = same_ranking("moi truong", operator="and")
    assert ours[0][0] == articles[0].pk  # in the title and three times in the lead
    assert articles[3].pk not in [pk for pk, _ in ours]


def test_operators(articles):
    both = {pk for pk, _ in same_ranking("vinh tuong khanh", operator="and")}
    either = {pk for pk, _ in same_ranking("vinh tuong khanh", operator="or")}
    assert both == {articles[3].pk}
    assert either >= {articles[3].pk, articles[4].pk}
    assert len(either) > len(both)


def test_filters_and_order_without_relevance(articles):
    qs = NewsPage.objects.live().filter(published_on__gte=date(2024, 2, 1)).order_by("-published_on")
    ours = list(qs.search("moi truong", operator="and", order_by_relevance=False))
    stock = list(qs.search("moi truong", operator="and", order_by_relevance=False, backend="stock"))
    assert ours == stock == [articles[2], articles[1]]  # the queryset's order, filtered


def test_count_slices_and_fields(articles):
    results = NewsPage.objects.live().search("moi truong", operator="and")
    assert results.count() == NewsPage.objects.live().search("moi truong", operator="and", backend="stock").count()
    assert results.count() == 4
    assert list(results[1:3]) == list(results)[1:3]
    assert {p.pk for p in NewsPage.objects.search("moi truong", fields=["title"], operator="and")} == {
        p.pk for p in NewsPage.objects.search("moi truong", fields=["title"], operator="and", backend="stock")
    }


def test_phrase_and_negation_as_stock(articles):
    # the stock backend is given the query folded (the index holds the headings folded)
    for query, folded in (
        (Phrase("môi trường làng nghề"), Phrase("moi truong lang nghe")),
        (PlainText("truong") & Not(PlainText("moi")),) * 2,
    ):
        ours = {p.pk for p in NewsPage.objects.live().search(query)}
        stock = {p.pk for p in NewsPage.objects.live().search(folded, backend="stock")}
        assert ours == stock
    assert {p.pk for p in NewsPage.objects.live().search(Phrase("môi trường làng nghề"))} == {articles[1].pk}


def test_a_parent_model_finds_every_specific_type_once(articles):
    doc = factories.legal_document(summary="Quy định về bảo vệ môi trường làng nghề")
    found = [p.pk for p in Page.objects.live().search("moi truong lang nghe", operator="and")]
    assert sorted(found) == sorted({articles[1].pk, doc.pk})


def test_autocomplete(articles):
    ours = [p.pk for p in NewsPage.objects.live().autocomplete("Khánh thà")]
    assert ours == [articles[3].pk]
    if connection.vendor != "postgresql":  # on PostgreSQL the index is folded (next test): stock cannot read it
        stock = [p.pk for p in NewsPage.objects.live().autocomplete("Khánh thà", backend="stock")]
        assert stock == ours


@on_postgres
def test_postgres_autocomplete_folds_like_full_text_search(articles):
    """modelsearch hard-codes the 'simple' configuration for autocomplete; ours uses the unaccent one."""
    assert get_search_backend("default").autocomplete_config == POSTGRES_SEARCH_CONFIG
    for typed in ("khanh tha", "Khánh thà", "KHANH TH"):
        assert [p.pk for p in NewsPage.objects.live().autocomplete(typed)] == [articles[3].pk], typed


def test_ranking_is_one_query_that_matches_once(articles):
    NewsPage.objects.live().search("moi truong").count()  # content types cached
    with CaptureQueriesContext(connection) as ours:
        results = list(NewsPage.objects.live().search("moi truong", operator="and").annotate_score("_score"))
    assert len(results) == 4
    assert len(ours) == 1
    with CaptureQueriesContext(connection) as stock:
        list(NewsPage.objects.live().search("moi truong", operator="and", backend="stock").annotate_score("_score"))
    sql, stock_sql = ours[0]["sql"], stock[0]["sql"]
    if connection.vendor == "sqlite":
        # Stock: the match in the filter and again in a correlated subquery, once per candidate row.
        assert stock_sql.count(" MATCH ") == 2
        assert sql.count(" MATCH ") == 1
        assert "bm25" in sql
    else:
        # Stock: "(title || body) @@ query", which no index covers; ours: "title @@ … OR body @@ …" per term.
        assert "||" in stock_sql
        assert "||" not in sql.split(" WHERE ", 1)[1].split(" ORDER BY ")[0]
        assert sql.count("@@") >= 4  # two terms, title or body


@on_sqlite
def test_sqlite_scores_are_bm25_as_stock(articles):
    scores = [score for _, score in same_ranking("moi truong", operator="and")]
    assert all(score < 0 for score in scores)  # bm25: lower is better
    assert scores == sorted(scores)


@on_postgres
def test_postgres_uses_the_gin_indexes():
    """EXPLAIN of the match condition on the index entries: GIN bitmap scans, not a read of every
    entry. Sequential and plain index scans are switched off, so the plan does not depend on the
    table's size or statistics (an ANALYZE, which ``optimize_index`` runs, survives rollbacks): a
    condition no index serves — the stock ``(title || body) @@ query`` — stays a sequential scan."""
    from modelsearch.conf import get_app_config

    IndexEntry = get_app_config().get_model("IndexEntry")
    table = IndexEntry._meta.db_table
    page = factories.news("Bảo vệ môi trường", lead="Môi trường xanh")
    backend = get_search_backend()
    compiler = backend.query_compiler_class(NewsPage.objects.all(), "moi truong", operator="and")
    ours = IndexEntry.objects.filter(compiler._index_condition(backend.config, names=("title", "body")))
    assert list(ours.values_list("object_id", flat=True)) == [str(page.pk)]
    concatenated = f"SELECT id FROM {table} WHERE (title || body) @@ to_tsquery(%s::regconfig, 'moi & truong')"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s AND indexdef LIKE %s", [table, "%gin%"])
        gin = {row[0] for row in cursor.fetchall()}
        plans = {}
        cursor.execute("SET enable_seqscan = off; SET enable_indexscan = off; SET enable_indexonlyscan = off")
        try:
            for name, (sql, params) in {
                "ours": ours.values("id").query.sql_with_params(),
                "concatenated": (concatenated, [backend.config]),
            }.items():
                cursor.execute("EXPLAIN " + sql, params)
                plans[name] = "\n".join(row[0] for row in cursor.fetchall())
        finally:
            cursor.execute("RESET enable_seqscan; RESET enable_indexscan; RESET enable_indexonlyscan")
    assert len(gin) >= 2, gin
    assert "Seq Scan" not in plans["ours"], plans["ours"]
    assert any(f"Bitmap Index Scan on {name}" in plans["ours"] for name in gin), plans["ours"]
    assert "Seq Scan" in plans["concatenated"], plans["concatenated"]


def test_indexing_reads_each_field_once():
    page = factories.news("Bảo vệ môi trường", lead="Môi trường xanh")
    backend = get_search_backend()
    with mock.patch.object(NewsPage, "search_folded", autospec=True, return_value="bao ve moi truong") as folded:
        backend.add(page)
    assert folded.call_count == 1  # stock: once per indexed column (3 on SQLite, 5 on PostgreSQL)
    assert [p.pk for p in NewsPage.objects.search("bao ve moi truong", operator="and")] == [page.pk]


def test_indexing_writes_what_stock_writes_less_the_written_texts_with_the_headings_apart(monkeypatch):
    """Ours writes the stock columns, less the long written texts (``WrittenText``: the body), which
    ``search_folded`` indexes folded: each word once, not twice; and the ``title`` column holds the
    headings (``Heading``: title, lead), folded, which the ranking weighs above the body."""
    from modelsearch.conf import get_app_config

    from search.indexing import Heading, WrittenText, heading_fields

    page = factories.news("Bảo vệ môi trường", lead="Môi trường xanh", body=[("paragraph", "<p>Rừng phòng hộ</p>")])
    entries = get_app_config().get_model("IndexEntry").objects.filter(object_id=str(page.pk))
    # On PostgreSQL our autocomplete column is folded on purpose (test_postgres_autocomplete_folds…).
    columns = ["body"] if connection.vendor == "postgresql" else ["body", "autocomplete"]
    written = [f for f in NewsPage.search_fields if isinstance(f, WrittenText)]
    assert [f.field_name for f in written] == ["body"]
    assert heading_fields(NewsPage) == ["title", "lead"]
    get_search_backend("stock").add(page)
    stock_with_body = list(entries.values_list(*columns))
    apart = [f for f in NewsPage.search_fields if isinstance(f, WrittenText | Heading)]
    monkeypatch.setattr(NewsPage, "search_fields", [f for f in NewsPage.search_fields if f not in apart])
    get_search_backend("stock").add(page)
    stock = list(entries.values_list(*columns))
    monkeypatch.undo()
    get_search_backend().add(page)
    ours = list(entries.values_list(*columns))
    assert ours == stock != stock_with_body
    assert len(stock) == 1
    body = str(ours[0][0])
    title = str(entries.values_list("title", flat=True).get())
    if connection.vendor == "sqlite":  # the text itself: written once, folded
        assert "Rừng" not in body and "rung phong ho" in body
        assert title == "bao ve moi truong moi truong xanh"
    else:  # the lexemes' positions: once each (the vector as text: 'rung':7 'phong':8 …)
        assert re.search(r"'rung':\d+ ", body) and re.search(r"'rung':\d+,\d+ ", str(stock_with_body[0][0]))
        assert title == "'bao':1A 'moi':3A,5A 'truong':4A,6A 've':2A 'xanh':7A"


@pytest.mark.parametrize(
    "query",
    [
        "Rừng phòng hộ đầu nguồn",
        "rung phong ho dau nguon",
        unicodedata.normalize("NFD", "RỪNG PHÒNG HỘ"),
        Phrase("rừng phòng hộ"),
    ],
)
def test_a_query_with_marks_finds_words_only_the_body_holds(query):
    """The body is indexed folded only (``WrittenText``): a query with marks — ``ừ``, ``ộ`` (two
    marks), ``đ``, which FTS5's tokenizer keeps — is folded too, on the stock search path (the admin's
    search) as on the service's."""
    page = factories.news("Tin môi trường", body=[("paragraph", "<p>Trồng rừng phòng hộ đầu nguồn</p>")])
    factories.news("Tin khác", body=[("paragraph", "<p>Phòng họp</p>")])
    assert [p.pk for p in NewsPage.objects.live().search(query, operator="and")] == [page.pk]
    assert [p.pk for p in NewsPage.objects.live().autocomplete("TIN MÔI TRƯ")] == [page.pk]  # title: folded too


def scored(words, missing=0, model=NewsPage):
    """{page id: (score, holds every word)} from ``scored_matches`` for the pages of ``model``."""
    from modelsearch.utils import get_descendants_content_types_pks

    content_types = get_descendants_content_types_pks(model)
    found = get_search_backend().scored_matches(content_types, query_text(words).split(), missing)
    return {pk: (score, every) for _ct, pk, score, every in found}


def best_first(found):
    return sorted(found, key=lambda pk: -found[pk][0])


@pytest.mark.parametrize("query", ["moi truong", "môi trường", "Vĩnh Tường", "truong", "khong co tu nay"])
def test_scored_matches_find_every_page_the_and_search_finds(articles, query):
    found = scored(query)
    assert set(found) == {pk for pk, _ in ranked(query, "stock", operator="and")}
    assert all(held == len(query.split()) for _score, held in found.values())
    assert all(score > 0 for score, _every in found.values())  # higher is better, on both databases


def test_scored_matches_weigh_the_headings_above_the_body():
    """The title (a heading) holding the words once outweighs a body that repeats them: the
    headings' column is weighed ``HEADING_WEIGHT`` times the body."""
    body = [("paragraph", "<p>" + "Bảo vệ môi trường nông thôn. " * 4 + "</p>")]
    in_bodies = [factories.news(f"Tin tức số {i}", lead="Hoạt động trong tuần", body=body) for i in range(3)]
    in_title = factories.news("Môi trường nông thôn", lead="Tin tức trong tuần")
    found = scored("moi truong nong thon")
    assert set(found) == {in_title.pk, *(p.pk for p in in_bodies)}
    assert best_first(found)[0] == in_title.pk


def test_only_the_matches_whose_headings_hold_every_word_are_scored():
    """Every word required: a page holding them only in its body (or its headings holding some of
    them) is matched — counted and listed — with score 0, ranked after the pages whose headings hold
    them all by the boosts it meets and its date, newest first (docs/search.md, "Field weights");
    with soft matching every match is scored."""
    body = [("paragraph", "<p>Bảo vệ môi trường nông thôn.</p>")]
    older = factories.news("Tin tức số 1", lead="Hoạt động trong tuần", body=body, published_on=date(2023, 1, 5))
    newer = factories.news("Môi trường xanh", lead="Tin tức", body=body, published_on=date(2024, 1, 5))
    in_title = factories.news("Môi trường nông thôn", lead="Tin tức trong tuần", published_on=date(2022, 1, 5))
    found = scored("moi truong nong thon")
    assert set(found) == {older.pk, newer.pk, in_title.pk}
    assert found[in_title.pk][0] > 0
    assert found[older.pk][0] == found[newer.pk][0] == 0
    soft = scored("moi truong nong thon tuan", missing=1)
    assert set(soft) == {older.pk, newer.pk, in_title.pk}
    assert all(score > 0 for score, _held in soft.values())

    from search.service import SearchQuery, search

    result = search(SearchQuery(q="moi truong nong thon", types=["news"]))
    assert result.count == 3
    assert [hit.page.pk for hit in result.results] == [in_title.pk, newer.pk, older.pk]


@on_sqlite
def test_sqlite_reads_the_matches_pages_from_the_entries_narrow_index(articles):
    """Each match's content type and page come from ``portal_search_entry_lookup`` (migration
    ``portal_search.0003``), not from the entry's row, which holds the page's whole text."""
    with CaptureQueriesContext(connection) as queries:
        scored("moi truong")
    [sql] = [q["sql"] for q in queries if "MATCH" in q["sql"]]
    assert 'INDEXED BY "portal_search_entry_lookup"' in sql  # an error if the index were missing
    with connection.cursor() as cursor:
        cursor.execute("SELECT sql FROM sqlite_master WHERE name = 'portal_search_entry_lookup'")
        assert '("id", "content_type_id", "object_id")' in cursor.fetchone()[0]


def test_a_legal_documents_summary_and_number_are_headings():
    """A document whose summary (trích yếu) holds the words ranks above one whose body repeats
    them; its number's words weigh as headings too."""
    target = factories.legal_document(number="15/2020/NĐ-CP", summary="Quy định xử phạt vi phạm hành chính")
    others = [
        factories.legal_document(
            summary=f"Kế hoạch công tác năm {2010 + i}",
            body=f"<p>{'Xử phạt vi phạm hành chính. ' * 5}</p>",
        )
        for i in range(3)
    ]
    found = scored("xu phat vi pham hanh chinh", model=type(target))
    assert set(found) == {target.pk, *(o.pk for o in others)}
    assert best_first(found)[0] == target.pk
    assert best_first(scored("nd cp 15 2020", model=type(target)))[0] == target.pk


def test_soft_matches_allow_the_words_missing_and_count_the_words_held(articles):
    """``missing``: a page may lack that many of the words; how many it holds comes with it (the
    service ranks those holding more first)."""
    assert scored("moi truong lang nghe xanh") == {}  # no page holds all five
    found = scored("moi truong lang nghe xanh", missing=2)
    # "Bảo vệ môi trường" (moi truong xanh: 3 of 5), "Hội nghị về môi trường làng nghề" (4 of 5)
    assert {pk: held for pk, (_score, held) in found.items()} == {articles[0].pk: 3, articles[1].pk: 4}
    assert scored("moi truong lang nghe xanh", missing=1).keys() == {articles[1].pk}
    found = scored("moi truong lang nghe")
    assert {pk: held for pk, (_score, held) in found.items()} == {articles[1].pk: 4}
    found = scored("moi truong hoc", missing=1)  # "môi trường" pages, and pages with "trường học"
    assert {pk for pk, (_s, held) in found.items() if held == 3} == {articles[2].pk, articles[5].pk}
    assert found.keys() == {articles[0].pk, articles[1].pk, articles[2].pk, articles[5].pk}
    assert all(score > 0 for score, _held in found.values())


def test_scored_matches_are_one_query_soft_or_not(articles):
    get_search_backend().scored_matches([1], ["x"])  # content types and the backend loaded
    with CaptureQueriesContext(connection) as queries:
        scored("moi truong")
    assert len([q for q in queries if "MATCH" in q["sql"] or "@@" in q["sql"]]) == 1
    with CaptureQueriesContext(connection) as queries:
        scored("moi truong hoc", missing=1)
    # SQLite: the words each entry holds (a materialized CTE), then the scores of those holding enough
    matching = [q["sql"] for q in queries if "MATCH" in q["sql"] or "@@" in q["sql"]]
    assert len(matching) == 1
    assert "UNION ALL" in matching[0] if connection.vendor == "sqlite" else "held >= 2" in matching[0]
    with CaptureQueriesContext(connection) as queries:
        assert get_search_backend().scored_matches([], ["moi"]) == []
        assert get_search_backend().scored_matches([1], []) == []
    assert len(queries) == 0


def test_scored_matches_quote_what_they_are_given(articles):
    """Words reach the database as data: quotes and operators find nothing, break nothing."""
    for words in (['"', "or"], ["moi'", "truong"], ["AND", "NOT"], ["title:moi"], ["a\\b"]):
        backend = get_search_backend()
        from modelsearch.utils import get_descendants_content_types_pks

        assert isinstance(backend.scored_matches(get_descendants_content_types_pks(NewsPage), words, 1), list)


def test_scored_matches_see_pages_indexed_since(articles):
    assert len(scored("moi truong")) == 4
    page = factories.news("Môi trường nông thôn", lead="Tin mới")
    assert page.pk in scored("moi truong")
    page.unpublish()  # the index keeps the entry until it is updated: the service checks live pages
    NewsPage.objects.filter(pk=page.pk).delete()
    assert page.pk not in scored("moi truong")
