"""The work schedule's data outside its pages: ``/api/v3/schedule/``, the ``schedule_entry`` import
record, the activity-report section and the demo seed."""

import json
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.importing import import_lines
from schedule import api
from schedule.models import ScheduleEntry, ScheduleIndexPage, Status

from . import factories as f
from . import schedule_factories as sf

pytestmark = pytest.mark.django_db

TODAY = date(2025, 6, 4)  # 2025-W23: 02/06 – 08/06/2025
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr(api, "local_today", lambda: TODAY)
    return TODAY


def listing(client, **params) -> dict:
    response = client.get("/api/v3/schedule/", params)
    assert response.status_code == 200, response.content
    return json.loads(response.content)


# --- API ----------------------------------------------------------------------------------------------


def test_the_api_lists_this_weeks_published_entries_by_date_and_time(client, today):
    huy, ha = sf.chairman(), sf.vice_chairman()
    unit = f.agency("Văn phòng HĐND và UBND huyện", "VP")
    later = sf.entry(date(2025, 6, 5), "14:00", "16:30", content="Làm việc với UBND xã Tân Tiến", leaders=[ha])
    meeting = sf.entry(
        date(2025, 6, 5),
        "08:00",
        content="Họp UBND huyện thường kỳ tháng 6",
        leaders=[huy, ha],
        place="Phòng họp tầng 2",
        participants="Các đồng chí Ủy viên UBND huyện",
        preparing_unit=unit,
        status=Status.CHANGED,
        change_note="Giờ bắt đầu: 07:30 → 08:00",
        changed_at=datetime(2025, 6, 3, 16, 20, tzinfo=ZONE),
    )
    first = sf.entry(date(2025, 6, 2), "07:30", content="Giao ban lãnh đạo UBND huyện")
    sf.entry(date(2025, 6, 3), content="Chưa công bố", published=False)
    sf.entry(date(2025, 6, 9), content="Tuần sau")
    sf.entry(date(2025, 6, 1), content="Tuần trước")
    data = listing(client)
    assert data["count"] == 3
    assert [item["id"] for item in data["items"]] == [first.pk, meeting.pk, later.pk]
    item = data["items"][1]
    assert item == {
        "id": meeting.pk,
        "uid": str(meeting.uid),
        "date": "2025-06-05",
        "start": "08:00:00",
        "end": None,
        "leaders": [
            {"id": huy.pk, "name": "Nguyễn Quang Huy", "position": "Chủ tịch UBND huyện"},
            {"id": ha.pk, "name": "Trần Thị Thanh Hà", "position": "Phó Chủ tịch UBND huyện"},
        ],
        "content": "Họp UBND huyện thường kỳ tháng 6",
        "place": "Phòng họp tầng 2",
        "participants": "Các đồng chí Ủy viên UBND huyện",
        "preparing_unit": {"id": unit.pk, "name": "Văn phòng HĐND và UBND huyện"},
        "status": "changed",
        "status_label": "Có điều chỉnh",
        "change_note": "Giờ bắt đầu: 07:30 → 08:00",
        "changed_at": "2025-06-03T09:20:00Z",
        "sequence": 0,
        "last_modified": item["last_modified"],
    }
    assert data["items"][2]["end"] == "16:30:00" and data["items"][0]["preparing_unit"] is None


def test_the_api_takes_a_period_a_leader_and_a_status(client, today):
    huy, ha = sf.chairman(), sf.vice_chairman()
    a = sf.entry(date(2025, 5, 5), content="Tiếp công dân", leaders=[huy])
    b = sf.entry(date(2025, 5, 20), content="Kiểm tra đê", leaders=[ha], status=Status.CANCELLED)
    c = sf.entry(date(2025, 5, 21), content="Hội nghị", leaders=[huy, ha])

    def ids(**params):
        return [item["id"] for item in listing(client, **params)["items"]]

    assert ids(date_from="2025-05-01", date_to="2025-05-31") == [a.pk, b.pk, c.pk]
    assert ids(date_from="2025-05-01", date_to="2025-05-31", leader=ha.pk) == [b.pk, c.pk]
    assert ids(date_from="2025-05-01", date_to="2025-05-31", status="cancelled") == [b.pk]
    assert ids(date_from="2025-05-15") == [b.pk, c.pk]  # seven days from date_from: 15/05 – 21/05
    assert ids(date_to="2025-05-11") == [a.pk]  # seven days up to date_to: 05/05 – 11/05
    assert ids(date_from="2025-03-01", date_to="2025-05-31") == [a.pk, b.pk, c.pk]  # 92 days: the most


@pytest.mark.parametrize(
    "params, named",
    [
        ({"date_from": "2025-01-01", "date_to": "2025-06-30"}, "date_to: Value error, the period from 'date_from'"),
        ({"date_from": "2025-03-01", "date_to": "2025-06-01"}, "at most 92 days"),  # 93 days
        ({"date_from": "2025-06-10", "date_to": "2025-06-01"}, "date_to: Value error, must not be before 'date_from'"),
        ({"date_from": "04/06/2025"}, "date_from:"),
        ({"leader": "abc"}, "leader:"),
        ({"leader": "0"}, "leader:"),
        ({"status": "hoan"}, "status:"),
    ],
)
def test_bad_parameters_are_a_400_naming_the_field(client, today, params, named):
    response = client.get("/api/v3/schedule/", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert named in response.json()["detail"]


def test_extreme_dates_do_not_break_the_period(client, today):
    assert listing(client, date_from="9999-12-30")["count"] == 0
    assert listing(client, date_to="0001-01-02")["count"] == 0


def test_the_api_reads_a_fixed_number_of_queries(client, today, django_assert_num_queries):
    leaders = [sf.chairman(), sf.vice_chairman()]
    sf.entry(TODAY, leaders=leaders[:1], preparing_unit=f.agency("Phòng Nội vụ", ""))
    client.get("/api/v3/schedule/")  # warm caches
    with CaptureQueriesContext(connection) as one:
        assert listing(client)["count"] == 1
    for i in range(15):
        sf.entry(TODAY, time(7, i), leaders=leaders, preparing_unit=f.agency(f"Đơn vị {i}", ""))
    with django_assert_num_queries(len(one.captured_queries)):
        assert len(listing(client, limit=50)["items"]) == 16
    assert len(one.captured_queries) == 3  # count, entries with their unit, leaders


# --- import -------------------------------------------------------------------------------------------


def record(**fields) -> str:
    values = {
        "type": "schedule_entry",
        "key": "2025-06-05-hop-ubnd",
        "date": "2025-06-05",
        "start": "08:00",
        "end": "11:30",
        "content": "Họp UBND huyện thường kỳ tháng 6",
        "leaders": [{"name": "Nguyễn Quang Huy", "position": "Chủ tịch UBND huyện"}, "Trần Thị Thanh Hà"],
        "place": "Phòng họp tầng 2",
        "participants": "Các đồng chí Ủy viên UBND huyện",
        "preparing_unit": "Văn phòng HĐND và UBND huyện",
    }
    values.update(fields)
    return json.dumps({k: v for k, v in values.items() if v is not None}, ensure_ascii=False)


def test_a_good_line_creates_an_entry_and_a_second_run_changes_nothing():
    ha = sf.vice_chairman()
    report = import_lines([record()])
    assert (report.created, report.errors) == (1, [])
    item = ScheduleEntry.objects.get()
    assert (item.date, item.start, item.end) == (date(2025, 6, 5), time(8), time(11, 30))
    assert [o.name for o in item.leaders.order_by("name")] == ["Nguyễn Quang Huy", "Trần Thị Thanh Hà"]
    assert ha in item.leaders.all()  # a name alone is the one leader of that name
    assert item.preparing_unit.name == "Văn phòng HĐND và UBND huyện"
    assert item.published and item.status == Status.SCHEDULED and item.sequence == 0
    assert ScheduleIndexPage.objects.get().slug == "lich-cong-tac"  # the section comes with the first entry
    again = import_lines([record()])
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)


def test_a_moved_entry_is_marked_changed_by_the_import_and_stays_so():
    import_lines([record()])
    moved = record(start="14:00", end="16:30", place="Hội trường UBND huyện")
    report = import_lines([moved])
    assert report.updated == 1
    item = ScheduleEntry.objects.get()
    assert item.status == Status.CHANGED and item.sequence == 1 and item.changed_at is not None
    assert item.change_note == (
        "Giờ bắt đầu: 08:00 → 14:00; Giờ kết thúc: 11:30 → 16:30; Địa điểm: Phòng họp tầng 2 → Hội trường UBND huyện"
    )
    assert import_lines([moved]).unchanged == 1  # idempotent after the move
    assert import_lines([record(start="14:00", end="16:30", place="Hội trường UBND huyện", status="scheduled")]).ok
    assert ScheduleEntry.objects.get().status == Status.CHANGED  # a change once announced stays announced


def test_without_a_key_the_natural_key_is_date_start_and_content():
    line = record(key=None)
    import_lines([line, line])
    assert ScheduleEntry.objects.count() == 1
    import_lines([record(key=None, start="09:00")])
    assert ScheduleEntry.objects.count() == 2


def test_an_entry_imported_changed_or_cancelled_keeps_its_note_and_moment():
    line = record(
        status="cancelled", change_note="Hoãn do đồng chí Chủ tịch dự họp tại tỉnh", changed_at="2025-06-04T16:30"
    )
    assert import_lines([line]).created == 1
    item = ScheduleEntry.objects.get()
    assert item.status == Status.CANCELLED and item.change_note == "Hoãn do đồng chí Chủ tịch dự họp tại tỉnh"
    assert item.changed_at == datetime(2025, 6, 4, 16, 30, tzinfo=ZONE)
    assert import_lines([line]).unchanged == 1


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"start": "8 giờ"}, "'start' must be a time HH:MM (24 hours), got \"8 giờ\""),
        ({"end": "07:00"}, "'end' (07:00) must be after 'start' (08:00)"),
        ({"date": "05/06/2025"}, "'date' must be a date YYYY-MM-DD"),
        ({"status": "postponed"}, "'status' must be one of scheduled, changed, cancelled"),
        ({"leaders": [{"name": "A", "phone": "1"}]}, "'leaders' item 1: only 'name' and 'position'"),
        ({"leaders": [3]}, "'leaders' item 1 must be a name or an object"),
        ({"content": ""}, "missing required key(s): content"),
        ({"changed_at": "2025-06-04T16:30"}, "'changed_at' is given for an entry whose 'status' is not changed"),
        ({"changed_at": "hôm qua", "status": "changed"}, "'changed_at' must be a local date and time"),
        ({"room": "P2"}, "unknown key(s): room"),
    ],
)
def test_a_bad_line_is_reported_with_its_number_and_the_others_go_on(fields, message):
    report = import_lines([record(key="tot"), record(key="xau", **fields)])
    assert report.created == 1
    assert report.errors == [(2, message)] or (report.errors[0][0] == 2 and message in report.errors[0][1])


def test_the_import_command_reports_file_and_line(tmp_path):
    from io import StringIO

    from django.core.management import call_command
    from django.core.management.base import CommandError

    path = tmp_path / "lich.jsonl"
    path.write_text(record() + "\n" + record(key="b", start="25:00") + "\n", encoding="utf-8")
    err = StringIO()
    with pytest.raises((SystemExit, CommandError)):
        call_command("import_content", str(path), stderr=err, stdout=StringIO())
    assert f"{path}:2: 'start' must be a time HH:MM" in err.getvalue()
    assert ScheduleEntry.objects.count() == 1


# --- report section ---------------------------------------------------------------------------------


def test_the_report_counts_entries_per_leader_in_one_query(django_assert_num_queries):
    from schedule.reporting import schedule_section

    huy, ha = sf.chairman(), sf.vice_chairman()
    sf.entry(date(2025, 6, 2), leaders=[huy, ha])
    sf.entry(date(2025, 6, 3), leaders=[huy], status=Status.CHANGED)
    sf.entry(date(2025, 6, 4), leaders=[ha], status=Status.CANCELLED)
    sf.entry(date(2025, 6, 5))
    sf.entry(date(2025, 6, 6), leaders=[huy], published=False)
    sf.entry(date(2025, 7, 1), leaders=[huy])
    with django_assert_num_queries(1):
        section = schedule_section(date(2025, 6, 1), date(2025, 6, 30), date(2025, 6, 30))
    assert dict(section.summary) == {"Lịch công tác đã công bố": 4, "Lịch có điều chỉnh": 1, "Lịch hủy, hoãn": 1}
    assert section.table("Lịch công tác theo lãnh đạo").rows == [
        ["Nguyễn Quang Huy – Chủ tịch UBND huyện", 2, 1, 0],
        ["Trần Thị Thanh Hà – Phó Chủ tịch UBND huyện", 2, 0, 1],
        ["(không ghi lãnh đạo)", 1, 0, 0],
    ]


# --- demo ---------------------------------------------------------------------------------------------


def test_the_demo_seed_is_realistic_dated_before_july_2025_and_idempotent():
    from schedule.demo import seed_schedule

    first = seed_schedule(date(2026, 12, 7))
    assert first["created"] >= 20
    entries = ScheduleEntry.objects.all()
    assert all(date(2025, 1, 1) <= e.date < date(2025, 7, 1) for e in entries)
    assert entries.filter(status=Status.CHANGED).exclude(change_note="").exists()
    assert entries.filter(status=Status.CANCELLED).exists()
    assert entries.filter(leaders__position="Chủ tịch UBND huyện").exists()
    assert entries.filter(leaders__position="Phó Chủ tịch UBND huyện").exists()
    assert all(e.published for e in entries)
    index = ScheduleIndexPage.objects.get()
    assert index.intro and index.url == "/lich-cong-tac/"
    counts = {(e.pk, e.sequence, e.updated_at) for e in entries}
    second = seed_schedule(date(2026, 12, 8))
    assert "created" not in second and "updated" not in second
    assert {(e.pk, e.sequence, e.updated_at) for e in ScheduleEntry.objects.all()} == counts
    assert index.get_latest_revision().pk == ScheduleIndexPage.objects.get().get_latest_revision().pk


def test_the_app_registered_its_record_type_router_feeds_and_report_section():
    from django.urls import reverse

    from portal.api.registry import routers
    from portal.importing import handlers
    from portal.reporting import report_sections
    from schedule.importing import import_schedule_entry

    assert handlers()["schedule_entry"] is import_schedule_entry
    assert "/schedule/" in {prefix for prefix, _router in routers()}
    assert "schedule" in [section.key for section in report_sections()]
    assert reverse("schedule-calendar", args=["lich-cong-tac"]) == "/lich-cong-tac/lich.ics"
    assert reverse("schedule-leader-calendar", args=["lich-cong-tac", 7]) == "/lich-cong-tac/lanh-dao/7/lich.ics"


def test_the_section_page_gives_its_default_week_to_a_headless_front_end(client):
    index = sf.schedule_index(default_week=date(2025, 6, 4))
    detail = client.get(f"/api/v3/pages/{index.pk}/").json()
    assert detail["default_week"] == "2025-06-04" and detail["meta"]["type"] == "schedule.ScheduleIndexPage"
