"""Import of ``legal_document`` records (docs/import-format.md)."""

from datetime import date

from home.importing import (
    RecordError,
    Spec,
    Strings,
    as_list,
    ascii_slug,
    ensure_child,
    home_page,
    save_page,
    text_to_html,
    validate_page,
)

from .models import (
    Agency,
    DocumentType,
    Field,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalDocumentRelation,
    RelationType,
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
    home = home_page()
    existing = LegalDocumentIndexPage.objects.child_of(home).first()
    return existing or ensure_child(home, LegalDocumentIndexPage, "Văn bản", "van-ban")


def get_or_create_named(model, name: str, **defaults):
    name = " ".join(name.split())
    obj = model.objects.filter(name__iexact=name).first()
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


def import_legal_document(record: dict) -> str:
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
    relations = _relations(record)

    bodies = [get_or_create_named(Agency, name) for name in as_list(record["issuing_body"])]
    doc_type = get_or_create_named(DocumentType, record["document_type"], is_normative=written_year is not None)
    fields = [get_or_create_named(Field, name) for name in record.get("fields") or []]

    existing = LegalDocumentPage.objects.filter(
        number_key=number_key(number), issuing_body=bodies[0], issued_on__year=issued_on.year
    ).first()
    page = existing or LegalDocumentPage()
    values = {
        "number": number,
        "title": f"{doc_type.name} số {number}",
        "summary": record["summary"].strip(),
        "document_type_id": doc_type.pk,
        "issuing_body_id": bodies[0].pk,
        "issued_on": issued_on,
        "effective_on": record.get("effective_on"),
        "expires_on": record.get("expires_on"),
        "status": status,
        "signer": record.get("signer", "").strip(),
        "signer_title": record.get("signer_title", "").strip(),
        "body": text_to_html(record.get("body")),
    }
    changed = existing is None or any(getattr(page, k) != v for k, v in values.items())
    for key, value in values.items():
        setattr(page, key, value)
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


def _relation_row(kind: str, target_number: str) -> LegalDocumentRelation:
    matches = list(LegalDocumentPage.objects.filter(number_key=number_key(target_number))[:2])
    return LegalDocumentRelation(
        relation_type=RelationType(kind),
        target_page=matches[0] if len(matches) == 1 else None,
        target_number=target_number,
    )
