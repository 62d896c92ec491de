"""Build the demo portal (``manage.py seed_demo``) from the data files of ``home.demo_data``.

Plain functions, each idempotent: running the seed twice changes nothing the second time
(no new pages, revisions, images or documents). News and legal documents are JSON Lines
files imported as ``manage.py import_content`` imports them (``import_lines`` and the
registered handlers; a bad line stops the seed with ``FILE:LINE: reason``). Directives and
tasks are dated relative to the day of the seed (see ``demo_data``), so the tracking
dashboard shows every task status whenever the demo is built: their import records are
built here on the day and given to the same handlers. So the seed and ``import_content``
share one code path and one notion of identity; what the import format does not carry
(news pictures, document files, a directive's meeting, a task's details, extension,
manual state, the unit of a progress report) is set afterwards, with a new revision only
when something differs. Pictures and PDF files are generated here, without the network.
"""

import hashlib
import io
import random
import textwrap
import zlib
from collections import Counter
from datetime import date, timedelta
from decimal import Decimal
from functools import partial
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count, Min
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site

from consultation.demo import seed_drafts
from consultation.models import DraftComment, DraftPage
from directives.importing import get_or_create_named, import_directive, import_task
from directives.models import (
    Agency,
    DirectivePage,
    DocumentType,
    LegalDocumentAttachment,
    LegalDocumentPage,
    LegalDocumentRelation,
    Official,
    TaskPage,
    TaskProgressReport,
)
from directives.numbers import number_key
from directives.status import TaskStatus
from directives.tracking import task_stats
from editorial import royalties
from editorial.models import Genre, Royalty, RoyaltyScheme, RoyaltyShare
from news.models import NewsGalleryImage, NewsIndexPage, NewsPage
from organisation.demo import seed_organisation
from portal.demo_files import library_image
from portal.importing import assign, home_page, import_lines, text_to_html, validate_page
from portal.tasks import deferred_tasks
from portal.text import nfc, strip_marks
from portal.text import slug as ascii_slug
from procedures.demo import seed_procedures
from projects.demo import seed_projects
from questions.demo import seed_questions
from questions.models import Question, QuestionPage
from schedule.demo import seed_schedule

from . import demo_data as data
from .english import seed_english
from .models import AdministrativeLevel, AuthorityProfile, WebLink

# Tag on generated images and documents, so editors can find (and remove) them.
DEMO_TAG = "dữ liệu mẫu"


class DemoDataError(CommandError):
    """A demo data file that does not import; the message has one ``FILE:LINE: reason`` a line."""


def seed(stdout=None, today: date | None = None) -> dict[str, Counter]:
    """Create or update the whole demo portal; returns the outcome counts of each stage.

    ``today`` (default: the demo's day, ``LAST_DAY``: the demo is the archive of a district whose
    authority closed on 30 June 2025) anchors the relative dates of directives, tasks, questions and
    drafts for comment.
    """

    def say(line: str) -> None:
        if stdout is not None:
            stdout.write(line + "\n")

    today = today or data.LAST_DAY
    stages = [
        ("authority profile and home page", seed_authority),
        ("agencies", seed_agencies),
        ("links to other agencies", seed_web_links),
        ("document types", seed_document_types),
        ("news", seed_news),
        ("news pictures", seed_news_pictures),
        ("legal documents", seed_legal_documents),
        ("relations linked by number", seed_relation_links),
        ("legal document files", seed_attachments),
        ("officials", seed_officials),
        ("introduction, organisation and contacts", partial(seed_organisation, today)),
        ("leaders' work schedule", partial(seed_schedule, today)),
        ("directives", partial(seed_directives, today)),
        ("directive meetings", partial(seed_directive_meetings, today)),
        ("tasks", partial(seed_tasks, today)),
        ("task details", partial(seed_task_details, today)),
        (f"tasks by status on {today:%d/%m/%Y}", partial(task_status_counts, today)),
        ("royalties", seed_royalties),
        ("questions and answers", partial(seed_questions, today)),
        ("drafts for public comment", partial(seed_drafts, today)),
        ("administrative procedures", partial(seed_procedures, today)),
        ("projects, bidding and statistics", partial(seed_projects, today)),
        ("English pages (/en/)", seed_english),
    ]
    counts: dict[str, Counter] = {}
    # Search and reference indexing run once per object, after the transaction commits.
    with deferred_tasks(), transaction.atomic():
        for label, stage in stages:
            counts[label] = stage()
            say(f"{label}: {_describe(counts[label])}")
    return counts


def _describe(counter: Counter) -> str:
    return ", ".join(f"{key} {value}" for key, value in counter.items()) or "nothing to do"


def summary() -> dict[str, int]:
    """What the portal now holds (all of it, not only what the seed made)."""
    return {
        "news": NewsPage.objects.count(),
        "news categories": NewsIndexPage.objects.filter(numchild__gt=0).count(),
        "legal documents": LegalDocumentPage.objects.count(),
        "relations": LegalDocumentRelation.objects.count(),
        "relations linked": LegalDocumentRelation.objects.filter(target_page__isnull=False).count(),
        "directives": DirectivePage.objects.count(),
        "tasks": TaskPage.objects.count(),
        "progress reports": TaskProgressReport.objects.count(),
        "officials": Official.objects.count(),
        "agencies": Agency.objects.count(),
        "document types": DocumentType.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "royalty records": Royalty.objects.count(),
        "questions answered": QuestionPage.objects.live().count(),
        "questions in handling": Question.objects.exclude(page__live=True).count(),
        "drafts for comment": DraftPage.objects.count(),
        "comments on drafts": DraftComment.objects.count(),
    }


# --- authority ---------------------------------------------------------------------------


def seed_authority() -> Counter:
    """The authority profile site setting, the home page's title and intro, the site name."""
    counts = Counter()
    home = home_page()
    site = Site.objects.filter(root_page=home).first() or Site.objects.get(is_default_site=True)

    # The data migration creates Tỉnh (1), Huyện (2), Xã (3).
    level, _ = AdministrativeLevel.objects.get_or_create(
        name=data.AUTHORITY["administrative_level"], defaults={"rank": 2}
    )
    existed = AuthorityProfile.objects.filter(site=site).exists()
    profile = AuthorityProfile.for_site(site)
    if assign(profile, {**data.AUTHORITY, "administrative_level": level}):
        profile.save()
        counts["profile updated" if existed else "profile created"] += 1
    else:
        counts["profile unchanged"] += 1

    if home.title != data.HOME["title"] or home.intro != data.HOME["intro"]:
        home.title = data.HOME["title"]
        home.intro = data.HOME["intro"]
        home.save_revision().publish()
        counts["home page updated"] += 1
    else:
        counts["home page unchanged"] += 1

    if site.site_name != data.PORTAL_NAME:
        site.site_name = data.PORTAL_NAME
        site.save(update_fields=["site_name"])
    return counts


# --- taxonomy ----------------------------------------------------------------------------


def _upsert_named(model, name: str, fields: dict) -> str:
    """Create the named row, or bring its other fields up to date; returns what happened."""
    obj = model.objects.filter(name__iexact=name).first()
    if obj is None:
        model.objects.create(name=name, **fields)
        return "created"
    if assign(obj, fields):
        obj.save()
        return "updated"
    return "unchanged"


def seed_web_links() -> Counter:
    counts = Counter()
    for order, link in enumerate(data.WEB_LINKS):
        fields = {"name": link["name"], "group": link["group"], "sort_order": (order + 1) * 10}
        obj = WebLink.objects.filter(url=link["url"]).first()
        if obj is None:
            WebLink.objects.create(url=link["url"], **fields)
            counts["created"] += 1
        elif assign(obj, fields):
            obj.save()
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
    return counts


def seed_agencies() -> Counter:
    return Counter(
        _upsert_named(
            Agency,
            agency["name"],
            {
                "short_code": agency["short_code"],
                "parent": Agency.objects.get(name=agency["parent"]) if agency["parent"] else None,
            },
        )
        for agency in data.AGENCIES
    )


def seed_document_types() -> Counter:
    return Counter(
        _upsert_named(
            DocumentType,
            kind["name"],
            {"abbreviation": kind["abbreviation"], "is_normative": kind["is_normative"]},
        )
        for kind in data.DOCUMENT_TYPES
    )


# --- news --------------------------------------------------------------------------------


def import_file(path: Path) -> Counter:
    """Import a JSON Lines file as ``manage.py import_content`` does; the outcome counts.

    Any bad line raises ``DemoDataError`` naming every bad line as ``FILE:LINE: reason``
    (the good lines were imported; the seed's transaction takes them back).
    """
    with open(path, encoding="utf-8-sig") as handle:
        lines = handle.read().splitlines()
    report = import_lines(lines)
    if report.errors:
        try:
            shown = path.relative_to(settings.BASE_DIR)
        except ValueError:
            shown = path
        raise DemoDataError("\n".join(f"{shown}:{lineno}: {message}" for lineno, message in report.errors))
    outcomes = {"created": report.created, "updated": report.updated, "unchanged": report.unchanged}
    return Counter({outcome: n for outcome, n in outcomes.items() if n})


def seed_news() -> Counter:
    return import_file(data.NEWS_FILE)


def seed_news_pictures() -> Counter:
    """Lead images and photo albums, added only to articles that have none."""
    counts = Counter()
    slugs = list(dict.fromkeys([*data.NEWS_LEAD_IMAGES, *data.NEWS_GALLERIES]))
    for slug in slugs:
        page = NewsPage.objects.filter(slug=slug).first()  # as news.importing finds it
        changed = False
        lead_title = data.NEWS_LEAD_IMAGES.get(slug)
        if lead_title and page.lead_image_id is None:
            page.lead_image = demo_image(lead_title, counts)
            counts["lead images set"] += 1
            changed = True
        album = data.NEWS_GALLERIES.get(slug)
        if album and not page.gallery_images.exists():
            for picture in album:
                image = demo_image(picture["title"], counts)
                page.gallery_images.add(NewsGalleryImage(image=image, caption=picture["caption"]))
            counts["albums added"] += 1
            changed = True
        if changed:
            page.save_revision().publish()
        else:
            counts["unchanged"] += 1
    return counts


def demo_image(title: str, counts: Counter):
    """The library image with this title, generated if there is none."""
    image, created = library_image(title, f"Ảnh minh họa: {title}", lambda: picture_bytes(title), DEMO_TAG)
    if created:
        counts["images created"] += 1
    return image


def picture_bytes(key: str, size: tuple[int, int] = (800, 450)) -> bytes:
    """A small JPEG: a two-colour gradient sky, a sun, hills and a row of buildings.

    Deterministic for a given ``key`` (the same title gives the same picture).
    """
    rng = random.Random(zlib.crc32(key.encode()))  # noqa: S311 - picture variety, not security
    width, height = size
    top = tuple(rng.randrange(60, 200) for _ in range(3))
    bottom = tuple(rng.randrange(150, 255) for _ in range(3))
    mask = PILImage.linear_gradient("L").resize(size)
    picture = PILImage.composite(PILImage.new("RGB", size, bottom), PILImage.new("RGB", size, top), mask)
    draw = ImageDraw.Draw(picture)
    sun_x, sun_r = rng.randrange(width // 8, width - width // 8), rng.randrange(30, 60)
    draw.ellipse([sun_x - sun_r, 60 - sun_r // 2, sun_x + sun_r, 60 + sun_r * 3 // 2], fill=(255, 226, 120))
    for layer in range(3):
        base = height * (0.55 + 0.12 * layer)
        shade = tuple(max(0, c - 40 * (layer + 1)) for c in (90, 160, 90))
        points = [(0, height)] + [
            (x, base - rng.randrange(0, 70)) for x in range(0, width + 100, rng.randrange(90, 160))
        ]
        draw.polygon([*points, (width, height)], fill=shade)
    x = rng.randrange(20, 120)
    while x < width - 60:
        w, h = rng.randrange(30, 70), rng.randrange(40, 140)
        colour = tuple(rng.randrange(170, 240) for _ in range(3))
        draw.rectangle([x, height - 20 - h, x + w, height - 20], fill=colour, outline=(80, 80, 80))
        x += w + rng.randrange(10, 60)
    draw.rectangle([0, height - 20, width, height], fill=(70, 70, 70))
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=82)
    return buffer.getvalue()


# --- legal documents ---------------------------------------------------------------------


def seed_legal_documents() -> Counter:
    return import_file(data.LEGAL_DOCUMENTS_FILE)


def seed_relation_links() -> Counter:
    linked = link_pending_relations()
    pending = LegalDocumentRelation.objects.filter(target_page__isnull=True).count()
    return Counter({"linked now": linked, "held by number only": pending})


def link_pending_relations() -> int:
    """Link relations held by number whose target is now on the portal, once and unambiguously.

    A relation imported before its target holds only the target's number. When exactly one
    document has that number key, point the relation at it; when several do (a number alone
    is not unique), leave it by number.
    """
    pending = LegalDocumentRelation.objects.filter(target_page__isnull=True).exclude(target_number_key="")
    keys = set(pending.values_list("target_number_key", flat=True))
    if not keys:
        return 0
    unique_targets = (
        LegalDocumentPage.objects.filter(number_key__in=keys)
        .order_by()  # Page's default ordering (path) would otherwise split the groups
        .values("number_key")
        .annotate(n=Count("id"), target=Min("id"))
        .filter(n=1)
    )
    return sum(
        pending.filter(target_number_key=row["number_key"]).update(target_page_id=row["target"])
        for row in unique_targets
    )


def seed_attachments() -> Counter:
    """A generated PDF "full text" for some documents, added only where there is no file."""
    counts = Counter()
    records = {(r["number"], _first(r["issuing_body"])): r for r in data.LEGAL_DOCUMENTS}
    for item in data.DOCUMENTS_WITH_PDF:
        number, body = item["number"], item["issuing_body"]
        record = records[(number, body)]
        page = LegalDocumentPage.objects.select_related("issuing_body").get(
            number_key=number_key(number),
            issuing_body__name=body,
            issued_on__year=int(record["issued_on"][:4]),
        )
        if page.attachments.exists():
            counts["unchanged"] += 1
            continue
        page.attachments.add(LegalDocumentAttachment(document=demo_pdf_document(page, counts), title="Toàn văn"))
        page.save_revision().publish()
        counts["files attached"] += 1
    return counts


def _first(value) -> str:
    return value[0] if isinstance(value, list) else value


def demo_pdf_document(page: LegalDocumentPage, counts: Counter):
    Document = get_document_model()
    title = f"Toàn văn {page.title} ({page.issuing_body.name}, {page.issued_on.year})"
    document = Document.objects.filter(title=title).first()
    if document is not None:
        return document
    content = pdf_bytes(
        title=f"{page.title} – {page.summary}",
        lines=[
            data.PORTAL_NAME.upper(),
            "",
            page.issuing_body.name,
            f"So: {page.number}",
            f"Ngay ban hanh: {page.issued_on:%d/%m/%Y}",
            "",
            page.document_type.name.upper(),
            *textwrap.wrap(page.summary, 80),
            "",
            "Ban dien tu minh hoa, tao tu dong cho ban demo cua cong thong tin.",
        ],
    )
    document = Document(
        title=title,
        file=ContentFile(content, name=f"{ascii_slug(page.number)}-{page.issued_on.year}.pdf"),
        file_size=len(content),
        file_hash=hashlib.sha1(content, usedforsecurity=False).hexdigest(),
    )
    document.save()
    document.tags.add(DEMO_TAG)
    counts["PDF files created"] += 1
    return document


def pdf_bytes(title: str, lines: list[str]) -> bytes:
    """A minimal valid one-page PDF (Helvetica, so the visible text is written without marks).

    The document information dictionary keeps ``title`` exactly, in UTF-16.
    """
    text_ops = ["BT", "/F1 12 Tf", "16 TL", "56 780 Td"]
    for line in lines:
        text_ops.append(f"({_pdf_text(line)}) Tj T*")
    text_ops.append("ET")
    stream = "\n".join(text_ops).encode("ascii")
    title_hex = "FEFF" + title.encode("utf-16-be").hex().upper()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        f"<< /Title <{title_hex}> /Producer (seed_demo) >>".encode("ascii"),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref_at)
    return bytes(out)


def _pdf_text(text: str) -> str:
    """ASCII for a PDF string literal: marks dropped (đ→d), delimiters escaped."""
    ascii_text = strip_marks(text.replace("–", "-").replace("—", "-")).encode("ascii", "replace").decode("ascii")
    return ascii_text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


# --- directives and tasks ----------------------------------------------------------------


def _day(today: date, offset: int | None) -> date | None:
    return None if offset is None else today + timedelta(days=offset)


def _iso(today: date, offset: int | None) -> str | None:
    day = _day(today, offset)
    return day.isoformat() if day else None


def seed_officials() -> Counter:
    """The directing leaders, by (name, position), with their agency and public contacts."""
    counts = Counter()
    agency = Agency.objects.get(name=data.UBND_HUYEN)
    for item in data.OFFICIALS:
        name, position = item["name"], item["position"]
        values = {"agency": agency, "phone": item["phone"], "email": item["email"]}
        official = Official.objects.filter(name=name, position=position).first()
        if official is None:
            Official.objects.create(name=name, position=position, **values)
            counts["created"] += 1
        elif assign(official, values):
            official.save()
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
    return counts


def directive_record(item: dict, today: date) -> dict:
    """A ``directive`` import record (docs/import-format.md) for a DIRECTIVES entry."""
    return {
        "type": "directive",
        "number": item["number"],
        "kind": item["kind"],
        "issued_on": _iso(today, item["issued"]),
        "summary": item["summary"],
        "directing_leader": item["directing_leader"],
        "directing_leader_title": item["directing_leader_title"],
        "body": item["body"],
    }


def task_record(item: dict, today: date) -> dict:
    """A ``task`` import record for a TASKS entry, its day offsets turned into dates."""
    record = {
        "type": "task",
        "code": item["code"],
        "title": item["title"],
        "source_directive": item.get("source_directive"),
        "lead_unit": item["lead_unit"],
        "coordinating_units": item.get("coordinating_units") or None,
        "assigned_on": _iso(today, item["assigned"]),
        "deadline": _iso(today, item["deadline"]),
        "completed_on": _iso(today, item["completed"]),
        "progress": [
            {"date": _iso(today, row["day"]), "percent": row["percent"], "content": row["content"]}
            for row in item.get("progress", [])
        ]
        or None,
    }
    return {key: value for key, value in record.items() if value is not None}


def tracking_records(today: date) -> list[dict]:
    """The demo's directives and tasks as import records, in an order that imports."""
    return [directive_record(d, today) for d in data.DIRECTIVES] + [task_record(t, today) for t in data.TASKS]


def seed_directives(today: date) -> Counter:
    return Counter(import_directive(nfc(directive_record(item, today))) for item in data.DIRECTIVES)


def _directive(item: dict, today: date) -> DirectivePage:
    """The page of a DIRECTIVES entry, found as ``directives.importing`` finds it."""
    issued_on = _day(today, item["issued"])
    return DirectivePage.objects.get(number_key=number_key(item["number"]), issued_on__year=issued_on.year)


def seed_directive_meetings(today: date) -> Counter:
    """The meeting (subject, date, place) of each conclusion notice, which the import lacks."""
    counts = Counter()
    for item in data.DIRECTIVES:
        meeting = item.get("meeting") or {"subject": "", "day": None, "place": ""}
        page = _directive(item, today)
        values = {
            "meeting_subject": meeting["subject"],
            "meeting_date": _day(today, meeting["day"]),
            "meeting_place": meeting["place"],
        }
        if assign(page, values):
            validate_page(page)
            page.save_revision().publish()
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
    return counts


def seed_tasks(today: date) -> Counter:
    return Counter(import_task(nfc(task_record(item, today))) for item in data.TASKS)


def seed_task_details(today: date) -> Counter:
    """Details, expected output, extension, manual state and progress units (not in the import).

    The demo data is authoritative for these: a task without an "extension" entry has none
    (a seed on a later day moves deadlines, which the import records as an extension).
    """
    counts = Counter()
    units = {}

    def unit(name: str) -> Agency:
        if name not in units:
            units[name] = get_or_create_named(Agency, name)
        return units[name]

    for item in data.TASKS:
        page = TaskPage.objects.get(code=item["code"])
        extension = item.get("extension") or {"original_deadline": None, "reason": "", "extended_on": None}
        changed = assign(
            page,
            {
                "details": text_to_html(item.get("details")),
                "expected_output": item.get("expected_output", ""),
                "original_deadline": _day(today, extension["original_deadline"]),
                "extension_reason": extension["reason"],
                "extended_on": _day(today, extension["extended_on"]),
                "manual_state": item.get("manual_state", ""),
            },
        )
        rows = list(page.progress_reports.order_by("sort_order", "pk"))
        wanted = [unit(row.get("unit", item["lead_unit"])).pk for row in item.get("progress", [])]
        if [row.unit_id for row in rows] != wanted:
            for row, unit_id in zip(rows, wanted):
                row.unit_id = unit_id
            page.progress_reports.set(rows)
            changed = True
        if changed:
            validate_page(page)
            page.save_revision().publish()
            counts["updated"] += 1
        else:
            counts["unchanged"] += 1
    return counts


def task_status_counts(today: date) -> Counter:
    """How many public tasks have each status today (labels as the dashboard shows them)."""
    counts = task_stats(TaskPage.objects.live().public(), today).overall.counts
    return Counter({str(TaskStatus(code).label): n for code, n in counts.items()})


# --- royalties ---------------------------------------------------------------------------------


def seed_royalties() -> Counter:
    """A provincial royalty scheme (the Ninh Thuận 2020 example of domain.md §7, district rate
    20 %) and an approved royalty for every demo article: author 70 %, photographer 30 % (or the
    author alone). Articles that already have a royalty are left alone."""
    counts = Counter()
    scheme, created = RoyaltyScheme.objects.get_or_create(valid_from=data.ROYALTY_SCHEME["valid_from"], defaults={
        k: v for k, v in data.ROYALTY_SCHEME.items() if k not in ("valid_from", "genres")})  # fmt: skip
    counts["scheme created" if created else "scheme unchanged"] += 1
    genres = {}
    for order, genre in enumerate(data.ROYALTY_SCHEME["genres"]):
        genres[genre["name"]], _ = Genre.objects.get_or_create(
            scheme=scheme,
            name=genre["name"],
            defaults={
                "min_coefficient": genre["min_coefficient"],
                "max_coefficient": genre["max_coefficient"],
                "sort_order": order,
            },
        )
    paid_for = set(Royalty.objects.values_list("page_id", flat=True))
    for page in NewsPage.objects.live().exclude(pk__in=paid_for).order_by("published_on", "pk"):
        if page.published_on < scheme.valid_from:
            continue
        genre = genres["Tin có ảnh"] if page.lead_image_id else genres["Tin không ảnh"]
        record = Royalty(page=page, genre=genre, coefficient=genre.min_coefficient)
        record.full_clean()
        record.save()
        author = page.author or "Ban Biên tập"
        if page.photographer and page.photographer != author:
            shares = [(author, "tác giả", Decimal("70")), (page.photographer, "ảnh", Decimal("30"))]
        else:
            shares = [(author, "tác giả", Decimal("100"))]
        RoyaltyShare.objects.bulk_create(
            RoyaltyShare(royalty=record, contributor=who, role=role, share=share, sort_order=n)
            for n, (who, role, share) in enumerate(shares)
        )
        royalties.approve(record, None)
        counts["records approved"] += 1
    return counts
