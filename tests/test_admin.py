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
