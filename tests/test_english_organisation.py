"""The institution's pages in English (docs/english.md, docs/organisation.md): the introduction, the
leaders and the contact page translated under /en/, one page of each per language, the units' and
leaders' English words, the links in the reader's language, the API, and the demo's English."""

import json
from collections import Counter
from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.db import connection, transaction
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, Revision

from directives.models import Agency, Official, UnitKind
from home.english import translation_of
from organisation.links import introduction_page, leader_url, section_page
from organisation.models import ContactPage, IntroductionPage
from portal.importing import home_page
from tests import factories as f
from tests import organisation_factories as of

pytestmark = pytest.mark.django_db


def get(client, url, status=200) -> BeautifulSoup:
    response = client.get(url, HTTP_HOST="localhost")
    assert response.status_code == status, response.content[:500]
    return BeautifulSoup(response.content, "html.parser")


def text(node) -> str:
    return " ".join(node.get_text(" ").split())


def switch(soup) -> dict[str, str]:
    """The header's language switch: {language code: URL}."""
    return {a["hreflang"]: a["href"] for a in soup.select("ul.language-switch a")}


def english() -> Locale:
    return Locale.objects.get(language_code="en")


def translate(page, **values):
    """The page's English translation (Wagtail's copy for translation), with ``values``, published."""
    translated, _ = translation_of(page, english())
    for name, value in values.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return type(translated).objects.get(pk=translated.pk)


@pytest.fixture
def en_home():
    return translate(home_page(), title="Vinh Tuong District e-Portal")


@pytest.fixture
def site(en_home):
    """The Vietnamese introduction and contact pages, their English translations, two units and two
    leaders with English words, and a commune without any."""
    f.authority_profile(
        authority_name="Ủy ban nhân dân huyện Vĩnh Tường",
        authority_name_en="Vinh Tuong District People's Committee",
        address="Thị trấn Vĩnh Tường",
        phone="0211 3838 216",
    )
    top = of.authority(name_en="Vinh Tuong District People's Committee", phone="0211 3838 216")
    interior = of.unit(
        "Phòng Nội vụ",
        parent=top,
        order=1,
        phone="0211 3838 255",
        functions="Tham mưu về tổ chức bộ máy.",
        name_en="Division of Home Affairs",
        functions_en="Advises on the organisation of the administration.",
    )
    commune = of.unit("Ủy ban nhân dân xã Tân Tiến", UnitKind.COMMUNE, parent=top, order=2)
    chairman = of.leader(
        "Nguyễn Quang Huy",
        "Chủ tịch UBND huyện",
        order=1,
        phone="0211 3838 201",
        biography="Phụ trách chung.",
        position_en="Chairman of the District People's Committee",
        biography_en="Leads the work of the District People's Committee.",
    )
    deputy = of.leader("Đỗ Văn Khánh", order=2)  # no English words
    intro = of.introduction()
    contact = of.contact_page(reception="Tiếp công dân vào thứ Năm.")
    en_intro = translate(
        intro,
        title="About Vinh Tuong District",
        slug="about",
        functions="<p>The District People's Committee is the local state administrative body.</p>",
        history="<p>Vinh Tuong district was re-established in 1995.</p>",
    )
    en_contact = translate(
        contact,
        title="Contact",
        slug="contact",
        working_hours="Monday to Friday, 7.30 a.m. – 5 p.m.",
        reception="Citizens are received on Thursdays.",
    )
    return {
        "top": top,
        "interior": interior,
        "commune": commune,
        "chairman": chairman,
        "deputy": deputy,
        "intro": intro,
        "contact": contact,
        "en_intro": en_intro,
        "en_contact": en_contact,
        "en_home": en_home,
    }


# --- one introduction and one contact page per language -------------------------------------------


@pytest.mark.parametrize("model", [IntroductionPage, ContactPage])
def test_each_language_has_one_introduction_and_one_contact_page(model, en_home, admin_client):
    home = home_page()
    assert model.can_create_at(home) and model.can_create_at(en_home)
    page = f.section(model, "Trang", "trang")
    add = f"/admin/pages/add/organisation/{model._meta.model_name}/"
    # a second Vietnamese page: refused, in the model and in the admin (sent back to the dashboard)
    assert not model.can_create_at(home)
    assert refused(admin_client.get(f"{add}{home.pk}/"))
    # the English one: allowed, and once only
    assert model.can_create_at(en_home)
    assert admin_client.get(f"{add}{en_home.pk}/").status_code == 200
    translate(page, title="Page", slug="page")
    assert not model.can_create_at(en_home) and not model.can_create_at(home)
    assert refused(admin_client.get(f"{add}{en_home.pk}/"))


def refused(response) -> bool:
    """The admin's answer to a forbidden action: back to the dashboard."""
    return response.status_code == 302 and response["Location"] == "/admin/"


def test_an_editor_translates_the_introduction_with_the_admins_translate_action(admin_client, en_home):
    intro = of.introduction()
    response = admin_client.post(
        f"/admin/translation/submit/page/{intro.pk}/", {"locales": [english().pk]}, HTTP_HOST="localhost"
    )
    assert response.status_code == 302
    draft = IntroductionPage.objects.get(locale=english())
    assert draft.translation_key == intro.translation_key and draft.get_parent().pk == en_home.pk
    assert draft.functions == intro.functions  # to be translated, then published
    assert not draft.live


# --- the pages -------------------------------------------------------------------------------------


def test_the_english_introduction_shows_the_organisation_and_leaders_in_english(client, site):
    soup = get(client, "/en/about/")
    assert soup.html["lang"] == "en"
    assert text(soup.find("h1")) == "About Vinh Tuong District"
    assert "local state administrative body" in text(soup.select_one("#chuc-nang"))
    headings = [text(h) for h in soup.select("main h2")]
    assert headings[:2] == ["On this page", "Functions and duties"]
    assert {"History", "Organisation", "Leaders", "Directory of units"} <= set(headings)
    chart = soup.select_one("#co-cau")
    assert [text(a) for a in chart.select("a.org-unit")] == [
        "Vinh Tuong District People's Committee",
        "Division of Home Affairs",
        "Ủy ban nhân dân xã Tân Tiến",  # no English name: the Vietnamese one
    ]
    groups = [text(summary).rsplit(" (", 1)[0] for summary in chart.select("summary")]
    assert groups == ["Specialised agencies", "Commune-level People's Committees"]
    cards = soup.select("#lanh-dao .leader-card")
    chairman, deputy = site["chairman"], site["deputy"]
    first = cards[0]
    assert first.select_one(".leader-name a")["href"] == f"/en/about/lanh-dao/{chairman.pk}/"
    assert text(first.select_one(".leader-position")) == "Chairman of the District People's Committee"
    assert text(first.select_one(".leader-unit")) == "Vinh Tuong District People's Committee"
    assert [dt.get_text() for dt in first.select("dt")] == ["Telephone"]
    assert text(cards[1].select_one(".leader-position")) == "Phó Chủ tịch UBND huyện"  # no English position
    assert cards[1].select_one(".leader-name a")["href"] == f"/en/about/lanh-dao/{deputy.pk}/"
    card = soup.select_one(f"#don-vi-{site['interior'].pk}")
    assert text(card.select_one(".unit-name")) == "Division of Home Affairs"
    assert "Advises on the organisation" in text(card.select_one(".unit-functions"))
    assert "Tham mưu" not in text(soup.select_one("main"))


def test_the_vietnamese_introduction_is_unchanged(client, site):
    soup = get(client, "/gioi-thieu/")
    assert soup.html["lang"] == "vi"
    chart = soup.select_one("#co-cau")
    assert [text(a) for a in chart.select("a.org-unit")] == [
        "Ủy ban nhân dân huyện Vĩnh Tường",
        "Phòng Nội vụ",
        "Ủy ban nhân dân xã Tân Tiến",
    ]
    groups = [text(summary).rsplit(" (", 1)[0] for summary in chart.select("summary")]
    assert groups == ["Cơ quan chuyên môn", "Ủy ban nhân dân cấp xã"]
    first = soup.select_one("#lanh-dao .leader-card")
    assert first.select_one(".leader-name a")["href"] == f"/gioi-thieu/lanh-dao/{site['chairman'].pk}/"
    assert text(first.select_one(".leader-position")) == "Chủ tịch UBND huyện"
    html = text(soup.select_one("main"))
    assert "Division of Home Affairs" not in html and "Chairman" not in html and "Leaders" not in html
    assert "Tham mưu về tổ chức bộ máy." in html


def test_a_leaders_english_page(client, site):
    chairman = site["chairman"]
    directive = f.directive("5/TB-UBND", directing_leader=chairman, summary="Kết luận về giải phóng mặt bằng")
    f.task("NV-5", lead_unit=site["interior"], source_directive=directive, deadline=date(2024, 3, 1))
    soup = get(client, f"/en/about/lanh-dao/{chairman.pk}/")
    assert soup.html["lang"] == "en"
    assert text(soup.find("h1")) == "Nguyễn Quang Huy"
    assert text(soup.select_one(".leader-position")) == "Chairman of the District People's Committee"
    assert text(soup.select_one(".leader-unit")) == "Vinh Tuong District People's Committee"
    assert "Leads the work" in text(soup) and "Phụ trách chung" not in text(soup)
    assert [text(h) for h in soup.select("main h2")] == [
        "Biography and responsibilities",
        "Directions",
        "Tasks assigned",
    ]
    # the directive and the task are the portal's own (Vietnamese) pages, the lead unit in English
    assert text(soup.select_one(".leader-directives tbody td a")) == "Kết luận về giải phóng mặt bằng"
    row = soup.select_one(".leader-tasks tbody tr")
    assert text(row.select("td")[1]) == "Division of Home Affairs"
    assert "overdue" in text(row.select_one(".status-badge")).lower()
    crumbs = [(a["href"], text(a)) for a in soup.select("nav.breadcrumb a")]
    assert crumbs == [("/en/", "Home"), ("/en/about/", "About Vinh Tuong District")]
    assert switch(soup)["vi"] == f"/gioi-thieu/lanh-dao/{chairman.pk}/"
    vi = get(client, f"/gioi-thieu/lanh-dao/{chairman.pk}/")
    assert text(vi.select_one(".leader-position")) == "Chủ tịch UBND huyện"
    assert [(a["href"], text(a)) for a in vi.select("nav.breadcrumb a")][0] == ("/", "Trang chủ")
    assert switch(vi)["en"] == f"/en/about/lanh-dao/{chairman.pk}/"


def test_the_english_contact_page(client, site):
    soup = get(client, "/en/contact/")
    assert soup.html["lang"] == "en"
    assert text(soup.find("h1")) == "Contact"
    assert text(soup.select_one("#authority-title")) == "Vinh Tuong District People's Committee"
    assert text(soup.select_one("#hours-title")) == "Working hours"
    assert "Monday to Friday" in text(soup) and "Citizens are received on Thursdays." in text(soup)
    assert [text(a) for a in soup.select(".map-links a")] == ["View on OpenStreetMap", "View on Google Maps"]
    tables = soup.select("table.unit-contacts")
    assert [text(t.caption) for t in tables] == [
        "Governing authority",
        "Specialised agencies",
        "Commune-level People's Committees",
    ]
    assert [text(th) for th in tables[1].select("tbody th")] == ["Division of Home Affairs"]
    assert [text(th) for th in tables[1].select("thead th")] == ["Unit", "Telephone", "E-mail", "Address"]
    vi = get(client, "/lien-he/")
    assert vi.html["lang"] == "vi"
    assert text(vi.select_one("#authority-title")) == "Ủy ban nhân dân huyện Vĩnh Tường"
    assert [text(a) for a in vi.select(".map-links a")][0] == "Xem trên bản đồ OpenStreetMap"
    assert [text(th) for th in vi.select("table.unit-contacts tbody th")] == [
        "Ủy ban nhân dân huyện Vĩnh Tường",
        "Phòng Nội vụ",
        "Ủy ban nhân dân xã Tân Tiến",
    ]
    assert "Tiếp công dân vào thứ Năm." in text(vi)


def test_the_language_switch_links_each_page_to_its_translation_and_the_menu_to_the_english_pages(client, site):
    for vi_url, en_url in [("/gioi-thieu/", "/en/about/"), ("/lien-he/", "/en/contact/")]:
        assert switch(get(client, vi_url))["en"] == en_url
        soup = get(client, en_url)
        assert switch(soup)["vi"] == vi_url
        menu = {text(a): a["href"] for a in soup.select("nav.site-nav a")}
        assert menu.get("About Vinh Tuong District") == "/en/about/" and menu.get("Contact") == "/en/contact/"


# --- "the" page of the request's language ----------------------------------------------------------


def _request(path: str):
    request = RequestFactory().get(path, HTTP_HOST="localhost")
    request.LANGUAGE_CODE = "en" if path.startswith("/en/") else "vi"
    return request


def test_a_leaders_page_is_found_in_the_requests_language_else_in_vietnamese(site):
    chairman = site["chairman"]
    assert leader_url(chairman, _request("/chi-dao-dieu-hanh/")) == f"/gioi-thieu/lanh-dao/{chairman.pk}/"
    assert leader_url(chairman, _request("/en/news/")) == f"/en/about/lanh-dao/{chairman.pk}/"
    assert leader_url(chairman) == f"/gioi-thieu/lanh-dao/{chairman.pk}/"  # no request: the default language
    assert leader_url(chairman, language="en") == f"/en/about/lanh-dao/{chairman.pk}/"
    assert section_page(ContactPage, _request("/en/")).pk == site["en_contact"].pk
    site["en_intro"].unpublish()
    assert introduction_page(_request("/en/news/")).pk == site["intro"].pk  # the English one is not live
    assert leader_url(chairman, _request("/en/news/")) == f"/gioi-thieu/lanh-dao/{chairman.pk}/"
    site["intro"].unpublish()
    assert leader_url(chairman, _request("/en/news/")) is None


def test_the_lookup_reads_one_query_once_per_request_and_language(site):
    request = _request("/en/")
    with CaptureQueriesContext(connection) as first:
        assert introduction_page(request).pk == site["en_intro"].pk
    with CaptureQueriesContext(connection) as again:
        for _ in range(3):
            introduction_page(request)
    queries = [q["sql"] for q in first.captured_queries if "wagtailcore_pageviewrestriction" not in q["sql"]]
    assert len(queries) == 1 and not again.captured_queries


# --- the API ---------------------------------------------------------------------------------------


def api(client, url, **params) -> dict:
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:800]
    return json.loads(response.content)


def test_the_pages_api_lists_the_english_pages_with_their_locale_and_english_organisation(client, site):
    listing = api(client, "/api/v3/pages/", locale="en")
    found = {item["meta"]["type"]: item for item in listing["items"]}
    assert found["organisation.IntroductionPage"]["title"] == "About Vinh Tuong District"
    assert found["organisation.ContactPage"]["meta"]["locale"] == "en"
    assert {item["meta"]["locale"] for item in listing["items"]} == {"en"}
    detail = api(client, f"/api/v3/pages/{site['en_intro'].pk}/")
    assert detail["meta"]["locale"] == "en"
    assert [u["name"] for u in detail["units"]][:2] == [
        "Vinh Tuong District People's Committee",
        "Division of Home Affairs",
    ]
    assert detail["units"][1]["kind_label"] == "Specialised agency"
    chairman = detail["leaders"][0]
    assert chairman["position"] == "Chairman of the District People's Committee"
    assert chairman["url"] == f"/en/about/lanh-dao/{site['chairman'].pk}/"
    assert chairman["unit"]["name"] == "Vinh Tuong District People's Committee"
    contact = api(client, f"/api/v3/pages/{site['en_contact'].pk}/")
    assert contact["authority"]["name"] == "Vinh Tuong District People's Committee"
    assert [link["label"] for link in contact["map_links"]][0] == "View on OpenStreetMap"
    vi = api(client, f"/api/v3/pages/{site['intro'].pk}/")
    assert vi["meta"]["locale"] == "vi"
    assert vi["units"][1]["name"] == "Phòng Nội vụ" and vi["units"][1]["kind_label"] == "Cơ quan chuyên môn"
    assert vi["leaders"][0]["position"] == "Chủ tịch UBND huyện"
    assert vi["leaders"][0]["url"] == f"/gioi-thieu/lanh-dao/{site['chairman'].pk}/"


def test_the_organisation_listings_take_a_locale(client, site):
    units = api(client, "/api/v3/organisation/units/", locale="en")["items"]
    interior = next(u for u in units if u["id"] == site["interior"].pk)
    assert (interior["name"], interior["kind_label"], interior["functions"]) == (
        "Division of Home Affairs",
        "Specialised agency",
        "Advises on the organisation of the administration.",
    )
    assert interior["parent"]["name"] == "Vinh Tuong District People's Committee"
    commune = next(u for u in units if u["id"] == site["commune"].pk)
    assert commune["name"] == "Ủy ban nhân dân xã Tân Tiến"  # no English name
    vi = api(client, "/api/v3/organisation/units/")["items"]
    assert next(u for u in vi if u["id"] == site["interior"].pk)["name"] == "Phòng Nội vụ"
    leaders = api(client, "/api/v3/organisation/leaders/", locale="en")["items"]
    assert (leaders[0]["position"], leaders[0]["url"], leaders[0]["biography"]) == (
        "Chairman of the District People's Committee",
        f"/en/about/lanh-dao/{site['chairman'].pk}/",
        "Leads the work of the District People's Committee.",
    )
    vi = api(client, "/api/v3/organisation/leaders/")["items"]
    assert (vi[0]["position"], vi[0]["url"]) == ("Chủ tịch UBND huyện", f"/gioi-thieu/lanh-dao/{site['chairman'].pk}/")
    bad = client.get("/api/v3/organisation/units/", {"locale": "fr"})
    assert bad.status_code == 400 and "locale" in bad.content.decode()


def test_the_english_leaders_listing_reads_the_queries_of_the_vietnamese_one(client, site):
    def queries(**params) -> int:
        api(client, "/api/v3/organisation/leaders/", **params)
        with CaptureQueriesContext(connection) as captured:
            api(client, "/api/v3/organisation/leaders/", **params)
        return len(captured.captured_queries)

    assert queries(locale="en") == queries()


# --- editing the English words ---------------------------------------------------------------------


def test_the_english_words_are_imported_with_units_and_leaders():
    from portal.importing import import_lines

    lines = [
        json.dumps(
            {"type": "unit", "name": "Phòng Y tế", "kind": "specialised_agency", "name_en": " Division of  Health "},
            ensure_ascii=False,
        ),
        json.dumps(
            {
                "type": "leader",
                "name": "Phạm Văn Lợi",
                "position": "Phó Chủ tịch UBND huyện",
                "position_en": "Vice-Chairman",
            },
            ensure_ascii=False,
        ),
        json.dumps({"type": "unit", "name": "Phòng Tư pháp", "kind": "specialised_agency", "name_en": "x" * 300}),
    ]
    report = import_lines(lines)
    assert report.created == 2 and [line for line, _ in report.errors] == [3]
    assert Agency.objects.get(name="Phòng Y tế").name_en == "Division of Health"
    assert Official.objects.get(name="Phạm Văn Lợi").position_en == "Vice-Chairman"
    # a record without the key keeps the English words
    assert (
        import_lines(
            [json.dumps({"type": "unit", "name": "Phòng Y tế", "kind": "specialised_agency", "order": 3})]
        ).updated
        == 1
    )
    assert Agency.objects.get(name="Phòng Y tế").name_en == "Division of Health"


def test_the_admin_edits_the_english_words_of_a_unit(admin_client):
    unit = of.unit("Phòng Y tế")
    html = admin_client.get(f"/admin/snippets/directives/agency/edit/{unit.pk}/").content.decode()
    assert 'name="name_en"' in html and 'name="functions_en"' in html
    official = of.leader("Phạm Văn Lợi")
    html = admin_client.get(f"/admin/snippets/directives/official/edit/{official.pk}/").content.decode()
    assert 'name="position_en"' in html and 'name="biography_en"' in html


# --- the demo ----------------------------------------------------------------------------------------


def _snapshot() -> dict:
    return {
        "pages": sorted(Page.objects.values_list("pk", "locale__language_code", "url_path", "live", "title")),
        "revisions": Revision.objects.count(),
        "units": sorted(Agency.objects.values_list("name", "name_en", "functions_en")),
        "leaders": sorted(Official.objects.values_list("name", "position", "position_en", "biography_en")),
    }


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker, tmp_path_factory):
    """The stages of the demo seed the English pages stand on, then the English pages; then those
    again. Rolled back after the module."""
    from home import demo as home_demo
    from home.english import seed_english
    from organisation.demo import seed_organisation

    today = date(2025, 6, 20)
    media = tmp_path_factory.mktemp("english-seed-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        home_demo.seed_authority()
        home_demo.seed_agencies()
        home_demo.seed_news()
        home_demo.seed_officials()
        seed_organisation(today)
        first_counts = seed_english()
        first = _snapshot()
        seed_organisation(today)
        second_counts = seed_english()
        yield {"first counts": first_counts, "first": first, "second": _snapshot(), "second counts": second_counts}
        transaction.set_rollback(True)


def test_seeding_twice_changes_nothing(seeded):
    assert seeded["first"] == seeded["second"]
    assert set(seeded["second counts"]) == {"unchanged", "units and leaders unchanged"}
    assert seeded["first counts"]["units and leaders translated"] == 25


def test_the_demo_publishes_the_english_introduction_leaders_and_contacts(seeded, client):
    en_intro = IntroductionPage.objects.get(locale__language_code="en")
    en_contact = ContactPage.objects.get(locale__language_code="en")
    vi_intro = IntroductionPage.objects.get(locale__language_code="vi")
    assert en_intro.live and en_contact.live and en_intro.translation_key == vi_intro.translation_key
    assert (en_intro.url, en_contact.url) == ("/en/about/", "/en/contact/")
    soup = get(client, "/en/about/")
    assert soup.html["lang"] == "en"
    body = text(soup.select_one("main"))
    assert "Law on the Organisation of Local Government of 2015" in body
    assert "1 July 2025" in body and "Phu Tho province" in body
    positions = [text(p) for p in soup.select("#lanh-dao .leader-position")]
    assert positions == [
        "Chairman of the District People's Committee",
        "Vice-Chairwoman of the District People's Committee",
        "Vice-Chairman of the District People's Committee",
        "Vice-Chairman of the District People's Committee",
    ]
    # every unit of the chart and the directory has its English name
    names = [text(a) for a in soup.select("#co-cau a.org-unit")]
    assert len(names) == 21 and all(name.isascii() for name in names)
    assert "Division of Culture and Information" in names
    contact = get(client, "/en/contact/")
    assert "Monday to Friday" in text(contact) and "one-stop shop" in text(contact)
    assert all(text(th).isascii() for th in contact.select("table.unit-contacts tbody th"))
    assert Counter(p.locale.language_code for p in Page.objects.type(IntroductionPage, ContactPage)) == {
        "vi": 2,
        "en": 2,
    }
