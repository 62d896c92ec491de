"""The public search page, /tim-kiem/: form, results, facets as links, pages, errors, escaping."""

from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from . import factories as f

pytestmark = pytest.mark.django_db

URL = "/tim-kiem/"


def get(client, query: str = ""):
    response = client.get(URL + query, HTTP_HOST="localhost")
    html = response.content.decode()
    return response, html, BeautifulSoup(html, "html.parser")


def hit_titles(soup) -> list[str]:
    return [h.get_text(strip=True) for h in soup.select(".search-hit .hit-title")]


def params(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


@pytest.fixture
def documents():
    nd = f.document_type("Nghị định", "NĐ", True)
    qd = f.document_type("Quyết định", "QĐ")
    gov = f.agency("Chính phủ", "CP")
    return [
        f.legal_document(
            "43/2011/NĐ-CP",
            document_type=nd,
            issuing_body=gov,
            issued_on=date(2011, 6, 13),
            status="con_hieu_luc",
            summary="Quy định về cung cấp thông tin trên trang thông tin điện tử huyện Vĩnh Tường",
        ),
        f.legal_document(
            "42/2022/NĐ-CP",
            document_type=nd,
            issuing_body=gov,
            issued_on=date(2022, 6, 24),
            status="con_hieu_luc",
            summary="Dịch vụ công trực tuyến của huyện Vĩnh Tường",
        ),
        f.legal_document(
            "959/QĐ-UBND",
            document_type=qd,
            issued_on=date(2023, 4, 3),
            status="con_hieu_luc",
            summary="Phê duyệt quy hoạch sử dụng đất huyện Vĩnh Tường",
        ),
    ]


def test_no_query_shows_the_form_and_a_hint(client):
    response, html, soup = get(client)
    assert response.status_code == 200
    field = soup.select_one("main form[role=search] input[name=q]")
    assert field["type"] == "search"
    assert soup.select_one(f"label[for={field['id']}]").get_text(strip=True) == "Từ khóa tìm kiếm"
    assert "Nhập từ khóa" in soup.select_one(".search-intro").get_text()
    assert not soup.select(".form-errors, .search-hit")
    assert soup.select_one("html")["lang"] == "vi"
    assert soup.title.get_text().startswith("Tìm kiếm")
    # One search box on this page: the header's is left out, so ids stay unique.
    assert len(soup.select("input[name=q]")) == 1


def test_header_of_other_pages_has_a_labelled_search_box(client):
    response = client.get("/", HTTP_HOST="localhost")
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    form = soup.select_one("header form[role=search]")
    assert form["action"] == "/tim-kiem/" and form["method"] == "get"
    field = form.select_one("input[name=q]")
    assert form.select_one(f"label[for={field['id']}]")


def test_finds_a_legal_document_without_diacritics(client, documents):
    response, html, soup = get(client, "?q=nghi+dinh")
    assert response.status_code == 200
    assert "Tìm thấy 2 kết quả" in soup.select_one(".result-count").get_text(" ", strip=True)
    assert "nghi dinh" in soup.title.get_text()
    assert set(hit_titles(soup)) == {"Nghị định 43/2011/NĐ-CP", "Nghị định 42/2022/NĐ-CP"}
    first = soup.select(".search-hit")[0]
    assert first.select_one(".hit-type").get_text(strip=True) == "Văn bản"
    assert first.select_one(".hit-title a")["href"].startswith("/van-ban/")
    hit = next(h for h in soup.select(".search-hit") if "43/2011" in h.get_text())
    assert "13/06/2011" in hit.select_one(".hit-meta").get_text()
    assert hit.select_one(".hit-meta .number").get_text() == "43/2011/NĐ-CP"

    response, html, soup = get(client, "?q=vinh+tuong")
    snippets = soup.select(".hit-snippet")
    assert snippets and all(s.select("mark") for s in snippets)
    assert "<mark>Vĩnh Tường</mark>" in html


def test_facet_link_narrows_results_and_keeps_the_query(client, documents):
    _, _, soup = get(client, "?q=vinh+tuong&sort=newest")
    assert len(hit_titles(soup)) == 3
    group = soup.select_one('nav.facet-group[aria-labelledby="facet-document_type"]')
    link = next(a for a in group.select("a") if "Nghị định" in a.get_text())
    assert link.select_one(".facet-count").get_text(" ", strip=True).startswith("2")
    assert params(link["href"])["q"] == ["vinh tuong"]
    assert params(link["href"])["sort"] == ["newest"]

    response, _, soup = get(client, link["href"])
    assert response.status_code == 200
    assert hit_titles(soup) == ["Nghị định 42/2022/NĐ-CP", "Nghị định 43/2011/NĐ-CP"]  # newest first
    active = soup.select_one('nav.facet-group[aria-labelledby="facet-document_type"] a[aria-current]')
    assert "Nghị định" in active.get_text() and "Bỏ chọn" in active.get_text()
    assert soup.select_one("details.search-facets").has_attr("open")
    # The active link removes that filter only; "Bỏ lọc" removes all filters, keeping q.
    assert params(active["href"]) == {"q": ["vinh tuong"], "sort": ["newest"]}
    year = soup.select_one('nav.facet-group[aria-labelledby="facet-year"] a')
    assert params(year["href"])["document_type"] and params(year["href"])["q"] == ["vinh tuong"]
    clear = next(a for a in soup.select(".facets-clear a") if a.get_text(strip=True) == "Bỏ lọc")
    assert params(clear["href"]) == {"q": ["vinh tuong"], "sort": ["newest"]}

    # The type facet works the same way.
    _, _, soup = get(client, "?q=vinh+tuong")
    link = soup.select_one('nav.facet-group[aria-labelledby="facet-type"] a')
    assert "Văn bản" in link.get_text() and params(link["href"])["type"] == ["legal_document"]


def test_pagination_keeps_query_and_filters(client):
    nd = f.document_type("Nghị định", "NĐ", True)
    for i in range(12):
        f.legal_document(f"{i + 1}/2020/NĐ-CP", document_type=nd, summary=f"Quy định số {i} về đất đai")
    f.legal_document(summary="Quy định về đất đai, một quyết định")
    query = f"?q=dat+dai&document_type={nd.pk}"
    _, _, soup = get(client, query)
    assert len(hit_titles(soup)) == 10
    assert "Tìm thấy 12 kết quả" in soup.select_one(".result-count").get_text(" ", strip=True)
    nav = soup.select_one("nav.search-pagination")
    next_link = nav.select_one("a[rel=next]")
    assert params(next_link["href"]) == {"q": ["dat dai"], "document_type": [str(nd.pk)], "page": ["2"]}
    assert nav.select_one("[aria-current=page]").get_text() == "1"

    _, _, soup2 = get(client, next_link["href"])
    assert len(hit_titles(soup2)) == 2
    assert not set(hit_titles(soup2)) & set(hit_titles(soup))
    assert soup2.select_one("ol.search-results")["start"] == "11"
    prev = soup2.select_one("nav.search-pagination a[rel=prev]")
    assert params(prev["href"]) == {"q": ["dat dai"], "document_type": [str(nd.pk)]}


def test_drafts_never_appear(client):
    f.legal_document("1/2024/NĐ-CP", document_type=f.document_type("Nghị định", "NĐ", True), live=False)
    f.news("Nghị định mới về đất đai (bản nháp)", live=False)
    f.news("Tin đã đăng về đất đai")
    _, html, soup = get(client, "?q=nghi+dinh")
    assert hit_titles(soup) == []
    assert "Không tìm thấy kết quả nào" in html
    assert "1/2024" not in html and "bản nháp" not in html


def test_query_is_escaped_everywhere(client, documents):
    evil = '<script>alert("x")</script> nghi dinh'
    response = client.get(URL, {"q": evil}, HTTP_HOST="localhost")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("main input[name=q]")["value"] == evil
    assert evil in soup.title.get_text()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?q=nghi+dinh&page=abc", "Số trang phải là số nguyên từ 1 trở lên."),
        ("?q=nghi+dinh&page=0", "Số trang phải là số nguyên từ 1 trở lên."),
        ("?q=nghi+dinh&type=unknown", "Loại nội dung phải là"),
        ("?q=nghi+dinh&year=abc", "Năm phải là số từ 1900 đến 2100."),
        ("?q=nghi+dinh&date_from=2024-05-01&date_to=2024-01-01", "“Từ ngày” phải trước"),
    ],
)
def test_bad_parameter_gives_a_message_not_a_500(client, documents, query, message):
    response, html, soup = get(client, query)
    assert response.status_code == 400
    errors = soup.select_one(".form-errors[role=alert]")
    assert message in errors.get_text()
    assert soup.select_one("main input[name=q]")["value"] == "nghi dinh"
    retry = errors.select_one("a")
    assert params(retry["href"]) == {"q": ["nghi dinh"]}
    assert not soup.select(".search-hit")


def test_unusable_query_text_gives_a_message(client):
    response, _, soup = get(client, "?q=%3F%3F%3F")
    assert response.status_code == 200
    assert "không có chữ hoặc số" in soup.select_one(".form-errors").get_text()
    response, _, soup = get(client, "?q=" + "a" * 201)
    assert response.status_code == 200
    assert "dài quá 200 ký tự" in soup.select_one(".form-errors").get_text()


def test_page_beyond_the_last_offers_the_first(client, documents):
    response, _, soup = get(client, "?q=nghi+dinh&page=9")
    assert response.status_code == 200
    link = next(a for a in soup.select("main a") if a.get_text(strip=True) == "Về trang đầu")
    assert params(link["href"]) == {"q": ["nghi dinh"]}


def _queries(client, query: str) -> int:
    client.get(URL + query, HTTP_HOST="localhost")  # warm caches (site root paths)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(URL + query, HTTP_HOST="localhost").status_code == 200
    return len(ctx.captured_queries)


def test_query_count_does_not_grow_with_results(client):
    nd = f.document_type("Nghị định", "NĐ", True)
    for i in range(3):
        f.legal_document(f"{i + 1}/2019/NĐ-CP", document_type=nd, summary="Quy định về môi trường")
    few = _queries(client, "?q=moi+truong")
    for i in range(22):
        f.legal_document(f"{i + 1}/2021/NĐ-CP", document_type=nd, summary="Quy định về môi trường")
    many = _queries(client, "?q=moi+truong")
    assert many <= few, (few, many)


def test_each_status_is_listed_once(client, documents):
    _, _, soup = get(client, "?q=vinh+tuong")
    labels = [
        a.select_one(".facet-label").get_text()
        for a in soup.select('nav.facet-group[aria-labelledby="facet-status"] a')
    ]
    assert labels and len(labels) == len(set(labels))
    counts = [int(a.select_one(".facet-count").contents[0]) for a in soup.select('[aria-labelledby="facet-status"] a')]
    assert sum(counts) == 3
