"""Editors' task tracking in the Wagtail admin: the "Theo dõi nhiệm vụ" listing and the dashboard panel."""

import re
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from . import factories as f

pytestmark = pytest.mark.django_db


def days(n: int) -> date:
    return timezone.localdate() + timedelta(days=n)


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def listed_titles(soup) -> list[str]:
    return sorted(re.sub(r"\s+", " ", a.get_text(" ", strip=True)) for a in soup.select("td.title span[id$=_title]"))


def status_cells(soup) -> dict[str, str]:
    """{task status code: badge text} of the listed rows (codes repeat; the last wins)."""
    return {
        td["data-task-status"]: td.select_one(".w-status").get_text(strip=True)
        for td in soup.select("td[data-task-status]")
    }


@pytest.fixture
def tasks():
    tckh = f.agency("Phòng Tài chính - Kế hoạch", "TCKH")
    gddt = f.agency("Phòng Giáo dục và Đào tạo", "GDĐT")
    return {
        "overdue": f.task("NV-QH", title="Nhiệm vụ quá hạn", lead_unit=tckh, deadline=days(-3)),
        "overdue_draft": f.task("NV-QH2", title="Nhiệm vụ quá hạn nháp", lead_unit=gddt, deadline=days(-1), live=False),
        "due_soon": f.task("NV-SD", title="Nhiệm vụ sắp đến hạn", lead_unit=tckh, deadline=days(0)),
        "due_soon_2": f.task("NV-SD2", title="Nhiệm vụ sắp đến hạn thứ hai", lead_unit=gddt, deadline=days(3)),
        "on_time": f.task("NV-TH", title="Nhiệm vụ trong hạn", lead_unit=gddt, deadline=days(4)),
        "done": f.task("NV-XONG", title="Nhiệm vụ đã xong", lead_unit=tckh, deadline=days(-9), completed_on=days(-10)),
        "units": (tckh, gddt),
    }


LISTING = "/admin/task_tracking/"


def test_listing_url_and_menu_item(admin_client):
    assert reverse("task_tracking:index") == LISTING
    html = admin_client.get("/admin/").content.decode()
    assert "Theo dõi nhiệm vụ" in html
    assert LISTING in html


def test_listing_opens_for_an_admin_with_status_badges(admin_client, tasks):
    soup = soup_of(admin_client.get(LISTING))
    assert listed_titles(soup) == sorted(
        [
            "Nhiệm vụ quá hạn",
            "Nhiệm vụ quá hạn nháp",
            "Nhiệm vụ sắp đến hạn",
            "Nhiệm vụ sắp đến hạn thứ hai",
            "Nhiệm vụ trong hạn",
            "Nhiệm vụ đã xong",
        ]
    )
    assert status_cells(soup) == {
        "overdue": "Đang thực hiện quá hạn",
        "due_soon": "Sắp đến hạn",
        "in_progress_on_time": "Đang thực hiện trong hạn",
        "done_on_time": "Hoàn thành đúng hạn",
    }
    overdue_badge = soup.select_one("td[data-task-status=overdue] .w-status")
    assert "w-status--primary" in overdue_badge["class"]  # filled, besides its words
    text = soup.get_text(" ")
    for expected in ["NV-QH", "Phòng Tài chính - Kế hoạch", days(-3).strftime("%d/%m/%Y")]:
        assert expected in text


def test_status_filter_narrows_the_listing(admin_client, tasks):
    soup = soup_of(admin_client.get(LISTING, {"status": "overdue"}))
    assert listed_titles(soup) == ["Nhiệm vụ quá hạn", "Nhiệm vụ quá hạn nháp"]

    soup = soup_of(admin_client.get(LISTING, {"status": ["due_soon", "done_on_time"]}))
    assert listed_titles(soup) == ["Nhiệm vụ sắp đến hạn", "Nhiệm vụ sắp đến hạn thứ hai", "Nhiệm vụ đã xong"]


def test_lead_unit_filter_and_both_together(admin_client, tasks):
    tckh, gddt = tasks["units"]
    soup = soup_of(admin_client.get(LISTING, {"lead_unit": gddt.pk}))
    assert listed_titles(soup) == ["Nhiệm vụ quá hạn nháp", "Nhiệm vụ sắp đến hạn thứ hai", "Nhiệm vụ trong hạn"]
    soup = soup_of(admin_client.get(LISTING, {"lead_unit": tckh.pk, "status": "overdue"}))
    assert listed_titles(soup) == ["Nhiệm vụ quá hạn"]


@pytest.mark.parametrize(
    "params",
    [
        {"status": "bogus"},
        {"lead_unit": "abc"},
        {"ordering": "nonsense"},
        {"ordering": "-deadline"},
        {"ordering": "lead_unit__name"},
        # Searching: filters and orderings the search backend cannot take must not break it.
        {"q": "Nhiệm vụ", "lead_unit": "1", "status": "due_soon"},
        {"q": "Nhiệm vụ", "ordering": "code"},
        {"q": "Nhiệm vụ", "ordering": "-lead_unit__name"},
        {"q": "Nhiệm vụ", "ordering": "-deadline"},
    ],
)
def test_odd_filter_ordering_and_search_combinations_do_not_break_the_listing(admin_client, tasks, params):
    assert admin_client.get(LISTING, params).status_code == 200


def test_listing_results_fragment_and_search(admin_client, tasks):
    response = admin_client.get(LISTING + "results/", {"status": "overdue"})
    assert listed_titles(soup_of(response)) == ["Nhiệm vụ quá hạn", "Nhiệm vụ quá hạn nháp"]
    soup = soup_of(admin_client.get(LISTING, {"q": "NV-SD2"}))
    assert listed_titles(soup) == ["Nhiệm vụ sắp đến hạn thứ hai"]
    assert status_cells(soup) == {"due_soon": "Sắp đến hạn"}  # the status survives the search backend
    soup = soup_of(admin_client.get(LISTING, {"q": "Nhiệm vụ", "status": "overdue"}))
    assert listed_titles(soup) == ["Nhiệm vụ quá hạn", "Nhiệm vụ quá hạn nháp"]


def test_listing_query_count_does_not_grow(admin_client, tasks):
    tckh, _ = tasks["units"]

    def count() -> int:
        admin_client.get(LISTING)
        with CaptureQueriesContext(connection) as ctx:
            assert admin_client.get(LISTING, {"status": ["overdue", "due_soon"]}).status_code == 200
        return len(ctx.captured_queries)

    few = count()
    for n in range(20):
        f.task(f"NV-T{n}", lead_unit=tckh, deadline=days(-1 - n % 5))
    assert count() == few


def test_dashboard_panel_counts_overdue_and_due_soon_with_filtered_links(admin_client, tasks):
    soup = soup_of(admin_client.get("/admin/"))
    panel = soup.select_one("#task-deadlines-section")
    assert panel is not None
    rows = {tr["data-task-status"]: tr for tr in panel.select("tr[data-task-status]")}
    assert rows["overdue"].select_one(".task-count strong").get_text() == "2"
    assert rows["due_soon"].select_one(".task-count strong").get_text() == "2"
    assert rows["open"].select_one(".task-count strong").get_text() == "5"
    assert rows["overdue"].select_one("a")["href"] == f"{LISTING}?status=overdue"
    assert rows["due_soon"].select_one("a")["href"] == f"{LISTING}?status=due_soon"

    # The link leads to a listing with exactly that many tasks.
    listed = soup_of(admin_client.get(rows["overdue"].select_one("a")["href"]))
    assert len(listed_titles(listed)) == 2


def test_dashboard_panel_costs_one_query(admin_client, tasks, django_assert_num_queries):
    from directives.admin_views import TaskDeadlinesPanel

    request = admin_client.get("/admin/").wsgi_request
    with django_assert_num_queries(1):
        TaskDeadlinesPanel().get_context_data({"request": request})


def test_dashboard_panel_is_hidden_from_users_without_page_permissions(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("xem", password="mat-khau-dai-123")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    assert "task-deadlines" not in html


def test_listing_is_ordered_by_deadline_with_no_deadline_last(admin_client, tasks):
    f.task("NV-KH", title="Nhiệm vụ không thời hạn", lead_unit=tasks["units"][0], deadline=None)
    soup = soup_of(admin_client.get(LISTING))
    codes = [td.get_text(strip=True) for td in soup.select("tbody tr td:nth-of-type(3)")]
    assert codes == ["NV-XONG", "NV-QH", "NV-QH2", "NV-SD", "NV-SD2", "NV-TH", "NV-KH"]
