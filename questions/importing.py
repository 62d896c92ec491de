"""Import of ``question`` records: questions already answered on an earlier portal
(docs/import-format.md). Published as they are; no contact data is imported."""

from datetime import date

from directives.importing import get_or_create_named
from directives.models import Agency, Field
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

from .models import Kind, QuestionIndexPage, QuestionPage

QUESTION = Spec(
    required={"slug": str, "title": str, "asked_on": date, "question": str, "answer": str, "answered_on": date},
    optional={"kind": str, "field": str, "asker": str, "unit": str},
)


def questions_section() -> QuestionIndexPage:
    return ensure_section(QuestionIndexPage, "Hỏi đáp", "hoi-dap")


def import_question(record: dict) -> str:
    QUESTION.check(record)
    slug = record_slug(record)
    kind = (record.get("kind") or Kind.QUESTION).strip()
    if kind not in Kind.values:
        raise RecordError(f"'kind' must be one of {', '.join(Kind.values)}, not {kind!r}")
    if record["answered_on"] < record["asked_on"]:
        raise RecordError("'answered_on' is before 'asked_on'")
    if not record["answer"].strip():
        raise RecordError("'answer' is empty: only answered questions are imported")
    field = get_or_create_named(Field, record["field"]) if (record.get("field") or "").strip() else None
    unit = get_or_create_named(Agency, record["unit"]) if (record.get("unit") or "").strip() else None
    existing = QuestionPage.objects.filter(slug=slug).first()
    page = existing or QuestionPage(slug=slug)
    values = {
        "title": record["title"].strip(),
        "kind": kind,
        "field": field,
        "asker": (record.get("asker") or "").strip(),
        "asked_on": record["asked_on"],
        "question": record["question"].strip(),
        "answer": text_to_html(record["answer"]),
        "answering_unit": unit,
        "answered_on": record["answered_on"],
    }
    changed = assign(page, values) or existing is None
    page.live = True  # validated as it will be published
    validate_page(page)
    if existing is None:
        page.live = False
    return save_page(page, questions_section() if existing is None else None, changed)
