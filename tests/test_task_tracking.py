"""Task tracking: statistics for a hand-built set, inline progress rows, the API endpoints."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from directives.models import TaskPage, TaskProgressReport
from directives.tracking import TaskFilter, task_stats
from tests import factories

pytestmark = pytest.mark.django_db
D = timedelta(days=1)


def task_index():
    return factories.task_index()


def make_directive(number="215/TB-UBND", issued_on=date(2026, 10, 12), live=True, **fields):
    return factories.directive(number, issued_on=issued_on, summary="Kết luận", live=live, **fields)


def make_task(code, *, unit=None, live=True, assigned_on=None, **fields):
    return factories.task(
        code,
        title=f"Nhiệm vụ {code}",
        lead_unit=unit or factories.agency("Phòng Tài nguyên và Môi trường", "TNMT"),
        assigned_on=assigned_on or date(2026, 1, 1),
        live=live,
        **fields,
    )


TODAY = date(2026, 11, 29)


@pytest.fixture
def units():
    return {
        "tnmt": factories.agency("Phòng Tài nguyên và Môi trường", "TNMT"),
        "gd": factories.agency("Phòng Giáo dục và Đào tạo", "GDĐT"),
        "bql": factories.agency("Ban Quản lý dự án", "BQLDA"),
    }


@pytest.fixture
def hand_built(units):
    """A known set: TNMT 2 on time + 1 late + 1 overdue; GD 1 due soon + 1 no deadline; BQL 1 in progress."""
    jan = date(2026, 1, 5)
    make_task("T1", unit=units["tnmt"], assigned_on=jan, deadline=date(2026, 3, 1), completed_on=date(2026, 2, 1))
    make_task("T2", unit=units["tnmt"], assigned_on=jan, deadline=date(2026, 3, 1), completed_on=date(2026, 3, 1))
    make_task("T3", unit=units["tnmt"], assigned_on=jan, deadline=date(2026, 3, 1), completed_on=date(2026, 3, 2))
    make_task("T4", unit=units["tnmt"], assigned_on=date(2026, 6, 1), deadline=TODAY - D)
    make_task("G1", unit=units["gd"], assigned_on=date(2026, 6, 1), deadline=TODAY + 2 * D)
    make_task("G2", unit=units["gd"], assigned_on=date(2026, 9, 1))
    make_task("B1", unit=units["bql"], assigned_on=date(2026, 9, 1), deadline=TODAY + 30 * D)
    # Never counted: a draft and a private task.
    make_task("X1", unit=units["tnmt"], deadline=TODAY - D, live=False)
    private = make_task("X2", unit=units["tnmt"], deadline=TODAY - D)
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    return units


def public():
    return TaskPage.objects.live().public()


def test_stats_for_a_hand_built_set(hand_built):
    stats = task_stats(public(), TODAY)
    by_name = {u.unit_name: u for u in stats.units}
    tnmt = by_name["Phòng Tài nguyên và Môi trường"]
    assert tnmt.counts == {
        "in_progress_on_time": 0, "due_soon": 0, "overdue": 1, "no_deadline": 0, "done_on_time": 2, "done_late": 1,
    }  # fmt: skip
    assert (tnmt.total, tnmt.done, tnmt.on_time_rate) == (4, 3, round(2 / 3, 4))
    gd = by_name["Phòng Giáo dục và Đào tạo"]
    assert (gd.counts["due_soon"], gd.counts["no_deadline"], gd.total, gd.on_time_rate) == (1, 1, 2, None)
    assert stats.overall.total == 7 and stats.overall.done == 3
    assert [u.unit_name for u in stats.units] == sorted(by_name)


def test_stats_by_unit_and_period(hand_built):
    only_tnmt = task_stats(public(), TODAY, TaskFilter(unit=hand_built["tnmt"].pk))
    assert [u.unit_name for u in only_tnmt.units] == ["Phòng Tài nguyên và Môi trường"]
    first_half = task_stats(public(), TODAY, TaskFilter(date_from=date(2026, 1, 1), date_to=date(2026, 6, 30)))
    assert first_half.overall.total == 5  # T1–T4, G1
    assert first_half.overall.counts["done_on_time"] == 2


def test_stats_take_a_constant_number_of_queries(units):
    for i in range(3):
        make_task(f"A{i}", unit=units["tnmt"], deadline=TODAY)
    with CaptureQueriesContext(connection) as few:
        task_stats(public(), TODAY)
    for i in range(15):
        make_task(f"B{i}", unit=[units["gd"], units["bql"]][i % 2], deadline=TODAY + i * D)
    with CaptureQueriesContext(connection) as many:
        stats = task_stats(public(), TODAY)
    assert stats.overall.total == 18
    assert len(few) == len(many) <= 2  # view restrictions, then one aggregate


def test_progress_rows_are_saved_and_revisioned_with_the_page(units):
    page = make_task("P1", unit=units["tnmt"], deadline=TODAY + 10 * D)
    page.progress_reports = [
        TaskProgressReport(date=date(2026, 11, 1), percent=40, content="Đã kiểm đếm 120/300 hộ.", unit=units["tnmt"]),
        TaskProgressReport(date=date(2026, 11, 20), percent=75, content="Đã kiểm đếm 225/300 hộ."),
    ]
    first = page.save_revision()
    first.publish()
    page = TaskPage.objects.get(pk=page.pk)
    assert [r.percent for r in page.progress_reports.all()] == [40, 75]
    assert page.latest_percent == 75

    page.progress_reports = [TaskProgressReport(date=date(2026, 11, 1), percent=40, content="Chỉ còn một dòng")]
    page.save_revision()  # a draft: the live rows stay as they were
    assert TaskProgressReport.objects.filter(task=page).count() == 2
    draft = page.get_latest_revision_as_object()
    assert [r.content for r in draft.progress_reports.all()] == ["Chỉ còn một dòng"]
    old = first.as_object()
    assert [r.percent for r in old.progress_reports.all()] == [40, 75]


def test_percent_over_100_is_refused(units):
    from django.core.exceptions import ValidationError

    report = TaskProgressReport(date=TODAY, percent=101, content="x")
    with pytest.raises(ValidationError):
        report.full_clean(exclude=["task"])


def test_an_extension_keeps_the_original_deadline_and_needs_a_reason(units):
    from django.core.exceptions import ValidationError

    page = make_task("E1", unit=units["tnmt"], deadline=date(2026, 12, 10))
    page.deadline = date(2026, 12, 31)
    with pytest.raises(ValidationError) as excinfo:
        page.clean()
    assert "extension_reason" in excinfo.value.message_dict
    assert page.original_deadline == date(2026, 12, 10)
    page.extension_reason = "Chờ kết quả đo đạc địa chính"
    page.clean()
    page.save_revision().publish()
    page = TaskPage.objects.get(pk=page.pk)
    assert (page.deadline, page.original_deadline) == (date(2026, 12, 31), date(2026, 12, 10))
    assert page.extended_on == timezone.localdate()


def test_directive_lists_the_tasks_it_assigned(units):
    directive = make_directive()
    make_task("D1", unit=units["tnmt"], source_directive=directive)
    make_task("D2", unit=units["gd"], source_directive=directive, live=False)
    assert [t.code for t in directive.assigned_tasks] == ["D1"]


# --- API ------------------------------------------------------------------------------


def test_tasks_are_pages_in_the_api_with_their_status(client, units):
    directive = make_directive()
    page = make_task("API1", unit=units["tnmt"], deadline=timezone.localdate() - D, source_directive=directive)
    page.coordinating_units = [units["gd"]]
    page.progress_reports = [TaskProgressReport(date=date(2026, 11, 1), percent=40, content="40%", unit=units["gd"])]
    page.save_revision().publish()
    data = client.get(f"/api/v3/pages/{page.pk}/").json()
    assert (data["code"], data["status"], data["status_label"]) == ("API1", "overdue", "Đang thực hiện quá hạn")
    assert data["lead_unit"]["name"] == "Phòng Tài nguyên và Môi trường"
    assert [u["name"] for u in data["coordinating_units"]] == ["Phòng Giáo dục và Đào tạo"]
    assert data["source_directive"]["id"] == directive.pk
    assert data["progress_reports"][0]["percent"] == 40
    assert data["progress_reports"][0]["unit"]["name"] == "Phòng Giáo dục và Đào tạo"
    detail = client.get(f"/api/v3/pages/{directive.pk}/").json()
    assert detail["kind"] == "conclusion_notice" and detail["kind_label"] == "Thông báo kết luận"
    assert [t["id"] for t in detail["assigned_tasks"]] == [page.pk]


def test_the_pages_listing_filters_tasks_by_lead_unit(client, hand_built):
    response = client.get("/api/v3/pages/", {"type": "directives.TaskPage", "lead_unit": hand_built["gd"].pk})
    assert response.status_code == 200
    assert response.json()["count"] == 2


def test_task_listing_endpoint_filters_by_unit_status_and_period(client, hand_built):
    def codes(**params):
        response = client.get("/api/v3/tasks/", params)
        assert response.status_code == 200, response.content
        return sorted(item["code"] for item in response.json()["items"])

    assert codes() == ["B1", "G1", "G2", "T1", "T2", "T3", "T4"]
    assert codes(unit=hand_built["gd"].pk) == ["G1", "G2"]
    assert codes(status="done_on_time") == ["T1", "T2"]
    assert codes(status=["done_late", "no_deadline"]) == ["G2", "T3"]
    assert codes(**{"from": "2026-06-01", "to": "2026-06-30"}) == ["G1", "T4"]


def test_stats_endpoint(client, hand_built):
    response = client.get("/api/v3/tasks/stats/", {"unit": hand_built["tnmt"].pk, "from": "2026-01-01"})
    assert response.status_code == 200
    data = response.json()
    (unit,) = data["units"]
    assert unit["unit_name"] == "Phòng Tài nguyên và Môi trường"
    assert unit["counts"]["done_on_time"] == 2 and unit["counts"]["done_late"] == 1
    assert unit["total"] == 4 and unit["on_time_rate"] == round(2 / 3, 4)
    assert data["overall"]["total"] == 4 and data["due_soon_days"] == 3


def test_stats_and_listing_as_of_a_past_day(client, hand_built):
    """On 15/02/2026 only the January tasks existed; T1 was done, T2 and T3 (done in March) were open."""
    stats = client.get("/api/v3/tasks/stats/", {"as_of": "2026-02-15"}).json()
    assert stats["as_of"] == "2026-02-15" and stats["today"] == timezone.localdate().isoformat()
    counts = stats["overall"]["counts"]
    assert stats["overall"]["total"] == 3
    assert counts["done_on_time"] == 1 and counts["in_progress_on_time"] == 2 and counts["done_late"] == 0
    listing = client.get("/api/v3/tasks/", {"as_of": "2026-02-15"}).json()["items"]
    assert {item["code"]: item["status"] for item in listing} == {
        "T1": "done_on_time",
        "T2": "in_progress_on_time",
        "T3": "in_progress_on_time",
    }
    # Without as_of: today, every public task.
    assert client.get("/api/v3/tasks/stats/").json()["overall"]["total"] == 7


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"as_of": "2999-01-01"}, "'as_of' must not be after today"),
        ({"as_of": "15/02/2026"}, "as_of"),
        ({"unit": "abc"}, "unit"),
        ({"status": "late"}, "status"),
        ({"from": "29/11/2026"}, "from"),
        ({"from": "2026-12-01", "to": "2026-01-01"}, "'from' must not be after 'to'"),
    ],
)
def test_bad_parameters_get_400_with_a_message(client, params, message):
    for url in ("/api/v3/tasks/", "/api/v3/tasks/stats/"):
        response = client.get(url, params)
        assert response.status_code == 400, (url, response.content)
        assert message in response.json()["detail"]


def test_task_listing_queries_do_not_grow_with_the_number_of_tasks(client, units, django_assert_max_num_queries):
    for i in range(3):
        make_task(f"Q{i}", unit=units["tnmt"], deadline=TODAY + i * D)

    def count(url):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url, {"limit": 50}).status_code == 200
        return len(ctx)

    count("/api/v3/tasks/")  # warm the site cache (the first request of a process looks the site up)
    few = {url: count(url) for url in ("/api/v3/tasks/", "/api/v3/tasks/stats/")}
    for i in range(20):
        make_task(f"R{i}", unit=[units["gd"], units["bql"]][i % 2], deadline=TODAY + i * D)
    many = {url: count(url) for url in few}
    assert few == many
    with django_assert_max_num_queries(6):
        client.get("/api/v3/tasks/", {"limit": 50})
