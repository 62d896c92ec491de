"""Import of ``schedule_entry`` records (docs/import-format.md).

Natural key: ``key`` when given, else (``date``, ``start``, ``content``). An update of a published
entry that moves its date, time or place marks it changed with a note, as an edit in the admin
does (``schedule.changes``).
"""

import json
import re
from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.utils import timezone

from directives.importing import directing_official, get_or_create_named
from directives.models import Agency
from portal.importing import RecordError, Spec, assign, ensure_section

from .changes import record_edit, snapshot
from .models import ScheduleEntry, ScheduleIndexPage, Status

SCHEDULE_ENTRY = Spec(
    required={"date": date, "start": str, "content": str},
    optional={
        "key": str,
        "end": str,
        "leaders": list,
        "place": str,
        "participants": str,
        "preparing_unit": str,
        "status": str,
        "change_note": str,
        "changed_at": str,
        "published": bool,
    },
)
SECTION = ("Lịch công tác", "lich-cong-tac")

_TIME = re.compile(r"^([01]?\d|2[0-3])[:hH]([0-5]\d)$")


def schedule_section() -> ScheduleIndexPage:
    return ensure_section(ScheduleIndexPage, *SECTION)


def parse_time(value: str, key: str) -> time:
    """``"08:00"``, ``"8:00"`` or ``"8h00"`` → 08:00."""
    match = _TIME.match(value.strip())
    if not match:
        raise RecordError(f"'{key}' must be a time HH:MM (24 hours), got {json.dumps(value, ensure_ascii=False)}")
    return time(int(match.group(1)), int(match.group(2)))


def parse_moment(value: str, key: str) -> datetime:
    """``"2025-06-04T16:30"`` (local time) → an aware moment."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is not None:
        raise RecordError(
            f"'{key}' must be a local date and time YYYY-MM-DDTHH:MM, got {json.dumps(value, ensure_ascii=False)}"
        )
    return timezone.make_aware(moment)


def _squash(text: str | None) -> str:
    return " ".join((text or "").split())


def leaders_of(items: list) -> list:
    """Each item a name (the one leader of that name) or ``{"name": …, "position": …}``; created if new."""
    officials = []
    for number, item in enumerate(items, start=1):
        if isinstance(item, str) and item.strip():
            officials.append(directing_official(item, ""))
        elif isinstance(item, dict) and isinstance(item.get("name"), str) and item["name"].strip():
            unknown = sorted(set(item) - {"name", "position"})
            position = item.get("position") or ""
            if unknown or not isinstance(position, str):
                raise RecordError(f"'leaders' item {number}: only 'name' and 'position' (strings) are allowed")
            officials.append(directing_official(item["name"], position))
        else:
            raise RecordError(f"'leaders' item {number} must be a name or an object with 'name' and 'position'")
    return list({o.pk: o for o in officials}.values())


def import_schedule_entry(record: dict) -> str:
    SCHEDULE_ENTRY.check(record)
    key = _squash(record.get("key"))
    if len(key) > 100:
        raise RecordError("'key' is longer than 100 characters")
    day = record["date"]
    start = parse_time(record["start"], "start")
    end = parse_time(record["end"], "end") if (record.get("end") or "").strip() else None
    if end is not None and end <= start:
        raise RecordError(f"'end' ({end:%H:%M}) must be after 'start' ({start:%H:%M})")
    content = record["content"].strip()
    status = (record.get("status") or Status.SCHEDULED).strip()
    if status not in Status.values:
        raise RecordError(f"'status' must be one of {', '.join(Status.values)}, not {status!r}")
    place = _squash(record.get("place"))
    if len(place) > 255:
        raise RecordError("'place' is longer than 255 characters")
    unit_name = _squash(record.get("preparing_unit"))
    unit = get_or_create_named(Agency, unit_name) if unit_name else None
    leaders = leaders_of(record.get("leaders") or [])
    changed_at = parse_moment(record["changed_at"], "changed_at") if (record.get("changed_at") or "").strip() else None
    if changed_at is not None and status == Status.SCHEDULED:
        raise RecordError("'changed_at' is given for an entry whose 'status' is not changed or cancelled")

    if key:
        existing = ScheduleEntry.objects.filter(key=key).first()
    else:
        existing = ScheduleEntry.objects.filter(key="", date=day, start=start, content=content).first()
    entry = existing or ScheduleEntry(key=key)
    before = snapshot(entry) if existing else None
    values = {
        "date": day,
        "start": start,
        "end": end,
        "content": content,
        "place": place,
        "participants": (record.get("participants") or "").strip(),
        "preparing_unit_id": unit.pk if unit else None,
        "status": status,
        "change_note": (record.get("change_note") or "").strip(),
        "published": record.get("published", True),
    }
    if changed_at is not None:
        values["changed_at"] = changed_at
    if existing and "change_note" not in record:
        del values["change_note"]  # keep the note the entry has (and let a move add to it)
    if existing and ("status" not in record or (status == Status.SCHEDULED and entry.status == Status.CHANGED)):
        del values["status"]  # a change once announced stays announced
    changed = assign(entry, values)
    record_edit(before, entry, timezone.now(), note_written="change_note" in record)
    if changed_at is not None:
        entry.changed_at = changed_at  # the moment the record states wins over the moment of the import
    try:
        entry.full_clean()
    except ValidationError as exc:
        raise RecordError("; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())) from exc
    current = set(entry.leaders.values_list("pk", flat=True)) if existing else set()
    wanted = {o.pk for o in leaders}
    if existing is not None and not changed and current == wanted:
        return "unchanged"
    entry.save()
    if current != wanted:
        entry.leaders.set(leaders)
    schedule_section()
    return "created" if existing is None else "updated"
