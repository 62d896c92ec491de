"""The procedures catalogue in a real browser on a 375px-wide phone: the list, its filters (chosen
from the selects, sent as GET parameters) and a detail page with its dossier table, none wider
than the screen; the online-service button is a link a thumb can hit.

Run with ``make test-e2e`` (see conftest.py for the browser).
"""

import pytest
from django.test import override_settings
from django.utils import timezone

from procedures.demo import seed_procedures
from procedures.models import ProcedurePage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 812}


@pytest.fixture
def catalogue_url(live_server, tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        seed_procedures(timezone.localdate())
        yield live_server.url


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_the_catalogue_on_a_phone(browser, catalogue_url, artifacts):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(catalogue_url + "/thu-tuc-hanh-chinh/")
        assert overflow(page) <= 0, f"the list is {overflow(page)}px wider than the phone"
        assert page.locator(".procedure-row").count() == ProcedurePage.objects.live().count()
        page.screenshot(path=artifacts / "procedures-phone.png", full_page=True)

        page.get_by_label("Cấp thực hiện").select_option("huyen")
        page.get_by_label("Mức độ dịch vụ công trực tuyến").select_option("toan_trinh")
        page.get_by_role("button", name="Lọc").click()
        page.wait_for_load_state()
        assert "level=huyen" in page.url and "online_level=toan_trinh" in page.url
        expected = ProcedurePage.objects.live().filter(level="huyen", online_level="toan_trinh").count()
        assert expected and page.locator(".procedure-row").count() == expected

        page.get_by_role("link", name="Thủ tục đăng ký thành lập hộ kinh doanh").click()
        page.wait_for_load_state()
        assert page.locator("h1").inner_text() == "Thủ tục đăng ký thành lập hộ kinh doanh"
        assert overflow(page) <= 0, f"the detail is {overflow(page)}px wider than the phone"
        button = page.get_by_role("link", name="Nộp hồ sơ trực tuyến")
        box = button.bounding_box()
        assert box["height"] >= 44 and box["x"] + box["width"] <= PHONE["width"]
        assert page.locator(".procedure-dossier tbody tr").count() == 3
        page.screenshot(path=artifacts / "procedure-detail-phone.png", full_page=True)
    finally:
        context.close()
