"""The organisation's demo content (``organisation.demo.seed_organisation``): realistic, dated before
the district tier ended (1 July 2025), idempotent, alongside the rest of the demo seed."""

from collections import Counter
from datetime import date

import pytest
from wagtail.images import get_image_model
from wagtail.models import Revision

from directives.models import Agency, Official
from home import demo as home_demo
from organisation import structure
from organisation.demo import seed_organisation
from organisation.models import ContactPage, IntroductionPage

pytestmark = pytest.mark.django_db

TODAY = date(2025, 6, 20)
DISTRICT_TIER_ENDED = date(2025, 7, 1)


def seed_all() -> Counter:
    """What the demo seed runs before this app's stage (agencies, officials), then this stage."""
    home_demo.seed_authority()
    home_demo.seed_agencies()
    home_demo.seed_officials()
    return seed_organisation(TODAY)


def test_the_seed_builds_the_introduction_leaders_units_and_contact_page(client):
    counts = seed_all()
    assert counts["units and leaders updated"] + counts["units and leaders created"] == 25
    assert counts["introduction page created"] == counts["contact page created"] == 1
    assert counts["portraits created"] == 4
    intro = IntroductionPage.objects.get()
    assert intro.live and intro.url == "/gioi-thieu/" and intro.updated_on < DISTRICT_TIER_ENDED
    assert "Luật Tổ chức chính quyền địa phương năm 2015" in intro.functions and "1950" in intro.history
    assert "2026" not in intro.functions + intro.history + intro.intro + intro.organisation_note
    leaders = list(structure.leaders())
    assert [(o.name, o.position) for o in leaders] == [
        ("Nguyễn Quang Huy", "Chủ tịch UBND huyện"),
        ("Trần Thị Thanh Hà", "Phó Chủ tịch UBND huyện"),
        ("Đỗ Văn Khánh", "Phó Chủ tịch UBND huyện"),
        ("Phạm Văn Lợi", "Phó Chủ tịch UBND huyện"),
    ]
    assert all(o.photo_id and o.biography and o.phone.startswith("0211") for o in leaders)  # phones from tracking.json
    tree = structure.unit_tree(structure.units())
    assert [node.unit.name for node in tree] == ["Ủy ban nhân dân huyện Vĩnh Tường"]
    assert [(g.label, len(g.nodes)) for g in tree[0].groups] == [
        ("Cơ quan chuyên môn", 12),
        ("Đơn vị sự nghiệp công lập", 2),
        ("Ủy ban nhân dân cấp xã", 6),
    ]
    assert Agency.objects.get(name="Phòng Tư pháp").short_code == "TP"  # kept from portal.json
    assert not Agency.objects.filter(name="Chính phủ").exclude(kind="").exists()
    assert all(u.phone.startswith("0211 3838") and u.email.endswith(".gov.vn") for u in structure.units())
    contact = ContactPage.objects.get()
    assert contact.url == "/lien-he/" and "7 giờ 30" in contact.working_hours
    html = client.get("/lien-he/", HTTP_HOST="localhost").content.decode()
    assert "0211 3838 216" in html and "openstreetmap.org/search?query=Th%E1%BB%8B%20tr%E1%BA%A5n" in html
    page = client.get("/gioi-thieu/", HTTP_HOST="localhost")
    assert page.status_code == 200 and "Nguyễn Quang Huy" in page.content.decode()
    leader = Official.objects.get(name="Nguyễn Quang Huy")
    assert client.get(f"/gioi-thieu/lanh-dao/{leader.pk}/", HTTP_HOST="localhost").status_code == 200


def test_a_second_seed_creates_and_changes_nothing():
    seed_all()
    revisions, images = Revision.objects.count(), get_image_model().objects.count()
    officials, agencies = Official.objects.count(), Agency.objects.count()
    again = seed_all()
    assert again == Counter(
        {"units and leaders unchanged": 25, "introduction page unchanged": 1, "contact page unchanged": 1}
    )
    assert (Revision.objects.count(), get_image_model().objects.count()) == (revisions, images)
    assert (Official.objects.count(), Agency.objects.count()) == (officials, agencies)


def test_the_seed_stands_alone_on_an_empty_portal():
    counts = seed_organisation(TODAY)
    assert counts["units and leaders created"] == 25
    assert Official.objects.filter(is_authority_leader=True).count() == 4
    assert seed_organisation(TODAY)["units and leaders unchanged"] == 25
