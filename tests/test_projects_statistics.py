"""Statistics pages (projects/): the data tables as accessible HTML, their CSV files (BOM, formula
guard, content), the tables in the API, the editor's table checked, the period, the list of the
section and its query count, and the search."""

import csv
import io
import json
import re
from datetime import date

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.models import PageViewRestriction

from portal.spreadsheets import inert_text as guard
from projects.blocks import StatisticsTableBlock
from projects.models import StatisticsPage
from projects.tables import csv_bytes, data_tables
from search import service
from search.service import SearchQuery
from tests import factories as f
from tests import projects_factories as pf

pytestmark = pytest.mark.django_db

TRICKY = pf.table_block(
    "=Bảng có ô nguy hiểm",
    [("=Tên", "text"), ("Số liệu", "number"), ("Ghi chú", "text")],
    [
        ['=HYPERLINK("http://ke-xau.example","Bấm")', -12.5, "+84 912 345 678"],
        ["@SUM(A1)", 0, "-giảm"],
        ["\tTab", None, "bình thường, có dấu phẩy"],
    ],
)


# --- the page: accessible tables ------------------------------------------------------------------


def test_each_table_is_an_accessible_html_table_with_figures_written_the_vietnamese_way(client):
    page = pf.statistics_page("Dân số trung bình năm 2024", note="Dữ liệu mẫu.")
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    table = html[html.index("<table") : html.index("</table>")]
    caption = re.search(r"<caption>(.*?)</caption>", table, re.S).group(1)
    assert "Bảng 1. Dân số trung bình phân theo xã, thị trấn năm 2024" in caption
    assert "Đơn vị tính: người" in caption
    assert re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', table) == [
        "Xã, thị trấn",
        "Dân số",
        "Mật độ (người/km²)",
    ]
    assert re.findall(r'<th scope="row"[^>]*>([^<]*)</th>', table) == [
        "Thị trấn Thổ Tang",
        "Xã Tân Tiến",
        "Xã Vĩnh Sơn",
    ]
    assert '<td data-label="Dân số" class="number-cell">18.250</td>' in table
    assert '<td data-label="Mật độ (người/km²)" class="number-cell">2.105,4</td>' in table
    assert "không có số liệu" in table  # the empty cell says so to a screen reader
    assert "responsive-table" in table  # stacked cards on a phone (cms.css)
    assert "Nguồn: Chi cục Thống kê khu vực" in html and "Dữ liệu mẫu." in html
    assert f'href="{page.url}bang-1.csv"' in html and "Tải bảng 1 dạng CSV" in html
    levels = [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels


def test_a_page_shows_every_table_in_order_with_its_own_download(client):
    second = pf.table_block("Thu ngân sách năm 2024", [("Nội dung", "text"), ("Thực hiện", "number")], [["Tổng", 1]])
    page = pf.statistics_page(tables=(pf.POPULATION, second))
    html = client.get(page.url).content.decode()
    assert html.index("Bảng 1. Dân số") < html.index("Bảng 2. Thu ngân sách năm 2024")
    assert f'href="{page.url}bang-2.csv"' in html


# --- CSV ----------------------------------------------------------------------------------------------


def test_a_table_downloads_as_csv_in_utf8_with_a_bom_that_excel_reads(client):
    page = pf.statistics_page(slug="dan-so-2024")
    response = client.get(f"{page.url}bang-1.csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="dan-so-2024-bang-1.csv"'
    content = response.content
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows == [
        ["Xã, thị trấn", "Dân số", "Mật độ (người/km²)"],
        ["Thị trấn Thổ Tang", "18250", "2105.4"],
        ["Xã Tân Tiến", "9120", "1310"],
        ["Xã Vĩnh Sơn", "", "1187.25"],
    ]
    assert b"\r\n" in content


def test_a_text_cell_that_a_spreadsheet_would_run_is_written_with_an_apostrophe_and_numbers_stay_numbers(client):
    page = pf.statistics_page(tables=(TRICKY,))
    rows = list(csv.reader(io.StringIO(client.get(f"{page.url}bang-1.csv").content.decode("utf-8-sig"))))
    assert rows == [
        ["'=Tên", "Số liệu", "Ghi chú"],
        ['\'=HYPERLINK("http://ke-xau.example","Bấm")', "-12.5", "'+84 912 345 678"],
        ["'@SUM(A1)", "0", "'-giảm"],
        ["Tab", "", "bình thường, có dấu phẩy"],  # spaces and tabs around a cell are dropped
    ]


@pytest.mark.django_db(False)
@pytest.mark.parametrize("text", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx"])
def test_guard_prefixes_every_formula_start(text):
    assert guard(text) == "'" + text
    assert guard("Thổ Tang") == "Thổ Tang" and guard("12 = 12") == "12 = 12"


def test_a_missing_table_page_or_draft_is_a_404_and_a_private_page_a_403(client):
    page = pf.statistics_page()
    assert client.get(f"{page.url}bang-2.csv").status_code == 404
    assert client.get(f"{page.url}bang-0.csv").status_code == 404
    assert client.get(f"{page.url}bang-99999.csv").status_code == 404
    assert client.get(f"{page.get_parent().url}bang-1.csv").status_code == 404  # the section: no table
    assert client.get("/khong-co-trang-nay/bang-1.csv").status_code == 404
    draft = pf.statistics_page("Bản nháp", live=False)
    assert client.get(f"/thong-ke/{draft.slug}/bang-1.csv").status_code == 404
    private = pf.statistics_page("Nội bộ")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(f"{private.url}bang-1.csv").status_code == 403


# --- API ------------------------------------------------------------------------------------------


def test_the_api_detail_carries_the_tables_as_json(client):
    page = pf.statistics_page("Dân số 2024", tables=(pf.POPULATION, TRICKY))
    data = json.loads(client.get(f"/api/v3/pages/{page.pk}/").content)
    assert data["period_label"] == "Năm 2024" and data["publishing_unit"]["name"] == "Phòng Tài chính - Kế hoạch"
    first, second = data["tables"]
    assert first["number"] == 1 and first["caption"] == "Dân số trung bình phân theo xã, thị trấn năm 2024"
    assert first["unit"] == "người" and first["source"] == "Chi cục Thống kê khu vực"
    assert first["columns"] == [
        {"heading": "Xã, thị trấn", "type": "text"},
        {"heading": "Dân số", "type": "number"},
        {"heading": "Mật độ (người/km²)", "type": "number"},
    ]
    assert first["rows"] == [
        ["Thị trấn Thổ Tang", 18250, 2105.4],
        ["Xã Tân Tiến", 9120, 1310],
        ["Xã Vĩnh Sơn", None, 1187.25],
    ]
    assert first["csv_url"] == f"http://testserver{page.url}bang-1.csv"
    assert second["rows"][0][0] == '=HYPERLINK("http://ke-xau.example","Bấm")'  # JSON is data: no apostrophe
    assert second["rows"][0][1] == -12.5


def test_the_statistics_listing_filters_and_spends_the_same_queries_for_one_or_many(client):
    units = [f.agency(f"Phòng {i}", f"P{i}") for i in range(3)]
    pf.statistics_page("Năm 2023", year=2023, publishing_unit=units[0])
    client.get("/api/v3/statistics/")  # content types, once per process
    cache.clear()
    with CaptureQueriesContext(connection) as one:
        assert json.loads(client.get("/api/v3/statistics/").content)["count"] == 1
    for i in range(12):
        pf.statistics_page(f"Trang {i}", year=2024, publishing_unit=units[i % 3])
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        data = json.loads(client.get("/api/v3/statistics/", {"limit": 50}).content)
    assert data["count"] == 13 and "tables" not in data["items"][0]
    assert len(many.captured_queries) == len(one.captured_queries)
    assert json.loads(client.get("/api/v3/statistics/", {"year": 2023}).content)["count"] == 1
    assert json.loads(client.get("/api/v3/statistics/", {"unit": units[1].pk}).content)["count"] == 4
    response = client.get("/api/v3/statistics/", {"period": "tuan"})
    assert response.status_code == 400 and "period" in json.loads(response.content)["detail"]


# --- the editor's table ---------------------------------------------------------------------------


def _cleaned(table: dict):
    block = StatisticsTableBlock()
    return block.clean(block.to_python({"table": table, "unit": "", "source": ""}))


def test_a_table_without_caption_or_with_an_unnamed_column_is_refused_with_a_message():
    good = {"caption": "Dân số", "columns": [{"type": "text", "heading": "Xã"}], "rows": [{"values": ["Tân Tiến"]}]}
    assert _cleaned(good)["table"].caption == "Dân số"
    with pytest.raises(StructBlockValidationError) as caught:
        _cleaned({**good, "caption": " "})
    assert "tiêu đề (chú thích) của bảng" in str(caught.value.block_errors["table"].non_block_errors)
    with pytest.raises(StructBlockValidationError) as caught:
        _cleaned({**good, "columns": [{"type": "text", "heading": ""}]})
    assert "Mỗi cột cần có tiêu đề." in str(caught.value.block_errors["table"].non_block_errors)


def test_the_period_is_labelled_and_checked():
    unit = f.agency("Phòng Tài chính - Kế hoạch", "TCKH")
    assert StatisticsPage(period_kind="quy", year=2025, quarter=2).period_label == "Quý II/2025"
    assert StatisticsPage(period_kind="thang", year=2025, month=3).period_label == "Tháng 3/2025"
    assert StatisticsPage(period_kind="nam", year=2024).period_label == "Năm 2024"
    page = StatisticsPage(title="Quý", slug="quy", period_kind="quy", year=2025, month=4, publishing_unit=unit)
    with pytest.raises(ValidationError) as caught:
        page.clean()
    assert set(caught.value.message_dict) == {"quarter", "month"}


@pytest.mark.django_db(False)
def test_tables_are_numbered_in_page_order():
    stream = StatisticsPage(year=2024)
    stream.body = [pf.POPULATION, TRICKY]
    tables = data_tables(stream.body)
    assert [(t.number, t.filename) for t in tables] == [(1, "bang-1.csv"), (2, "bang-2.csv")]
    assert csv_bytes(tables[0]).startswith("\ufeff".encode())


# --- the section -----------------------------------------------------------------------------------


def test_the_section_lists_the_pages_by_year_and_refuses_a_bad_year_with_400(client):
    pf.statistics_page("Số liệu năm 2023", year=2023, published_on=date(2024, 2, 1))
    page = pf.statistics_page("Số liệu năm 2024", year=2024)
    index = page.get_parent()
    html = client.get(index.url).content.decode()
    assert html.index("Số liệu năm 2024") < html.index("Số liệu năm 2023")
    html = client.get(index.url, {"nam": "2023"}).content.decode()
    assert "Số liệu năm 2023" in html and "Số liệu năm 2024" not in html
    response = client.get(index.url, {"nam": "năm ngoái"})
    assert response.status_code == 400
    assert "Năm: Hãy chọn một năm, ví dụ 2024." in response.content.decode()


def test_the_section_reads_the_same_queries_for_one_or_many_pages(client):
    pf.statistics_page("Trang đầu")
    index = StatisticsPage.objects.first().get_parent()
    client.get(index.url)
    with CaptureQueriesContext(connection) as one:
        client.get(index.url)
    for i in range(9):
        pf.statistics_page(f"Trang {i}", publishing_unit=f.agency(f"Đơn vị {i}", f"D{i}"))
    with CaptureQueriesContext(connection) as ten:
        html = client.get(index.url).content.decode()
    assert html.count('class="statistics-item"') == 10
    assert len(ten.captured_queries) == len(one.captured_queries)


# --- search ------------------------------------------------------------------------------------------


def test_a_statistics_page_is_found_by_a_commune_in_its_table_typed_without_marks():
    page = pf.statistics_page("Dân số trung bình năm 2024")
    pf.statistics_page("Thu ngân sách", tables=(TRICKY,))
    result = service.search(SearchQuery(q="xa tan tien", types=("statistics",)), today=date(2025, 6, 1))
    assert [h.page.pk for h in result.results] == [page.pk]
    assert "<mark>" in result.results[0].snippet
