"""The institution's pages in a real browser on a 375-pixel-wide phone: nothing wider than the screen
on the introduction (with the demo's whole organisation), a leader's page and the contact page; a
group of the chart folds and unfolds without any script.

Run with ``make test-e2e`` (see conftest.py for the browser).
"""

import pytest
from django.test import override_settings

from directives.models import Official
from organisation.demo import seed_organisation
from tests import factories

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}


@pytest.fixture
def site(live_server, tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        factories.authority_profile(
            authority_name="Ủy ban nhân dân huyện Vĩnh Tường",
            address="Khu hành chính huyện, thị trấn Vĩnh Tường, huyện Vĩnh Tường, tỉnh Vĩnh Phúc",
            phone="0211 3838 216",
            email="ubnd@vinhtuong.vinhphuc.gov.vn",
        )
        seed_organisation(None)
        chairman = Official.objects.get(name="Nguyễn Quang Huy")
        factories.directive("142/TB-UBND", directing_leader=chairman, summary="Kết luận của đồng chí Chủ tịch " * 4)
        yield live_server.url, chairman


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_the_introduction_leader_and_contact_pages_fit_a_phone(browser, site, artifacts):
    base, chairman = site
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        for name, path in (
            ("introduction", "/gioi-thieu/"),
            ("leader", f"/gioi-thieu/lanh-dao/{chairman.pk}/"),
            ("contact", "/lien-he/"),
        ):
            page.goto(base + path)
            assert overflow(page) <= 0, f"{path} is {overflow(page)}px wider than the phone"
            assert page.evaluate("[...document.images].every(img => img.hasAttribute('alt'))")
            page.screenshot(path=artifacts / f"organisation-{name}-phone.png", full_page=True)

        page.goto(base + "/gioi-thieu/")
        communes = page.locator("details.org-group", has=page.locator("summary", has_text="cấp xã"))
        commune = communes.locator("a.org-unit", has_text="Ủy ban nhân dân xã Tân Tiến")
        assert commune.is_visible()
        communes.locator("summary").click()  # fold the group
        assert not commune.is_visible()
        communes.locator("summary").click()
        commune.click()  # the chart leads to the unit's contacts
        assert page.locator(".unit-card:target h4").inner_text() == "Ủy ban nhân dân xã Tân Tiến"
    finally:
        context.close()
