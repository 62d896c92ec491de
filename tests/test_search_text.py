"""Vietnamese text for search (domain.md §9): pure functions, exhaustively."""

import unicodedata

import pytest

from directives.numbers import find_numbers, number_terms
from portal.text import fold, normalize, query_text
from search.indexing import folded_text, plain_text


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Vĩnh Tường", "vinh tuong"),
        ("VĨNH TƯỜNG", "vinh tuong"),
        (unicodedata.normalize("NFD", "Vĩnh Tường"), "vinh tuong"),
        ("Đường Đại Đồng", "duong dai dong"),
        ("\u00d0ường", "duong"),  # Ð (eth) typed for Đ
        ("hoà", "hoa"),
        ("hòa", "hoa"),
        ("ỗ ộ ờ ữ ặ", "o o o u a"),  # two marks on one letter
        ("Nghị định  43/2011/NĐ-CP", "nghi dinh 43/2011/nd-cp"),
        ("thủ tục hành chính", "thu tuc hanh chinh"),
        ("", ""),
        (None, ""),
    ],
)
def test_fold(text, folded):
    assert fold(text) == folded


def test_normalize_composes_and_collapses_spaces():
    nfd = unicodedata.normalize("NFD", "  Ủy ban   nhân dân\thuyện ")
    assert normalize(nfd) == "Ủy ban nhân dân huyện"
    assert unicodedata.is_normalized("NFC", normalize(nfd))
    assert normalize("\u00d0") == "\u0110"


def test_every_unicode_space_separates_words_as_the_regular_expression_did():
    """``normalize`` and ``query_text`` collapse spaces with ``str.split`` (C-level): the same
    characters as ``\\s`` of a ``re`` pattern, every one of them."""
    import re
    import sys

    spaces = [chr(c) for c in range(sys.maxunicode + 1) if re.fullmatch(r"\s", chr(c))]
    assert spaces == [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    text = "a" + "b".join(spaces) + "c" + "".join(spaces)
    assert normalize(text) == re.sub(r"\s+", " ", text).strip()
    assert query_text("Nghị\u2003định\x1c43/2011") == "nghi dinh 43 2011"


@pytest.mark.parametrize(
    ("query", "numbers"),
    [
        ("nghi dinh 43/2011/ND-CP", ["43/2011/ND-CP"]),
        ("43/2011", ["43/2011"]),
        ("nghị định 43/2011 về cung cấp thông tin", ["43/2011"]),
        ("quyết định 959/QĐ-UBND", ["959/QĐ-UBND"]),
        ("01 /2018/TT-VPCP", ["01 /2018/TT-VPCP"]),
        ("văn hóa xã hội", []),
    ],
)
def test_find_numbers(query, numbers):
    assert find_numbers(query) == numbers


def test_plain_and_folded_text_of_rich_and_stream_values():
    from wagtail.blocks import StreamValue

    from news.blocks import NewsBodyBlock

    body = StreamValue(
        NewsBodyBlock(),
        [
            ("paragraph", "<p>Lễ hội <b>đình</b> làng</p>"),
            ("quote", {"text": "Đoàn kết", "attribution": "Bác Hồ"}),
        ],
    )
    assert plain_text(body).split() == ["Lễ", "hội", "đình", "làng", "Đoàn", "kết", "Bác", "Hồ"]
    assert folded_text("Trích yếu", body) == "trich yeu le hoi dinh lang doan ket bac ho"


def test_query_text():
    assert query_text("Nghị định 43/2011/NĐ-CP") == "nghi dinh 43 2011 nd cp"
    assert query_text(" “Vĩnh  Tường”, 2024! ") == "vinh tuong 2024"


def test_number_terms_hold_every_form():
    assert number_terms("43/2011/NĐ-CP") == (
        "43/2011/NĐ-CP 43/2011/NĐCP 43/2011/NDCP 43/2011/nd-cp 43/2011/ndcp 43 2011 nd cp 43 2011 ndcp"
    )
    assert number_terms("") == ""


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    ["vinh tuong", "VINH TUONG", "Vĩnh Tường", unicodedata.normalize("NFD", "Vĩnh Tường"), "duong giao thong"],
)
def test_folded_queries_find_text_with_marks_on_the_database_backend(query):
    from datetime import date

    from directives.models import LegalDocumentPage
    from tests import factories

    page = factories.legal_document(
        "12/2024/QĐ-UBND",
        issued_on=date(2024, 3, 1),
        summary="Phê duyệt quy hoạch đường giao thông huyện Vĩnh Tường",
    )
    factories.legal_document("13/2024/QĐ-UBND", issued_on=date(2024, 3, 2), summary="Về việc khen thưởng")
    results = list(LegalDocumentPage.objects.live().search(query_text(query), operator="and"))
    assert results == [page]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["43/2011/ND-CP", "43/2011/NĐ-CP", "nd-cp 43/2011", "Quyết định số 43/2011/NĐCP", "43/2011"]
)
def test_numbers_are_found_in_every_form(query):
    from datetime import date

    from directives.models import LegalDocumentPage
    from tests import factories

    page = factories.legal_document("43/2011/NĐ-CP", issued_on=date(2011, 4, 13))
    factories.legal_document("44/2012/TT-BTC", issued_on=date(2012, 4, 13))
    assert list(LegalDocumentPage.objects.live().search(query_text(query), operator="and")) == [page]
