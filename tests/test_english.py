"""The English pages (/en/, docs/english.md): Wagtail translations served under the /en/ prefix,
marked English, with English navigation words, a language switch, and kept apart in the API and
the activity report."""

import json
from datetime import date

import pytest
from wagtail.models import Locale

from home.english import translation_of
from portal.importing import home_page

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_site():
    english = Locale.objects.get(language_code="en")
    home = home_page()
    en_home, _ = translation_of(home, english)
    en_home.title = "Vinh Tuong District e-Portal"
    en_home.save_revision().publish()
    category = f.news_index("Tin tức - Sự kiện")
    article = f.news("Cử tri nô nức đi bầu cử", category=category, published_on=date(2021, 5, 23))
    en_category, _ = translation_of(category, english)
    en_category.title, en_category.slug = "News and events", "news"
    en_category.save_revision().publish()
    en_article, _ = translation_of(article, english)
    en_article.title, en_article.slug, en_article.lead = "Voters turn out", "voters-turn-out", "Turnout above 99%."
    en_article.save_revision().publish()
    return {"home": en_home, "category": category, "article": article, "en_article": en_article}


def test_english_pages_are_served_under_en_and_marked_english(client, english_site):
    response = client.get("/en/")
    html = response.content.decode()
    assert response.status_code == 200 and '<html lang="en">' in html
    assert "Skip to main content" in html and "Main navigation" in html and "Chuyển đến nội dung chính" not in html
    assert 'href="/en/news/"' in html and "News and events" in html  # the English menu
    article = client.get("/en/news/voters-turn-out/")
    page = article.content.decode()
    assert article.status_code == 200 and '<html lang="en">' in page and "Voters turn out" in page
    crumb = page.split('<nav class="breadcrumb"', 1)[1].split("</nav>", 1)[0]
    assert '<a href="/en/">Home</a>' in crumb and '<a href="/en/news/">News and events</a>' in crumb


def test_the_vietnamese_pages_stay_vietnamese_and_link_to_their_translation(client, english_site):
    vi = client.get(english_site["article"].url).content.decode()
    assert '<html lang="vi">' in vi and "Chuyển đến nội dung chính" in vi
    switch = vi.split('<ul class="language-switch"', 1)[1].split("</ul>", 1)[0]
    assert 'href="/en/news/voters-turn-out/" hreflang="en" lang="en">English</a>' in switch
    en = client.get("/en/news/voters-turn-out/").content.decode()
    switch = en.split('<ul class="language-switch"', 1)[1].split("</ul>", 1)[0]
    assert f'href="{english_site["article"].url}" hreflang="vi" lang="vi">Tiếng Việt</a>' in switch
    # a page without translation offers the other language's home page
    other = f.news("Tin chưa dịch", category=english_site["category"])
    switch = client.get(other.url).content.decode().split('<ul class="language-switch"', 1)[1]
    assert 'href="/en/" hreflang="en"' in switch.split("</ul>", 1)[0]


def test_the_api_lists_one_language_at_a_time_and_says_which(client, english_site):
    vi = json.loads(client.get("/api/v3/news/").content)
    assert [item["title"] for item in vi["items"]] == ["Cử tri nô nức đi bầu cử"]
    assert vi["items"][0]["meta"]["locale"] == "vi"
    en = json.loads(client.get("/api/v3/news/", {"locale": "en"}).content)
    assert [item["title"] for item in en["items"]] == ["Voters turn out"]
    assert en["items"][0]["meta"]["locale"] == "en"
    bad = client.get("/api/v3/news/", {"locale": "fr"})
    assert bad.status_code == 400 and "locale" in bad.content.decode()


def test_the_activity_report_does_not_count_translations_again(english_site):
    from reports.activity import activity_report

    report = activity_report(date(2021, 1, 1), date(2021, 12, 31), date(2021, 12, 31))
    assert dict(report.summary())["Tin bài"] == 1
