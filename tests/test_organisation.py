"""The institution's pages (organisation/): the organisation chart, the leaders and their pages, the
directory of units, the contact page, and the links from directives and tasks to a leader."""

import re
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from directives.models import Agency, Official, UnitKind
from organisation import structure
from organisation.contact import map_links
from organisation.links import leader_url
from organisation.models import ContactPage
from tests import factories as f
from tests import organisation_factories as of

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def get(client, url, status=200):
    response = client.get(url, HTTP_HOST="localhost")
    assert response.status_code == status, response.content[:500]
    return BeautifulSoup(response.content, "html.parser")


def text(node) -> str:
    return " ".join(node.get_text(" ").split())


def headings_in_order(soup) -> bool:
    """One h1, and no heading more than one level below the one before it."""
    levels = [int(h.name[1]) for h in soup.select("main h1, main h2, main h3, main h4, main h5, main h6")]
    return levels[:1] == [1] and levels.count(1) == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:]))


@pytest.fixture
def organisation():
    """The authority under its province (not a unit), two specialised agencies, a public service unit
    and two communes; a ministry that is no unit."""
    province = f.agency("Ủy ban nhân dân tỉnh Vĩnh Phúc", "UBND")
    top = of.authority(parent=province, phone="0211 3838 216")
    units = {
        "top": top,
        "office": of.unit("Văn phòng HĐND và UBND", parent=top, order=1, phone="0211 3838 250", email="vp@vt.gov.vn"),
        "interior": of.unit("Phòng Nội vụ", parent=top, order=2, address="Khu hành chính huyện"),
        "justice": of.unit("Phòng Tư pháp", parent=top, order=2, website="https://tuphap.example.vn"),
        "centre": of.unit("Trung tâm Văn hóa - Thông tin và Thể thao", UnitKind.PUBLIC_SERVICE_UNIT, parent=top),
        "tan_tien": of.unit("Ủy ban nhân dân xã Tân Tiến", UnitKind.COMMUNE, parent=top, order=2),
        "an_tuong": of.unit("Ủy ban nhân dân xã An Tường", UnitKind.COMMUNE, parent=top, order=1),
        "team": of.unit("Tổ một cửa", UnitKind.OTHER, parent=None, order=9),
    }
    units["team"].parent = units["office"]
    units["team"].save()
    f.agency("Bộ Tài chính", "BTC")
    return units


@pytest.fixture
def chairman():
    return of.leader(
        "Nguyễn Quang Huy",
        "Chủ tịch UBND huyện",
        order=1,
        phone="0211 3838 201",
        email="nqhuy@vinhtuong.vinhphuc.gov.vn",
        biography="Phụ trách chung; trực tiếp chỉ đạo công tác nội vụ, tài chính.",
    )


# --- the organisation chart ------------------------------------------------------------------------


def test_the_chart_nests_units_under_their_parents_grouped_by_kind_in_display_order(organisation):
    tree = structure.unit_tree(structure.units())
    assert [node.unit.name for node in tree] == ["Ủy ban nhân dân huyện Vĩnh Tường"]  # the province is no unit
    groups = tree[0].groups
    assert [(g.label, [n.unit.name for n in g.nodes]) for g in groups] == [
        ("Cơ quan chuyên môn", ["Văn phòng HĐND và UBND", "Phòng Nội vụ", "Phòng Tư pháp"]),
        ("Đơn vị sự nghiệp công lập", ["Trung tâm Văn hóa - Thông tin và Thể thao"]),
        ("Ủy ban nhân dân cấp xã", ["Ủy ban nhân dân xã An Tường", "Ủy ban nhân dân xã Tân Tiến"]),
    ]
    assert [(depth, unit.name) for depth, unit in structure.flatten(tree)][:3] == [
        (0, "Ủy ban nhân dân huyện Vĩnh Tường"),
        (1, "Văn phòng HĐND và UBND"),
        (2, "Tổ một cửa"),
    ]
    assert "Bộ Tài chính" not in {unit.name for unit in structure.units()}


def test_a_circle_of_parents_loses_no_unit():
    a = of.unit("Đơn vị A", order=1)
    b = of.unit("Đơn vị B", parent=a, order=2)
    c = of.unit("Đơn vị C", parent=b, order=3)
    Agency.objects.filter(pk=a.pk).update(parent=c)  # A under C under B under A
    selfish = of.unit("Đơn vị D", order=4)
    Agency.objects.filter(pk=selfish.pk).update(parent=selfish)
    flat = structure.flatten(structure.unit_tree(structure.units()))
    assert sorted(unit.name for _depth, unit in flat) == ["Đơn vị A", "Đơn vị B", "Đơn vị C", "Đơn vị D"]
    assert [(d, u.name) for d, u in flat] == [(0, "Đơn vị A"), (1, "Đơn vị B"), (2, "Đơn vị C"), (0, "Đơn vị D")]


def test_the_introduction_page_draws_the_chart_as_nested_lists_a_reader_can_fold(client, organisation, chairman):
    page = of.introduction()
    soup = get(client, page.url)
    assert headings_in_order(soup)
    chart = soup.select_one("#co-cau > ul.org-tree")
    root = chart.find("li", recursive=False)
    assert text(root.find("a")) == "Ủy ban nhân dân huyện Vĩnh Tường"
    summaries = [text(s) for s in root.select(":scope > ul > li > details > summary")]
    assert summaries == ["Cơ quan chuyên môn (3)", "Đơn vị sự nghiệp công lập (1)", "Ủy ban nhân dân cấp xã (2)"]
    specialised = root.select(":scope > ul > li")[0].select(":scope > details > ul > li")
    assert [text(li.find("a")) for li in specialised] == ["Văn phòng HĐND và UBND", "Phòng Nội vụ", "Phòng Tư pháp"]
    nested = specialised[0].select(":scope details ul.org-tree a")
    assert [text(a) for a in nested] == ["Tổ một cửa"]  # a unit under a unit, one level deeper
    # each unit of the chart links to its card in the directory
    for link in chart.select("a.org-unit"):
        assert soup.select_one(link["href"]) is not None, link["href"]
    assert soup.find("script") is None


def test_the_introduction_shows_functions_history_leaders_and_the_directory(client, organisation, chairman):
    page = of.introduction()
    deputy = of.leader("Trần Thị Thanh Hà", order=2, photo=f.image("Ảnh lãnh đạo"))
    of.leader("Lê Văn Cũ", "Nguyên Chủ tịch UBND huyện", is_authority_leader=False)
    soup = get(client, page.url)
    assert "cơ quan hành chính nhà nước ở địa phương" in text(soup.select_one("#chuc-nang"))
    assert "thành lập năm 1950" in text(soup.select_one("#lich-su"))
    cards = soup.select("#lanh-dao li.leader-card")
    assert [text(card.find("h3")) for card in cards] == ["Nguyễn Quang Huy", "Trần Thị Thanh Hà"]
    first = cards[0]
    assert first.select_one("h3 a")["href"] == f"/gioi-thieu/lanh-dao/{chairman.pk}/"
    assert "Chủ tịch UBND huyện" in text(first) and "Ủy ban nhân dân huyện Vĩnh Tường" in text(first)
    assert first.select_one('a[href="tel:02113838201"]') and first.select_one(
        'a[href="mailto:nqhuy@vinhtuong.vinhphuc.gov.vn"]'
    )
    assert cards[1].find("img")["src"] and cards[1].find("img")["alt"] == ""  # the name is the text beside it
    assert "Lê Văn Cũ" not in text(soup)
    directory = soup.select_one("#danh-ba")
    groups = [text(h) for h in directory.find_all("h3")]
    assert groups == [
        "Cơ quan chủ quản",
        "Cơ quan chuyên môn",
        "Đơn vị sự nghiệp công lập",
        "Ủy ban nhân dân cấp xã",
        "Đơn vị khác",
    ]
    office = directory.select_one(f"#don-vi-{organisation['office'].pk}")
    assert office.select_one('a[href="tel:02113838250"]') and office.select_one('a[href="mailto:vp@vt.gov.vn"]')
    justice = directory.select_one(f"#don-vi-{organisation['justice'].pk}")
    assert justice.select_one('a[href="https://tuphap.example.vn"]')
    assert deputy.pk


def test_the_introduction_reads_the_same_queries_for_more_units_and_leaders(client, organisation, chairman):
    chairman.photo = f.image("Chân dung 1", size=(80, 100))
    chairman.save()
    page = of.introduction()

    def queries() -> int:
        client.get(page.url, HTTP_HOST="localhost")  # renditions are generated once
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page.url, HTTP_HOST="localhost").status_code == 200
        return len(captured.captured_queries)

    few = queries()
    for i in range(6):
        of.leader(f"Phó Chủ tịch {i}", order=i + 2, photo=f.image(f"Chân dung {i + 2}", size=(80, 100)))
        of.unit(f"Phòng số {i}", parent=organisation["top"], phone=f"0211 3838 3{i:02d}")
        of.unit(f"Ủy ban nhân dân xã số {i}", UnitKind.COMMUNE, parent=organisation["top"])
    assert queries() == few


def test_a_phone_wide_chart_uses_details_and_no_table(client, organisation):
    """The chart folds on a phone (<details>), and the directory is lists, not a wide table."""
    soup = get(client, of.introduction().url)
    assert soup.select("#co-cau details summary")
    assert not soup.select("#co-cau table, #danh-ba table")


# --- a leader's page ---------------------------------------------------------------------------------


def test_a_leader_page_lists_the_latest_directives_and_the_tasks_they_assigned(client, organisation, chairman):
    page = of.introduction()
    other = of.leader("Đỗ Văn Khánh")
    directives = [
        f.directive(f"{i}/TB-UBND", directing_leader=chairman, issued_on=date(2024, 1, 1) + timedelta(days=i))
        for i in range(1, 13)
    ]
    f.directive("99/TB-UBND", directing_leader=other, summary="Kết luận của đồng chí Phó Chủ tịch")
    f.directive("98/TB-UBND", directing_leader=chairman, live=False, summary="Bản nháp chưa công bố")
    unit = organisation["interior"]
    f.task("NV-1", lead_unit=unit, source_directive=directives[0], deadline=TODAY - timedelta(days=2))
    f.task("NV-2", lead_unit=unit, source_directive=directives[-1], completed_on=date(2024, 2, 1))
    f.task("NV-3", lead_unit=unit)  # no source directive
    soup = get(client, f"{page.url}lanh-dao/{chairman.pk}/")
    assert headings_in_order(soup)
    assert text(soup.find("h1")) == "Nguyễn Quang Huy"
    assert "Phụ trách chung" in text(soup)
    assert soup.select_one('a[href="tel:02113838201"]')
    rows = soup.select(".leader-directives tbody tr")
    assert [text(r.find("th")) for r in rows] == [f"{i}/TB-UBND" for i in range(12, 2, -1)]  # the latest ten
    assert "10 văn bản mới nhất trong 12 văn bản" in text(soup.select_one(".leader-directives caption"))
    more = soup.select_one(".leader-directives .more a")
    assert more["href"] == f"/chi-dao-dieu-hanh/?leader={chairman.pk}" and "12" in text(more)
    tasks = soup.select(".leader-tasks tbody tr")
    assert [text(r.find("th")) for r in tasks] == ["NV-2", "NV-1"]  # newest assigned first, then newest page
    statuses = {text(r.find("th")): text(r.select_one(".status-badge")) for r in tasks}
    assert statuses == {"NV-1": "Đang thực hiện quá hạn", "NV-2": "Hoàn thành đúng hạn"}
    assert soup.select_one(".leader-tasks .more a")["href"] == "/theo-doi-nhiem-vu/"
    assert "Bản nháp chưa công bố" not in text(soup) and "Phó Chủ tịch" not in text(
        soup.select_one(".leader-directives")
    )
    crumbs = [text(li) for li in soup.select("nav.breadcrumb li")]
    assert crumbs == ["Trang chủ", "Giới thiệu", "Nguyễn Quang Huy"]


def test_the_full_list_of_a_leaders_directives_is_the_directives_page_filtered(client, chairman):
    of.introduction()
    other = of.leader("Đỗ Văn Khánh")
    mine = f.directive("1/TB-UBND", directing_leader=chairman, summary="Kết luận về giải phóng mặt bằng")
    f.directive("2/TB-UBND", directing_leader=other, summary="Kết luận về phòng cháy")
    soup = get(client, f"/chi-dao-dieu-hanh/?leader={chairman.pk}")
    assert [text(td) for td in soup.select("tbody tr td a[href$='/']") if "Kết luận" in text(td)] == [mine.summary]
    assert "Văn bản do đồng chí Nguyễn Quang Huy chỉ đạo" in text(soup)
    assert soup.select_one(f'.filter-summary a[href="/gioi-thieu/lanh-dao/{chairman.pk}/"]')


@pytest.mark.parametrize("value", ["abc", "0", "99999999999", "-1", "1\x00"])
def test_a_bad_leader_filter_is_a_400_naming_the_parameter_with_the_full_list(client, chairman, value):
    f.directive("1/TB-UBND", directing_leader=chairman)
    response = client.get("/chi-dao-dieu-hanh/", {"leader": value}, HTTP_HOST="localhost")
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert "(leader)" in text(soup.select_one(".form-errors"))
    assert soup.select("tbody tr")  # the list is still shown


def test_an_unknown_leader_page_is_a_404(client, chairman):
    page = of.introduction()
    get(client, f"{page.url}lanh-dao/{chairman.pk + 100}/", status=404)
    get(client, f"{page.url}lanh-dao/99999999999/", status=404)
    get(client, f"{page.url}lanh-dao/abc/", status=404)


# --- links from directives and tasks -----------------------------------------------------------------


def test_directive_and_task_pages_link_the_leader_to_the_leader_page(client, chairman):
    directive = f.directive("5/TB-UBND", directing_leader=chairman)
    task = f.task("NV-5", source_directive=directive)
    # without an introduction page, the name is plain text
    assert not get(client, directive.url).select_one(".leader-name a")
    assert not get(client, task.url).select_one(".leader-name a")
    assert leader_url(chairman) is None
    of.introduction()
    expected = f"/gioi-thieu/lanh-dao/{chairman.pk}/"
    assert leader_url(chairman) == expected
    link = get(client, directive.url).select_one(".leader-name a")
    assert (link["href"], text(link)) == (expected, "Nguyễn Quang Huy")
    task_link = get(client, task.url).select_one(".leader-name a")
    assert task_link["href"] == expected
    index = get(client, "/chi-dao-dieu-hanh/")
    assert index.select_one(f'tbody a[href="{expected}"]')


def test_the_directives_page_reads_the_same_queries_with_linked_leaders(client):
    of.introduction()
    leaders = [of.leader(f"Lãnh đạo {i}") for i in range(3)]
    f.directive(directing_leader=leaders[0])
    url = "/chi-dao-dieu-hanh/"
    client.get(url, HTTP_HOST="localhost")
    with CaptureQueriesContext(connection) as one:
        client.get(url, HTTP_HOST="localhost")
    for i in range(9):
        f.directive(directing_leader=leaders[i % 3])
    with CaptureQueriesContext(connection) as ten:
        soup = get(client, url)
    assert len(soup.select("tbody a[href^='/gioi-thieu/lanh-dao/']")) == 10
    assert len(ten.captured_queries) == len(one.captured_queries)


def test_a_draft_introduction_page_gives_no_leader_links(client, chairman):
    page = of.introduction()
    page.unpublish()
    assert leader_url(chairman) is None


# --- the contact page --------------------------------------------------------------------------------


def test_the_contact_page_shows_the_authority_profile_hours_map_and_units(client, organisation):
    f.authority_profile(
        authority_name="Ủy ban nhân dân huyện Vĩnh Tường",
        address="Khu hành chính huyện, thị trấn Vĩnh Tường, tỉnh Vĩnh Phúc",
        phone="0211 3838 216",
        email="ubnd@vinhtuong.vinhphuc.gov.vn",
    )
    page = of.contact_page(reception="Thứ Năm hằng tuần tại Trụ sở tiếp công dân huyện.")
    soup = get(client, page.url)
    assert headings_in_order(soup)
    contact = soup.select_one(".authority-contact")
    assert text(contact.find("h2")) == "Ủy ban nhân dân huyện Vĩnh Tường"
    assert "Khu hành chính huyện, thị trấn Vĩnh Tường" in text(contact)
    assert contact.select_one('a[href="tel:02113838216"]')
    assert contact.select_one('a[href="mailto:ubnd@vinhtuong.vinhphuc.gov.vn"]')
    osm = contact.select_one(".map-links a")["href"]
    assert osm.startswith("https://www.openstreetmap.org/search?query=Khu%20h%C3%A0nh%20ch%C3%ADnh")
    assert "7 giờ 30" in text(soup) and "Thứ Năm hằng tuần" in text(soup)
    tables = soup.select("table.unit-contacts")
    assert [text(t.caption) for t in tables][:2] == ["Cơ quan chủ quản", "Cơ quan chuyên môn"]
    assert all(t.select("thead th[scope=col]") and t.select("tbody th[scope=row]") for t in tables)
    office = next(tr for tr in soup.select("table.unit-contacts tbody tr") if "Văn phòng" in text(tr))
    assert office.select_one('a[href="tel:02113838250"]') and office.select_one('a[href="mailto:vp@vt.gov.vn"]')
    assert soup.find("iframe") is None and soup.find("script") is None


def test_the_contact_page_prefers_coordinates_and_its_own_map_address(client):
    f.authority_profile(address="Thị trấn Vĩnh Tường")
    page = of.contact_page(map_address="Thị trấn Vĩnh Tường, huyện Vĩnh Tường, tỉnh Vĩnh Phúc")
    assert "Th%E1%BB%8B%20tr%E1%BA%A5n%20V%C4%A9nh%20T%C6%B0%E1%BB%9Dng%2C%20huy%E1%BB%87n" in page.map_links[0].url
    page = of.contact_page(latitude="21.245000", longitude="105.490100")
    soup = get(client, page.url)
    hrefs = [a["href"] for a in soup.select(".map-links a")]
    assert hrefs == [
        "https://www.openstreetmap.org/?mlat=21.245&mlon=105.4901#map=17/21.245/105.4901",
        "https://www.google.com/maps/search/?api=1&query=21.245%2C105.4901",
    ]


def test_map_links_need_coordinates_or_an_address():
    assert map_links(None, None, "  ") == []
    assert (
        map_links(21, None, "Vĩnh Tường")[0].url
        == "https://www.openstreetmap.org/search?query=V%C4%A9nh%20T%C6%B0%E1%BB%9Dng"
    )


def test_the_contact_page_wants_both_coordinates_or_neither():
    from django.core.exceptions import ValidationError

    page = ContactPage(title="Liên hệ", slug="lien-he", latitude=21)
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "longitude" in error.value.message_dict


def test_without_a_profile_the_contact_page_still_answers(client):
    soup = get(client, of.contact_page().url)
    assert text(soup.select_one(".authority-contact h2")) == "Thông tin liên hệ"
    assert not soup.select(".map-links a")
    assert "Chưa có thông tin cơ quan, đơn vị." in text(soup)


# --- layers ------------------------------------------------------------------------------------------


def test_directives_do_not_import_the_organisation_app():
    """directives/ sits below organisation/: it links to a leader's page through portal.links only."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    for path in (root / "directives").rglob("*.py"):
        assert not re.search(r"^\s*(from|import)\s+organisation\b", path.read_text(), re.MULTILINE), path


def test_the_stated_layers_put_organisation_above_directives_and_below_reports():
    from tests.test_architecture import layer_order

    order = layer_order()
    assert order.index("directives") < order.index("organisation") < order.index("reports")


# --- registrations and search ------------------------------------------------------------------------


def test_the_app_registers_its_record_types_router_search_document_and_leader_links():
    from portal.api.registry import routers
    from portal.importing import handlers
    from portal.links import public_url
    from search.registry import registry

    assert {"unit", "leader"} <= set(handlers())
    assert "/organisation/" in {prefix for prefix, _router in routers()}
    assert registry.documents()["introduction"].model.__name__ == "IntroductionPage"
    assert public_url(None) is None and public_url(f.agency()) is None  # agencies have no page of their own


def test_a_search_without_marks_finds_the_introduction(organisation):
    from search import service
    from search.service import SearchQuery

    page = of.introduction(functions="<p>Ủy ban nhân dân huyện thực hiện chức năng quản lý nhà nước ở địa phương.</p>")
    result = service.search(SearchQuery(q="chuc nang quan ly nha nuoc", types=["introduction"]))
    assert [hit.page.pk for hit in result.results] == [page.pk]


# --- the admin ---------------------------------------------------------------------------------------


def test_editors_enter_a_unit_and_a_leader_in_the_taxonomy_forms(admin_client):
    top = of.authority()
    response = admin_client.get("/admin/snippets/directives/agency/add/")
    assert response.status_code == 200 and "Liên hệ công khai" in response.content.decode()
    response = admin_client.post(
        "/admin/snippets/directives/agency/add/",
        {
            "name": "Phòng Y tế",
            "short_code": "YT",
            "parent": top.pk,
            "kind": "specialised_agency",
            "display_order": 9,
            "address": "Khu hành chính huyện",
            "phone": "0211 3838 276",
            "email": "phongyte@vinhtuong.vinhphuc.gov.vn",
            "website": "",
            "functions": "Tham mưu về y tế.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    unit = Agency.objects.get(name="Phòng Y tế")
    assert (unit.kind, unit.parent, unit.phone) == ("specialised_agency", top, "0211 3838 276")
    photo = f.image("Chân dung")
    response = admin_client.post(
        "/admin/snippets/directives/official/add/",
        {
            "name": "Trần Thị Thanh Hà",
            "position": "Phó Chủ tịch UBND huyện",
            "agency": top.pk,
            "phone": "0211 3838 202",
            "email": "ttha@vinhtuong.vinhphuc.gov.vn",
            "photo": photo.pk,
            "is_authority_leader": "on",
            "display_order": 2,
            "biography": "Phụ trách khối văn hóa - xã hội.",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    leader = Official.objects.get(name="Trần Thị Thanh Hà")
    assert (leader.photo, leader.is_authority_leader, leader.display_order) == (photo, True, 2)
    assert "Trần Thị Thanh Hà" in admin_client.get("/admin/snippets/directives/official/").content.decode()


def test_the_introduction_previews_with_its_chart(organisation, chairman):
    page = of.introduction()
    response = page.make_preview_request()
    assert response.status_code == 200
    html = response.content.decode()
    assert "org-tree" in html and "Nguyễn Quang Huy" in html
