"""``/api/v3/organisation/units/`` and ``/leaders/``, and the organisation pages in ``/api/v3/pages/``:
typed, public contact data only, in a fixed number of queries."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directives.models import UnitKind
from tests import factories as f
from tests import organisation_factories as of

pytestmark = pytest.mark.django_db

UNITS = "/api/v3/organisation/units/"
LEADERS = "/api/v3/organisation/leaders/"


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def get(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:800]
    return response.json()


def names(client, url, **params) -> list[str]:
    return [item["name"] for item in get(client, url, **params)["items"]]


@pytest.fixture
def top():
    return of.authority(phone="0211 3838 216", email="ubnd@vinhtuong.vinhphuc.gov.vn")


def test_units_are_the_agencies_with_a_kind_in_display_order_with_their_contacts(client, top):
    of.unit("Phòng Tư pháp", parent=top, order=2, phone="0211 3838 260", functions="Tham mưu về tư pháp.")
    of.unit("Phòng Nội vụ", parent=top, order=2, website="https://noivu.example.vn", address="Khu hành chính")
    of.unit("Ủy ban nhân dân xã Tân Tiến", UnitKind.COMMUNE, parent=top, order=5)
    f.agency("Chính phủ", "CP")  # named by documents only: not a unit
    data = get(client, UNITS)
    assert data["count"] == 4
    assert [item["name"] for item in data["items"]] == [
        "Ủy ban nhân dân huyện Vĩnh Tường",
        "Phòng Nội vụ",
        "Phòng Tư pháp",
        "Ủy ban nhân dân xã Tân Tiến",
    ]
    justice = data["items"][2]
    assert justice == {
        "id": justice["id"],
        "name": "Phòng Tư pháp",
        "short_code": "",
        "kind": "specialised_agency",
        "kind_label": "Cơ quan chuyên môn",
        "parent": {"id": top.pk, "name": "Ủy ban nhân dân huyện Vĩnh Tường"},
        "display_order": 2,
        "address": "",
        "phone": "0211 3838 260",
        "email": "",
        "website": "",
        "functions": "Tham mưu về tư pháp.",
    }
    assert data["items"][0]["parent"] is None and data["items"][0]["kind"] == "authority"
    assert names(client, UNITS, kind="commune") == ["Ủy ban nhân dân xã Tân Tiến"]
    assert names(client, UNITS, parent=top.pk) == ["Phòng Nội vụ", "Phòng Tư pháp", "Ủy ban nhân dân xã Tân Tiến"]
    assert names(client, UNITS, limit=1, offset=1) == ["Phòng Nội vụ"]


def test_leaders_come_with_unit_photo_public_contacts_and_their_page(client, top):
    of.introduction()
    chairman = of.leader(
        "Nguyễn Quang Huy",
        "Chủ tịch UBND huyện",
        order=1,
        phone="0211 3838 201",
        email="nqhuy@vinhtuong.vinhphuc.gov.vn",
        photo=f.image("Chân dung Chủ tịch", size=(160, 200)),
        biography="Phụ trách chung.",
    )
    of.leader("Trần Thị Thanh Hà", order=2)
    head = of.leader(
        "Lê Văn Nam", "Trưởng phòng Nội vụ", agency=of.unit("Phòng Nội vụ", parent=top), is_authority_leader=False
    )
    data = get(client, LEADERS)
    assert [item["name"] for item in data["items"]] == ["Nguyễn Quang Huy", "Trần Thị Thanh Hà", "Lê Văn Nam"]
    first = data["items"][0]
    assert {k: v for k, v in first.items() if k != "photo"} == {
        "id": chairman.pk,
        "name": "Nguyễn Quang Huy",
        "position": "Chủ tịch UBND huyện",
        "unit": {"id": top.pk, "name": "Ủy ban nhân dân huyện Vĩnh Tường"},
        "is_authority_leader": True,
        "display_order": 1,
        "phone": "0211 3838 201",
        "email": "nqhuy@vinhtuong.vinhphuc.gov.vn",
        "biography": "Phụ trách chung.",
        "url": f"/gioi-thieu/lanh-dao/{chairman.pk}/",
    }
    assert first["photo"]["small"]["url"].endswith(".png") and first["photo"]["alt"] == "Chân dung Chủ tịch"
    assert data["items"][1]["photo"] is None
    assert names(client, LEADERS, authority_leaders="true") == ["Nguyễn Quang Huy", "Trần Thị Thanh Hà"]
    assert names(client, LEADERS, authority_leaders="false") == ["Lê Văn Nam"]
    assert names(client, LEADERS, unit=head.agency_id) == ["Lê Văn Nam"]


def test_without_an_introduction_page_a_leader_has_no_url(client, top):
    of.leader("Nguyễn Quang Huy")
    assert get(client, LEADERS)["items"][0]["url"] is None


@pytest.mark.parametrize(
    ("url", "params", "message"),
    [
        (UNITS, {"kind": "phong"}, "kind"),
        (UNITS, {"parent": 0}, "parent"),
        (UNITS, {"parent": 10**12}, "parent"),
        (UNITS, {"limit": 51}, "limit cannot be higher than 50"),
        (LEADERS, {"unit": "abc"}, "unit"),
        (LEADERS, {"authority_leaders": "maybe"}, "authority_leaders"),
        (LEADERS, {"offset": -1}, "offset"),
    ],
)
def test_bad_parameters_get_400_naming_them(client, url, params, message):
    response = client.get(url, params)
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    assert message in response.json()["detail"]


def test_the_openapi_document_types_both_listings(client):
    schema = get(client, "/api/v3/openapi.json")
    for path, parameters in ((UNITS, {"kind", "parent"}), (LEADERS, {"unit", "authority_leaders"})):
        operation = schema["paths"][path]["get"]
        documented = {p["name"]: p for p in operation["parameters"]}
        assert parameters | {"limit", "offset"} <= set(documented)
        assert all(documented[name].get("description") for name in parameters)
        assert {"200", "400"} <= set(operation["responses"])
    components = schema["components"]["schemas"]
    assert {"phone", "email", "address", "website", "parent", "kind"} <= set(components["UnitOut"]["properties"])
    assert {"photo", "phone", "email", "url", "unit"} <= set(components["LeaderOut"]["properties"])


# --- query counts: one request for 1 item, the same for many -------------------------------------------


def _queries(client, url) -> tuple[int, int]:
    get(client, url, limit=50)  # renditions are generated once
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        data = get(client, url, limit=50)
    return len(captured.captured_queries), data["count"]


def test_the_units_listing_reads_a_fixed_number_of_queries(client, top, django_assert_num_queries):
    one, count = _queries(client, UNITS)
    assert count == 1
    for i in range(30):
        of.unit(f"Phòng số {i}", parent=top, order=i, phone="0211 3838 300")
    many, count = _queries(client, UNITS)
    assert count == 31
    assert many == one == 2  # count, units with their parents


def test_the_leaders_listing_reads_a_fixed_number_of_queries(client, top):
    of.introduction()
    unit = of.unit("Phòng Nội vụ", parent=top)
    of.leader("Lãnh đạo 0", photo=f.image("Ảnh 0", size=(64, 80)))
    one, count = _queries(client, LEADERS)
    assert count == 1
    for i in range(1, 20):
        of.leader(f"Lãnh đạo {i}", agency=unit if i % 2 else top, photo=f.image(f"Ảnh {i}", size=(64, 80)))
    many, count = _queries(client, LEADERS)
    assert count == 20
    # count, leaders with units, photos, their renditions; once for every leader's URL: the introduction
    # page (view restrictions, the page), the request's site and the sites' root paths
    assert many == one == 9  # + the site's root pages in every language (Wagtail i18n)


def test_the_pages_carry_the_organisation_in_the_api(client, top):
    f.authority_profile(
        authority_name="Ủy ban nhân dân huyện Vĩnh Tường", address="Thị trấn Vĩnh Tường", phone="0211 3838 216"
    )
    of.unit("Phòng Nội vụ", parent=top, order=1)
    leader = of.leader("Nguyễn Quang Huy", "Chủ tịch UBND huyện")
    intro = of.introduction()
    detail = get(client, f"/api/v3/pages/{intro.pk}/")
    assert detail["meta"]["type"] == "organisation.IntroductionPage"
    assert "cơ quan hành chính nhà nước" in detail["functions"] and detail["updated_on"] == "2025-03-15"
    assert [u["name"] for u in detail["units"]] == ["Ủy ban nhân dân huyện Vĩnh Tường", "Phòng Nội vụ"]
    assert [(x["name"], x["url"]) for x in detail["leaders"]] == [
        ("Nguyễn Quang Huy", f"/gioi-thieu/lanh-dao/{leader.pk}/")
    ]
    contact = of.contact_page(latitude="21.245", longitude="105.4901")
    detail = get(client, f"/api/v3/pages/{contact.pk}/")
    assert detail["authority"] == {
        "name": "Ủy ban nhân dân huyện Vĩnh Tường",
        "address": "Thị trấn Vĩnh Tường",
        "phone": "0211 3838 216",
        "email": "",
    }
    assert detail["map_links"][0]["url"].startswith("https://www.openstreetmap.org/?mlat=21.245")
    assert detail["working_hours"].startswith("Sáng") and len(detail["units"]) == 2
