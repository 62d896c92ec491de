"""The editorial board in a real browser, in the Vietnamese admin (issue 6, "Tests" and "Done when").

A reporter (Cộng tác viên / Phóng viên) logs in, writes a news item in the page editor (title, sapo,
a Draftail paragraph) and sends it to the workflow "Duyệt tin bài" — without ever being offered a
publish button; the Biên tập viên approves step 1 from the dashboard; the Trưởng Ban Biên tập
approves step 2 from the editor and the item is live on the public site; the chief then opens the
activity report and the royalty report. Screenshots of the Vietnamese editor and of both reports go
to ``$E2E_ARTIFACTS`` (conftest.py); their paths are printed.

Run with ``make test-e2e`` (see conftest.py for the browser).
"""

import re
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from wagtail.models import Page, WorkflowState

from editorial import roles, royalties
from editorial.models import BaseSalary, Genre, Royalty, RoyaltyScheme, RoyaltyShare
from news.models import NewsPage
from tests import factories as f

# The live server is another thread: what the test creates must be committed, so this is a
# transactional test (the database is emptied afterwards). One test function per module, as in
# test_search_page_browser.py. What the migrations created (the groups, the workflow "Duyệt tin
# bài", the page tree) is put back first if another browser test emptied the database
# (conftest.py, _migration_data).
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

TIMEOUT_MS = 20_000
PASSWORD = "Mat-khau-thu-2026"  # noqa: S105 (test users only)
CATEGORY = "Hoạt động của UBND huyện"
TITLE = "Hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội năm 2027"
LEAD = "Sáng 28/11, UBND huyện tổ chức hội nghị triển khai nhiệm vụ năm 2027."
PARAGRAPH = "Hội nghị đã thống nhất các chỉ tiêu chủ yếu về kinh tế, văn hóa, xã hội."
AUTHOR = "Nguyễn Thị An"
SUBMIT = re.compile(r"^Gửi duyệt\b.*Duyệt tin bài")
PUBLISH = "Xuất bản"


@pytest.fixture
def newsroom(live_server, django_user_model, tmp_path):
    """The three members of the board (with passwords) and a news category, committed."""
    with override_settings(MEDIA_ROOT=tmp_path / "media"):
        people = {}
        for key, username, group_name in (
            ("reporter", "phongvien", roles.REPORTER),
            ("editor", "bientapvien", roles.EDITOR),
            ("chief", "truongban", roles.CHIEF_EDITOR),
        ):
            user = django_user_model.objects.create_user(
                username=username, password=PASSWORD, email=f"{username}@example.vn", first_name=username
            )
            user.groups.add(Group.objects.get(name=group_name))
            people[key] = user
        category = f.news_index(CATEGORY)
        assert category.get_workflow().name == roles.REVIEW_WORKFLOW
        yield {"url": live_server.url, "category": category, **people}


def test_reporter_submits_editor_and_chief_approve_then_reports(browser, newsroom, artifacts):
    base = newsroom["url"]
    shots = []
    context = browser.new_context(viewport={"width": 1366, "height": 1300}, locale="vi-VN")
    context.set_default_timeout(TIMEOUT_MS)
    context.set_default_navigation_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        reporter_writes_and_submits(page, base, newsroom, artifacts, shots)
        news = NewsPage.objects.get(title=TITLE)
        assert not news.live and news.owner == newsroom["reporter"]
        state = WorkflowState.objects.get(object_id=str(news.pk), status=WorkflowState.STATUS_IN_PROGRESS)
        assert state.current_task_state.task.name == roles.EDITOR_STEP

        editor_approves_from_the_dashboard(page, base, newsroom, news)
        state.refresh_from_db()
        assert state.current_task_state.task.name == roles.CHIEF_STEP
        news.refresh_from_db()
        assert not news.live  # the editor cannot publish

        chief_approves_in_the_editor(page, base, newsroom, news)
        news.refresh_from_db()
        state.refresh_from_db()
        assert news.live and not news.has_unpublished_changes
        assert state.status == WorkflowState.STATUS_APPROVED
        assert news.lead == LEAD and news.author == AUTHOR
        assert [block.block_type for block in news.body] == ["paragraph"]
        assert PARAGRAPH in news.body[0].value.source
        the_public_sees_it(page, base, news)

        chief_reads_the_reports(page, base, newsroom, news, artifacts, shots)
    except Exception:
        page.screenshot(path=artifacts / "editor-workflow-failure.png", full_page=True)
        print(f"failure screenshot: {artifacts / 'editor-workflow-failure.png'} at {page.url}")
        raise
    finally:
        context.close()
    for path in shots:
        print(f"screenshot: {path}")


# --- the steps ---------------------------------------------------------------------------------


def log_in(page, base: str, username: str) -> None:
    """Log out whoever is logged in, then log in on the Vietnamese login page."""
    page.context.clear_cookies()
    page.goto(f"{base}/admin/login/")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.get_by_text("Username").count() == 0 and page.get_by_role("button", name="Sign in").count() == 0
    field(page, "Tên đăng nhập").fill(username)
    page.locator("input[name='password']").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(f"{base}/admin/")


def field(page, label: str):
    """The text box labelled ``label`` (a required field's label ends with "*")."""
    return page.get_by_role("textbox", name=re.compile(rf"^\s*{re.escape(label)}\s*\*?\s*$"))


def footer_actions(page):
    return page.get_by_role("navigation", name="Thao tác (chân trang)")


def open_more_actions(page) -> None:
    footer_actions(page).get_by_role("button", name="Thao tác khác").click()


def reporter_writes_and_submits(page, base, newsroom, artifacts, shots) -> None:
    log_in(page, base, newsroom["reporter"].username)
    page.goto(f"{base}/admin/pages/{newsroom['category'].pk}/add_subpage/")
    # The category takes only news items: Wagtail goes straight to the editor of a "tin bài".
    page.wait_for_url(re.compile(r"/admin/pages/add/news/newspage/\d+/"))

    field(page, "Tiêu đề").fill(TITLE)
    field(page, "Sapo").fill(LEAD)

    # The body: insert a paragraph block and type into its Draftail editor.
    body = page.locator("[data-contentpath='body']")
    body.get_by_role("button", name=re.compile("Chèn một khối|Thêm khối|Insert a block")).first.click()
    page.get_by_role("option", name="Đoạn văn").click()
    editor = body.get_by_role("textbox").first
    editor.click()
    page.keyboard.type(PARAGRAPH)
    assert PARAGRAPH in editor.inner_text()

    field(page, "Tác giả").fill(AUTHOR)

    # Vietnamese throughout, and no way to publish for a reporter.
    actions = footer_actions(page)
    assert actions.get_by_role("button", name="Lưu nháp").is_visible()
    assert page.get_by_role("button", name="Save draft").count() == 0
    assert page.locator("[name='action-publish']").count() == 0
    open_more_actions(page)
    submit = actions.get_by_role("button", name=SUBMIT)
    submit.wait_for(state="visible")
    assert page.get_by_role("button", name=PUBLISH, exact=True).count() == 0
    assert actions.get_by_text(PUBLISH, exact=True).count() == 0
    field(page, "Tiêu đề").scroll_into_view_if_needed()
    shot = artifacts / "editor-reporter-vi.png"
    page.screenshot(path=shot, full_page=True)
    shots.append(shot)

    with page.expect_navigation():
        submit.click()
    # Wagtail goes back to the category's listing with a Vietnamese confirmation.
    page.wait_for_url(f"{base}/admin/pages/{newsroom['category'].pk}/")
    assert page.get_by_text(f"Đã tạo và gửi duyệt trang '{TITLE}'").is_visible()
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=TITLE, exact=True))
    assert "đang chờ duyệt" in row.inner_text().lower()  # the status column

    # In moderation, the editor still offers the reporter no way to publish.
    row.get_by_role("link", name=TITLE, exact=True).click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/edit/"))
    open_more_actions(page)
    assert page.locator("[name='action-publish']").count() == 0
    assert page.get_by_role("button", name=PUBLISH, exact=True).count() == 0


def editor_approves_from_the_dashboard(page, base, newsroom, news) -> None:
    log_in(page, base, newsroom["editor"].username)
    row = awaiting_review(page)
    row.wait_for(state="visible")
    row.get_by_role("button", name="Thao tác").click()
    with page.expect_navigation():
        row.get_by_role("button", name="Duyệt", exact=True).click()
    page.wait_for_url(f"{base}/admin/")
    # Now awaiting the chief: no longer in the editor's review panel.
    assert page.get_by_role("link", name=TITLE, exact=True).count() == 0


def awaiting_review(page):
    """The item's row in the dashboard panel "Đang chờ bạn duyệt" (awaiting your review)."""
    panel = page.locator("section").filter(has=page.get_by_role("heading", name="Đang chờ bạn duyệt")).last
    return panel.get_by_role("row").filter(has=page.get_by_role("link", name=TITLE, exact=True))


def chief_approves_in_the_editor(page, base, newsroom, news) -> None:
    log_in(page, base, newsroom["chief"].username)
    awaiting_review(page).wait_for(state="visible")  # now on the chief's dashboard
    page.goto(f"{base}/admin/pages/{news.pk}/edit/")
    assert field(page, "Tiêu đề").input_value() == TITLE
    open_more_actions(page)
    # The last step publishes: "Duyệt và xuất bản". The chief may also publish directly — the very
    # button the reporter was never shown (so that check looks for something that exists).
    approve = footer_actions(page).get_by_role("button", name="Duyệt và xuất bản", exact=True)
    approve.wait_for(state="visible")
    assert footer_actions(page).get_by_role("button", name=PUBLISH, exact=True).is_visible()
    with page.expect_navigation():
        approve.click()
    page.wait_for_load_state()


def the_public_sees_it(page, base, news) -> None:
    path = Page.objects.get(pk=news.pk).specific.get_url()
    url = path if path.startswith("http") else f"{base}{path}"
    response = page.goto(url)
    assert response.status == 200, (url, response.status)
    assert page.get_by_role("heading", name=TITLE).first.is_visible()
    assert page.get_by_text(LEAD).first.is_visible()


def approved_royalty(news, chief) -> Royalty:
    """A royalty scheme with its genres, a base salary and the item's royalty, approved by the chief."""
    scheme = RoyaltyScheme.objects.create(
        name="Quy định nhuận bút Cổng TTĐT huyện (thử)",
        legal_basis="Quyết định số 12/2020/QĐ-UBND",
        valid_from=date(2020, 1, 1),
        unit_ratio=Decimal("10"),
        site_multiplier=Decimal("20"),
    )
    genres = {}
    for order, (name, low, high) in enumerate((("Tin không ảnh", "1.0", "1.0"), ("Tin có ảnh", "1.5", "1.5"))):
        genres[name] = Genre.objects.create(
            scheme=scheme, name=name, min_coefficient=Decimal(low), max_coefficient=Decimal(high), sort_order=order
        )
    # The base salaries in force come from the migrations (Nghị định 73/2024/NĐ-CP: 2.340.000 đ).
    BaseSalary.objects.get_or_create(valid_from=date(2024, 7, 1), defaults={"amount": Decimal("2340000")})
    record = Royalty(page=news, genre=genres["Tin có ảnh"], coefficient=Decimal("1.5"))
    record.full_clean()
    record.save()
    RoyaltyShare.objects.create(royalty=record, contributor=AUTHOR, role="tác giả", share=Decimal("70"), sort_order=0)
    RoyaltyShare.objects.create(
        royalty=record, contributor="Trần Văn Bình", role="ảnh", share=Decimal("30"), sort_order=1
    )
    return royalties.approve(record, chief)


def digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def chief_reads_the_reports(page, base, newsroom, news, artifacts, shots) -> None:
    # Activity report: this year by default; the new item counts in its category and for its author.
    page.goto(f"{base}/admin/reports/activity/")
    assert page.get_by_role("heading", name="Báo cáo hoạt động").first.is_visible()
    assert page.get_by_role("link", name="Tải về tệp Excel (XLSX)").is_visible()
    authors = page.locator("table").filter(has=page.get_by_role("columnheader", name="Tác giả"))
    author_row = authors.get_by_role("row").filter(has=page.get_by_role("rowheader", name=AUTHOR))
    assert digits(author_row.get_by_role("cell").last.inner_text()) == "1"
    assert page.get_by_text(CATEGORY).first.is_visible()
    shot = artifacts / "activity-report-vi.png"
    page.set_viewport_size({"width": 1366, "height": 2400})  # the admin scrolls inside its own frame
    page.screenshot(path=shot, full_page=True)
    page.set_viewport_size({"width": 1366, "height": 1300})
    shots.append(shot)

    # Royalty report of the item's month, chosen in the form.
    record = approved_royalty(news, newsroom["chief"])
    month = f"{record.work_date:%m/%Y}"
    page.goto(f"{base}/admin/reports/royalties/")
    assert page.get_by_role("heading", name="Bảng kê nhuận bút").first.is_visible()
    page.get_by_label(re.compile(r"^Tháng")).fill(month)
    with page.expect_navigation():
        page.get_by_role("button", name="Xem bảng kê").click()
    assert page.get_by_role("heading", name=f"Nhuận bút tháng {month}").is_visible()
    table = page.locator("table.listing")
    assert table.get_by_role("rowheader", name=AUTHOR).is_visible()
    assert table.get_by_text(TITLE).count() == 2  # one line per contributor
    assert digits(table.locator("[data-total]").inner_text()) == str(int(record.amount))
    # By hand: coefficient 1,5 × one unit (10% of the base salary) × 20% for the district site,
    # split 70% / 30%, each share rounded to the đồng (2.340.000 đ → 49.140 + 21.060 = 70.200 đ).
    article = Decimal("1.5") * royalties.base_salary_on(record.work_date).amount * Decimal("0.10") * Decimal("0.20")
    expected = sum(
        (article * p).quantize(Decimal("1"), rounding=ROUND_HALF_UP) for p in (Decimal("0.7"), Decimal("0.3"))
    )
    assert record.amount == expected
    shot = artifacts / "royalty-report-vi.png"
    page.screenshot(path=shot, full_page=True)
    shots.append(shot)
