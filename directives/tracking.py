"""Task tracking services: filtering by derived status and statistics per lead unit.

One place for the queries that the API, the public tracking page and the admin share.
Everything works on querysets with the status computed in SQL (``status_expression``), so
the number of queries does not depend on the number of tasks.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, QuerySet

from portal.filters import in_period

from .filters import by_lead_unit
from .status import DONE, TaskStatus, status_expression


@dataclass(frozen=True)
class TaskFilter:
    """What a reader asked for: lead unit, statuses, assigned-date period, and the day the statuses
    are given on (``as_of``, a past day; today when ``None``)."""

    unit: int | None = None
    statuses: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    as_of: date | None = None

    def day(self, today: date) -> date:
        """The day the statuses are computed on: ``as_of`` when it is before ``today``."""
        return self.as_of if self.as_of is not None and self.as_of < today else today

    def apply(self, tasks: QuerySet, today: date) -> QuerySet:
        day = self.day(today)
        if day < today:
            # "As of" a past day: the tasks that had been assigned by then, with their status then.
            tasks = tasks.filter(assigned_on__lte=day)
        tasks = with_status(tasks, day)
        if self.unit is not None:
            tasks = by_lead_unit(tasks, self.unit)
        if self.statuses:
            tasks = tasks.filter(current_status__in=self.statuses)
        return in_period(tasks, "assigned_on", self.date_from, self.date_to)


def with_status(tasks: QuerySet, today: date) -> QuerySet:
    """Annotate ``current_status`` (read by ``TaskPage.status``) unless already there."""
    if "current_status" in tasks.query.annotations:
        return tasks
    return tasks.annotate(current_status=status_expression(today))


@dataclass
class UnitStats:
    unit_id: int | None
    unit_name: str
    counts: dict[str, int] = field(default_factory=lambda: {s.value: 0 for s in TaskStatus})

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def done(self) -> int:
        return sum(self.counts[s] for s in DONE)

    @property
    def on_time_rate(self) -> float | None:
        """Done on time ÷ done, or None when nothing is done yet."""
        return round(self.counts[TaskStatus.DONE_ON_TIME] / self.done, 4) if self.done else None

    def as_dict(self) -> dict:
        return {
            "unit_id": self.unit_id,
            "unit_name": self.unit_name,
            "counts": dict(self.counts),
            "total": self.total,
            "done": self.done,
            "on_time_rate": self.on_time_rate,
        }


@dataclass
class TaskStats:
    units: list[UnitStats]
    overall: UnitStats

    def as_dict(self) -> dict:
        return {"units": [u.as_dict() for u in self.units], "overall": self.overall.as_dict()}


def task_stats(tasks: QuerySet, today: date, task_filter: TaskFilter | None = None) -> TaskStats:
    """Counts per status for each lead unit, totals and on-time rates — one query.

    ``task_filter`` narrows by unit and assigned-date period; its statuses are ignored (the
    statistics are about all statuses).
    """
    flt = task_filter or TaskFilter()
    flt = TaskFilter(unit=flt.unit, date_from=flt.date_from, date_to=flt.date_to, as_of=flt.as_of)
    rows = (
        flt.apply(tasks, today)
        .order_by()
        .values("lead_unit_id", "lead_unit__name", "current_status")
        .annotate(n=Count("pk"))
    )
    units: dict[int, UnitStats] = {}
    overall = UnitStats(unit_id=None, unit_name="")
    for row in rows:
        unit = units.setdefault(row["lead_unit_id"], UnitStats(row["lead_unit_id"], row["lead_unit__name"]))
        unit.counts[row["current_status"]] += row["n"]
        overall.counts[row["current_status"]] += row["n"]
    ordered = sorted(units.values(), key=lambda u: u.unit_name)
    return TaskStats(units=ordered, overall=overall)
