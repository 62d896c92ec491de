"""Reading the public schedule (plain functions; the page, the feeds and the API call them).

Only published entries are public. A week is read in two queries whatever it holds (the entries
with their preparing unit, then their leaders), and the weeks around an empty one in one more.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Max, Min, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import ScheduleEntry
from .weeks import MAX_YEAR, MIN_YEAR, Week

WEEKDAYS = [
    gettext_lazy("Thứ Hai"),
    gettext_lazy("Thứ Ba"),
    gettext_lazy("Thứ Tư"),
    gettext_lazy("Thứ Năm"),
    gettext_lazy("Thứ Sáu"),
    gettext_lazy("Thứ Bảy"),
    gettext_lazy("Chủ nhật"),
]


def day_label(day: date) -> str:
    """ "Thứ Hai, 02/06/2025"."""
    return _("%(weekday)s, %(date)s") % {"weekday": WEEKDAYS[day.weekday()], "date": f"{day:%d/%m/%Y}"}


def public_entries(leader_id: int | None = None) -> QuerySet:
    entries = ScheduleEntry.objects.published()
    if leader_id is not None:
        entries = entries.filter(leaders=leader_id)
    return entries


def entries_between(start: date, end: date, leader_id: int | None = None) -> QuerySet:
    """The published entries dated ``start`` … ``end`` (both included), of one leader if given, by
    date, time and id, with their preparing unit and leaders."""
    return public_entries(leader_id).filter(date__gte=start, date__lte=end).for_listing().in_order()


@dataclass
class Day:
    date: date
    entries: list = field(default_factory=list)

    @property
    def label(self) -> str:
        return day_label(self.date)

    @property
    def is_weekend(self) -> bool:
        return self.date.weekday() >= 5


def group_by_day(entries, week: Week) -> list[Day]:
    """The days of ``week`` with their entries (in the order given): Monday to Friday always, Saturday
    and Sunday only when they hold something."""
    days = {day: Day(day) for day in week.days}
    for entry in entries:
        if entry.date in days:
            days[entry.date].entries.append(entry)
    return [day for day in days.values() if day.entries or not day.is_weekend]


def nearest_weeks(week: Week, leader_id: int | None = None) -> tuple[Week | None, Week | None]:
    """The latest week before ``week`` and the first week after it that hold published entries
    (of the leader, if given), None where there is none: one query."""
    found = public_entries(leader_id).aggregate(
        before=Max("date", filter=Q(date__lt=week.monday)), after=Min("date", filter=Q(date__gt=week.sunday))
    )
    return tuple(
        Week.of(day) if day is not None and MIN_YEAR <= Week.of(day).year <= MAX_YEAR else None
        for day in (found["before"], found["after"])
    )


def default_week(today: date, chosen_day: date | None = None) -> Week:
    """The week shown when the reader names none: the editor's default week if set, else ``today``'s."""
    return Week.of(chosen_day or today)
