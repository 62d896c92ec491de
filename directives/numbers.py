"""Document numbers ("số ký hiệu") as typed by people, and keys to match them.

Vietnamese document numbers look like ``43/2011/NĐ-CP``, ``959/QĐ-UBND`` or
``19/2012/TTLT-BTC-BKHĐT-BTTTT``. Real data is messy: ``NĐCP``, ``01 /2018/TT-VPCP``,
``TTG`` vs ``TTg``, ``Ð`` (U+00D0, Icelandic eth) instead of ``Đ`` (U+0110), decomposed
Unicode, and citizens who type ``ND-CP``. These pure functions give every spelling of
one number the same key.
"""

import re
import unicodedata
from dataclasses import dataclass

from portal.text import fold, normalize, query_text, strip_marks, without_lookalikes

# Hyphen-like characters people paste from word processors.
_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D_]")
_SLASHES = re.compile(r"[\u2044\u2215\uFF0F\\]")
_SPACES = re.compile(r"\s+")
_SEPARATORS_IN_SYMBOL = re.compile(r"[-.\s]")


def clean_number(raw: str) -> str:
    """The number as it should be displayed: NFC, Đ not Ð, no stray spaces.

    Case is kept (``TTg`` is the Prime Minister's official spelling).
    """
    text = without_lookalikes(unicodedata.normalize("NFC", raw or ""))
    text = _DASHES.sub("-", text)
    text = _SLASHES.sub("/", text)
    text = _SPACES.sub(" ", text).strip()
    # No spaces around the separators: "01 /2018/TT - VPCP" -> "01/2018/TT-VPCP".
    text = re.sub(r"\s*([/-])\s*", r"\1", text)
    return text


def number_key(raw: str) -> str:
    """Canonical key of a number: every spelling of one number gives the same key.

    NFC, upper case, Ð→Đ, no whitespace; numeric parts without leading zeros
    (``01/2018`` = ``1/2018``); hyphens, dots and spaces inside the symbol part are
    dropped so that ``NĐCP`` = ``NĐ-CP`` = ``NĐ - CP``. Slashes are kept: they
    separate the sequence, the year and the symbol.
    """
    text = clean_number(raw).upper()
    parts = []
    for part in text.split("/"):
        part = _SEPARATORS_IN_SYMBOL.sub("", part)
        if part.isdigit():
            part = str(int(part))
        parts.append(part)
    return "/".join(p for p in parts if p)


def folded_number_key(raw: str) -> str:
    """The key without diacritics, for citizens who type ``ND-CP`` for ``NĐ-CP``."""
    return strip_marks(number_key(raw))


_YEAR_IN_NUMBER = re.compile(r"^[^/]+/((?:19|20)\d\d)/")


def year_in_number(raw: str) -> int | None:
    """The year written in a normative number (``43/2011/NĐ-CP`` → 2011), if any."""
    match = _YEAR_IN_NUMBER.match(number_key(raw))
    return int(match.group(1)) if match else None


# A document number: a sequence, then "/"-separated parts whose pieces may be joined by hyphens
# ("43/2011/NĐ-CP", "959/QĐ-UBND", "80/2015/QH13", "43/2011"); spaces only around "/" and "-".
_PART = r"[0-9A-Za-zÀ-ỹĐđÐ]+"
NUMBER_PATTERN = re.compile(rf"\b\d{{1,5}}(?:\s*/\s*{_PART}(?:\s*-\s*{_PART})*)+", re.UNICODE)


def find_numbers(text: str | None) -> list[str]:
    """Document numbers written in a query: "nghi dinh 43/2011/ND-CP" → ["43/2011/ND-CP"]."""
    return [match.group(0) for match in NUMBER_PATTERN.finditer(normalize(text))]


def number_terms(number: str) -> str:
    """A number as written, as its key, and folded, so that any tokenizer sees every piece:
    "43/2011/NĐ-CP 43/2011/NĐCP 43/2011/NDCP 43/2011/nd-cp 43/2011/ndcp 43 2011 nd cp 43 2011 ndcp"."""
    if not number:
        return ""
    forms = [
        number,
        number_key(number),
        folded_number_key(number),
        fold(number),
        folded_number_key(number).lower(),
        query_text(number),
        query_text(folded_number_key(number)),
    ]
    return " ".join(dict.fromkeys(forms))


# --- numbers said rather than written ----------------------------------------------------------------

#: Document-type words and abbreviations as citizens type them (folded) → the type's folded name.
TYPE_WORDS = {
    "luat": "luat",
    "bo luat": "bo luat",
    "phap lenh": "phap lenh",
    "nghi dinh": "nghi dinh",
    "nd": "nghi dinh",
    "nghi quyet": "nghi quyet",
    "nq": "nghi quyet",
    "quyet dinh": "quyet dinh",
    "qd": "quyet dinh",
    "thong tu lien tich": "thong tu lien tich",
    "ttlt": "thong tu lien tich",
    "thong tu": "thong tu",
    "tt": "thong tu",
    "chi thi": "chi thi",
    "ct": "chi thi",
    "ke hoach": "ke hoach",
    "kh": "ke hoach",
    "thong bao": "thong bao",
    "tb": "thong bao",
    "cong van": "cong van",
    "cv": "cong van",
    "cong dien": "cong dien",
}
_TYPE_ALTERNATIVES = "|".join(sorted(TYPE_WORDS, key=len, reverse=True))
# "[type] [số] N [năm YYYY]" in folded text; not the day or month of a date ("ngày 15 tháng 5 năm 2020").
_SPOKEN = re.compile(
    rf"(?:\b(?P<type>{_TYPE_ALTERNATIVES})\s+)?(?:\b(?P<so>so)\s+)?(?<!\bngay )(?<!\bthang )\b(?P<seq>\d{{1,5}})\b"
    r"(?:\s+(?:nam\s+)?(?P<year>(?:19|20)\d\d)\b)?(?!\s+thang\b)"
)
_YEAR = re.compile(r"^(?:19|20)\d\d$")


@dataclass(frozen=True)
class SpokenNumber:
    """A number said in words: "nghị định 15 năm 2020" → sequence "15", year 2020, type "nghi dinh"."""

    sequence: str
    year: int | None
    document_type: str | None  # the folded name of the type named before it

    def sequences(self) -> list[str]:
        """The sequence as numbers are written: "5" and "05" (leading zeros are common)."""
        bare = self.sequence.lstrip("0") or "0"
        return list(dict.fromkeys([bare, bare.zfill(2), self.sequence]))


def spoken_numbers(text: str | None) -> list[SpokenNumber]:
    """Document numbers said rather than written: "nghi dinh 15 nam 2020", "quyết định số 120 năm
    2023", "luật 39 2013", "thông tư số 5", "QĐ 120". A sequence counts when a year follows it
    ("năm YYYY" or the bare year) or a document type precedes it; a bare year ("luật đất đai 2024")
    is not a sequence. Numbers written with "/" are ``find_numbers``' and are left out."""
    if not text:
        return []
    rest = NUMBER_PATTERN.sub(" ", normalize(text))
    found = []
    for match in _SPOKEN.finditer(query_text(rest)):
        seq, year, kind = match.group("seq"), match.group("year"), match.group("type")
        if year is None and kind is None:
            continue
        if year is None and match.group("so") is None and _YEAR.match(seq):
            continue  # "luật 2024": a year, not a number
        found.append(SpokenNumber(seq, int(year) if year else None, TYPE_WORDS[kind] if kind else None))
    return list(dict.fromkeys(found))
