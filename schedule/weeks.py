"""ISO 8601 weeks (Monday to Sunday), the unit the work schedule is read in.

A week is named ``2025-W14`` (ISO year, ``W``, two-digit week number): the ISO year is not always
the calendar year of its days — 2024-W01 starts on Monday 01/01/2024, but 2025-W01 starts on
Monday 30/12/2024 and 2020-W53 ends on Sunday 03/01/2021. Plain functions of dates; "today" is
always given, never read here.
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.translation import gettext as _

#: The years a week may be in: a work schedule outside them is a typing mistake, and the bounds keep
#: the previous and next week of any accepted week inside Python's dates.
MIN_YEAR, MAX_YEAR = 1900, 2999

_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$", re.IGNORECASE | re.ASCII)


class BadWeek(ValueError):
    """A week that cannot be read; the message says why, in Vietnamese, for the reader."""


@dataclass(frozen=True, order=True)
class Week:
    year: int  # the ISO year
    number: int  # 1 … 52 or 53

    @classmethod
    def of(cls, day: date) -> "Week":
        """The week ``day`` is in."""
        year, number, _weekday = day.isocalendar()
        return cls(year, number)

    @classmethod
    def parse(cls, text: str) -> "Week":
        """``2025-W14`` (also ``2025W14``, ``2025-w14``, ``2025-W4``) → the week; ``BadWeek`` otherwise."""
        match = _WEEK.match((text or "").strip())
        if not match:
            raise BadWeek(
                _("Tuần “%(value)s” không đúng dạng năm-Wsố tuần, ví dụ 2025-W14.") % {"value": (text or "")[:20]}
            )
        year, number = int(match.group(1)), int(match.group(2))
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise BadWeek(_("Năm %(year)d nằm ngoài phạm vi của lịch công tác.") % {"year": year})
        try:
            date.fromisocalendar(year, number, 1)
        except ValueError:
            raise BadWeek(
                _("Năm %(year)d không có tuần %(number)d (một năm có 52 hoặc 53 tuần).")
                % {"year": year, "number": number}
            ) from None
        return cls(year, number)

    @property
    def monday(self) -> date:
        return date.fromisocalendar(self.year, self.number, 1)

    @property
    def sunday(self) -> date:
        return date.fromisocalendar(self.year, self.number, 7)

    @property
    def days(self) -> list[date]:
        """Monday … Sunday."""
        monday = self.monday
        return [monday + timedelta(days=i) for i in range(7)]

    @property
    def previous(self) -> "Week":
        return Week.of(self.monday - timedelta(days=7))

    @property
    def next(self) -> "Week":
        return Week.of(self.monday + timedelta(days=7))

    def shifted(self, weeks: int) -> "Week":
        return Week.of(self.monday + timedelta(weeks=weeks))

    def __contains__(self, day: date) -> bool:
        return self.monday <= day <= self.sunday

    def __str__(self) -> str:
        return f"{self.year}-W{self.number:02d}"

    @property
    def label(self) -> str:
        """ "Tuần 14 năm 2025 (từ 31/03/2025 đến 06/04/2025)": the heading of a week, always its dates."""
        return _("Tuần %(number)d năm %(year)d (từ %(monday)s đến %(sunday)s)") % {
            "number": self.number,
            "year": self.year,
            "monday": f"{self.monday:%d/%m/%Y}",
            "sunday": f"{self.sunday:%d/%m/%Y}",
        }

    @property
    def short_label(self) -> str:
        """ "tuần 14/2025 (31/03 – 06/04/2025)"."""
        return _("tuần %(number)d/%(year)d (%(monday)s – %(sunday)s)") % {
            "number": self.number,
            "year": self.year,
            "monday": f"{self.monday:%d/%m}",
            "sunday": f"{self.sunday:%d/%m/%Y}",
        }


def week_window(today: date, before: int, after: int) -> tuple[date, date]:
    """The days from the Monday ``before`` weeks before ``today``'s week to the Sunday ``after``
    weeks after it: the span the iCalendar feeds cover."""
    this = Week.of(today)
    return this.shifted(-before).monday, this.shifted(after).sunday
