"""Document numbers ("số ký hiệu") as typed by people, and keys to match them.

Vietnamese document numbers look like ``43/2011/NĐ-CP``, ``959/QĐ-UBND`` or
``19/2012/TTLT-BTC-BKHĐT-BTTTT``. Real data is messy: ``NĐCP``, ``01 /2018/TT-VPCP``,
``TTG`` vs ``TTg``, ``Ð`` (U+00D0, Icelandic eth) instead of ``Đ`` (U+0110), decomposed
Unicode, and citizens who type ``ND-CP``. These pure functions give every spelling of
one number the same key.
"""

import re
import unicodedata

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
