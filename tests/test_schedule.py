"""The leaders' work schedule (schedule/): ISO weeks, the change marking, the week view and the
iCalendar feeds."""

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from schedule import views
from schedule.changes import record_edit, snapshot
from schedule.entries import group_by_day, nearest_weeks
from schedule.models import ScheduleEntry, Status
from schedule.weeks import BadWeek, Week, week_window

from . import factories as f
from . import schedule_factories as sf

TODAY = date(2025, 6, 4)  # a Wednesday of 2025-W23 (02/06 – 08/06/2025)
ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def today(monkeypatch):
    monkeypatch.setattr(views, "local_today", lambda: TODAY)
    return TODAY


# --- weeks ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day, week, monday, sunday",
    [
        (date(2025, 6, 4), Week(2025, 23), date(2025, 6, 2), date(2025, 6, 8)),
        (date(2024, 12, 30), Week(2025, 1), date(2024, 12, 30), date(2025, 1, 5)),  # ISO year ahead
        (date(2021, 1, 3), Week(2020, 53), date(2020, 12, 28), date(2021, 1, 3)),  # ISO year behind
        (date(2024, 1, 1), Week(2024, 1), date(2024, 1, 1), date(2024, 1, 7)),
        (date(2026, 12, 31), Week(2026, 53), date(2026, 12, 28), date(2027, 1, 3)),
    ],
)
def test_the_week_of_a_day_across_year_boundaries(day, week, monday, sunday):
    assert Week.of(day) == week
    assert (week.monday, week.sunday) == (monday, sunday)
    assert day in week and monday - timedelta(days=1) not in week
    assert week.days[0].weekday() == 0 and len(week.days) == 7


def test_previous_and_next_weeks_cross_years():
    assert Week(2025, 1).previous == Week(2024, 52)
    assert Week(2020, 53).next == Week(2021, 1)
    assert Week(2021, 1).previous == Week(2020, 53)
    assert Week(2026, 52).next == Week(2026, 53)
    assert Week(2025, 14).shifted(-14) == Week(2024, 52)
    assert week_window(TODAY, 8, 8) == (date(2025, 4, 7), date(2025, 8, 3))


@pytest.mark.parametrize("text", ["2025-W14", "2025W14", "2025-w14", " 2025-W14 "])
def test_a_week_is_read_in_iso_form(text):
    week = Week.parse(text)
    assert week == Week(2025, 14) and str(week) == "2025-W14"
    assert week.label == "Tuần 14 năm 2025 (từ 31/03/2025 đến 06/04/2025)"


@pytest.mark.parametrize(
    "text, reason",
    [
        ("2025-W53", "không có tuần 53"),  # 2025 has 52 weeks
        ("2025-W00", "không có tuần 0"),
        ("tuần 14", "không đúng dạng"),
        ("2025-14", "không đúng dạng"),
        ("", "không đúng dạng"),
        ("1800-W01", "ngoài phạm vi"),
    ],
)
def test_a_bad_week_says_why_in_vietnamese(text, reason):
    with pytest.raises(BadWeek, match=reason):
        Week.parse(text)
    assert Week.parse("2020-W53") == Week(2020, 53)  # 2020 has 53


# --- change marking ---------------------------------------------------------------------------------


def _entry(**fields) -> ScheduleEntry:
    values = {
        "date": date(2025, 6, 5),
        "start": time(8),
        "content": "Họp UBND huyện thường kỳ tháng 6",
        "place": "Phòng họp tầng 2",
        "published": True,
    }
    return ScheduleEntry(**{**values, **fields})


NOW = datetime(2025, 6, 4, 16, 30, tzinfo=ZONE)


def test_moving_a_published_entry_marks_it_changed_with_what_moved():
    item = _entry()
    before = snapshot(item)
    item.start, item.end, item.place = time(14), time(16, 30), "Hội trường UBND huyện"
    moves = record_edit(before, item, NOW)
    assert item.status == Status.CHANGED and item.changed_at == NOW and item.sequence == 1
    assert moves == [
        "Giờ bắt đầu: 08:00 → 14:00",
        "Giờ kết thúc: (không ghi) → 16:30",
        "Địa điểm: Phòng họp tầng 2 → Hội trường UBND huyện",
    ]
    assert item.change_note == "; ".join(moves)
    # a second move adds to the note, the sequence goes on
    before = snapshot(item)
    item.date = date(2025, 6, 6)
    record_edit(before, item, NOW + timedelta(hours=1))
    assert item.change_note.endswith("; Ngày: 05/06/2025 → 06/06/2025") and item.sequence == 2
    assert item.changed_at == NOW + timedelta(hours=1)


def test_a_note_the_editor_wrote_is_kept():
    item = _entry()
    before = snapshot(item)
    item.start, item.change_note = time(9), "Lùi giờ do đồng chí Chủ tịch dự họp trực tuyến với tỉnh."
    record_edit(before, item, NOW, note_written=True)
    assert (
        item.status == Status.CHANGED and item.change_note == "Lùi giờ do đồng chí Chủ tịch dự họp trực tuyến với tỉnh."
    )


def test_an_unpublished_entry_moves_without_a_mark_but_its_sequence_rises():
    item = _entry(published=False)
    before = snapshot(item)
    item.start = time(10)
    assert record_edit(before, item, NOW) == []
    assert item.status == Status.SCHEDULED and item.change_note == "" and item.changed_at is None
    assert item.sequence == 1


def test_a_cancelled_entry_stays_cancelled_and_a_content_edit_is_no_move():
    item = _entry()
    before = snapshot(item)
    item.status = Status.CANCELLED
    record_edit(before, item, NOW)
    assert item.status == Status.CANCELLED and item.changed_at == NOW and item.sequence == 1
    before = snapshot(item)
    item.place = "Trụ sở UBND xã Tân Tiến"
    record_edit(before, item, NOW)
    assert item.status == Status.CANCELLED and "Địa điểm" in item.change_note
    other = _entry()
    before = snapshot(other)
    other.content = "Họp UBND huyện thường kỳ tháng 6 (mở rộng)"
    assert record_edit(before, other, NOW) == [] and other.status == Status.SCHEDULED and other.sequence == 1
    assert record_edit(None, _entry(), NOW) == []  # a new entry: nothing to mark


@pytest.mark.django_db
def test_end_must_be_after_start():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        _entry(end=time(7, 30)).full_clean()
    assert caught.value.message_dict["end"] == ["Giờ kết thúc phải sau giờ bắt đầu."]
    _entry(end=time(11)).full_clean()


# --- the week view ----------------------------------------------------------------------------------


def test_days_are_grouped_weekdays_always_weekend_only_when_busy():
    week = Week(2025, 23)
    saturday = _entry(date=date(2025, 6, 7))
    monday = _entry(date=date(2025, 6, 2))
    days = group_by_day([monday, saturday], week)
    assert [d.date.day for d in days] == [2, 3, 4, 5, 6, 7]
    assert days[0].entries == [monday] and days[-1].entries == [saturday]
    assert days[0].label == "Thứ Hai, 02/06/2025" and days[-1].label == "Thứ Bảy, 07/06/2025"


@pytest.mark.django_db
def test_the_week_view_shows_this_week_grouped_by_day_and_time(client, today):
    index = sf.schedule_index()
    huy, ha = sf.chairman(), sf.vice_chairman()
    unit = f.agency("Văn phòng HĐND và UBND huyện", "VP")
    sf.entry(
        date(2025, 6, 5),
        "14:00",
        "16:30",
        content="Làm việc với UBND xã Tân Tiến về tiến độ xây dựng nông thôn mới nâng cao",
        leaders=[ha],
        place="Trụ sở UBND xã Tân Tiến",
    )
    sf.entry(
        date(2025, 6, 5),
        "08:00",
        content="Họp UBND huyện thường kỳ tháng 6",
        leaders=[huy, ha],
        place="Phòng họp tầng 2",
        participants="Các đồng chí Ủy viên UBND huyện; Chánh Văn phòng HĐND và UBND huyện",
        preparing_unit=unit,
    )
    sf.entry(date(2025, 6, 9), content="Lịch tuần sau")
    sf.entry(date(2025, 6, 3), content="Lịch chưa công bố", published=False)
    response = client.get(index.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tuần 23 năm 2025 (từ 02/06/2025 đến 08/06/2025)" in html
    assert "không phải tuần hiện tại" not in html
    thursday = html[html.index("Thứ Năm, 05/06/2025") :]
    assert thursday.index("08:00") < thursday.index("Họp UBND huyện thường kỳ") < thursday.index("14:00 – 16:30")
    assert "Nguyễn Quang Huy (Chủ tịch UBND huyện); Trần Thị Thanh Hà (Phó Chủ tịch UBND huyện)" in html
    assert "Văn phòng HĐND và UBND huyện" in html and "Chánh Văn phòng HĐND và UBND huyện" in html
    assert "Lịch tuần sau" not in html and "Lịch chưa công bố" not in html
    assert "Thứ Bảy" not in html  # an empty weekend is not drawn
    assert "?tuan=2025-W22" in html and "?tuan=2025-W24" in html  # previous and next week
    assert 'href="/lich-cong-tac/lich.ics"' in html


@pytest.mark.django_db
def test_a_chosen_week_and_a_leader_filter(client, today):
    index = sf.schedule_index()
    huy, ha = sf.chairman(), sf.vice_chairman()
    sf.entry(date(2025, 3, 31), content="Tiếp công dân định kỳ tháng 4", leaders=[huy])
    sf.entry(date(2025, 4, 1), content="Kiểm tra công tác phòng cháy, chữa cháy tại thị trấn Thổ Tang", leaders=[ha])
    html = client.get(index.url, {"tuan": "2025-W14"}).content.decode()
    assert "Tuần 14 năm 2025 (từ 31/03/2025 đến 06/04/2025)" in html
    assert "Tiếp công dân" in html and "Thổ Tang" in html
    assert "không phải tuần hiện tại" in html and "?tuan=2025-W23" in html  # honest: says so, links to now
    html = client.get(index.url, {"tuan": "2025-W14", "lanh_dao": ha.pk}).content.decode()
    assert "Thổ Tang" in html and "Tiếp công dân" not in html
    assert f"tuan=2025-W15&amp;lanh_dao={ha.pk}" in html  # the next week keeps the leader
    assert f"/lich-cong-tac/lanh-dao/{ha.pk}/lich.ics" in html
    assert f'<option value="{ha.pk}" selected>' in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params, status, message",
    [
        ({"tuan": "2025-W60"}, 400, "Tham số tuần (tuan): Năm 2025 không có tuần 60"),
        ({"tuan": "tuan-nay"}, 400, "Tham số tuần (tuan): Tuần “tuan-nay” không đúng dạng"),
        ({"lanh_dao": "abc"}, 400, "Tham số lãnh đạo (lanh_dao) phải là mã số"),
        ({"lanh_dao": "²"}, 400, "Tham số lãnh đạo (lanh_dao) phải là mã số"),  # a digit to isdigit(), not to int()
        ({"lanh_dao": "99999"}, 404, "Không có lãnh đạo mã số 99999 (tham số lanh_dao)"),
    ],
)
def test_bad_parameters_are_answered_with_a_vietnamese_message(client, today, params, status, message):
    index = sf.schedule_index()
    response = client.get(index.url, params)
    assert response.status_code == status
    html = response.content.decode()
    assert message in html
    assert 'href="/lich-cong-tac/?tuan=2025-W23">Xem lịch công tác tuần hiện tại' in html


@pytest.mark.django_db
def test_changed_and_cancelled_entries_are_marked(client, today):
    index = sf.schedule_index()
    sf.entry(
        TODAY,
        "14:00",
        content="Kiểm tra tiến độ giải phóng mặt bằng đường trục trung tâm huyện",
        status=Status.CHANGED,
        change_note="Giờ bắt đầu: 08:00 → 14:00",
        changed_at=datetime(2025, 6, 3, 16, 20, tzinfo=ZONE),
    )
    sf.entry(TODAY, "09:00", content="Dự lễ khởi công nhà văn hóa thôn", status=Status.CANCELLED, change_note="Hoãn")
    html = client.get(index.url).content.decode()
    assert "schedule-entry-changed" in html and "schedule-entry-cancelled" in html
    assert ">Có điều chỉnh</span>" in html and ">Hủy / hoãn</span>" in html
    assert "<strong>Điều chỉnh:</strong> Giờ bắt đầu: 08:00 → 14:00" in html
    assert "cập nhật lúc 16:20 03/06/2025" in html


@pytest.mark.django_db
def test_an_empty_week_links_to_the_nearest_weeks_with_entries(client, today):
    index = sf.schedule_index()
    sf.entry(date(2025, 5, 14), content="Dự Lễ kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh")
    sf.entry(date(2025, 5, 20), content="Hội nghị sơ kết")
    sf.entry(date(2025, 7, 1), content="Sau")
    sf.entry(date(2025, 5, 28), content="Chưa công bố", published=False)
    html = client.get(index.url).content.decode()
    assert "Chưa có lịch công tác nào được công bố trong tuần này." in html
    assert "Tuần gần nhất có lịch:" in html and "?tuan=2025-W21" in html and "tuần 21/2025 (19/05 – 25/05/2025)" in html
    assert "Tuần tiếp theo có lịch:" in html and "?tuan=2025-W27" in html
    assert nearest_weeks(Week(2025, 23)) == (Week(2025, 21), Week(2025, 27))
    assert nearest_weeks(Week(2025, 30)) == (Week(2025, 27), None)


@pytest.mark.django_db
def test_the_editors_default_week_is_shown_and_named(client, today):
    index = sf.schedule_index(default_week=date(2025, 5, 14))
    sf.entry(date(2025, 5, 14), content="Dự Lễ kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh")
    html = client.get(index.url).content.decode()
    assert "Tuần 20 năm 2025 (từ 12/05/2025 đến 18/05/2025)" in html
    assert "Ngày sinh Chủ tịch Hồ Chí Minh" in html
    assert "Đang xem lịch tuần 20/2025 (12/05 – 18/05/2025), không phải tuần hiện tại." in html
    assert "Tuần hiện tại là tuần 23/2025 (02/06 – 08/06/2025)." in html
    assert "?tuan=2025-W23" in html
    assert "Tuần 23 năm 2025" in client.get(index.url, {"tuan": "2025-W23"}).content.decode()


@pytest.mark.django_db
def test_an_archive_portal_opens_on_the_week_of_its_last_day(client, today):
    """The authority closed on 30/05/2025 (a Friday of week 22); today is in week 23."""
    from wagtail.models import Site

    from home.models import AuthorityProfile

    index = sf.schedule_index()
    sf.entry(date(2025, 5, 29), content="Họp bàn giao hồ sơ, tài liệu")
    profile = AuthorityProfile.for_site(Site.objects.get(is_default_site=True))
    profile.closed_on = date(2025, 5, 30)
    profile.save()
    html = client.get(index.url).content.decode()
    assert "Tuần 22 năm 2025" in html and "Họp bàn giao hồ sơ, tài liệu" in html
    assert "Tuần hiện tại là tuần 23/2025 (02/06 – 08/06/2025)." in html
    # An editor's default week still wins.
    index.default_week = date(2025, 5, 14)
    index.save_revision().publish()
    assert "Tuần 20 năm 2025" in client.get(index.url).content.decode()


@pytest.mark.django_db
def test_the_week_view_reads_the_same_queries_for_one_entry_or_many(client, today):
    index = sf.schedule_index()
    leaders = [sf.chairman(), sf.vice_chairman()]
    unit = f.agency("Phòng Nội vụ", "")
    sf.entry(TODAY, leaders=leaders[:1], preparing_unit=unit)
    client.get(index.url)  # warm caches (site, content types)
    with CaptureQueriesContext(connection) as one:
        assert client.get(index.url).status_code == 200
    for i in range(12):
        sf.entry(
            TODAY + timedelta(days=i % 4 - 2),
            time(7 + i % 10),
            leaders=leaders,
            preparing_unit=f.agency(f"Đơn vị {i}", ""),
        )
    with CaptureQueriesContext(connection) as many:
        html = client.get(index.url).content.decode()
    assert html.count('class="schedule-entry ') == 13
    assert len(many.captured_queries) == len(one.captured_queries), [q["sql"][:90] for q in many.captured_queries]


@pytest.mark.django_db
def test_the_page_is_a_phone_page_printable_and_labelled(client, today):
    index = sf.schedule_index()
    sf.entry(TODAY, content="Họp")
    html = client.get(index.url).content.decode()
    assert '<label for="schedule-week">' in html and '<label for="schedule-leader">' in html
    assert "<table" not in html  # cards per day, no wide table
    assert html.index("<h1") < html.index("<h2") < html.index("<h3")
    assert 'class="schedule-weeks no-print"' in html  # navigation not printed
    css = (f.__file__.rsplit("/tests/", 1)[0] + "/cms/static/css/cms.css").strip()
    with open(css, encoding="utf-8") as stylesheet:
        text = stylesheet.read()
    end = "==== end of schedule/ ==== */"
    ours = text[text.index("==== schedule/") : text.index(end) + len(end)]
    assert "@media print" in ours


# --- iCalendar --------------------------------------------------------------------------------------


def _calendar(response) -> icalendar.Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


@pytest.mark.django_db
def test_the_whole_calendar_parses_with_stable_uids_and_the_right_fields(client, today):
    index = sf.schedule_index()
    huy, ha = sf.chairman(), sf.vice_chairman()
    unit = f.agency("Phòng Tài nguyên và Môi trường", "")
    meeting = sf.entry(
        date(2025, 6, 5),
        "08:00",
        "11:30",
        content="Họp UBND huyện thường kỳ tháng 6",
        leaders=[huy, ha],
        place="Phòng họp tầng 2, trụ sở HĐND - UBND huyện",
        participants="Các đồng chí Ủy viên UBND huyện",
        preparing_unit=unit,
    )
    cancelled = sf.entry(
        date(2025, 6, 6), "09:00", content="Dự lễ khởi công nhà văn hóa thôn Đông", status=Status.CANCELLED
    )
    sf.entry(date(2025, 6, 6), content="Chưa công bố", published=False)
    sf.entry(date(2025, 3, 3), content="Quá xa, ngoài cửa sổ 8 tuần")
    sf.entry(date(2025, 8, 4), content="Quá xa, sau cửa sổ 8 tuần")
    sf.entry(date(2025, 4, 7), content="Đầu cửa sổ")

    response = client.get(index.url + "lich.ics")
    document = _calendar(response)
    assert document["VERSION"] == "2.0" and document["PRODID"]
    assert "Lịch công tác" in str(document["X-WR-CALNAME"])
    assert [tz["TZID"] for tz in document.walk("VTIMEZONE")] == ["Asia/Ho_Chi_Minh"]
    assert b"REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n" in response.content
    assert b"X-PUBLISHED-TTL:PT1H\r\n" in response.content
    events = {str(e["UID"]): e for e in document.walk("VEVENT")}
    assert set(events) == {
        str(meeting.uid),
        str(cancelled.uid),
        str(ScheduleEntry.objects.get(content="Đầu cửa sổ").uid),
    }
    event = events[str(meeting.uid)]
    assert event.decoded("DTSTART") == datetime(2025, 6, 5, 8, 0, tzinfo=ZONE)
    assert event["DTSTART"].params["TZID"] == "Asia/Ho_Chi_Minh"
    assert event.decoded("DTEND") == datetime(2025, 6, 5, 11, 30, tzinfo=ZONE)
    assert str(event["SUMMARY"]) == "Họp UBND huyện thường kỳ tháng 6"
    assert str(event["LOCATION"]) == "Phòng họp tầng 2, trụ sở HĐND - UBND huyện"
    description = str(event["DESCRIPTION"])
    assert (
        "Lãnh đạo: Nguyễn Quang Huy (Chủ tịch UBND huyện); Trần Thị Thanh Hà (Phó Chủ tịch UBND huyện)" in description
    )
    assert "Đơn vị chuẩn bị: Phòng Tài nguyên và Môi trường" in description
    assert event["STATUS"] == "CONFIRMED" and event["SEQUENCE"] == 0
    assert event.decoded("DTSTAMP") == event.decoded("LAST-MODIFIED") == meeting.updated_at.replace(microsecond=0)
    assert "?tuan=2025-W23" in str(event["URL"])
    gone = events[str(cancelled.uid)]
    assert gone["STATUS"] == "CANCELLED" and str(gone["SUMMARY"]).startswith("[Hủy / hoãn]")
    assert "DTEND" not in gone  # no end time known: none invented


@pytest.mark.django_db
def test_a_moved_entry_keeps_its_uid_and_raises_sequence_and_last_modified(client, today):
    index = sf.schedule_index()
    meeting = sf.entry(date(2025, 6, 5), "08:00", content="Họp UBND huyện thường kỳ tháng 6", place="Phòng họp tầng 2")
    first = next(iter(_calendar(client.get(index.url + "lich.ics")).walk("VEVENT")))
    before = snapshot(meeting)
    meeting.start = time(14)
    record_edit(before, meeting, timezone.now())
    ScheduleEntry.objects.filter(pk=meeting.pk).update(updated_at=meeting.updated_at + timedelta(minutes=5))
    meeting.save(update_fields=["start", "status", "change_note", "changed_at", "sequence"])
    meeting.refresh_from_db()
    again = next(iter(_calendar(client.get(index.url + "lich.ics")).walk("VEVENT")))
    assert again["UID"] == first["UID"]
    assert again["SEQUENCE"] == 1 > first["SEQUENCE"]
    assert again.decoded("LAST-MODIFIED") > first.decoded("LAST-MODIFIED")
    assert again.decoded("DTSTART") == datetime(2025, 6, 5, 14, 0, tzinfo=ZONE)
    assert "Điều chỉnh: Giờ bắt đầu: 08:00 → 14:00" in str(again["DESCRIPTION"])


@pytest.mark.django_db
def test_a_leaders_calendar_holds_only_that_leaders_entries(client, today):
    index = sf.schedule_index()
    huy, ha = sf.chairman(), sf.vice_chairman()
    own = sf.entry(TODAY, content="Tiếp công dân định kỳ", leaders=[huy])
    shared = sf.entry(TODAY, "14:00", content="Họp UBND huyện", leaders=[huy, ha])
    sf.entry(TODAY, "09:00", content="Kiểm tra đê", leaders=[ha])
    path = index.url + f"lanh-dao/{huy.pk}/lich.ics"
    assert path == views.calendar_url(index, huy) == reverse("schedule-leader-calendar", args=["lich-cong-tac", huy.pk])
    document = _calendar(client.get(path))
    assert {str(e["UID"]) for e in document.walk("VEVENT")} == {str(own.uid), str(shared.uid)}
    assert "Nguyễn Quang Huy" in str(document["X-WR-CALNAME"])
    by_query = _calendar(client.get(index.url + "lich.ics", {"lanh_dao": huy.pk}))
    assert {str(e["UID"]) for e in by_query.walk("VEVENT")} == {str(own.uid), str(shared.uid)}
    assert client.get(index.url + "lanh-dao/99999/lich.ics").status_code == 404
    assert client.get("/tin-tuc/lich.ics").status_code == 404  # not the schedule section
    assert client.get(index.url + "lich.ics", {"lanh_dao": "x"}).status_code == 400


@pytest.mark.django_db
def test_the_calendar_reads_the_same_queries_for_one_entry_or_many(client, today):
    index = sf.schedule_index()
    leaders = [sf.chairman(), sf.vice_chairman()]
    sf.entry(TODAY, leaders=leaders[:1])
    url = index.url + "lich.ics"
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for i in range(10):
        sf.entry(TODAY + timedelta(days=i), leaders=leaders, preparing_unit=f.agency(f"Đơn vị {i}", ""))
    with CaptureQueriesContext(connection) as many:
        assert len(_calendar(client.get(url)).walk("VEVENT")) == 11
    assert len(many.captured_queries) == len(one.captured_queries)


# --- the admin --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_editor_moving_a_published_entry_in_the_admin_marks_it_changed(admin_client):
    huy = sf.chairman()
    meeting = sf.entry(
        date(2025, 6, 5), "08:00", content="Họp UBND huyện thường kỳ tháng 6", place="Phòng họp tầng 2", leaders=[huy]
    )
    url = reverse("wagtailsnippets_schedule_scheduleentry:edit", args=[meeting.pk])
    assert admin_client.get(url).status_code == 200
    data = {
        "date": "05/06/2025",
        "start": "14:00",
        "end": "",
        "leaders": [huy.pk],
        "content": "Họp UBND huyện thường kỳ tháng 6",
        "place": "Hội trường UBND huyện",
        "preparing_unit": "",
        "participants": "",
        "status": "scheduled",
        "change_note": "",
        "published": "on",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    meeting.refresh_from_db()
    assert meeting.status == Status.CHANGED and meeting.sequence == 1 and meeting.changed_at is not None
    assert meeting.change_note == "Giờ bắt đầu: 08:00 → 14:00; Địa điểm: Phòng họp tầng 2 → Hội trường UBND huyện"
    # an end before the start is refused, naming the field
    response = admin_client.post(url, {**data, "end": "13:00"})
    assert response.status_code == 200 and "Giờ kết thúc phải sau giờ bắt đầu." in response.content.decode()
    # the listing filters by week and leader
    listing = reverse("wagtailsnippets_schedule_scheduleentry:list")
    assert "Họp UBND huyện" in admin_client.get(listing, {"week": "2025-06-02", "leader": huy.pk}).content.decode()
    assert "Họp UBND huyện" not in admin_client.get(listing, {"week": "2025-06-09"}).content.decode()


@pytest.mark.django_db
def test_a_copied_entry_starts_planned_unpublished_and_without_the_note(admin_client):
    huy = sf.chairman()
    meeting = sf.entry(
        date(2025, 6, 5), "14:00", content="Họp UBND huyện", leaders=[huy], status=Status.CHANGED, change_note="Lùi giờ"
    )
    html = admin_client.get(reverse("wagtailsnippets_schedule_scheduleentry:copy", args=[meeting.pk])).content.decode()
    assert "Họp UBND huyện" in html and "Lùi giờ" not in html
    assert 'value="scheduled" checked' in html or '<option value="scheduled" selected>' in html
    published = re.search(r'<input[^>]*name="published"[^>]*>', html).group(0)
    assert "checked" not in published
    original = admin_client.get(reverse("wagtailsnippets_schedule_scheduleentry:edit", args=[meeting.pk]))
    assert "checked" in re.search(r'<input[^>]*name="published"[^>]*>', original.content.decode()).group(0)
