"""Document numbers: every messy spelling of one number has one key (domain.md §2)."""

import unicodedata

import pytest

from directives.numbers import clean_number, folded_number_key, number_key, year_in_number
from portal.text import strip_marks

CANONICAL = "43/2011/NĐ-CP"


@pytest.mark.parametrize(
    "typed",
    [
        "43/2011/NĐ-CP",
        "43/2011/NĐCP",  # hyphen missing
        "43/2011/NĐ - CP",  # stray spaces
        " 43 / 2011 / NĐ-CP ",
        "43/2011/N\u00d0-CP",  # Ð (U+00D0, eth) instead of Đ (U+0110)
        "43/2011/nđ-cp",  # lower case
        "43/2011/N\u0110\u2013CP",  # en dash
        "043/2011/NĐ-CP",  # leading zero
        "43\uff0f2011/NĐ-CP",  # full-width slash
    ],
)
def test_messy_spellings_share_one_key(typed):
    assert number_key(typed) == number_key(CANONICAL) == "43/2011/NĐCP"


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("01 /2018/TT-VPCP", "1/2018/TTVPCP"),
        ("1/2018/TT-VPCP", "1/2018/TTVPCP"),
        ("12/2018/QĐ-TTG", "12/2018/QĐTTG"),
        ("12/2018/QĐ-TTg", "12/2018/QĐTTG"),
        ("19/2012/TTLT-BTC-BKHĐT-BTTTT", "19/2012/TTLTBTCBKHĐTBTTTT"),
        ("959/QĐ-UBND", "959/QĐUBND"),
        ("4507/BGTVT-TTCNTT", "4507/BGTVTTTCNTT"),
        ("80/2015/QH13", "80/2015/QH13"),
    ],
)
def test_number_key_table(typed, key):
    assert number_key(typed) == key


def test_decomposed_input_gives_the_composed_key():
    typed = unicodedata.normalize("NFD", "số 12/2018/QĐ-UBND")
    assert number_key(typed) == number_key("SỐ 12/2018/QĐ-UBND")
    assert clean_number(typed) == "số 12/2018/QĐ-UBND"


@pytest.mark.parametrize("typed", ["43/2011/ND-CP", "43/2011/nd cp", "43/2011/NĐ-CP", "43/2011/N\u00d0-CP"])
def test_citizens_typing_nd_for_nđ_match_the_folded_key(typed):
    assert folded_number_key(typed) == folded_number_key(CANONICAL) == "43/2011/NDCP"


def test_plain_nd_is_not_the_exact_key():
    # "ND" and "NĐ" are different letters: only the folded key unites them.
    assert number_key("43/2011/ND-CP") != number_key(CANONICAL)


def test_clean_number_keeps_case_and_fixes_spacing_and_eth():
    assert clean_number(" 01 /2018/TT - VPCP ") == "01/2018/TT-VPCP"
    assert clean_number("12/2018/QĐ-TTg") == "12/2018/QĐ-TTg"
    assert clean_number("43/2011/N\u00d0-CP") == "43/2011/N\u0110-CP"


def test_fold_strips_every_vietnamese_mark():
    assert strip_marks("Vĩnh Tường") == "Vinh Tuong"
    assert strip_marks("Nghị định ĐƯỜNG đời ỗ ộ") == "Nghi dinh DUONG doi o o"
    assert strip_marks("hoà") == strip_marks("hòa") == "hoa"


@pytest.mark.parametrize(
    "text",
    [
        unicodedata.normalize("NFD", "Đường Đại Đồng, xã Tứ Trưng – “Vĩnh Tường”"),
        "N\u00d0-CP n\u00f0",  # eth for Đ/đ
        "a\u20d0b\u1dc0c\u0483d",  # combining marks outside U+0300–U+036F
        "a\u034fb",  # COMBINING GRAPHEME JOINER: not a combining character (class 0), kept
        "\u0915\u093f\u0928",  # Devanagari: the vowel sign (a spacing mark) kept, as unicodedata says
        "",
    ],
)
def test_fold_removes_exactly_the_combining_characters(text):
    decomposed = unicodedata.normalize("NFD", text.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111"))
    expected = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    assert strip_marks(text) == expected.replace("\u0110", "D").replace("\u0111", "d")


@pytest.mark.parametrize(
    ("typed", "year"),
    [("43/2011/NĐ-CP", 2011), ("959/QĐ-UBND", None), ("80/2015/QH13", 2015), ("01 / 2018 /TT-VPCP", 2018)],
)
def test_year_in_number(typed, year):
    assert year_in_number(typed) == year


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("nghị định 15 năm 2020", [("15", 2020, "nghi dinh")]),
        ("nghi dinh so 15 nam 2020", [("15", 2020, "nghi dinh")]),
        ("quyết định số 120 năm 2023", [("120", 2023, "quyet dinh")]),
        ("QĐ 120", [("120", None, "quyet dinh")]),
        ("thông tư số 5", [("5", None, "thong tu")]),
        ("văn bản 15 năm 2020", [("15", 2020, None)]),
        ("LUẬT số 31 NĂM 2024", [("31", 2024, "luat")]),
        # not numbers: a bare year, a date, a written number (find_numbers' job), a plain count
        ("luật đất đai 2024", []),
        ("luat 2024", []),
        ("ngày 15 tháng 5 năm 2020", []),
        ("nghị định 43/2011/NĐ-CP", []),
        ("cấp 2 xã", []),
    ],
)
def test_numbers_said_in_words(typed, expected):
    from directives.numbers import spoken_numbers

    assert [(n.sequence, n.year, n.document_type) for n in spoken_numbers(typed)] == expected


def test_a_said_sequence_is_tried_with_and_without_its_leading_zero():
    from directives.numbers import SpokenNumber

    assert SpokenNumber("5", 2019, None).sequences() == ["5", "05"]
    assert SpokenNumber("05", 2019, None).sequences() == ["5", "05"]
    assert SpokenNumber("120", None, None).sequences() == ["120"]
