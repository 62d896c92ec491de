"""API of the directives app: typed listings of legal documents (``/api/v3/legal-documents/``) and
directives (``/api/v3/directives/``), task tracking (``/api/v3/tasks/``, ``/api/v3/tasks/stats/``).

Thin views over ``directives.tracking`` and the models; anonymous readers see live, public pages only.
The detail of each page is Wagtail's ``/api/v3/pages/{id}/``.
"""

from datetime import date
from typing import Literal

from django.db.models import F, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from pydantic import field_validator, model_validator
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from portal.api.errors import bad_request_doc
from portal.api.listings import MAX_ID, IsoDate, ListingQuery, Text, add_listing
from portal.filters import in_period

from .filters import by_document_type, by_field, by_issuing_body, by_validity
from .models import DirectiveKind, DirectivePage, LegalDocumentPage, TaskPage
from .numbers import folded_number_key
from .status import TaskStatus
from .tracking import TaskFilter, task_stats
from .validity import ValidityStatus

router = Router(tags=["tasks"])
legal_documents_router = Router(tags=["legal documents"])
directives_router = Router(tags=["directives"])

StatusCode = Literal[tuple(s.value for s in TaskStatus)]  # type: ignore[valid-type]
ValidityCode = Literal[tuple(ValidityStatus.values)]  # type: ignore[valid-type]
KindCode = Literal[tuple(DirectiveKind.values)]  # type: ignore[valid-type]


# --- legal documents and directives ------------------------------------------------------------


class NumberedQuery(ListingQuery):
    number: Text | None = Field(
        None,
        max_length=100,
        description="Số ký hiệu in any spelling: `43/2011/ND-CP`, `43/2011/nđcp` and `43/2011/NĐ-CP` are one number.",
    )
    field: int | None = Field(None, ge=1, le=MAX_ID, description="Field (lĩnh vực) id, see `fields[].id`.")

    @field_validator("number")
    @classmethod
    def number_has_a_key(cls, value: str | None) -> str | None:
        if value is not None and not folded_number_key(value):
            raise ValueError("not a document number")
        return value

    def filter(self, queryset: QuerySet, today: date) -> QuerySet:
        queryset = super().filter(queryset, today)
        if self.number is not None:
            queryset = queryset.filter(number_folded=folded_number_key(self.number))
        if self.field is not None:
            queryset = by_field(queryset, self.field)
        return queryset


class LegalDocumentQuery(NumberedQuery):
    document_type: int | None = Field(None, ge=1, le=MAX_ID, description="Document type id, see `document_type.id`.")
    issuing_body: int | None = Field(
        None, ge=1, le=MAX_ID, description="Issuing body id (lead or co-issuer), see `issuing_bodies[].id`."
    )
    status: list[ValidityCode] = Field(
        [], description="Validity status today (`current_status`); repeat the parameter for several."
    )

    def filter(self, queryset: QuerySet, today: date) -> QuerySet:
        queryset = super().filter(queryset, today)
        if self.document_type is not None:
            queryset = by_document_type(queryset, self.document_type)
        if self.issuing_body is not None:
            queryset = by_issuing_body(queryset, self.issuing_body)
        if self.status:
            queryset = by_validity(queryset, self.status, today)
        return queryset


class DirectiveQuery(NumberedQuery):
    kind: list[KindCode] = Field([], description="Kind (hình thức) code; repeat the parameter for several.")
    leader: int | None = Field(None, ge=1, le=MAX_ID, description="Directing leader id, see `directing_leader.id`.")

    def filter(self, queryset: QuerySet, today: date) -> QuerySet:
        queryset = super().filter(queryset, today)
        if self.kind:
            queryset = queryset.filter(kind__in=self.kind)
        if self.leader is not None:
            queryset = queryset.filter(directing_leader_id=self.leader)
        return queryset


add_listing(
    legal_documents_router,
    LegalDocumentPage,
    LegalDocumentQuery,
    operation_id="legal_documents_list",
    summary="List legal documents with what a list view needs",
    doc="Legal documents (văn bản), newest issue date first: number, type, issuing bodies, issue and "
    "effective dates, validity status today, fields, summary. Filters: number (any spelling), type, "
    "issuing body, field, validity status, issue-date period. Attachments are in the detail (`meta.detail_url`).",
)
add_listing(
    directives_router,
    DirectivePage,
    DirectiveQuery,
    operation_id="directives_list",
    summary="List directives with what a list view needs",
    doc="Directives (chỉ đạo, điều hành), newest first: number, kind, directing leader, issue date, "
    "summary, fields. Filters: number, kind, leader, field, issue-date period.",
)


# --- tasks --------------------------------------------------------------------------------------


class TaskQuery(Schema):
    unit: int | None = Field(None, ge=1, le=MAX_ID, description="Lead unit (đơn vị chủ trì) id, see `lead_unit.id`.")
    status: list[StatusCode] = Field([], description="One or more status codes (repeat the parameter).")
    from_: IsoDate | None = Field(None, alias="from", description="Assigned on or after (YYYY-MM-DD).")
    to: IsoDate | None = Field(None, description="Assigned on or before (YYYY-MM-DD).")
    as_of: IsoDate | None = Field(
        None,
        description="Statuses as they stood at the end of this past day (YYYY-MM-DD): only the tasks assigned "
        "by then, a task completed later counted as not done. Default: today. The public tracking page of "
        "an archive portal (an authority that has closed) shows its closing day by default; the API "
        "answers today unless asked.",
    )

    @model_validator(mode="after")
    def period_in_order(self):
        if self.from_ and self.to and self.from_ > self.to:
            raise ValueError("'from' must not be after 'to'")
        if self.as_of and self.as_of > timezone.localdate():
            raise ValueError("'as_of' must not be after today")
        return self

    def as_filter(self) -> TaskFilter:
        return TaskFilter(
            unit=self.unit, statuses=tuple(self.status), date_from=self.from_, date_to=self.to, as_of=self.as_of
        )


TASK_ORDERS = {
    "deadline": (F("deadline").asc(nulls_last=True), "code"),
    "-deadline": (F("deadline").desc(nulls_last=True), "code"),
    "assigned_on": ("assigned_on", "code"),
    "-assigned_on": ("-assigned_on", "code"),
}


class TaskListQuery(TaskQuery):
    deadline_from: IsoDate | None = Field(None, description="Deadline on or after (YYYY-MM-DD); no deadline excluded.")
    deadline_to: IsoDate | None = Field(None, description="Deadline on or before (YYYY-MM-DD); no deadline excluded.")
    order: Literal[tuple(TASK_ORDERS)] = Field(  # type: ignore[valid-type]
        "deadline",
        description="`deadline` (default: soonest first, no deadline last), `-deadline`, "
        "`assigned_on` or `-assigned_on`; ties by code.",
    )

    @model_validator(mode="after")
    def deadline_period_in_order(self):
        if self.deadline_from and self.deadline_to and self.deadline_from > self.deadline_to:
            raise ValueError("'deadline_from' must not be after 'deadline_to'")
        return self

    def apply(self, tasks: QuerySet, today: date) -> QuerySet:
        tasks = in_period(self.as_filter().apply(tasks, today), "deadline", self.deadline_from, self.deadline_to)
        return tasks.order_by(*TASK_ORDERS[self.order])


class UnitRef(Schema):
    id: int
    name: str


class TaskItem(Schema):
    id: int
    code: str
    title: str
    url: str | None
    status: StatusCode
    status_label: str
    manual_state: str
    lead_unit: UnitRef
    assigned_on: date
    deadline: date | None
    original_deadline: date | None
    completed_on: date | None
    source_directive_id: int | None

    @staticmethod
    def resolve_url(obj: TaskPage, context) -> str | None:
        return obj.get_url(context["request"])

    @staticmethod
    def resolve_lead_unit(obj: TaskPage) -> dict:
        return {"id": obj.lead_unit_id, "name": obj.lead_unit.name}


class StatusCounts(Schema):
    in_progress_on_time: int
    due_soon: int
    overdue: int
    no_deadline: int
    done_on_time: int
    done_late: int


class UnitStatsOut(Schema):
    unit_id: int | None
    unit_name: str
    counts: StatusCounts
    total: int
    done: int
    on_time_rate: float | None = Field(description="Done on time ÷ done (0–1); null when nothing is done.")


class StatsOut(Schema):
    today: date
    as_of: date = Field(description="The day the statuses are given on: `as_of` when asked, else today.")
    due_soon_days: int
    units: list[UnitStatsOut]
    overall: UnitStatsOut


def public_tasks():
    return TaskPage.objects.live().public()


@router.get(
    "/",
    response={200: list[TaskItem]},
    summary="List tasks with their derived status",
    operation_id="tasks_list",
    auth=[BearerTokenAuth(), AllowAnonymous()],
    openapi_extra=bad_request_doc(),
)
@paginate(WagtailLimitOffsetPagination)
def list_tasks(request: HttpRequest, query: TaskListQuery = Query(...)):  # noqa: B008
    """Tasks filtered by lead unit, status, assigned-date period and deadline period; ordered by
    deadline (no deadline last) unless `order` says otherwise, then code."""
    return query.apply(public_tasks(), timezone.localdate()).select_related("lead_unit")


@router.get(
    "/stats/",
    response={200: StatsOut},
    summary="Task statistics per lead unit",
    operation_id="tasks_stats",
    auth=[BearerTokenAuth(), AllowAnonymous()],
    openapi_extra=bad_request_doc(),
)
def stats(request: HttpRequest, query: TaskQuery = Query(...)):  # noqa: B008
    """Counts per status, total, done and on-time rate (done on time ÷ done) for each lead unit and
    overall, for tasks assigned in the period. ``status`` is ignored here."""
    from .status import due_soon_days

    today = timezone.localdate()
    task_filter = query.as_filter()
    result = task_stats(public_tasks(), today, task_filter)
    return {"today": today, "as_of": task_filter.day(today), "due_soon_days": due_soon_days(), **result.as_dict()}
