"""The search in one language at a time (docs/search.md, "Languages"; docs/english.md): the
service, `/api/v3/search/` (`locale`), `/tim-kiem/` (Vietnamese) and `/en/search/` (English) find
the pages of their language only, on every path of every backend, with counts and facets of those
pages; the filter is part of the search's own queries (no extra query, no pass over the hits)."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directives.models import LegalDocumentPage
from news.importing import body_blocks
from portal.importing import home_page
from search import service
from search.service import SearchError, SearchQuery

from . import factories

pytestmark = pytest.mark.django_db
TODAY = date(2026, 6, 1)


@pytest.fixture
def bilingual():
    """Vietnamese pages about land records in Vĩnh Tường, and English translations of some: the
    name "Vĩnh Tường" / "Vinh Tuong" is in both languages, "land" in the English only."""
    factories.authority_profile(
        authority_name="Ủy ban nhân dân huyện Vĩnh Tường", authority_name_en="Vinh Tuong District People's Committee"
    )
    home = home_page()
    category = factories.news_index("Tin tức - Sự kiện")
    qd = factories.document_type("Quyết định", "QĐ")
    vi = {
        "news": factories.news(
            "Vĩnh Tường số hóa hồ sơ đất đai",
            category=category,
            published_on=date(2024, 5, 2),
            lead="Huyện Vĩnh Tường hoàn thành số hóa hồ sơ địa chính.",
        ),
        "news_old": factories.news(
            "Vĩnh Tường tổ chức lễ hội truyền thống",
            category=category,
            published_on=date(2023, 2, 1),
            lead="Lễ hội đình làng ở Vĩnh Tường.",
        ),
        "doc": factories.legal_document(
            "959/QĐ-UBND",
            document_type=qd,
            issued_on=date(2023, 4, 3),
            summary="Phê duyệt quy hoạch sử dụng đất huyện Vĩnh Tường",
        ),
    }
    en_home = factories.translate(home, title="Vinh Tuong District e-Portal")
    en_category = factories.translate(category, title="News and events", slug="news")
    en_legal = factories.translate(vi["doc"].get_parent(), title="Documents", slug="documents")
    en = {
        "news": factories.translate(
            vi["news"],
            title="Vinh Tuong digitises its land records",
            slug="land-records",
            lead="The district has finished digitising its cadastral records.",
            body=body_blocks("Every land parcel of Vinh Tuong now has a digital record."),
        ),
        # an English legal document (a translation cannot keep its original's number: the number,
        # issuer and year are unique among legal documents, whatever the language)
        "doc": factories._add(
            en_legal,
            LegalDocumentPage(
                title="Decision 960/QĐ-UBND",
                slug="decision-960",
                number="960/QĐ-UBND",
                summary="Land use plan of Vinh Tuong",
                issued_on=date(2023, 4, 3),
                document_type=qd,
                issuing_body=factories.agency(),
            ),
        ),
    }
    return {"vi": vi, "en": en, "en_home": en_home, "en_category": en_category, "en_legal": en_legal}


def run(q, backend="default", **params):
    return service.search(SearchQuery(q=q, **params), today=TODAY, backend=backend)


def listed(result) -> set[tuple[str, int]]:
    return {(hit.type, hit.page.pk) for hit in result.results}


def ids(pages) -> set[tuple[str, int]]:
    code = {"NewsPage": "news", "LegalDocumentPage": "legal_document"}
    return {(code[type(page).__name__], page.pk) for page in pages}


# --- the service -------------------------------------------------------------------------------------


@pytest.mark.parametrize("sort", ["relevance", "newest"])
def test_each_language_finds_its_own_pages_with_their_counts_and_facets(bilingual, sort):
    vi, en = bilingual["vi"], bilingual["en"]
    result = run("vinh tuong", sort=sort, page_size=50)
    assert listed(result) == ids(vi.values())
    assert result.count == 3 and result.locale == "vi"
    assert result.facets["type"] == {"legal_document": 1, "news": 2}
    assert result.facets["year"] == [{"year": 2024, "count": 1}, {"year": 2023, "count": 2}]
    assert [e["count"] for e in result.facets["document_type"]] == [1]

    english = run("vinh tuong", locale="en", sort=sort, page_size=50)
    assert listed(english) == ids(en.values())
    assert english.count == 2 and english.locale == "en"
    assert english.facets["type"] == {"legal_document": 1, "news": 1}
    assert english.facets["year"] == [{"year": 2024, "count": 1}, {"year": 2023, "count": 1}]
    assert all(hit.page.url.startswith("/en/") for hit in english.results)


def test_an_english_word_finds_the_english_page_only_in_english(bilingual):
    """English text goes through the same folding as Vietnamese (marks dropped, lower case, no
    stemming): "land" is a word of the English pages, found as typed."""
    en = bilingual["en"]
    result = run("land", locale="en")
    assert listed(result) == ids(en.values())
    assert run("land").count == 0  # no Vietnamese page holds it
    assert run("Land records", locale="en").results[0].page.pk == en["news"].pk
    assert "Every <mark>land parcel</mark> of Vinh Tuong" in run("land parcel", locale="en").results[0].snippet


def test_a_number_finds_the_document_of_the_language_asked_for(bilingual):
    """The exact number matches (put first) are read through the same candidates: a number finds
    the document of the language searched, and no other."""
    vi, en = bilingual["vi"], bilingual["en"]
    assert [hit.page.pk for hit in run("959/QĐ-UBND").results] == [vi["doc"].pk]
    assert [hit.page.pk for hit in run("960/qd-ubnd", locale="en").results] == [en["doc"].pk]
    assert run("959/QĐ-UBND", locale="en").count == 0
    assert run("960/QĐ-UBND").count == 0


def test_soft_matching_and_filters_stay_in_the_language(bilingual):
    en = bilingual["en"]
    # three words, no page holds all three: pages holding two of them, English ones only
    soft = run("vinh tuong xyz", locale="en", page_size=50)
    assert listed(soft) == ids(en.values())
    assert listed(run("vinh tuong", locale="en", types=("news",))) == ids([en["news"]])
    assert listed(run("vinh tuong", locale="en", year=2023)) == ids([en["doc"]])
    assert run("vinh tuong", locale="en", date_from=date(2025, 1, 1)).count == 0


def test_the_stock_backend_path_is_filtered_too(bilingual, settings):
    """Wagtail's search API (Elasticsearch/OpenSearch, a stock backend) gets the locale as a filter
    of its own query: here modelsearch's stock database backend."""
    factories.with_stock_search_backend(settings, "generic")
    vi, en = bilingual["vi"], bilingual["en"]
    for sort in ("relevance", "newest"):
        assert listed(run("vinh tuong", backend="generic", sort=sort, page_size=50)) == ids(vi.values())
        english = run("vinh tuong", locale="en", backend="generic", sort=sort, page_size=50)
        assert listed(english) == ids(en.values())
        assert english.facets == run("vinh tuong", locale="en", sort=sort, page_size=50).facets


def test_an_unpublished_or_private_translation_is_not_found(bilingual):
    en = bilingual["en"]
    en["doc"].unpublish()
    assert listed(run("vinh tuong", locale="en")) == ids([en["news"]])
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=bilingual["en_category"], restriction_type=PageViewRestriction.LOGIN)
    assert run("vinh tuong", locale="en").count == 0
    assert run("vinh tuong").count == 3  # the Vietnamese category is not restricted


def test_an_unknown_language_is_refused():
    with pytest.raises(SearchError, match="^locale: one of vi, en"):
        run("vinh tuong", locale="fr")
    with pytest.raises(SearchError, match="^locale:"):
        service.suggest("vinh", locale="fr")


def test_suggestions_are_of_one_language(bilingual):
    vi, en = bilingual["vi"], bilingual["en"]
    assert {s["title"] for s in service.suggest("vinh tuo")} == {page.title for page in vi.values()}
    assert {s["title"] for s in service.suggest("vinh tuo", locale="en")} == {page.title for page in en.values()}
    assert [s["title"] for s in service.suggest("96", locale="en")] == [en["doc"].title]  # the number prefix
    assert service.suggest("96") == []


def _count(q, **params) -> tuple[int, list[str]]:
    run(q, **params)  # content types and the backend loaded
    with CaptureQueriesContext(connection) as captured:
        run(q, **params)
    return len(captured), [query["sql"] for query in captured]


def test_the_language_costs_no_query_and_is_in_the_sql_that_reads_the_matches(bilingual):
    """The same number of queries in either language, and as without the filter (issue 20): the
    private pages, the table of matches made sure of and emptied, the statement writing every match
    joined to its type's rows, the count and years, the best of each type with matches (2) and their
    headings (2), the facets of the legal documents (3: their facet columns grouped once, co-issuers,
    fields), the pages shown (one load per type: 2) — 14 (a number in the query adds the number
    matches, as before). The locale is a subquery in the statement that writes the matches (once per
    type), never a query of its own nor a pass over the hits in Python."""
    vietnamese, sql = _count("vinh tuong")
    english, english_sql = _count("vinh tuong", locale="en")
    assert vietnamese == english == 14, sql
    in_language = [s for s in english_sql if "\"language_code\" = 'en'" in s]
    assert len(in_language) == 1, english_sql  # the statement writing the matches
    assert in_language[0].startswith("WITH") and in_language[0].count("\"language_code\" = 'en'") == len(service.TYPES)
    assert not any(s.startswith('SELECT "wagtailcore_locale"') for s in english_sql)
    # a number: the number matches (legal documents, directives) are read in the language too
    vietnamese, sql = _count("959/QĐ-UBND")
    english, english_sql = _count("960/QĐ-UBND", locale="en")
    assert vietnamese == english, (sql, english_sql)
    numbers = [s for s in english_sql if s.startswith("SELECT") and "number_folded" in s and "(SELECT U0" in s]
    assert len(numbers) == 2 and all("\"language_code\" = 'en'" in s for s in numbers), english_sql


# --- the API -----------------------------------------------------------------------------------------


def test_the_api_searches_one_language_and_says_which(client, bilingual):
    vi, en = bilingual["vi"], bilingual["en"]
    answer = client.get("/api/v3/search/", {"q": "vinh tuong"}).json()
    assert answer["locale"] == "vi" and answer["count"] == 3
    assert {hit["id"] for hit in answer["results"]} == {page.pk for page in vi.values()}
    answer = client.get("/api/v3/search/", {"q": "vinh tuong", "locale": "en"}).json()
    assert answer["locale"] == "en" and answer["count"] == 2
    assert {hit["id"] for hit in answer["results"]} == {page.pk for page in en.values()}
    assert answer["facets"]["type"] == {"legal_document": 1, "news": 1}
    assert {hit["url"] for hit in answer["results"]} == {"/en/news/land-records/", "/en/documents/decision-960/"}
    suggestions = client.get("/api/v3/search/suggest/", {"q": "vinh tuo", "locale": "en"}).json()
    assert {s["title"] for s in suggestions} == {page.title for page in en.values()}


@pytest.mark.parametrize("url", ["/api/v3/search/", "/api/v3/search/suggest/"])
def test_the_api_refuses_an_unknown_language_naming_the_parameter(client, url):
    response = client.get(url, {"q": "vinh tuong", "locale": "fr"})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
    assert "locale" in response.content.decode()


# --- the pages ---------------------------------------------------------------------------------------


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200, response.content[:300]
    return BeautifulSoup(response.content, "html.parser")


def text(soup, selector) -> str:
    return " ".join(soup.select_one(selector).get_text().split())


def hit_titles(soup) -> set[str]:
    return {a.get_text(strip=True) for a in soup.select(".search-hit .hit-title a")}


def test_the_vietnamese_page_searches_the_vietnamese_pages(client, bilingual):
    vi = bilingual["vi"]
    soup = soup_of(client.get("/tim-kiem/", {"q": "vinh tuong"}))
    assert hit_titles(soup) == {page.title for page in vi.values()}
    # the page's language is its URL's, not a parameter
    soup = soup_of(client.get("/tim-kiem/", {"q": "vinh tuong", "locale": "en"}))
    assert hit_titles(soup) == {page.title for page in vi.values()}
    assert soup.select_one("html")["lang"] == "vi"


def test_the_english_page_searches_the_english_pages_in_english(client, bilingual):
    en = bilingual["en"]
    response = client.get("/en/search/", {"q": "vinh tuong"})
    soup = soup_of(response)
    assert hit_titles(soup) == {page.title for page in en.values()}
    assert soup.select_one("html")["lang"] == "en"
    assert text(soup, "#result-count") == "2 results found for “vinh tuong”."
    assert soup.select_one("title").get_text().endswith("Vinh Tuong District People's Committee")
    assert soup.select_one(".search-form")["action"] == "/en/search/"
    assert [a.get_text() for a in soup.select(".search-sort a")] == ["Best match", "Newest"]
    facets = {h.get_text(strip=True) for h in soup.select(".facet-title")}
    assert {"Content type", "Year"} <= facets
    assert {label.get_text() for label in soup.select(".hit-type")} == {"News", "Documents"}
    assert soup.select_one(".breadcrumb a")["href"] == "/en/"
    # the answer follows the index: validated by a hash of the body, as /tim-kiem/ is
    from http_cache import content_etag

    assert response["ETag"] == content_etag(response.content)
    single = soup_of(client.get("/en/search/", {"q": "land", "type": "news"}))
    assert text(single, "#result-count") == "1 result found for “land”."


def test_the_english_page_explains_a_bad_parameter_in_english(client, bilingual):
    response = client.get("/en/search/", {"q": "land", "page_size": "500"})
    assert response.status_code == 400
    text = BeautifulSoup(response.content, "html.parser").select_one(".form-errors").get_text(" ", strip=True)
    assert "Results per page must be from 1 to 50." in text
    response = client.get("/en/search/", {"q": "???"})
    text = BeautifulSoup(response.content, "html.parser").select_one(".form-errors").get_text(" ", strip=True)
    assert "holds no letter or digit" in text


def test_the_header_search_box_searches_the_pages_language(client, bilingual):
    english = soup_of(client.get("/en/news/land-records/"))
    assert english.select_one("form.header-search")["action"] == "/en/search/"
    vietnamese = soup_of(client.get(bilingual["vi"]["news"].url))
    assert vietnamese.select_one("form.header-search")["action"] == "/tim-kiem/"
