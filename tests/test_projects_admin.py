"""Projects and statistics in the admin: the page forms open with their panels, and an editor types a
statistics table (typed columns, rows) that the page, its CSV file and the API then carry; a table
without a caption is refused with the message."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from projects.models import StatisticsPage
from tests import factories as f
from tests import projects_factories as pf

pytestmark = pytest.mark.django_db


def test_the_project_forms_open_with_their_panels(admin_client):
    project = pf.project("Nhà lớp học 3 tầng", files=1)
    add = admin_client.get(f"/admin/pages/add/projects/projectpage/{project.get_parent().pk}/")
    assert add.status_code == 200
    html = add.content.decode()
    for label in ("Chủ đầu tư, bên mời thầu", "Tổng mức đầu tư (đồng)", "Thông tin đấu thầu", "Văn bản liên quan"):
        assert label in html, label
    edit = admin_client.get(f"/admin/pages/{project.pk}/edit/")
    assert edit.status_code == 200 and "Tài liệu của dự án" in edit.content.decode()


def test_the_statistics_forms_open(admin_client):
    page = pf.statistics_page("Dân số 2024")
    add = admin_client.get(f"/admin/pages/add/projects/statisticspage/{page.get_parent().pk}/")
    assert add.status_code == 200 and "Đơn vị công bố" in add.content.decode()
    assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def _table(caption: str) -> dict:
    """The typed table's form fields (wagtail.contrib.typed_table_block), as the admin posts them."""
    return {
        "caption": caption,
        "column-count": "2",
        "column-0-type": "text",
        "column-0-order": "0",
        "column-0-heading": "Xã, thị trấn",
        "column-0-deleted": "",
        "column-1-type": "number",
        "column-1-order": "1",
        "column-1-heading": "Dân số",
        "column-1-deleted": "",
        "row-count": "2",
        "row-0-order": "0",
        "row-0-deleted": "",
        "cell-0-0": "Xã Tân Tiến",
        "cell-0-1": "10215",
        "row-1-order": "1",
        "row-1-deleted": "",
        "cell-1-0": "=1+1",
        "cell-1-1": "8460.5",
    }


def _form(caption: str, unit_pk: int) -> dict:
    return nested_form_data(
        {
            "title": "Dân số theo xã năm 2024",
            "slug": "dan-so-theo-xa-2024",
            "period_kind": "nam",
            "year": "2024",
            "quarter": "",
            "month": "",
            "publishing_unit": str(unit_pk),
            "published_on": "20/03/2025",
            "intro": rich_text("<p>Số liệu sơ bộ.</p>"),
            "body": streamfield([("table", {"table": _table(caption), "unit": "người", "source": "Chi cục Thống kê"})]),
            "note": "",
            "comments": inline_formset([]),
        }
    )


def test_an_editor_types_a_table_that_the_page_csv_and_api_carry(admin_client, client):
    index = pf.statistics_index()
    unit = f.agency("Phòng Tài chính - Kế hoạch", "TCKH")
    response = admin_client.post(f"/admin/pages/add/projects/statisticspage/{index.pk}/", _form("Dân số 2024", unit.pk))
    assert response.status_code == 302, response.content.decode()[:3000]
    page = StatisticsPage.objects.get(slug="dan-so-theo-xa-2024")
    page.save_revision().publish()
    page.refresh_from_db()
    (table,) = page.data_tables
    assert table.caption == "Dân số 2024" and [c.type for c in table.columns] == ["text", "number"]
    assert [str(v) for v in table.rows[1]] == ["=1+1", "8460.5"]
    assert "8.460,5" in client.get(page.url).content.decode()
    assert "'=1+1,8460.5" in client.get(f"{page.url}bang-1.csv").content.decode("utf-8-sig")


def test_a_table_without_a_caption_is_refused_in_the_editor(admin_client):
    index = pf.statistics_index()
    unit = f.agency("Phòng Tài chính - Kế hoạch", "TCKH")
    response = admin_client.post(f"/admin/pages/add/projects/statisticspage/{index.pk}/", _form("", unit.pk))
    assert response.status_code == 200
    error = response.context["form"].errors.as_data()["body"][0]
    table_error = error.block_errors[0].block_errors["table"]
    assert "tiêu đề (chú thích) của bảng" in " ".join(table_error.non_block_errors.as_data()[0].messages)
    assert not StatisticsPage.objects.exists()
