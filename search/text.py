"""Vietnamese text for search: normalising, folding diacritics, document numbers.

Pure functions (domain.md §9). Citizens type without diacritics ("vinh tuong"), paste
decomposed Unicode (NFD), and write ``ND-CP`` for ``NĐ-CP``; every searchable text is indexed
as written *and* folded, and every query is folded the same way, so a query without marks
finds text with marks on any search backend.
"""

import re
import unicodedata

from directives.numbers import clean_number, folded_number_key, number_key
from directives.numbers import fold as _fold

__all__ = [
    "NUMBER_PATTERN",
    "clean_number",
    "find_numbers",
    "fold",
    "folded_number_key",
    "normalize",
    "number_key",
    "query_text",
]

_SPACES = re.compile(r"\s+")


def normalize(text: str | None) -> str:
    """NFC, Đ not Ð, one space between words, no leading or trailing space."""
    text = unicodedata.normalize("NFC", text or "").replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    return _SPACES.sub(" ", text).strip()


def fold(text: str | None) -> str:
    """Lower case without marks: "Vĩnh Tường" → "vinh tuong", "ĐƯỜNG" → "duong", NFD too.

    Tone-mark placement does not matter ("hoà" and "hòa" both give "hoa").
    """
    return _fold(normalize(text)).lower()


# A document number: a sequence, then "/"-separated parts whose pieces may be joined by hyphens
# ("43/2011/NĐ-CP", "959/QĐ-UBND", "80/2015/QH13", "43/2011"); spaces only around "/" and "-".
_PART = r"[0-9A-Za-zÀ-ỹĐđÐ]+"
NUMBER_PATTERN = re.compile(rf"\b\d{{1,5}}(?:\s*/\s*{_PART}(?:\s*-\s*{_PART})*)+", re.UNICODE)


def find_numbers(text: str | None) -> list[str]:
    """Document numbers written in a query: "nghi dinh 43/2011/ND-CP" → ["43/2011/ND-CP"]."""
    return [match.group(0) for match in NUMBER_PATTERN.finditer(normalize(text))]


_SEPARATORS = re.compile(r"[/\-_.,;:()\[\]\"'“”‘’!?]+")


def query_text(text: str | None) -> str:
    """A query as the backends should receive it: folded, separators as spaces.

    "Nghị định 43/2011/NĐ-CP" → "nghi dinh 43 2011 nd cp": every search backend tokenizes
    that the same way, and it matches the spaced number form that ``number_terms`` indexes.
    """
    return _SPACES.sub(" ", _SEPARATORS.sub(" ", fold(text))).strip()
