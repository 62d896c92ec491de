"""Import of ``draft`` records (docs/import-format.md): drafts opened for public comment.

Natural key: ``slug``. The draft goes under the single "Lấy ý kiến dự thảo" page (``/lay-y-kien/``),
created under the home page when missing; the drafting unit is an agency, matched
case-insensitively and created when new. Files and comments are not in the format.
"""

from datetime import date

from directives.importing import get_or_create_named
from directives.models import Agency
from portal.importing import (
    RecordError,
    Spec,
    assign,
    ensure_section,
    record_slug,
    save_page,
    text_to_html,
    validate_page,
)

from .models import DraftIndexPage, DraftPage

DRAFT = Spec(
    required={
        "slug": str,
        "title": str,
        "summary": str,
        "drafting_unit": str,
        "opens_on": date,
        "closes_on": date,
    },
    optional={"body": str, "contact": str},
)

INDEX_TITLE = "Lấy ý kiến dự thảo văn bản"
INDEX_SLUG = "lay-y-kien"


def draft_index() -> DraftIndexPage:
    return ensure_section(DraftIndexPage, INDEX_TITLE, INDEX_SLUG)


def import_draft(record: dict) -> str:
    DRAFT.check(record)
    slug = record_slug(record)
    if record["closes_on"] < record["opens_on"]:
        raise RecordError(
            f"'closes_on' {record['closes_on'].isoformat()} is before 'opens_on' {record['opens_on'].isoformat()}"
        )
    index = draft_index()
    unit = get_or_create_named(Agency, record["drafting_unit"])
    existing = DraftPage.objects.child_of(index).filter(slug=slug).first()
    page = existing or DraftPage(slug=slug)
    values = {
        "title": record["title"].strip(),
        "summary": record["summary"].strip(),
        "drafting_unit_id": unit.pk,
        "opens_on": record["opens_on"],
        "closes_on": record["closes_on"],
        "body": text_to_html(record.get("body")),
        "contact": (record.get("contact") or "").strip(),
    }
    changed = assign(page, values) or existing is None
    validate_page(page)
    return save_page(page, None if existing else index, changed)
