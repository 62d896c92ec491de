"""The iCalendar feeds (RFC 5545) a phone's or a desktop's calendar subscribes to.

One ``VEVENT`` per published entry dated from the Monday ``WEEKS_BEFORE`` weeks before today's week
to the Sunday ``WEEKS_AFTER`` weeks after it:

- ``UID``: the entry's own UUID, which never changes (a moved entry is the same event);
- ``DTSTAMP`` and ``LAST-MODIFIED``: when the entry was last saved (without ``METHOD``, RFC 5545
  §3.8.7.2 makes ``DTSTAMP`` the last revision, so the same data always gives the same bytes),
  ``CREATED``, and ``SEQUENCE``, raised by every change of what a calendar shows
  (``schedule.changes``);
- ``DTSTART``/``DTEND`` in Asia/Ho_Chi_Minh with its ``VTIMEZONE`` (no ``DTEND`` when no end time
  is known);
- ``STATUS:CANCELLED`` for cancelled entries (kept in the feed so that calendars remove or strike
  them), ``CONFIRMED`` otherwise; the change note in ``DESCRIPTION``.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vDuration, vText

from .models import Status
from .weeks import week_window

WEEKS_BEFORE = 8
WEEKS_AFTER = 8
ZONE = "Asia/Ho_Chi_Minh"
PRODUCT = "-//portal-cms//Lich cong tac//VI"
CONTENT_TYPE = "text/calendar; charset=utf-8"
#: How often calendars should fetch the feed again (RFC 7986 REFRESH-INTERVAL; X-PUBLISHED-TTL for Outlook).
REFRESH = timedelta(hours=1)


def window(today: date) -> tuple[date, date]:
    """The days a feed covers on ``today``."""
    return week_window(today, WEEKS_BEFORE, WEEKS_AFTER)


def leaders_text(entry) -> str:
    return "; ".join(f"{o.name} ({o.position})" if o.position else o.name for o in entry.leaders.all())


def event(entry, url: str = "") -> Event:
    zone = ZoneInfo(ZONE)
    item = Event()
    item.add("uid", str(entry.uid))
    item.add("dtstamp", entry.updated_at)
    item.add("created", entry.created_at)
    item.add("last-modified", entry.updated_at)
    item.add("sequence", entry.sequence)
    item.add("dtstart", datetime.combine(entry.date, entry.start, tzinfo=zone))
    if entry.end is not None:
        item.add("dtend", datetime.combine(entry.date, entry.end, tzinfo=zone))
    cancelled = entry.status == Status.CANCELLED
    summary = f"[{entry.status_label}] {entry.content}" if cancelled else entry.content
    item.add("summary", " ".join(summary.split()))
    if entry.place:
        item.add("location", entry.place)
    lines = []
    if leaders := leaders_text(entry):
        lines.append(_("Lãnh đạo: %(names)s") % {"names": leaders})
    if entry.participants:
        lines.append(_("Thành phần: %(who)s") % {"who": entry.participants})
    if entry.preparing_unit_id:
        lines.append(_("Đơn vị chuẩn bị: %(unit)s") % {"unit": entry.preparing_unit.name})
    if entry.status != Status.SCHEDULED:
        lines.append(_("Tình trạng: %(status)s") % {"status": entry.status_label})
    if entry.change_note:
        lines.append(_("Điều chỉnh: %(note)s") % {"note": entry.change_note})
    if lines:
        item.add("description", "\n".join(lines))
    item.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    item.add("transp", "TRANSPARENT" if cancelled else "OPAQUE")
    if url:
        item.add("url", url)
    return item


def calendar(entries, *, name: str, description: str = "", week_url=None) -> bytes:
    """The iCalendar document of ``entries`` (with their leaders and preparing unit loaded).
    ``week_url(entry)`` gives the address of the week page of an entry, if wanted."""
    document = Calendar()
    document.add("prodid", PRODUCT)
    document.add("version", "2.0")
    document.add("calscale", "GREGORIAN")
    document.add("name", name)
    document.add("x-wr-calname", vText(name))
    if description:
        document.add("x-wr-caldesc", vText(description))
    document.add("x-wr-timezone", vText(ZONE))
    document.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    document.add("x-published-ttl", vDuration(REFRESH))
    for entry in entries:
        document.add_component(event(entry, week_url(entry) if week_url else ""))
    document.add_missing_timezones(first_date=date(2000, 1, 1), last_date=date(2100, 1, 1))
    return document.to_ical()
