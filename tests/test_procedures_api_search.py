"""The procedures in the API (``/api/v3/procedures/``, the detail) and in the citizens' search
(the ``procedure`` search document: the code as an exact match, words without marks, filters,
facets)."""

import json
from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import service
from search.service import SearchQuery

from . import factories
from . import procedures_factories as pf

pytestmark = pytest.mark.django_db
TODAY = date(2025, 6, 1)
URL = "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html"


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    return json.loads(response.content)


@pytest.fixture
def catalogue():
    civil = pf.field("Hộ tịch")
    land = pf.field("Đất đai")
    commune = factories.agency("Ủy ban nhân dân cấp xã", "UBND")
    office = factories.agency("Chi nhánh Văn phòng đăng ký đất đai huyện Vĩnh Tường", "CNVPĐKĐĐ")
    return {
        "birth": pf.procedure(
            "Thủ tục đăng ký khai sinh",
            code="1.001193",
            field=civil,
            agency=commune,
            online_level="toan_trinh",
            service_url=URL,
            subjects="Cá nhân",
            announced_on=date(2024, 3, 15),
        ),
        "marriage": pf.procedure(
            "Thủ tục đăng ký kết hôn",
            code="1.000894",
            field=civil,
            agency=commune,
            online_level="mot_phan",
            service_url=URL,
            processing_time="Ngay trong ngày; trường hợp cần xác minh thì không quá 05 ngày làm việc",
            announced_on=date(2024, 3, 15),
        ),
        "land": pf.procedure(
            "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
            code="1.004227",
            field=land,
            agency=office,
            level="huyen",
            processing_time="10 ngày làm việc",
            announced_on=date(2024, 9, 2),
            dossier=[("Đơn đăng ký biến động đất đai, tài sản gắn liền với đất (Mẫu số 11/ĐK)", 1, 0, True)],
        ),
        "land_variant": pf.procedure(
            "Đăng ký biến động quyền sử dụng đất (liên thông thuế)",
            code="1.004227.000.00.00.H62",
            field=land,
            agency=office,
            level="huyen",
            announced_on=date(2024, 9, 2),
        ),
        "hidden": pf.procedure("Thủ tục đăng ký khai sinh lưu động", code="1.000002", live=False),
    }


# --- the API listing ---------------------------------------------------------------------------------


def test_the_listing_carries_what_a_list_needs_and_filters(client, catalogue):
    data = get(client, "/api/v3/procedures/")
    assert data["count"] == 4
    item = next(i for i in data["items"] if i["code"] == "1.000894")
    assert item["title"] == "Thủ tục đăng ký kết hôn"
    assert item["field"] == {"id": catalogue["marriage"].field_id, "name": "Hộ tịch", "short_code": None}
    assert item["agency"]["name"] == "Ủy ban nhân dân cấp xã"
    assert (item["level"], item["level_label"]) == ("xa", "Cấp xã")
    assert (item["online_level"], item["online_level_label"]) == ("mot_phan", "Một phần")
    assert item["processing_days"] == 5 and item["service_url"] == URL
    assert item["meta"]["type"] == "procedures.ProcedurePage"
    assert [i["code"] for i in data["items"]][:2] in (
        ["1.004227", "1.004227.000.00.00.H62"],
        ["1.004227.000.00.00.H62", "1.004227"],
    )  # the most recently announced first

    assert get(client, "/api/v3/procedures/", level="huyen")["count"] == 2
    assert get(client, "/api/v3/procedures/", online_level="toan_trinh")["count"] == 1
    assert get(client, "/api/v3/procedures/", field=catalogue["land"].field_id)["count"] == 2
    assert get(client, "/api/v3/procedures/", agency=catalogue["birth"].agency_id)["count"] == 2
    assert get(client, "/api/v3/procedures/", date_from="2024-06-01")["count"] == 2


@pytest.mark.parametrize(
    "params, named", [({"level": "quan"}, "level"), ({"online_level": "4"}, "online_level"), ({"field": "x"}, "field")]
)
def test_a_bad_filter_is_a_400_naming_it(client, params, named):
    response = client.get("/api/v3/procedures/", params)
    assert response.status_code == 400
    assert named in json.loads(response.content)["detail"]


def test_the_listing_reads_the_same_queries_for_one_and_for_many(client, django_assert_num_queries):
    pf.procedure("Thủ tục một")
    get(client, "/api/v3/procedures/")  # warm caches (content types)
    cache.clear()
    with CaptureQueriesContext(connection) as one:
        assert get(client, "/api/v3/procedures/")["count"] == 1
    for i in range(30):
        pf.procedure(
            f"Thủ tục {i}",
            field=pf.field(f"Lĩnh vực {i % 7}"),
            agency=factories.agency(f"Cơ quan {i % 5}", f"CQ{i % 5}"),
            level=("xa", "huyen")[i % 2],
        )
    # restrictions, count, procedures with field and agency, the site (URLs)
    for limit in (1, 20, 31):
        cache.clear()
        with django_assert_num_queries(len(one.captured_queries)):
            data = get(client, "/api/v3/procedures/", limit=limit)
        assert len(data["items"]) == min(limit, 31)
    assert len(one.captured_queries) == 5  # + the site's root pages in every language (Wagtail i18n)


def test_the_detail_has_every_section_typed(client, catalogue):
    law = factories.legal_document("60/2014/QH13", summary="Luật Hộ tịch", issued_on=date(2014, 11, 20))
    page = catalogue["birth"]
    page.save_revision().publish()  # the legal basis links itself on save
    data = get(client, f"/api/v3/pages/{page.pk}/")
    assert data["code"] == "1.001193" and data["channels"] == ["truc_tiep"]
    assert data["steps"] == ["Nộp hồ sơ tại Bộ phận một cửa.", "Nhận kết quả."]
    assert data["dossier"][0] == {
        "name": "Tờ khai theo mẫu",
        "originals": 1,
        "copies": 0,
        "required": True,
        "form": None,
    }
    basis = data["legal_basis"][0]
    assert basis["number"] == "60/2014/QH13" and basis["document"]["id"] == law.pk
    assert data["section"]["slug"] == "thu-tuc-hanh-chinh"
    assert data["processing_days"] == 0 and data["online_level_label"] == "Toàn trình"


# --- the citizens' search ---------------------------------------------------------------------------------


def run(q, **params):
    return service.search(SearchQuery(q=q, **params), today=TODAY)


def test_typing_a_code_puts_that_procedure_first_then_its_local_variants(catalogue):
    result = run("1.004227")
    codes = [hit.page.code for hit in result.results if hit.type == "procedure"]
    assert codes[:2] == ["1.004227", "1.004227.000.00.00.H62"]
    assert result.results[0].as_dict()["number"] == "1.004227"
    assert run("thủ tục 1.001193").results[0].page.pk == catalogue["birth"].pk
    assert run("1.004227.000.00.00.h62").results[0].page.code == "1.004227.000.00.00.H62"


@pytest.mark.parametrize(
    "q, expected",
    [
        ("dang ky khai sinh", "birth"),
        ("ĐĂNG KÝ KẾT HÔN", "marriage"),
        ("dang ky bien dong dat", "land"),
        ("mau so 11/dk", "land"),  # a paper of the dossier
    ],
)
def test_words_typed_without_marks_find_the_procedure(catalogue, q, expected):
    result = run(q, types=("procedure",))
    assert catalogue[expected].pk in [hit.page.pk for hit in result.results]
    assert catalogue["hidden"].pk not in [hit.page.pk for hit in run("khai sinh").results]


def test_the_search_filters_and_counts_by_field_agency_level_and_online_level(catalogue):
    result = run("dang ky", types=("procedure",))
    facets = result.facets
    assert {e["code"]: e["count"] for e in facets["level"]} == {"xa": 2, "huyen": 2}
    assert {e["code"]: e["count"] for e in facets["online_level"]} == {"toan_trinh": 1, "mot_phan": 1, "none": 2}
    assert {e["name"]: e["count"] for e in facets["field"]} == {"Hộ tịch": 2, "Đất đai": 2}
    assert {e["name"] for e in facets["agency"]} == {
        "Ủy ban nhân dân cấp xã",
        "Chi nhánh Văn phòng đăng ký đất đai huyện Vĩnh Tường",
    }
    assert run("dang ky", level="huyen").count == 2
    assert [h.page.code for h in run("dang ky", online_level="toan_trinh").results] == ["1.001193"]
    assert run("dang ky", agency=catalogue["birth"].agency_id).count == 2
    assert run("dang ky", field=catalogue["land"].field_id, types=("procedure",)).count == 2


def test_the_search_page_and_api_take_the_new_filters(client, catalogue):
    data = get(client, "/api/v3/search/", q="dang ky", level="xa")
    assert {hit["type"] for hit in data["results"]} == {"procedure"} and data["count"] == 2
    bad = client.get("/api/v3/search/", {"q": "dang ky", "online_level": "muc_4"})
    assert bad.status_code == 400
    html = client.get("/tim-kiem/", {"q": "khai sinh"}).content.decode()
    assert "Thủ tục hành chính" in html and "Cấp thực hiện" in html and "1.001193" in html
