"""The hard judged set: a generated collection of legal documents, news and directives, and the
judged queries over it, both from one seed (``build``), so every judgment is exact.

``build(size, seed)`` returns a ``Corpus``: plain Python objects, no database. ``load(corpus)``
writes it through the models (bulk page rows, as ``bench/search_speed.py`` does); the harness
``bench/eval_search.py`` indexes and queries it.

How it is made hard (issue 18):

- **A core, then filler.** The core is the same at every size: the central documents of 20
  subjects (``data.FAMILIES``: laws in their successive versions — Luật Đất đai 2013 and 2024 —,
  the decrees that detail them, the decrees on sanctions that replace one another, circulars,
  Prime Minister's decisions), the provincial and district series that implement them year after
  year (a land price table per period, "Kế hoạch công tác phòng, chống tham nhũng năm 2019" every
  year), and 80 news items. The filler (``size`` minus the core) is documents, news and
  directives of the same subjects, drawn with Zipf-like weights: their summaries use the same
  phrases, their bodies cite the same laws and decrees by name, number and summary ("Căn cứ Nghị
  định số 43/2014/NĐ-CP ngày 15 tháng 5 năm 2014 của Chính phủ quy định chi tiết thi hành một số
  điều của Luật Đất đai"), news titles name the laws ("Những điểm mới của Luật Đất đai năm
  2024"). So each target's subject words are in hundreds of other documents.
- **Real-world shape.** Numbers as issued (``45/2013/QH13``, ``123/2024/NĐ-CP``,
  ``05/2021/TT-TTCP``, ``18/2016/QĐ-UBND``, administrative ``1205/QĐ-UBND`` whose sequence follows
  the day of the year); issuers and signers as on the day (Chủ tịch Quốc hội, Thủ tướng or a Phó
  Thủ tướng in office; ministers; the province's and the district's chairman and vice-chairmen
  by portfolio; Vĩnh Phúc and the district until 30 June 2025, Phú Thọ and the commune after);
  dates from 2005 to 2026.
- **Judgments by construction.** Each query is built from a core item (the *target*); its
  relevant items are computed over the whole collection by a rule of its class (below): grade 2
  for what the query asks for (several when the query cannot tell them apart: "thông tư
  05/2019" names every circular 05/2019/TT-…), grade 1 for acceptable ones (an older version of
  the law asked for without a year, another summary holding every word of the query).

The query classes (``CLASSES``): ``number`` (a document number in a messy spelling), ``spoken``
(a number said in words: "nghị định 15 năm 2020", "quyết định số 120 năm 2023", "thông tư
05/2019"), ``topic`` (naming a law or decree by its subject: "luật đất đai 2024", "luat dau tu
cong", "nghị định về xử phạt vi phạm hành chính trong lĩnh vực đất đai"), ``summary`` (words of
a trích yếu), ``signer`` (who signed, alone or with a subject), ``news`` (words of a news title).
About a third of each class is held out (``Judged.holdout``, chosen by the seed).
"""

import math
import random
import re
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from bench.relevance import data
from bench.relevance.data import CT, FAMILIES, KH, LAW, ND, NQ, QD, TB, TT, TTLT
from bench.search_speed import FAMILY, GIVEN, MIDDLE, PLACES

SEED = 20261218
DEFAULT_SIZE = 5000
FIRST_DAY = date(2005, 1, 1)
LAST_DAY = date(2026, 9, 30)
TODAY = date(2026, 10, 1)  # the day the judged set is run on (validity, "current" versions)
CORE_NEWS = 80
CLASSES = ("number", "spoken", "topic", "summary", "signer", "news")
# Queries per class: 200 in all; spoken 23 %, topic 25 % (issue 18: at least 20 % each).
PER_CLASS = {"number": 30, "spoken": 46, "topic": 50, "summary": 34, "signer": 16, "news": 24}
HOLDOUT_SHARE = 1 / 3
OLD_BEFORE = date(2012, 1, 1)
# Share of legal documents whose entry holds no text, only the attachment (a scanned or signed PDF):
# common on local portals, less so for central documents (their text is published everywhere).
NO_BODY = {"central": 0.2, "local": 0.45}  # "old" targets: issued before 2012 (issue 18: at least a fifth)

# Document types: name → (abbreviation, normative as a type)
DOC_TYPES = {
    LAW: ("", True),
    ND: ("NĐ", True),
    NQ: ("NQ", False),
    QD: ("QĐ", False),
    TT: ("TT", True),
    TTLT: ("TTLT", True),
    CT: ("CT", False),
    KH: ("KH", False),
    TB: ("TB", False),
    "Công văn": ("", False),
    "Báo cáo": ("BC", False),
}
# Type words citizens say → the code in the number (Luật: QH)
SPOKEN_TYPES = {
    LAW: ("luật", "QH"),
    ND: ("nghị định", "NĐ"),
    QD: ("quyết định", "QĐ"),
    TT: ("thông tư", "TT"),
    CT: ("chỉ thị", "CT"),
    KH: ("kế hoạch", "KH"),
    TB: ("thông báo", "TB"),
    NQ: ("nghị quyết", "NQ"),
}
DIRECTIVE_KINDS = {  # kind → (label, code in the number)
    "conclusion_notice": ("Thông báo kết luận", "TB-UBND"),
    "directive": ("Chỉ thị", "CT-UBND"),
    "official_letter": ("Công văn chỉ đạo", "UBND-VP"),
    "dispatch": ("Công điện", "CĐ-UBND"),
}


# --- the items ---------------------------------------------------------------------------------------


@dataclass
class Doc:
    """A legal document (LegalDocumentPage)."""

    key: str  # its slug: what judgments name
    number: str
    kind: str  # document type name
    issuer: str
    signer: str
    signer_title: str
    issued_on: date
    summary: str
    body: list[str]
    field: str
    family: str
    level: str  # central, tinh, hdnd, huyen
    status: str = ""
    effective_on: date | None = None
    core: bool = False
    name: str = ""  # a law's name
    topic: str = ""
    series: str = ""
    guides: str = ""

    @property
    def title(self) -> str:
        return f"{self.kind} {self.number}"

    @property
    def day(self) -> date:
        return self.issued_on


@dataclass
class News:
    key: str
    title: str
    lead: str
    body: list[str]
    published_on: date
    author: str
    family: str
    core: bool = False

    @property
    def day(self) -> date:
        return self.published_on


@dataclass
class Directive:
    key: str
    number: str
    kind: str  # DirectiveKind value
    issued_on: date
    summary: str
    leader: str
    leader_title: str
    body: list[str]
    field: str
    family: str

    @property
    def title(self) -> str:
        return f"{DIRECTIVE_KINDS[self.kind][0]} số {self.number}"

    @property
    def day(self) -> date:
        return self.issued_on


@dataclass
class Judged:
    q: str
    cls: str
    relevant: dict[str, int]  # key → grade (2: what is asked for, 1: acceptable)
    target: str  # the core item the query was made from
    target_day: date
    unmarked: bool  # typed without the marks its words carry
    holdout: bool = False

    @property
    def old(self) -> bool:
        return self.target_day < OLD_BEFORE


@dataclass
class Corpus:
    seed: int
    size: int
    docs: list[Doc]
    news: list[News]
    directives: list[Directive]
    queries: list[Judged] = field(default_factory=list)

    def items(self):
        return [*self.docs, *self.news, *self.directives]

    def keys(self) -> set[str]:
        return {item.key for item in self.items()}


# --- text helpers ------------------------------------------------------------------------------------


def _text():
    """``portal.text`` (pure functions), imported late: this module is read before Django is set up."""
    from portal import text

    return text


def fold(value: str) -> str:
    return _text().fold(value)


def words(value: str) -> list[str]:
    return _text().query_text(value).split()


def number_key(number: str) -> str:
    from directives.numbers import folded_number_key

    return folded_number_key(number)


def vn_date(day: date) -> str:
    return f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text else text


def stream(seed: int, name: str) -> random.Random:
    """An independent random stream: the core, the filler and the queries do not shift each other."""
    return random.Random(f"{seed}:{name}")


def random_day(rng: random.Random, start: date = FIRST_DAY, end: date = LAST_DAY) -> date:
    """A day, more recent ones likelier (portals publish more each year)."""
    span = (end - start).days
    return start + timedelta(days=int(span * math.sqrt(rng.random())))


# --- people --------------------------------------------------------------------------------------------


class People:
    """Who holds which office on a day: real heads of the central bodies, generated ministers and
    local leaders (one set per term, unique names)."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        self.used: set[str] = set()
        self.ministers = {
            code: [(start, self.name(), [self.name(), self.name()]) for start in data.MINISTER_TERMS]
            for code in data.MINISTRIES
        }
        self.province = []
        self.district = []
        for start in data.LOCAL_TERMS:
            self.province.append(
                (start, {"chair": self.name(), "hdnd": self.name(), **{p: self.name() for p in data.PORTFOLIOS}})
            )
            self.district.append((start, {"chair": self.name(), **{p: self.name() for p in data.PORTFOLIOS}}))

    def name(self) -> str:
        while True:
            candidate = f"{self.rng.choice(FAMILY)} {self.rng.choice(MIDDLE)} {self.rng.choice(GIVEN)}"
            if candidate not in self.used:
                self.used.add(candidate)
                return candidate

    def local(self, level: str, day: date) -> dict:
        return data.in_office(self.province if level in ("tinh", "hdnd") else self.district, day)

    def sign(self, rng: random.Random, level: str, issuer_code: str, family, day: date, chief: bool) -> tuple:
        """(name, title) of who signs a document of ``level`` on ``day``; ``chief``: the head signs."""
        if level == "central":
            if issuer_code.startswith("QH"):
                return data.in_office(data.NATIONAL_ASSEMBLY_CHAIRS, day), "Chủ tịch Quốc hội"
            if issuer_code in ("CP", "TTg"):
                if chief or rng.random() < 0.5:
                    return data.in_office(data.PRIME_MINISTERS, day), "Thủ tướng"
                return rng.choice(data.in_office(data.DEPUTY_PRIME_MINISTERS, day)), "Phó Thủ tướng"
            code = issuer_code.split("-")[0]
            terms = self.ministers.get(code) or self.ministers["BNV"]
            minister, deputies = data.in_office([(start, (m, dep)) for start, m, dep in terms], day)
            if chief or rng.random() < 0.4:
                return minister, "Bộ trưởng"
            return rng.choice(deputies), "Thứ trưởng"
        office = self.local(level, day)
        if level == "hdnd":
            return office["hdnd"], "Chủ tịch"
        if chief or rng.random() < 0.25:
            return office["chair"], "Chủ tịch"
        portfolio = family.portfolio if rng.random() < 0.85 else rng.choice(data.PORTFOLIOS)
        return office[portfolio], "Phó Chủ tịch"


# --- numbers -----------------------------------------------------------------------------------------

# Documents a year, per (level, code): administrative numbers follow the day of the year.
VOLUME = {
    ("tinh", "QĐ"): 3200,
    ("tinh", "KH"): 320,
    ("tinh", "TB"): 600,
    ("tinh", "CT"): 25,
    ("tinh", "CV"): 5200,
    ("tinh", "BC"): 420,
    ("hdnd", "NQ"): 90,
    ("huyen", "QĐ"): 4200,
    ("huyen", "KH"): 260,
    ("huyen", "TB"): 420,
    ("huyen", "CT"): 15,
    ("huyen", "CV"): 3600,
    ("huyen", "BC"): 380,
    ("central", "CV"): 6000,
}
NORMATIVE_VOLUME = 60
CV_UNITS = {"tinh": ["TNMT", "KT", "VX", "NC", "TH", "CN"], "huyen": ["TNMT", "TCKH", "VP", "NV", "KTHT", "VHTT"]}
MINISTRY_CV_UNITS = ["VP", "PC", "KHTC", "TCCB", "TTr"]


def padded(seq: int) -> str:
    return f"{seq:02d}"


class Numbers:
    """Numbers as the issuers give them, unique per (number key, issuer, year): the identity of a
    legal document (domain.md §2); directives are unique per (number key, year)."""

    def __init__(self):
        self.used: set[tuple[str, str, int]] = set()
        self.used_directives: set[tuple[str, int]] = set()

    def take(self, number: str, issuer: str, year: int) -> bool:
        key = (number_key(number), issuer, year)
        if key in self.used:
            return False
        self.used.add(key)
        return True

    def reserve(self, number: str, issuer: str, year: int) -> None:
        if not self.take(number, issuer, year):
            raise ValueError(f"two documents numbered {number} by {issuer} in {year}")

    def sequence(self, rng, level: str, code: str, day: date, normative: bool) -> int:
        if normative:
            return 1 + int((day.timetuple().tm_yday / 366) * NORMATIVE_VOLUME * rng.uniform(0.7, 1.0))
        volume = VOLUME.get((level, code), 400)
        return max(1, int((day.timetuple().tm_yday / 366) * volume * rng.uniform(0.85, 1.1)))

    def local(self, rng, level: str, code: str, issuer: str, day: date, normative: bool, suffix: str = "") -> str:
        """A new number for a local document: ``18/2016/QĐ-UBND``, ``1205/QĐ-UBND``, ``4507/UBND-TNMT``."""
        body = "HĐND" if level == "hdnd" else "UBND"
        seq = self.sequence(rng, level, code, day, normative)
        while True:
            if code == "CV":
                number = f"{seq}/UBND-{suffix or rng.choice(CV_UNITS[level])}"
            elif normative:
                number = f"{padded(seq)}/{day.year}/{code}-{body}"
            else:
                number = f"{padded(seq)}/{code}-{body}"
            if self.take(number, issuer, day.year):
                return number
            seq += 1 + rng.randrange(3)


# --- writing ---------------------------------------------------------------------------------------


def laws_in_force(family, day: date) -> list:
    """The family's laws issued before ``day``, the newest version of each series only."""
    newest = {}
    for c in family.central:
        if c.kind == LAW and c.issued < day:
            newest[c.series or c.number] = c
    return list(newest.values())


def decrees_in_force(family, day: date) -> list:
    newest = {}
    for c in family.central:
        if c.kind in (ND, TT, TTLT, QD, NQ) and c.issued < day:
            newest[c.series or c.number] = c
    return list(newest.values())


def law_title(c) -> str:
    """A law as news and plans name it: its name, or an amending law's summary without the numbers."""
    return c.name or re.split(r" số \d", c.summary)[0]


def law_reference(c) -> str:
    if c.name:
        return f"{c.name} {vn_date(c.issued)}"
    return f"{c.summary} số {c.number} {vn_date(c.issued)}"


def decree_reference(c) -> str:
    who = {
        ND: "của Chính phủ",
        NQ: "của Chính phủ",
        QD: "của Thủ tướng Chính phủ",
        CT: "của Thủ tướng Chính phủ",
    }.get(c.kind, "của " + data.MINISTRIES.get(c.number.rsplit("-", 1)[-1], "Bộ"))
    return f"{c.kind} số {c.number} {vn_date(c.issued)} {who} {lower_first(c.summary)}"


SENTENCES = [
    "Tăng cường công tác {s} trên địa bàn xã {p}, bảo đảm đúng quy định của pháp luật.",
    "Ủy ban nhân dân các xã, thị trấn chủ trì, phối hợp với các phòng, ban chuyên môn triển khai {s}.",
    "Rà soát, đánh giá kết quả thực hiện {s} giai đoạn {y0}–{y} và đề xuất giải pháp trong thời gian tới.",
    "Kinh phí thực hiện {s} được bố trí từ nguồn ngân sách nhà nước và các nguồn hợp pháp khác.",
    "Các cơ quan, đơn vị báo cáo kết quả {s} về {u} trước ngày {dd} tháng {mm} năm {y}.",
    "Đẩy mạnh ứng dụng công nghệ thông tin trong {s}, giảm thời gian giải quyết hồ sơ cho người dân.",
    "Tổ chức tuyên truyền, phổ biến các quy định về {s} đến cán bộ, công chức và Nhân dân xã {p}.",
    "Kiểm tra, giám sát việc thực hiện {s}; xử lý nghiêm các trường hợp vi phạm.",
    "Đồng chí {n} trực tiếp chỉ đạo {s}, định kỳ hằng quý nghe báo cáo tiến độ.",
    "Phấn đấu đến năm {y1}, hoàn thành 100% chỉ tiêu về {s} được giao.",
    "Huy động sự tham gia của Mặt trận Tổ quốc và các đoàn thể trong {s} tại xã {p}.",
    "{u} hướng dẫn chuyên môn, nghiệp vụ về {s} cho cấp xã.",
    "Thực hiện nghiêm {ref}, nhất là các quy định về {s}.",
    "Những khó khăn, vướng mắc trong {s} được tổng hợp, báo cáo cấp có thẩm quyền xem xét, giải quyết.",
]


class Writer:
    """Text for documents, news and directives about a family, citing what is in force that day."""

    def __init__(self, people: People):
        self.people = people

    def sentence(self, rng, family, day: date, leader: str = "") -> str:
        phrase = rng.choice(family.phrases) if rng.random() < 0.85 else rng.choice(rng.choice(FAMILIES).phrases)
        refs = laws_in_force(family, day) + decrees_in_force(family, day)
        ref = rng.choice(refs) if refs else None
        return rng.choice(SENTENCES).format(
            s=phrase,
            p=rng.choice(PLACES),
            n=leader or self.people.local("huyen", day)["chair"],
            u=rng.choice(data.UNITS),
            y0=day.year - 5,
            y=day.year,
            y1=day.year + rng.randrange(1, 5),
            dd=rng.randrange(1, 29),
            mm=rng.randrange(1, 13),
            ref=(law_reference(ref) if ref.kind == LAW else decree_reference(ref)) if ref else "các quy định hiện hành",
        )

    def paragraphs(self, rng, family, day: date, count: int, leader: str = "") -> list[str]:
        return [
            " ".join(self.sentence(rng, family, day, leader) for _ in range(rng.randrange(2, 4))) for _ in range(count)
        ]

    def bases(self, rng, family, day: date, level: str) -> list[str]:
        """The "Căn cứ …" lines of a document: the organisation law, the family's laws and decrees in force."""
        if level == "central":
            out = ["Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;"]
        elif day.year >= 2016:
            out = ["Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;"]
        else:
            out = ["Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;"]
        laws = laws_in_force(family, day)
        decrees = decrees_in_force(family, day)
        out += [f"Căn cứ {law_reference(c)};" for c in rng.sample(laws, min(len(laws), 2))]
        out += [f"Căn cứ {decree_reference(c)};" for c in rng.sample(decrees, min(len(decrees), rng.randrange(1, 3)))]
        return out

    def document_body(self, rng, family, day: date, level: str, kind: str, leader: str = "") -> list[str]:
        out = self.bases(rng, family, day, level)
        if level == "central":
            out.append(f"Theo đề nghị của Bộ trưởng {data.MINISTRIES.get(rng.choice(list(data.MINISTRIES)))};")
        else:
            out.append(f"Theo đề nghị của Giám đốc {family.department}.")
        for k, text in enumerate(self.paragraphs(rng, family, day, rng.randrange(3, 6), leader), start=1):
            out.append(f"Điều {k}. {text}")
        who = "Chánh Văn phòng UBND tỉnh" if level in ("tinh", "hdnd") else "Chánh Văn phòng HĐND và UBND"
        out.append(f"{who}, Thủ trưởng các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành {kind} này.")
        return out

    def law_body(self, rng, family, c) -> list[str]:
        out = ["Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;", f"Quốc hội ban hành {c.summary}."]
        out.append("Chương I. NHỮNG QUY ĐỊNH CHUNG")
        scope = ", ".join(rng.sample(family.phrases, min(3, len(family.phrases))))
        out.append(f"Điều 1. Phạm vi điều chỉnh. {c.name or c.summary} quy định về {scope}.")
        out.append("Điều 2. Đối tượng áp dụng. Cơ quan nhà nước, tổ chức, cá nhân có liên quan.")
        out += [f"Điều {k}. {p}" for k, p in enumerate(self.paragraphs(rng, family, c.issued, 4), start=3)]
        return out


# --- building ---------------------------------------------------------------------------------------


def issuer_of(c) -> tuple[str, str]:
    """(issuing body, issuer code) of a central document, from its number."""
    tail = c.number.rsplit("/", 1)[-1]
    code = tail.split("-", 1)[1] if "-" in tail else tail
    if tail.startswith("QH"):
        return "Quốc hội", "QH"
    if code == "CP":
        return "Chính phủ", "CP"
    if code == "TTg":
        return "Thủ tướng Chính phủ", "TTg"
    lead = code.split("-")[0]
    return data.MINISTRIES[lead], lead


def validity(issued: date, replaced: bool, amended: bool = False) -> str:
    if replaced:
        return "het_hieu_luc_toan_bo"
    if amended:
        return "het_hieu_luc_mot_phan"
    return "con_hieu_luc"


class Builder:
    def __init__(self, seed: int):
        self.seed = seed
        self.people = People(stream(seed, "people"))
        self.writer = Writer(self.people)
        self.numbers = Numbers()
        self.docs: list[Doc] = []
        self.news: list[News] = []
        self.directives: list[Directive] = []

    # keys: core items first, so that their keys do not depend on the size
    def doc_key(self) -> str:
        return f"ev-vb-{len(self.docs) + 1}"

    def news_key(self) -> str:
        return f"ev-tin-{len(self.news) + 1}"

    def directive_key(self) -> str:
        return f"ev-cd-{len(self.directives) + 1}"

    # --- the core
    def core(self) -> None:
        rng = stream(self.seed, "core")
        for family in FAMILIES:
            self.central(rng, family)
        for family in FAMILIES:
            for series in family.local:
                self.local_series(rng, family, series)
        rng_news = stream(self.seed, "core-news")
        for _ in range(CORE_NEWS):
            self.news.append(self.news_item(rng_news, core=True))

    def central(self, rng, family) -> None:
        latest: dict[str, date] = {}
        for c in family.central:
            if c.series:
                latest[c.series] = max(latest.get(c.series, c.issued), c.issued)
        amended = {c.guides for c in family.central if c.kind == LAW and c.guides}
        for c in family.central:
            issuer, code = issuer_of(c)
            self.numbers.reserve(c.number, issuer, c.issued.year)
            signer, title = self.people.sign(rng, "central", code, family, c.issued, chief=c.kind == LAW)
            body = (
                self.writer.law_body(rng, family, c)
                if c.kind == LAW
                else self.writer.document_body(rng, family, c.issued, "central", c.kind)
            )
            if rng.random() < NO_BODY["central"]:
                body = []
            replaced = bool(c.series) and latest[c.series] > c.issued and latest[c.series] <= TODAY
            self.docs.append(
                Doc(
                    key=self.doc_key(),
                    number=c.number,
                    kind=c.kind,
                    issuer=issuer,
                    signer=signer,
                    signer_title=title,
                    issued_on=c.issued,
                    summary=c.summary,
                    body=body,
                    field=family.field,
                    family=family.code,
                    level="central",
                    status=validity(c.issued, replaced, c.number in amended),
                    effective_on=date(c.issued.year + 1, 7, 1) if c.kind == LAW else c.issued + timedelta(days=45),
                    core=True,
                    name=c.name,
                    topic=c.topic,
                    series=c.series,
                    guides=c.guides,
                )
            )

    def local_series(self, rng, family, series) -> None:
        years = [y for y in series.years if FIRST_DAY.year <= y <= LAST_DAY.year]
        code = DOC_TYPES[series.kind][0]
        made = []
        for year in years:
            start = date(year, 1, 1) if series.kind != KH else date(year, 1, 5)
            end = min(date(year, 12, 31), LAST_DAY)
            day = start + timedelta(days=rng.randrange(max(1, (end - start).days)))
            level = series.level  # "huyen": the district, then the commune (``data.local_unit``)
            issuer = self.issuer(level, day)
            number = self.numbers.local(rng, level, code, issuer, day, series.normative)
            summary = series.template.format(
                y=year,
                y1=year + 1,
                y5=year + 5,
                y_1=year - 1,
                prov=data.province(day),
                unit=data.local_unit(day),
            )
            signer, title = self.people.sign(rng, level, "", family, day, chief=series.normative or series.kind == CT)
            made.append(
                Doc(
                    key=self.doc_key(),
                    number=number,
                    kind=series.kind,
                    issuer=issuer,
                    signer=signer,
                    signer_title=title,
                    issued_on=day,
                    summary=summary,
                    body=self.body(rng, family, day, level, series.kind),
                    field=family.field,
                    family=family.code,
                    level=level,
                    core=True,
                    series=f"{family.code}:{series.template}",
                    effective_on=day + timedelta(days=10) if series.normative else None,
                )
            )
            self.docs.append(made[-1])
        for doc in made[:-1]:
            doc.status = "het_hieu_luc_toan_bo" if series.normative else ""
        if made and series.normative:
            made[-1].status = "con_hieu_luc"

    def body(self, rng, family, day: date, level: str, kind: str) -> list[str]:
        """The full text, or nothing: many entries hold only the signed file (a PDF), not its text."""
        text = self.writer.document_body(rng, family, day, level, kind.lower())
        return [] if rng.random() < NO_BODY["central" if level == "central" else "local"] else text

    def issuer(self, level: str, day: date) -> str:
        if level == "hdnd":
            return f"HĐND tỉnh {data.province(day)}"
        if level == "tinh":
            return f"UBND tỉnh {data.province(day)}"
        return "UBND " + data.local_unit(day)

    # --- the filler
    def filler(self, count: int) -> None:
        rng = stream(self.seed, "filler")
        for _ in range(count):
            roll = rng.random()
            if roll < 0.56:
                self.docs.append(self.filler_doc(rng))
            elif roll < 0.92:
                self.news.append(self.news_item(rng, core=False))
            else:
                self.directives.append(self.directive(rng))

    def family(self, rng) -> object:
        return rng.choices(FAMILIES, [f.weight for f in FAMILIES])[0]

    def filler_doc(self, rng) -> Doc:
        family = self.family(rng)
        day = random_day(rng)
        level = rng.choices(["central", "tinh", "hdnd", "huyen"], [6, 42, 6, 46])[0]
        project = f"{rng.choice(data.PROJECTS)} xã {rng.choice(PLACES)}"
        phrase = rng.choice(family.phrases)
        laws = laws_in_force(family, day)
        decrees = decrees_in_force(family, day)
        unit = data.local_unit(day) if level == "huyen" else f"tỉnh {data.province(day)}"
        y = day.year
        if level == "central":
            code = rng.choice([k for k in data.MINISTRIES if k not in data.MERGED_INTO or day < data.MERGER_DAY])
            issuer = data.MINISTRIES[code]
            kind = "Công văn"
            seq = self.numbers.sequence(rng, "central", "CV", day, False)
            while True:
                number = f"{seq}/{code}-{rng.choice(MINISTRY_CV_UNITS)}"
                if self.numbers.take(number, issuer, y):
                    break
                seq += 1
            ref = rng.choice(decrees or laws) if (decrees or laws) else None
            options = [f"V/v trả lời kiến nghị của địa phương về {phrase}"]
            if ref:
                named = law_title(ref) if ref.kind == LAW else f"{ref.kind} số {ref.number}"
                about = ref.topic or lower_first(ref.summary)
                options += [f"V/v hướng dẫn thực hiện {named}", f"V/v triển khai {named} về {about}"]
            summary = rng.choice(options)
            signer, title = self.people.sign(rng, "central", code, family, day, chief=False)
            body_level = "central"
        else:
            if level == "hdnd":
                kind, normative = NQ, rng.random() < 0.3
            else:
                kind = rng.choices(
                    [QD, KH, TB, CT, "Công văn", "Báo cáo"],
                    [48, 16, 8, 2, 18, 8] if level == "tinh" else [45, 18, 12, 1, 16, 8],
                )[0]
                normative = kind == QD and level == "tinh" and rng.random() < 0.08
            code = {"Công văn": "CV", "Báo cáo": "BC"}.get(kind) or DOC_TYPES[kind][0]
            issuer = self.issuer(level, day)
            number = self.numbers.local(rng, level, code, issuer, day, normative)
            summary = self.filler_summary(rng, family, kind, normative, phrase, project, laws, decrees, unit, y)
            signer, title = self.people.sign(rng, level, "", family, day, chief=kind == CT or normative)
            body_level = level
        return Doc(
            key=self.doc_key(),
            number=number,
            kind=kind,
            issuer=issuer,
            signer=signer,
            signer_title=title,
            issued_on=day,
            summary=summary,
            body=self.body(rng, family, day, body_level, kind),
            field=family.field,
            family=family.code,
            level=level,
            status=rng.choice(["", "con_hieu_luc", "con_hieu_luc", "het_hieu_luc_toan_bo"]) if kind in (QD, NQ) else "",
        )

    def filler_summary(self, rng, family, kind, normative, phrase, project, laws, decrees, unit, y) -> str:
        law = rng.choice(laws) if laws else None
        decree = rng.choice(decrees) if decrees else None
        options: list[str]
        if kind == QD and normative:
            options = [
                f"Ban hành Quy định về {phrase} trên địa bàn {unit}",
                f"Sửa đổi, bổ sung một số điều của Quy định về {phrase} trên địa bàn {unit}",
            ]
        elif kind == QD:
            options = [
                f"Về việc kiện toàn Ban Chỉ đạo {phrase} {unit}",
                f"Về việc thành lập Đoàn kiểm tra công tác {phrase} năm {y}",
                f"Về việc phê duyệt kết quả {phrase} năm {y}",
                f"Về việc giao chỉ tiêu {phrase} năm {y}",
                f"Ban hành Kế hoạch thực hiện {phrase} năm {y}",
                f"Về việc tặng Bằng khen cho các tập thể, cá nhân có thành tích xuất sắc trong {phrase}",
                f"Về việc công bố danh mục thủ tục hành chính lĩnh vực {family.field} thuộc thẩm quyền giải quyết "
                f"của UBND cấp xã",
            ]
            if family.code in ("dat_dai", "xay_dung", "dau_tu_cong", "dau_thau", "nha_o"):
                options += [
                    f"Về việc thu hồi đất để thực hiện dự án {project}",
                    f"Về việc phê duyệt phương án bồi thường, hỗ trợ, tái định cư dự án {project}",
                    f"Về việc phê duyệt kế hoạch lựa chọn nhà thầu dự án {project}",
                    f"Về việc phê duyệt báo cáo kinh tế - kỹ thuật công trình {project}",
                ]
        elif kind == KH:
            options = [f"Thực hiện {phrase} năm {y}", f"Kiểm tra công tác {phrase} năm {y}"]
            if law:
                options += [
                    f"Triển khai thi hành {law_title(law)} trên địa bàn {unit}",
                    f"Tuyên truyền, phổ biến {law_title(law)} năm {y}",
                ]
            if decree:
                options.append(f"Triển khai thực hiện {decree.kind} số {decree.number} {lower_first(decree.summary)}")
        elif kind == TB:
            options = [
                f"Kết quả {phrase} quý {rng.randrange(1, 5)} năm {y}",
                f"Ý kiến kết luận của Chủ tịch UBND {unit} về {phrase}",
                f"Về việc tiếp nhận hồ sơ {phrase}",
            ]
        elif kind == CT:
            options = [f"Về tăng cường {phrase} trên địa bàn {unit}"]
        elif kind == NQ:
            options = (
                [f"Quy định mức chi cho công tác {phrase} trên địa bàn {unit}"]
                if normative
                else [
                    f"Về kết quả giám sát {phrase} trên địa bàn {unit}",
                    f"Về việc thông qua danh mục {phrase} năm {y + 1}",
                ]
            )
        elif kind == "Báo cáo":
            options = [f"Kết quả {phrase} năm {y}", f"Sơ kết 6 tháng đầu năm {y} công tác {phrase}"]
            if law:
                options.append(f"Tổng kết thi hành {law_title(law)}")
        else:  # Công văn
            options = [f"V/v đôn đốc {phrase}", f"V/v báo cáo kết quả {phrase} năm {y}", f"V/v hướng dẫn {phrase}"]
            if decree:
                options.append(f"V/v triển khai {decree.kind} số {decree.number} về {decree.topic or 'nội dung mới'}")
        return rng.choice(options)

    def news_item(self, rng, core: bool) -> News:
        family = self.family(rng)
        day = random_day(rng)
        place = rng.choice(PLACES)
        phrase = rng.choice(family.phrases)
        laws = laws_in_force(family, day)
        decrees = decrees_in_force(family, day)
        recent_laws = [c for c in laws if (day - c.issued).days < 800]
        recent = [c for c in decrees if (day - c.issued).days < 600]
        office = self.people.local("tinh", day)
        leader = rng.choice([office["chair"], office[family.portfolio], self.people.local("huyen", day)["chair"]])
        titles = [
            f"{place}: đẩy mạnh {phrase}",
            f"Hội nghị tổng kết công tác {phrase} năm {day.year}",
            f"Xã {place} làm tốt công tác {phrase}",
            f"Kiểm tra công tác {phrase} tại xã {place}",
            f"Tháo gỡ vướng mắc trong {phrase} tại xã {place}",
            f"Lãnh đạo tỉnh làm việc với {data.local_unit(day)} về {phrase}",
            f"Nhiều kết quả nổi bật trong {phrase} năm {day.year}",
        ]
        for law in laws[:2]:
            titles.append(f"Tuyên truyền {law_title(law)} đến người dân xã {place}")
            titles.append(f"Tập huấn {law_title(law)} cho cán bộ cấp xã")
        for law in recent_laws:
            titles += [f"Những điểm mới của {law_title(law)} năm {law.issued.year}"] * 3
            titles.append(f"Hội nghị triển khai {law_title(law)} năm {law.issued.year}")
        for c in recent:
            titles.append(f"Triển khai {c.kind} {c.number} {lower_first(c.summary)}")
            titles.append(f"Quán triệt {c.kind} {c.number} về {c.topic or phrase}")
        title = rng.choice([t for t in titles if len(t) <= 160])  # a page title holds 255 characters
        body = [
            f"Ngày {day.day}/{day.month}/{day.year}, tại xã {place}, đồng chí {leader} chủ trì hội nghị về {phrase}."
        ]
        for c in rng.sample(laws + recent, min(2, len(laws + recent))):
            ref = law_reference(c) if c.kind == LAW else decree_reference(c)
            body.append(f"Theo {ref}, các cơ quan, đơn vị phải tổ chức thực hiện nghiêm các quy định về {phrase}.")
        body += self.writer.paragraphs(rng, family, day, rng.randrange(2, 5), leader)
        return News(
            key=self.news_key(),
            title=title[0].upper() + title[1:],
            lead=f"Đồng chí {leader} yêu cầu các địa phương tập trung {phrase} trong năm {day.year}.",
            body=body,
            published_on=day,
            author=self.people.name()
            if rng.random() < 0.05
            else rng.choice(["Minh Anh", "Thu Hà", "Văn Tùng", "Hồng Nhung", "Quang Huy", "Phương Thảo"]),
            family=family.code,
            core=core,
        )

    def directive(self, rng) -> Directive:
        family = self.family(rng)
        day = random_day(rng)
        kind = rng.choices(list(DIRECTIVE_KINDS), [55, 10, 30, 5])[0]
        level = "tinh" if rng.random() < 0.3 else "huyen"
        office = self.people.local(level, day)
        chief = rng.random() < 0.4
        leader = office["chair"] if chief else office[family.portfolio]
        leader_title = "Chủ tịch" if chief else "Phó Chủ tịch"
        unit = data.local_unit(day) if level == "huyen" else f"tỉnh {data.province(day)}"
        phrase = rng.choice(family.phrases)
        code = DIRECTIVE_KINDS[kind][1]
        issuer = self.issuer(level, day)
        seq = self.numbers.sequence(rng, level, {"TB-UBND": "TB", "CT-UBND": "CT"}.get(code, "CV"), day, False)
        while True:
            number = f"{padded(seq)}/{code}"
            key = (number_key(number), day.year)
            if key not in self.numbers.used_directives and self.numbers.take(number, issuer, day.year):
                self.numbers.used_directives.add(key)
                break
            seq += 1 + rng.randrange(3)
        place = rng.choice(PLACES)
        summary = {
            "conclusion_notice": f"Kết luận của đồng chí {leader}, {leader_title} UBND {unit} tại buổi làm việc với xã "
            f"{place} về {phrase}",
            "directive": f"Về việc tăng cường {phrase} trên địa bàn {unit}",
            "official_letter": f"Về việc triển khai {phrase} năm {day.year}",
            "dispatch": f"Về việc chủ động triển khai các biện pháp cấp bách về {phrase}",
        }[kind]
        return Directive(
            key=self.directive_key(),
            number=number,
            kind=kind,
            issued_on=day,
            summary=summary,
            leader=leader,
            leader_title=leader_title,
            body=self.writer.paragraphs(rng, family, day, rng.randrange(3, 6), leader),
            field=family.field,
            family=family.code,
        )


def build(size: int = DEFAULT_SIZE, seed: int = SEED) -> Corpus:
    """The collection (the core, then filler up to ``size`` items) and its judged queries."""
    builder = Builder(seed)
    builder.core()
    core = len(builder.docs) + len(builder.news) + len(builder.directives)
    builder.filler(max(0, size - core))
    corpus = Corpus(seed, size, builder.docs, builder.news, builder.directives)
    corpus.queries = make_queries(corpus, builder.people)
    return corpus


def core_size(seed: int = SEED) -> int:
    builder = Builder(seed)
    builder.core()
    return len(builder.docs) + len(builder.news)


# --- judged queries ---------------------------------------------------------------------------------

NUMBER_RE = re.compile(r"^(\d+)(?:/(\d{4}))?/([^/]+)$")


def parse_number(number: str) -> tuple[int, int | None, str]:
    """(sequence, year written in the number or None, the rest: "NĐ-CP", "QH13", "UBND-TNMT")."""
    m = NUMBER_RE.match(number)
    if not m:
        raise ValueError(number)
    return int(m.group(1)), int(m.group(2)) if m.group(2) else None, m.group(3)


def type_code(number: str) -> str:
    """The document-type code of a number: NĐ, QĐ, TT, KH…, QH for a law, "" for an official letter."""
    rest = parse_number(number)[2]
    if rest.startswith("QH"):
        return "QH"
    head = rest.split("-")[0]
    return "" if head in ("UBND", "HĐND") else head


def unmark(text: str) -> str:
    """As typed without marks: lower case, no diacritics (separators kept)."""
    return fold(text)


class QueryMaker:
    def __init__(self, corpus: Corpus, people: People, rng: random.Random):
        self.corpus = corpus
        self.people = people
        self.rng = rng
        self.docs = corpus.docs
        self.core_docs = [d for d in corpus.docs if d.core]
        self.by_key = {item.key: item for item in corpus.items()}
        self.numbered = [*corpus.docs, *corpus.directives]
        self.used_targets: set[str] = set()
        self._summary_words = {d.key: set(words(d.summary)) for d in corpus.docs}
        self._summary_fold = {d.key: fold(d.summary) for d in corpus.docs}
        self._number_key = {d.key: number_key(d.number) for d in self.numbered}
        self._parsed = {d.key: parse_number(d.number) for d in self.numbered}

    def pick(self, pool: list, count: int, old_share: float = 0.3) -> list:
        """``count`` distinct items of ``pool``, about ``old_share`` of them older than 2012."""
        pool = [p for p in pool if p.key not in self.used_targets]
        old = [p for p in pool if p.day < OLD_BEFORE]
        new = [p for p in pool if p.day >= OLD_BEFORE]
        n_old = min(len(old), round(count * old_share))
        chosen = self.rng.sample(old, n_old) + self.rng.sample(new, min(len(new), count - n_old))
        self.rng.shuffle(chosen)
        self.used_targets.update(p.key for p in chosen)
        return chosen

    def judged(self, q: str, cls: str, relevant: dict[str, int], target, unmarked: bool) -> Judged:
        assert relevant.get(target.key) == 2, (q, target.key)
        assert len(q) <= 200, q  # search.service.MAX_QUERY_LENGTH
        return Judged(" ".join(q.split()), cls, relevant, target.key, target.day, unmarked)

    # --- numbers in messy spellings
    def messy_numbers(self, count: int) -> list[Judged]:
        out = []
        pool = [d for d in self.core_docs if type_code(d.number)]
        forms = ["folded", "lower", "nohyphen", "spaces", "eth", "zero", "prefix", "typeword", "so", "dash"]
        for i, doc in enumerate(self.pick(pool, count)):
            form = forms[i % len(forms)]
            seq, year, rest = parse_number(doc.number)
            q, unmarked = doc.number, False
            if form == "folded":
                q, unmarked = _text().strip_marks(doc.number), "Đ" in doc.number
            elif form == "lower":
                q = doc.number.lower()
            elif form == "nohyphen":
                q = doc.number.replace("-", "")
            elif form == "spaces":
                q = doc.number.replace("/", " / ").replace("-", " - ")
            elif form == "eth":
                q = doc.number.replace("Đ", "Ð") if "Đ" in doc.number else doc.number.replace("/", " /", 1)
            elif form == "zero":
                q = f"{seq}/{year}/{rest}" if year else f"{seq}/{rest}"
                if q == doc.number:
                    q = f"0{q}"
            elif form == "prefix" and year:
                q = f"{padded(seq)}/{year}"
            elif form == "typeword":
                word = SPOKEN_TYPES.get(doc.kind, (doc.kind.lower(), ""))[0]
                q, unmarked = f"{unmark(word)} {unmark(doc.number)}", True
            elif form == "so":
                q = f"số {doc.number}"
            elif form == "dash":
                q = doc.number.replace("-", "–")
            if form == "prefix" and year:
                prefix = number_key(f"{seq}/{year}") + "/"
                relevant = {d.key: 2 for d in self.numbered if self._number_key[d.key].startswith(prefix)}
            else:
                key = self._number_key[doc.key]
                relevant = {d.key: 2 for d in self.numbered if self._number_key[d.key] == key}
            out.append(self.judged(q, "number", relevant, doc, unmarked))
        return out

    # --- numbers said in words
    def spoken_numbers(self, count: int) -> list[Judged]:
        out = []
        normative = [d for d in self.core_docs if d.kind in SPOKEN_TYPES and parse_number(d.number)[1]]
        administrative = [d for d in self.core_docs if d.kind in SPOKEN_TYPES and not parse_number(d.number)[1]]
        targets = self.pick(normative, count * 11 // 20) + self.pick(administrative, count - count * 11 // 20)
        for i, doc in enumerate(targets):
            seq, year, _rest = parse_number(doc.number)
            word, code = SPOKEN_TYPES[doc.kind]
            in_number = year is not None
            year = year or doc.issued_on.year
            abbr = DOC_TYPES[doc.kind][0] or word
            forms = [
                f"{word} {seq} năm {year}",
                f"{word} số {seq} năm {year}",
                f"{abbr} {seq} năm {year}",
                f"{word} {seq} {year}",
                f"{word} số {padded(seq)} năm {year}",
            ]
            if in_number:
                forms += [f"{word} {padded(seq)}/{year}", f"{word} số {seq}/{year}"]
            q = forms[i % len(forms)]
            issuer_words = ""
            if not in_number and i % 4 == 3:
                issuer_words = " của UBND tỉnh" if doc.level in ("tinh",) else ""
                q += issuer_words
            unmarked = i % 2 == 1
            if unmarked:
                q = unmark(q)
            relevant = {}
            for d in self.numbered:
                d_seq, d_year, _ = self._parsed[d.key]
                d_code = type_code(d.number) if isinstance(d, Doc) else DIRECTIVE_KINDS[d.kind][1].split("-")[0]
                if d_code != code or d_seq != seq:
                    continue
                if (d_year or d.issued_on.year) != year:
                    continue
                if issuer_words and not (isinstance(d, Doc) and d.level == "tinh"):
                    continue
                relevant[d.key] = 2
            out.append(self.judged(q, "spoken", relevant, doc, unmarked))
        return out

    # --- topic: naming a law or a decree
    def topics(self, count: int) -> list[Judged]:
        central = [d for d in self.core_docs if d.level == "central"]
        series: dict[str, list[Doc]] = {}
        for d in central:
            if d.series:
                series.setdefault(d.series, []).append(d)
        current = {
            s: max((d for d in docs if d.issued_on <= TODAY), key=lambda d: d.issued_on) for s, docs in series.items()
        }
        candidates = []  # (kind of query, target doc)
        for d in central:
            if d.kind == LAW and d.name:
                candidates.append(("law-year", d))
                if current.get(d.series) is d:
                    candidates.append(("law", d))
            elif d.kind == LAW and d.topic:
                candidates.append(("amending", d))
            elif d.topic and d.kind in (ND, TT, QD, NQ, CT, TTLT):
                candidates.append(("decree-year", d) if d.series and current.get(d.series) is not d else ("decree", d))
        laws_guided = {d.guides for d in central if d.guides and d.kind == ND}
        for d in central:
            if d.kind == LAW and d.name and d.number in laws_guided:
                candidates.append(("guides", d))
        rng = self.rng
        by_number = {d.number: d for d in central}
        anchors = [(form, by_number[number], q) for form, number, q in TOPIC_ANCHORS]
        candidates = [c for c in candidates if c not in [(form, d) for form, d, _q in anchors]]
        rng.shuffle(candidates)
        # about 30 % old targets, each target once per form
        old = [c for c in candidates if c[1].issued_on < OLD_BEFORE]
        new = [c for c in candidates if c[1].issued_on >= OLD_BEFORE]
        n_old = min(len(old), round(count * 0.3))
        chosen = [(form, d, "") for form, d in old[:n_old] + new[: count - n_old - len(anchors)]]
        rng.shuffle(chosen)
        out = []
        for i, (form, d, fixed) in enumerate(anchors + chosen):
            unmarked = fixed == strip_marks(fixed) if fixed else i % 2 == 0
            relevant: dict[str, int] = {}
            if form in ("law", "law-year"):
                name = d.name.lower()
                versions = series.get(d.series, [d])
                if form == "law":
                    q = name
                    relevant = {v.key: 1 for v in versions}
                else:
                    q = rng.choice([f"{name} {d.issued_on.year}", f"{name} năm {d.issued_on.year}"])
                relevant[d.key] = 2
                target = d
            elif form == "amending":
                q = "luật " + d.topic
                relevant = {d.key: 2}
                target = d
            elif form == "guides":
                name = d.name.lower()
                verb = rng.choice(["hướng dẫn", "quy định chi tiết", "hướng dẫn thi hành"])
                q = f"nghị định {verb} {name} {d.issued_on.year}"
                guiding = [g for g in self.docs if g.guides == d.number]
                relevant = {g.key: (2 if g.kind == ND else 1) for g in guiding}
                decrees = sorted((g for g in guiding if g.kind == ND), key=lambda g: g.issued_on)
                target = next((g for g in decrees if "Luật" in g.summary), decrees[0])
            else:
                word = SPOKEN_TYPES.get(d.kind, (d.kind.lower(),))[0]
                verbs = ("hướng dẫn", "quy định", "sửa đổi")
                link = rng.choice(["", "về "]) if form == "decree" and not d.topic.startswith(verbs) else ""
                q = f"{word} {link}{d.topic}"
                versions = series.get(d.series, [d])
                if form == "decree-year":
                    q += f" {d.issued_on.year}"
                    relevant = {v.key: 1 for v in versions}
                    relevant[d.key] = 2
                    target = d
                else:
                    target = current.get(d.series, d)
                    relevant = {v.key: 1 for v in versions}
                    relevant[target.key] = 2
            if fixed:
                q = fixed
            elif unmarked:
                q = unmark(q)
            out.append(self.judged(q, "topic", relevant, target, unmarked))
        return out

    # --- words of a summary
    def summaries(self, count: int) -> list[Judged]:
        """The words of a trích yếu: the whole of it (less "Về việc", "Ban hành" and the place), or a
        phrase of it specific enough to name a handful of summaries; the year added when several
        documents have the same summary (yearly series, new versions)."""
        pool = [d for d in self.core_docs if d.level != "central" or (d.kind in (TT, TTLT) and not d.name)]
        out = []
        lead = re.compile(r"^(Về việc |Về |Ban hành |V/v )", re.IGNORECASE)
        where = re.compile(r" (trên địa bàn |của )?(tỉnh (Vĩnh Phúc|Phú Thọ)|huyện Vĩnh Tường|xã Vĩnh Tường)$")
        identical: Counter = Counter(self._summary_fold.values())
        for i, doc in enumerate(self.pick(pool, count)):
            folded = self._summary_fold[doc.key]
            with_year = identical[folded] > 1
            year = str(doc.issued_on.year)

            def others(q: str, doc=doc, with_year=with_year, year=year) -> int:
                text_words = set(words(q)) - ({year} if with_year else set())
                return sum(1 for d in self.docs if d.key != doc.key and text_words <= self._summary_words[d.key])

            text = where.sub("", lead.sub("", doc.summary))
            q = phrase(text, self.rng, 4, 8, lambda q: others(q) <= 15) if i % 2 == 0 else text
            if with_year and year not in q:
                q += f" {year}"
            unmarked = i % 2 == 1
            if unmarked:
                q = unmark(q)
            text_words = set(words(q)) - ({year} if with_year else set())
            relevant = {}
            for d in self.docs:
                if self._summary_fold[d.key] == folded and (not with_year or d.issued_on.year == doc.issued_on.year):
                    relevant[d.key] = 2
                elif text_words <= self._summary_words[d.key]:
                    relevant[d.key] = 1
            out.append(self.judged(q, "summary", relevant, doc, unmarked))
        return out

    # --- who signed
    def signers(self, count: int) -> list[Judged]:
        local = [d for d in self.core_docs if d.level in ("tinh", "huyen")]
        central = [d for d in self.core_docs if d.level == "central" and d.kind == ND]
        targets = self.pick(local, count - 4) + self.pick(central, 4, old_share=0.5)
        out = []
        by_family = {f.code: f for f in FAMILIES}
        for i, doc in enumerate(targets):
            with_subject = doc.level == "central" or i % 3 == 0
            family = by_family[doc.family]
            q = f"{doc.signer} {family.subject}" if with_subject else doc.signer
            if i % 5 == 1 and not with_subject:
                q = f"{SPOKEN_TYPES.get(doc.kind, (doc.kind.lower(),))[0]} {doc.signer}"
            unmarked = i % 2 == 0
            if unmarked:
                q = unmark(q)
            kind_word = q.split(" ")[0] if i % 5 == 1 and not with_subject else ""
            relevant = {}
            for d in self.docs:
                if d.signer != doc.signer or (with_subject and d.family != doc.family):
                    continue
                if kind_word and d.kind != doc.kind:
                    continue
                relevant[d.key] = 2
            for d in self.corpus.directives:
                if d.leader == doc.signer and (not with_subject or d.family == doc.family):
                    relevant.setdefault(d.key, 1)
            out.append(self.judged(q, "signer", relevant, doc, unmarked))
        return out

    # --- words of a news title
    def news_titles(self, count: int) -> list[Judged]:
        """The words of a news title: all of them, or a phrase of it that a handful of titles hold."""
        pool = [n for n in self.corpus.news if n.core]
        titles = {n.key: set(words(n.title)) for n in self.corpus.news}
        folded = {n.key: fold(n.title) for n in self.corpus.news}
        by_number: dict[str, list[str]] = {}
        for d in self.docs:
            by_number.setdefault(fold(d.number), []).append(d.key)
        out = []
        for i, item in enumerate(self.pick(pool, count)):

            def others(q: str, item=item) -> int:
                wanted = set(words(q))
                return sum(1 for n in self.corpus.news if n.key != item.key and wanted <= titles[n.key])

            text = item.title.replace(":", "")
            whole = i % 3 == 0 and len(text) <= 120
            q = text if whole else phrase(text, self.rng, 4, 7, lambda q: others(q) <= 5)
            unmarked = i % 2 == 0
            if unmarked:
                q = unmark(q)
            wanted = set(words(q))
            relevant = {}
            for n in self.corpus.news:
                if folded[n.key] == folded[item.key]:
                    relevant[n.key] = 2
                elif wanted <= titles[n.key]:
                    relevant[n.key] = 1
            # acceptable too: a document the query names by its number, or whose summary holds the query
            for token in fold(q).split():
                for key in by_number.get(token, ()):
                    relevant.setdefault(key, 1)
            for d in self.docs:
                if wanted <= self._summary_words[d.key]:
                    relevant.setdefault(d.key, 1)
            out.append(self.judged(q, "news", relevant, item, unmarked))
        return out


# A title or summary is read as chunks, each starting at one of these words ("đối với cơ sở giáo dục",
# "năm 2022"): a citizen who types part of it types whole chunks, without the leading linking word.
CHUNK_STARTS = {"của", "trên", "về", "đối", "tại", "cho", "khi", "trong", "đến", "với", "năm", "giai", "và"}
LINKING = {"của", "trên", "về", "tại", "cho", "khi", "trong", "đến", "với", "và"}


def chunks(text: str) -> list[list[str]]:
    out: list[list[str]] = []
    for token in text.split():
        if not out or (token.lower() in CHUNK_STARTS and out[-1]):
            out.append([])
        out[-1].append(token)
    return out


def phrase(text: str, rng: random.Random, shortest: int, longest: int, specific) -> str:
    """Whole chunks of ``text`` (``chunks``; not all of them), ``shortest``–``longest`` words without
    the leading linking word, that ``specific(run)`` accepts; ``text`` itself when none does."""
    parts = chunks(text)
    runs = []
    for start in range(len(parts)):
        for end in range(start + 1, len(parts) + 1):
            if end - start == len(parts):
                continue
            run = [t for part in parts[start:end] for t in part]
            if run[0].lower() == "đối" and len(run) > 1 and run[1] == "với":
                run = run[2:]
            elif run[0].lower() in LINKING:
                run = run[1:]
            if shortest <= len(run) <= longest:
                runs.append(" ".join(run).strip(" ,;"))
    rng.shuffle(runs)
    for run in runs[:12]:
        if specific(run):
            return run
    return text


# Topic queries that are always in the set: the examples of issue 18, as citizens type them.
TOPIC_ANCHORS = [
    ("law-year", "31/2024/QH15", "luật đất đai 2024"),
    ("law", "31/2024/QH15", "luat dat dai"),
    ("law", "58/2024/QH15", "luat dau tu cong"),
    ("decree", "123/2024/NĐ-CP", "nghị định về xử phạt vi phạm hành chính trong lĩnh vực đất đai"),
]


def strip_marks(text: str) -> str:
    return _text().strip_marks(text)


def make_queries(corpus: Corpus, people: People) -> list[Judged]:
    """The judged queries: targets chosen among the core items only (the same at every size), their
    relevant items computed over the whole collection."""
    rng = stream(corpus.seed, "queries")
    maker = QueryMaker(corpus, people, rng)
    queries = [
        *maker.messy_numbers(PER_CLASS["number"]),
        *maker.spoken_numbers(PER_CLASS["spoken"]),
        *maker.topics(PER_CLASS["topic"]),
        *maker.summaries(PER_CLASS["summary"]),
        *maker.signers(PER_CLASS["signer"]),
        *maker.news_titles(PER_CLASS["news"]),
    ]
    seen = set()
    unique = []
    for j in queries:  # one query text once (the first judgment wins)
        if j.q not in seen:
            seen.add(j.q)
            unique.append(j)
    holdout_rng = stream(corpus.seed, "holdout")
    for cls in CLASSES:
        group = [j for j in unique if j.cls == cls]
        for j in holdout_rng.sample(group, round(len(group) * HOLDOUT_SHARE)):
            j.holdout = True
    return unique


def shares(queries: list[Judged]) -> dict[str, float]:
    """The shares issue 18 sets minimums for (typed without marks, spoken numbers, topic, old targets)."""
    n = len(queries)
    return {
        "unmarked": sum(j.unmarked for j in queries) / n,
        "spoken": sum(j.cls == "spoken" for j in queries) / n,
        "topic": sum(j.cls == "topic" for j in queries) / n,
        "old targets": sum(j.old for j in queries) / n,
        "held out": sum(j.holdout for j in queries) / n,
    }


# --- exact counts (the truth for queries matched by many documents) ------------------------------------


def indexed_words(item) -> set[str]:
    """The words the backends index for an item (its folded title, text fields and number forms)."""
    if isinstance(item, Doc):
        from directives.numbers import number_terms

        parts = [item.title, item.summary, " ".join(item.body), item.signer, number_terms(item.number)]
    elif isinstance(item, News):
        parts = [item.title, item.lead, " ".join(item.body), item.author]
    else:
        from directives.numbers import number_terms

        parts = [item.title, item.summary, " ".join(item.body), number_terms(item.number)]
    return set(words(" ".join(parts)))


def exact_counts(corpus: Corpus, queries: list[str]) -> dict[str, dict[str, int]]:
    """{query: {type: items holding every word of the query}} over the collection (by the generator)."""
    kinds = [("legal_document", corpus.docs), ("news", corpus.news), ("directive", corpus.directives)]
    wanted = {q: set(words(q)) for q in queries}
    out = {q: {code: 0 for code, _ in kinds} for q in queries}
    for code, items in kinds:
        for item in items:
            have = indexed_words(item)
            for q, ws in wanted.items():
                if ws <= have:
                    out[q][code] += 1
    return out


BROAD_QUERIES = ["năm", "ủy ban nhân dân", "căn cứ luật", "quyết định", "đất đai", "thủ tục hành chính"]


# --- writing into the database ------------------------------------------------------------------------


def load(corpus: Corpus) -> dict:
    """Write the collection through the models (bulk page rows: ``bench.search_speed.bulk_insert_pages``);
    returns {model: [pages]} for indexing. Needs Django set up and the site's sections (created here)."""
    from bench.search_speed import bulk_insert_pages
    from directives.importing import directing_official, directive_index, get_or_create_named, legal_document_index
    from directives.models import Agency, DirectivePage, DocumentType, Field, LegalDocumentPage
    from news.importing import news_category
    from news.models import NewsPage

    rng = stream(corpus.seed, "load")  # block ids of the news bodies
    types = {
        name: DocumentType.objects.get_or_create(name=name, defaults={"abbreviation": abbr, "is_normative": norm})[0]
        for name, (abbr, norm) in DOC_TYPES.items()
    }
    agencies = {}
    fields = {}
    for item in [*corpus.docs, *corpus.directives]:
        if item.field not in fields:
            fields[item.field] = Field.objects.get_or_create(name=item.field)[0]
    for doc in corpus.docs:
        if doc.issuer not in agencies:
            agencies[doc.issuer] = get_or_create_named(Agency, doc.issuer)
    legal = []
    for doc in corpus.docs:
        page = LegalDocumentPage(
            title=doc.title,
            slug=doc.key,
            number=doc.number,
            summary=doc.summary,
            document_type=types[doc.kind],
            issuing_body=agencies[doc.issuer],
            signer=doc.signer,
            signer_title=doc.signer_title,
            issued_on=doc.issued_on,
            effective_on=doc.effective_on,
            status=doc.status,
            body="".join(f"<p>{p}</p>" for p in doc.body),
        )
        page.derive_number_keys()
        legal.append(page)
    bulk_insert_pages(LegalDocumentPage, legal_document_index(), legal)
    through = LegalDocumentPage.fields.through
    through.objects.bulk_create(
        [through(legaldocumentpage_id=p.pk, field_id=fields[d.field].pk) for p, d in zip(legal, corpus.docs)],
        batch_size=1000,
    )
    news = [
        NewsPage(
            title=n.title,
            slug=n.key,
            lead=n.lead,
            published_on=n.published_on,
            author=n.author,
            body=[
                {"type": "paragraph", "value": f"<p>{p}</p>", "id": str(uuid.UUID(int=rng.getrandbits(128)))}
                for p in n.body
            ],
        )
        for n in corpus.news
    ]
    bulk_insert_pages(NewsPage, news_category("Tin tức - Sự kiện"), news)
    officials = {}
    directives = []
    for d in corpus.directives:
        if (d.leader, d.leader_title) not in officials:
            officials[(d.leader, d.leader_title)] = directing_official(d.leader, d.leader_title)
        page = DirectivePage(
            title=d.title,
            slug=d.key,
            number=d.number,
            kind=d.kind,
            issued_on=d.issued_on,
            summary=d.summary,
            directing_leader=officials[(d.leader, d.leader_title)],
            body="".join(f"<p>{p}</p>" for p in d.body),
        )
        page.derive_number_keys()
        directives.append(page)
    if directives:
        bulk_insert_pages(DirectivePage, directive_index(), directives)
        through = DirectivePage.fields.through
        through.objects.bulk_create(
            [
                through(directivepage_id=p.pk, field_id=fields[d.field].pk)
                for p, d in zip(directives, corpus.directives)
            ],
            batch_size=1000,
        )
    return {LegalDocumentPage: legal, NewsPage: news, DirectivePage: directives}
