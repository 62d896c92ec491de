"""API of task tracking: ``/api/v3/tasks/`` (filtered listing) and ``/api/v3/tasks/stats/``.

Thin views over ``directives.tracking``; anonymous readers see live, public tasks only.
"""

from datetime import date
from typing import Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from pydantic import model_validator
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from .models import TaskPage
from .status import TaskStatus
from .tracking import TaskFilter, task_stats

router = Router(tags=["tasks"])

StatusCode = Literal[tuple(s.value for s in TaskStatus)]  # type: ignore[valid-type]


class TaskQuery(Schema):
    unit: int | None = Field(None, ge=1, description="Lead unit (đơn vị chủ trì) id, see `lead_unit.id`.")
    status: list[StatusCode] = Field([], description="One or more status codes (repeat the parameter).")
    from_: date | None = Field(None, alias="from", description="Assigned on or after (YYYY-MM-DD).")
    to: date | None = Field(None, description="Assigned on or before (YYYY-MM-DD).")

    @model_validator(mode="after")
    def period_in_order(self):
        if self.from_ and self.to and self.from_ > self.to:
            raise ValueError("'from' must not be after 'to'")
        return self

    def as_filter(self) -> TaskFilter:
        return TaskFilter(unit=self.unit, statuses=tuple(self.status), date_from=self.from_, date_to=self.to)


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
    due_soon_days: int
    units: list[UnitStatsOut]
    overall: UnitStatsOut


def public_tasks():
    return TaskPage.objects.live().public()


@router.get(
    "/",
    response=list[TaskItem],
    summary="List tasks with their derived status",
    operation_id="tasks_list",
    auth=[BearerTokenAuth(), AllowAnonymous()],
)
@paginate(WagtailLimitOffsetPagination)
def list_tasks(request: HttpRequest, query: TaskQuery = Query(...)):  # noqa: B008
    """Tasks filtered by lead unit, status and assigned-date period; overdue first is not implied:
    ordered by deadline (no deadline last), then code."""
    from django.db.models import F

    today = timezone.localdate()
    return (
        query.as_filter()
        .apply(public_tasks(), today)
        .select_related("lead_unit")
        .order_by(F("deadline").asc(nulls_last=True), "code")
    )


@router.get(
    "/stats/",
    response=StatsOut,
    summary="Task statistics per lead unit",
    operation_id="tasks_stats",
    auth=[BearerTokenAuth(), AllowAnonymous()],
)
def stats(request: HttpRequest, query: TaskQuery = Query(...)):  # noqa: B008
    """Counts per status, total, done and on-time rate (done on time ÷ done) for each lead unit and
    overall, for tasks assigned in the period. ``status`` is ignored here."""
    from .status import due_soon_days

    today = timezone.localdate()
    result = task_stats(public_tasks(), today, query.as_filter())
    return {"today": today, "due_soon_days": due_soon_days(), **result.as_dict()}
