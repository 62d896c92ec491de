"""The data tables of a statistics page as plain data: for the page (accessible HTML), the API
(JSON) and the CSV download of each table.

A table is numbered from 1 in the order of the page (``bang-1.csv`` is the first). The CSV file is
UTF-8 with a byte-order mark (Excel then reads Vietnamese correctly), comma separated, CRLF line
ends: the header row, then one line per row; numbers written plainly (``12500.5``: no thousands
separator, a dot before decimals), empty cells empty. A text cell that a spreadsheet would read as
a formula — one starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return — is written
with a leading apostrophe (OWASP, "CSV injection"); a number is never a formula.
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from portal.spreadsheets import inert_text

BOM = "\ufeff"

Cell = str | Decimal | None


@dataclass(frozen=True)
class Column:
    heading: str
    type: str  # "text" or "number"


@dataclass
class DataTable:
    number: int  # 1, 2, … in the order of the page
    caption: str
    unit: str = ""
    source: str = ""
    columns: list[Column] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)

    @property
    def filename(self) -> str:
        return f"bang-{self.number}.csv"

    def cells(self) -> list[list[tuple[Column, Cell]]]:
        """Each row as (column, value) pairs, for the page."""
        return [list(zip(self.columns, row, strict=False)) for row in self.rows]

    def text(self) -> str:
        """What a reader searches a table by: its caption, headings, text cells, unit and source."""
        words = [self.caption, *(c.heading for c in self.columns)]
        words += [cell for row in self.rows for cell in row if isinstance(cell, str)]
        return " ".join(w for w in [*words, self.unit, self.source] if w)


def _cell(value) -> Cell:
    if value is None or isinstance(value, Decimal):
        return value
    if isinstance(value, int | float):
        return Decimal(str(value))
    text = str(value).strip()
    return text or None


def data_tables(stream) -> list[DataTable]:
    """The tables of a statistics page's stream (``StatisticsPage.tables``), numbered from 1."""
    out = []
    for block in stream or ():
        if block.block_type != "table":
            continue
        table = block.value.get("table")
        if table is None:
            continue
        columns = [Column(str(c["heading"] or ""), c["block"].name) for c in table.columns]
        rows = [[_cell(v) for v in row["values"]] for row in table.row_data]
        out.append(
            DataTable(
                number=len(out) + 1,
                caption=(table.caption or "").strip(),
                unit=(block.value.get("unit") or "").strip(),
                source=(block.value.get("source") or "").strip(),
                columns=columns,
                rows=rows,
            )
        )
    return out


def plain_number(value: Decimal) -> str:
    """``Decimal("12500.50")`` → ``"12500.50"``; never an exponent."""
    return format(value, "f")


def csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return plain_number(value)
    return inert_text(value)


def csv_text(table: DataTable) -> str:
    """The table as CSV text (without the byte-order mark)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([inert_text(c.heading) for c in table.columns])
    for row in table.rows:
        writer.writerow([csv_cell(v) for v in row])
    return out.getvalue()


def csv_bytes(table: DataTable) -> bytes:
    """The CSV file: UTF-8 with a byte-order mark."""
    return (BOM + csv_text(table)).encode("utf-8")


def json_cell(value: Cell) -> int | float | str | None:
    """A cell in the API: a number as a JSON number (an integer when whole), text as a string."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value
