"""The leaders' work schedule in a real browser: the demo's weeks on a 375px phone (cards per day, no
sideways scrolling), the week picked in the form, a leader chosen, and the same week on a desk-sized
screen. Screenshots go to ``$E2E_ARTIFACTS`` (conftest.py).

Run with ``make test-e2e``.
"""

from datetime import date

import pytest

from schedule.demo import seed_schedule

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TIMEOUT_MS = 20_000
PHONE = {"width": 375, "height": 812}


def overflow(page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_the_schedule_reads_on_a_phone_and_a_desk(browser, live_server, artifacts):
    seed_schedule(date(2025, 6, 4))
    phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="vi-VN")
    desk = browser.new_context(viewport={"width": 1366, "height": 1000}, locale="vi-VN")
    for context in (phone, desk):
        context.set_default_timeout(TIMEOUT_MS)
    page = phone.new_page()
    try:
        page.goto(live_server.url + "/lich-cong-tac/")
        # this week (after June 2025) is empty: a link to the latest week with entries, the district's
        # last (its closing conference on Monday 30/06/2025)
        page.get_by_role("link", name="tuần 27/2025 (30/06 – 06/07/2025)").click()
        assert "Tuần 27 năm 2025" in page.get_by_role("heading", level=1).inner_text()
        page.get_by_label("Tuần", exact=True).fill("2025-W23")
        page.get_by_role("button", name="Xem lịch").click()
        assert "Tuần 23 năm 2025 (từ 02/06/2025 đến 08/06/2025)" in page.get_by_role("heading", level=1).inner_text()
        assert page.get_by_role("heading", level=2).all_inner_texts()[:2] == [
            "Thứ Hai, 02/06/2025",
            "Thứ Ba, 03/06/2025",
        ]
        assert page.locator(".schedule-entry-changed").count() == 1
        assert overflow(page) <= 0, f"the page is {overflow(page)}px wider than the phone"
        page.screenshot(path=artifacts / "schedule-phone-week.png", full_page=True)

        page.get_by_label("Lãnh đạo").select_option(label="Phạm Văn Lợi – Phó Chủ tịch UBND huyện")
        page.get_by_role("button", name="Xem lịch").click()
        assert "Phạm Văn Lợi" in page.get_by_role("heading", level=1).inner_text()
        assert page.locator(".schedule-entry").count() == 2  # Friday's meeting and Monday's briefing
        assert overflow(page) <= 0

        wide = desk.new_page()
        wide.goto(live_server.url + "/lich-cong-tac/?tuan=2025-W24")
        assert wide.locator(".schedule-entry-cancelled").count() == 1
        time_box = wide.locator(".schedule-entry .schedule-time").first.bounding_box()
        content_box = wide.locator(".schedule-entry .schedule-content").first.bounding_box()
        assert time_box["x"] < content_box["x"]  # the time stands in its own column on a wide screen
        wide.screenshot(path=artifacts / "schedule-desk-week.png", full_page=True)
        wide.emulate_media(media="print")
        wide.screenshot(path=artifacts / "schedule-print-week.png", full_page=True)
    except Exception:
        page.screenshot(path=artifacts / "schedule-failure.png", full_page=True)
        raise
    finally:
        phone.close()
        desk.close()
