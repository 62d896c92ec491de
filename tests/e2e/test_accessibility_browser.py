"""axe-core (axe-playwright-python, which carries axe.min.js: no download) on the portal's public
pages of the demo, in Chromium, at a phone's width and a desktop's: no violation (issue 20, "Done
when"). The pages: the home page, the introduction and a leader's page, contacts, the leaders'
schedule, the procedures catalogue and a procedure, projects and a project, statistics and a
statistics page, the HTML site map, the English home page and an English article, questions
and answers (list, form, an answer), drafts for comment (list, a draft)."""

import pytest
from django.core.management import call_command

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TIMEOUT_MS = 30_000


def first_url(model, **filters) -> str:
    return model.objects.live().filter(**filters).order_by("pk").first().url


@pytest.fixture
def demo(live_server, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("seed_demo", verbosity=0)
    from consultation.models import DraftPage
    from news.models import NewsPage
    from organisation.models import IntroductionPage
    from procedures.models import ProcedurePage
    from projects.models import ProjectPage, StatisticsPage
    from questions.models import QuestionPage

    intro = IntroductionPage.objects.live().get(locale__language_code="vi")
    from directives.models import Official

    leader = Official.objects.order_by("pk").first()
    paths = [
        "/",
        intro.url,
        f"{intro.url}lanh-dao/{leader.pk}/",
        "/lien-he/",
        "/lich-cong-tac/?tuan=2025-W22",
        "/thu-tuc-hanh-chinh/",
        first_url(ProcedurePage),
        "/du-an-dau-thau/",
        first_url(ProjectPage),
        "/thong-ke/",
        first_url(StatisticsPage),
        "/so-do-trang/",
        "/en/",
        first_url(NewsPage, locale__language_code="en"),
        "/hoi-dap/",
        "/hoi-dap/gui-cau-hoi/",
        first_url(QuestionPage),
        "/lay-y-kien/",
        first_url(DraftPage),
    ]
    return live_server.url, paths


@pytest.mark.parametrize("viewport", [{"width": 375, "height": 812}, {"width": 1280, "height": 900}])
def test_the_public_pages_have_no_axe_violations(browser, demo, viewport):
    from axe_playwright_python.sync_playwright import Axe

    base, paths = demo
    axe = Axe()
    context = browser.new_context(viewport=viewport, locale="vi-VN")
    context.set_default_navigation_timeout(TIMEOUT_MS)
    found = {}
    try:
        page = context.new_page()
        for path in paths:
            response = page.goto(base + path)
            assert response.status == 200, path
            violations = axe.run(page).response["violations"]
            if violations:
                found[path] = [(v["id"], v["impact"], len(v["nodes"])) for v in violations]
    finally:
        context.close()
    assert not found, found
