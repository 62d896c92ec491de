"""Import of ``legal_document``, ``directive`` and ``task`` records (docs/import-format.md)."""

import json
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models.functions import Length
from django.utils import timezone

from portal.bulk_pages import clean_fields_in_memory, publish_new_children
from portal.importing import (
    RecordError,
    Spec,
    Strings,
    as_list,
    assign,
    ensure_section,
    import_one,
    parse_date,
    save_page,
    text_to_html,
    validate_page,
    validation_record_error,
)
from portal.text import slug as ascii_slug

from .models import (
    Agency,
    DirectiveIndexPage,
    DirectiveKind,
    DirectivePage,
    DocumentType,
    Field,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalDocumentRelation,
    Official,
    RelationType,
    TaskIndexPage,
    TaskPage,
    TaskProgressReport,
)
from .numbers import clean_number, number_key, year_in_number
from .validity import ValidityStatus

LEGAL_DOCUMENT = Spec(
    required={
        "number": str,
        "document_type": str,
        "issuing_body": (str, Strings),
        "summary": str,
        "issued_on": date,
    },
    optional={
        "effective_on": date,
        "expires_on": date,
        "status": str,
        "signer": str,
        "signer_title": str,
        "fields": Strings,
        "body": str,
        "relations": list,
    },
)
# The contract lists amends, replaces, repeals, guides, based_on, corrects; the other types
# the portal knows (details, consolidates, suspends, references) are accepted too.
IMPORT_RELATION_TYPES = set(RelationType.values)


def legal_document_index() -> LegalDocumentIndexPage:
    return ensure_section(LegalDocumentIndexPage, "Văn bản", "van-ban")


def get_or_create_named(model, name: str, **defaults):
    """The row with this name, whatever its case ("PHÒNG NỘI VỤ" = "Phòng Nội vụ"), else a new one."""
    name = " ".join(name.split())
    obj = model.objects.filter(name__iexact=name).first()
    if obj is None and not name.isascii():
        # SQLite's LIKE ignores the case of ASCII letters only: compare the few names of the
        # same length in Python.
        wanted = name.casefold()
        same_length = model.objects.annotate(name_length=Length("name")).filter(name_length=len(name))
        obj = next((o for o in same_length if o.name.casefold() == wanted), None)
    return obj or model.objects.create(name=name, **defaults)


def _relations(record: dict) -> list[tuple[str, str]]:
    out = []
    for i, rel in enumerate(as_list(record.get("relations")), start=1):
        if not isinstance(rel, dict) or set(rel) != {"type", "number"}:
            raise RecordError(f"relations[{i}] must be an object with exactly 'type' and 'number'")
        if rel["type"] not in IMPORT_RELATION_TYPES:
            raise RecordError(
                f"relations[{i}].type '{rel['type']}' is not one of {', '.join(sorted(IMPORT_RELATION_TYPES))}"
            )
        if not isinstance(rel["number"], str) or not number_key(rel["number"]):
            raise RecordError(f"relations[{i}].number must be a document number")
        out.append((rel["type"], clean_number(rel["number"])))
    return out


def _checked_legal_document(record: dict) -> tuple[str, list[tuple[str, str]]]:
    """The record's checks that need no query; its cleaned number and relations."""
    LEGAL_DOCUMENT.check(record)
    number = clean_number(record["number"])
    if not number_key(number):
        raise RecordError("'number' is empty")
    if "/" not in number:
        raise RecordError(f"'number' {record['number']!r} is not a document number (expected e.g. 43/2011/NĐ-CP)")
    status = record.get("status") or ""
    if status and status not in ValidityStatus.values:
        raise RecordError(f"'status' {status!r} is not one of {', '.join(ValidityStatus.values)}")
    issued_on = record["issued_on"]
    written_year = year_in_number(number)
    if written_year and written_year != issued_on.year:
        raise RecordError(
            f"'issued_on' {issued_on.isoformat()} is not in the year written in the number ({written_year})"
        )
    return number, _relations(record)


def _document_values(record: dict, number: str, type_name: str) -> dict:
    return {
        "number": number,
        "title": f"{type_name} số {number}",
        "summary": record["summary"].strip(),
        "issued_on": record["issued_on"],
        "effective_on": record.get("effective_on"),
        "expires_on": record.get("expires_on"),
        "status": record.get("status") or "",
        "signer": record.get("signer", "").strip(),
        "signer_title": record.get("signer_title", "").strip(),
        "body": text_to_html(record.get("body")),
    }


def import_legal_document(record: dict) -> str:
    number, relations = _checked_legal_document(record)
    issued_on = record["issued_on"]
    bodies = [get_or_create_named(Agency, name) for name in as_list(record["issuing_body"])]
    doc_type = get_or_create_named(
        DocumentType, record["document_type"], is_normative=year_in_number(number) is not None
    )
    fields = [get_or_create_named(Field, name) for name in record.get("fields") or []]

    existing = LegalDocumentPage.objects.filter(
        number_key=number_key(number), issuing_body=bodies[0], issued_on__year=issued_on.year
    ).first()
    page = existing or LegalDocumentPage()
    values = {
        **_document_values(record, number, doc_type.name),
        "document_type_id": doc_type.pk,
        "issuing_body_id": bodies[0].pk,
    }
    changed = assign(page, values) or existing is None
    if existing is None:
        page.slug = ascii_slug(number)

    co_bodies = [b for b in bodies[1:] if b.pk != bodies[0].pk]
    if existing is not None:
        changed |= {b.pk for b in co_bodies} != {b.pk for b in page.co_issuing_bodies.all()}
        changed |= {f.pk for f in fields} != {f.pk for f in page.fields.all()}
        changed |= relations != [(r.relation_type, r.target_number) for r in page.relations.all()]
    page.co_issuing_bodies.set(co_bodies)
    page.fields.set(fields)
    if changed:
        page.relations.set([_relation_row(kind, target) for kind, target in relations])
    validate_page(page)
    return save_page(page, None if existing else legal_document_index(), changed)


@dataclass
class _NewDocument:
    original: dict  # the record as read, for the single path
    page: LegalDocumentPage
    names: tuple[list[str], str, list[str]]  # issuing bodies, document type, fields


class _Names:
    """``get_or_create_named`` once per distinct name in a run of records."""

    def __init__(self):
        self.rows: dict = {}

    def get(self, model, name: str, **defaults):
        key = (model, " ".join(name.split()).casefold())
        if key not in self.rows:
            with transaction.atomic():
                self.rows[key] = get_or_create_named(model, name, **defaults)
        return self.rows[key]


def import_legal_documents(items: list[tuple[int, dict]]) -> list[str | RecordError]:
    """The bulk path of ``legal_document`` records (``register_record_type(bulk=…)``): new
    documents are checked like ``import_legal_document`` checks them and published together
    (``portal.bulk_pages``); a document already stored, or met twice in the run, goes through
    ``import_legal_document`` at its place in the order, as do the documents of a group whose
    insert failed (each then gets its own outcome)."""
    outcomes: list[str | RecordError | None] = [None] * len(items)
    checked: list[tuple[int, _NewDocument] | None] = []
    for i, (_lineno, record) in enumerate(items):
        original = dict(record)
        try:
            number, relations = _checked_legal_document(record)
            page = LegalDocumentPage(**_document_values(record, number, record["document_type"].strip()))
            page.slug = ascii_slug(number)
            page.derive_number_keys()
            errors = page.date_errors()
            try:
                clean_fields_in_memory(page)
            except ValidationError as exc:
                errors = {**exc.message_dict, **errors}
            if errors:
                raise validation_record_error(ValidationError(errors))
        except RecordError as exc:
            outcomes[i] = exc
            checked.append(None)
            continue
        page.relations.set(
            [
                LegalDocumentRelation(relation_type=kind, target_number=target, sort_order=n)
                for n, (kind, target) in enumerate(relations)
            ]
        )
        names = (as_list(record["issuing_body"]), record["document_type"], record.get("fields") or [])
        checked.append((i, _NewDocument(original, page, names)))

    keys = {doc.page.number_key for entry in checked if entry for doc in [entry[1]]}
    stored = set(
        LegalDocumentPage.objects.filter(number_key__in=keys).values_list(
            "number_key", "issuing_body_id", "issued_on__year"
        )
    )
    names = _Names()
    pending: list[tuple[int, _NewDocument]] = []
    pending_keys: set = set()

    def flush():
        for (i, _doc), outcome in zip(pending, _publish_new_documents([doc for _i, doc in pending]), strict=True):
            outcomes[i] = outcome
        pending.clear()
        pending_keys.clear()

    for entry in checked:
        if entry is None:
            continue
        i, doc = entry
        page = doc.page
        body_names, type_name, field_names = doc.names
        try:
            bodies = [names.get(Agency, name) for name in body_names]
            doc_type = names.get(DocumentType, type_name, is_normative=year_in_number(page.number) is not None)
            fields = [names.get(Field, name) for name in field_names]
        except IntegrityError as exc:
            outcomes[i] = RecordError(f"conflicts with stored content ({exc})")
            continue
        identity = (page.number_key, bodies[0].pk, page.issued_on.year)
        if identity in stored or identity in pending_keys:
            flush()
            outcomes[i] = import_one(import_legal_document, doc.original)
            stored.add(identity)
            continue
        page.title = f"{doc_type.name} số {page.number}"
        page.document_type_id = doc_type.pk
        page.issuing_body_id = bodies[0].pk
        page.co_issuing_bodies.set([b for b in bodies[1:] if b.pk != bodies[0].pk])
        page.fields.set(fields)
        pending.append((i, doc))
        pending_keys.add(identity)
    flush()
    return outcomes


def _publish_new_documents(docs: list[_NewDocument]) -> list[str | RecordError]:
    if not docs:
        return []
    try:
        with transaction.atomic():
            publish_new_children(legal_document_index(), [d.page for d in docs], prepare=_link_relation_targets)
    except IntegrityError:
        return [import_one(import_legal_document, d.original) for d in docs]
    return ["created"] * len(docs)


def _link_relation_targets(pages: list[LegalDocumentPage]) -> None:
    """Each relation's target page where its number names exactly one stored document (as
    ``_relation_row`` links them), the run's own documents included."""
    rows = [row for page in pages for row in page.relations.all()]
    for row in rows:
        row.derive_target_number()
    found: dict[str, list[int]] = {}
    for key, pk in LegalDocumentPage.objects.filter(number_key__in={row.target_number_key for row in rows}).values_list(
        "number_key", "pk"
    ):
        found.setdefault(key, []).append(pk)
    for row in rows:
        matches = found.get(row.target_number_key, [])
        row.target_page_id = matches[0] if len(matches) == 1 else None


def _relation_row(kind: str, target_number: str) -> LegalDocumentRelation:
    matches = list(LegalDocumentPage.objects.filter(number_key=number_key(target_number))[:2])
    return LegalDocumentRelation(
        relation_type=RelationType(kind),
        target_page=matches[0] if len(matches) == 1 else None,
        target_number=target_number,
    )


# --- directive ---------------------------------------------------------------------------

DIRECTIVE = Spec(
    required={"number": str, "kind": str, "issued_on": date, "summary": str},
    optional={"directing_leader": str, "directing_leader_title": str, "body": str},
)
DIRECTIVE_INDEX = ("Chỉ đạo điều hành", "chi-dao-dieu-hanh")


def directive_index() -> DirectiveIndexPage:
    return ensure_section(DirectiveIndexPage, *DIRECTIVE_INDEX)


def _squash(text: str | None) -> str:
    return " ".join((text or "").split())


def _text(record: dict, key: str, model, field: str | None = None, required: bool = False) -> str:
    """The value of ``key`` with runs of spaces squashed, checked against the model field's length."""
    value = _squash(record.get(key))
    if required and not value:
        raise RecordError(f"missing required key(s): {key}")
    limit = model._meta.get_field(field or key).max_length
    if limit and len(value) > limit:
        raise RecordError(f"'{key}' is longer than {limit} characters")
    return value


def directing_official(name: str, title: str) -> Official:
    """The leader ``name`` with position ``title``, created if new (names match case-insensitively).

    Without a title, the one leader of that name is meant; if there is none, or several
    (one name, two positions), a leader without a position is used or created.
    """
    name, title = _squash(name), _squash(title)
    if not title:
        same_name = list(Official.objects.filter(name__iexact=name)[:2])
        if len(same_name) == 1:
            return same_name[0]
    official = Official.objects.filter(name__iexact=name, position__iexact=title).first()
    return official or Official.objects.create(name=name, position=title)


def _document_number(record: dict) -> str:
    number = clean_number(record["number"])
    if not number_key(number):
        raise RecordError("'number' is empty")
    if "/" not in number:
        raise RecordError(f"'number' {record['number']!r} is not a document number (expected e.g. 215/TB-UBND)")
    if len(number) > DirectivePage._meta.get_field("number").max_length:
        raise RecordError(f"'number' {number!r} is too long")
    return number


def import_directive(record: dict) -> str:
    DIRECTIVE.check(record)
    number = _document_number(record)
    kind = record["kind"].strip()
    if kind not in DirectiveKind.values:
        choices = ", ".join(f"{value} ({label})" for value, label in DirectiveKind.choices)
        raise RecordError(f"'kind' {kind!r} is not one of {choices}")
    issued_on = record["issued_on"]
    written_year = year_in_number(number)
    if written_year and written_year != issued_on.year:
        raise RecordError(
            f"'issued_on' {issued_on.isoformat()} is not in the year written in the number ({written_year})"
        )
    summary = record["summary"].strip()
    if not summary:
        raise RecordError("missing required key(s): summary")
    leader_name = _text(record, "directing_leader", Official, "name")
    leader_title = _text(record, "directing_leader_title", Official, "position")
    if leader_title and not leader_name:
        raise RecordError("'directing_leader_title' is given without 'directing_leader'")
    leader = directing_official(leader_name, leader_title) if leader_name else None

    existing = DirectivePage.objects.filter(number_key=number_key(number), issued_on__year=issued_on.year).first()
    page = existing or DirectivePage()
    values = {
        "kind": kind,
        "number": number,
        "title": f"{DirectiveKind(kind).label} số {number}",
        "issued_on": issued_on,
        "summary": summary,
        "directing_leader_id": leader.pk if leader else None,
        "body": text_to_html(record.get("body")),
    }
    changed = assign(page, values) or existing is None
    if existing is None:
        page.slug = ascii_slug(number)
    validate_page(page)
    return save_page(page, None if existing else directive_index(), changed)


# --- task --------------------------------------------------------------------------------

TASK = Spec(
    required={"code": str, "title": str, "lead_unit": str, "assigned_on": date},
    optional={
        "source_directive": str,
        "coordinating_units": Strings,
        "deadline": date,
        "completed_on": date,
        "progress": list,
    },
)
TASK_INDEX = ("Theo dõi thực hiện nhiệm vụ", "theo-doi-nhiem-vu")
PROGRESS_KEYS = {"date", "percent", "content"}


def task_index() -> TaskIndexPage:
    return ensure_section(TaskIndexPage, *TASK_INDEX)


def source_directive(number: str, assigned_on: date) -> DirectivePage:
    """The directive with this number; among several (one per year), the latest issued by ``assigned_on``."""
    key = number_key(number)
    candidates = list(DirectivePage.objects.filter(number_key=key).order_by("-issued_on", "-pk")) if key else []
    if not candidates:
        raise RecordError(f"source_directive {number!r} is not on the portal (import the directive first)")
    if len(candidates) == 1:
        return candidates[0]
    for candidate in candidates:
        if candidate.issued_on <= assigned_on:
            return candidate
    years = ", ".join(str(c.issued_on.year) for c in reversed(candidates))
    raise RecordError(
        f"source_directive {number!r} is ambiguous: directives of {years} have this number "
        f"and none was issued on or before 'assigned_on' {assigned_on.isoformat()}"
    )


def _progress(record: dict) -> list[tuple[date, int, str]]:
    rows = []
    for i, entry in enumerate(as_list(record.get("progress")), start=1):
        where = f"progress[{i}]"
        if not isinstance(entry, dict) or set(entry) != PROGRESS_KEYS:
            keys = ", ".join(sorted(set(entry) - PROGRESS_KEYS)) if isinstance(entry, dict) else ""
            extra = f" (unknown: {keys})" if keys else ""
            raise RecordError(f"{where} must be an object with exactly 'date', 'percent' and 'content'{extra}")
        day = parse_date(entry["date"], f"{where}.date")
        percent = entry["percent"]
        if not isinstance(percent, int) or isinstance(percent, bool) or not 0 <= percent <= 100:
            raise RecordError(
                f"{where}.percent must be a whole number from 0 to 100, got {json.dumps(percent, ensure_ascii=False)}"
            )
        content = entry["content"]
        if not isinstance(content, str) or not content.strip():
            raise RecordError(f"{where}.content must be a non-empty string")
        rows.append((day, percent, content.strip()))
    return rows


def _check_task_dates(record: dict) -> None:
    assigned_on = record["assigned_on"]
    for key in ("deadline", "completed_on"):
        value = record.get(key)
        if value is not None and value < assigned_on:
            raise RecordError(f"'{key}' {value.isoformat()} is before 'assigned_on' {assigned_on.isoformat()}")


def import_task(record: dict) -> str:
    TASK.check(record)
    code = _text(record, "code", TaskPage, required=True)
    title = _text(record, "title", TaskPage, required=True)
    for key in ("lead_unit", "coordinating_units"):
        for name in as_list(record.get(key)):
            _text({key: name}, key, Agency, "name", required=True)
    _check_task_dates(record)
    progress = _progress(record)
    directive = None
    if record.get("source_directive"):
        directive = source_directive(record["source_directive"], record["assigned_on"])

    lead = get_or_create_named(Agency, record["lead_unit"])
    coordinating = {}
    for name in record.get("coordinating_units") or []:
        unit = get_or_create_named(Agency, name)
        if unit.pk != lead.pk:
            coordinating.setdefault(unit.pk, unit)

    existing = TaskPage.objects.filter(code=code).first()
    page = existing or TaskPage()
    values = {
        "code": code,
        "title": title,
        "source_directive_id": directive.pk if directive else None,
        "lead_unit_id": lead.pk,
        "assigned_on": record["assigned_on"],
        "deadline": record.get("deadline"),
        "completed_on": record.get("completed_on"),
    }
    if existing is not None:
        _explain_extension(page, values["deadline"])  # before the new deadline is set
        stored_rows = [(r.date, r.percent, r.content) for r in page.progress_reports.order_by("sort_order", "pk")]
        progress_changed = stored_rows != progress
        changed = progress_changed | (set(coordinating) != {u.pk for u in page.coordinating_units.all()})
    else:
        changed = progress_changed = True
        page.slug = ascii_slug(code)
    changed |= assign(page, values)
    page.coordinating_units.set(list(coordinating.values()))
    if progress_changed:
        page.progress_reports.set(
            [
                TaskProgressReport(date=day, percent=percent, content=content, sort_order=i)
                for i, (day, percent, content) in enumerate(progress)
            ]
        )
    validate_page(page)
    return save_page(page, None if existing else task_index(), changed)


def _explain_extension(page: TaskPage, deadline: date | None) -> None:
    """A new deadline on a stored task is an extension: TaskPage.clean() keeps the original
    deadline and wants a reason; give the import's own when the task has none."""
    if deadline is None or page.deadline is None or deadline == page.deadline:
        return
    original = page.original_deadline or page.deadline
    if original != deadline and not page.extension_reason.strip():
        page.extension_reason = f"Gia hạn theo dữ liệu nhập ngày {timezone.localdate():%d/%m/%Y}"
