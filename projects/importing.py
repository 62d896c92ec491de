"""Import of ``project`` records (docs/import-format.md): investment projects, bid packages,
contractor-selection plans and results.

Natural key: ``slug``, among the projects of the single "Dự án, đấu thầu" page (``/du-an-dau-thau/``),
created under the home page when missing. The investor is an agency, matched case-insensitively and
created when new (so is the field). Linked legal documents must already be on the portal. The
project's files are not in the format (editors attach them; the demo generates them).
"""

import json
import re
from datetime import date
from decimal import Decimal

from directives.importing import get_or_create_named
from directives.models import Agency, Field, LegalDocumentPage
from directives.numbers import number_key
from portal.importing import (
    RecordError,
    Spec,
    assign,
    ensure_section,
    record_choice,
    record_slug,
    save_page,
    text_to_html,
    validate_page,
)

from .models import ProjectIndexPage, ProjectKind, ProjectLegalDocument, ProjectPage, ProjectStatus, SelectionMethod
from .models.projects import MAX_YEAR, MIN_YEAR

PROJECT = Spec(
    required={"slug": str, "title": str, "kind": str, "status": str, "investor": str, "decided_on": date},
    optional={
        "code": str,
        "field": str,
        "location": str,
        "total_investment": (int, str),
        "capital_source": str,
        "start_year": int,
        "end_year": int,
        "summary": str,
        "body": str,
        "bid_package": str,
        "selection_method": str,
        "bid_opening_on": date,
        "winning_bidder": str,
        "contract_value": (int, str),
        "legal_documents": list,
    },
)

INDEX_TITLE = "Dự án đầu tư, đấu thầu, mua sắm công"
INDEX_SLUG = "du-an-dau-thau"
MAX_AMOUNT = 10**18 - 1
# "12500000000" or "12.500.000.000" (dots between thousands, as Vietnamese write them)
_AMOUNT = re.compile(r"^(\d+|\d{1,3}(\.\d{3})+)$")


def projects_index() -> ProjectIndexPage:
    return ensure_section(ProjectIndexPage, INDEX_TITLE, INDEX_SLUG)


def parse_amount(value, key: str) -> Decimal | None:
    """A whole number of đồng: an integer, or a string of digits with or without dots between
    thousands ("12.500.000.000"); not negative, below 10¹⁸."""
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip().replace(" ", "")
        if not _AMOUNT.match(text):
            raise RecordError(
                f"'{key}' must be a whole number of đồng (e.g. 12500000000 or \"12.500.000.000\"), "
                f"got {json.dumps(value, ensure_ascii=False)}"
            )
        value = int(text.replace(".", ""))
    if not 0 <= value <= MAX_AMOUNT:
        raise RecordError(f"'{key}' must be between 0 and {MAX_AMOUNT} đồng, got {value}")
    return Decimal(value)


def _year(record: dict, key: str) -> int | None:
    value = record.get(key)
    if value is not None and not MIN_YEAR <= value <= MAX_YEAR:
        raise RecordError(f"'{key}' must be a year between {MIN_YEAR} and {MAX_YEAR}, got {value}")
    return value


def _legal_documents(record: dict) -> list[tuple[int, str]]:
    """(legal document id, label) of ``legal_documents``: objects with ``number`` (required),
    ``year`` (the year of issue, needed when several documents on the portal share the number) and
    ``label`` (the document's role: "Quyết định phê duyệt dự án")."""
    out = []
    for i, entry in enumerate(record.get("legal_documents") or [], start=1):
        where = f"legal_documents[{i}]"
        if not isinstance(entry, dict) or not set(entry) <= {"number", "year", "label"} or "number" not in entry:
            raise RecordError(f"{where} must be an object with 'number' and optionally 'year' and 'label'")
        number, year, label = entry["number"], entry.get("year"), entry.get("label", "")
        if not isinstance(number, str) or not number_key(number):
            raise RecordError(f"{where}.number must be a document number, e.g. 1246/QĐ-UBND")
        if year is not None and (not isinstance(year, int) or isinstance(year, bool)):
            raise RecordError(f"{where}.year must be a year (an integer)")
        if not isinstance(label, str):
            raise RecordError(f"{where}.label must be a string")
        found = LegalDocumentPage.objects.filter(number_key=number_key(number))
        if year is not None:
            found = found.filter(issued_on__year=year)
        ids = list(found.values_list("pk", flat=True)[:2])
        of_year = f" of {year}" if year is not None else ""
        if not ids:
            raise RecordError(f"{where}: legal document {number}{of_year} is not on the portal (import it first)")
        if len(ids) > 1:
            hint = "several share that number and year" if year is not None else "give its 'year'"
            raise RecordError(f"{where}: legal document {number}{of_year} is ambiguous ({hint})")
        out.append((ids[0], label.strip()))
    return out


def import_project(record: dict) -> str:
    PROJECT.check(record)
    slug = record_slug(record)
    kind = record_choice(record, "kind", ProjectKind)
    status = record_choice(record, "status", ProjectStatus)
    method = record_choice(record, "selection_method", SelectionMethod, required=False)
    start, end = _year(record, "start_year"), _year(record, "end_year")
    if start and end and end < start:
        raise RecordError(f"'end_year' {end} is before 'start_year' {start}")
    links = _legal_documents(record)
    index = projects_index()
    investor = get_or_create_named(Agency, record["investor"])
    field = get_or_create_named(Field, record["field"]) if (record.get("field") or "").strip() else None
    existing = ProjectPage.objects.child_of(index).filter(slug=slug).first()
    page = existing or ProjectPage(slug=slug)
    values = {
        "title": record["title"].strip(),
        "code": (record.get("code") or "").strip(),
        "kind": kind,
        "status": status,
        "investor_id": investor.pk,
        "field_id": field.pk if field else None,
        "location": (record.get("location") or "").strip(),
        "decided_on": record["decided_on"],
        "total_investment": parse_amount(record.get("total_investment"), "total_investment"),
        "capital_source": (record.get("capital_source") or "").strip(),
        "start_year": start,
        "end_year": end,
        "summary": (record.get("summary") or "").strip(),
        "body": text_to_html(record.get("body")),
        "bid_package": (record.get("bid_package") or "").strip(),
        "selection_method": method,
        "bid_opening_on": record.get("bid_opening_on"),
        "winning_bidder": (record.get("winning_bidder") or "").strip(),
        "contract_value": parse_amount(record.get("contract_value"), "contract_value"),
    }
    changed = assign(page, values) or existing is None
    stored = [(row.document_id, row.label) for row in page.legal_documents.all()] if existing else []
    if stored != links:
        page.legal_documents = [ProjectLegalDocument(document_id=pk, label=label) for pk, label in links]
        changed = True
    validate_page(page)
    return save_page(page, None if existing else index, changed)
