"""The feeds in each language (docs/english.md): `/feeds/news.rss` lists the Vietnamese news only,
`/en/feeds/news.rss` (and each English category's `/en/feeds/news/<slug>.rss`) the English
translations, with the authority's English name and `<language>en</language>`; each page's
`<head>` announces the feeds of its own language."""

from datetime import date

import feedparser
import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from news.importing import body_blocks
from portal.importing import home_page

from . import factories as f

pytestmark = pytest.mark.django_db

VI_NAME = "Ủy ban nhân dân huyện Vĩnh Tường"
EN_NAME = "Vinh Tuong District People's Committee"


@pytest.fixture
def bilingual():
    f.authority_profile(authority_name=VI_NAME, authority_name_en=EN_NAME)
    category = f.news_index("Tin tức - Sự kiện")
    economy = f.news_index("Kinh tế")
    vi = {
        "vote": f.news("Cử tri nô nức đi bầu cử", category=category, published_on=date(2021, 5, 23), lead="Sapo"),
        "market": f.news("Chợ phiên vùng cao", category=economy, published_on=date(2024, 3, 2)),
        "bridge": f.news("Khánh thành cầu Đại Đồng", category=category, published_on=date(2024, 6, 1)),
    }
    f.translate(home_page(), title="Vinh Tuong District e-Portal")
    en_category = f.translate(category, title="News and events", slug="news")
    en = {
        "vote": f.translate(
            vi["vote"],
            title="Voters turn out",
            slug="voters-turn-out",
            lead="Turnout above 99%.",
            body=body_blocks("Voters of Vinh Tuong went to the polls."),
        ),
        "bridge": f.translate(vi["bridge"], title="Dai Dong bridge opens", slug="dai-dong-bridge"),
    }
    return {"vi": vi, "en": en, "category": category, "en_category": en_category}


def parse(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def path(url: str) -> str:
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    assert parts.scheme == "http" and parts.hostname  # links are absolute
    return parts.path


def titles(feed) -> list[str]:
    return [entry.title for entry in feed.entries]


def test_the_vietnamese_feed_lists_no_translation(client, bilingual):
    feed = parse(client, "/feeds/news.rss")
    assert titles(feed) == ["Khánh thành cầu Đại Đồng", "Chợ phiên vùng cao", "Cử tri nô nức đi bầu cử"]
    assert feed.feed.language == "vi" and feed.feed.title == f"Tin tức – {VI_NAME}"
    category = parse(client, f"/feeds/news/{bilingual['category'].slug}.rss")
    assert titles(category) == ["Khánh thành cầu Đại Đồng", "Cử tri nô nức đi bầu cử"]
    assert all("/en/" not in entry.link for entry in feed.entries + category.entries)


def test_the_english_feed_lists_the_english_news_only_in_english(client, bilingual):
    feed = parse(client, "/en/feeds/news.rss")
    assert titles(feed) == ["Dai Dong bridge opens", "Voters turn out"]
    assert feed.feed.language == "en"
    assert feed.feed.title == f"News – {EN_NAME}"
    assert feed.feed.description == f"The latest news from {EN_NAME}"
    assert path(feed.feed.link) == "/en/"
    assert [path(entry.link) for entry in feed.entries] == ["/en/news/dai-dong-bridge/", "/en/news/voters-turn-out/"]
    vote = feed.entries[1]
    assert vote.summary == "Turnout above 99%." and [t.term for t in vote.tags] == ["News and events"]
    # the date of the Vietnamese original, copied with it
    assert vote.published == "Sun, 23 May 2021 00:00:00 +0700"


def test_the_english_category_feed(client, bilingual):
    feed = parse(client, "/en/feeds/news/news.rss")
    assert titles(feed) == ["Dai Dong bridge opens", "Voters turn out"]
    assert feed.feed.title == f"News and events – {EN_NAME}"
    assert feed.feed.description == f"The latest news in News and events from {EN_NAME}"
    assert path(feed.feed.link) == "/en/news/"
    # a Vietnamese category is no English one, and an English category no Vietnamese one
    assert client.get(f"/en/feeds/news/{bilingual['category'].slug}.rss").status_code == 404
    assert client.get("/feeds/news/news.rss").status_code == 404


def test_drafts_and_private_translations_are_left_out(client, bilingual):
    original = f.news("Hội chợ xuân", category=bilingual["category"], published_on=date(2024, 7, 1))
    draft = f.translate(original, publish=False, title="Spring fair", slug="spring-fair")
    assert not draft.live
    bilingual["en"]["bridge"].unpublish()
    assert titles(parse(client, "/en/feeds/news.rss")) == ["Voters turn out"]
    PageViewRestriction.objects.create(page=bilingual["en"]["vote"], restriction_type=PageViewRestriction.LOGIN)
    assert titles(parse(client, "/en/feeds/news.rss")) == []
    assert len(parse(client, "/feeds/news.rss").entries) == 4


def test_without_an_english_name_the_english_feed_names_the_authority_in_vietnamese(client, bilingual):
    f.authority_profile(authority_name_en="")
    assert parse(client, "/en/feeds/news.rss").feed.title == f"News – {VI_NAME}"


def test_without_an_english_home_page_there_is_no_english_feed(client):
    f.news("Tin chỉ có tiếng Việt")
    assert client.get("/en/feeds/news.rss").status_code == 404
    assert titles(parse(client, "/feeds/news.rss")) == ["Tin chỉ có tiếng Việt"]


def alternates(client, url) -> list[tuple[str, str]]:
    response = client.get(url)
    assert response.status_code == 200, url
    head = BeautifulSoup(response.content, "html.parser").head
    return [(link["title"], link["href"]) for link in head.select('link[rel="alternate"][type="application/rss+xml"]')]


def test_english_pages_announce_the_english_feeds(client, bilingual):
    assert alternates(client, "/en/") == [("News", "/en/feeds/news.rss")]
    assert alternates(client, "/en/news/") == [
        ("News", "/en/feeds/news.rss"),
        ("News and events", "/en/feeds/news/news.rss"),
    ]
    assert alternates(client, "/en/news/voters-turn-out/") == [("News", "/en/feeds/news.rss")]
    assert alternates(client, "/en/search/?q=voters") == [("News", "/en/feeds/news.rss")]


def test_vietnamese_pages_announce_the_vietnamese_feeds(client, bilingual):
    home = alternates(client, "/")
    assert ("Tin tức", "/feeds/news.rss") in home and ("Văn bản", "/feeds/legal-documents.rss") in home
    assert not any(href.startswith("/en/") for _title, href in home)
    category = alternates(client, bilingual["category"].url)
    assert ("Tin tức - Sự kiện", f"/feeds/news/{bilingual['category'].slug}.rss") in category


def test_an_allowed_origin_may_read_the_english_feeds_too(client, bilingual, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://portal.tinh.gov.vn"]
    response = client.get("/en/feeds/news.rss", HTTP_ORIGIN="https://portal.tinh.gov.vn")
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "https://portal.tinh.gov.vn"
    page = client.get("/en/news/voters-turn-out/", HTTP_ORIGIN="https://portal.tinh.gov.vn")
    assert "Access-Control-Allow-Origin" not in page  # the pages are not shared
