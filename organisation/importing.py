"""Import of ``unit`` and ``leader`` records (docs/import-format.md): the organisation of a portal
moving in — its units with their public contacts, its leaders.

Both are rows of the shared taxonomy (``directives.Agency``, ``directives.Official``), which other
record types also create by name (an issuing body, a directing leader). So a key absent from a
record (or ``null``) keeps what is stored; a key given, even empty, sets it.
"""

import json
import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db.models.functions import Length

from directives.importing import get_or_create_named
from directives.models import Agency, Official, UnitKind
from portal.importing import RecordError, Spec, assign

UNIT = Spec(
    required={"name": str, "kind": str},
    optional={
        "short_code": str,
        "parent": str,
        "order": int,
        "address": str,
        "phone": str,
        "email": str,
        "website": str,
        "functions": str,
        "name_en": str,
        "functions_en": str,
    },
)
LEADER = Spec(
    required={"name": str, "position": str},
    optional={
        "unit": str,
        "authority_leader": bool,
        "order": int,
        "phone": str,
        "email": str,
        "biography": str,
        "position_en": str,
        "biography_en": str,
    },
)
_PHONE = re.compile(r"[0-9+().\- ]+")
_MAX_ORDER = 2**31 - 1


def _squash(value: str) -> str:
    return " ".join(value.split())


def _line(record: dict, key: str, model, field: str | None = None) -> str:
    """A one-line text value, spaces squashed, within the model field's length."""
    value = _squash(record[key])
    limit = model._meta.get_field(field or key).max_length
    if limit and len(value) > limit:
        raise RecordError(f"'{key}' is longer than {limit} characters")
    return value


def _shown(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def _contacts(record: dict, model) -> dict:
    """The public contact keys given (phone, e-mail, website, address), checked."""
    values = {}
    if record.get("phone") is not None:
        phone = _line(record, "phone", model)
        if phone and (not _PHONE.fullmatch(phone) or sum(c.isdigit() for c in phone) < 6):
            raise RecordError(f"'phone' {_shown(phone)} is not a phone number (digits, spaces, + ( ) . -)")
        values["phone"] = phone
    if record.get("email") is not None:
        email = record["email"].strip()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise RecordError(f"'email' {_shown(email)} is not an e-mail address") from None
        values["email"] = email
    if record.get("website") is not None:
        website = record["website"].strip()
        if website:
            try:
                URLValidator(schemes=["http", "https"])(website)
            except ValidationError:
                raise RecordError(f"'website' {_shown(website)} is not an http(s) address") from None
            if len(website) > model._meta.get_field("website").max_length:
                raise RecordError("'website' is too long")
        values["website"] = website
    if record.get("address") is not None:
        values["address"] = _line(record, "address", model)
    return values


def _order(record: dict) -> dict:
    if record.get("order") is None:
        return {}
    order = record["order"]
    if not 0 <= order <= _MAX_ORDER:
        raise RecordError(f"'order' must be a whole number from 0, got {order}")
    return {"display_order": order}


def _save(obj, values: dict, existing: bool) -> str:
    if not assign(obj, values) and existing:
        return "unchanged"
    try:
        obj.full_clean()
    except ValidationError as exc:
        parts = [f"{key}: {' '.join(messages)}" for key, messages in exc.message_dict.items()]
        raise RecordError("; ".join(parts)) from exc
    obj.save()
    return "updated" if existing else "created"


def _find_agency(name: str) -> Agency | None:
    """The agency of this name, whatever its case (as ``get_or_create_named`` finds it), or None."""
    found = Agency.objects.filter(name__iexact=name).first()
    if found is None and not name.isascii():
        # SQLite's LIKE ignores the case of ASCII letters only: compare the names of that length.
        wanted = name.casefold()
        same_length = Agency.objects.annotate(name_length=Length("name")).filter(name_length=len(name))
        found = next((agency for agency in same_length if agency.name.casefold() == wanted), None)
    return found


def import_unit(record: dict) -> str:
    """A unit of the authority's organisation, by name (case-insensitive); its parent created by
    name if new."""
    UNIT.check(record)
    name = _line(record, "name", Agency)
    if not name:
        raise RecordError("missing required key(s): name")
    kind = record["kind"].strip()
    if kind not in UnitKind.values:
        choices = ", ".join(f"{value} ({label})" for value, label in UnitKind.choices)
        raise RecordError(f"'kind' {_shown(kind)} is not one of {choices}")
    values = {"kind": kind, **_order(record), **_contacts(record, Agency)}
    if record.get("short_code") is not None:
        values["short_code"] = _line(record, "short_code", Agency)
    if record.get("functions") is not None:
        values["functions"] = record["functions"].strip()
    if record.get("name_en") is not None:
        values["name_en"] = _line(record, "name_en", Agency)
    if record.get("functions_en") is not None:
        values["functions_en"] = record["functions_en"].strip()

    existing = _find_agency(name)
    if record.get("parent") is not None:
        parent_name = _line(record, "parent", Agency, "name")
        parent = None
        if parent_name:
            if parent_name.casefold() == name.casefold():
                raise RecordError("'parent' is the unit itself")
            parent = get_or_create_named(Agency, parent_name)
            if existing is not None and _is_under(parent, existing):
                raise RecordError(
                    f"'parent' {_shown(parent_name)} is under {_shown(name)}: a unit cannot be under its own sub-unit"
                )
        values["parent"] = parent
    unit = existing or Agency(name=name)
    return _save(unit, values, existing is not None)


def _is_under(agency: Agency, ancestor: Agency) -> bool:
    """Whether ``ancestor`` is above ``agency`` (or is it), following parents (a circle stops the walk)."""
    seen = set()
    while agency is not None and agency.pk not in seen:
        if agency.pk == ancestor.pk:
            return True
        seen.add(agency.pk)
        agency = agency.parent
    return False


def import_leader(record: dict) -> str:
    """A leader, by name and position (case-insensitive): the natural key of ``directive`` records'
    ``directing_leader`` and ``directing_leader_title`` too. The unit is created by name if new."""
    LEADER.check(record)
    name = _line(record, "name", Official)
    position = _line(record, "position", Official)
    if not name or not position:
        raise RecordError(
            "missing required key(s): " + ", ".join(k for k, v in (("name", name), ("position", position)) if not v)
        )
    values = {**_order(record), **_contacts(record, Official)}
    if record.get("unit") is not None:
        unit_name = _line(record, "unit", Agency, "name")
        values["agency"] = get_or_create_named(Agency, unit_name) if unit_name else None
    if record.get("authority_leader") is not None:
        values["is_authority_leader"] = record["authority_leader"]
    if record.get("biography") is not None:
        values["biography"] = record["biography"].strip()
    if record.get("position_en") is not None:
        values["position_en"] = _line(record, "position_en", Official)
    if record.get("biography_en") is not None:
        values["biography_en"] = record["biography_en"].strip()
    existing = Official.objects.filter(name__iexact=name, position__iexact=position).first()
    official = existing or Official(name=name, position=position)
    return _save(official, values, existing is not None)
