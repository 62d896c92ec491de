"""``/api/v3/schedule/``: the published entries of the leaders' work schedule in a period.

The period is ``date_from`` … ``date_to`` (both included, at most ``MAX_DAYS`` days); without them,
the current week (Monday to Sunday); with one of them, the seven days starting (or ending) there.
Entries come by date, start time and id, with their leaders and preparing unit, in three queries
(count, entries with their unit, leaders) whatever their number.
"""

from datetime import date, datetime, time, timedelta
from typing import Literal

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from pydantic import ValidationInfo, field_validator
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from portal.api.errors import bad_request_doc
from portal.api.listings import MAX_ID, IsoDate

from .entries import entries_between
from .models import ScheduleEntry, Status
from .weeks import Week

#: The longest period one request may ask for (a quarter).
MAX_DAYS = 92

StatusCode = Literal[tuple(Status.values)]  # type: ignore[valid-type]


def local_today():
    """Today in the portal's time zone: read here, at the edge, and passed to the logic."""
    return timezone.localdate()


class ScheduleQuery(Schema):
    date_from: IsoDate | None = Field(
        None, description="First day (YYYY-MM-DD). Default: the Monday of the current week, or `date_to` − 6 days."
    )
    date_to: IsoDate | None = Field(
        None,
        description=f"Last day (YYYY-MM-DD), at most {MAX_DAYS} days from `date_from` counting both. "
        "Default: `date_from` + 6 days, or the Sunday of the current week.",
    )
    leader: int | None = Field(
        None, ge=1, le=MAX_ID, description="A leader's id (`leaders[].id`): that leader's entries."
    )
    status: list[StatusCode] = Field(
        [], description="`scheduled`, `changed` or `cancelled`; repeat the parameter for several. Default: all."
    )

    @field_validator("date_to")
    @classmethod
    def period_is_short(cls, value: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("date_from")
        if value is not None and start is not None:
            if start > value:
                raise ValueError("must not be before 'date_from'")
            if (value - start).days + 1 > MAX_DAYS:
                raise ValueError(f"the period from 'date_from' to 'date_to' must be at most {MAX_DAYS} days")
        return value

    def period(self, today: date) -> tuple[date, date]:
        """The days asked for, on ``today``."""
        if self.date_from is None and self.date_to is None:
            week = Week.of(today)
            return week.monday, week.sunday
        if self.date_to is None:
            return self.date_from, _shift(self.date_from, 6)
        if self.date_from is None:
            return _shift(self.date_to, -6), self.date_to
        return self.date_from, self.date_to


def _shift(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


class ScheduleLeader(Schema):
    id: int
    name: str
    position: str


class ScheduleUnit(Schema):
    id: int
    name: str


class ScheduleEntryItem(Schema):
    id: int
    uid: str = Field(description="The entry's iCalendar UID: stable when the entry moves.")
    date: date
    start: time
    end: time | None
    leaders: list[ScheduleLeader]
    content: str
    place: str
    participants: str = Field(description="Thành phần: who takes part.")
    preparing_unit: ScheduleUnit | None = Field(description="Đơn vị chuẩn bị.")
    status: StatusCode
    status_label: str
    change_note: str = Field(description="What changed (shown after “Điều chỉnh:”), empty if nothing did.")
    changed_at: datetime | None = Field(description="When the entry was last changed or cancelled.")
    sequence: int = Field(
        description="Raised by each change of date, time, place, content or status (iCalendar SEQUENCE)."
    )
    last_modified: datetime

    @staticmethod
    def resolve_uid(obj: ScheduleEntry) -> str:
        return str(obj.uid)

    @staticmethod
    def resolve_leaders(obj: ScheduleEntry) -> list[dict]:
        return [{"id": o.pk, "name": o.name, "position": o.position} for o in obj.leaders.all()]

    @staticmethod
    def resolve_preparing_unit(obj: ScheduleEntry) -> dict | None:
        unit = obj.preparing_unit
        return {"id": unit.pk, "name": unit.name} if unit is not None else None

    @staticmethod
    def resolve_last_modified(obj: ScheduleEntry) -> datetime:
        return obj.updated_at


schedule_router = Router(tags=["schedule"])


@schedule_router.get(
    "/",
    response={200: list[ScheduleEntryItem]},
    summary="List the leaders' work schedule in a period",
    operation_id="schedule_list",
    auth=[BearerTokenAuth(), AllowAnonymous()],
    openapi_extra=bad_request_doc(),
)
@paginate(WagtailLimitOffsetPagination)
def list_schedule(request: HttpRequest, query: ScheduleQuery = Query(...)):  # noqa: B008
    """Published entries of the leaders' work schedule (lịch công tác) dated in the period — by
    default the current week — by date and start time: leaders (name, position), content, place,
    participants, preparing unit, status (`scheduled`, `changed`, `cancelled`) and the change note.
    Filters: `leader`, `status`. A period longer than 92 days is a 400."""
    start, end = query.period(local_today())
    entries = entries_between(start, end, query.leader)
    if query.status:
        entries = entries.filter(status__in=query.status)
    return entries
