"""A token holder reads at least what the public reads (issue 22).

Wagtail 8.0.1's v3 page reads give an authenticated request only the pages its user may change or
publish (``wagtail.api.v3.querysets.get_pages_queryset``): a reporter's token, whose role may only
add pages, listed 0 pages on ``/api/v3/pages/`` and could not resolve a parent by its path. The
portal's patch 9 (``portal.wagtail_patches``) gives it every live page the public sees as well, and
keeps drafts (``?version=draft``) to the pages the user may edit.
"""

import pytest

from editorial import roles

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def portal():
    category = f.news_index("Tin tức - Sự kiện")
    category.slug = "tin-tuc"
    category.save_revision().publish()
    published = f.news("Khai mạc lễ hội", category=category)
    draft = f.news("Bản nháp chưa duyệt", category=category, live=False)
    f.legal_document("12/2024/QĐ-UBND")
    return {"category": category, "published": published, "draft": draft}


def get(client, url, token=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return client.get(url, **headers)


def ids(response):
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_a_reporters_token_lists_every_page_the_public_sees(client, portal):
    token = f.api_token(f.member("phongvien", roles.REPORTER))
    public = ids(get(client, "/api/v3/pages/?limit=50"))
    assert portal["published"].pk in public and portal["draft"].pk not in public
    assert ids(get(client, "/api/v3/pages/?limit=50", token)) >= public
    typed = "/api/v3/pages/?type=news.NewsPage&limit=50"
    assert ids(get(client, typed, token)) >= ids(get(client, typed)) == {portal["published"].pk}


def test_a_reporters_token_resolves_a_parent_by_its_path(client, portal):
    token = f.api_token(f.member("phongvien", roles.REPORTER))
    response = get(client, "/api/v3/pages/find/?html_path=/tin-tuc/", token)
    assert response.status_code == 302, response.content
    assert response["Location"].startswith(f"/api/v3/pages/{portal['category'].pk}/")
    assert get(client, response["Location"], token).json()["id"] == portal["category"].pk
    children = ids(get(client, f"/api/v3/pages/?child_of={portal['category'].pk}", token))
    assert portal["published"].pk in children


def test_a_reporter_reads_its_own_draft_but_not_the_drafts_of_others(client, portal):
    reporter = f.member("phongvien", roles.REPORTER)
    token = f.api_token(reporter)
    others = portal["draft"]
    assert get(client, f"/api/v3/pages/{others.pk}/", token).status_code == 404
    assert others.pk not in ids(get(client, "/api/v3/pages/?limit=50", token))
    # a published page changed by someone else: the reporter reads the live version, not the draft
    published = portal["published"]
    published.title = "Tiêu đề đang sửa"
    published.save_revision()
    response = get(client, f"/api/v3/pages/{published.pk}/?version=draft", token)
    assert response.status_code == 200 and response.json()["title"] == "Khai mạc lễ hội"
    # its own page, not yet published: listed, and its draft readable
    own = f.news("Bài của phóng viên", category=portal["category"], live=False, owner=reporter)
    assert own.pk in ids(get(client, "/api/v3/pages/?limit=50", token))
    assert get(client, f"/api/v3/pages/{own.pk}/?version=draft", token).status_code == 200


def test_an_editors_token_still_reads_drafts_of_pages_it_may_change(client, portal):
    token = f.api_token(f.member("bientap", roles.EDITOR))
    published = portal["published"]
    published.title = "Tiêu đề đang sửa"
    published.save_revision()
    response = get(client, f"/api/v3/pages/{published.pk}/?version=draft", token)
    assert response.json()["title"] == "Tiêu đề đang sửa"
    assert portal["draft"].pk in ids(get(client, "/api/v3/pages/?limit=50", token))
