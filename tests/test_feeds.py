"""Feeds and discovery: RSS 2.0 of news and legal documents, sitemap.xml, robots.txt."""

import calendar
import unicodedata
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from directives.models import Field

from . import factories as f

pytestmark = pytest.mark.django_db

SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "rss20"
    return feed, response


def served(page) -> str:
    """``page``'s absolute URL as a request to the test client's host (testserver) writes it."""
    return "http://testserver" + page.url


def titles(feed) -> list[str]:
    return [entry.title for entry in feed.entries]


def restrict(page):
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="bimat")


@pytest.fixture
def news_tree():
    culture = f.news_index("Văn hóa - Xã hội")
    economy = f.news_index("Kinh tế")
    hidden_category = f.news_index("Chuyên mục nội bộ")
    restrict(hidden_category)
    pages = {
        "festival": f.news(
            unicodedata.normalize("NFD", "Lễ hội Đền Hùng năm Giáp Thìn"),
            category=culture,
            published_on=date(2024, 4, 18),
            lead=unicodedata.normalize("NFD", "Hàng vạn người dân về dự lễ hội & dâng hương."),
            author="Nguyễn Thị Hường",
        ),
        "market": f.news("Chợ phiên vùng cao", category=economy, published_on=date(2024, 3, 2), lead="Sapo chợ"),
        "draft": f.news("Bản tin chưa duyệt", category=culture, live=False, published_on=date(2024, 5, 1)),
        "private": f.news("Tin chỉ dành cho cán bộ", category=culture, published_on=date(2024, 4, 20)),
        "inside_hidden": f.news(
            "Tin trong chuyên mục nội bộ", category=hidden_category, published_on=date(2024, 4, 21)
        ),
    }
    restrict(pages["private"])
    # A live article with newer, unpublished changes: the feed shows what is live only.
    edited = pages["market"]
    edited.title = "Tiêu đề nháp chưa xuất bản"
    edited.save_revision()
    return {"culture": culture, "economy": economy, "hidden_category": hidden_category, **pages}


def test_news_feed_is_valid_rss_of_live_public_news_newest_first(client, news_tree):
    feed, response = parse(client, "/feeds/news.rss")
    assert titles(feed) == ["Lễ hội Đền Hùng năm Giáp Thìn", "Chợ phiên vùng cao"]
    assert feed.feed.title.startswith("Tin tức – ")
    assert feed.feed.link.startswith("http://")
    assert feed.feed.language == "vi"
    body = response.content.decode()
    for absent in ("Bản tin chưa duyệt", "Tin chỉ dành cho cán bộ", "Tin trong chuyên mục nội bộ", "Tiêu đề nháp"):
        assert absent not in body


def test_news_items_carry_absolute_link_guid_lead_author_and_category(client, news_tree):
    feed, _ = parse(client, "/feeds/news.rss")
    entry = feed.entries[0]
    page = news_tree["festival"]
    assert entry.link == served(page) and entry.link.startswith("http://testserver/")
    assert entry.id == f"tag:testserver,{timezone.localdate(page.first_published_at).isoformat()}:page/{page.pk}"
    assert entry.guidislink is False
    assert entry.summary == "Hàng vạn người dân về dự lễ hội &amp; dâng hương."
    assert entry.author == "Nguyễn Thị Hường"
    assert [tag.term for tag in entry.tags] == ["Văn hóa - Xã hội"]


def test_vietnamese_text_is_nfc_with_its_diacritics(client, news_tree):
    feed, response = parse(client, "/feeds/news.rss")
    title = "Lễ hội Đền Hùng năm Giáp Thìn"
    assert feed.entries[0].title == title
    assert unicodedata.is_normalized("NFC", response.content.decode())
    assert title.encode() in response.content
    assert unicodedata.normalize("NFD", title).encode() not in response.content
    assert b'encoding="utf-8"' in response.content


def test_pub_dates_are_written_in_vietnam_time(client):
    category = f.news_index("Thời sự")
    # First published at 09:30 UTC = 16:30 in Hà Nội, the same day as the article's date.
    f.news(
        "Tin buổi chiều",
        category=category,
        published_on=date(2024, 1, 5),
        first_published_at=datetime(2024, 1, 5, 9, 30, tzinfo=UTC),
    )
    # Published at 20:00 UTC on 5 Jan = 03:00 on 6 Jan in Hà Nội, dated by the editor 5 Jan: midnight of 5 Jan.
    f.news(
        "Tin đề ngày hôm trước",
        category=category,
        published_on=date(2024, 1, 5),
        first_published_at=datetime(2024, 1, 5, 20, 0, tzinfo=UTC),
    )
    feed, _ = parse(client, f"/feeds/news/{category.slug}.rss")
    dates = {entry.title: entry.published for entry in feed.entries}
    assert dates == {
        "Tin buổi chiều": "Fri, 05 Jan 2024 16:30:00 +0700",
        "Tin đề ngày hôm trước": "Fri, 05 Jan 2024 00:00:00 +0700",
    }
    by_title = {entry.title: entry.published_parsed for entry in feed.entries}
    assert calendar.timegm(by_title["Tin đề ngày hôm trước"]) == datetime(2024, 1, 4, 17, 0, tzinfo=UTC).timestamp()
    assert feed.feed.updated == "Fri, 05 Jan 2024 16:30:00 +0700"


def test_category_feed_lists_only_that_category(client, news_tree):
    feed, _ = parse(client, f"/feeds/news/{news_tree['economy'].slug}.rss")
    assert titles(feed) == ["Chợ phiên vùng cao"]
    assert feed.feed.title.startswith("Kinh tế – ")
    assert feed.feed.link == served(news_tree["economy"])
    feed, _ = parse(client, f"/feeds/news/{news_tree['culture'].slug}.rss")
    assert titles(feed) == ["Lễ hội Đền Hùng năm Giáp Thìn"]


def test_category_feed_of_an_unknown_draft_or_private_category_is_404(client, news_tree):
    draft = f.news_index("Chuyên mục nháp")
    draft.unpublish()
    for slug in ("khong-co", draft.slug, news_tree["hidden_category"].slug):
        assert client.get(f"/feeds/news/{slug}.rss").status_code == 404, slug


def test_feed_holds_the_latest_items_only(client, monkeypatch):
    monkeypatch.setattr("news.feeds.FEED_SIZE", 2)
    category = f.news_index("Thời sự")
    for day in (3, 1, 4, 2):
        f.news(f"Tin ngày {day}", category=category, published_on=date(2024, 2, day))
    feed, _ = parse(client, "/feeds/news.rss")
    assert titles(feed) == ["Tin ngày 4", "Tin ngày 3"]


def count_queries(client, url) -> int:
    client.get(url)  # warm the site-root cache
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_feed_queries_do_not_grow_with_items(client):
    category = f.news_index("Thời sự")
    fields = [Field.objects.create(name=f"Lĩnh vực {i}") for i in range(2)]
    f.news("Tin đầu", category=category)
    doc = f.legal_document()
    doc.fields.set(fields)
    doc.save_revision().publish()
    news_one, docs_one = count_queries(client, "/feeds/news.rss"), count_queries(client, "/feeds/legal-documents.rss")
    for i in range(6):
        f.news(f"Tin thêm {i}", category=category)
        extra = f.legal_document(issuing_body=f.agency(f"Sở số {i}", "SO"))
        extra.fields.set(fields)
        extra.save_revision().publish()
    assert count_queries(client, "/feeds/news.rss") == news_one
    assert count_queries(client, "/feeds/legal-documents.rss") == docs_one


# --- legal documents ------------------------------------------------------------------------


@pytest.fixture
def documents():
    decree_type = f.document_type("Nghị định", "NĐ", True)
    government = f.agency("Chính phủ", "CP")
    ministry = f.agency("Bộ Thông tin và Truyền thông", "BTTTT")
    decree = f.legal_document(
        "42/2022/NĐ-CP",
        summary="Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến",
        document_type=decree_type,
        issuing_body=government,
        issued_on=date(2022, 6, 24),
        effective_on=date(2022, 8, 15),
        status="con_hieu_luc",
    )
    decree.co_issuing_bodies.add(ministry)
    decree.fields.add(Field.objects.create(name="Công nghệ thông tin"))
    decree.save_revision().publish()
    decision = f.legal_document("959/QĐ-UBND", summary="Về việc ban hành kế hoạch", issued_on=date(2023, 3, 1))
    draft = f.legal_document("1/QĐ-UBND", summary="Dự thảo chưa ban hành", live=False, issued_on=date(2024, 1, 1))
    private = f.legal_document("2/QĐ-UBND", summary="Văn bản mật", issued_on=date(2024, 1, 2))
    restrict(private)
    return {"decree": decree, "decision": decision, "draft": draft, "private": private}


def test_legal_document_feed_cites_number_type_and_issuing_bodies(client, documents):
    feed, response = parse(client, "/feeds/legal-documents.rss")
    assert titles(feed) == [
        "Quyết định số 959/QĐ-UBND: Về việc ban hành kế hoạch",
        "Nghị định số 42/2022/NĐ-CP: Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến",
    ]
    decree = feed.entries[1]
    assert decree.link == served(documents["decree"])
    for text in (
        "Số ký hiệu: 42/2022/NĐ-CP",
        "Loại văn bản: Nghị định",
        "Cơ quan ban hành: Chính phủ; Bộ Thông tin và Truyền thông",
        "Ngày ban hành: 24/06/2022",
        "Tình trạng hiệu lực: Còn hiệu lực",
    ):
        assert text in decree.summary
    assert decree.published == "Fri, 24 Jun 2022 00:00:00 +0700"
    assert [tag.term for tag in decree.tags] == ["Nghị định", "Công nghệ thông tin"]
    assert feed.feed.title.startswith("Văn bản – ")
    assert feed.feed.link == served(f.legal_index())
    body = response.content.decode()
    assert "Dự thảo chưa ban hành" not in body and "Văn bản mật" not in body


# --- discovery --------------------------------------------------------------------------------


def test_pages_announce_their_feeds(client, news_tree):
    html = client.get("/", HTTP_HOST="localhost").content.decode()
    assert '<link rel="alternate" type="application/rss+xml" title="Tin tức" href="/feeds/news.rss">' in html
    assert 'type="application/rss+xml" title="Văn bản" href="/feeds/legal-documents.rss">' in html
    category = news_tree["culture"]
    html = client.get(category.url, HTTP_HOST="localhost").content.decode()
    link = f'type="application/rss+xml" title="Văn hóa - Xã hội" href="/feeds/news/{category.slug}.rss">'
    assert link in html
    assert client.get(f"/feeds/news/{category.slug}.rss").status_code == 200


def test_sitemap_lists_live_public_pages_only(client, news_tree, documents):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    locations = {loc.text for loc in root.findall("sm:url/sm:loc", SITEMAP_NS)}
    expected = [news_tree[k] for k in ("culture", "economy", "festival", "market")] + [
        documents["decree"],
        documents["decision"],
    ]
    for page in expected:
        assert served(page) in locations, page.title
    hidden = [news_tree[k] for k in ("draft", "private", "inside_hidden", "hidden_category")]
    hidden += [documents["draft"], documents["private"]]
    for page in hidden:
        assert served(page) not in locations, page.title
    assert "http://testserver/" in locations
    assert all(loc.startswith("http://testserver/") for loc in locations)
    lastmod = {
        url.findtext("sm:loc", namespaces=SITEMAP_NS): url.findtext("sm:lastmod", namespaces=SITEMAP_NS)
        for url in root.findall("sm:url", SITEMAP_NS)
    }
    festival = news_tree["festival"]
    festival.refresh_from_db()
    assert lastmod[served(festival)] == timezone.localdate(festival.last_published_at).isoformat()


def test_robots_txt_allows_all_but_the_admin_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Allow: /" in lines and "Disallow: /admin/" in lines
    assert "Disallow: /" not in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert client.get("/robots.txt", secure=True, HTTP_HOST="localhost").content.decode().splitlines()[-1] == (
        "Sitemap: https://localhost/sitemap.xml"
    )
