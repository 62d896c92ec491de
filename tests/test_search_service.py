"""The unified search service (search/service.py), called as a function: no HTTP."""

import unicodedata
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from directives.models import Field
from directives.validity import validity_expression, validity_status
from search import service
from search.service import SearchError, SearchQuery, snippet
from tests import consultation_factories, factories, organisation_factories, procedures_factories, projects_factories

pytestmark = pytest.mark.django_db
TODAY = date(2026, 6, 1)


def run(q, **params):
    return service.search(SearchQuery(q=q, **params), today=TODAY)


def numbers(result):
    return [h.page.number if hasattr(h.page, "number") else h.page.title for h in result.results]


@pytest.fixture
def corpus():
    return factories.search_corpus()


def test_folded_query_finds_text_with_marks(corpus):
    result = run("vinh tuong")
    titles = {h.page.title for h in result.results}
    assert corpus["d959"].title in titles and corpus["n1"].title in titles
    assert all("<mark>" in h.snippet for h in result.results)


@pytest.mark.parametrize(
    "q", ["43/2011/NĐ-CP", "43/2011/ND-CP", "nghi dinh 43/2011", "43/2011", "43 /2011/nđcp", "ND-CP 43/2011"]
)
def test_number_queries_put_the_document_first(corpus, q):
    result = run(q)
    assert result.results[0].page.pk == corpus["d43"].pk


@pytest.mark.parametrize(
    "q, name",
    [
        ("nghị định 43 năm 2011", "d43"),
        ("nghi dinh so 42 nam 2022", "d42"),
        ("quyết định số 959 năm 2023", "d959"),  # 959/QĐ-UBND: the year is the year of issue
        ("quyet dinh 12", "d12"),
        ("văn bản số 12 năm 2024", "d12"),
        ("thông báo số 215 năm 2025", "c215"),  # a directive (Thông báo kết luận)
    ],
)
def test_numbers_said_in_words_find_the_document_first(corpus, q, name):
    result = run(q)
    assert result.results[0].page.pk == corpus[name].pk


def test_a_number_said_with_another_type_or_year_is_listed_after_the_one_that_matches(corpus):
    """The type and year said are boosts, the words soft (docs/search.md, "Query understanding"):
    a document that holds the number but not the type or year said is still found — a citizen
    may misremember either — after the one that matches all of it."""
    for q, near in [
        ("quyết định số 43 năm 2011", "d43"),  # 43/2011/NĐ-CP: a decree, not a decision
        ("quyết định số 959 năm 2022", "d959"),  # 959/QĐ-UBND of 2023
        ("nghị định 215 năm 2025", "c215"),  # 215/TB-UBND: a notice
    ]:
        assert [h.page.pk for h in run(q).results] == [corpus[near].pk], q
    decision = factories.legal_document(
        "43/QĐ-UBND", summary="Về việc giao chỉ tiêu", issued_on=date(2011, 3, 1), document_type=corpus["qd"]
    )
    assert [h.page.pk for h in run("quyết định số 43 năm 2011").results] == [decision.pk, corpus["d43"].pk]


def test_nd_cp_finds_both_decrees_before_anything_else(corpus):
    result = run("ND-CP")
    assert {h.page.pk for h in result.results[:2]} == {corpus["d43"].pk, corpus["d42"].pk}


def test_exact_number_first_even_when_sorting_by_newest(corpus):
    result = run("thong tin 43/2011", sort="newest")
    assert result.results[0].page.pk == corpus["d43"].pk


def test_filters_and_facets_for_a_hand_built_set(corpus):
    result = run("dat dai")  # d959 (summary "sử dụng đất"? no: "đất" alone), d12, c215, t1
    pks = {h.page.pk for h in result.results}
    assert pks == {corpus["d12"].pk, corpus["c215"].pk, corpus["t1"].pk}
    assert result.facets["type"] == {"legal_document": 1, "directive": 1, "task": 1}
    assert result.facets["field"] == [{"id": corpus["land"].pk, "name": "Đất đai", "count": 2}]
    assert result.facets["unit"] == [{"id": corpus["tnmt"].pk, "name": "Phòng Tài nguyên và Môi trường", "count": 1}]
    assert {b["name"]: b["count"] for b in result.facets["issuing_body"]} == {
        "Ủy ban nhân dân huyện Vĩnh Tường": 1,
        "Phòng Tài nguyên và Môi trường": 1,  # co-issuer counts too
    }
    assert result.facets["status"] == [{"code": "chua_co_hieu_luc", "label": "Chưa có hiệu lực", "count": 1}]
    assert result.facets["year"] == [{"year": 2025, "count": 2}, {"year": 2024, "count": 1}]

    wide = run("cung cap thong tin")
    assert wide.facets["type"] == {"legal_document": 2, "news": 1}
    assert wide.facets["document_type"] == [{"id": corpus["nd"].pk, "name": "Nghị định", "count": 2}]
    assert {s["code"]: s["count"] for s in wide.facets["status"]} == {"het_hieu_luc_toan_bo": 1, "con_hieu_luc": 1}

    only = run("cung cap thong tin", status="con_hieu_luc")
    assert [h.page.pk for h in only.results] == [corpus["d42"].pk]  # a legal-document filter drops news
    assert run("cung cap thong tin", year=2011).facets["type"] == {"legal_document": 1}
    assert run("cung cap thong tin", types=("news",)).facets["type"] == {"news": 1}
    assert run("quy", document_type=corpus["qd"].pk).count == 2
    assert {h.page.pk for h in run("quan ly", issuing_body=corpus["tnmt"].pk).results} == {corpus["d12"].pk}
    assert {h.type for h in run("dat dai", field=corpus["land"].pk).results} == {"legal_document", "directive"}
    assert [h.page.pk for h in run("dat dai", unit=corpus["tnmt"].pk).results] == [corpus["t1"].pk]
    in_range = run("cung cap thong tin", date_from=date(2022, 1, 1), date_to=date(2025, 2, 28))
    assert [h.page.pk for h in in_range.results] == [corpus["d42"].pk]


def test_sort_newest(corpus):
    result = run("thong tin", sort="newest")
    dates = [h.as_dict()["date"] for h in result.results]
    assert dates == sorted(dates, reverse=True) and len(dates) == 3


def test_pagination(corpus):
    everything = run("quy", page_size=50)
    assert everything.count >= 4
    first = run("quy", page_size=2)
    second = run("quy", page_size=2, page=2)
    assert first.count == second.count == everything.count
    assert [h.page.pk for h in first.results + second.results] == [h.page.pk for h in everything.results[:4]]
    assert run("quy", page=99).results == []


def test_snippet_marks_a_folded_match_and_escapes_the_rest():
    text = "Ngày 1/1 <b>huyện</b> " + "x " * 100 + "tổ chức lễ hội VĨNH TƯỜNG & các xã"
    out = snippet(text, ["vinh", "tuong"])
    assert "<mark>VĨNH TƯỜNG</mark>" in out
    assert "&amp;" in out and "<b>" not in out
    assert out.startswith("…") and len(out) < 200
    nfd = unicodedata.normalize("NFD", "Quy hoạch Vĩnh Tường")
    assert snippet(nfd, ["vinh"]) == "Quy hoạch <mark>Vĩnh</mark> Tường"
    assert snippet("Nghị định 43/2011/NĐ-CP quy định", ["43", "2011", "nd", "cp"]) == (
        "Nghị định <mark>43/2011/NĐ-CP</mark> quy định"
    )
    assert snippet("no match here", ["zzz"]) == "no match here"


def test_snippet_of_results_without_diacritics(corpus):
    result = run("le hoi truyen thong")
    assert result.results[0].snippet.startswith("<mark>Lễ hội truyền thống</mark>")


def test_drafts_and_private_pages_never_appear(corpus):
    factories.legal_document("99/2011/NĐ-CP", summary="Bản nháp bí mật về chuyển đổi số", live=False)
    private = factories.news("Tin nội bộ chuyển đổi số")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    factories.directive("77/TB-UBND", live=False, summary="Nháp chuyển đổi số")
    result = run("chuyen doi so", page_size=50)
    assert {h.page.pk for h in result.results} == {corpus["n2"].pk, corpus["t2"].pk}
    assert run("99/2011/ND-CP").count == 0


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": ""}, "q:"),
        ({"q": "   "}, "q:"),
        ({"q": "x" * 201}, "at most 200"),
        ({"q": "//--"}, "no searchable word"),
        ({"q": "a", "types": ("unknown",)}, "type:"),
        ({"q": "a", "page": 0}, "page:"),
        ({"q": "a", "page_size": 500}, "page_size:"),
        ({"q": "a", "status": "valid"}, "status:"),
        ({"q": "a", "sort": "oldest"}, "sort:"),
        ({"q": "a", "date_from": date(2025, 1, 2), "date_to": date(2025, 1, 1)}, "date_from"),
    ],
)
def test_bad_queries_raise_search_error(params, message):
    with pytest.raises(SearchError, match=message):
        service.search(SearchQuery(**params))


def test_validity_expression_agrees_with_validity_status():
    """The SQL form of the status (used to filter and facet) and the Python form give one answer."""
    from directives.models import LegalDocumentPage

    cases = [
        (stored, eff, exp)
        for stored in ("", "con_hieu_luc", "chua_co_hieu_luc", "het_hieu_luc_mot_phan", "ngung_hieu_luc")
        for eff in (None, date(2026, 1, 1), date(2027, 1, 1))
        for exp in (None, date(2026, 3, 1), date(2028, 1, 1))
        if not (eff and exp and exp <= eff)
    ]
    pages = []
    for i, (stored, eff, exp) in enumerate(cases):
        pages.append(factories.legal_document(f"{i + 1}/2026/QĐ-UBND", status=stored, effective_on=eff, expires_on=exp))
    got = dict(
        LegalDocumentPage.objects.filter(pk__in=[p.pk for p in pages])
        .annotate(s=validity_expression(TODAY))
        .values_list("pk", "s")
    )
    for page, (stored, eff, exp) in zip(pages, cases):
        assert got[page.pk] == validity_status(stored, eff, exp, TODAY), (stored, eff, exp)


@pytest.mark.parametrize("n", [5, 30])
def test_query_count_does_not_grow_with_matches(n):
    nd = factories.document_type("Nghị định", "NĐ", True)
    gov = factories.agency("Chính phủ", "CP")
    for i in range(n):
        doc = factories.legal_document(
            f"{i + 1}/2020/NĐ-CP", document_type=nd, issuing_body=gov, summary=f"Quy định về môi trường số {i}"
        )
        doc.fields.add(Field.objects.get_or_create(name=f"Lĩnh vực {i % 3}")[0])
        factories.news(f"Bảo vệ môi trường {i}", lead="Tin về môi trường")
    # The first search in a process reads the content types of each registered type (and the
    # backend's); then the private pages; the table of matches made sure of and emptied; one
    # statement scoring and writing every match; the count and years; per type with matches the
    # best in the first order and their headings (2 × 2); the facets of the legal documents (their
    # facet columns grouped once — issuers, validity, document types —, co-issuers, fields: 3); the
    # pages shown (2).
    with CaptureQueriesContext(connection) as captured:
        result = run("moi truong", page_size=50)
    assert result.count == 2 * n
    with CaptureQueriesContext(connection) as again:
        assert run("moi truong", page_size=50).count == 2 * n
    assert len(again) == 14, [q["sql"][:80] for q in again]
    assert len(captured) == 14 + 8, [q["sql"][:80] for q in captured]  # the content types of 8 types
    print(f"search with {2 * n} matches: {len(captured)} queries, then {len(again)}")


def test_suggest(corpus):
    titles = [s["title"] for s in service.suggest("nghi dinh 4")]
    assert titles[:2] == ["Nghị định 42/2022/NĐ-CP", "Nghị định 43/2011/NĐ-CP"]
    assert service.suggest("43/20")[0]["number"] == "43/2011/NĐ-CP"
    assert service.suggest("959")[0] == {
        "type": "legal_document",
        "title": "Quyết định 959/QĐ-UBND",
        "number": "959/QĐ-UBND",
        "url": corpus["d959"].url,
    }
    assert any(s["title"] == "Lễ hội đình làng Vĩnh Tường" for s in service.suggest("le hoi"))
    assert any(s["type"] == "task" for s in service.suggest("chuyen doi so"))
    assert len(service.suggest("quy")) <= 10
    with pytest.raises(SearchError):
        service.suggest("")


@pytest.mark.parametrize(
    "typed, expected",
    [
        # The last word partial, without marks: "đ" and letters with two marks ("ộ", "ờ") are
        # what SQLite FTS5's own tokenizer does not fold, so only the folded field completes them.
        ("dat da", {"Rà soát hồ sơ đất đai tồn đọng", "Quyết định 12/QĐ-UBND"}),
        ("le ho", {"Lễ hội đình làng Vĩnh Tường"}),
        ("dinh la", {"Lễ hội đình làng Vĩnh Tường"}),
        ("huyen vinh tuo", {"Quyết định 959/QĐ-UBND"}),
        ("LE HO", {"Lễ hội đình làng Vĩnh Tường"}),
        (unicodedata.normalize("NFD", "Đất đa"), {"Rà soát hồ sơ đất đai tồn đọng", "Quyết định 12/QĐ-UBND"}),
        ("Đất dai tồn đọ", {"Rà soát hồ sơ đất đai tồn đọng"}),  # marks on some words only
    ],
)
def test_suggest_completes_a_partial_word_without_marks(corpus, typed, expected):
    """The four page types autocomplete ``autocomplete_folded`` too (folded title, and summary where
    there is one), so partial words typed without marks complete on SQLite and PostgreSQL alike."""
    titles = {s["title"] for s in service.suggest(typed)}
    assert expected <= titles, titles


def test_suggest_completes_only_what_is_there(corpus):
    assert service.suggest("dat daix") == []
    assert {s["title"] for s in service.suggest("le hoi dinh la")} == {"Lễ hội đình làng Vĩnh Tường"}


def test_a_title_holding_the_whole_query_ranks_above_body_matches():
    body_only = [
        factories.legal_document(
            f"{i}/KH-UBND",
            issued_on=date(2024, 1, i),
            summary="Kế hoạch năm",
            body="<p>Tăng cường kiểm tra cổng thông tin điện tử, kiểm tra cổng thông tin của các xã.</p>",
        )
        for i in range(1, 4)
    ]
    article = factories.news(
        "Sở Thông tin và Truyền thông kiểm tra Cổng Thông tin huyện", published_on=date(2019, 10, 9)
    )
    result = run("KIEM TRA CONG THONG TIN")
    assert result.results[0].page.pk == article.pk
    assert {h.page.pk for h in result.results[1:]} == {p.pk for p in body_only}


def test_each_validity_status_is_one_facet_entry():
    for i in range(1, 5):
        factories.legal_document(
            f"{i}/2024/NĐ-CP", issued_on=date(2024, 1, i), status="con_hieu_luc", summary="Đê điều"
        )
    facets = run("de dieu").facets
    assert [(e["code"], e["count"]) for e in facets["status"]] == [("con_hieu_luc", 4)]


def test_issuing_body_facet_counts_a_document_once_per_body():
    gov = factories.agency("Chính phủ", "CP")
    ministry = factories.agency("Bộ Tài chính", "BTC")
    joint = factories.legal_document("1/2024/TTLT-BTC", issuing_body=gov, summary="Thông tư liên tịch về phí")
    joint.co_issuing_bodies.add(gov, ministry)  # the lead body listed again as a co-issuer
    joint.save()
    factories.legal_document("2/2024/NĐ-CP", issuing_body=gov, summary="Nghị định về phí")
    facets = run("phi").facets
    assert {e["name"]: e["count"] for e in facets["issuing_body"]} == {"Chính phủ": 2, "Bộ Tài chính": 1}
    assert facets["year"] == [{"year": 2023, "count": 2}]


@pytest.mark.django_db
def test_every_type_indexes_its_title_inside_its_body_text():
    """The bounded path matches on the body vector alone on PostgreSQL (``title_in_body``): every
    searchable type's ``search_folded`` (indexed in the body) must hold its title's words."""
    title = "Khánh thành cầu Đại Đồng – xã Tứ Trưng, hoà/hòa"
    pages = {
        "legal_document": factories.legal_document("12/2024/QĐ-UBND", title=title),
        "news": factories.news(title),
        "directive": factories.directive("7/TB-UBND", title=title),
        "task": factories.task("NV-9", title=title),
        "question": factories.question_page(title),
        "draft": consultation_factories.draft(title, opens_on=date(2026, 5, 1), closes_on=date(2026, 5, 31)),
        "procedure": procedures_factories.procedure(title),
        "introduction": organisation_factories.introduction(title=title),
        "project": projects_factories.project(title),
        "statistics": projects_factories.statistics_page(title),
    }
    assert set(pages) == set(service.TYPES)
    for code, page in pages.items():
        body_words = set(service.query_text(page.search_folded()).split())
        assert set(service.query_text(title).split()) <= body_words, code


def test_a_search_of_the_same_shape_compiles_no_statement_and_the_key_follows_what_changes(monkeypatch):
    """The statements writing the matches are compiled once per shape of search (``_part``): the
    same search again compiles none and answers the same; a section made private, another day
    (validity is reckoned from it), another filter or other boosts compile again — a kept statement
    never shows a page it should not, nor counts a status of another day."""
    from search import matchset

    monkeypatch.setattr(service, "_PARTS", {})  # none kept from other tests
    compiled = []
    part = matchset.part
    monkeypatch.setattr(matchset, "part", lambda kind, *args: compiled.append(kind) or part(kind, *args))
    news = factories.news("Đê điều mùa lũ", lead="Kiểm tra đê điều trước mùa lũ.")
    doc = factories.legal_document(
        "5/2026/NĐ-CP",
        summary="Đê điều",
        issued_on=date(2026, 5, 1),
        effective_on=date(2026, 7, 1),
        status="chua_co_hieu_luc",
    )

    def search(q="de dieu", today=TODAY, **params):
        compiled.clear()
        result = service.search(SearchQuery(q=q, page_size=50, **params), today=today)
        return result, len(compiled)

    first, n = search()
    assert n == len(service.TYPES) and {h.page.pk for h in first.results} == {news.pk, doc.pk}
    again, n = search()
    assert n == 0 and [h.page.pk for h in again.results] == [h.page.pk for h in first.results]
    assert again.facets == first.facets

    later, n = search(today=date(2026, 8, 1))
    assert n == len(service.TYPES)
    assert [e["code"] for e in first.facets["status"]] == ["chua_co_hieu_luc"]
    assert [e["code"] for e in later.facets["status"]] == ["con_hieu_luc"]

    assert search(types=("legal_document",), year=2026)[1] == 1
    assert search(q="quyet dinh de dieu")[1] == 1  # a document type named: a boost of legal documents
    assert search(q="de dieu nam 2026")[1] == len(service.TYPES)  # a year named: a boost of every type

    PageViewRestriction.objects.create(page=news, restriction_type="password", password="x")
    hidden, n = search()
    assert n == len(service.TYPES) and {h.page.pk for h in hidden.results} == {doc.pk}
    assert hidden.count == 1 and hidden.facets["type"] == {"legal_document": 1}
