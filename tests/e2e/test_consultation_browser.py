"""A draft opened for comment in a real browser on a phone-sized screen: nothing wider than the
screen, the trap field invisible, a comment sent through the form (Django's CSRF token included)
and the confirmation shown after the redirect.

Run with ``make test-e2e`` (see conftest.py for the browser).
"""

import pytest
from django.test import override_settings
from django.utils import timezone

from consultation.demo import ROAD_SLUG, seed_drafts
from consultation.models import CommentStatus, DraftComment, DraftPage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


@pytest.fixture
def draft_url(live_server, tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        seed_drafts(timezone.localdate())
        yield live_server.url + DraftPage.objects.get(slug=ROAD_SLUG).url


def test_a_comment_sent_from_a_phone(browser, draft_url, artifacts):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(draft_url)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"the page is {overflow}px wider than the phone"
        trap = page.locator("#id_website").bounding_box()
        assert trap is None or trap["x"] + trap["width"] <= 0  # the trap field is off the screen
        box = page.locator("#id_content").bounding_box()
        assert box["width"] >= PHONE["width"] * 0.7  # the fields take the width of the screen
        page.screenshot(path=artifacts / "draft-phone.png", full_page=True)

        page.get_by_label("Họ và tên").fill("Hoàng Thị Mai")
        page.get_by_label("Thư điện tử").fill("mai.hoang@example.vn")
        page.get_by_label("Nội dung góp ý").fill("Đề nghị ưu tiên các tuyến đường đến trường học.")
        page.get_by_role("button", name="Gửi góp ý").click()
        page.wait_for_load_state()
        assert "sẽ hiển thị sau khi được kiểm duyệt" in page.locator(".notice-success").inner_text()
        page.screenshot(path=artifacts / "draft-phone-sent.png", full_page=True)
    finally:
        context.close()
    sent = DraftComment.objects.get(name="Hoàng Thị Mai")
    assert (sent.status, sent.email) == (CommentStatus.PENDING, "mai.hoang@example.vn")
