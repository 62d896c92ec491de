"""Headless preview (portal/preview.py; docs/api.md, "Headless preview").

An editor previews a draft through Wagtail's own admin preview views: with HEADLESS_PREVIEW_URL
set, the preview shows the external front-end with wagtail-headless-preview's ``content_type`` and
``token``; the front-end fetches the draft (unsaved edits included) from ``/api/v3/preview/``.
Without the setting, Wagtail's normal preview is served.
"""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core.signing import TimestampSigner
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text, streamfield
from wagtail_headless_preview.models import PagePreview

from editorial import roles
from news.models import NewsPage

from . import factories as f

pytestmark = pytest.mark.django_db

FRONT_END = "https://xem-truoc.huyen.gov.vn/preview"
API = "/api/v3/preview/"


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user(username="bientapvien", password="x")
    user.groups.add(Group.objects.get(name=roles.EDITOR))
    client.force_login(user)
    return user


@pytest.fixture
def headless(settings):
    settings.HEADLESS_PREVIEW_URL = FRONT_END


def form(title: str) -> dict:
    return f.news_form(
        title,
        slug="tin-xem-truoc",
        lead="Sapo của bản nháp.",
        body=streamfield([("paragraph", rich_text("<p>Nội dung chưa lưu.</p>"))]),
        author="",
    )


def preview_on_edit(client, page, title: str):
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    posted = client.post(url, form(title))
    assert posted.status_code == 200 and posted.json()["is_valid"], posted.content
    return client.get(url)


def front_end_url(response) -> str:
    match = re.search(r'<iframe src="([^"]+)"', response.content.decode())
    assert match, response.content[:500]
    return unescape(match.group(1))


def params(url: str) -> dict:
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def test_the_preview_shows_the_front_end_with_content_type_and_token(client, editor, headless):
    page = f.news(title="Tin đã đăng")
    response = preview_on_edit(client, page, "Tiêu đề đang sửa")
    assert response.status_code == 200
    url = front_end_url(response)
    assert url.startswith(FRONT_END + "?")
    query = params(url)
    assert query["content_type"] == "news.newspage"
    assert PagePreview.objects.filter(token=query["token"]).exists()
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]


def test_the_api_returns_the_draft_with_the_token_and_never_caches_it(client, editor, headless):
    page = f.news(title="Tin đã đăng")
    query = params(front_end_url(preview_on_edit(client, page, "Tiêu đề đang sửa")))
    client.logout()  # the front-end has no admin session: the token is the credential

    response = client.get(API, query)
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["id"] == page.pk
    assert data["title"] == "Tiêu đề đang sửa"
    assert data["lead"] == "Sapo của bản nháp."
    assert "Nội dung chưa lưu." in str(data["body"])
    assert data["meta"]["type"] == "news.NewsPage"
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control and "public" not in cache_control
    # the live page is untouched
    assert NewsPage.objects.get(pk=page.pk).title == "Tin đã đăng"
    assert client.get(f"/api/v3/pages/{page.pk}/").json()["title"] == "Tin đã đăng"


def test_a_draft_never_published_is_previewable_too(client, editor, headless):
    draft = f.news(title="Bản nháp", live=False)
    query = params(front_end_url(preview_on_edit(client, draft, "Bản nháp đang sửa")))
    client.logout()
    assert client.get(f"/api/v3/pages/{draft.pk}/").status_code == 404
    assert client.get(API, query).json()["title"] == "Bản nháp đang sửa"


def test_previewing_a_new_page_before_it_is_saved(client, editor, headless):
    category = f.news_index()
    url = reverse("wagtailadmin_pages:preview_on_add", args=("news", "newspage", category.pk))
    assert client.post(url, form("Tin mới chưa lưu")).json()["is_valid"]
    query = params(front_end_url(client.get(url)))
    client.logout()
    data = client.get(API, query).json()
    assert data["title"] == "Tin mới chưa lưu" and data["id"] == 0
    assert not NewsPage.objects.filter(title="Tin mới chưa lưu").exists()


@pytest.mark.parametrize(
    "change",
    [
        {"token": None},
        {"content_type": None},
        {"token": "id=1:forged:signature"},
        {"content_type": "directives.legaldocumentpage"},
        {"content_type": "khong.co"},
        {"content_type": "newspage"},
    ],
)
def test_a_missing_wrong_or_mismatched_token_gets_no_draft(client, editor, headless, change):
    page = f.news()
    query = params(front_end_url(preview_on_edit(client, page, "Bí mật chưa duyệt")))
    client.logout()
    for key, value in change.items():
        if value is None:
            query.pop(key)
        else:
            query[key] = value
    response = client.get(API, query)
    assert response.status_code in (400, 404, 422)
    assert "Bí mật chưa duyệt" not in response.content.decode()


def test_a_validly_signed_token_without_a_snapshot_gets_404(client):
    token = TimestampSigner(salt="headlesspreview.token").sign("id=1")
    assert client.get(API, {"content_type": "news.newspage", "token": token}).status_code == 404


def test_an_expired_token_gets_404(client, editor, headless, monkeypatch):
    page = f.news()
    query = params(front_end_url(preview_on_edit(client, page, "Hết hạn")))
    monkeypatch.setattr("portal.preview.MAX_AGE", -1)
    assert client.get(API, query).status_code == 404


def test_without_a_front_end_url_the_normal_preview_is_served(client, editor, settings):
    settings.HEADLESS_PREVIEW_URL = ""
    page = f.news()
    response = preview_on_edit(client, page, "Xem trước thường")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<iframe" not in html and "Xem trước thường" in html
    assert not PagePreview.objects.exists()


def test_the_preview_needs_an_editor(client, django_user_model, headless):
    page = f.news()
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    assert client.get(url).status_code == 302  # anonymous: to the admin login
    client.force_login(django_user_model.objects.create_user(username="khach", password="x"))
    assert client.get(url).status_code in (302, 403)
    assert not PagePreview.objects.exists()
