"""HTTP caching: Cache-Control, ETag/Last-Modified, 304 answers, and never for editors."""

import time
from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.http import http_date
from wagtail.images.models import Rendition
from wagtail.models import PageViewRestriction

import http_cache
from directives.models import Agency
from http_cache import middleware

from . import factories as f

pytestmark = pytest.mark.django_db

NEWS_LISTING = "/api/v3/pages/?type=news.NewsPage"
PUBLIC_URLS = ["/", NEWS_LISTING, "/feeds/news.rss", "/feeds/legal-documents.rss", "/sitemap.xml", "/robots.txt"]


@pytest.fixture
def portal():
    category = f.news_index("Văn hóa - Xã hội")
    news = f.news("Lễ hội làng Đông", category=category, published_on=date(2024, 1, 2), lead="Sapo")
    doc = f.legal_document("42/2022/NĐ-CP", issuing_body=f.agency("Chính phủ", "CP"), issued_on=date(2022, 6, 24))
    return {"category": category, "news": news, "doc": doc}


def commit():
    """What the end of the request's transaction does: run the pending version replacement.

    Tests run inside a transaction that never commits; the changes they make stay visible.
    """
    for bump in http_cache.pending_bumps():
        bump()


def age_content_version(seconds: int = 3600) -> None:
    """Pretend the last change of content happened ``seconds`` ago."""
    token = f"{time.time_ns() - seconds * 10**9}-0000aged"
    http_cache.version_cache().set(http_cache.VERSION_KEY, token, timeout=None)


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_responses_carry_cache_control_etag_and_vary(client, portal, url):
    response = client.get(url, HTTP_HOST="localhost")
    assert response.status_code == 200
    assert response["Cache-Control"] == "public, max-age=60"
    assert response["ETag"].startswith('W/"')
    vary = {v.strip().lower() for v in response["Vary"].split(",")}
    assert {"accept-language", "cookie"} <= vary


def test_max_age_comes_from_the_settings(client, portal, settings):
    settings.HTTP_CACHE_MAX_AGE = 300
    assert client.get(NEWS_LISTING)["Cache-Control"] == "public, max-age=300"


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_if_none_match_is_answered_304_without_rendering(client, portal, url, django_assert_num_queries):
    first = client.get(url, HTTP_HOST="localhost")
    with django_assert_num_queries(0):
        again = client.get(url, HTTP_HOST="localhost", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == "public, max-age=60"
    assert "Accept-Language" in again["Vary"]


def test_a_stale_etag_gets_the_full_response(client, portal):
    response = client.get(NEWS_LISTING, HTTP_IF_NONE_MATCH='W/"not-the-current-one"')
    assert response.status_code == 200 and response.json()["count"] == 1


def test_if_modified_since_is_answered_304_once_the_change_is_a_second_old(client, portal):
    client.get(NEWS_LISTING)  # the client's handler starts (a new process replaces the version)
    age_content_version()
    first = client.get(NEWS_LISTING)
    last_modified = first["Last-Modified"]
    assert client.get(NEWS_LISTING, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    earlier = http_date(time.time() - 7200)
    assert client.get(NEWS_LISTING, HTTP_IF_MODIFIED_SINCE=earlier).status_code == 200


def test_publishing_a_page_changes_the_etag_of_the_listing_it_appears_in(client, portal):
    commit()
    first = client.get(NEWS_LISTING)
    assert first.json()["count"] == 1
    new = f.news("Tin mới đăng", category=portal["category"], live=False)
    assert client.get(NEWS_LISTING, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304  # not committed yet
    new.save_revision().publish()
    commit()
    second = client.get(NEWS_LISTING, HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]
    assert "Tin mới đăng" in [item["title"] for item in second.json()["items"]]


def test_unpublishing_a_page_changes_etags_and_it_is_never_served_again(client, portal):
    commit()
    page = portal["news"]
    detail = client.get(page.url, HTTP_HOST="localhost")
    assert detail.status_code == 200
    listing = client.get(NEWS_LISTING)
    page.unpublish()
    commit()
    gone = client.get(page.url, HTTP_HOST="localhost", HTTP_IF_NONE_MATCH=detail["ETag"])
    assert gone.status_code == 404
    assert "public" not in gone.get("Cache-Control", "")
    assert client.get(f"/api/v3/pages/{page.pk}/").status_code == 404
    relisted = client.get(NEWS_LISTING, HTTP_IF_NONE_MATCH=listing["ETag"])
    assert relisted.status_code == 200 and relisted.json()["count"] == 0


def test_editing_a_snippet_changes_the_etag_of_pages_showing_it(client, portal):
    commit()
    url = f"/api/v3/pages/{portal['doc'].pk}/"
    first = client.get(url)
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    agency = Agency.objects.get(name="Chính phủ")
    agency.name = "Chính phủ nước CHXHCN Việt Nam"
    agency.save()
    commit()
    second = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert second.status_code == 200
    assert second.json()["issuing_bodies"][0]["name"] == "Chính phủ nước CHXHCN Việt Nam"


def test_a_view_restriction_changes_the_etag_and_the_page_stops_being_public(client, portal):
    commit()
    page = portal["news"]
    first = client.get(page.url, HTTP_HOST="localhost")
    assert b"Sapo" in first.content
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="bimat")
    commit()
    response = client.get(page.url, HTTP_HOST="localhost", HTTP_IF_NONE_MATCH=first["ETag"])
    assert response.status_code == 200  # the password form, with a CSRF cookie: never stored publicly
    assert b"Sapo" not in response.content
    assert "public" not in response.get("Cache-Control", "") and "ETag" not in response


def test_the_version_changes_only_when_the_transaction_commits_and_once(portal, django_capture_on_commit_callbacks):
    commit()
    before = http_cache.content_version()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page = f.news("Tin trong giao dịch", category=portal["category"])
        page.title = "Tin trong giao dịch (sửa)"
        page.save_revision().publish()
        assert http_cache.content_version() == before
    bumps = [c for c in callbacks if isinstance(c, http_cache.PendingBump)]
    assert len(bumps) == 1
    bumps[0]()
    assert http_cache.content_version() != before


def test_a_change_waits_for_the_commit():
    before = http_cache.content_version()
    http_cache.content_changed()  # tests run inside a transaction
    assert http_cache.content_version() == before
    commit()
    assert http_cache.content_version() != before


# --- never cached ------------------------------------------------------------------------------


def test_no_caching_for_a_logged_in_editor(client, portal):
    anonymous = client.get(NEWS_LISTING)
    admin = get_user_model().objects.create_superuser("bientap", "bientap@example.vn", "mat-khau-dai-123")
    client.force_login(admin)
    response = client.get(NEWS_LISTING, HTTP_IF_NONE_MATCH=anonymous["ETag"])
    assert response.status_code == 200
    assert "ETag" not in response
    assert "public" not in response.get("Cache-Control", "")
    page = client.get(portal["news"].url, HTTP_HOST="localhost")
    assert page.status_code == 200 and "ETag" not in page and "public" not in page.get("Cache-Control", "")


def test_no_caching_for_admin_authorization_posts_and_previews(client, portal):
    response = client.get("/admin/login/")
    assert "ETag" not in response and "public" not in response.get("Cache-Control", "")
    response = client.get(NEWS_LISTING, HTTP_AUTHORIZATION="Bearer abc")
    assert "ETag" not in response
    response = client.post("/tim-kiem/", {"q": "lễ hội"})
    assert "ETag" not in response
    response = client.get(f"{NEWS_LISTING}&preview_token=abc")
    assert "ETag" not in response


@pytest.mark.parametrize(
    ("method", "path", "headers", "cookies", "expected"),
    [
        ("GET", "/api/v3/pages/", {}, {}, True),
        ("HEAD", "/feeds/news.rss", {}, {}, True),
        ("POST", "/api/v3/pages/", {}, {}, False),
        ("GET", "/api/v3/pages/", {"HTTP_AUTHORIZATION": "Token abc"}, {}, False),
        ("GET", "/api/v3/pages/", {}, {"sessionid": "x"}, False),
        ("GET", "/api/v3/pages/", {}, {"messages": "x"}, False),
        ("GET", "/admin/pages/", {}, {}, False),
        ("GET", "/django-admin/", {}, {}, False),
        ("GET", "/api/v3/page_preview/", {}, {}, False),
        ("GET", "/api/v3/pages/?token=abc", {}, {}, False),
    ],
)
def test_cacheable_request(method, path, headers, cookies, expected):
    request = RequestFactory().generic(method, path, **headers)
    request.COOKIES.update(cookies)
    assert http_cache.cacheable_request(request) is expected


def test_etag_depends_on_version_path_query_host_language_and_date():
    rf = RequestFactory()
    version = http_cache.ContentVersion(token="1-a", changed_at=0.000000001)
    other = http_cache.ContentVersion(token="2-b", changed_at=0.000000002)
    day = date(2024, 1, 1)
    with translation.override("vi"):
        base = http_cache.version_etag(rf.get("/api/v3/pages/?type=news.NewsPage"), version, day)
        assert base == http_cache.version_etag(rf.get("/api/v3/pages/?type=news.NewsPage"), version, day)
        variants = [
            http_cache.version_etag(rf.get("/api/v3/pages/?type=news.NewsPage"), other, day),
            http_cache.version_etag(rf.get("/api/v3/pages/?type=directives.LegalDocumentPage"), version, day),
            http_cache.version_etag(rf.get("/api/v3/pages/?type=news.NewsPage", HTTP_HOST="localhost"), version, day),
            http_cache.version_etag(rf.get("/api/v3/pages/?type=news.NewsPage"), version, date(2024, 1, 2)),
            http_cache.version_etag(rf.get("/api/v3/pages/?type=news.NewsPage", secure=True), version, day),
        ]
    with translation.override("en"):
        variants.append(http_cache.version_etag(rf.get("/api/v3/pages/?type=news.NewsPage"), version, day))
    assert base not in variants and len(set(variants)) == len(variants)


def test_last_modified_waits_for_the_change_to_be_a_second_old():
    version = http_cache.ContentVersion(token="x", changed_at=time.time() - 0.2)
    assert http_cache.version_last_modified(version) is None
    old = http_cache.ContentVersion(token="x", changed_at=time.time() - 3 * 86400)
    midnight_or_later = http_cache.version_last_modified(old)
    assert midnight_or_later > old.changed_at  # a new day: the validity of documents may have changed


def test_renditions_and_sessions_do_not_count_as_content():
    assert http_cache.is_content_model(Agency)
    assert not http_cache.is_content_model(Rendition)
    from django.contrib.sessions.models import Session

    assert not http_cache.is_content_model(Session)


def test_search_results_are_validated_by_a_hash_of_the_body(client, portal):
    first = client.get("/tim-kiem/", {"q": "lễ hội"})
    assert first.status_code == 200 and first["Cache-Control"] == "public, max-age=60"
    assert first["ETag"] == http_cache.content_etag(first.content)
    assert client.get("/tim-kiem/", {"q": "lễ hội"}, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert "Last-Modified" not in first


def test_without_a_readable_version_the_body_is_hashed(client, portal, monkeypatch):
    def broken():
        raise ConnectionError("cache down")

    monkeypatch.setattr(middleware, "content_version", broken)  # the name the middleware calls
    first = client.get(NEWS_LISTING)
    assert first["ETag"] == http_cache.content_etag(first.content)
    assert client.get(NEWS_LISTING, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


# --- rendered responses kept on the server -------------------------------------------------------


@pytest.fixture
def kept(settings):
    """The rendered-response cache on (the test settings turn it off, see cms/settings/test.py)."""
    settings.HTTP_RESPONSE_CACHE_ALIAS = "default"


@pytest.mark.parametrize("url", [*PUBLIC_URLS, "/api/v3/news/?limit=20", "/api/v3/legal-documents/"])
def test_a_second_anonymous_get_is_answered_without_running_the_view(
    client, portal, kept, url, django_assert_num_queries
):
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.status_code == 200
    assert second.content == first.content
    for header in ("ETag", "Content-Type", "Cache-Control", "X-Frame-Options"):
        assert second.get(header) == first.get(header), header


def test_a_published_change_is_served_at_once(client, portal, kept):
    before = client.get("/api/v3/news/")
    f.news("Khai mạc hội chợ xuân", category=portal["category"], published_on=date(2024, 2, 1))
    commit()
    after = client.get("/api/v3/news/")
    assert "Khai mạc hội chợ xuân" in [item["title"] for item in after.json()["items"]]
    assert "Khai mạc hội chợ xuân" not in [item["title"] for item in before.json()["items"]]
    assert after["ETag"] != before["ETag"]


def test_each_url_is_kept_apart(client, portal, kept):
    news = client.get("/api/v3/news/").json()
    documents = client.get("/api/v3/legal-documents/").json()
    assert client.get("/api/v3/news/").json() == news
    assert client.get("/api/v3/legal-documents/").json() == documents
    assert news != documents
    assert client.get("/api/v3/news/?limit=1").json()["items"] == news["items"][:1]


def test_an_editors_page_is_never_kept_nor_an_anonymous_one_shown_to_editors(client, portal, kept):
    url = portal["news"].url
    admin = get_user_model().objects.create_superuser("bientap", "bientap@example.vn", "mat-khau-dai-123")
    client.force_login(admin)
    editor_view = client.get(url, HTTP_HOST="localhost")
    assert b"wagtail-userbar" in editor_view.content  # the editor's toolbar
    client.logout()
    anonymous = client.get(url, HTTP_HOST="localhost")
    assert anonymous.status_code == 200 and b"wagtail-userbar" not in anonymous.content
    client.force_login(admin)
    assert b"wagtail-userbar" in client.get(url, HTTP_HOST="localhost").content


def queries_of(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_search_results_and_large_bodies_are_not_kept(client, portal, kept, settings):
    queries_of(client, "/api/v3/search/?q=le+hoi")
    assert queries_of(client, "/api/v3/search/?q=le+hoi") > 0
    settings.HTTP_RESPONSE_CACHE_MAX_BYTES = 100
    queries_of(client, "/api/v3/news/")
    assert queries_of(client, "/api/v3/news/") > 0
    settings.HTTP_RESPONSE_CACHE_MAX_BYTES = 256 * 1024
    assert queries_of(client, "/api/v3/news/") > 0
    assert queries_of(client, "/api/v3/news/") == 0


def test_a_response_that_will_set_a_cookie_is_not_kept(kept):
    from django.contrib.sessions.backends.signed_cookies import SessionStore
    from django.http import HttpResponse

    factory = RequestFactory()
    request = factory.get("/")
    request.session = SessionStore()
    assert http_cache.keep_response(request, HttpResponse(b"ok"), 'W/"a"')
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    assert not http_cache.keep_response(request, HttpResponse(b"csrf"), 'W/"b"')
    request = factory.get("/")
    request.session = SessionStore()
    request.session["seen"] = True
    assert not http_cache.keep_response(request, HttpResponse(b"session"), 'W/"c"')
    assert not http_cache.keep_response(factory.head("/"), HttpResponse(b"head"), 'W/"d"')
    assert http_cache.kept_response(factory.get("/"), 'W/"a"').content == b"ok"
    assert http_cache.kept_response(factory.get("/"), 'W/"b"') is None
