"""Drafts' data: the ``draft`` import record, the erasure of commenters' contact data after the
retention period, the registrations of the app, and the demo drafts (``seed_drafts``)."""

import json
from datetime import date, timedelta

import pytest
from django.test import override_settings
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from consultation.demo import DEMO_TAG, ROAD_SLUG, pdf_bytes, seed_drafts
from consultation.models import CommentStatus, DraftComment, DraftIndexPage, DraftPage
from consultation.retention import erase
from portal.api.registry import routers
from portal.feeds import announced_feeds
from portal.importing import handlers, home_page, import_lines
from portal.submissions import personal_data_erasers
from search.registry import registry
from tests import consultation_factories as cf

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 29)
D = timedelta(days=1)


def record(**fields) -> str:
    data = {
        "type": "draft",
        "slug": "du-thao-ho-tro-bao-tri-duong",
        "title": "Lấy ý kiến dự thảo Quyết định hỗ trợ bảo trì đường giao thông nông thôn",
        "summary": "Dự thảo Quyết định quy định mức hỗ trợ bảo trì đường giao thông nông thôn",
        "drafting_unit": "Phòng Kinh tế và Hạ tầng",
        "opens_on": "2026-11-01",
        "closes_on": "2026-11-30",
        "body": "Đề nghị góp ý về mức hỗ trợ.\n\nGửi góp ý qua biểu mẫu trên Cổng.",
        "contact": "Phòng Kinh tế và Hạ tầng, ĐT 0211 3838 345",
    }
    data.update(fields)
    return json.dumps({k: v for k, v in data.items() if v is not None}, ensure_ascii=False)


# --- registrations -----------------------------------------------------------------------------


def test_the_app_registered_its_record_type_search_router_feed_and_personal_data():
    assert handlers()["draft"].__module__ == "consultation.importing"
    assert registry.documents()["draft"].model is DraftPage
    assert "/drafts/" in {prefix for prefix, _ in routers()}
    assert "feed-drafts" in [feed.url_name for feed in announced_feeds()]
    assert personal_data_erasers()["draft_comments"] is erase


# --- import ------------------------------------------------------------------------------------


def test_a_good_line_creates_the_draft_under_its_section_and_again_changes_nothing():
    report = import_lines([record()])
    assert (report.created, report.errors) == (1, [])
    page = DraftPage.objects.get()
    index = page.get_parent().specific
    assert isinstance(index, DraftIndexPage) and index.slug == "lay-y-kien"
    assert index.get_parent().pk == home_page().pk
    assert page.live and page.drafting_unit.name == "Phòng Kinh tế và Hạ tầng"
    assert (page.opens_on, page.closes_on) == (date(2026, 11, 1), date(2026, 11, 30))
    assert page.body == "<p>Đề nghị góp ý về mức hỗ trợ.</p><p>Gửi góp ý qua biểu mẫu trên Cổng.</p>"
    revisions = Revision.page_revisions.filter(object_id=str(page.pk)).count()

    again = import_lines([record()])
    assert (again.unchanged, again.created, again.updated) == (1, 0, 0)
    assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == revisions

    changed = import_lines([record(closes_on="2026-12-15", drafting_unit="PHÒNG KINH TẾ VÀ HẠ TẦNG")])
    assert changed.updated == 1
    page.refresh_from_db()
    assert page.closes_on == date(2026, 12, 15)
    assert DraftPage.objects.count() == 1


def test_a_bad_line_is_reported_with_its_number_and_the_others_are_imported():
    lines = [
        record(slug="du-thao-1"),
        record(slug="du-thao-2", closes_on="2026-10-01"),  # before it opens
        record(slug="du-thao-3", opens_on="01/11/2026"),
        record(slug="du-thao-4", summary=None),
        record(slug="du-thao-5", signer="Nguyễn Văn A"),
        record(slug="du-thao-6"),
    ]
    report = import_lines(lines)
    assert report.created == 2
    errors = dict(report.errors)
    assert sorted(errors) == [2, 3, 4, 5]
    assert "'closes_on' 2026-10-01 is before 'opens_on' 2026-11-01" in errors[2]
    assert "'opens_on' must be a date" in errors[3]
    assert "missing required key(s): summary" in errors[4]
    assert "unknown key(s): signer" in errors[5]
    assert sorted(DraftPage.objects.values_list("slug", flat=True)) == ["du-thao-1", "du-thao-6"]


# --- personal data -----------------------------------------------------------------------------


@override_settings(PERSONAL_DATA_RETENTION_DAYS=30)
def test_contact_data_is_erased_after_the_retention_and_the_rest_kept():
    old = cf.draft(opens_on=TODAY - 100 * D, closes_on=TODAY - 31 * D)  # closed 31 days before today
    recent = cf.draft(opens_on=TODAY - 60 * D, closes_on=TODAY - 30 * D)  # exactly 30: still kept
    still_open = cf.draft(opens_on=TODAY - 5 * D, closes_on=TODAY + 5 * D)
    erased = [cf.comment(old, CommentStatus.APPROVED), cf.comment(old, CommentStatus.SPAM, phone="")]
    kept = [cf.comment(recent), cf.comment(still_open)]

    assert erase(TODAY, dry_run=True) == 2
    assert DraftComment.objects.exclude(email="").count() == 4  # a dry run changes nothing
    assert erase(TODAY) == 2
    for comment in erased:
        fresh = DraftComment.objects.get(pk=comment.pk)
        assert (fresh.email, fresh.phone) == ("", "")
        assert (fresh.name, fresh.content, fresh.status) == (comment.name, comment.content, comment.status)
    for comment in kept:
        fresh = DraftComment.objects.get(pk=comment.pk)
        assert (fresh.email, fresh.phone) == (comment.email, comment.phone)
    assert erase(TODAY) == 0  # idempotent
    assert erase(TODAY + D) == 1  # a day later the next draft's retention is over


def test_the_purge_command_runs_the_eraser():
    from io import StringIO

    from django.core.management import call_command

    old = cf.draft(opens_on=date(2020, 1, 1), closes_on=date(2020, 1, 31))
    cf.comment(old)
    out = StringIO()
    call_command("purge_personal_data", stdout=out)
    assert "draft_comments: 1" in out.getvalue()
    assert DraftComment.objects.get().email == ""


# --- demo --------------------------------------------------------------------------------------


def snapshot() -> dict:
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "documents": get_document_model().objects.count(),
        "comments": DraftComment.objects.count(),
    }


def test_seed_drafts_makes_an_open_and_a_closed_draft_and_a_second_run_makes_nothing():
    counts = seed_drafts(TODAY)
    assert counts["drafts created"] == 2 and counts["PDF files created"] == 2

    index = DraftIndexPage.objects.get()
    assert index.slug == "lay-y-kien" and index.get_parent().pk == home_page().pk
    statuses = {page.slug: page.status_on(TODAY) for page in DraftPage.objects.all()}
    assert sorted(statuses.values()) == ["closed", "open"]
    road = DraftPage.objects.get(slug=ROAD_SLUG)
    assert road.closes_on == TODAY  # its last day for comments
    document = road.files.get().document
    assert document.file.read(5) == b"%PDF-"
    assert DEMO_TAG in document.tags.names()
    comments = road.comments.values_list("status", flat=True)
    assert list(comments).count(CommentStatus.APPROVED) >= 2 and list(comments).count(CommentStatus.PENDING) == 1
    closed = DraftPage.objects.exclude(slug=ROAD_SLUG).get()
    assert closed.approved_comments.count() >= 1

    before = snapshot()
    again = seed_drafts(TODAY)
    assert snapshot() == before
    assert again["drafts unchanged"] == 2 and "drafts created" not in again and "comments created" not in again


def test_the_demo_pdf_is_a_well_formed_pdf():
    data = pdf_bytes(["DU THAO", "Quy dinh (thu) \\ nghiem"])
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    xref = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    assert data[xref : xref + 4] == b"xref"
    assert b"(Quy dinh \\(thu\\) \\\\ nghiem) Tj" in data
