"""Public pages of task tracking: "Theo dõi thực hiện nhiệm vụ", a task, a directive.

Dates are relative to ``timezone.localdate()`` (the page's "today"), so statuses do not move
with the calendar.
"""

import re
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from directives.models import DirectiveAttachment, Field, TaskProgressReport
from directives.public import format_rate

from . import factories as f

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def today() -> date:
    return timezone.localdate()


def days(n: int) -> date:
    return today() + timedelta(days=n)


def get(client, url: str, params: dict | list | None = None):
    response = client.get(url, params or {}, HTTP_HOST="localhost")
    return response, BeautifulSoup(response.content.decode(), "html.parser")


def text(node) -> str:
    """Visible text with runs of ASCII whitespace collapsed (non-breaking spaces are kept)."""
    return re.sub(r"[ \t\r\n]+", " ", node.get_text(" ", strip=True))


def task_codes(soup) -> list[str]:
    return [text(row.find("th")) for row in soup.select("table.tasks tbody tr")]


def summary(soup) -> dict[str, dict[str, str]]:
    """Summary table as {unit name (or "Tổng cộng"): {column label: cell text}}."""
    table = soup.select_one("table.summary")
    labels = [text(th) for th in table.select("thead th")][1:]
    rows = {}
    for tr in table.select("tbody tr, tfoot tr"):
        cells = [text(td) for td in tr.find_all("td")]
        rows[text(tr.find("th"))] = dict(zip(labels, cells, strict=True))
    return rows


@pytest.fixture
def units():
    return {
        "tckh": f.agency("Phòng Tài chính - Kế hoạch", "TCKH"),
        "gddt": f.agency("Phòng Giáo dục và Đào tạo", "GDĐT"),
        "none": f.agency("Phòng Nội vụ", "NV"),  # leads only a draft: never offered
    }


@pytest.fixture
def tracked(units):
    """A hand-built set: TCKH has 6 tasks (3 done, 2 on time), GDĐT 2 (none done)."""
    tckh, gddt = units["tckh"], units["gddt"]
    tasks = {
        "A-QUAHAN": f.task("A-QUAHAN", lead_unit=tckh, deadline=days(-5), assigned_on=date(2024, 2, 1)),
        "A-SAPDEN": f.task("A-SAPDEN", lead_unit=tckh, deadline=days(2), assigned_on=date(2024, 3, 1)),
        "A-TRONGHAN": f.task("A-TRONGHAN", lead_unit=tckh, deadline=days(30), assigned_on=date(2024, 4, 1)),
        "A-DUNGHAN": f.task(
            "A-DUNGHAN", lead_unit=tckh, deadline=days(-10), completed_on=days(-12), assigned_on=date(2024, 5, 1)
        ),
        "A-TRE": f.task(
            "A-TRE", lead_unit=tckh, deadline=days(-20), completed_on=days(-15), assigned_on=date(2024, 6, 1)
        ),
        "A-DUNGHAN2": f.task(
            "A-DUNGHAN2", lead_unit=tckh, deadline=days(-3), completed_on=days(-3), assigned_on=date(2024, 7, 1)
        ),
        "B-KHONGHAN": f.task("B-KHONGHAN", lead_unit=gddt, deadline=None, assigned_on=date(2024, 8, 1)),
        "B-QUAHAN": f.task("B-QUAHAN", lead_unit=gddt, deadline=days(-1), assigned_on=date(2024, 9, 1)),
    }
    f.task("X-NHAP", lead_unit=units["none"], deadline=days(-9), live=False)
    private = f.task("X-RIENG", lead_unit=tckh, deadline=days(-9))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="bimat")
    return tasks


# --- the tracking page --------------------------------------------------------------------


def test_summary_counts_each_status_per_unit_with_on_time_rate(client, tracked):
    response, soup = get(client, f.task_index().url)
    assert response.status_code == 200
    rows = summary(soup)
    assert list(rows) == ["Phòng Giáo dục và Đào tạo", "Phòng Tài chính - Kế hoạch", "Tổng cộng"]
    assert rows["Phòng Tài chính - Kế hoạch"] == {
        "Đang thực hiện trong hạn": "1",
        "Sắp đến hạn": "1",
        "Đang thực hiện quá hạn": "1",
        "Không thời hạn": "0",
        "Hoàn thành đúng hạn": "2",
        "Hoàn thành quá hạn": "1",
        "Tổng số": "6",
        "Tỷ lệ đúng hạn": f"66,7{NBSP}%",
    }
    assert rows["Phòng Giáo dục và Đào tạo"]["Tỷ lệ đúng hạn"] == "—"  # nothing done yet
    assert rows["Phòng Giáo dục và Đào tạo"]["Đang thực hiện quá hạn"] == "1"
    overall = rows["Tổng cộng"]
    assert overall["Tổng số"] == "8"
    assert overall["Đang thực hiện quá hạn"] == "2"
    assert overall["Tỷ lệ đúng hạn"] == f"66,7{NBSP}%"


def test_rate_format():
    assert format_rate(None) == "—"
    assert format_rate(2 / 3) == f"66,7{NBSP}%"
    assert format_rate(1.0) == f"100{NBSP}%"
    assert format_rate(0.0) == f"0{NBSP}%"


def test_table_lists_live_public_tasks_overdue_first_and_done_last(client, tracked):
    _, soup = get(client, f.task_index().url)
    codes = task_codes(soup)
    assert sorted(codes) == sorted(tracked)  # neither the draft nor the private task
    assert "X-NHAP" not in soup.decode() and "X-RIENG" not in soup.decode()
    assert codes[:2] == ["A-QUAHAN", "B-QUAHAN"]  # overdue, earliest deadline first
    assert codes[2:5] == ["A-SAPDEN", "A-TRONGHAN", "B-KHONGHAN"]  # open: by deadline, none last
    assert set(codes[5:]) == {"A-DUNGHAN", "A-TRE", "A-DUNGHAN2"}


def test_overdue_rows_are_highlighted_with_text_not_colour_alone(client, tracked):
    _, soup = get(client, f.task_index().url)
    rows = {text(tr.find("th")): tr for tr in soup.select("table.tasks tbody tr")}
    overdue = rows["A-QUAHAN"]
    assert "is-overdue" in overdue["class"]
    assert text(overdue.select_one(".status-badge")) == "Đang thực hiện quá hạn"
    assert text(overdue.select_one(".overdue-marker")) == "Quá hạn 5 ngày"
    assert "is-overdue" not in rows["A-SAPDEN"]["class"]
    assert text(rows["A-SAPDEN"].select_one(".status-badge")) == "Sắp đến hạn"
    assert rows["A-SAPDEN"].select_one(".overdue-marker") is None
    link = overdue.find("a")
    assert link["href"] == tracked["A-QUAHAN"].url
    assert text(overdue.find("td", attrs={"data-label": "Thời hạn"})) == days(-5).strftime("%d/%m/%Y")
    assert text(overdue.find("td", attrs={"data-label": "Đơn vị chủ trì"})) == "Phòng Tài chính - Kế hoạch"


def test_extended_deadline_and_manual_state_are_shown(client, units):
    f.task(
        "NV-GH",
        lead_unit=units["tckh"],
        deadline=days(40),
        original_deadline=days(10),
        extension_reason="Chờ ý kiến của Sở",
        manual_state="awaiting_confirmation",
    )
    _, soup = get(client, f.task_index().url)
    row = soup.select_one("table.tasks tbody tr")
    deadline = text(row.find("td", attrs={"data-label": "Thời hạn"}))
    assert days(40).strftime("%d/%m/%Y") in deadline
    assert f"thời hạn ban đầu {days(10):%d/%m/%Y}" in deadline
    assert text(row.select_one(".manual-state")) == "Chờ xác nhận"


def test_filter_by_lead_unit_narrows_table_and_summary(client, tracked, units):
    index = f.task_index()
    _, soup = get(client, index.url)
    offered = {text(o) for o in soup.select("select[name=unit] option")}
    assert offered == {"Tất cả đơn vị", "Phòng Tài chính - Kế hoạch", "Phòng Giáo dục và Đào tạo"}

    _, soup = get(client, index.url, {"unit": units["gddt"].pk})
    assert sorted(task_codes(soup)) == ["B-KHONGHAN", "B-QUAHAN"]
    assert list(summary(soup)) == ["Phòng Giáo dục và Đào tạo", "Tổng cộng"]
    assert soup.select_one(f"select[name=unit] option[value='{units['gddt'].pk}']").has_attr("selected")


def test_filter_by_status_overdue_only_and_several(client, tracked):
    index = f.task_index()
    _, soup = get(client, index.url, {"status": "overdue"})
    assert task_codes(soup) == ["A-QUAHAN", "B-QUAHAN"]
    assert soup.select_one("input[name=status][value=overdue]").has_attr("checked")
    assert summary(soup)["Tổng cộng"]["Tổng số"] == "8"  # the summary covers every status

    _, soup = get(client, index.url, [("status", "done_late"), ("status", "no_deadline")])
    assert sorted(task_codes(soup)) == ["A-TRE", "B-KHONGHAN"]


def test_filter_by_assigned_period_in_both_date_formats(client, tracked):
    index = f.task_index()
    _, soup = get(client, index.url, {"from": "2024-05-01", "to": "2024-07-31"})
    assert sorted(task_codes(soup)) == ["A-DUNGHAN", "A-DUNGHAN2", "A-TRE"]
    assert summary(soup)["Tổng cộng"]["Tổng số"] == "3"
    assert summary(soup)["Tổng cộng"]["Tỷ lệ đúng hạn"] == f"66,7{NBSP}%"
    assert soup.select_one("input[name=from]")["value"] == "2024-05-01"
    assert soup.select_one("input[name=from]")["type"] == "date"

    _, soup = get(client, index.url, {"from": "01/08/2024"})  # typed day first
    assert sorted(task_codes(soup)) == ["B-KHONGHAN", "B-QUAHAN"]
    assert soup.select_one("input[name=from]")["value"] == "2024-08-01"  # shown by the date picker


@pytest.mark.parametrize(
    ("params", "expected_count", "message"),
    [
        ({"from": "31/02/2024"}, 8, "Giao từ ngày"),
        ({"unit": "999999"}, 8, "Đơn vị chủ trì"),
        ({"unit": "abc"}, 8, "Đơn vị chủ trì"),
        ({"status": "bogus"}, 8, "Tình trạng thực hiện"),
        ({"page": "zzz"}, 8, None),
    ],
)
def test_bad_filter_input_gives_a_message_and_drops_only_that_criterion(
    client, tracked, params, expected_count, message
):
    response, soup = get(client, f.task_index().url, params)
    assert response.status_code == 200
    assert len(task_codes(soup)) == expected_count
    errors = soup.select_one(".form-errors")
    if message:
        assert message in text(errors)
        assert errors["role"] == "alert"
    else:
        assert errors is None


def test_bad_field_keeps_the_valid_ones(client, tracked):
    _, soup = get(client, f.task_index().url, {"status": "overdue", "from": "hôm qua", "to": "2024-12-31"})
    assert task_codes(soup) == ["A-QUAHAN", "B-QUAHAN"]
    assert "Giao từ ngày" in text(soup.select_one(".form-errors"))


def test_reversed_period_is_reported_and_end_ignored(client, tracked):
    response, soup = get(client, f.task_index().url, {"from": "2024-09-01", "to": "2024-02-01"})
    assert response.status_code == 200
    assert "Đến ngày" in text(soup.select_one(".form-errors"))
    assert task_codes(soup) == ["B-QUAHAN"]  # from 01/09/2024 only


def test_form_fields_are_labelled_and_work_without_javascript(client, tracked):
    _, soup = get(client, f.task_index().url)
    form = soup.select_one("form.filter-form")
    assert form["method"] == "get"
    for control in form.select("select, input"):
        assert soup.select_one(f"label[for={control['id']}]") is not None, control
    assert len(form.select("input[type=checkbox][name=status]")) == 6
    assert form.select_one("legend").get_text(strip=True) == "Tình trạng thực hiện"
    assert not soup.find("script")


def test_pagination_keeps_the_filters(client, units):
    for n in range(35):
        f.task(f"P-{n:02}", lead_unit=units["tckh"], deadline=days(-1 - n))
    f.task("P-KHAC", lead_unit=units["gddt"], deadline=days(-1))
    index = f.task_index()
    params = [("unit", units["tckh"].pk), ("status", "overdue"), ("from", "2024-01-01")]
    _, soup = get(client, index.url, params)
    assert len(task_codes(soup)) == 30
    next_link = soup.select_one(".pagination a[rel=next]")["href"]
    assert next_link == f"?unit={units['tckh'].pk}&status=overdue&from=2024-01-01&page=2"
    _, soup = get(client, index.url + next_link)
    assert len(task_codes(soup)) == 5
    assert "P-KHAC" not in task_codes(soup)
    prev_link = soup.select_one(".pagination a[rel=prev]")["href"]
    assert prev_link.endswith("status=overdue&from=2024-01-01&page=1")


def test_unit_links_in_summary_keep_period_and_statuses(client, tracked, units):
    _, soup = get(client, f.task_index().url, {"status": "overdue", "from": "2024-01-01"})
    link = soup.find("a", string="Phòng Giáo dục và Đào tạo")
    assert link["href"] == f"?unit={units['gddt'].pk}&status=overdue&from=2024-01-01"


def count_queries(client, url: str) -> int:
    client.get(url, HTTP_HOST="localhost")  # warm caches (site root paths)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url, HTTP_HOST="localhost").status_code == 200
    return len(ctx.captured_queries)


def make_tasks(n: int, units, directive):
    for i in range(n):
        f.task(
            f"Q-{n}-{i}",
            lead_unit=units["tckh"] if i % 2 else units["gddt"],
            deadline=days(i - n // 2),
            completed_on=days(i - n) if i % 3 == 0 else None,
            source_directive=directive,
            original_deadline=days(i - n // 2 - 5) if i % 4 == 0 else None,
            extension_reason="Gia hạn theo đề nghị của đơn vị" if i % 4 == 0 else "",
        )


def test_query_count_does_not_grow_with_the_number_of_tasks(client, units, django_assert_max_num_queries):
    directive = f.directive("12/TB-UBND")
    index = f.task_index()
    filtered = f"{index.url}?status=overdue&status=due_soon&from=2020-01-01&unit={units['tckh'].pk}"
    make_tasks(3, units, directive)
    few, few_filtered = count_queries(client, index.url), count_queries(client, filtered)
    make_tasks(27, units, directive)  # 30 in all: one full page
    assert count_queries(client, index.url) == few
    assert count_queries(client, filtered) == few_filtered  # + 1: the unit choice is looked up
    # + the header's language switch (2: translations of the page and of the home page, their
    # restrictions), the footer's links to other agencies (1) and the site's root pages in every
    # language (1, Wagtail's localisation)
    with django_assert_max_num_queries(20):
        assert client.get(filtered, HTTP_HOST="localhost").status_code == 200


def test_as_of_a_past_day_shows_the_tasks_assigned_by_then_with_their_status_then(client, tracked):
    """A-DUNGHAN (done 12 days ago, deadline 10 days ago) was still open and due soon 13 days ago; the
    tasks assigned after the day asked about are left out; the day is named on the page."""
    day = days(-13)
    for task in tracked.values():  # all assigned well before, except B-QUAHAN (assigned "tomorrow")
        task.assigned_on = day - timedelta(days=30)
        task.save(update_fields=["assigned_on"])
    late = tracked["B-QUAHAN"]
    late.assigned_on = days(-12)
    late.save(update_fields=["assigned_on"])
    response, soup = get(client, f.task_index().url, {"as_of": day.isoformat()})
    assert response.status_code == 200 and response.context["status_day"] == day
    assert sorted(task_codes(soup)) == sorted(set(tracked) - {"B-QUAHAN"})
    rows = summary(soup)
    assert rows["Phòng Tài chính - Kế hoạch"] == {
        "Đang thực hiện trong hạn": "4",  # A-QUAHAN, A-SAPDEN, A-TRONGHAN, A-DUNGHAN2 (done 3 days ago)
        "Sắp đến hạn": "1",  # A-DUNGHAN: its deadline, 10 days ago, was 3 days ahead then
        "Đang thực hiện quá hạn": "0",
        "Không thời hạn": "0",
        "Hoàn thành đúng hạn": "0",
        "Hoàn thành quá hạn": "1",  # A-TRE: done 15 days ago, 5 days after its deadline
        "Tổng số": "6",
        "Tỷ lệ đúng hạn": f"0{NBSP}%",
    }
    assert list(rows) == ["Phòng Giáo dục và Đào tạo", "Phòng Tài chính - Kế hoạch", "Tổng cộng"]
    assert rows["Phòng Giáo dục và Đào tạo"]["Tổng số"] == "1"  # B-KHONGHAN only
    statuses = {t.code: t.status for t in response.context["tasks"]}
    assert statuses["A-DUNGHAN"] == "due_soon" and statuses["A-TRE"] == "done_late"
    assert statuses["A-QUAHAN"] == "in_progress_on_time"  # deadline 5 days ago: 8 days ahead then
    assert f"tính đến ngày {day:%d/%m/%Y}" in soup.decode()
    # The pages keep the day.
    assert f"as_of={day.isoformat()}" in response.context["filter_query"]


def test_as_of_a_day_to_come_is_refused_with_a_message_and_today_is_shown(client, tracked):
    response, soup = get(client, f.task_index().url, {"as_of": days(5).isoformat()})
    assert response.context["status_day"] == today()
    assert any("chưa đến" in message for message in response.context["filter_errors"])
    assert len(task_codes(soup)) == len(tracked)


def test_an_archive_portal_shows_the_tasks_as_they_stood_on_its_closing_day(client, tracked):
    from wagtail.models import Site

    from home.models import AuthorityProfile

    profile = AuthorityProfile.for_site(Site.objects.get(is_default_site=True))
    profile.closed_on = days(-13)
    profile.save()
    response, soup = get(client, f.task_index().url)
    assert response.context["status_day"] == days(-13)
    assert {t.code: t.status for t in response.context["tasks"]}["A-DUNGHAN"] == "due_soon"
    notice = soup.select_one(".archive-notice")
    assert notice is not None and f"{days(-13):%d/%m/%Y}" in text(notice)
    # A task's own page says the same, and names the day.
    task_page = client.get(tracked["A-DUNGHAN"].url, HTTP_HOST="localhost").content.decode()
    assert "Sắp đến hạn" in task_page and f"(tính đến ngày {days(-13):%d/%m/%Y})" in task_page
    # The reader may still ask for today.
    response, _ = get(client, f.task_index().url, {"as_of": today().isoformat()})
    assert {t.code: t.status for t in response.context["tasks"]}["A-DUNGHAN"] == "done_on_time"


# --- task page ----------------------------------------------------------------------------


def test_task_page_shows_every_field(client, units):
    leader = f.official("Trần Văn Chỉ", "Phó Chủ tịch UBND huyện")
    directive = f.directive("215/TB-UBND", issued_on=date(2024, 3, 5), directing_leader=leader)
    coordinator = f.agency("Phòng Tư pháp", "TP")
    report_file = f.document_file("Báo cáo tháng 3", "bao-cao.pdf")
    task = f.task(
        "NV-2024-014",
        title="Rà soát hồ sơ đất đai tồn đọng",
        details="<p>Rà soát toàn bộ hồ sơ từ năm 2015.</p>",
        source_directive=directive,
        lead_unit=units["tckh"],
        assigned_on=date(2024, 3, 5),
        deadline=days(-4),
        original_deadline=days(-30),
        extension_reason="Khối lượng hồ sơ lớn",
        extended_on=date(2024, 4, 1),
        expected_output="Báo cáo kết quả rà soát",
        manual_state="reopened",
    )
    task.coordinating_units.add(coordinator)
    TaskProgressReport.objects.create(
        task=task, date=date(2024, 3, 31), unit=units["tckh"], percent=40, content="Đã rà soát 400 hồ sơ"
    )
    TaskProgressReport.objects.create(
        task=task, date=date(2024, 4, 30), unit=None, percent=75, content="Đã rà soát 750 hồ sơ", attachment=report_file
    )
    task.save_revision().publish()

    response, soup = get(client, task.url)
    assert response.status_code == 200
    html = text(soup.select_one("main"))
    for expected in [
        "NV-2024-014",
        "Rà soát hồ sơ đất đai tồn đọng",
        "Rà soát toàn bộ hồ sơ từ năm 2015.",
        "Phòng Tài chính - Kế hoạch",
        "Phòng Tư pháp",
        "05/03/2024",
        days(-4).strftime("%d/%m/%Y"),
        days(-30).strftime("%d/%m/%Y"),
        "Khối lượng hồ sơ lớn",
        "01/04/2024",
        "Báo cáo kết quả rà soát",
        "Thực hiện lại",
        "Đã rà soát 400 hồ sơ",
        "Đã rà soát 750 hồ sơ",
    ]:
        assert expected in html, expected
    assert soup.find("a", href=directive.url) is not None
    assert text(soup.select_one(".status-badge")) == "Đang thực hiện quá hạn"
    bars = soup.select("table.progress-reports progress")
    assert [b["value"] for b in bars] == ["40", "75"]
    assert [text(s) for s in soup.select(".percent-text")] == ["40%", "75%"]
    assert soup.find("a", href=report_file.url) is not None


def test_task_page_shows_completion_and_hides_a_draft_directive(client, units):
    draft = f.directive("9/TB-UBND", live=False)
    task = f.task(
        "NV-XONG",
        lead_unit=units["gddt"],
        deadline=date(2024, 5, 1),
        completed_on=date(2024, 4, 20),
        completion_report="<p>Đã hoàn thành và báo cáo UBND huyện.</p>",
        source_directive=draft,
    )
    _, soup = get(client, task.url)
    html = text(soup.select_one("main"))
    assert "Hoàn thành đúng hạn" in html
    assert "20/04/2024" in html
    assert "Đã hoàn thành và báo cáo UBND huyện." in html
    assert "9/TB-UBND" not in html
    assert "Chưa có báo cáo tiến độ." in html


# --- directives ---------------------------------------------------------------------------


def test_directive_index_lists_live_directives(client):
    leader = f.official("Nguyễn Văn Chủ", "Chủ tịch UBND huyện")
    older = f.directive("5/TB-UBND", issued_on=date(2024, 1, 10), summary="Kết luận về công tác thu ngân sách")
    newer = f.directive(
        "20/CT-UBND",
        kind="directive",
        issued_on=date(2024, 6, 1),
        summary="Chỉ thị về phòng chống lụt bão",
        directing_leader=leader,
    )
    f.directive("99/TB-UBND", live=False)
    _, soup = get(client, f.directive_index().url)
    rows = soup.select("table.directives tbody tr")
    assert [text(r.find("th")) for r in rows] == ["20/CT-UBND", "5/TB-UBND"]
    first = text(rows[0])
    for expected in ["01/06/2024", "Chỉ thị", "Chỉ thị về phòng chống lụt bão", "Nguyễn Văn Chủ – Chủ tịch UBND huyện"]:
        assert expected in first
    assert rows[0].find("a")["href"] == newer.url
    assert rows[1].find("a")["href"] == older.url
    assert "99/TB-UBND" not in soup.decode()


def test_directive_page_shows_fields_attachments_and_assigned_tasks(client, units):
    leader = f.official("Nguyễn Văn Chủ", "Chủ tịch UBND huyện", phone="0211 3862 001", email="chutich@huyen.gov.vn")
    field = Field.objects.create(name="Đất đai")
    directive = f.directive(
        "215/TB-UBND",
        issued_on=date(2024, 3, 5),
        summary="Kết luận của đồng chí Chủ tịch UBND huyện tại buổi làm việc với Phòng Tài chính",
        directing_leader=leader,
        meeting_subject="Buổi làm việc với Phòng Tài chính - Kế hoạch",
        meeting_date=date(2024, 3, 1),
        meeting_place="Phòng họp số 1, UBND huyện",
        body="<p>I. Đánh giá chung</p>",
    )
    directive.fields.add(field)
    DirectiveAttachment.objects.create(page=directive, document=f.document_file("Toàn văn", "tb-215.pdf"), title="")
    directive.save_revision().publish()
    late = f.task(
        "NV-1", title="Thu hồi nợ đọng", source_directive=directive, lead_unit=units["tckh"], deadline=days(-2)
    )
    f.task("NV-2", title="Báo cáo quý", source_directive=directive, lead_unit=units["gddt"], deadline=days(20))
    f.task("NV-3", title="Nhiệm vụ nháp", source_directive=directive, lead_unit=units["gddt"], live=False)

    response, soup = get(client, directive.url)
    assert response.status_code == 200
    html = text(soup.select_one("main"))
    for expected in [
        "Thông báo kết luận",
        "215/TB-UBND",
        "05/03/2024",
        "Kết luận của đồng chí Chủ tịch UBND huyện tại buổi làm việc với Phòng Tài chính",
        "Nguyễn Văn Chủ",
        "Chủ tịch UBND huyện",
        "0211 3862 001",
        "chutich@huyen.gov.vn",
        "Buổi làm việc với Phòng Tài chính - Kế hoạch",
        "01/03/2024",
        "Phòng họp số 1, UBND huyện",
        "I. Đánh giá chung",
        "Đất đai",
        "Tải về: Toàn văn",
    ]:
        assert expected in html, expected
    tasks = soup.select("section.assigned-tasks table.tasks tbody tr")
    assert [text(r.find("th")) for r in tasks] == ["NV-1", "NV-2"]  # not the draft
    assert tasks[0].find("a")["href"] == late.url
    assert "is-overdue" in tasks[0]["class"]
    assert [text(b) for b in soup.select("section.assigned-tasks .status-badge")] == [
        "Đang thực hiện quá hạn",
        "Đang thực hiện trong hạn",
    ]


def test_task_page_queries_do_not_grow_with_progress_reports(client, django_assert_max_num_queries):
    from directives.models import TaskProgressReport

    unit = f.agency("Phòng Nội vụ", "NV")
    page = f.task("NV-Q-1", lead_unit=unit)

    def count():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(page.url).status_code == 200
        return len(ctx)

    count()  # warm up: the first request creates the site's settings row
    page.progress_reports = [TaskProgressReport(date=date(2026, 1, 1), percent=10, content="Một", unit=unit)]
    page.save_revision().publish()
    one = count()
    page.progress_reports = [
        TaskProgressReport(date=date(2026, 1, i), percent=10 * i, content=f"Lần {i}", unit=unit) for i in range(1, 8)
    ]
    page.save_revision().publish()
    many = count()
    assert many == one
