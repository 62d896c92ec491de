"""API of projects and statistics: ``GET /api/v3/projects/`` and ``GET /api/v3/statistics/``, the
typed listings of live, public pages. The details (a project's bidding information, files and legal
documents; a statistics page's tables as JSON) are Wagtail's ``/api/v3/pages/{id}/``."""

from datetime import date
from typing import Literal

from django.db.models import QuerySet
from ninja import Field, Router

from portal.api.listings import MAX_ID, ListingQuery, add_listing

from .filters import by_investor, by_kind, by_status, covering_year
from .models import PeriodKind, ProjectKind, ProjectPage, ProjectStatus, StatisticsPage

KindCode = Literal[tuple(ProjectKind.values)]  # type: ignore[valid-type]
StatusCode = Literal[tuple(ProjectStatus.values)]  # type: ignore[valid-type]
PeriodCode = Literal[tuple(PeriodKind.values)]  # type: ignore[valid-type]


def _codes(choices) -> str:
    return ", ".join(f"`{code}` ({label})" for code, label in choices)


class ProjectQuery(ListingQuery):
    kind: list[KindCode] = Field([], description=f"Kind; repeat for several: {_codes(ProjectKind.choices)}.")
    status: list[StatusCode] = Field([], description=f"Status; repeat for several: {_codes(ProjectStatus.choices)}.")
    investor: int | None = Field(None, ge=1, le=MAX_ID, description="Investor (chủ đầu tư), an agency: its id.")
    field: int | None = Field(None, ge=1, le=MAX_ID, description="Field (lĩnh vực): its id.")
    year: int | None = Field(
        None,
        ge=1900,
        le=2100,
        description="Projects whose period covers this year (start_year–end_year; an open end runs on; "
        "without years, the year of decided_on).",
    )

    def filter(self, queryset: QuerySet, today: date) -> QuerySet:
        queryset = super().filter(queryset, today)
        if self.kind:
            queryset = by_kind(queryset, self.kind)
        if self.status:
            queryset = by_status(queryset, self.status)
        if self.investor is not None:
            queryset = by_investor(queryset, self.investor)
        if self.field is not None:
            queryset = queryset.filter(field_id=self.field)
        if self.year is not None:
            queryset = covering_year(queryset, self.year)
        return queryset


projects_router = Router(tags=["projects"])
add_listing(
    projects_router,
    ProjectPage,
    ProjectQuery,
    operation_id="projects_list",
    summary="List investment projects, bid packages and bidding results",
    doc="Investment projects and procurement (dự án đầu tư, đấu thầu, mua sắm công), newest approval first: "
    "code, kind, status, investor, field, location, approval date, total investment and contract value (whole "
    "đồng), capital source, period, summary. Filters: kind, status, investor, field, year, period on the "
    "approval date. The bidding information, files and legal documents are at `meta.detail_url`.",
)


class StatisticsQuery(ListingQuery):
    year: int | None = Field(None, ge=1900, le=2100, description="The year of the figures.")
    period: PeriodCode | None = Field(None, description=f"Period of the figures: {_codes(PeriodKind.choices)}.")
    unit: int | None = Field(None, ge=1, le=MAX_ID, description="Publishing unit (agency): its id.")

    def filter(self, queryset: QuerySet, today: date) -> QuerySet:
        queryset = super().filter(queryset, today)
        if self.year is not None:
            queryset = queryset.filter(year=self.year)
        if self.period:
            queryset = queryset.filter(period_kind=self.period)
        if self.unit is not None:
            queryset = queryset.filter(publishing_unit_id=self.unit)
        return queryset


statistics_router = Router(tags=["statistics"])
add_listing(
    statistics_router,
    StatisticsPage,
    StatisticsQuery,
    operation_id="statistics_list",
    summary="List statistics pages",
    doc="Statistics (thông tin thống kê), newest publication first: period (kind, year, quarter, month, label), "
    "publishing unit, publication date. Filters: year, period, unit, period on the publication date. The "
    "tables (caption, unit, source, columns, rows, CSV URL) are at `meta.detail_url`.",
)
