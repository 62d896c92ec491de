"""Document numbers ("số ký hiệu") as typed by people, and keys to match them.

Vietnamese document numbers look like ``43/2011/NĐ-CP``, ``959/QĐ-UBND`` or
``19/2012/TTLT-BTC-BKHĐT-BTTTT``. Real data is messy: ``NĐCP``, ``01 /2018/TT-VPCP``,
``TTG`` vs ``TTg``, ``Ð`` (U+00D0, Icelandic eth) instead of ``Đ`` (U+0110), decomposed
Unicode, and citizens who type ``ND-CP``. These pure functions give every spelling of
one number the same key.
"""

import re
import unicodedata

# Letters that look like Đ but are not: Icelandic eth and its lower case.
_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})
# Hyphen-like characters people paste from word processors.
_DASHES = re.compile(r"[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58\uFE63\uFF0D_]")
_SLASHES = re.compile(r"[\u2044\u2215\uFF0F\\]")
_SPACES = re.compile(r"\s+")
_SEPARATORS_IN_SYMBOL = re.compile(r"[-.\s]")


def clean_number(raw: str) -> str:
    """The number as it should be displayed: NFC, Đ not Ð, no stray spaces.

    Case is kept (``TTg`` is the Prime Minister's official spelling).
    """
    text = unicodedata.normalize("NFC", raw or "").translate(_LOOKALIKES)
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


def fold(text: str) -> str:
    """Strip Vietnamese diacritics: "Nghị định" → "Nghi dinh", "Đ" → "D".

    Every combining character goes (``unicodedata.combining``); as C-level string operations, since
    whole bodies are folded when indexing and for snippets."""
    text = (text or "").replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")  # _LOOKALIKES
    stripped = _COMMON_MARKS.sub("", unicodedata.normalize("NFD", text))
    rare = [ch for ch in set(stripped) if ch > "\u036f" and unicodedata.combining(ch)]  # other scripts' marks
    if rare:
        stripped = stripped.translate(dict.fromkeys(map(ord, rare)))
    return stripped.replace("\u0110", "D").replace("\u0111", "d")


# The combining marks Vietnamese (and Latin) text uses: U+0300–U+036F less U+034F, which is not one.
_COMMON_MARKS = re.compile("[\u0300-\u034e\u0350-\u036f]+")


def folded_number_key(raw: str) -> str:
    """The key without diacritics, for citizens who type ``ND-CP`` for ``NĐ-CP``."""
    return fold(number_key(raw))


_YEAR_IN_NUMBER = re.compile(r"^[^/]+/((?:19|20)\d\d)/")


def year_in_number(raw: str) -> int | None:
    """The year written in a normative number (``43/2011/NĐ-CP`` → 2011), if any."""
    match = _YEAR_IN_NUMBER.match(number_key(raw))
    return int(match.group(1)) if match else None
