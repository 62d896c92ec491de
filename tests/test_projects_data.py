"""Projects' data: the ``project`` import record (good lines, bad lines by number, idempotence, the
linked legal documents) and the demo (``seed_projects``: idempotent, dated before the district tier
ended, realistic, its PDF files well formed)."""

import io
import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model
from wagtail.models import Page, Revision

from directives.models import LegalDocumentPage
from portal.importing import import_lines
from projects.demo import DECISIONS, DEMO_TAG, PROJECTS, ROAD_RESULT, STATISTICS, pdf_bytes, seed_projects
from projects.models import ProjectIndexPage, ProjectPage, StatisticsPage
from tests import factories as f

pytestmark = pytest.mark.django_db

END_OF_DISTRICTS = date(2025, 7, 1)


def record(**fields) -> str:
    data = {
        "type": "project",
        "slug": "duong-lien-xa-tan-tien-vinh-son",
        "title": "Cải tạo, nâng cấp đường giao thông liên xã Tân Tiến – Vĩnh Sơn",
        "kind": "dau-tu-cong",
        "status": "dang-thuc-hien",
        "investor": "Ban Quản lý dự án đầu tư xây dựng",
        "decided_on": "2024-10-15",
        "field": "Xây dựng - Giao thông",
        "total_investment": "18.750.000.000",
        "capital_source": "Ngân sách huyện",
        "start_year": 2024,
        "end_year": 2025,
        "summary": "Tuyến đường dài 2,4 km, mặt đường bê tông xi măng rộng 5,5 m.",
        "body": "Khởi công tháng 11/2024.\n\nĐã thi công xong nền đường.",
    }
    data.update(fields)
    return json.dumps({k: v for k, v in data.items() if v is not None}, ensure_ascii=False)


# --- import ------------------------------------------------------------------------------------


def test_a_good_line_creates_the_project_under_its_section_and_again_changes_nothing():
    report = import_lines([record()])
    assert (report.created, report.errors) == (1, [])
    page = ProjectPage.objects.get()
    assert page.live and isinstance(page.get_parent().specific, ProjectIndexPage)
    assert page.get_parent().slug == "du-an-dau-thau"
    assert page.total_investment == 18_750_000_000 and page.investor.name == "Ban Quản lý dự án đầu tư xây dựng"
    assert page.field.name == "Xây dựng - Giao thông"
    assert page.body == "<p>Khởi công tháng 11/2024.</p><p>Đã thi công xong nền đường.</p>"
    revisions = Revision.page_revisions.count()
    assert import_lines([record()]).unchanged == 1
    assert Revision.page_revisions.count() == revisions
    assert import_lines([record(status="hoan-thanh")]).updated == 1
    assert ProjectPage.objects.get().status == "hoan-thanh"


def test_bad_lines_are_reported_by_number_with_the_key_named_and_the_good_ones_imported():
    lines = [
        record(slug="tot"),
        record(slug="a", kind="cau-duong"),
        record(slug="b", total_investment="12,5 tỷ"),
        record(slug="c", total_investment=-5),
        record(slug="d", start_year=2025, end_year=2024),
        record(slug="e", selection_method="boc-tham"),
        record(slug="f", decided_on="15/10/2024"),
        record(slug="g", legal_documents=[{"number": "999/QĐ-UBND", "year": 2024}]),
        record(slug="h", legal_documents=["1246/QĐ-UBND"]),
        record(slug="i", color="đỏ"),
        record(slug="Có Dấu"),
    ]
    report = import_lines(lines)
    assert report.created == 1
    errors = dict(report.errors)
    assert sorted(errors) == list(range(2, 12))
    assert "'kind' must be one of dau-tu-cong (Dự án đầu tư công)" in errors[2]
    assert "'total_investment' must be a whole number of đồng" in errors[3]
    assert "'total_investment' must be between 0" in errors[4]
    assert errors[5] == "'end_year' 2024 is before 'start_year' 2025"
    assert "'selection_method' must be one of" in errors[6]
    assert errors[7] == "'decided_on' must be a date YYYY-MM-DD, got \"15/10/2024\""
    assert errors[8] == "legal_documents[1]: legal document 999/QĐ-UBND of 2024 is not on the portal (import it first)"
    assert errors[9].startswith("legal_documents[1] must be an object with 'number'")
    assert errors[10] == "unknown key(s): color"
    assert "is not a valid slug" in errors[11]


def test_the_import_command_names_file_and_line_of_a_bad_record(tmp_path):
    path = tmp_path / "du-an.jsonl"
    path.write_text(record() + "\n" + record(slug="x", status="xong") + "\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="created 1, updated 0, unchanged 0, failed 1"):
        call_command("import_content", str(path), "--no-progress", stdout=io.StringIO(), stderr=err)
    assert f"{path}:2: 'status' must be one of chuan-bi (Chuẩn bị đầu tư)" in err.getvalue()
    assert ProjectPage.objects.count() == 1


def test_linked_legal_documents_are_found_by_number_and_year_and_kept_in_order():
    older = f.legal_document("15/QĐ-UBND", summary="Phê duyệt chủ trương đầu tư", issued_on=date(2023, 2, 1))
    newer = f.legal_document("15/QĐ-UBND", summary="Phê duyệt dự án", issued_on=date(2024, 2, 1))
    decision = f.legal_document("1246/QĐ-UBND", summary="Phê duyệt dự án đầu tư", issued_on=date(2023, 6, 20))
    ambiguous = record(legal_documents=[{"number": "15/QĐ-UBND"}])
    report = import_lines([ambiguous])
    assert report.errors == [(1, "legal_documents[1]: legal document 15/QĐ-UBND is ambiguous (give its 'year')")]
    links = [
        {"number": "15/qđ-ubnd", "year": 2024, "label": "Quyết định phê duyệt dự án"},
        {"number": "1246/QĐ-UBND", "label": "Quyết định phê duyệt chủ trương"},
        {"number": "15/QĐ-UBND", "year": 2023},
    ]
    assert import_lines([record(legal_documents=links)]).created == 1
    page = ProjectPage.objects.get()
    stored = [(row.document_id, row.label) for row in page.legal_documents.all()]
    assert stored == [
        (newer.pk, "Quyết định phê duyệt dự án"),
        (decision.pk, "Quyết định phê duyệt chủ trương"),
        (older.pk, ""),
    ]
    assert import_lines([record(legal_documents=links)]).unchanged == 1
    assert import_lines([record(legal_documents=links[:1])]).updated == 1
    assert ProjectPage.objects.get().legal_documents.count() == 1


# --- demo --------------------------------------------------------------------------------------


def _everything() -> dict:
    return {
        "pages": sorted(Page.objects.values_list("content_type__model", "slug")),
        "revisions": Revision.objects.count(),
        "documents": get_document_model().objects.count(),
        "projects": sorted(ProjectPage.objects.values_list("slug", "status", "total_investment", "contract_value")),
    }


def test_the_demo_is_created_once_and_a_second_run_changes_nothing(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    first = seed_projects(date(2025, 6, 30))
    assert first["projects created"] == len(PROJECTS) and first["decisions created"] == len(DECISIONS)
    assert first["statistics pages created"] == len(STATISTICS) and first["PDF files created"] == len(PROJECTS)
    before = _everything()
    again = seed_projects(date(2026, 11, 29))  # whatever the day: nothing is dated from it
    assert _everything() == before
    assert not [key for key in again if "created" in key or "attached" in key or "written" in key], again
    assert again["projects unchanged"] == len(PROJECTS)


def test_the_demo_is_realistic_and_dated_before_the_district_tier_ended(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    seed_projects(date(2025, 6, 30))
    projects = ProjectPage.objects.live()
    assert 5 <= projects.count() <= 8
    assert {p.status for p in projects} == {"chuan-bi", "dang-thuc-hien", "hoan-thanh", "tam-dung"}
    assert {"dau-tu-cong", "ket-qua-lcnt", "ke-hoach-lcnt", "mua-sam"} <= {p.kind for p in projects}
    for page in projects:
        assert date(2023, 1, 1) <= page.decided_on < END_OF_DISTRICTS, page.slug
        assert not page.bid_opening_on or page.bid_opening_on < END_OF_DISTRICTS
        assert (page.end_year or 2025) <= 2025 and page.files.count() == 1, page.slug
        assert page.investor.name and page.capital_source and page.summary, page.slug
    result = projects.get(slug=ROAD_RESULT)
    assert result.winning_bidder and result.contract_value == 41_873_000_000 and result.bid_opening_on
    assert [row.label for row in result.legal_documents.all()] == [
        "Quyết định phê duyệt kết quả lựa chọn nhà thầu",
        "Quyết định phê duyệt dự án",
    ]
    decisions = LegalDocumentPage.objects.filter(number__in=[d["number"] for d in DECISIONS])
    assert decisions.count() == len(DECISIONS)
    assert all(d.issued_on < END_OF_DISTRICTS and d.fields.exists() for d in decisions)
    files = get_document_model().objects.filter(tags__name=DEMO_TAG)
    assert files.count() == len(PROJECTS)
    statistics = StatisticsPage.objects.live()
    assert statistics.count() == len(STATISTICS)
    for page in statistics:
        assert page.published_on < END_OF_DISTRICTS and page.year == 2024
        assert "Dữ liệu mẫu" in page.note and page.data_tables, page.slug
        for table in page.data_tables:
            assert table.caption and table.source and all(len(row) == len(table.columns) for row in table.rows)


@pytest.mark.django_db(False)
def test_the_demo_pdf_is_a_well_formed_pdf():
    data = pdf_bytes(["KET QUA LUA CHON NHA THAU", "Goi thau (so 05) \\ thi cong"])
    assert data.startswith(b"%PDF-1.4") and data.rstrip().endswith(b"%%EOF")
    xref = int(data.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    assert data[xref : xref + 4] == b"xref"
    assert b"(Goi thau \\(so 05\\) \\\\ thi cong) Tj" in data


@pytest.mark.django_db(False)
def test_the_demo_statistics_add_up():
    """Totals and percentages of the demo tables agree with their parts (a reader would check)."""
    tables = {t["caption"]: t["rows"] for s in STATISTICS for t in s["tables"]}

    def values(caption):
        return [[float(v) if v not in (None, "") and k else v for k, v in enumerate(row)] for row in tables[caption]]

    revenue = values("Thu ngân sách nhà nước trên địa bàn năm 2024")
    for column in (1, 2):
        assert revenue[0][column] == sum(row[column] for row in revenue[1:])
    for row in revenue:
        assert row[3] == round(row[2] / row[1] * 100, 1), row
    spending = values("Chi ngân sách địa phương năm 2024")
    for column in (1, 2):
        assert spending[0][column] == sum(row[column] for row in spending[1:])
    population = values("Diện tích, dân số trung bình và mật độ dân số năm 2024 (trích)")
    for _name, area, people, density in population:
        assert density == round(people / area)
