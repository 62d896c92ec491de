"""``/api/v3/procedures/``: the catalogue of administrative procedures, typed (what a list view
needs: code, field, level, agency, online-service level, processing days, service URL), filtered
by field, agency, level and online level. The detail is ``/api/v3/pages/{id}/``."""

from datetime import date
from typing import Literal

from django.db.models import QuerySet
from ninja import Field, Router

from portal.api.listings import MAX_ID, ListingQuery, add_listing

from .models import ProcedurePage
from .values import Level, OnlineLevel

LevelCode = Literal[tuple(Level.values)]
OnlineLevelCode = Literal[tuple(OnlineLevel.values)]


class ProcedureQuery(ListingQuery):
    field: int | None = Field(None, ge=1, le=MAX_ID, description="Field (lĩnh vực): its id.")
    agency: int | None = Field(None, ge=1, le=MAX_ID, description="Implementing agency (cơ quan thực hiện): its id.")
    level: LevelCode | None = Field(None, description="`tinh` (province), `huyen` (district), `xa` (commune).")
    online_level: OnlineLevelCode | None = Field(
        None,
        description="Online public service level under Decree 42/2022/NĐ-CP: `toan_trinh` (fully online), "
        "`mot_phan` (partly online), `none` (information only).",
    )

    def filter(self, queryset: QuerySet, today: date) -> QuerySet:
        queryset = super().filter(queryset, today)
        if self.field:
            queryset = queryset.filter(field_id=self.field)
        if self.agency:
            queryset = queryset.filter(agency_id=self.agency)
        if self.level:
            queryset = queryset.filter(level=self.level)
        if self.online_level:
            queryset = queryset.filter(online_level=self.online_level)
        return queryset


procedures_router = Router(tags=["procedures"])
add_listing(
    procedures_router,
    ProcedurePage,
    ProcedureQuery,
    operation_id="procedures_list",
    summary="List administrative procedures",
    doc="The catalogue of administrative procedures (thủ tục hành chính), most recently announced first: code, "
    "field, level, implementing agency, online public service level, processing time in working days and the "
    "link to the online service. Filters: field, agency, level, online_level, announcement-date period. The "
    "dossier, steps, fees and legal basis are at `meta.detail_url`.",
)
