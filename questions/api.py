"""``/api/v3/questions/``: published questions and answers (nothing of a question is in the API
before its answer is published, and no contact data ever is)."""

from datetime import date
from typing import Literal

from django.db.models import QuerySet
from ninja import Field, Router

from portal.api.listings import MAX_ID, ListingQuery, add_listing

from .models import Kind, QuestionPage

KindCode = Literal[tuple(Kind.values)]


class QuestionQuery(ListingQuery):
    kind: KindCode | None = Field(
        None, description="`hoi-dap` (question), `phan-anh` (feedback), `kien-nghi` (petition)."
    )
    field: int | None = Field(None, ge=1, le=MAX_ID, description="Field (lĩnh vực): its id.")
    unit: int | None = Field(None, ge=1, le=MAX_ID, description="The answering unit (agency): its id.")

    def filter(self, queryset: QuerySet, today: date) -> QuerySet:
        queryset = super().filter(queryset, today)
        if self.kind:
            queryset = queryset.filter(kind=self.kind)
        if self.field:
            queryset = queryset.filter(field_id=self.field)
        if self.unit:
            queryset = queryset.filter(answering_unit_id=self.unit)
        return queryset


questions_router = Router(tags=["questions"])
add_listing(
    questions_router,
    QuestionPage,
    QuestionQuery,
    operation_id="questions_list",
    summary="List published questions and answers",
    doc="Citizens' questions, feedback and petitions with a published answer, newest answer first: kind, "
    "field, the asker as published (a name only with the asker's consent), dates, answering unit. "
    "Filters: kind, field, unit, answer-date period. The question and answer are at `meta.detail_url`.",
)
