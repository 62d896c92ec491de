"""API of drafts opened for comment: ``GET /api/v3/drafts/``, the typed listing of live, public
drafts with their status today, dates, drafting unit, files and number of approved comments.
The detail (with the approved comments: name, organisation, date, content) is Wagtail's
``/api/v3/pages/{id}/``. No output carries a commenter's email or phone."""

from datetime import date
from typing import Literal

from django.db.models import Q, QuerySet
from ninja import Field, Router

from portal.api.listings import MAX_ID, ListingQuery, add_listing

from .models import DraftPage
from .status import DraftStatus, status_q

StatusCode = Literal[tuple(DraftStatus.values)]  # type: ignore[valid-type]


class DraftQuery(ListingQuery):
    status: list[StatusCode] = Field(
        [],
        description="Status today: `upcoming` (chưa mở), `open` (đang lấy ý kiến), `closed` (đã kết thúc); "
        "repeat the parameter for several.",
    )
    unit: int | None = Field(None, ge=1, le=MAX_ID, description="Drafting unit (agency) id, see `drafting_unit.id`.")

    def filter(self, queryset: QuerySet, today: date) -> QuerySet:
        queryset = super().filter(queryset, today)
        if self.status:
            wanted = Q(pk__in=[])
            for code in self.status:
                wanted |= status_q(code, today)
            queryset = queryset.filter(wanted)
        if self.unit is not None:
            queryset = queryset.filter(drafting_unit_id=self.unit)
        return queryset


drafts_router = Router(tags=["drafts"])
add_listing(
    drafts_router,
    DraftPage,
    DraftQuery,
    operation_id="drafts_list",
    summary="List drafts opened for public comment",
    doc="Drafts opened for public comment (dự thảo lấy ý kiến), newest opening first: summary, drafting unit, "
    "comment period, status today, files, number of approved comments. Filters: status, unit, period on the "
    "opening date. The full draft, with its approved comments, is at `meta.detail_url`.",
)
