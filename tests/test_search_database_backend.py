"""The portal's database search backend (search/backends/database/) against modelsearch's stock one.

Both backends read the same index table, so every test indexes once (the default backend, on
save) and asks both the same question: the answers must agree; the difference is how many times
the SQL evaluates the match. Runs on SQLite (FTS5) and on PostgreSQL.
"""

import re
import time
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
from portal.text import query_text
from search.backends import database
from search.backends.config import POSTGRES_SEARCH_CONFIG
from search.service import _titles_words
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
    """(pk, score) best first."""
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
    for query in (Phrase("môi trường làng nghề"), PlainText("truong") & Not(PlainText("moi"))):
        ours = {p.pk for p in NewsPage.objects.live().search(query)}
        stock = {p.pk for p in NewsPage.objects.live().search(query, backend="stock")}
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


def test_indexing_writes_what_stock_writes_less_the_written_texts(monkeypatch):
    """Ours writes the stock columns, less the long written texts (``WrittenText``: the body), which
    ``search_folded`` indexes folded: each word once, not twice."""
    from modelsearch.conf import get_app_config

    from search.indexing import WrittenText

    page = factories.news("Bảo vệ môi trường", lead="Môi trường xanh", body=[("paragraph", "<p>Rừng phòng hộ</p>")])
    entries = get_app_config().get_model("IndexEntry").objects.filter(object_id=str(page.pk))
    # On PostgreSQL our autocomplete column is folded on purpose (test_postgres_autocomplete_folds…).
    columns = ["title", "body"] if connection.vendor == "postgresql" else ["title", "body", "autocomplete"]
    written = [f for f in NewsPage.search_fields if isinstance(f, WrittenText)]
    assert [f.field_name for f in written] == ["body"]
    get_search_backend("stock").add(page)
    stock_with_body = list(entries.values_list(*columns))
    monkeypatch.setattr(NewsPage, "search_fields", [f for f in NewsPage.search_fields if f not in written])
    get_search_backend("stock").add(page)
    stock = list(entries.values_list(*columns))
    monkeypatch.undo()
    get_search_backend().add(page)
    ours = list(entries.values_list(*columns))
    assert ours == stock != stock_with_body
    assert len(stock) == 1
    body = str(ours[0][1])
    if connection.vendor == "sqlite":  # the text itself: written once, folded
        assert "Rừng" not in body and "rung phong ho" in body
    else:  # the lexemes' positions: once each (the vector as text: 'rung':7 'phong':8 …)
        assert re.search(r"'rung':\d+ ", body) and re.search(r"'rung':\d+,\d+ ", str(stock_with_body[0][1]))


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


def bounded(query, limit=100, candidates=None, model=NewsPage, ranked=None):
    from modelsearch.utils import get_descendants_content_types_pks

    content_types = get_descendants_content_types_pks(model)
    return get_search_backend().bounded_matches([(content_types, candidates)], query, limit, ranked)


def entry_ids(model=NewsPage):
    """{page id: index entry id}: the order the bounded walk follows (newest entry first)."""
    from modelsearch.conf import get_app_config

    entries = get_app_config().get_model("IndexEntry").objects
    return {
        int(o): i for o, i in entries.filter(content_type__model=model._meta.model_name).values_list("object_id", "id")
    }


@pytest.mark.parametrize("query", ["moi truong", "môi trường", "Vĩnh Tường", "truong"])
def test_bounded_matches_score_the_matches_as_search_does(articles, query):
    ours = {pk: score for _, pk, score in bounded(query)}
    stock = dict(ranked(query, "stock", operator="and"))
    assert set(ours) == set(stock)
    assert [ours[pk] for pk in stock] == pytest.approx(list(stock.values()))
    best = max if get_search_backend().score_higher_is_better else min
    assert best(ours, key=ours.get) == next(iter(stock))  # the direction the service sorts by


@on_sqlite
def test_sqlite_scores_without_the_words_bm25_gives_no_weight():
    """A word in the title or body of at least half the index entries has bm25's floor IDF (1e-6):
    the scoring query leaves it out while a rarer word is left (its IDF pass is the costliest part
    of scoring a common query), which changes the scores by less than 1e-5 and no order but ties."""
    from modelsearch.conf import get_app_config

    leads = ["Môi trường xanh, môi trường sạch", "Môi trường giáo dục", "Bảo vệ môi trường làng nghề và môi trường"]
    pages = [factories.news(f"Tin môi trường {i}", lead=lead) for i, lead in enumerate(leads)]
    pages += [factories.news(f"Tin số {i}", lead="Tin tức trong ngày") for i in range(6)]
    entries = get_app_config().get_model("IndexEntry").objects
    texts = [f"{title} {body}" for title, body in entries.values_list("title", "body")]
    holding = sum("tin" in query_text(text).split() for text in texts)  # the word, not "tinh"
    assert 2 * holding >= entries.count() > 2 * 3  # "tin": at least half; "moi truong": fewer

    def scoring_query(query):
        with CaptureQueriesContext(connection) as queries:
            found = {pk: score for _, pk, score in bounded(query)}
        return found, next(q["sql"] for q in queries if "bm25" in q["sql"])

    found, sql = scoring_query("tin moi truong")
    assert '"moi"' in sql and '"truong"' in sql and '"tin"' not in sql
    stock = dict(ranked("tin moi truong", "stock", operator="and"))
    assert list(stock) == sorted(found, key=found.get) == [pages[0].pk, pages[2].pk, pages[1].pk]
    assert [found[pk] for pk in stock] == pytest.approx(list(stock.values()), rel=1e-5)
    assert [found[pk] for pk in stock] != pytest.approx(list(stock.values()), rel=1e-12)  # weights did go

    # Every word common: all weighed (their tiny weights are then the whole ranking), as stock.
    found, sql = scoring_query("tin")
    assert '"tin"' in sql
    assert found == pytest.approx(dict(ranked("tin", "stock", operator="and")))

    # The counts are read again once the index changes: "tin" is now in fewer than half.
    for i in range(2 * holding):
        factories.news(f"Hội nghị {i}", lead="Tổng kết công tác")
    assert '"tin"' in scoring_query("tin moi truong")[1]


def test_bounded_matches_keep_the_most_recently_indexed(articles):
    everything = [pk for _, pk, _ in bounded("moi truong")]
    assert len(everything) == 4
    newest_two = [pk for _, pk, _ in bounded("moi truong", limit=2)]
    entry = entry_ids()
    assert newest_two == sorted(everything, key=lambda pk: -entry[pk])[:2]  # newest first


def test_bounded_matches_score_only_the_newest_ranked(articles):
    stock = dict(ranked("moi truong", "stock", operator="and"))
    found = bounded("moi truong", ranked=2)
    entry = entry_ids()
    assert [pk for _, pk, _ in found] == sorted(stock, key=lambda pk: -entry[pk])  # all four, newest first
    assert [score for _, _, score in found[2:]] == [None, None]  # walked and kept, not scored
    assert [score for _, _, score in found[:2]] == pytest.approx([stock[pk] for _, pk, _ in found[:2]])
    with CaptureQueriesContext(connection) as queries:
        bounded("moi truong", ranked=0)
    assert all(score is None for _, _, score in bounded("moi truong", ranked=0))
    # Nothing to score, so no scoring query (neither bm25's fixed cost nor ts_rank paid)
    assert [q for q in queries if "bm25" in q["sql"] or "ts_rank" in q["sql"]] == []


def test_bounded_matches_per_type_candidates_and_one_query(articles):
    document = factories.legal_document(summary="Quy định về bảo vệ môi trường làng nghề")
    candidates = NewsPage.objects.filter(published_on__month__in=[3, 5])
    assert sorted(pk for _, pk, _ in bounded("moi truong", candidates=candidates)) == sorted(
        p.pk for p in articles[1:3]
    )
    assert [pk for _, pk, _ in bounded("moi truong", model=type(document))] == [document.pk]
    assert bounded("khong co tu nay") == []
    with CaptureQueriesContext(connection) as queries:
        bounded("moi truong", limit=2)
    matching = [q["sql"] for q in queries if "MATCH" in q["sql"] or "@@" in q["sql"]]
    # PostgreSQL: one query for every type, each type's rows numbered and the first 2 kept, then one
    # query ranks those (by id, no match again); SQLite: the walk (LIMIT), then one scoring query
    if connection.vendor == "postgresql":
        assert len(matching) == 1
        assert "ROW_NUMBER() OVER (PARTITION BY" in matching[0] and "<= 2" in matching[0]
        assert "ts_rank" not in matching[0]
        assert len([q for q in queries if "ts_rank" in q["sql"]]) == 1
    else:
        assert len(matching) == 2
        assert "LIMIT 2" in matching[0]


@pytest.mark.parametrize(
    "title",
    [
        "Quyết định 43/2011/NĐ-CP về thủ tục hành chính",
        "KHÁNH THÀNH CẦU VĨNH TƯỜNG",
        unicodedata.normalize("NFD", "Đường Đại Đồng, xã Tứ Trưng"),
        "Ðình làng (Ð, ð: eth) – hoà/hòa; “trích dẫn” [x] a_b",
        "",
    ],
)
def test_the_fast_title_check_folds_like_query_text(title):
    assert _titles_words([title])[0] == set(query_text(title).split())
    # folded together with other titles (one string joined by NUL), each still comes out alone
    batch = ["Tin tức", title, "Ðường số 1", title]
    assert _titles_words(batch) == [set(query_text(t).split()) for t in batch]


def test_bounded_matches_see_entries_indexed_since_the_last_search(articles):
    """The id spans each search walks are kept between searches: entries indexed since, by this
    process (our index forgets the spans) or another one (a newer entry id), are walked too."""
    from modelsearch.conf import get_app_config

    assert len(bounded("moi truong")) == 4
    page = factories.news("Môi trường nông thôn", lead="Tin mới")  # indexed by our backend
    assert page.pk in [pk for _, pk, _ in bounded("moi truong")]
    # written by something that does not tell this process (another worker): a newer entry id
    entries = get_app_config().get_model("IndexEntry").objects.filter(object_id=str(articles[3].pk))
    entries._raw_delete(entries.db)
    assert bounded("cau vinh tuong") == []
    get_search_backend("stock").add(articles[3])
    assert [pk for _, pk, _ in bounded("cau vinh tuong")] == [articles[3].pk]


@pytest.mark.parametrize("query", ["moi truong", "Vĩnh Tường", "truong", "khong co tu nay"])
def test_bounded_matches_on_the_body_alone_find_what_title_and_body_find(articles, query):
    """``title_in_body``: our page types fold their title into the body text (search_folded), so
    matching the body alone (PostgreSQL: one GIN list per word) finds the same, scored the same."""
    from modelsearch.utils import get_descendants_content_types_pks

    groups = [(get_descendants_content_types_pks(NewsPage), None)]
    both = get_search_backend().bounded_matches(groups, query, 100)
    body = get_search_backend().bounded_matches(groups, query, 100, title_in_body=True)
    assert [pk for _, pk, _ in body] == [pk for _, pk, _ in both]
    assert [score for *_, score in body] == pytest.approx([score for *_, score in both])
    if connection.vendor == "postgresql":
        with CaptureQueriesContext(connection) as queries:
            get_search_backend().bounded_matches(groups, "moi truong", 100, title_in_body=True)
        sql = next(q["sql"] for q in queries if "@@" in q["sql"])
        condition = sql.split(" WHERE ", 1)[1]
        assert '"body" @@' in condition and '"title" @@' not in condition


@pytest.fixture
def word_shares():
    """Shares of index entries per word as if read from PostgreSQL's statistics (``pg_stats``); a
    test's ANALYZE would leave its row count in ``pg_class`` after the rollback and change other
    tests' plans, so the statistics are given here."""
    database.index_cache.word_shares.update(
        read_at=time.monotonic(), shares={"moi": 0.6, "truong": 0.7, "bao": 0.2}, floor=0.01
    )
    yield database.index_cache.word_shares
    database.index_cache.word_shares["read_at"] = None


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
@pytest.mark.parametrize("limit", [1, 2, 3, 10])
def test_postgres_walk_window_from_word_statistics_finds_the_same(articles, word_shares, monkeypatch, limit):
    """A span wider than ``WALK_WINDOW × limit`` starts with a window sized by the share of the
    rarest word (PostgreSQL's statistics) and widens it when it holds fewer than ``limit``: the
    newest ``limit`` matches all the same."""
    from search.backends.database import postgres

    queries = ["moi truong", "moi truong bao", "vinh tuong", "khongcotunay"]
    whole_span = [bounded(q, limit=limit) for q in queries]
    assert len(whole_span[0]) == min(limit, 4)
    monkeypatch.setattr(postgres, "WALK_WINDOW", 0)  # every span is "wide"
    assert [bounded(q, limit=limit) for q in queries] == whole_span


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_rarest_word_share(word_shares):
    from search.backends.database.postgres import _rarest_word_share

    assert _rarest_word_share(["moi"]) == 0.6
    assert _rarest_word_share(["moi", "bao", "truong"]) == 0.2  # the rarest bounds them all
    assert _rarest_word_share(["moi", "khongcotunay"]) == 0.01  # not listed: rarer than any listed


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_rarest_word_share_without_statistics_is_none():
    """Read from ``pg_stats`` (a test database that was never analysed has none): no estimate."""
    from search.backends.database import postgres

    database.index_cache.word_shares["read_at"] = None
    try:
        assert postgres._rarest_word_share(["moi"]) is None
        assert database.index_cache.word_shares["read_at"] is not None  # read, and kept for a while
    finally:
        database.index_cache.word_shares["read_at"] = None


def _finds_what_stock_finds(found, query="moi truong"):
    assert sorted(pk for _, pk, _ in found) == sorted(pk for pk, _ in ranked(query, "stock", operator="and"))


@on_postgres
def test_postgres_walk_is_planned_through_the_bitmaps_and_leaves_the_settings_as_they_were(articles):
    """The walk is planned with bitmap scans only (PostgreSQL does not count the cost of checking
    ``body @@ word`` row by row, and walked the primary key through large windows doing so: 130–180
    ms instead of ~24 on the 100k bench). Inside a transaction (this test's) the walk runs in a
    savepoint rolled back after it: the settings do not outlive it."""
    from search.backends.database import postgres

    with CaptureQueriesContext(connection) as queries:
        found = bounded("moi truong")
    statement = next(q["sql"] for q in queries if "ROW_NUMBER() OVER" in q["sql"])
    settings, walk = statement.split("; ", 1)
    assert settings == postgres._BITMAPS_ONLY.rstrip("; ")
    _finds_what_stock_finds(found)
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_indexscan'), current_setting('enable_seqscan')")
        assert cursor.fetchone() == ("on", "on")
    plan = "\n".join(row[0] for row in postgres._through_bitmaps("EXPLAIN " + walk, []))
    # Bitmap scans only (on a table this small the planner may take the id range's bitmap alone)
    assert "Bitmap Index Scan on" in plan, plan
    assert "Seq Scan" not in plan and not re.search(r"(?<!Bitmap )Index Scan", plan), plan


@on_postgres
def test_postgres_walk_in_autocommit_is_one_statement(articles, monkeypatch):
    """In autocommit (a request without ``ATOMIC_REQUESTS``) the settings and the walk go as one
    string, no savepoint (the string is one implicit transaction: next test)."""
    from search.backends.database import postgres

    monkeypatch.setattr(connection, "get_autocommit", lambda: True)
    with CaptureQueriesContext(connection) as queries:
        found = bounded("moi truong")
    statements = [q["sql"] for q in queries]
    assert not [sql for sql in statements if "SAVEPOINT" in sql]
    walk = next(sql for sql in statements if "ROW_NUMBER() OVER" in sql)
    assert walk.startswith(postgres._BITMAPS_ONLY)
    _finds_what_stock_finds(found)


@on_postgres
def test_postgres_settings_sent_with_a_statement_in_autocommit_end_with_it():
    """What the autocommit path relies on: a string of statements is one implicit transaction, so
    settings made local by ``set_config(…, true)`` in it end with it (a connection of its own)."""
    from search.backends.database import postgres

    other = connection.get_new_connection(connection.get_connection_params())
    other.autocommit = True
    try:
        with other.cursor() as cursor:
            read = "SELECT current_setting('enable_indexscan'), current_setting('enable_seqscan')"
            cursor.execute(postgres._BITMAPS_ONLY + read)
            assert cursor.fetchone() == ("off", "off")
            cursor.execute(read)
            assert cursor.fetchone() == ("on", "on")
    finally:
        other.close()
