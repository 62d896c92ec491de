"""Builders for the work schedule's tests (schedule/)."""

import itertools
from datetime import date, time

from schedule.models import ScheduleEntry, ScheduleIndexPage

from . import factories as f

_seq = itertools.count(1)


def schedule_index(**fields) -> ScheduleIndexPage:
    page = f.section(ScheduleIndexPage, "Lịch công tác", "lich-cong-tac")
    if fields:
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()
    return page


def chairman():
    return f.official("Nguyễn Quang Huy", "Chủ tịch UBND huyện")


def vice_chairman():
    return f.official("Trần Thị Thanh Hà", "Phó Chủ tịch UBND huyện")


def _time(value) -> time:
    return value if isinstance(value, time) else time.fromisoformat(value)


def entry(day: date, start="08:00", end=None, *, leaders=(), published: bool = True, **fields) -> ScheduleEntry:
    """A schedule entry (published unless told), with its leaders."""
    fields.setdefault("content", f"Họp giao ban số {next(_seq)}")
    item = ScheduleEntry.objects.create(
        date=day, start=_time(start), end=_time(end) if end else None, published=published, **fields
    )
    if leaders:
        item.leaders.set(leaders)
    return item
