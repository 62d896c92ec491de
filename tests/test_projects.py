"""Investment projects and procurement (projects/): amounts written the Vietnamese way, the filters
(plain functions and the public list), the project page, the typed API listing and its query count,
the feed, the search (a name typed without marks), the report section and the registrations."""

import json
import re
from datetime import date
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from directives.models import Field
from portal.api.registry import routers
from portal.feeds import announced_feeds
from portal.importing import handlers
from portal.reporting import report_sections
from projects.filters import covering_year, year_span
from projects.models import ProjectPage
from projects.money import billions, format_number, vnd
from projects.public import ProjectCriteria
from projects.reporting import projects_section
from search import service
from search.registry import registry
from search.service import SearchQuery
from tests import factories as f
from tests import projects_factories as pf

pytestmark = pytest.mark.django_db


def get_json(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return json.loads(response.content)


def assert_headings_in_order(html: str) -> None:
    """One h1 first, and no level skipped on the way down (h1 → h3 would be)."""
    levels = [int(level) for level in re.findall(r"<h([1-6])[\s>]", html)]
    assert levels[0] == 1 and levels.count(1) == 1, levels
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels


# --- amounts ---------------------------------------------------------------------------------------


@pytest.mark.django_db(False)
@pytest.mark.parametrize(
    "amount, in_dong, in_billions",
    [
        (12_500_000_000, "12.500.000.000 đ", "12,5 tỷ đồng"),
        (Decimal(41_873_000_000), "41.873.000.000 đ", "41,873 tỷ đồng"),
        (850_000_000, "850.000.000 đ", "0,85 tỷ đồng"),
        (1_250_000_000_000, "1.250.000.000.000 đ", "1.250 tỷ đồng"),
        (3_298_500_000, "3.298.500.000 đ", "3,299 tỷ đồng"),  # to the million, half up
        (0, "0 đ", "0 tỷ đồng"),
        (None, "", ""),
    ],
)
def test_amounts_are_written_the_vietnamese_way(amount, in_dong, in_billions):
    assert vnd(amount) == in_dong
    assert billions(amount) == in_billions


@pytest.mark.django_db(False)
def test_figures_keep_their_decimals_with_a_comma_and_dots_between_thousands():
    assert format_number(Decimal("1234567.5")) == "1.234.567,5"
    assert format_number(Decimal("102.0")) == "102,0"
    assert format_number(-2.5) == "-2,5"
    assert format_number(999) == "999"
    assert format_number("không phải số") == ""


# --- filters (plain functions) ------------------------------------------------------------------


def test_a_year_lists_the_projects_whose_period_covers_it():
    running = pf.project("Đang chạy", start_year=2023, end_year=2025)
    open_ended = pf.project("Chưa có năm kết thúc", start_year=2024, end_year=None)
    decided_only = pf.project("Chỉ có ngày phê duyệt", decided_on=date(2024, 5, 10))
    ends_only = pf.project("Chỉ có năm kết thúc", decided_on=date(2023, 3, 1), end_year=2024)
    everything = ProjectPage.objects.all()

    def titles(year):
        return {p.title for p in covering_year(everything, year)}

    assert titles(2022) == set()
    assert titles(2023) == {running.title, ends_only.title}
    assert titles(2024) == {running.title, open_ended.title, decided_only.title, ends_only.title}
    assert titles(2025) == {running.title, open_ended.title}
    assert titles(2030) == {open_ended.title}
    assert year_span(everything) == (2023, 2025)
    assert year_span(ProjectPage.objects.none()) is None


def test_criteria_filter_by_kind_status_investor_and_year_together():
    school = f.agency("Ủy ban nhân dân xã Tân Tiến", "UBND")
    match = pf.project("Nhà lớp học", kind="dau-tu-cong", status="hoan-thanh", investor=school, start_year=2023)
    pf.project("Khác loại", kind="mua-sam", status="hoan-thanh", investor=school, start_year=2023)
    pf.project("Khác tình trạng", kind="dau-tu-cong", status="tam-dung", investor=school, start_year=2023)
    pf.project("Khác chủ đầu tư", kind="dau-tu-cong", status="hoan-thanh", start_year=2023)
    pf.project("Khác năm", kind="dau-tu-cong", status="hoan-thanh", investor=school, start_year=2020, end_year=2021)
    criteria = ProjectCriteria(kind="dau-tu-cong", status="hoan-thanh", investor=school.pk, year=2024)
    assert [p.pk for p in criteria.apply(ProjectPage.objects.all())] == [match.pk]
    assert criteria.querystring() == f"loai=dau-tu-cong&trang_thai=hoan-thanh&chu_dau_tu={school.pk}&nam=2024&"
    assert ProjectCriteria().querystring() == ""


def test_a_project_refuses_an_end_before_its_start_and_a_winner_in_a_plan():
    from django.core.exceptions import ValidationError

    page = ProjectPage(title="X", start_year=2025, end_year=2024, kind="ke-hoach-lcnt", winning_bidder="Công ty A")
    with pytest.raises(ValidationError) as caught:
        page.clean()
    assert set(caught.value.message_dict) == {"end_year", "winning_bidder"}


# --- the public list --------------------------------------------------------------------------


def test_the_list_filters_by_the_readers_choices_and_keeps_them_in_the_pagination(client):
    road = pf.project("Cải tạo đường ĐT.304", kind="dau-tu-cong", status="dang-thuc-hien", start_year=2023)
    pf.project("Mua sắm máy tính", kind="mua-sam", status="hoan-thanh", start_year=2024, end_year=2024)
    index = road.get_parent()
    html = client.get(index.url).content.decode()
    assert html.count('class="project-item"') == 2
    assert "12.500.000.000 đ" in html and "(12,5 tỷ đồng)" in html
    response = client.get(index.url, {"loai": "dau-tu-cong", "trang_thai": "dang-thuc-hien", "nam": "2025"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="project-item"') == 1 and "Cải tạo đường ĐT.304" in html
    assert '<option value="dau-tu-cong" selected>' in html
    assert "Bỏ lọc" in html
    assert_headings_in_order(html)


@pytest.mark.parametrize(
    "params, message",
    [
        ({"nam": "hai nghìn"}, "Năm: Hãy chọn một năm, ví dụ 2024."),
        ({"nam": "1800"}, "Năm: Năm phải từ 1975 trở đi."),
        ({"loai": "cau-duong"}, "Loại: “cau-duong” không phải là một loại dự án, gói thầu."),
        ({"trang_thai": "xong"}, "Tình trạng: “xong” không phải là một tình trạng."),
        ({"chu_dau_tu": "abc"}, "Chủ đầu tư: Chủ đầu tư không có trong danh sách."),
    ],
)
def test_a_bad_filter_is_a_400_naming_it_and_the_other_filters_still_apply(client, params, message):
    pf.project("Đường liên xã", kind="dau-tu-cong")
    pf.project("Máy tính", kind="mua-sam")
    index = ProjectPage.objects.first().get_parent()
    response = client.get(index.url, {**params, "loai": params.get("loai", "mua-sam")})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and 'role="alert"' in html
    if "loai" not in params:
        assert html.count('class="project-item"') == 1 and "Máy tính" in html


def test_the_list_reads_the_same_number_of_queries_for_one_or_many_projects(client):
    agencies = [f.agency(f"Ban quản lý {i}", f"B{i}") for i in range(4)]
    field = Field.objects.create(name="Giao thông")
    pf.project("Dự án đầu tiên", investor=agencies[0], field=field)
    index = ProjectPage.objects.first().get_parent()
    for params in ({}, {"nam": "2024", "trang_thai": "dang-thuc-hien"}):
        client.get(index.url, params)  # warm caches (site, content types)
    with CaptureQueriesContext(connection) as one:
        assert client.get(index.url).status_code == 200
    with CaptureQueriesContext(connection) as one_filtered:
        assert client.get(index.url, {"nam": "2024", "trang_thai": "dang-thuc-hien"}).status_code == 200
    for i in range(11):
        pf.project(f"Dự án {i}", investor=agencies[i % 4], field=field, start_year=2020 + i % 6)
    with CaptureQueriesContext(connection) as many:
        html = client.get(index.url).content.decode()
    with CaptureQueriesContext(connection) as many_filtered:
        client.get(index.url, {"nam": "2024", "trang_thai": "dang-thuc-hien"})
    assert html.count('class="project-item"') == 12
    assert len(many.captured_queries) == len(one.captured_queries)
    assert len(many_filtered.captured_queries) == len(one_filtered.captured_queries)


def test_drafts_and_private_projects_are_not_listed(client):
    shown = pf.project("Công khai")
    pf.project("Bản nháp", live=False)
    private = pf.project("Riêng tư")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    html = client.get(shown.get_parent().url).content.decode()
    assert "Công khai" in html and "Bản nháp" not in html and "Riêng tư" not in html
    assert get_json(client, "/api/v3/projects/")["count"] == 1


# --- the project page -------------------------------------------------------------------------


def test_the_project_page_shows_its_facts_bidding_documents_and_public_decisions_only(client):
    decision = f.legal_document("1246/QĐ-UBND", summary="Phê duyệt dự án đầu tư xây dựng công trình")
    draft = f.legal_document("9/QĐ-UBND", summary="Văn bản chưa ban hành", live=False)
    page = pf.project(
        "Kết quả lựa chọn nhà thầu Gói thầu số 05",
        kind="ket-qua-lcnt",
        code="IB2400051234",
        location="Thị trấn Thổ Tang",
        capital_source="Ngân sách tỉnh hỗ trợ có mục tiêu",
        start_year=2024,
        end_year=2025,
        bid_package="Gói thầu số 05: Thi công xây dựng",
        selection_method="dau-thau-rong-rai",
        bid_opening_on=date(2024, 4, 2),
        winning_bidder="Công ty CP Xây dựng Minh Phát",
        contract_value=Decimal(41_873_000_000),
        files=2,
        legal_documents=[("Quyết định phê duyệt dự án", decision), ("Chưa ban hành", draft)],
    )
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    for text in (
        "<h1>Kết quả lựa chọn nhà thầu Gói thầu số 05</h1>",
        "IB2400051234",
        "Kết quả lựa chọn nhà thầu",
        "Ban Quản lý dự án đầu tư xây dựng",
        "12.500.000.000 đ",
        "(12,5 tỷ đồng)",
        "2024 – 2025",
        '<h2 id="project-bidding-title">Thông tin đấu thầu</h2>',
        "Đấu thầu rộng rãi",
        '<time datetime="2024-04-02">02/04/2024</time>',
        "Công ty CP Xây dựng Minh Phát",
        "41.873.000.000 đ",
        "(41,873 tỷ đồng)",
        "Quyết định phê duyệt dự án:",
        decision.url,
        "Tải về: Tài liệu 1",
        "Tải về: Tài liệu 2",
    ):
        assert text in html, text
    assert "Chưa ban hành" not in html and "Văn bản chưa ban hành" not in html
    assert_headings_in_order(html)


def test_a_project_without_bidding_has_no_bidding_section(client):
    html = client.get(pf.project("Nhà máy nước sạch", status="chuan-bi").url).content.decode()
    assert "Thông tin đấu thầu" not in html and "Chuẩn bị đầu tư" in html


# --- API ------------------------------------------------------------------------------------------


def test_the_api_lists_projects_with_amounts_as_whole_numbers_and_filters_them(client):
    ubnd = f.agency("Ủy ban nhân dân xã Tân Tiến", "UBND")
    road = pf.project(
        "Đường ĐT.304", kind="ket-qua-lcnt", start_year=2023, end_year=2025, contract_value=Decimal(41_873_000_000)
    )
    school = pf.project("Trường Tiểu học", investor=ubnd, status="hoan-thanh", start_year=2023, end_year=2024)
    data = get_json(client, "/api/v3/projects/")
    assert data["count"] == 2
    item = next(i for i in data["items"] if i["id"] == road.pk)
    assert item["total_investment"] == 12_500_000_000 and item["contract_value"] == 41_873_000_000
    assert item["kind"] == "ket-qua-lcnt" and item["kind_label"] == "Kết quả lựa chọn nhà thầu"
    assert item["investor"]["name"] == "Ban Quản lý dự án đầu tư xây dựng"
    assert item["meta"]["detail_url"].endswith(f"/api/v3/pages/{road.pk}/")
    by = {
        "kind": ("ket-qua-lcnt", [road]),
        "status": ("hoan-thanh", [school]),
        "investor": (ubnd.pk, [school]),
        "year": (2025, [road]),
    }
    for name, (value, expected) in by.items():
        found = get_json(client, "/api/v3/projects/", **{name: value})
        assert [i["id"] for i in found["items"]] == [p.pk for p in expected], name


@pytest.mark.parametrize(
    "params, name",
    [
        ({"kind": "duong"}, "kind"),
        ({"status": "xong"}, "status"),
        ({"year": "2k"}, "year"),
        ({"investor": 0}, "investor"),
    ],
)
def test_a_bad_api_filter_is_a_400_naming_the_parameter(client, params, name):
    response = client.get("/api/v3/projects/", params)
    assert response.status_code == 400
    assert name in json.loads(response.content)["detail"]


def test_the_api_listing_spends_the_same_queries_for_one_or_fifty_projects(client):
    agencies = [f.agency(f"Ban {i}", f"B{i}") for i in range(3)]
    fields = [Field.objects.create(name=f"Lĩnh vực {i}") for i in range(3)]
    pf.project("Một", investor=agencies[0], field=fields[0])
    get_json(client, "/api/v3/projects/")  # content types, once per process
    cache.clear()
    with CaptureQueriesContext(connection) as one:
        assert get_json(client, "/api/v3/projects/", limit=50)["count"] == 1
    for i in range(49):
        pf.project(f"Dự án {i}", investor=agencies[i % 3], field=fields[i % 3])
    for limit in (20, 50):
        cache.clear()
        with CaptureQueriesContext(connection) as many:
            assert len(get_json(client, "/api/v3/projects/", limit=limit)["items"]) == limit
        # restrictions, count, projects with investor and field, the site root paths (for URLs)
        # + the site's root pages in every language (Wagtail i18n)
        assert len(many.captured_queries) == len(one.captured_queries) == 5, many.captured_queries


def test_the_api_detail_carries_bidding_files_and_public_legal_documents(client):
    decision = f.legal_document("1038/QĐ-UBND", summary="Phê duyệt kết quả lựa chọn nhà thầu")
    hidden = f.legal_document("77/QĐ-UBND", live=False)
    page = pf.project(
        "Gói thầu số 05",
        winning_bidder="Công ty A",
        contract_value=Decimal(3_298_500_000),
        selection_method="chao-hang-canh-tranh",
        files=1,
        legal_documents=[("Quyết định phê duyệt kết quả", decision), ("Nháp", hidden)],
    )
    data = get_json(client, f"/api/v3/pages/{page.pk}/")
    assert data["contract_value"] == 3_298_500_000
    assert data["selection_method_label"] == "Chào hàng cạnh tranh"
    assert [file["title"] for file in data["files"]] == ["Tài liệu 1"]
    assert data["files"][0]["content_type"] == "application/pdf"
    assert data["legal_documents"] == [
        {
            "label": "Quyết định phê duyệt kết quả",
            "document": {
                "id": decision.pk,
                "title": decision.title,
                "url": decision.url,
                "date": "2023-01-01",
                "summary": "Phê duyệt kết quả lựa chọn nhà thầu",
            },
        }
    ]


# --- feed ------------------------------------------------------------------------------------------


def test_the_feed_lists_the_latest_projects_with_their_amount_and_status(client):
    pf.project("Cũ hơn", decided_on=date(2023, 6, 20))
    pf.project("Mới hơn", decided_on=date(2024, 5, 10), start_year=2024, end_year=2025)
    response = client.get("/feeds/projects.rss")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/rss+xml")
    xml = response.content.decode()
    assert xml.index("<title>Mới hơn</title>") < xml.index("<title>Cũ hơn</title>")
    assert "Tổng mức đầu tư: 12.500.000.000 đ" in xml and "Thời gian thực hiện: 2024 – 2025" in xml
    assert "<category>Dự án đầu tư công</category><category>Đang thực hiện</category>" in xml
    assert "<pubDate>Fri, 10 May 2024" in xml


# --- search -----------------------------------------------------------------------------------


def test_a_project_is_found_by_words_typed_without_marks_and_counted_by_kind_and_status():
    road = pf.project("Cải tạo, nâng cấp đường tỉnh ĐT.304 đoạn qua thị trấn Thổ Tang", status="dang-thuc-hien")
    pf.project("Mua sắm thiết bị phòng tin học", kind="mua-sam", status="hoan-thanh")
    result = service.search(SearchQuery(q="duong tinh dt 304 tho tang"), today=date(2025, 6, 1))
    assert [h.page.pk for h in result.results] == [road.pk]
    assert "<mark>" in result.results[0].snippet
    assert [(e["code"], e["count"]) for e in result.facets["project_kind"]] == [("dau-tu-cong", 1)]
    assert [(e["code"], e["count"]) for e in result.facets["project_status"]] == [("dang-thuc-hien", 1)]
    only = service.search(SearchQuery(q="thiet bi", project_status="hoan-thanh"), today=date(2025, 6, 1))
    assert [h.type for h in only.results] == ["project"]


def test_the_search_api_refuses_an_unknown_project_status(client):
    response = client.get("/api/v3/search/", {"q": "duong", "project_status": "xong"})
    assert response.status_code == 400 and "project_status" in response.content.decode()


# --- report ----------------------------------------------------------------------------------------


def test_the_report_counts_projects_by_status_and_kind_with_their_investment(django_assert_num_queries):
    pf.project("A", decided_on=date(2024, 3, 1), total_investment=Decimal(48_500_000_000))
    pf.project("B", decided_on=date(2024, 6, 1), status="hoan-thanh", total_investment=Decimal(14_200_000_000))
    pf.project(
        "C", decided_on=date(2024, 7, 1), kind="mua-sam", total_investment=None, contract_value=Decimal(3_298_500_000)
    )
    pf.project("Ngoài kỳ", decided_on=date(2023, 12, 31))
    pf.statistics_page("Số liệu 2024", published_on=date(2024, 12, 20))
    with django_assert_num_queries(2):
        section = projects_section(date(2024, 1, 1), date(2024, 12, 31), date(2025, 6, 1))
    summary = dict(section.summary)
    assert summary["Dự án, gói thầu, kết quả đấu thầu công bố"] == 3
    assert summary["Tổng mức đầu tư của dự án công bố (tỷ đồng)"] == "62,7"
    assert summary["Giá trúng thầu, giá hợp đồng công bố (tỷ đồng)"] == "3,299"
    assert summary["Trang thống kê công bố"] == 1
    assert section.table("Dự án theo tình trạng").rows == [["Đang thực hiện", 2], ["Hoàn thành", 1]]
    assert section.table("Dự án theo loại và tình trạng").rows == [
        ["Dự án đầu tư công", 0, 1, 1, 0, 2, 62.7],
        ["Gói thầu mua sắm", 0, 1, 0, 0, 1, 0.0],
    ]


# --- registrations ------------------------------------------------------------------------------


def test_the_app_registered_its_record_type_search_routers_feed_urls_and_report_section():
    assert handlers()["project"].__module__ == "projects.importing"
    assert registry.documents()["project"].model is ProjectPage
    assert registry.documents()["statistics"].model.__name__ == "StatisticsPage"
    assert {"project_kind", "project_status"} <= set(registry.filters()) & set(registry.facets())
    assert {"/projects/", "/statistics/"} <= {prefix for prefix, _ in routers()}
    assert "feed-projects" in [feed.url_name for feed in announced_feeds()]
    assert "projects" in [section.key for section in report_sections()]
