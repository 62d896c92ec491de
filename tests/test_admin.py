"""The Vietnamese admin: every editing form and taxonomy list opens for an editor."""

from datetime import date

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_add_forms_open_for_each_page_type(admin_client):
    category = factories.news_index()
    index = factories.legal_index()
    for url in [
        f"/admin/pages/add/news/newspage/{category.pk}/",
        f"/admin/pages/add/directives/legaldocumentpage/{index.pk}/",
        f"/admin/pages/add/news/newsindexpage/{category.get_parent().pk}/",
    ]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
    assert (
        "Số ký hiệu" in admin_client.get(f"/admin/pages/add/directives/legaldocumentpage/{index.pk}/").content.decode()
    )


def test_edit_forms_open_for_existing_pages(admin_client):
    doc = factories.legal_document("1/2024/QĐ-UBND", issued_on=date(2024, 1, 1))
    news = factories.news("Tin thử")
    for page in (doc, news, news.get_parent()):
        assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_taxonomy_and_settings_screens_open(admin_client):
    factories.agency()
    for url in [
        "/admin/snippets/directives/agency/",
        "/admin/snippets/directives/documenttype/",
        "/admin/snippets/directives/field/",
        "/admin/snippets/directives/official/",
        "/admin/snippets/directives/official/add/",
        "/admin/snippets/home/administrativelevel/",
        "/admin/settings/home/authorityprofile/",
    ]:
        response = admin_client.get(url, follow=True)
        assert response.status_code == 200, url


def test_admin_speaks_vietnamese(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert 'lang="vi"' in html


def test_directive_and_task_forms_open(admin_client):
    from tests.test_task_tracking import make_directive, make_task, task_index

    directive = make_directive()
    task = make_task("NV-ADM-1", source_directive=directive)
    for url in [
        f"/admin/pages/add/directives/taskpage/{task_index().pk}/",
        f"/admin/pages/add/directives/directivepage/{directive.get_parent().pk}/",
        f"/admin/pages/{task.pk}/edit/",
        f"/admin/pages/{directive.pk}/edit/",
    ]:
        response = admin_client.get(url)
        assert response.status_code == 200, url
    assert "Báo cáo tiến độ" in admin_client.get(f"/admin/pages/{task.pk}/edit/").content.decode()


def test_progress_reports_are_edited_in_the_task_form(admin_client):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

    from directives.models import TaskPage
    from tests.test_task_tracking import make_task

    unit = factories.agency("Phòng Nội vụ", "NV")
    task = make_task("NV-FORM-1", unit=unit, deadline=date(2026, 12, 31))
    data = nested_form_data(
        {
            "code": "NV-FORM-1",
            "title": "Rà soát thủ tục hành chính cấp xã",
            "slug": "nv-form-1",
            "details": rich_text(""),
            "lead_unit": unit.pk,
            "coordinating_units": [],
            "assigned_on": "01/01/2026",
            "deadline": "31/12/2026",
            "completion_report": rich_text(""),
            "progress_reports": inline_formset(
                [
                    {"date": "01/11/2026", "percent": 30, "content": "Đã rà soát 12/40 thủ tục", "unit": unit.pk},
                    {"date": "20/11/2026", "percent": 60, "content": "Đã rà soát 24/40 thủ tục", "unit": ""},
                ]
            ),
            "action-publish": "publish",
        }
    )
    response = admin_client.post(f"/admin/pages/{task.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    task = TaskPage.objects.get(pk=task.pk)
    assert [(r.percent, r.content) for r in task.progress_reports.all()] == [
        (30, "Đã rà soát 12/40 thủ tục"),
        (60, "Đã rà soát 24/40 thủ tục"),
    ]
    revision_rows = task.get_latest_revision().content["progress_reports"]
    assert [row["percent"] for row in revision_rows] == [30, 60]

    bad = dict(data)
    bad["progress_reports-0-percent"] = "101"
    response = admin_client.post(f"/admin/pages/{task.pk}/edit/", bad)
    assert response.status_code == 200  # the form comes back with the error
    assert TaskPage.objects.get(pk=task.pk).progress_reports.count() == 2
