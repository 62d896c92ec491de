"""What happens when a schedule entry is edited (plain functions; the admin and the import call them).

- An entry the public has seen (``published`` before the edit) whose **date, time or place** moves is
  marked *changed* (``Status.CHANGED``) with the moment (``changed_at``) and a public note saying
  what moved ("Thời gian: 08:00 → 14:00"), appended to any earlier note — unless the editor wrote
  the note themselves in that edit, which is then kept as written. A cancelled entry stays
  cancelled.
- An entry set to *cancelled* gets its moment too.
- Any change of what a calendar shows (date, times, place, content, status) raises ``sequence``, the
  iCalendar ``SEQUENCE``, so subscribed calendars replace their copy (RFC 5545 §3.8.7.4).
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils.translation import gettext as _

from .models import ScheduleEntry, Status

#: Moves that mark a published entry changed.
MOVES = ("date", "start", "end", "place")
#: What a calendar shows: a change raises SEQUENCE.
SHOWN = (*MOVES, "content", "status")


@dataclass(frozen=True)
class Snapshot:
    """An entry as it was before an edit."""

    date: date
    start: time
    end: time | None
    place: str
    content: str
    status: str
    change_note: str
    published: bool
    sequence: int


def snapshot(entry: ScheduleEntry) -> Snapshot:
    return Snapshot(
        date=entry.date,
        start=entry.start,
        end=entry.end,
        place=entry.place,
        content=entry.content,
        status=entry.status,
        change_note=entry.change_note,
        published=entry.published,
        sequence=entry.sequence,
    )


def _time(value: time | None) -> str:
    return f"{value:%H:%M}" if value is not None else _("(không ghi)")


def describe_moves(before: Snapshot, entry: ScheduleEntry) -> list[str]:
    """The moves of date, time and place, one phrase each: "Ngày: 05/06/2025 → 06/06/2025"."""
    moves = []
    if before.date != entry.date:
        moves.append(_("Ngày: %(old)s → %(new)s") % {"old": f"{before.date:%d/%m/%Y}", "new": f"{entry.date:%d/%m/%Y}"})
    if before.start != entry.start:
        moves.append(_("Giờ bắt đầu: %(old)s → %(new)s") % {"old": _time(before.start), "new": _time(entry.start)})
    if before.end != entry.end:
        moves.append(_("Giờ kết thúc: %(old)s → %(new)s") % {"old": _time(before.end), "new": _time(entry.end)})
    if before.place.strip() != entry.place.strip():
        moves.append(
            _("Địa điểm: %(old)s → %(new)s")
            % {"old": before.place.strip() or _("(không ghi)"), "new": entry.place.strip() or _("(không ghi)")}
        )
    return moves


def record_edit(
    before: Snapshot | None, entry: ScheduleEntry, now: datetime, note_written: bool | None = None
) -> list[str]:
    """Mark ``entry`` (edited, not yet saved; ``before`` is how it was, None for a new one) as the
    rules above say, at ``now``. ``note_written``: whether the editor wrote ``change_note`` in this
    edit (None: when it differs from before). Returns the moves it found (empty when nothing moved)."""
    if before is None:
        return []
    if any(getattr(before, name) != getattr(entry, name) for name in SHOWN):
        entry.sequence = before.sequence + 1
    if not before.published:
        return []  # nobody saw it: nothing to announce
    if entry.status == Status.CANCELLED and before.status != Status.CANCELLED:
        entry.changed_at = now
    moves = describe_moves(before, entry)
    if not moves:
        return []
    if entry.status != Status.CANCELLED:
        entry.status = Status.CHANGED
    entry.changed_at = now
    if note_written is None:
        note_written = entry.change_note.strip() != before.change_note.strip()
    if not note_written:  # say what moved
        note = "; ".join(moves)
        entry.change_note = f"{before.change_note.strip()}; {note}" if before.change_note.strip() else note
    return moves
