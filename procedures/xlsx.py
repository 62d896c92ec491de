"""The catalogue spreadsheet editors receive from the national database of procedures: one
procedure per row under a header row of Vietnamese column titles ("Mã thủ tục", "Tên thủ tục",
"Lĩnh vực", "Cấp thực hiện", …). Titles are matched without regard to case, diacritics, spacing
or a note in brackets ("THÀNH PHẦN HỒ SƠ (mỗi giấy tờ một dòng)" = "thanh phan ho so"); rows
of title above the header are skipped. Each row becomes a ``procedure`` record and is imported by
the same handler as ``import_content`` (``portal.importing.import_lines``, one transaction per
row), its problems reported with the row's number as the spreadsheet shows it.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from portal.importing import ImportReport, import_lines
from portal.text import fold

from .values import ValueProblem, clean_code, dossier_line, lines_of, parse_channels, parse_level, parse_online_level

#: The record key of each column, by its folded title; the first title of a key is the one
#: messages name.
COLUMNS: dict[str, str] = {
    "ma thu tuc": "code",
    "ma tthc": "code",
    "ma so": "code",
    "ten thu tuc": "name",
    "ten tthc": "name",
    "ten thu tuc hanh chinh": "name",
    "linh vuc": "field",
    "cap thuc hien": "level",
    "co quan thuc hien": "agency",
    "thoi han giai quyet": "processing_time",
    "phi": "fee",
    "le phi": "charge",
    "thanh phan ho so": "dossier",
    "can cu phap ly": "legal_basis",
    "muc do dvc": "online_level",
    "muc do dvc truc tuyen": "online_level",
    "muc do dich vu cong": "online_level",
    "muc do dich vu cong truc tuyen": "online_level",
    "dia chi dvc truc tuyen": "service_url",
    "dia chi dich vu cong truc tuyen": "service_url",
    "duong dan dvc truc tuyen": "service_url",
    "doi tuong thuc hien": "subjects",
    "ket qua thuc hien": "result",
    "yeu cau dieu kien": "conditions",
    "yeu cau dieu kien thuc hien": "conditions",
    "trinh tu thuc hien": "steps",
    "cach thuc thuc hien": "channels",
    "ngay cong bo": "announced_on",
}
TITLES = {
    "code": "Mã thủ tục",
    "name": "Tên thủ tục",
    "field": "Lĩnh vực",
    "level": "Cấp thực hiện",
    "agency": "Cơ quan thực hiện",
    "processing_time": "Thời hạn giải quyết",
    "processing_days": "Thời hạn giải quyết",
    "fee": "Phí",
    "charge": "Lệ phí",
    "dossier": "Thành phần hồ sơ",
    "legal_basis": "Căn cứ pháp lý",
    "online_level": "Mức độ DVC",
    "service_url": "Địa chỉ DVC trực tuyến",
    "subjects": "Đối tượng thực hiện",
    "result": "Kết quả thực hiện",
    "conditions": "Yêu cầu, điều kiện",
    "steps": "Trình tự thực hiện",
    "channels": "Cách thức thực hiện",
    "announced_on": "Ngày công bố",
}
REQUIRED = ("code", "name", "field", "level", "agency")
#: The header row is looked for in the first rows of the sheet.
HEADER_SEARCH_ROWS = 15
# Columns that are not data: the row number.
_IGNORED = {"stt", "so thu tu", "tt"}


class SheetError(Exception):
    """A file that cannot be read as a catalogue at all (not a workbook, no header row)."""


def header_key(title) -> str | None:
    """The record key of a column title, or None: "THÀNH PHẦN HỒ SƠ (mỗi giấy tờ một dòng)" →
    ``dossier``."""
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", fold(str(title or "")))
    return COLUMNS.get(" ".join(re.sub(r"[^0-9a-z]+", " ", text).split()))


@dataclass
class Sheet:
    """What was read: the rows as records (row number, record), the rows that could not be read
    (row number, reason), and the titles of the columns left unread."""

    records: list[tuple[int, dict]] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    rows: int = 0


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _date(value) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = _text(value)
    match = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return date(year, month, day).isoformat()
        except ValueError as exc:
            raise ValueProblem(f"{text!r} is not a date") from exc
    return text  # ISO or wrong: the handler says which


def row_record(cells: dict[str, object]) -> dict:
    """The ``procedure`` record of one row (``cells``: record key → cell value). Empty cells are
    left out; labels become codes. Raises ``ValueProblem`` naming the column."""
    record: dict = {"type": "procedure"}
    for key, value in cells.items():
        try:
            if key == "code":
                text = clean_code(value)
            elif key == "announced_on":
                text = _date(value) if value not in (None, "") else ""
            else:
                text = _text(value)
            if not text:
                continue
            if key == "level":
                record[key] = parse_level(text)
            elif key == "online_level":
                record[key] = parse_online_level(text)
            elif key == "channels":
                record[key] = parse_channels(text)
            elif key == "dossier":
                papers = [dossier_line(line) for line in lines_of(text)]
                record[key] = [
                    {"name": p.name, "originals": p.originals, "copies": p.copies, "required": p.required}
                    for p in papers
                ]
            elif key in ("legal_basis", "steps"):
                record[key] = lines_of(text)
            else:
                record[key] = text
        except ValueProblem as problem:
            raise ValueProblem(f"'{TITLES[key]}': {problem}") from problem
    empty = [TITLES[key] for key in REQUIRED if key not in record]
    if empty:
        raise ValueProblem(f"empty cell(s): {', '.join(empty)}")
    return record


def read_sheet(file) -> Sheet:
    """The catalogue in the first sheet of the workbook ``file`` (a path or a binary file) that has
    a header row. Raises ``SheetError`` when there is none or required columns are missing."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(file, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError or its own errors on a bad file
        raise SheetError(f"not an .xlsx workbook ({exc.__class__.__name__}: {exc})") from exc
    for sheet in book.worksheets:
        rows = list(sheet.iter_rows(values_only=True))
        for index, cells in enumerate(rows[:HEADER_SEARCH_ROWS]):
            keys = [header_key(c) for c in cells]
            if "code" in keys and "name" in keys:
                return _read_rows(rows, index, cells, keys)
    raise SheetError(
        f"no header row with the columns '{TITLES['code']}' and '{TITLES['name']}' in the first "
        f"{HEADER_SEARCH_ROWS} rows of any sheet"
    )


def _read_rows(rows: list[tuple], index: int, titles: tuple, keys: list) -> Sheet:
    header_row = index + 1
    missing = [TITLES[k] for k in REQUIRED if k not in keys]
    if missing:
        raise SheetError(f"row {header_row}: missing column(s): {', '.join(missing)}")
    sheet = Sheet(rows=len(rows))
    columns: dict[int, str] = {}
    for position, (title, key) in enumerate(zip(titles, keys)):
        if key is None or key in columns.values():
            text = _text(title)
            if text and fold(text) not in _IGNORED:
                sheet.ignored.append(text)
            continue
        columns[position] = key
    for number, cells in enumerate(rows[index + 1 :], start=header_row + 1):
        if all(_text(c) == "" for c in cells):
            continue
        values = {key: cells[position] if position < len(cells) else None for position, key in columns.items()}
        try:
            sheet.records.append((number, row_record(values)))
        except ValueProblem as problem:
            sheet.errors.append((number, str(problem)))
    return sheet


def _in_column_terms(message: str) -> str:
    """A handler's message with record keys named as the spreadsheet's columns."""
    for key, title in TITLES.items():
        message = message.replace(f"'{key}'", f"'{title}'")
        message = re.sub(rf"(?<![\w']){key}(?=[\[:])", f"'{title}'", message)
    return message


def import_sheet(sheet: Sheet, dry_run: bool = False, progress=None) -> ImportReport:
    """Import the rows read; errors (reading and importing) by row number, in order."""
    lines = [""] * sheet.rows
    for number, record in sheet.records:
        lines[number - 1] = json.dumps(record, ensure_ascii=False)
    report = import_lines(lines, dry_run=dry_run, progress=progress)
    report.errors = sorted([*sheet.errors, *((number, _in_column_terms(message)) for number, message in report.errors)])
    return report
