"""The sections of the activity report (domain.md §8): each content app registers its own.

A section is what one app published in a period: rows of the summary ("Tin bài", 120) and tables
(a breakdown by category, by author, per unit…). The app owns the queries; the report
(``reports.activity``) calls every registered section and draws them, in ``order``, generically:
the HTML page as bars, stacked bars or a plain table (``ReportTable.chart``), the XLSX file as a
summary sheet and one sheet per table. Register from ``AppConfig.ready()``::

    register_report_section("news", news.reporting.news_section, order=10)
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Cell = str | int | float | None
Chart = Literal["bars", "stacked"] | None


@dataclass
class ReportTable:
    """One breakdown: a sheet of the XLSX file, a chart or a table on the page.

    - ``columns``: the headings; the first column is the label of each row.
    - ``rows``: the cells (str, int, float or None), one list per row, as many as ``columns``.
    - ``chart``: how the page draws it. ``None``: a plain table. ``"bars"``: one bar per row, the
      count in the second column. ``"stacked"``: one stacked bar per row, its segments the
      counts in the columns after the label, one per ``legend`` entry (same order); the
      columns after those are shown as they are.
    - ``legend``: for ``"stacked"``, ``(label, colour)`` of each segment (a CSS colour).
    - ``percent_columns``: indexes of columns holding fractions (0.75), shown as percentages
      (75%); None shows as a dash.
    - ``sheet``: the XLSX sheet's name when ``title`` is not right for it (Excel allows 31
      characters); the report shortens and numbers names so that they stay unique.
    - ``empty``: what the page says when there is nothing to draw (a generic message if blank).
    """

    title: str
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    chart: Chart = None
    legend: list[tuple[str, str]] = field(default_factory=list)
    percent_columns: tuple[int, ...] = ()
    sheet: str = ""
    empty: str = ""


@dataclass
class ReportSection:
    """The figures of one app for a period: summary rows (label, number or preformatted text)
    and tables. ``key`` is filled in by the report with the key the section was registered under."""

    title: str
    summary: list[tuple[str, int | str]] = field(default_factory=list)
    tables: list[ReportTable] = field(default_factory=list)
    key: str = ""

    def table(self, title: str) -> ReportTable:
        """The table titled ``title`` (KeyError if there is none)."""
        for table in self.tables:
            if table.title == title:
                return table
        raise KeyError(title)


#: ``build(start, end, today)``: the section for the period [start, end], both included, with any
#: status computed on ``today``; a fixed number of queries whatever the data.
SectionBuilder = Callable[[date, date, date], ReportSection]


@dataclass(frozen=True)
class RegisteredSection:
    key: str
    build: SectionBuilder
    order: int


_sections: dict[str, RegisteredSection] = {}


def register_report_section(key: str, build: SectionBuilder, order: int = 100) -> None:
    """Add ``build``'s section to the activity report under ``key``, lowest ``order`` first.
    Called from the owning app's ``AppConfig.ready()``; registering the same builder twice is a
    no-op, another builder under a taken key is an error."""
    taken = _sections.get(key)
    if taken is not None and taken.build is not build:
        raise ValueError(f"a report section is already registered as {key!r}")
    _sections[key] = RegisteredSection(key, build, order)


def report_sections() -> list[RegisteredSection]:
    """The registered sections by ``order`` (then key)."""
    return sorted(_sections.values(), key=lambda s: (s.order, s.key))


def ranked_rows(counts: Mapping[str, int]) -> list[list[Cell]]:
    """``[[label, count], …]`` largest first (ties by label), zeros left out: a "bars" table's rows."""
    return [[label, n] for label, n in sorted(counts.items(), key=lambda r: (-r[1], r[0])) if n]
