"""Import of ``procedure`` records (docs/import-format.md), natural key ``code``.

The JSON Lines record type and the catalogue spreadsheet (``procedures.xlsx``, which turns each
row into such a record) share this handler. Idempotent: a record equal to the stored procedure
creates no revision. The dossier, steps and legal bases are replaced as a whole when they differ;
a paper keeps the form file an editor attached to it (same name), a legal basis keeps the
document an editor chose for it (same citation).
"""

import json
from datetime import date

from directives.importing import get_or_create_named
from directives.models import Agency, Field
from portal.importing import RecordError, Spec, Strings, as_list, assign, ensure_section, save_page, validate_page
from portal.text import normalize
from portal.text import slug as ascii_slug

from .legal import link_legal_bases
from .models import DossierItem, LegalBasis, ProcedureIndexPage, ProcedurePage, ProcedureStep
from .values import Channel, Level, OnlineLevel, citation_number, clean_code, code_problem, working_days

PROCEDURE = Spec(
    required={"code": str, "name": str, "field": str, "level": str, "agency": str},
    optional={
        "slug": str,
        "processing_time": str,
        "processing_days": int,
        "fee": str,
        "charge": str,
        "subjects": str,
        "result": str,
        "conditions": str,
        "steps": Strings,
        "channels": Strings,
        "dossier": list,
        "legal_basis": list,
        "online_level": str,
        "service_url": str,
        "announced_on": date,
    },
)
MAX_SLUG = 80


def procedures_section() -> ProcedureIndexPage:
    return ensure_section(ProcedureIndexPage, "Thủ tục hành chính", "thu-tuc-hanh-chinh")


def _choice(record: dict, key: str, choices, default: str | None = None) -> str:
    value = (record.get(key) or default or "").strip()
    if value not in choices.values:
        raise RecordError(
            f"'{key}' must be one of {', '.join(choices.values)}, not {json.dumps(value, ensure_ascii=False)}"
        )
    return value


def _dossier(record: dict) -> list[tuple[str, int, int, bool]]:
    out = []
    for i, item in enumerate(as_list(record.get("dossier")), start=1):
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict):
            raise RecordError(f"dossier[{i}] must be a string or an object with 'name'")
        unknown = sorted(set(item) - {"name", "originals", "copies", "required"})
        if unknown:
            raise RecordError(f"dossier[{i}]: unknown key(s): {', '.join(unknown)}")
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise RecordError(f"dossier[{i}].name must be a non-empty string")
        counts = []
        for key, default in (("originals", 1), ("copies", 0)):
            value = item.get(key, default)
            if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 99:
                raise RecordError(f"dossier[{i}].{key} must be a whole number from 0 to 99")
            counts.append(value)
        required = item.get("required", True)
        if not isinstance(required, bool):
            raise RecordError(f"dossier[{i}].required must be true or false")
        out.append((normalize(name), counts[0], counts[1], required))
    return out


def _legal_basis(record: dict) -> list[tuple[str, str]]:
    out = []
    for i, item in enumerate(as_list(record.get("legal_basis")), start=1):
        if isinstance(item, str):
            item = {"citation": item}
        if not isinstance(item, dict) or not set(item) <= {"citation", "number"}:
            raise RecordError(f"legal_basis[{i}] must be a string or an object with 'citation' (and 'number')")
        citation, number = item.get("citation"), item.get("number", "")
        if not isinstance(citation, str) or not citation.strip():
            raise RecordError(f"legal_basis[{i}].citation must be a non-empty string")
        if not isinstance(number, str):
            raise RecordError(f"legal_basis[{i}].number must be a string")
        out.append((normalize(citation), normalize(number)))
    return out


def _channels(record: dict) -> list[str]:
    codes = [c.strip() for c in record.get("channels") or [Channel.IN_PERSON.value]]
    wrong = [c for c in codes if c not in Channel.values]
    if wrong:
        raise RecordError(f"'channels' must hold {', '.join(Channel.values)}, not {', '.join(wrong)}")
    return codes


def import_procedure(record: dict) -> str:
    PROCEDURE.check(record)
    code = clean_code(record["code"])
    problem = code_problem(code)
    if problem:
        raise RecordError(f"'code' {problem}")
    level = _choice(record, "level", Level)
    online_level = _choice(record, "online_level", OnlineLevel, default=OnlineLevel.NONE.value)
    channels = _channels(record)
    dossier = _dossier(record)
    legal_basis = _legal_basis(record)
    steps = [normalize(step) for step in record.get("steps") or []]
    processing_time = (record.get("processing_time") or "").strip()
    days = record.get("processing_days")
    if days is not None and not 0 <= days <= 3650:
        raise RecordError("'processing_days' must be a number of working days from 0 to 3650")
    if days is None:
        days = working_days(processing_time)

    existing = ProcedurePage.objects.filter(code=code).first()
    page = existing or ProcedurePage(code=code)
    values = {
        "title": normalize(record["name"]),
        "field_id": get_or_create_named(Field, record["field"]).pk,
        "level": level,
        "agency_id": get_or_create_named(Agency, record["agency"]).pk,
        "processing_time": processing_time,
        "processing_days": days,
        "fee": (record.get("fee") or "").strip(),
        "charge": (record.get("charge") or "").strip(),
        "subjects": (record.get("subjects") or "").strip(),
        "result": (record.get("result") or "").strip(),
        "conditions": (record.get("conditions") or "").strip(),
        "online_level": online_level,
        "service_url": (record.get("service_url") or "").strip(),
    }
    if record.get("announced_on") is not None:
        values["announced_on"] = record["announced_on"]
    changed = assign(page, values)
    flags = (page.channel_in_person, page.channel_online, page.channel_post)
    page.set_channels(channels)
    changed |= flags != (page.channel_in_person, page.channel_online, page.channel_post)
    changed |= _replace_rows(page, existing, steps, dossier, legal_basis)
    if existing is None:
        slug = (record.get("slug") or "").strip() or ascii_slug(values["title"])[:MAX_SLUG].strip("-")
        page.slug = slug
    page.live = True  # validated as it will be published
    validate_page(page)
    if existing is None:
        page.live = False
    return save_page(page, procedures_section() if existing is None else None, changed or existing is None)


def _replace_rows(page: ProcedurePage, existing, steps, dossier, legal_basis) -> bool:
    """Set the page's steps, dossier and legal bases when they differ from the stored ones
    (in memory: the revision carries them). True if any did."""
    changed = False
    old_steps = [row.text for row in page.steps.all()] if existing else []
    if old_steps != steps:
        page.steps = [ProcedureStep(text=text, sort_order=i) for i, text in enumerate(steps)]
        changed = True

    old_dossier = list(page.dossier.all()) if existing else []
    if [(r.name, r.originals, r.copies, r.required) for r in old_dossier] != dossier:
        forms = {row.name: row.form_id for row in old_dossier if row.form_id}
        page.dossier = [
            DossierItem(
                name=name, originals=originals, copies=copies, required=required, form_id=forms.get(name), sort_order=i
            )
            for i, (name, originals, copies, required) in enumerate(dossier)
        ]
        changed = True

    old_bases = list(page.legal_bases.all()) if existing else []
    wanted = [(citation, number or citation_number(citation)) for citation, number in legal_basis]
    if [(row.citation, row.number) for row in old_bases] != wanted:
        chosen = {row.citation: row.document_id for row in old_bases if row.document_id}
        rows = [
            LegalBasis(citation=c, number=n, document_id=chosen.get(c), sort_order=i) for i, (c, n) in enumerate(wanted)
        ]
        link_legal_bases(rows)
        page.legal_bases = rows
        changed = True
    else:
        unlinked = [row for row in old_bases if row.document_id is None and row.number_key]
        if unlinked and link_legal_bases(unlinked):  # a document the portal has gained since
            page.legal_bases = old_bases
            changed = True
    return changed
