"""Absolute URLs come from the request's scheme and host, or from PUBLIC_BASE_URL when it is set
(portal/absolute_urls.py): the sitemap, the feeds, the API's html_url and image renditions, the
printed page address, the iCalendar feeds, robots.txt and the e-mails to citizens — never the
Wagtail Site's hostname (``localhost`` in the tests) nor WAGTAILADMIN_BASE_URL."""

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from pathlib import Path

import feedparser
import icalendar
import pytest
from django.core import mail
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import Page, Site

from editorial import roles
from portal import absolute_urls
from questions import handling
from questions.access import UNIT_STAFF
from questions.models import Question, QuestionIndexPage
from schedule import views as schedule_views

from . import factories as f
from . import schedule_factories as sf

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[1]
HOST = "portal.example:8443"
PUBLIC = "https://cong.vinhtuong.gov.vn"
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(autouse=True)
def _hosts(settings):
    settings.ALLOWED_HOSTS = ["testserver", "localhost", "portal.example", "proxy.internal"]
    settings.PUBLIC_BASE_URL = ""
    settings.USE_X_FORWARDED_HOST = False


@pytest.fixture
def article():
    category = f.news_index("Văn hóa - Xã hội")
    page = f.news("Lễ hội Đền Hùng", category=category, lead="Hàng vạn người dân về dự lễ.")
    page.lead_image = f.image("Rước kiệu", size=(1600, 900))
    page.save_revision().publish()
    return page


def sitemap_locations(client, **extra) -> list[str]:
    response = client.get("/sitemap.xml", **extra)
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    return [loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)]


def feed(client, url, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200
    return feedparser.parse(response.content), response.content.decode()


def api(client, url, **extra) -> dict:
    response = client.get(url, **extra)
    assert response.status_code == 200, response.content[:300]
    return json.loads(response.content)


def image_urls(image: dict) -> list[str]:
    return [image["url"], image["small"]["url"], image["large"]["url"]]


# --- from the request -------------------------------------------------------------------------------


def test_the_sitemap_names_the_host_the_request_came_to(client, article):
    locations = sitemap_locations(client, HTTP_HOST=HOST)
    assert f"http://{HOST}{article.url}" in locations
    assert all(loc.startswith(f"http://{HOST}/") for loc in locations)
    secure = sitemap_locations(client, HTTP_HOST=HOST, secure=True)
    assert f"https://{HOST}{article.url}" in secure
    assert not any("localhost" in loc for loc in locations + secure)


def test_feeds_link_to_the_host_the_request_came_to(client, article):
    parsed, body = feed(client, "/feeds/news.rss", HTTP_HOST=HOST)
    assert parsed.feed.link == f"http://{HOST}/"
    assert parsed.entries[0].link == f"http://{HOST}{article.url}"
    assert parsed.entries[0].id.startswith("tag:portal.example,")
    assert f'href="http://{HOST}/feeds/news.rss"' in body  # atom:link rel="self"
    category, _ = feed(client, f"/feeds/news/{article.get_parent().slug}.rss", HTTP_HOST=HOST)
    assert category.feed.link == f"http://{HOST}{article.get_parent().url}"
    assert "localhost" not in body


def test_the_other_feeds_link_to_the_request_host_too(client):
    document = f.legal_document("42/2022/NĐ-CP")
    questions = f.section(QuestionIndexPage, "Hỏi đáp", "hoi-dap")
    parsed, _ = feed(client, "/feeds/legal-documents.rss", HTTP_HOST=HOST)
    assert parsed.feed.link == f"http://{HOST}{document.get_parent().url}"
    assert parsed.entries[0].link == f"http://{HOST}{document.url}"
    parsed, _ = feed(client, "/feeds/questions.rss", HTTP_HOST=HOST)
    assert parsed.feed.link in (f"http://{HOST}{questions.url}", f"http://{HOST}/")


def test_the_api_html_url_and_image_renditions_name_the_request_host(client, article, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8000"  # the admin's address: not the API's
    detail = api(client, f"/api/v3/pages/{article.pk}/", HTTP_HOST=HOST)
    assert detail["meta"]["html_url"] == f"http://{HOST}{article.url}"
    urls = image_urls(detail["lead_image"])
    assert all(url.startswith(f"http://{HOST}/media/images/") for url in urls), urls
    listing = api(client, "/api/v3/news/", HTTP_HOST=HOST)
    item = next(i for i in listing["items"] if i["id"] == article.pk)
    assert item["meta"]["html_url"] == f"http://{HOST}{article.url}"
    assert all(url.startswith(f"http://{HOST}/media/images/") for url in image_urls(item["lead_image"]))
    pages = api(client, "/api/v3/pages/", HTTP_HOST=HOST, secure=True)
    assert all(p["meta"]["html_url"].startswith(f"https://{HOST}/") for p in pages["items"])


def test_the_printed_page_address_is_the_one_the_reader_opened(client, article):
    html = client.get(article.url, HTTP_HOST=HOST).content.decode()
    assert f'<p class="print-only">Địa chỉ trang: http://{HOST}{article.url}</p>' in html
    assert "http://localhost" not in html


def test_the_icalendar_feed_links_each_event_to_its_week_on_the_request_host(client, monkeypatch):
    monkeypatch.setattr(schedule_views, "local_today", lambda: date(2025, 6, 4))
    index = sf.schedule_index()
    sf.entry(date(2025, 6, 5), content="Họp UBND huyện thường kỳ tháng 6", leaders=[sf.chairman()])
    response = client.get(index.url + "lich.ics", HTTP_HOST=HOST)
    assert response.status_code == 200
    event = next(iter(icalendar.Calendar.from_ical(response.content).walk("VEVENT")))
    assert str(event["URL"]) == f"http://{HOST}{index.url}?tuan=2025-W23"


def test_robots_txt_points_to_the_sitemap_on_the_request_host(client):
    lines = client.get("/robots.txt", HTTP_HOST=HOST).content.decode().splitlines()
    assert f"Sitemap: http://{HOST}/sitemap.xml" in lines


def test_a_page_of_another_wagtail_site_keeps_that_sites_address():
    home = Page.objects.get(depth=1)
    other_root = home.add_child(instance=Page(title="Cổng xã", slug="cong-xa"))
    other_page = other_root.add_child(instance=Page(title="Giới thiệu xã", slug="gioi-thieu-xa"))
    Site.objects.create(hostname="xa.example", port=443, root_page=other_root)
    ours = f.news("Tin của huyện")
    request = RequestFactory().get("/", HTTP_HOST=HOST)
    assert ours.get_url(request).startswith("/")  # the request's site: a local link
    assert ours.get_full_url(request) == f"http://{HOST}{ours.get_url(request)}"
    assert other_page.get_full_url(request) == other_page.get_url(request) == "https://xa.example/gioi-thieu-xa/"


# --- behind a proxy --------------------------------------------------------------------------------


def test_a_forwarded_host_is_ignored_unless_the_proxy_is_trusted(client, article):
    forged = {"HTTP_HOST": HOST, "HTTP_X_FORWARDED_HOST": "evil.example"}
    assert all(loc.startswith(f"http://{HOST}/") for loc in sitemap_locations(client, **forged))
    detail = api(client, f"/api/v3/pages/{article.pk}/", **forged)
    assert detail["meta"]["html_url"] == f"http://{HOST}{article.url}"
    assert "evil.example" not in client.get("/robots.txt", **forged).content.decode()


def test_a_trusted_proxys_forwarded_host_is_used_and_still_checked(client, article, settings):
    settings.USE_X_FORWARDED_HOST = True
    behind = {"HTTP_HOST": "10.0.0.5:8000", "HTTP_X_FORWARDED_HOST": "portal.example"}
    locations = sitemap_locations(client, **behind)
    assert f"http://portal.example{article.url}" in locations
    assert all(loc.startswith("http://portal.example/") for loc in locations)
    assert api(client, f"/api/v3/pages/{article.pk}/", **behind)["meta"]["html_url"] == (
        f"http://portal.example{article.url}"
    )
    # a forwarded host outside ALLOWED_HOSTS is refused, as a Host would be
    assert client.get("/sitemap.xml", HTTP_X_FORWARDED_HOST="evil.example").status_code == 400


# --- PUBLIC_BASE_URL ---------------------------------------------------------------------------------


def test_public_base_url_wins_over_the_request_everywhere(client, article, settings, monkeypatch):
    settings.PUBLIC_BASE_URL = PUBLIC
    through = {"HTTP_HOST": HOST, "HTTP_X_FORWARDED_HOST": "evil.example"}
    assert all(loc.startswith(PUBLIC + "/") for loc in sitemap_locations(client, **through))
    parsed, body = feed(client, "/feeds/news.rss", **through)
    assert parsed.feed.link == PUBLIC + "/" and parsed.entries[0].link == PUBLIC + article.url
    assert f'href="{PUBLIC}/feeds/news.rss"' in body
    assert parsed.entries[0].id.startswith("tag:cong.vinhtuong.gov.vn,")
    detail = api(client, f"/api/v3/pages/{article.pk}/", **through)
    assert detail["meta"]["html_url"] == PUBLIC + article.url
    assert all(url.startswith(PUBLIC + "/media/images/") for url in image_urls(detail["lead_image"]))
    html = client.get(article.url, **through).content.decode()
    assert f"Địa chỉ trang: {PUBLIC}{article.url}</p>" in html
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in client.get("/robots.txt", **through).content.decode()
    monkeypatch.setattr(schedule_views, "local_today", lambda: date(2025, 6, 4))
    index = sf.schedule_index()
    sf.entry(date(2025, 6, 5), content="Tiếp công dân định kỳ")
    calendar = icalendar.Calendar.from_ical(client.get(index.url + "lich.ics", **through).content)
    event = next(iter(calendar.walk("VEVENT")))
    assert str(event["URL"]).startswith(PUBLIC + index.url)
    # and outside any request
    assert article.full_url == PUBLIC + article.url
    assert absolute_urls.absolute_url("/media/a.jpg") == PUBLIC + "/media/a.jpg"


def test_outside_a_request_without_public_base_url_the_wagtail_site_address_is_used(article):
    assert absolute_urls.current_request() is None
    assert article.full_url == "http://localhost" + article.url
    assert absolute_urls.absolute_url("/media/a.jpg") == "http://localhost/media/a.jpg"
    assert absolute_urls.absolute_url("https://cdn.example/a.jpg") == "https://cdn.example/a.jpg"


# --- e-mails -----------------------------------------------------------------------------------------


@pytest.fixture
def questions_section():
    return f.section(QuestionIndexPage, "Hỏi đáp", "hoi-dap")


def send_question(client, section, **extra):
    from directives.models import Field

    data = {
        "kind": "hoi-dap",
        "field": Field.objects.get_or_create(name="Đất đai")[0].pk,
        "title": "Thủ tục tách thửa đất ở",
        "body": "Gia đình tôi muốn tách thửa đất ở để tặng cho con. Hồ sơ gồm những gì?",
        "name": "Nguyễn Văn Hỏi",
        "email": "nguoi.hoi@example.com",
        "agree": "on",
        "website": "",
    }
    return client.post(section.url + "gui-cau-hoi/", data, **extra)


def test_the_tracking_link_mailed_to_a_sender_names_the_host_or_the_public_address(
    client, questions_section, settings, django_capture_on_commit_callbacks
):
    from django.core.cache import caches

    caches["ratelimit"].clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_question(client, questions_section, HTTP_HOST=HOST).status_code == 302
    code = Question.objects.get().code
    assert f"http://{HOST}{questions_section.url}tra-cuu/?ma={code}" in mail.outbox[-1].body
    settings.PUBLIC_BASE_URL = PUBLIC
    caches["ratelimit"].clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_question(client, questions_section, HTTP_HOST=HOST).status_code == 302
    code = Question.objects.latest("pk").code
    assert f"{PUBLIC}{questions_section.url}tra-cuu/?ma={code}" in mail.outbox[-1].body


def _answer_ready(client, section):
    """A question accepted, its answer written and submitted by the unit (two approvals to go)."""
    assert send_question(client, section).status_code == 302
    question = Question.objects.get()
    unit = f.agency("Phòng Tài nguyên và Môi trường", "")
    page = handling.accept(question, unit=unit, deadline=timezone.localdate() + timedelta(days=10))
    staff = f.member("canbo", UNIT_STAFF)
    page.answer = "<p>Hồ sơ gồm đơn đề nghị tách thửa.</p>"
    page.save_revision(user=staff)
    page.get_workflow().start(page, staff)
    return page


def test_the_answer_mailed_after_an_editor_publishes_links_to_the_host_of_that_request(
    client, questions_section, django_capture_on_commit_callbacks
):
    from django.core.cache import caches

    from tests.test_editorial_workflow import approve

    caches["ratelimit"].clear()
    page = _answer_ready(client, questions_section)
    client.defaults["HTTP_HOST"] = HOST
    client.force_login(f.member("bientapvien", roles.EDITOR))
    approve(client, page)
    client.force_login(f.member("truongban", roles.CHIEF_EDITOR))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        approve(client, page)
    page.refresh_from_db()
    assert page.live
    to_sender = [m for m in mail.outbox if m.to == ["nguoi.hoi@example.com"]]
    assert len(to_sender) == 1
    assert f"http://{HOST}{page.url}" in to_sender[0].body


def test_the_answer_mailed_outside_a_request_uses_public_base_url(
    client, questions_section, settings, django_capture_on_commit_callbacks
):
    from django.core.cache import caches

    caches["ratelimit"].clear()
    page = _answer_ready(client, questions_section)
    settings.PUBLIC_BASE_URL = PUBLIC
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.get_latest_revision().publish()  # as publish_scheduled does from cron: no request
    body = next(m.body for m in mail.outbox if m.to == ["nguoi.hoi@example.com"])
    assert f"{PUBLIC}{page.url}" in body


def test_the_request_being_served_is_known_only_while_it_is_served():
    seen = []
    middleware = absolute_urls.CurrentRequestMiddleware(lambda request: seen.append(absolute_urls.base_url()))
    middleware(RequestFactory().get("/", HTTP_HOST=HOST))
    assert seen == [f"http://{HOST}"]
    assert absolute_urls.current_request() is None and absolute_urls.base_url() is None


# --- settings -----------------------------------------------------------------------------------------


def load_settings(**env):
    environ = {k: v for k, v in os.environ.items() if k not in {"PUBLIC_BASE_URL", "WAGTAILADMIN_BASE_URL"}}
    environ |= {"SECRET_KEY": "x" * 50, **env}
    code = (
        "import cms.settings.production as s; "
        "print(repr(s.PUBLIC_BASE_URL), s.USE_X_FORWARDED_HOST, s.WAGTAILADMIN_BASE_URL, "
        "'portal.absolute_urls.CurrentRequestMiddleware' in s.MIDDLEWARE)"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environ, capture_output=True, text=True, timeout=60
    )


def test_settings_read_the_public_address_and_the_proxy_trust_from_the_environment():
    result = load_settings(PUBLIC_BASE_URL="https://cong.vinhtuong.gov.vn/", USE_X_FORWARDED_HOST="1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["'https://cong.vinhtuong.gov.vn'", "True", "https://cong.vinhtuong.gov.vn", "True"]
    result = load_settings()
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[:2] == ["''", "False"]


@pytest.mark.parametrize(
    "value",
    [
        "cong.vinhtuong.gov.vn",
        "ftp://cong.vinhtuong.gov.vn",
        "https://cong.vinhtuong.gov.vn/portal",
        "https://",
        "https://cong.vinhtuong.gov.vn:web",
        "https://admin@cong.vinhtuong.gov.vn",
    ],
)
def test_a_public_base_url_that_is_not_scheme_and_host_stops_the_start(value):
    result = load_settings(PUBLIC_BASE_URL=value)
    assert result.returncode != 0
    assert "PUBLIC_BASE_URL must be the portal's public address" in result.stderr


def test_the_deploy_check_warns_when_no_public_address_is_set(settings):
    settings.PUBLIC_BASE_URL = ""
    assert [w.id for w in absolute_urls.check_public_base_url()] == ["portal.W001"]
    settings.PUBLIC_BASE_URL = PUBLIC
    assert absolute_urls.check_public_base_url() == []
