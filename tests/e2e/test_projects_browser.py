"""The projects and statistics pages of the demo in a real browser on a 375 px phone screen: nothing
wider than the screen (the statistics tables become stacked cards), the filter form usable, and the
CSV link of a table downloading the file.

Run with ``make test-e2e`` (see conftest.py for the browser).
"""

from datetime import date

import pytest
from django.test import override_settings

from projects.demo import ROAD_RESULT, seed_projects
from projects.models import ProjectIndexPage, ProjectPage, StatisticsPage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}


@pytest.fixture
def urls(live_server, tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        seed_projects(date(2025, 6, 30))
        budget = StatisticsPage.objects.get(slug="thu-chi-ngan-sach-nam-2024")
        yield {
            "list": live_server.url + ProjectIndexPage.objects.get().url,
            "result": live_server.url + ProjectPage.objects.get(slug=ROAD_RESULT).url,
            "statistics": live_server.url + budget.url,
            "section": live_server.url + budget.get_parent().url,
        }


def test_the_pages_fit_a_phone_and_a_table_downloads(browser, urls, artifacts):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        for name, url in urls.items():
            page.goto(url)
            overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
            assert overflow <= 0, f"{name}: the page is {overflow}px wider than the phone"
            page.screenshot(path=artifacts / f"projects-{name}-phone.png", full_page=True)

        page.goto(urls["list"])
        page.get_by_label("Tình trạng").select_option("hoan-thanh")
        page.get_by_role("button", name="Lọc").click()
        page.wait_for_load_state()
        assert "trang_thai=hoan-thanh" in page.url
        titles = page.locator(".project-item h3").all_inner_texts()
        assert titles and all(ProjectPage.objects.get(title=t).status == "hoan-thanh" for t in titles)

        page.goto(urls["statistics"])
        cards = page.locator(".statistics-table tbody tr").first.bounding_box()
        assert cards["width"] <= PHONE["width"]  # a row is a card within the screen
        with page.expect_download() as downloading:
            page.get_by_role("link", name="Tải bảng 1 dạng CSV").click()
        download = downloading.value
        assert download.suggested_filename == "thu-chi-ngan-sach-nam-2024-bang-1.csv"
        with open(download.path(), "rb") as handle:
            assert handle.read(3) == b"\xef\xbb\xbf"
    finally:
        context.close()
