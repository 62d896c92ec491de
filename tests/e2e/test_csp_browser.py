"""The Content-Security-Policy in a real browser (issue 21; docs/deployment.md, "Security").

Over the demo portal, with the policies production sends (``cms/settings/base.py``: the public
site's, without 'unsafe-inline' script, and the admin's), Chromium loads the public home page, a
search and an article, then logs in to the admin, opens the dashboard, the page editor of a news
item (with its preview panel) and the image chooser, picks an image, and opens the API's docs.
Every violation the browser reports — the ``securitypolicyviolation`` events of every frame and the
console's "Content Security Policy" errors — fails the test. First, an inline script injected into
a public page must be reported: the watch really sees violations.

Run with ``make test-e2e`` (see conftest.py for the browser).
"""

import re
from datetime import date

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import override_settings

from home.demo import seed
from news.models import NewsPage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TODAY = date(2025, 6, 30)
TIMEOUT_MS = 30_000
PASSWORD = "Mat-khau-thu-2026"  # noqa: S105 (test users only)

WATCH = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.reportViolation({
        page: document.location.href,
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: event.sourceFile + ":" + event.lineNumber,
        sample: event.sample,
    });
}, true);
"""


@pytest.fixture
def demo_site(live_server, tmp_path):
    """The demo portal (committed: the live server is another thread) and an administrator."""
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        seed(today=TODAY)
        get_user_model().objects.create_superuser("quantri", "qt@example.vn", PASSWORD)
        yield live_server.url


class Violations:
    """What the browser reported, from every page and frame of one context."""

    def __init__(self, context):
        self.events: list[dict] = []
        self.console: list[str] = []
        context.expose_binding("reportViolation", lambda source, violation: self.events.append(violation))
        context.add_init_script(WATCH)

    def listen(self, page) -> None:
        page.on(
            "console",
            lambda message: (
                self.console.append(f"{page.url}: {message.text}")
                if message.type == "error" and "Content Security Policy" in message.text
                else None
            ),
        )

    def clear(self) -> None:
        self.events.clear()
        self.console.clear()

    def all(self) -> list:
        return [*self.events, *self.console]


def test_public_site_and_admin_run_under_the_policy_without_violation(browser, demo_site, artifacts):
    assert "'unsafe-inline'" not in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["script-src"]
    base = demo_site
    context = browser.new_context(viewport={"width": 1366, "height": 1000}, locale="en-US")
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    violations = Violations(context)
    try:
        page = context.new_page()
        violations.listen(page)
        the_watch_sees_an_inline_script(page, base, violations)
        public_pages(page, base)
        admin_pages(page, base, artifacts)
        page.goto(f"{base}/")  # the home page again, with the admin's user bar
        page.wait_for_load_state("networkidle")
        page.goto(f"{base}/api/v3/docs/")
        page.locator(".swagger-ui .info").wait_for()
        page.wait_for_load_state("networkidle")
    finally:
        context.close()
    assert not violations.all(), violations.all()


def the_watch_sees_an_inline_script(page, base, violations) -> None:
    response = page.goto(f"{base}/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.evaluate(
        "() => { const s = document.createElement('script'); s.textContent = 'window.ran = 1'; "
        "document.body.append(s); }"
    )
    page.wait_for_function("() => true")
    assert page.evaluate("() => window.ran") is None  # blocked
    page.wait_for_timeout(200)
    assert any(v["directive"].startswith("script-src") for v in violations.events), violations.all()
    violations.clear()


def public_pages(page, base) -> None:
    page.goto(f"{base}/")
    page.wait_for_load_state("networkidle")
    page.get_by_role("searchbox").first.fill("quyết định")
    page.get_by_role("button", name="Tìm", exact=True).first.click()
    page.wait_for_url(re.compile(r"/tim-kiem/\?q="))
    page.wait_for_load_state("networkidle")
    article = NewsPage.objects.live().filter(lead_image__isnull=False).first() or NewsPage.objects.live().first()
    page.goto(f"{base}{article.url}")
    page.wait_for_load_state("networkidle")


def admin_pages(page, base, artifacts) -> None:
    page.goto(f"{base}/admin/login/")
    assert page.locator("html").get_attribute("lang") == "vi"  # an English browser, a Vietnamese admin
    page.locator("input[name='username']").fill("quantri")
    page.locator("input[name='password']").fill(PASSWORD)
    page.locator("form.login-form button[type='submit']").click()
    page.wait_for_url(f"{base}/admin/")
    page.wait_for_load_state("networkidle")

    article = NewsPage.objects.live().first()
    page.goto(f"{base}/admin/pages/{article.pk}/edit/")
    page.locator("[data-contentpath='body']").wait_for()
    page.wait_for_load_state("networkidle")
    # the preview panel frames the page's preview (same origin, the admin's policy)
    page.get_by_role("button", name="Ẩn/hiện xem trước").click()
    page.locator("iframe#w-preview-iframe, .w-preview__iframe").first.wait_for()
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1500)
    page.screenshot(path=artifacts / "csp-editor-preview.png", full_page=False)

    # the image chooser: a modal whose steps are fetched and run by Wagtail's modal workflow
    page.reload()
    lead_image = page.locator("[data-contentpath='lead_image']")
    lead_image.scroll_into_view_if_needed()
    # the article has a lead image: "Thay đổi ảnh" is in the field's action menu
    lead_image.get_by_role("button", name="Thao tác").click()
    lead_image.locator("button[data-chooser-action-choose]").first.click()
    modal = page.locator(".modal-content")
    modal.wait_for()
    modal.locator("a.image-choice, [data-chooser-modal-choice]").first.wait_for()
    page.wait_for_load_state("networkidle")
    page.screenshot(path=artifacts / "csp-image-chooser.png", full_page=False)
    modal.locator("a.image-choice, [data-chooser-modal-choice]").first.click()
    modal.wait_for(state="hidden")
    page.wait_for_load_state("networkidle")
