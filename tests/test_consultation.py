"""Drafts opened for public comment, seen from outside: the draft page and its comment form (every
protection of portal.submissions), the section page, the API, the feed and the search — and a
commenter's email and phone in none of them."""

import json
from datetime import timedelta
from urllib.parse import urlsplit

import feedparser
import pytest
from django.core.cache import cache, caches
from django.test import Client, override_settings
from django.utils import timezone

from consultation.comments import DraftNotOpen, moderate, record_comment
from consultation.models import CommentStatus, DraftComment, DraftPage
from search import service
from search.service import SearchQuery
from tests import consultation_factories as cf
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()  # what the views use; every date below is relative to it
D = timedelta(days=1)
EMAIL, PHONE = "ba.tran.riengtu@example.vn", "0987 654 321"


@pytest.fixture(autouse=True)
def _fresh_rates():
    caches["ratelimit"].clear()
    yield
    caches["ratelimit"].clear()


def open_draft(**fields):
    return cf.draft(opens_on=TODAY - 5 * D, closes_on=TODAY + 20 * D, **fields)


def closed_draft(**fields):
    return cf.draft(opens_on=TODAY - 40 * D, closes_on=TODAY - D, **fields)


def form_data(**fields):
    data = {
        "name": "Trần Thị Ba",
        "organisation": "Hợp tác xã Nông nghiệp Tân Tiến",
        "email": EMAIL,
        "phone": PHONE,
        "content": "Đề nghị nâng mức hỗ trợ bảo trì đường trục xã lên 60 triệu đồng/km/năm.",
        "website": "",
    }
    data.update(fields)
    return data


def post(client, draft, **fields):
    return client.post(f"{draft.url}gop-y/", form_data(**fields))


# --- the form ------------------------------------------------------------------------------------


def test_a_comment_is_stored_pending_and_not_shown_until_approved(client):
    draft = open_draft()
    response = post(client, draft)
    assert response.status_code == 302
    assert response["Location"] == f"{draft.url}#gop-y"
    comment = DraftComment.objects.get()
    assert (comment.draft_id, comment.status) == (draft.pk, CommentStatus.PENDING)
    assert (comment.name, comment.organisation, comment.email, comment.phone) == (
        "Trần Thị Ba",
        "Hợp tác xã Nông nghiệp Tân Tiến",
        EMAIL,
        PHONE,
    )

    page = client.get(response["Location"])  # POST-redirect-GET: the confirmation, once
    html = page.content.decode()
    assert "sẽ hiển thị sau khi được kiểm duyệt" in html
    assert "60 triệu đồng/km/năm" not in html
    assert "Chưa có góp ý nào được công khai." in html
    assert 'class="approved-count">0<' in html
    assert "sẽ hiển thị sau khi được kiểm duyệt" not in client.get(draft.url).content.decode()


def test_approval_shows_the_comment_and_counts_it(client, admin_user):
    draft = open_draft()
    post(client, draft)
    moderate(DraftComment.objects.all(), CommentStatus.APPROVED, admin_user)
    comment = DraftComment.objects.get()
    assert comment.moderated_by == admin_user and comment.moderated_at is not None

    html = client.get(draft.url).content.decode()
    assert "Trần Thị Ba" in html and "Hợp tác xã Nông nghiệp Tân Tiến" in html
    assert "60 triệu đồng/km/năm" in html
    assert 'class="approved-count">1<' in html
    assert "Ý kiến góp ý (1)" in html

    item = client.get("/api/v3/drafts/").json()["items"][0]
    assert item["approved_comment_count"] == 1
    detail = client.get(f"/api/v3/pages/{draft.pk}/").json()
    assert detail["approved_comment_count"] == 1
    assert [c["name"] for c in detail["approved_comments"]] == ["Trần Thị Ba"]
    assert set(detail["approved_comments"][0]) == {"id", "name", "organisation", "submitted_at", "content"}


def test_rejected_and_spam_comments_stay_hidden(client, admin_user):
    draft = open_draft()
    shown = cf.comment(draft, CommentStatus.APPROVED, content="Ý kiến được duyệt")
    cf.comment(draft, CommentStatus.REJECTED, content="Ý kiến bị từ chối")
    cf.comment(draft, CommentStatus.SPAM, content="Quảng cáo thư rác")
    cf.comment(draft, CommentStatus.PENDING, content="Ý kiến chờ duyệt")
    html = client.get(draft.url).content.decode()
    assert shown.content in html
    for hidden in ("Ý kiến bị từ chối", "Quảng cáo thư rác", "Ý kiến chờ duyệt"):
        assert hidden not in html
    assert client.get("/api/v3/drafts/").json()["items"][0]["approved_comment_count"] == 1


def test_personal_data_is_in_no_public_output(client, admin_user):
    draft = open_draft(title="Dự thảo quy định hỗ trợ bảo trì đường giao thông nông thôn")
    post(client, draft)
    moderate(DraftComment.objects.all(), CommentStatus.APPROVED, admin_user)
    outputs = {
        "page": client.get(draft.url).content.decode(),
        "index": client.get(draft.get_parent().url).content.decode(),
        "listing": json.dumps(client.get("/api/v3/drafts/").json(), ensure_ascii=False),
        "detail": json.dumps(client.get(f"/api/v3/pages/{draft.pk}/").json(), ensure_ascii=False),
        "feed": client.get("/feeds/drafts.rss").content.decode(),
    }
    assert "Trần Thị Ba" in outputs["page"] and "Trần Thị Ba" in outputs["detail"]
    for name, body in outputs.items():
        for secret in (EMAIL, "ba.tran.riengtu", PHONE, "0987654321", "654 321"):
            assert secret not in body, (name, secret)
    # Nor in the search: neither the contact nor the comments are indexed.
    assert "ba tran" not in draft.search_folded()
    for query in ("ba.tran.riengtu", "0987 654 321", "60 trieu dong km nam"):
        result = service.search(SearchQuery(q=query), today=TODAY)
        assert result.count == 0, query
    assert [h.page.pk for h in service.search(SearchQuery(q="bao tri duong giao thong"), today=TODAY).results] == [
        draft.pk
    ]


def test_a_closed_or_not_yet_open_draft_refuses_comments(client):
    for draft, message in [
        (closed_draft(), "đã hết thời gian lấy ý kiến"),
        (cf.draft(opens_on=TODAY + D, closes_on=TODAY + 30 * D), "chưa đến thời gian lấy ý kiến"),
    ]:
        response = post(client, draft)
        assert response.status_code == 403
        assert message in response.content.decode()
        assert 'class="comment-form"' not in response.content.decode()
    assert not DraftComment.objects.exists()


def test_an_archive_portal_takes_no_comment_even_on_a_draft_still_open_by_its_dates(client):
    from wagtail.models import Site

    from home.models import AuthorityProfile

    draft = open_draft()
    profile = AuthorityProfile.for_site(Site.objects.get(is_default_site=True))
    profile.closed_on = TODAY - D
    profile.save()
    page = client.get(draft.url).content.decode()
    assert 'class="comment-form"' not in page
    response = post(client, draft)
    assert response.status_code == 403 and "cổng lưu trữ không nhận góp ý mới" in response.content.decode()
    assert not DraftComment.objects.exists()


def test_a_draft_closes_the_day_after_its_closing_date_without_a_job(client):
    draft = cf.draft(opens_on=TODAY - 10 * D, closes_on=TODAY)
    html = client.get(draft.url).content.decode()
    assert 'class="comment-form"' in html and "Đang lấy ý kiến" in html
    with pytest.raises(DraftNotOpen):
        record_comment(draft, form_data(), TODAY + D)
    assert record_comment(draft, form_data(), TODAY).status == CommentStatus.PENDING

    closed = closed_draft()
    html = client.get(closed.url).content.decode()
    assert 'class="comment-form"' not in html
    assert "Đã kết thúc" in html and "Cổng không còn tiếp nhận góp ý" in html


def test_the_trap_field_filled_is_refused_and_nothing_stored(client):
    draft = open_draft()
    response = post(client, draft, website="http://spam.example")
    assert response.status_code == 400
    assert "biểu mẫu có ô lẽ ra phải để trống" in response.content.decode()
    assert not DraftComment.objects.exists()


@override_settings(CITIZEN_FORM_RATES={"default": "5/h", "comment": "2/m"})
def test_past_the_rate_the_form_answers_429(client):
    draft = open_draft()
    assert [post(client, draft).status_code for _ in range(2)] == [302, 302]
    response = post(client, draft)
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "thử lại sau 1 phút" in response.content.decode()
    assert DraftComment.objects.count() == 2
    other = Client(REMOTE_ADDR="10.9.9.9")  # another address is counted apart
    assert post(other, draft).status_code == 302


def test_invalid_input_is_shown_again_with_400_naming_the_fields(client):
    draft = open_draft()
    response = post(client, draft, name="  ", email="khong-phai-thu", phone="abc", content="")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Góp ý chưa được gửi" in html
    for label in ("Họ và tên", "Thư điện tử", "Điện thoại", "Nội dung góp ý"):
        assert f'">{label}</a>:' in html, label
    assert "Số điện thoại không hợp lệ." in html
    assert 'value="Hợp tác xã Nông nghiệp Tân Tiến"' in html  # what was typed is kept
    assert "no-cache" in response["Cache-Control"]
    assert not DraftComment.objects.exists()


def test_the_form_needs_a_csrf_token(client):
    draft = open_draft()
    strict = Client(enforce_csrf_checks=True)
    assert post(strict, draft).status_code == 403
    assert not DraftComment.objects.exists()
    page = strict.get(draft.url)
    token = page.cookies["csrftoken"].value
    response = strict.post(f"{draft.url}gop-y/", {**form_data(), "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert DraftComment.objects.count() == 1


def test_a_page_with_the_form_is_never_cached_a_closed_one_may_be(client):
    response = client.get(open_draft().url)
    assert "no-cache" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert "csrfmiddlewaretoken" in response.content.decode()
    closed = client.get(closed_draft().url)
    assert "no-store" not in closed.get("Cache-Control", "")
    assert "csrfmiddlewaretoken" not in closed.content.decode()


def test_the_comment_address_sends_a_get_back_to_the_draft(client):
    draft = open_draft()
    response = client.get(f"{draft.url}gop-y/")
    assert response.status_code == 302 and response["Location"] == draft.url


def test_the_draft_page_shows_its_summary_dates_unit_and_files(client):
    draft = open_draft(files=2, contact="Sở Giao thông vận tải, số 8 đường Trần Phú; ĐT: 0211 3862 000")
    html = client.get(draft.url).content.decode()
    assert draft.summary in html
    assert f"Từ ngày {draft.opens_on:%d/%m/%Y} đến hết ngày {draft.closes_on:%d/%m/%Y}" in html
    assert "Sở Giao thông vận tải" in html
    assert "Tải về: Tệp 1 của dự thảo" in html and "Tải về: Tệp 2 của dự thảo" in html
    assert html.index("Tệp 1 của dự thảo") < html.index("Tệp 2 của dự thảo")
    assert "Nghị định số 13/2023/NĐ-CP" in html  # why the data is collected
    assert "0211 3862 000" in html  # the drafting unit's contact is public


# --- the section page ----------------------------------------------------------------------------


def test_the_index_lists_open_drafts_first_then_upcoming_then_closed_newest_first(client):
    old_closed = cf.draft("Đã đóng cũ", opens_on=TODAY - 90 * D, closes_on=TODAY - 60 * D)
    new_closed = cf.draft("Đã đóng mới", opens_on=TODAY - 30 * D, closes_on=TODAY - D)
    old_open = cf.draft("Đang mở cũ", opens_on=TODAY - 20 * D, closes_on=TODAY + D)
    new_open = cf.draft("Đang mở mới", opens_on=TODAY - 2 * D, closes_on=TODAY + 30 * D)
    upcoming = cf.draft("Sắp mở", opens_on=TODAY + 3 * D, closes_on=TODAY + 30 * D)
    cf.draft("Bản nháp", opens_on=TODAY, closes_on=TODAY + D, live=False)
    index = cf.draft_index()

    def titles(query=""):
        html = client.get(index.url + query).content.decode()
        order = [old_closed, new_closed, old_open, new_open, upcoming]
        return sorted((p.title for p in order if f">{p.title}</a>" in html), key=lambda t: html.index(f">{t}</a>"))

    assert titles() == ["Đang mở mới", "Đang mở cũ", "Sắp mở", "Đã đóng mới", "Đã đóng cũ"]
    assert titles("?trang_thai=dang-lay-y-kien") == ["Đang mở mới", "Đang mở cũ"]
    assert titles("?trang_thai=da-ket-thuc") == ["Đã đóng mới", "Đã đóng cũ"]
    assert len(titles("?trang_thai=khong-co")) == 5  # an unknown value filters nothing
    assert "Bản nháp" not in client.get(index.url).content.decode()


# --- API -------------------------------------------------------------------------------------------


def test_the_api_lists_live_public_drafts_with_status_dates_unit_files_and_filters(client):
    transport = factories.agency("Sở Giao thông vận tải", "SGTVT")
    finance = factories.agency("Sở Tài chính", "STC")
    opened = open_draft(files=1, drafting_unit=transport)
    closed = closed_draft(drafting_unit=finance)
    cf.draft(opens_on=TODAY, closes_on=TODAY + D, live=False)

    data = client.get("/api/v3/drafts/").json()
    assert data["count"] == 2
    item = next(i for i in data["items"] if i["id"] == opened.pk)
    assert item["meta"]["type"] == "consultation.DraftPage"
    assert (item["status"], item["status_label"]) == ("open", "Đang lấy ý kiến")
    assert (item["opens_on"], item["closes_on"]) == (opened.opens_on.isoformat(), opened.closes_on.isoformat())
    assert item["drafting_unit"] == {"id": transport.pk, "name": "Sở Giao thông vận tải", "short_code": "SGTVT"}
    assert [f["title"] for f in item["files"]] == ["Tệp 1 của dự thảo"]
    assert item["files"][0]["url"].endswith(".pdf") and item["files"][0]["size"] == 2048

    def ids(**params):
        return [i["id"] for i in client.get("/api/v3/drafts/", params).json()["items"]]

    assert ids(status="open") == [opened.pk]
    assert ids(status="closed") == [closed.pk]
    assert sorted(ids(status=["open", "closed"])) == sorted([opened.pk, closed.pk])
    assert ids(unit=finance.pk) == [closed.pk]
    assert client.get("/api/v3/drafts/", {"status": "dang-lay-y-kien"}).status_code == 400


def test_the_api_listing_query_count_does_not_grow_with_drafts(client, django_assert_num_queries):
    units = [factories.agency(f"Sở {i}", f"S{i}") for i in range(3)]
    for i in range(30):
        draft = cf.draft(opens_on=TODAY - i * D, closes_on=TODAY + D, files=i % 3, drafting_unit=units[i % 3])
        for status in (CommentStatus.APPROVED, CommentStatus.PENDING):
            cf.comment(draft, status)
    client.get("/api/v3/drafts/", {"limit": 30})
    for limit in (1, 10, 30):
        cache.clear()
        with django_assert_num_queries(6):  # + the site's root pages in every language (Wagtail i18n)
            data = client.get("/api/v3/drafts/", {"limit": limit}).json()
        assert len(data["items"]) == limit
        assert all(item["approved_comment_count"] == 1 for item in data["items"])


# --- feed --------------------------------------------------------------------------------------


def test_the_feed_lists_drafts_with_their_period_and_status_today(client):
    opened = open_draft(title="Dự thảo Quyết định hỗ trợ bảo trì đường giao thông nông thôn")
    closed = closed_draft(title="Dự thảo Kế hoạch chuyển đổi số năm 2026")
    cf.comment(opened, CommentStatus.APPROVED, content="Nội dung góp ý không vào bản tin")
    response = client.get("/feeds/drafts.rss")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert feed.feed.title.startswith("Lấy ý kiến dự thảo – ")
    assert [e.title for e in feed.entries] == [opened.title, closed.title]
    first, second = feed.entries
    assert "Tình trạng: Đang lấy ý kiến" in first.description
    assert "Tình trạng: Đã kết thúc" in second.description
    assert f"từ {opened.opens_on:%d/%m/%Y} đến {opened.closes_on:%d/%m/%Y}" in first.description
    assert urlsplit(first.link).path == opened.url
    assert "Nội dung góp ý không vào bản tin" not in response.content.decode()
    assert '/feeds/drafts.rss"' in client.get(opened.url).content.decode()  # announced by every page


def test_the_preview_of_a_new_draft_renders():
    open_draft()  # a sibling, so the new page's path follows it
    index = cf.draft_index()
    page = DraftPage(
        title="Dự thảo đang soạn",
        slug="du-thao-dang-soan",
        summary="Dự thảo Nghị quyết về phí tham quan",
        drafting_unit=factories.agency(),
        opens_on=TODAY,
        closes_on=TODAY + 10 * D,
    )
    page.depth = index.depth + 1
    page.path = index.get_last_child()._inc_path()
    page.set_url_path(index)
    response = page.make_preview_request()
    assert response.status_code == 200
    html = response.content.decode()
    assert "Dự thảo Nghị quyết về phí tham quan" in html and "Chưa có góp ý nào được công khai." in html


def test_comments_are_not_a_content_type_of_the_api():
    """A snippet with ``api_fields`` would be served by ``/api/v3/snippets/…`` with every field,
    email and phone included: comments must never get any (the detail's ``approved_comments`` is
    the only way a comment reaches the API)."""
    from wagtail.api import APIField
    from wagtail.api.v3.registry import registry

    assert not APIField.get_fields_for_model(DraftComment)
    assert not registry.has(DraftComment._meta.label)
