"""The values of an administrative procedure as people write them, and what the portal keeps.

Pure functions, no database: the procedure's code, its level, its online-service level, its
channels, its processing time in working days, a dossier line, the document number of a legal
citation. The JSON Lines record type takes the codes only; the catalogue spreadsheets editors
receive from the national database (``procedures.xlsx``) write labels ("Cấp Huyện", "Toàn trình",
"Mức độ 4"), read here into the same codes.
"""

import re
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from directives.numbers import clean_number, find_numbers
from portal.text import fold, normalize


class Level(models.TextChoices):
    """Cấp thực hiện. After 1 July 2025 only province and commune remain; a portal may be the
    archive of a former district, so the district level stays a choice (domain.md §0, §5)."""

    PROVINCE = "tinh", _("Cấp tỉnh")
    DISTRICT = "huyen", _("Cấp huyện")
    COMMUNE = "xa", _("Cấp xã")


class OnlineLevel(models.TextChoices):
    """Mức độ dịch vụ công trực tuyến under Decree 42/2022/NĐ-CP (Art. 11): fully or partly
    online; anything else only informs (the old "levels 1–4" are gone)."""

    FULL = "toan_trinh", _("Toàn trình")
    PARTIAL = "mot_phan", _("Một phần")
    NONE = "none", _("Chỉ cung cấp thông tin")


class Channel(models.TextChoices):
    """Cách thức thực hiện: how a dossier may be filed (several at once)."""

    IN_PERSON = "truc_tiep", _("Trực tiếp")
    ONLINE = "truc_tuyen", _("Trực tuyến")
    POST = "buu_chinh", _("Dịch vụ bưu chính công ích")


class ValueProblem(ValueError):
    """A value that cannot be read; the message says why, in plain words."""


# --- the code ---------------------------------------------------------------------------------------

#: The national code (``1.004227``: a digit, a point, six digits), optionally followed by a local
#: variant's suffix parts (``1.004227.000.00.00.H62``: the agency's code at the end).
CODE_PATTERN = re.compile(r"^\d\.\d{6}(?:[.\-][0-9A-Z]{1,10}){0,5}$")
#: Codes written inside a query or a text.
CODE_IN_TEXT = re.compile(r"(?<![\w.])\d\.\d{6}(?:[.\-][0-9A-Za-z]{1,10}){0,5}(?![\w])")


def clean_code(raw) -> str:
    """The code as stored: NFC, no spaces, upper case (``1.004227.000.00.00.h62`` →
    ``…H62``). A number typed into a spreadsheet cell (``1.00422`` for ``1.004220``) is written
    back with its six decimals."""
    if isinstance(raw, float):
        raw = f"{raw:.6f}"
    return re.sub(r"\s+", "", normalize(str(raw or ""))).upper()


def code_problem(code: str) -> str | None:
    """Why ``code`` is not a procedure code, or None."""
    if not code:
        return "is empty"
    if not CODE_PATTERN.match(code):
        return f"{code!r} is not a procedure code (e.g. 1.004227, or 1.004227.000.00.00.H62 for a local variant)"
    return None


def national_code(code: str) -> str:
    """The national part of a code: ``1.004227.000.00.00.H62`` → ``1.004227``."""
    return code[:8]


def codes_in(text: str | None) -> list[str]:
    """The procedure codes written in a text (a query): "thủ tục 1.004227" → ["1.004227"]."""
    return [clean_code(match.group(0)) for match in CODE_IN_TEXT.finditer(normalize(text))]


# --- labels people write ----------------------------------------------------------------------------


def _words(text) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(str(text or ""))).split())


def parse_level(text) -> str:
    """``tinh``, ``huyen`` or ``xa`` from a code or a label ("Cấp Huyện", "UBND cấp xã",
    "Cấp phường"); several levels in one cell are refused (one row per level)."""
    words = _words(text)
    if words in Level.values:
        return words
    found = []
    if "tinh" in words.split() or "thanh pho truc thuoc trung uong" in words:
        found.append(Level.PROVINCE.value)
    if "huyen" in words.split() or "quan" in words.split() or "thi xa" in words:
        found.append(Level.DISTRICT.value)
    if re.search(r"\b(xa|phuong|thi tran)\b", words.replace("thi xa", "")):
        found.append(Level.COMMUNE.value)
    if not found:
        raise ValueProblem(f"{text!r} is not a level (cấp tỉnh, cấp huyện or cấp xã)")
    if len(found) > 1:
        raise ValueProblem(f"{text!r} names several levels: write one row per level")
    return found[0]


def parse_online_level(text) -> str:
    """``toan_trinh``, ``mot_phan`` or ``none`` from a code or a label. Blank is ``none``. The old
    levels of Decree 43/2011 are read as their Decree 42/2022 counterparts: level 4 → fully
    online, level 3 → partly online, levels 1–2 → information only."""
    words = _words(text)
    if not words or words in ("none", "khong", "0"):
        return OnlineLevel.NONE.value
    if words.replace(" ", "_") in OnlineLevel.values:
        return words.replace(" ", "_")
    if "toan trinh" in words or re.search(r"\b4\b", words):
        return OnlineLevel.FULL.value
    if "mot phan" in words or re.search(r"\b3\b", words):
        return OnlineLevel.PARTIAL.value
    if "thong tin" in words or re.search(r"\b[12]\b", words):
        return OnlineLevel.NONE.value
    raise ValueProblem(f"{text!r} is not an online-service level (toàn trình, một phần or blank)")


def parse_channels(text) -> list[str]:
    """The channel codes in a cell: "Trực tiếp; Trực tuyến; Dịch vụ bưu chính" (any separator)."""
    found = []
    for part in re.split(r"[;,\n+/]|\bhoac\b", fold(str(text or ""))):
        words = _words(part)
        if not words:
            continue
        if words.replace(" ", "_") in Channel.values:
            code = words.replace(" ", "_")
        elif "truc tiep" in words:
            code = Channel.IN_PERSON.value
        elif "truc tuyen" in words or "qua mang" in words:
            code = Channel.ONLINE.value
        elif "buu chinh" in words or "buu dien" in words:
            code = Channel.POST.value
        else:
            raise ValueProblem(f"{part.strip()!r} is not a channel (trực tiếp, trực tuyến, bưu chính)")
        if code not in found:
            found.append(code)
    return found


_WORKING_DAYS = re.compile(r"(\d{1,3})\s*(?:\(\s*[^)]*\)\s*)?ngay\s+lam\s+viec")
_SAME_DAY = re.compile(r"\b(?:ngay\s+)?trong\s+ngay\b")


def working_days(text: str | None) -> int | None:
    """The working days in a processing time as written: "05 ngày làm việc kể từ…" → 5;
    "Ngay trong ngày…" → 0; the first figure when several are given; None when the text gives
    calendar days or no figure (then only the text is shown)."""
    folded = fold(text)
    match = _WORKING_DAYS.search(folded)
    if match:
        return int(match.group(1))
    if _SAME_DAY.search(folded):
        return 0
    return None


# --- lines of a cell --------------------------------------------------------------------------------

_BULLET = re.compile(r"^\s*(?:[-+•*–]+|\d{1,2}[.)]|[a-zđ][.)])\s*", re.IGNORECASE)
_COUNT = re.compile(r"(ban chinh|ban sao)\s*[:=]?\s*(\d{1,2})")


@dataclass(frozen=True)
class DossierLine:
    name: str
    originals: int = 1
    copies: int = 0
    required: bool = True


def lines_of(text) -> list[str]:
    """The non-empty lines of a cell, without their bullets ("- ", "1. ", "a) ")."""
    out = []
    for line in str(text or "").replace("\r\n", "\n").split("\n"):
        line = normalize(_BULLET.sub("", line, count=1))
        if line:
            out.append(line)
    return out


def dossier_line(line: str) -> DossierLine:
    """One paper of a dossier as the national database exports it: "Tờ khai đăng ký khai sinh
    (Bản chính: 1, Bản sao: 0)" → name, 1 original, 0 copies; "(nếu có)" makes it optional.
    Without counts: one original."""
    text = normalize(_BULLET.sub("", line, count=1))
    folded = fold(text)  # same length as ``text`` for Vietnamese letters
    counts = {kind: int(n) for kind, n in _COUNT.findall(folded)}
    name = text
    first = _COUNT.search(folded)
    if first is not None and len(folded) == len(text):
        name = text[: first.start()]
    name = re.sub(r"[\s(\[,;.:\-–]+$", "", name).strip()
    if not name:
        raise ValueProblem(f"{line!r} names no paper")
    return DossierLine(
        name=name,
        originals=counts.get("ban chinh", 1 if not counts else 0),
        copies=counts.get("ban sao", 0),
        required="neu co" not in folded,
    )


def citation_number(citation: str) -> str:
    """The document number in a legal citation: "Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014"
    → ``60/2014/QH13`` (a date written with slashes is not a number); blank if none."""
    for number in find_numbers(citation):
        if re.search(r"[^\d\s/]", number):
            return clean_number(number)
    return ""
