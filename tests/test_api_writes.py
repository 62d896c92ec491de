"""Writes by integrations with an API token (news/api.py ``POST /api/v3/news/``; docs/api.md).

Tokens are Wagtail's ``APIToken``, made with its own management command. A reporter's token
(Cộng tác viên / Phóng viên: may add, may not publish) saves drafts and submits them to the
workflow "Duyệt tin bài" but can never publish; the chief editor's token may publish; anonymous
writes are refused; invalid bodies get 422 with messages and leave nothing behind.
"""

import json

import pytest
from wagtail.models import APIToken, Page, Revision, WorkflowState

from editorial import roles
from news.models import NewsPage

from . import factories as f

pytestmark = pytest.mark.django_db

URL = "/api/v3/news/"


@pytest.fixture
def category():
    return f.news_index("Tin tức - Sự kiện")


@pytest.fixture
def reporter_token():
    return f.api_token(f.member("phongvien", roles.REPORTER))


@pytest.fixture
def chief_token():
    return f.api_token(f.member("truongban", roles.CHIEF_EDITOR))


def post(client, body, token=None, url=URL):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return client.post(url, json.dumps(body), content_type="application/json", **headers)


def body(parent, **extra):
    return {
        "category": parent.slug,
        "title": "Hội nghị triển khai nhiệm vụ năm 2027",
        "lead": "Sáng 28/11, UBND huyện tổ chức hội nghị.",
        "body": "<p>Nội dung <b>chính</b>.</p>",
        "tags": ["hội nghị", "kinh tế"],
        **extra,
    }


def counts():
    return Page.objects.count(), Revision.objects.count(), WorkflowState.objects.count()


def test_the_management_command_makes_a_token_that_the_api_accepts(client, category):
    user = f.member("phongvien", roles.REPORTER)
    token = f.api_token(user)
    assert APIToken.objects.get(user=user).revoked_at is None
    assert post(client, body(category), token).status_code == 201
    assert post(client, body(category), token + "x").status_code == 401


def test_a_reporter_token_saves_a_draft_in_the_category(client, reporter_token, category):
    response = post(client, body(category, published_on="2026-11-28"), reporter_token)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "draft" and data["live"] is False and data["workflow"] is None
    page = NewsPage.objects.get(pk=data["id"])
    assert page.get_parent().pk == category.pk
    assert not page.live and page.has_unpublished_changes
    assert page.owner.username == "phongvien"
    assert page.slug == "hoi-nghi-trien-khai-nhiem-vu-nam-2027"
    assert str(page.published_on) == "2026-11-28"
    assert sorted(t.name for t in page.tags.all()) == ["hội nghị", "kinh tế"]
    html = str(page.body[0].value)
    assert "<b>chính</b>" in html
    assert page.latest_revision.user.username == "phongvien"
    # a draft is not public: not in the listing, not in the detail
    assert client.get(data["detail_url"]).status_code == 404
    assert data["id"] not in [item["id"] for item in client.get(URL).json()["items"]]


def test_a_reporter_token_submits_to_the_review_workflow(client, reporter_token, category):
    response = post(client, body(category, action="submit"), reporter_token)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "in_moderation" and data["workflow"] == roles.REVIEW_WORKFLOW
    page = NewsPage.objects.get(pk=data["id"])
    state = page.current_workflow_state
    assert state.status == "in_progress" and state.requested_by.username == "phongvien"
    assert page.current_workflow_task.name == roles.EDITOR_STEP
    assert not page.live


def test_a_reporter_token_can_never_publish(client, reporter_token, category):
    before = counts()
    response = post(client, body(category, action="publish"), reporter_token)
    assert response.status_code == 403
    assert "may not publish" in response.json()["detail"]
    assert counts() == before

    # Wagtail's own write endpoints refuse it too
    draft = post(client, body(category), reporter_token).json()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {reporter_token}"}
    response = client.post(f"/api/v3/pages/{draft['id']}/actions/publish/", **headers)
    assert response.status_code == 403
    wagtail_create = {
        "meta": {"type": "news.NewsPage", "parent_id": category.pk, "action": "publish"},
        "title": "Tin qua API của Wagtail",
        "slug": "tin-qua-api-cua-wagtail",
    }
    before = counts()
    assert post(client, wagtail_create, reporter_token, url="/api/v3/pages/").status_code == 403
    assert counts() == before
    assert not NewsPage.objects.filter(live=True).exists()


def test_a_chief_editor_token_may_publish_when_it_asks(client, chief_token, category):
    response = post(client, body(category, action="publish"), chief_token)
    assert response.status_code == 201, response.content
    data = response.json()
    assert data["status"] == "live" and data["live"] is True
    assert NewsPage.objects.live().filter(pk=data["id"]).exists()
    assert client.get(data["detail_url"]).status_code == 200
    # and its drafts stay drafts unless it asks
    draft = post(client, body(category, title="Tin nháp"), chief_token).json()
    assert draft["status"] == "draft" and not NewsPage.objects.get(pk=draft["id"]).live


@pytest.mark.parametrize("auth", [None, "Bearer", "Bearer sai-token", "Basic cGhvbmd2aWVuOng="])
def test_anonymous_or_bad_credentials_are_refused(client, category, auth):
    before = counts()
    headers = {"HTTP_AUTHORIZATION": auth} if auth else {}
    response = client.post(URL, json.dumps(body(category)), content_type="application/json", **headers)
    assert response.status_code in (401, 403)
    assert counts() == before


def test_a_session_login_does_not_replace_the_token(client, category):
    client.force_login(f.member("truongban", roles.CHIEF_EDITOR))
    assert post(client, body(category)).status_code == 401


def test_a_revoked_token_is_refused(client, category):
    user = f.member("phongvien", roles.REPORTER)
    token = f.api_token(user)
    APIToken.objects.get(user=user).revoke()
    assert post(client, body(category), token).status_code == 401


def test_a_user_without_page_permissions_is_refused(client, django_user_model, category):
    token = f.api_token(django_user_model.objects.create_user(username="khach", password="x"))
    before = counts()
    assert post(client, body(category), token).status_code == 403
    assert counts() == before


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": None}, "title"),
        ({"action": "xoa"}, "action"),
        ({"published_on": "28/11/2026"}, "published_on"),
        ({"tags": "một chuỗi"}, "tags"),
        ({"category": "khong-co-chuyen-muc"}, "category"),
        ({"slug": "có dấu cách"}, "slug"),
    ],
)
def test_invalid_bodies_get_422_with_a_message_and_save_nothing(client, reporter_token, category, change, field):
    before = counts()
    response = post(client, body(category, **change), reporter_token)
    assert response.status_code == 422, response.content
    problem = response.json()
    assert field in json.dumps(problem, ensure_ascii=False)
    assert problem["detail"]
    assert counts() == before


@pytest.mark.parametrize(
    ("html", "named"),
    [
        ("<p>x</p><script>alert(1)</script>", "<script>alert(1)</script>"),
        ("<p>a<img src=x></p>", '<img src="x"/>'),
        ("<p>a</p><hr>", "<hr/>"),
    ],
)
def test_a_body_holding_what_a_news_body_may_not_hold_gets_422_naming_it(client, reporter_token, category, html, named):
    before = counts()
    response = post(client, body(category, body=html), reporter_token)
    assert response.status_code == 422, response.content
    detail = response.json()["detail"]
    assert detail.startswith("body: ") and (named in detail or "not allowed" in detail), detail
    assert counts() == before


@pytest.mark.parametrize(
    ("html", "kept"),
    [
        ("<p>dòng một<br>dòng hai</p>", "dòng một<br/>dòng hai"),
        ("<p>a</b></p>", ">a</p>"),
        ("một đoạn không thẻ", "một đoạn không thẻ"),
        ("<p>Xem <a href='https://vinhtuong.gov.vn/'>cổng</a>.</p><ul><li>một</li></ul>", ">một</li></ul>"),
        # Event handlers and styling attributes are not content: removed, the text kept.
        ('<p onclick="steal()" style="color:red">chữ</p>', ">chữ</p>"),
    ],
)
def test_ordinary_html_is_stored_whole(client, reporter_token, category, html, kept):
    response = post(client, body(category, body=html), reporter_token)
    assert response.status_code == 201, response.content
    stored = str(NewsPage.objects.get(pk=response.json()["id"]).body[0].value)
    assert kept in stored and "onclick" not in stored and "style" not in stored


def test_a_body_that_is_not_json_is_refused(client, reporter_token, category):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {reporter_token}"}
    response = client.post(URL, "title=x", content_type="application/json", **headers)
    assert response.status_code in (400, 422)


def test_a_duplicate_slug_is_refused_and_nothing_is_saved(client, reporter_token, category):
    f.news(category=category, title="Tin cũ").slug  # noqa: B018
    existing = NewsPage.objects.get(title="Tin cũ")
    before = counts()
    response = post(client, body(category, slug=existing.slug), reporter_token)
    assert response.status_code == 422
    assert "slug" in response.json()["detail"]
    assert counts() == before


def test_submit_in_a_category_without_workflow_is_refused(client, reporter_token, category):
    from wagtail.models import WorkflowPage

    WorkflowPage.objects.all().delete()  # Wagtail's default workflow sits on the root page
    assert category.get_workflow() is None
    before = counts()
    response = post(client, body(category, action="submit"), reporter_token)
    assert response.status_code == 422
    assert counts() == before


def test_write_responses_are_not_cached(client, reporter_token, category):
    response = post(client, body(category), reporter_token)
    assert response.status_code == 201
    assert "public" not in response.get("Cache-Control", "")
