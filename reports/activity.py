"""The activity report the editorial board sends to the provincial department (domain.md §8).

``activity_report(start, end, today)`` gathers what the portal published in a date range from
every section the content apps registered (``portal.reporting.register_report_section``: news by
category and by author in ``news/reporting.py``, directives, legal documents and tasks in
``directives/reporting.py``, …), in their order. Each section counts by the content's own date
(so imported archives report in their real periods), live pages only, in a fixed number of
queries whatever the range. ``report_workbook`` turns the report into an XLSX file (openpyxl): a
summary sheet and one sheet per table. This module knows no content type.
"""

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from io import BytesIO

from django.utils.translation import gettext as _

from portal.reporting import Cell, ReportSection, report_sections
from portal.spreadsheets import xlsx_text


@dataclass
class ActivityReport:
    start: date
    end: date
    sections: list[ReportSection] = field(default_factory=list)

    def summary(self) -> list[tuple[str, int | str]]:
        """Every section's summary rows, in the sections' order."""
        return [row for section in self.sections for row in section.summary]

    def section(self, key: str) -> ReportSection:
        """The section registered as ``key`` (KeyError if none is)."""
        for section in self.sections:
            if section.key == key:
                return section
        raise KeyError(key)


def activity_report(start: date, end: date, today: date) -> ActivityReport:
    """Every registered section for [start, end] (both included), statuses as on ``today``."""
    sections = []
    for registered in report_sections():
        section = registered.build(start, end, today)
        section.key = registered.key
        sections.append(section)
    return ActivityReport(start=start, end=end, sections=sections)


# --- XLSX -----------------------------------------------------------------------------------------

#: Characters XML 1.0 cannot hold (openpyxl refuses them): dropped from text cells.
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: Characters Excel refuses in a sheet's name.
_SHEET_FORBIDDEN = re.compile(r"[\\/*?:\[\]]")
SHEET_NAME_MAX = 31


def _write_row(sheet, values: list[Cell], bold: bool = False, percent_columns: tuple[int, ...] = ()) -> None:
    """Append ``values`` as a row of ``sheet``; text is always text, never a formula."""
    from openpyxl.styles import Font

    values = [
        value if value is None or isinstance(value, int | float | Decimal) else _ILLEGAL.sub("", str(value))
        for value in values  # lazy translations, any object: their text
    ]
    sheet.append(values)
    for index, value in enumerate(values):
        cell = sheet.cell(row=sheet.max_row, column=index + 1)
        xlsx_text(cell, value)  # text stays text (formula injection: portal.spreadsheets)
        if bold:
            cell.font = Font(bold=True)
        if index in percent_columns:
            cell.number_format = "0%"


def _sheet_name(wanted: str, taken: set[str]) -> str:
    """``wanted`` as a valid, unused sheet name: forbidden characters replaced, at most 31
    characters, numbered " (2)", " (3)"… when a sheet (case ignored) already has it."""
    name = _SHEET_FORBIDDEN.sub("-", _ILLEGAL.sub("", wanted)).strip().strip("'").strip() or _("Bảng")
    candidate, n = name[:SHEET_NAME_MAX].rstrip(), 1
    while candidate.casefold() in taken:
        n += 1
        suffix = f" ({n})"
        candidate = name[: SHEET_NAME_MAX - len(suffix)].rstrip() + suffix
    taken.add(candidate.casefold())
    return candidate


def report_workbook(report: ActivityReport) -> bytes:
    """The report as an XLSX workbook: a summary sheet (every section's summary rows under the
    section's title) and one sheet per table, in the sections' order."""
    from openpyxl import Workbook

    heading = [
        _("Báo cáo hoạt động Cổng thông tin điện tử"),
        _("Từ %(start)s đến %(end)s")
        % {"start": report.start.strftime("%d/%m/%Y"), "end": report.end.strftime("%d/%m/%Y")},
    ]
    workbook = Workbook()
    taken: set[str] = set()
    summary = workbook.active
    summary.title = _sheet_name(_("Tổng hợp"), taken)
    _write_row(summary, heading)
    _write_row(summary, [_("Nội dung"), _("Số lượng")], bold=True)
    for section in report.sections:
        _write_row(summary, [section.title], bold=True)
        for label, value in section.summary:
            _write_row(summary, [label, value])
    summary.column_dimensions["A"].width = 45
    summary.column_dimensions["B"].width = 22

    for section in report.sections:
        for table in section.tables:
            sheet = workbook.create_sheet(_sheet_name(table.sheet or table.title, taken))
            _write_row(sheet, heading)
            _write_row(sheet, table.columns, bold=True)
            for row in table.rows:
                _write_row(sheet, row, percent_columns=table.percent_columns)
            sheet.column_dimensions["A"].width = 45
            for column in sheet.iter_cols(min_col=2, max_col=max(2, len(table.columns)), max_row=1):
                sheet.column_dimensions[column[0].column_letter].width = 22
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
