"""Query understanding and the ranking's decisions (search/understand.py, search/ranking.py,
the content types' ``understand`` and ``standing``), on the database backend."""

from datetime import date

import pytest

from directives.numbers import spoken_numbers
from search import service
from search.registry import registry
from search.service import SearchQuery
from search.understand import allowed_missing, understand
from tests import factories

pytestmark = pytest.mark.django_db
TODAY = date(2026, 6, 1)


def run(q, **params):
    return service.search(SearchQuery(q=q, **params), today=TODAY)


def pks(result):
    return [h.page.pk for h in result.results]


@pytest.fixture
def kinds():
    return {
        "luat": factories.document_type("Luật", "L", True),
        "nd": factories.document_type("Nghị định", "NĐ", True),
        "kh": factories.document_type("Kế hoạch", "KH", False),
        "qd": factories.document_type("Quyết định", "QĐ", False),
    }


def understood(q):
    from search.service import backend_text

    return understand(backend_text(q).split(), list(registry.documents().values()))


def test_type_words_years_issuers_and_so(kinds):
    u = understood("luật đất đai năm 2024")
    assert u.required == ["dat", "dai"] and u.years == [2024]
    assert [b.label for b in u.boosts["legal_document"]] == ["luat"]
    u = understood("QĐ UBND giao dự toán 2008")
    assert u.required == ["giao", "du", "toan"] and u.years == [2008]
    assert {b.label for b in u.boosts["legal_document"]} == {"quyet dinh", "ubnd"}
    assert understood("quyết định số 120 năm 2023").required == ["120"]  # "số" is no word to match
    u = understood("quyết định số 2078 năm 2015")  # a sequence that looks like a year
    assert (u.required, u.years) == (["2078"], [2015])
    assert understood("quy hoạch 2050").years == []  # not a year a document is dated
    # mid-query type words are the subject's words, unless a number follows them
    u = understood("giao kế hoạch vốn đầu tư công")
    assert u.required == ["giao", "ke", "hoach", "von", "dau", "tu", "cong"]
    assert "legal_document" not in u.boosts
    u = understood("triển khai kế hoạch 56")
    assert [b.label for b in u.boosts["legal_document"]] == ["ke hoach"]
    assert understood("2024").required == ["2024"] and understood("2024").years == []  # a year alone


def test_allowed_missing():
    assert [allowed_missing(n) for n in (1, 2, 3, 5, 6, 11, 12, 30)] == [0, 0, 1, 1, 2, 2, 1, 1]


def test_a_bare_year_after_a_number_is_its_year():
    (spoken,) = spoken_numbers("luật 39 2013")
    assert (spoken.sequence, spoken.year, spoken.document_type) == ("39", 2013, "luat")
    assert spoken_numbers("luật đất đai 2024") == []


def test_the_law_in_force_before_the_one_it_replaced(kinds):
    old = factories.legal_document(
        "45/2013/QH13", summary="Luật Đất đai", document_type=kinds["luat"], issued_on=date(2013, 11, 29),
        status="het_hieu_luc_toan_bo", body="<p>" + "Luật Đất đai quy định về đất đai. " * 6 + "</p>",
    )  # fmt: skip
    new = factories.legal_document(
        "31/2024/QH15", summary="Luật Đất đai", document_type=kinds["luat"], issued_on=date(2024, 1, 18),
        status="con_hieu_luc",
    )  # fmt: skip
    news = factories.news("Luật Đất đai", lead="Luật Đất đai", published_on=date(2025, 1, 1))
    assert pks(run("luat dat dai"))[:3] == [new.pk, old.pk, news.pk]
    assert pks(run("luật đất đai 2013"))[0] == old.pk  # the year named wins over the standing


def test_a_year_a_heading_holds_counts_as_named(kinds):
    december = factories.legal_document(
        "48/KH-UBND", summary="Bảo vệ môi trường năm 2026", document_type=kinds["kh"], issued_on=date(2025, 12, 20)
    )
    dated = factories.legal_document(
        "12/KH-UBND", summary="Bảo vệ môi trường năm 2027", document_type=kinds["kh"], issued_on=date(2026, 3, 1)
    )
    assert pks(run("Bảo vệ môi trường năm 2026"))[:2] == [december.pk, dated.pk]


def test_a_mid_query_type_word_is_matched_as_a_word(kinds):
    target = factories.legal_document(
        "2840/QĐ-UBND", summary="Về việc giao kế hoạch vốn đầu tư công năm 2013", document_type=kinds["qd"]
    )
    plan = factories.legal_document("56/KH-UBND", summary="Triển khai Luật Đầu tư công", document_type=kinds["kh"])
    result = run("giao kế hoạch vốn đầu tư công")
    assert pks(result) == [target.pk]  # the plan holds neither "giao" nor "von"
    assert plan.pk not in pks(result)


def test_a_heading_equal_to_the_query_comes_before_the_number_it_names(kinds):
    doc = factories.legal_document("12/2009/NĐ-CP", summary="Về quản lý dự án", document_type=kinds["nd"])
    news = factories.news("Quán triệt Nghị định 12/2009/NĐ-CP", lead="Hội nghị quán triệt")
    assert pks(run("Quán triệt Nghị định 12/2009/NĐ-CP"))[:2] == [news.pk, doc.pk]
    assert pks(run("12/2009/NĐ-CP"))[0] == doc.pk


def test_soft_matching_on_both_sorts(kinds):
    doc = factories.legal_document("5/KH-UBND", summary="Kế hoạch cải cách hành chính", document_type=kinds["kh"])
    for sort in ("relevance", "newest"):
        result = run("cai cach hanh chinh xyzw", sort=sort)
        assert (result.count, pks(result)) == (1, [doc.pk]), sort
