"""The JSON Lines import framework behind ``manage.py import_content``.

The format is a contract (``docs/import-format.md``): one JSON object per line, a
``type`` key choosing a record handler, unknown keys rejected, text normalised to NFC,
ISO dates, upsert by natural key, one transaction per record. Handlers live with their
domain's app, which registers each record type from its ``AppConfig.ready()``
(``register_record_type``). ``content_imported`` is sent after a run that created or updated
something (the search app then optimizes its index).
"""

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import islice

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.dispatch import Signal
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Page

from .tasks import deferred_tasks, deferring
from .text import nfc
from .text import slug as ascii_slug


class RecordError(Exception):
    """A record that cannot be imported; the message says why, in plain words."""


class Strings:
    """Marks a key whose value is a list of non-empty strings."""


@dataclass(frozen=True)
class Spec:
    """What keys a record type takes, and their types (``date``, ``Strings``, or Python types)."""

    required: dict[str, type | tuple]
    optional: dict[str, type | tuple] = field(default_factory=dict)

    def check(self, record: dict) -> None:
        allowed = {"type", *self.required, *self.optional}
        unknown = sorted(set(record) - allowed)
        if unknown:
            raise RecordError(f"unknown key(s): {', '.join(unknown)}")
        missing = [k for k in self.required if record.get(k) in (None, "", [])]
        if missing:
            raise RecordError(f"missing required key(s): {', '.join(missing)}")
        for key, expected in {**self.required, **self.optional}.items():
            value = record.get(key)
            if value is None:
                continue
            if expected is date:
                record[key] = parse_date(value, key)
                continue
            kinds = expected if isinstance(expected, tuple) else (expected,)
            if not any(_matches(value, kind) for kind in kinds):
                wanted = " or ".join(_TYPE_NAMES[kind] for kind in kinds)
                raise RecordError(f"'{key}' must be {wanted}, got {json.dumps(value, ensure_ascii=False)}")


def _matches(value, kind) -> bool:
    if kind is Strings:
        return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
    if kind is bool:
        return isinstance(value, bool)
    return isinstance(value, kind) and not isinstance(value, bool)


_TYPE_NAMES = {
    str: "a string",
    Strings: "a list of non-empty strings",
    list: "a list",
    dict: "an object",
    int: "an integer",
    bool: "true or false",
}


def parse_date(value, key: str) -> date:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise RecordError(f"'{key}' must be a date YYYY-MM-DD, got {json.dumps(value, ensure_ascii=False)}")


def as_list(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def record_slug(record: dict) -> str:
    """The record's ``slug``, stripped; a slug Django would not produce (capitals, spaces, marks…)
    is refused by name."""
    slug = record["slug"].strip()
    if slugify(slug, allow_unicode=True) != slug:
        raise RecordError(f"'slug' {slug!r} is not a valid slug (lower case letters, digits and hyphens)")
    return slug


def record_choice(record: dict, key: str, choices, required: bool = True) -> str:
    """The code ``record[key]`` among ``choices`` (Django ``TextChoices``); the error lists the codes
    with their labels. Empty is ``""`` when not ``required``."""
    value = (record.get(key) or "").strip()
    if not value and not required:
        return ""
    if value not in choices.values:
        listed = ", ".join(f"{code} ({label})" for code, label in choices.choices)
        raise RecordError(f"'{key}' must be one of {listed}; got {json.dumps(value, ensure_ascii=False)}")
    return value


def text_to_html(text: str | None) -> str:
    """Plain text to rich text: blank lines separate paragraphs, single newlines are kept."""
    if not text:
        return ""
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "".join("<p>" + escape(p).replace("\n", "<br/>") + "</p>" for p in paragraphs)


def home_page():
    """The portal's root page: the default site's root when it is a ``PORTAL_ROOT_PAGE_MODEL``
    page, else the first page of that model."""
    from wagtail.models import Site

    HomePage = apps.get_model(settings.PORTAL_ROOT_PAGE_MODEL)  # noqa: N806

    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    home = HomePage.objects.order_by("depth", "path").first()
    if home is None:
        raise RecordError("the portal has no home page: run 'manage.py migrate' first")
    return home


def ensure_child(parent: Page, model, title: str, slug: str | None = None, **fields) -> Page:
    """The live child page of ``model`` with this title under ``parent``, created if needed."""
    existing = model.objects.child_of(parent).filter(title=title).first()
    if existing is not None:
        return existing
    page = model(title=title, slug=find_available_slug(parent, slug or ascii_slug(title)), **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_section(model, title: str, slug: str) -> Page:
    """The index page of a one-per-portal section (``model``) under the home page, created if
    missing; an existing one is kept whatever its title."""
    home = home_page()
    return model.objects.child_of(home).first() or ensure_child(home, model, title, slug)


def save_page(page: Page, parent: Page | None, changed: bool) -> str:
    """Create (under ``parent``) or update ``page`` and publish it; returns what happened."""
    if parent is not None:
        page.slug = find_available_slug(parent, page.slug or ascii_slug(page.title))
        parent.add_child(instance=page)
        page.save_revision().publish()
        return "created"
    if not changed:
        return "unchanged"
    page.save_revision().publish()
    return "updated"


def assign(obj, values: dict) -> bool:
    """Set the attributes of ``obj`` that differ from ``values``; True if any did."""
    changed = False
    for key, value in values.items():
        if getattr(obj, key) != value:
            setattr(obj, key, value)
            changed = True
    return changed


def validate_page(page: Page) -> None:
    """Run the model's own validation; turn Django's errors into one readable message."""
    try:
        page.clean()
    except ValidationError as exc:
        raise validation_record_error(exc) from exc


def validation_record_error(exc: ValidationError) -> RecordError:
    """Django's validation errors as one readable ``RecordError`` ("field: message; …")."""
    if hasattr(exc, "message_dict"):
        parts = [f"{k}: {' '.join(v)}" if k != "__all__" else " ".join(v) for k, v in exc.message_dict.items()]
    else:
        parts = exc.messages
    return RecordError("; ".join(parts))


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


Handler = Callable[[dict], str]
#: Takes the consecutive records of its type in a batch, as ``(line number, record)``, and returns
#: one outcome per record, in order: "created", "updated", "unchanged", or the ``RecordError`` of a
#: record it refused. It may store records together (``portal.bulk_pages``) and hand any record to
#: ``import_one`` (the single path: one transaction, the type's own handler).
BulkHandler = Callable[[list[tuple[int, dict]]], list[str | RecordError]]
# Search-index and reference-index updates are run once per this many lines (portal/tasks.py).
BATCH_SIZE = 500

_handlers: dict[str, Handler] = {}
_bulk_handlers: dict[str, BulkHandler] = {}

#: Sent (``sender=None``, ``report=``) after an import, not a dry run, that created or updated records
#: and whose indexing is done: not when the import runs inside an enclosing ``deferred_tasks()``
#: block (e.g. the demo seed), whose indexing runs when that block ends.
content_imported = Signal()


def register_record_type(name: str, handler: Handler, bulk: BulkHandler | None = None) -> None:
    """Make ``{"type": name, …}`` lines importable by ``handler`` (record → "created", "updated"
    or "unchanged"; raises ``RecordError``). Called from the owning app's ``AppConfig.ready()``.

    ``bulk``, if given, imports runs of consecutive records of this type together (a portal's
    migration: thousands of documents); it must give each record the outcome ``handler`` would.
    """
    if _handlers.get(name, handler) is not handler:
        raise ValueError(f"record type {name!r} is already registered")
    _handlers[name] = handler
    if bulk is not None:
        _bulk_handlers[name] = bulk


def handlers() -> dict[str, Handler]:
    """The registered record types and their handlers."""
    return dict(_handlers)


def import_one(handler: Handler, record: dict) -> str | RecordError:
    """``handler(record)`` in its own transaction; a refusal or a conflict with stored content is
    returned as the ``RecordError`` that names it (and the record's writes are rolled back)."""
    try:
        with deferred_tasks(), transaction.atomic():
            return handler(record)
    except RecordError as exc:
        return exc
    except IntegrityError as exc:
        return RecordError(f"conflicts with stored content ({exc})")


def import_lines(lines: Iterable[str], dry_run: bool = False, progress: Callable | None = None) -> ImportReport:
    """Import JSON lines; each record is atomic, bad lines are reported with their number.

    With ``dry_run`` every record is validated and written inside a transaction that is
    rolled back at the end, so later lines can refer to earlier ones exactly as in a real
    run, and nothing is stored.
    """
    report = ImportReport()
    registry = handlers()

    def run():
        numbered = enumerate(lines, start=1)
        # Search and reference indexing run once per batch of lines (portal/tasks.py).
        while batch := list(islice(numbered, BATCH_SIZE)):
            with deferred_tasks():
                _import_batch(batch, registry, report, progress)

    if dry_run:
        with transaction.atomic():
            run()
            transaction.set_rollback(True)
    else:
        run()
        if (report.created or report.updated) and not deferring():
            content_imported.send(sender=None, report=report)
    return report


def _import_batch(batch, registry: dict, report: ImportReport, progress: Callable | None) -> None:
    """The batch's records in order; a run of consecutive records of a type with a bulk handler
    goes to that handler at once."""
    parsed: list[tuple[int, dict | RecordError]] = []
    for lineno, line in batch:
        if progress:
            progress()
        if line.strip():
            try:
                parsed.append((lineno, _parse(line, registry)))
            except RecordError as exc:
                parsed.append((lineno, exc))
    i = 0
    while i < len(parsed):
        lineno, record = parsed[i]
        kind = record["type"] if isinstance(record, dict) else None
        bulk = _bulk_handlers.get(kind)
        if bulk is None:
            outcomes = [record if isinstance(record, RecordError) else import_one(registry[kind], record)]
            run = [(lineno, record)]
        else:
            end = i
            while end < len(parsed) and isinstance(parsed[end][1], dict) and parsed[end][1]["type"] == kind:
                end += 1
            run = parsed[i:end]
            outcomes = bulk(run)
            if len(outcomes) != len(run):
                raise RuntimeError(f"the bulk handler of {kind!r} gave {len(outcomes)} outcomes for {len(run)} records")
        for (run_lineno, _record), outcome in zip(run, outcomes, strict=True):
            if isinstance(outcome, RecordError):
                report.errors.append((run_lineno, str(outcome)))
            else:
                report.count(outcome)
        i += len(run)


def _parse(line: str, registry: dict) -> dict:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise RecordError(f"invalid JSON: {exc.msg} (column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise RecordError("each line must be a JSON object")
    kind = record.get("type")
    if kind not in registry:
        known = ", ".join(sorted(registry))
        raise RecordError(f"unknown type {json.dumps(kind, ensure_ascii=False)} (known: {known})")
    return nfc(record)
