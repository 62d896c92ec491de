"""Import of ``statistics`` records (docs/import-format.md): a statistics page of ``/thong-ke/`` with
its period, publishing unit and data tables.

Natural key: ``slug``, among the statistics pages of the single "Thông tin thống kê" page
(``/thong-ke/``), created under the home page when missing. The publishing unit is an agency,
matched case-insensitively and created when new. The file is authoritative for the tables: a
different list (captions, columns, rows, unit, source) replaces the stored one. Every cell is
checked and a row whose length differs from the columns' is refused with its position: nothing is
padded, cut or dropped.
"""

import json
import re
from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError

from directives.importing import get_or_create_named
from directives.models import Agency
from portal.importing import (
    RecordError,
    Spec,
    assign,
    ensure_section,
    record_choice,
    record_slug,
    save_page,
    text_to_html,
    validate_page,
)

from .blocks import StatisticsTableBlock
from .models import PeriodKind, StatisticsIndexPage, StatisticsPage

STATISTICS = Spec(
    required={
        "slug": str,
        "title": str,
        "period_kind": str,
        "year": int,
        "publishing_unit": str,
        "published_on": date,
        "tables": list,
    },
    optional={"quarter": int, "month": int, "intro": str, "note": str},
)
TABLE_KEYS = {"caption", "columns", "rows", "unit", "source"}
COLUMN_TYPES = ("text", "number")
INDEX_TITLE = "Thông tin thống kê"
INDEX_SLUG = "thong-ke"
# A number as a machine writes it: "12.5", "-3", "1250000". "12,5" and "1.250.000" are refused:
# in a Vietnamese file the comma and the dot are each sometimes decimal, sometimes thousands.
_NUMBER = re.compile(r"^-?\d{1,15}(\.\d{1,6})?$")
MAX_ROWS = 1000
MAX_COLUMNS = 30


def statistics_index() -> StatisticsIndexPage:
    return ensure_section(StatisticsIndexPage, INDEX_TITLE, INDEX_SLUG)


def _show(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _number(value, where: str) -> str | None:
    """A number cell as the table block stores it (a decimal string), ``None`` when empty."""
    if value is None or value == "":
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise RecordError(f"{where} must be a number, got {_show(value)}")
    text = value.strip() if isinstance(value, str) else repr(value)
    if isinstance(value, float):
        text = format(Decimal(text), "f")
    if not _NUMBER.match(text):
        raise RecordError(f"{where} must be a number written as 12.5 (a dot before the decimals), got {_show(value)}")
    return decimal_text(text)


def decimal_text(value) -> str:
    """One spelling per number ("12.50", 12.5 → "12.5"; "1250000" stays), to compare with what is stored."""
    return format(Decimal(str(value)).normalize(), "f")


def _text(value, where: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise RecordError(f"{where} must be text, got {_show(value)}")
    return str(value).strip()


def table_data(table, position: int) -> dict:
    """One entry of ``tables`` as the page's stream stores it; every problem named by its place."""
    where = f"tables[{position}]"
    if not isinstance(table, dict):
        raise RecordError(f"{where} must be an object with 'caption', 'columns' and 'rows'")
    unknown = sorted(set(table) - TABLE_KEYS)
    if unknown:
        raise RecordError(f"{where}: unknown key(s): {', '.join(unknown)}")
    caption = table.get("caption")
    if not isinstance(caption, str) or not caption.strip():
        raise RecordError(f"{where}.caption is required (a screen reader reads it first)")
    columns = table.get("columns")
    if not isinstance(columns, list) or not columns or len(columns) > MAX_COLUMNS:
        raise RecordError(f"{where}.columns must be a list of 1 to {MAX_COLUMNS} columns")
    kinds = []
    for i, column in enumerate(columns, start=1):
        at = f"{where}.columns[{i}]"
        if not isinstance(column, dict) or not set(column) <= {"heading", "type"}:
            raise RecordError(f"{at} must be an object with 'heading' and 'type'")
        if not isinstance(column.get("heading"), str) or not column["heading"].strip():
            raise RecordError(f"{at}.heading is required")
        if column.get("type", "text") not in COLUMN_TYPES:
            raise RecordError(f"{at}.type must be 'text' or 'number', got {_show(column.get('type'))}")
        kinds.append(column.get("type", "text"))
    rows = table.get("rows")
    if not isinstance(rows, list) or len(rows) > MAX_ROWS:
        raise RecordError(f"{where}.rows must be a list of at most {MAX_ROWS} rows (each a list of cells)")
    stored_rows = []
    for r, row in enumerate(rows, start=1):
        at = f"{where}.rows[{r}]"
        if not isinstance(row, list):
            raise RecordError(f"{at} must be a list of cells")
        if len(row) != len(kinds):
            raise RecordError(f"{at} has {len(row)} cells for {len(kinds)} columns")
        values = [
            _number(cell, f"{at}[{c}]") if kind == "number" else _text(cell, f"{at}[{c}]")
            for c, (cell, kind) in enumerate(zip(row, kinds, strict=True), start=1)
        ]
        stored_rows.append({"values": values})
    for key in ("unit", "source"):
        if table.get(key) is not None and not isinstance(table[key], str):
            raise RecordError(f"{where}.{key} must be a string")
    data = {
        "table": {
            "caption": caption.strip(),
            "columns": [
                {"type": kind, "heading": c["heading"].strip()} for c, kind in zip(columns, kinds, strict=True)
            ],
            "rows": stored_rows,
        },
        "unit": (table.get("unit") or "").strip(),
        "source": (table.get("source") or "").strip(),
    }
    block = StatisticsTableBlock()
    try:
        block.clean(block.to_python(data))
    except ValidationError as exc:
        raise RecordError(f"{where}: {' '.join(exc.messages)}") from exc
    return data


def _stored_tables(page: StatisticsPage) -> list[dict]:
    """The page's tables in the form ``table_data`` gives (no block ids), to compare."""
    stream = page.body.stream_block.get_prep_value(page.body)
    out = []
    for item in stream:
        value = item["value"]
        table = value["table"]
        kinds = [column["type"] for column in table["columns"]]
        rows = [
            {
                "values": [
                    (None if v in (None, "") else decimal_text(v)) if kind == "number" else v
                    for v, kind in zip(row["values"], kinds, strict=False)
                ]
            }
            for row in table["rows"]
        ]
        out.append(
            {
                "table": {
                    "caption": table["caption"],
                    "columns": [{"type": c["type"], "heading": c["heading"]} for c in table["columns"]],
                    "rows": rows,
                },
                "unit": value.get("unit") or "",
                "source": value.get("source") or "",
            }
        )
    return out


def import_statistics(record: dict) -> str:
    STATISTICS.check(record)
    slug = record_slug(record)
    kind = record_choice(record, "period_kind", PeriodKind)
    if not 1975 <= record["year"] <= 2100:
        raise RecordError(f"'year' must be between 1975 and 2100, got {record['year']}")
    tables = [table_data(table, i) for i, table in enumerate(record["tables"], start=1)]
    index = statistics_index()
    unit = get_or_create_named(Agency, record["publishing_unit"])
    existing = StatisticsPage.objects.child_of(index).filter(slug=slug).first()
    page = existing or StatisticsPage(slug=slug)
    values = {
        "title": record["title"].strip(),
        "period_kind": kind,
        "year": record["year"],
        "quarter": record.get("quarter"),
        "month": record.get("month"),
        "publishing_unit_id": unit.pk,
        "published_on": record["published_on"],
        "intro": text_to_html(record.get("intro")),
        "note": (record.get("note") or "").strip(),
    }
    changed = assign(page, values) or existing is None
    if existing is None or _stored_tables(page) != tables:
        page.body = [("table", data) for data in tables]
        changed = True
    validate_page(page)
    return save_page(page, None if existing else index, changed)
