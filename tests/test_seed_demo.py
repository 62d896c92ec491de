"""``manage.py seed_demo``: a believable demo portal, and safe to run again."""

import io
import json
import re
from collections import Counter
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import F
from django.test import override_settings
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site

from consultation.models import DraftPage
from directives.models import (
    Agency,
    DirectiveKind,
    DirectivePage,
    DocumentType,
    LegalDocumentPage,
    LegalDocumentRelation,
    ManualState,
    Official,
    TaskIndexPage,
    TaskPage,
    TaskProgressReport,
)
from directives.status import TaskStatus
from directives.tracking import task_stats
from directives.validity import ValidityStatus
from home import demo_data
from home.demo import (
    DemoDataError,
    import_file,
    link_pending_relations,
    pdf_bytes,
    picture_bytes,
    seed,
    tracking_records,
)
from home.models import AuthorityProfile, HomePage
from news.models import NewsGalleryImage, NewsIndexPage, NewsPage
from portal.importing import home_page, import_lines
from questions.models import Question, QuestionPage
from schedule.models import ScheduleEntry

# The day the demo data was written; "future" and "past" in the data are relative to it.
WRITTEN_ON = date(2026, 11, 29)
INSPECTION_SLUG = "so-tttt-kiem-tra-cong-thong-tin-giao-tiep-dien-tu-huyen-vinh-tuong"


def snapshot() -> dict:
    """Everything a second run must leave exactly as it was."""
    return {
        "pages": Counter(Page.objects.values_list("content_type__model", flat=True)),
        "revisions": Revision.objects.count(),
        "news revisions": Revision.page_revisions.filter(object_id__in=_ids(NewsPage)).count(),
        "legal revisions": Revision.page_revisions.filter(object_id__in=_ids(LegalDocumentPage)).count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "gallery images": NewsGalleryImage.objects.count(),
        "attachments": LegalDocumentPage.objects.filter(attachments__isnull=False).count(),
        "relations": sorted(
            LegalDocumentRelation.objects.values_list("source_id", "relation_type", "target_number", "target_page_id")
        ),
        "agencies": sorted(Agency.objects.values_list("name", "short_code", "parent__name")),
        "document types": DocumentType.objects.count(),
        "profiles": AuthorityProfile.objects.count(),
        "directive revisions": Revision.page_revisions.filter(object_id__in=_ids(DirectivePage)).count(),
        "task revisions": Revision.page_revisions.filter(object_id__in=_ids(TaskPage)).count(),
        "officials": sorted(Official.objects.values_list("name", "position", "agency__name", "phone", "email")),
        "tasks": sorted(
            TaskPage.objects.values_list(
                "code", "source_directive_id", "lead_unit_id", "deadline", "original_deadline", "manual_state"
            )
        ),
        "coordinating units": sorted(
            TaskPage.coordinating_units.through.objects.values_list("taskpage_id", "agency_id")
        ),
        "progress reports": sorted(
            TaskProgressReport.objects.values_list("pk", "task_id", "date", "percent", "unit_id", "content")
        ),
    }


def _ids(model) -> list[str]:
    return [str(pk) for pk in model.objects.values_list("pk", flat=True)]


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    """Seed once, then again through the command; rolled back after the module."""
    media = tmp_path_factory.mktemp("seed-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        today = demo_data.LAST_DAY  # the demo stands on the district's last day
        first_counts = seed()
        first = snapshot()
        output = io.StringIO()
        call_command("seed_demo", stdout=output)
        second = snapshot()
        pdf = LegalDocumentPage.objects.get(number="42/2022/NĐ-CP").attachments.get().document
        with pdf.file.open("rb") as handle:
            pdf_content = handle.read()
        yield {
            "first counts": first_counts,
            "first": first,
            "second": second,
            "output": output.getvalue(),
            "pdf": pdf_content,
            "today": today,
        }
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


# --- running twice ----------------------------------------------------------------------


def test_second_run_changes_nothing(seeded):
    assert seeded["first"] == seeded["second"]


def test_first_run_created_and_second_run_reports_unchanged(seeded):
    first = seeded["first counts"]
    assert first["news"]["created"] == len(demo_data.NEWS)
    assert first["legal documents"]["created"] == len(demo_data.LEGAL_DOCUMENTS)
    output = seeded["output"]
    assert f"news: unchanged {len(demo_data.NEWS)}" in output
    assert f"legal documents: unchanged {len(demo_data.LEGAL_DOCUMENTS)}" in output
    assert first["directives"]["created"] == len(demo_data.DIRECTIVES)
    assert first["tasks"]["created"] == len(demo_data.TASKS)
    for stage, n in [
        ("directives", demo_data.DIRECTIVES),
        ("tasks", demo_data.TASKS),
        ("task details", demo_data.TASKS),
    ]:
        assert f"{stage}: unchanged {len(n)}\n" in output
    assert f"officials: unchanged {len(demo_data.OFFICIALS)}\n" in output
    assert "created" not in output
    assert "Demo portal ready" in output


def test_every_seeded_page_is_live_and_published(seeded):
    from questions.models import Question, Status

    home = home_page()
    pages = Page.objects.descendant_of(home, inclusive=True)
    assert pages.count() > 60
    # … but the answer pages of the questions still being answered (drafts, not public)
    drafts = set(Question.objects.filter(status=Status.PROCESSING).values_list("page_id", flat=True))
    assert len(drafts) == 1
    assert set(pages.filter(live=False).values_list("pk", flat=True)) == drafts
    assert set(pages.filter(has_unpublished_changes=True).values_list("pk", flat=True)) == drafts


# --- the authority ----------------------------------------------------------------------


def test_authority_profile_and_home_page(seeded):
    site = Site.objects.get(is_default_site=True)
    profile = AuthorityProfile.for_site(site)
    assert profile.authority_name == "Ủy ban nhân dân huyện Vĩnh Tường"
    assert profile.administrative_level.name == "Huyện"
    assert profile.address and profile.phone and profile.email and profile.editorial_board_head
    home = HomePage.objects.get(pk=site.root_page_id)
    assert home.title == demo_data.PORTAL_NAME
    assert "Vĩnh Tường" in home.intro
    assert site.site_name == demo_data.PORTAL_NAME


# --- taxonomy ---------------------------------------------------------------------------


def test_agencies_with_codes_and_parents(seeded):
    assert Agency.objects.count() >= 15
    # Every issuing body named in the documents is one of the listed agencies (no strays
    # created by the import because of a spelling difference).
    assert Agency.objects.count() == len(demo_data.AGENCIES)
    department = Agency.objects.get(name="Phòng Tài nguyên và Môi trường")
    assert department.parent.name == "Ủy ban nhân dân huyện Vĩnh Tường"
    assert Agency.objects.get(name="Thủ tướng Chính phủ").short_code == "TTg"


def test_document_types_keep_their_flags(seeded):
    assert DocumentType.objects.count() == len(demo_data.DOCUMENT_TYPES)
    assert DocumentType.objects.get(name="Nghị định").is_normative
    decision = DocumentType.objects.get(name="Quyết định")
    assert (decision.abbreviation, decision.is_normative) == ("QĐ", False)
    assert DocumentType.objects.get(name="Công văn").abbreviation == ""


# --- news -------------------------------------------------------------------------------


def test_news_in_several_categories_over_the_years(seeded):
    news = NewsPage.objects.filter(locale__language_code="vi")  # the English translations: test_english_demo
    assert news.count() >= 20
    categories = {page.category for page in news}
    assert len(categories) >= 4
    assert NewsIndexPage.objects.filter(locale__language_code="vi").count() == len(categories)
    years = {page.published_on.year for page in news}
    assert {2019, 2025} <= years
    for page in news:
        paragraphs = [block for block in page.body if block.block_type == "paragraph"]
        assert 3 <= len(paragraphs) <= 5, page.slug
        assert page.lead and page.author and page.source and page.tags.exists(), page.slug


def test_the_october_2019_inspection_article(seeded):
    page = NewsPage.objects.get(slug=INSPECTION_SLUG)
    assert (page.published_on.year, page.published_on.month) == (2019, 10)
    assert "Sở Thông tin và Truyền thông" in page.title
    text = page.lead + " ".join(block.value.source for block in page.body)
    for fact in ("01/01/2018", "30/9/2019", "1.800", "3.500", "43/2011/NĐ-CP", "đề nghị"):
        assert fact in text


def test_news_pictures_and_albums(seeded):
    with_lead = NewsPage.objects.filter(lead_image__isnull=False)
    assert with_lead.count() >= 8
    albums = NewsPage.objects.filter(gallery_images__isnull=False).distinct()
    assert albums.count() >= 4
    inspection = NewsPage.objects.get(slug=INSPECTION_SLUG)
    captions = list(inspection.gallery_images.values_list("caption", flat=True))
    assert len(captions) >= 3 and all(captions)
    image = inspection.lead_image
    assert image.title == demo_data.NEWS_LEAD_IMAGES[INSPECTION_SLUG]
    assert (image.width, image.height) == (800, 450)
    assert image.file_size and len(image.file_hash) == 40


# --- legal documents --------------------------------------------------------------------


def test_legal_documents_cover_every_status(seeded):
    documents = LegalDocumentPage.objects.all()
    assert documents.count() >= 30
    assert set(ValidityStatus.values) <= set(documents.values_list("status", flat=True))
    # Stored as the archive had it on its last day; the status shown is computed for the day it is read.
    not_yet = documents.get(status=ValidityStatus.NOT_YET_IN_FORCE)
    assert not_yet.issued_on <= demo_data.LAST_DAY < not_yet.effective_on <= WRITTEN_ON
    assert not_yet.status_on(demo_data.LAST_DAY) == ValidityStatus.NOT_YET_IN_FORCE
    assert not_yet.status_on(WRITTEN_ON) == ValidityStatus.IN_FORCE
    expired = documents.filter(expires_on__lt=WRITTEN_ON)
    assert expired.exists()
    assert {d.status_on(WRITTEN_ON) for d in expired} == {ValidityStatus.EXPIRED}


def test_legal_documents_from_every_level_with_signers_and_fields(seeded):
    documents = LegalDocumentPage.objects.select_related("issuing_body")
    bodies = {d.issuing_body.name for d in documents}
    assert {"Chính phủ", "Quốc hội", "Ủy ban nhân dân tỉnh Vĩnh Phúc", "Ủy ban nhân dân huyện Vĩnh Tường"} <= bodies
    assert documents.exclude(signer="").filter(signer_title__gt="").count() >= 20
    assert documents.filter(fields__isnull=False).distinct().count() == documents.count()
    assert len({d.document_type_id for d in documents}) >= 8
    for document in documents:
        assert 1 <= document.body.count("<p>") <= 4, document.number


def test_joint_circular_has_all_its_issuing_bodies(seeded):
    joint = LegalDocumentPage.objects.get(number="19/2012/TTLT-BTC-BKHĐT-BTTTT")
    assert [a.name for a in joint.issuing_bodies] == [
        "Bộ Tài chính",
        "Bộ Kế hoạch và Đầu tư",
        "Bộ Thông tin và Truyền thông",
    ]


def test_relations_linked_and_held_by_number(seeded):
    relations = LegalDocumentRelation.objects.all()
    assert relations.count() >= 5
    assert relations.filter(target_page__isnull=False).count() >= 5
    assert relations.filter(target_page__isnull=True).count() >= 3
    new = LegalDocumentPage.objects.get(number="42/2022/NĐ-CP")
    old = LegalDocumentPage.objects.get(number="43/2011/NĐ-CP")
    assert relations.get(source=new, relation_type="replaces").target_page == old
    assert ("replaces", "42/2022/NĐ-CP") in {(r["type"], r["number"]) for r in old.referenced_by}
    by_number = relations.get(source__number="72/2025/QH15")
    assert (by_number.target_page, by_number.target_number) == (None, "77/2015/QH13")


def test_second_pass_links_a_relation_whose_target_came_later(seeded):
    relation = LegalDocumentRelation.objects.get(source__number="73/2024/NĐ-CP")
    target = relation.target_page
    LegalDocumentRelation.objects.filter(pk=relation.pk).update(target_page=None)
    assert link_pending_relations() == 1
    relation.refresh_from_db()
    assert relation.target_page == target
    assert link_pending_relations() == 0


def test_second_pass_leaves_an_ambiguous_number_alone(seeded):
    relation = LegalDocumentRelation.objects.get(source__number="2765/QĐ-UBND")
    assert relation.target_page.number == "15/NQ-HĐND"
    # Sequences restart every year and per body: give another document the same number.
    LegalDocumentPage.objects.filter(number="05/CT-UBND").update(
        number="15/NQ-HĐND", number_key=relation.target_number_key
    )
    LegalDocumentRelation.objects.filter(pk=relation.pk).update(target_page=None)
    assert link_pending_relations() == 0
    relation.refresh_from_db()
    assert relation.target_page is None


def test_pdf_attachments(seeded):
    with_files = LegalDocumentPage.objects.filter(attachments__isnull=False).distinct()
    assert with_files.count() >= 10
    content = seeded["pdf"]
    assert content.startswith(b"%PDF-1.4") and content.rstrip().endswith(b"%%EOF")
    assert b"42/2022/ND-CP" in content
    assert "42/2022/NĐ-CP".encode("utf-16-be").hex().upper().encode() in content


# --- directives and task tracking ---------------------------------------------------------


def test_directives_of_every_kind_with_leaders_and_meetings(seeded):
    directives = DirectivePage.objects.select_related("directing_leader")
    assert directives.count() >= 10
    kinds = set(directives.values_list("kind", flat=True))
    assert {"conclusion_notice", "directive", "dispatch", "official_letter"} <= kinds <= set(DirectiveKind.values)
    conclusions = directives.filter(kind="conclusion_notice")
    assert conclusions.count() >= 3
    for page in conclusions:
        assert page.summary.startswith("Kết luận của đồng chí Chủ tịch UBND huyện tại buổi làm việc với"), page.number
        assert page.meeting_subject and page.meeting_place, page.number
        assert page.meeting_date <= page.issued_on, page.number
    assert directives.filter(kind="dispatch", summary__contains="lũ").exists()
    assert directives.filter(kind="dispatch", summary__contains="sốt xuất huyết").exists()
    for page in directives:
        assert page.directing_leader is not None and page.body.count("<p>") >= 2, page.number
        assert page.issued_on <= seeded["today"], page.number


def test_directing_leaders_are_officials_of_the_district(seeded):
    officials = Official.objects.select_related("agency")
    positions = Counter(officials.values_list("position", flat=True))
    assert positions["Chủ tịch UBND huyện"] == 1 and positions["Phó Chủ tịch UBND huyện"] >= 2
    for official in officials:
        assert official.agency.name == demo_data.UBND_HUYEN
        assert official.phone and official.email.endswith(".gov.vn")
    assert set(DirectivePage.objects.values_list("directing_leader__position", flat=True)) == {
        "Chủ tịch UBND huyện",
        "Phó Chủ tịch UBND huyện",
    }


def test_tasks_cover_every_status_today_across_many_units(seeded):
    tasks = TaskPage.objects.live().public()
    assert tasks.count() >= 40
    stats = task_stats(tasks, seeded["today"])
    assert len(stats.units) >= 8
    assert all(stats.overall.counts[status] >= 2 for status in TaskStatus.values), stats.overall.counts
    # The command printed the same counts.
    labels = ", ".join(f"{TaskStatus(code).label} {n}" for code, n in stats.overall.counts.items())
    assert f"tasks by status on {seeded['today']:%d/%m/%Y}: {labels}" in seeded["output"]


def test_the_demo_is_the_archive_of_a_district_and_nothing_is_dated_after_its_last_day(seeded):
    """District-level authorities ended on 1 July 2025: the demo district publishes nothing later."""
    last = demo_data.LAST_DAY
    assert last == date(2025, 6, 30)
    profile = AuthorityProfile.for_site(Site.objects.get(is_default_site=True))
    assert profile.closed_on == last and "huyện" in profile.authority_name
    dated = {
        "news": NewsPage.objects.values_list("published_on", flat=True),
        "legal documents": LegalDocumentPage.objects.values_list("issued_on", flat=True),
        "directives": DirectivePage.objects.values_list("issued_on", flat=True),
        "tasks assigned": TaskPage.objects.values_list("assigned_on", flat=True),
        "tasks completed": TaskPage.objects.exclude(completed_on=None).values_list("completed_on", flat=True),
        "progress reports": TaskProgressReport.objects.values_list("date", flat=True),
        "questions sent": Question.objects.values_list("submitted_at__date", flat=True),
        "questions handled": Question.objects.exclude(handled_at=None).values_list("handled_at__date", flat=True),
        "questions asked": QuestionPage.objects.values_list("asked_on", flat=True),
        "questions answered": QuestionPage.objects.exclude(answered_on=None).values_list("answered_on", flat=True),
        "drafts open": DraftPage.objects.values_list("opens_on", flat=True),
        "drafts close": DraftPage.objects.values_list("closes_on", flat=True),
        "schedule": ScheduleEntry.objects.values_list("date", flat=True),
    }
    for what, days in dated.items():
        days = list(days)
        assert days, what
        assert max(days) <= last, (what, max(days))
    # Directives and their tasks come from the district's last year, not from the day of the seed.
    assert min(DirectivePage.objects.values_list("issued_on", flat=True)) >= date(2024, 1, 1)


def test_the_archive_portal_shows_its_notice_and_the_tasks_as_they_stood_on_its_last_day(seeded, client):
    page = client.get("/")
    assert page.status_code == 200
    notice = re.search(r'<div class="archive-notice" role="note">(.*?)</div>', page.content.decode(), re.S)
    assert notice and "30/06/2025" in notice.group(1) and "lưu trữ" in notice.group(1)
    tracking = TaskIndexPage.objects.live().get()
    response = client.get(tracking.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "tính đến ngày 30/06/2025" in html
    stats = task_stats(TaskPage.objects.live().public(), demo_data.LAST_DAY)
    total = sum(stats.overall.counts.values())
    assert f"{total} nhiệm vụ" in html
    # Every status is on the dashboard as of that day; as of today every open task is overdue.
    assert all(n >= 2 for n in stats.overall.counts.values())
    assert response.context["summary_overall"].total == total
    for code, _label, n in response.context["summary_overall"].counts:
        assert n == stats.overall.counts[code], code
    today = client.get(tracking.url, {"as_of": timezone.localdate().isoformat()})
    counts = {code: n for code, _label, n in today.context["summary_overall"].counts}
    assert counts["due_soon"] == counts["in_progress_on_time"] == 0 and counts["overdue"] > 0


def test_tasks_are_linked_to_directives_and_coordinating_units(seeded):
    tasks = TaskPage.objects.select_related("source_directive")
    with_source = [t for t in tasks if t.source_directive]
    assert len(with_source) >= 40
    for task in with_source:
        assert task.source_directive.issued_on <= task.assigned_on, task.code
    assert all(d.assigned_tasks for d in DirectivePage.objects.all())
    coordinated = TaskPage.objects.filter(coordinating_units__isnull=False).distinct().count()
    assert coordinated == tasks.count()
    assert not TaskPage.objects.filter(coordinating_units=F("lead_unit")).exists()


def test_progress_reports_rise_between_assignment_and_completion(seeded):
    today = seeded["today"]
    for task in TaskPage.objects.prefetch_related("progress_reports"):
        reports = sorted(task.progress_reports.all(), key=lambda r: r.sort_order)
        assert 1 <= len(reports) <= 3, task.code
        assert [r.date for r in reports] == sorted(r.date for r in reports), task.code
        percents = [r.percent for r in reports]
        assert percents == sorted(percents) and len(set(percents)) == len(percents), task.code
        end = task.completed_on or today
        assert all(task.assigned_on <= r.date <= end for r in reports), task.code
        assert all(r.unit_id for r in reports) and all(r.content for r in reports), task.code
    # Most rows are the lead unit's; a few come from another unit.
    assert TaskProgressReport.objects.exclude(unit=F("task__lead_unit")).exists()


def test_extensions_manual_states_and_details(seeded):
    extended = TaskPage.objects.exclude(original_deadline=None)
    assert extended.count() >= 3
    for task in extended:
        assert task.original_deadline < task.deadline and task.extension_reason and task.extended_on, task.code
    assert extended.filter(completed_on__isnull=False).exists()
    assert TaskPage.objects.filter(original_deadline=None).exclude(extension_reason="").count() == 0
    states = set(TaskPage.objects.exclude(manual_state="").values_list("manual_state", flat=True))
    assert len(states) >= 2 and states <= set(ManualState.values)
    assert TaskPage.objects.exclude(details="").exists() and TaskPage.objects.exclude(expected_output="").exists()


def test_the_seeds_tracking_records_are_import_records(seeded):
    """The seed feeds ``import_content`` records: importing them again changes nothing."""
    records = tracking_records(seeded["today"])
    assert {r["type"] for r in records} == {"directive", "task"}
    report = import_lines([json.dumps(r, ensure_ascii=False) for r in records])
    assert report.errors == []
    assert (report.created, report.updated, report.unchanged) == (0, 0, len(records))


def test_a_seed_on_a_later_day_moves_the_dates_and_keeps_the_statuses(seeded):
    today, later = seeded["today"], seeded["today"] + timedelta(days=10)
    before = task_stats(TaskPage.objects.live(), today).overall.counts
    pages = Page.objects.count()
    seed(today=later)
    # A directive's identity includes its year: one moved into the next year is a new page.
    new_year = sum(
        (today + timedelta(d["issued"])).year != (later + timedelta(d["issued"])).year for d in demo_data.DIRECTIVES
    )
    assert Page.objects.count() == pages + new_year
    assert task_stats(TaskPage.objects.live(), later).overall.counts == before
    task = TaskPage.objects.get(code="NV-VT-007")
    assert task.deadline == later - timedelta(days=30) and task.original_deadline is None
    extended = TaskPage.objects.exclude(original_deadline=None)
    assert {t.code for t in extended} == {t["code"] for t in demo_data.TASKS if "extension" in t}


# --- generated files, without the database ------------------------------------------------


@pytest.mark.django_db(False)
def test_pdf_cross_reference_table_points_at_each_object():
    content = pdf_bytes("Quyết định số 1/QĐ-UBND", ["Dòng (có ngoặc) và \\ gạch chéo", "Điều 1."])
    xref_at = int(re.search(rb"startxref\n(\d+)\n%%EOF", content).group(1))
    assert content[xref_at:].startswith(b"xref\n0 7\n")
    entries = content[xref_at:].split(b"\n")[3:9]
    for number, entry in enumerate(entries, start=1):
        assert len(entry) == 19  # 20 bytes with the newline
        offset = int(entry[:10])
        assert content[offset:].startswith(b"%d 0 obj" % number)
    assert b"(Dong \\(co ngoac\\) va \\\\ gach cheo) Tj" in content


@pytest.mark.django_db(False)
def test_pictures_are_deterministic_jpegs():
    first, again, other = picture_bytes("Ảnh A"), picture_bytes("Ảnh A"), picture_bytes("Ảnh B")
    assert first.startswith(b"\xff\xd8") and first == again and first != other
    assert len(first) < 100_000


def test_seeded_content_is_in_the_search_index(seeded):
    found = {page.slug for page in NewsPage.objects.live().search("Thổ Tang giao thương")}
    assert "giao-thuong-soi-dong-tai-tho-tang" in found
    documents = {page.number for page in LegalDocumentPage.objects.live().search("Luật Tiếp cận thông tin")}
    assert "104/2016/QH13" in documents


@pytest.mark.django_db(False)
def test_a_bad_line_of_a_demo_file_stops_the_seed_with_file_and_line(tmp_path):
    path = tmp_path / "news.jsonl"
    path.write_text('{"type": "news", "slug": "x"}\n\n{"type": "news",\n', encoding="utf-8")
    with pytest.raises(DemoDataError) as caught:
        import_file(path)
    first, second = str(caught.value).splitlines()
    assert first == f"{path}:1: missing required key(s): title, category, published_on, body"
    assert second.startswith(f"{path}:3: invalid JSON: ")


def test_the_demo_has_answered_questions_and_sendings_in_each_state(seeded):
    from django.utils import timezone

    from questions.models import Question, QuestionPage, Status

    answered = QuestionPage.objects.live()
    assert answered.count() == 8
    assert {page.kind for page in answered} == {"hoi-dap", "phan-anh", "kien-nghi"}
    states = sorted(Question.objects.values_list("status", flat=True))
    assert states == sorted([Status.RECEIVED, Status.RECEIVED, Status.PROCESSING, Status.REFUSED])
    assert Question.objects.get(status=Status.PROCESSING).is_overdue(timezone.localdate())


def test_the_english_demo_translates_the_home_page_a_category_and_three_articles(seeded, client):
    english = NewsPage.objects.filter(locale__language_code="en").live()
    assert english.count() == 3
    for page in english:
        original = page.get_translation(Locale.objects.get(language_code="vi"))
        assert original.live and page.title != original.title
        response = client.get(page.url)
        assert response.status_code == 200 and '<html lang="en">' in response.content.decode()
    home = client.get("/en/").content.decode()
    assert "Vinh Tuong District People&#x27;s Committee" in home and "News and events" in home
