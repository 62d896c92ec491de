"""import_content: the ``directive`` and ``task`` records of ../shared/import-format.md."""

import unicodedata
from datetime import date

import pytest
from django.utils import timezone
from wagtail.models import Page, Revision

from directives.models import (
    Agency,
    DirectiveIndexPage,
    DirectivePage,
    Official,
    TaskIndexPage,
    TaskPage,
    TaskProgressReport,
)
from tests.test_import import SAMPLE, run, write

pytestmark = pytest.mark.django_db

DIRECTIVE = {
    "type": "directive",
    "number": "215/TB-UBND",
    "kind": "conclusion_notice",
    "issued_on": "2023-10-12",
    "summary": "Kết luận của đồng chí Chủ tịch UBND huyện tại buổi làm việc về giải phóng mặt bằng",
    "directing_leader": "Nguyễn Quang Huy",
    "directing_leader_title": "Chủ tịch UBND huyện",
    "body": "I. Đánh giá\n\nII. Kết luận và giao nhiệm vụ",
}
TASK = {
    "type": "task",
    "code": "NV-2023-001",
    "title": "Hoàn thành kiểm đếm, lập phương án bồi thường dự án đường trục trung tâm",
    "source_directive": "215/TB-UBND",
    "lead_unit": "Ban Quản lý dự án đầu tư xây dựng",
    "coordinating_units": ["Phòng Tài nguyên và Môi trường", "Ủy ban nhân dân xã Vĩnh Sơn"],
    "assigned_on": "2023-10-12",
    "deadline": "2023-11-30",
    "progress": [
        {"date": "2023-11-01", "percent": 40, "content": "Đã kiểm đếm 120/300 hộ."},
        {"date": "2023-11-20", "percent": 75, "content": "Đã kiểm đếm 225/300 hộ."},
    ],
}


def names(units) -> list[str]:
    return sorted(u.name for u in units)


def rows(task: TaskPage) -> list[tuple]:
    return [(r.date, r.percent, r.content) for r in task.progress_reports.order_by("sort_order")]


# --- good lines ---------------------------------------------------------------------------


def test_directive_and_task_are_stored_under_their_index_pages(tmp_path):
    code, out, err = run(write(tmp_path, DIRECTIVE, TASK))
    assert code == 0, err
    assert "created 2, updated 0, unchanged 0, failed 0" in out

    directive = DirectivePage.objects.get()
    assert directive.live and not directive.has_unpublished_changes
    assert (directive.number, directive.kind, directive.issued_on) == (
        "215/TB-UBND",
        "conclusion_notice",
        date(2023, 10, 12),
    )
    assert directive.title == "Thông báo kết luận số 215/TB-UBND"
    assert directive.summary == DIRECTIVE["summary"]
    assert directive.body == "<p>I. Đánh giá</p><p>II. Kết luận và giao nhiệm vụ</p>"
    assert (directive.directing_leader.name, directive.directing_leader.position) == (
        "Nguyễn Quang Huy",
        "Chủ tịch UBND huyện",
    )
    index = directive.get_parent().specific
    assert isinstance(index, DirectiveIndexPage)
    assert (index.title, index.slug, index.get_parent().pk) == (
        "Chỉ đạo điều hành",
        "chi-dao-dieu-hanh",
        directive.get_parent().get_parent().pk,
    )

    task = TaskPage.objects.get()
    assert task.live and task.code == "NV-2023-001" and task.title == TASK["title"]
    assert task.source_directive == directive
    assert [t.code for t in directive.assigned_tasks] == ["NV-2023-001"]
    assert task.lead_unit.name == "Ban Quản lý dự án đầu tư xây dựng"
    assert names(task.coordinating_units.all()) == ["Phòng Tài nguyên và Môi trường", "Ủy ban nhân dân xã Vĩnh Sơn"]
    assert (task.assigned_on, task.deadline, task.completed_on) == (date(2023, 10, 12), date(2023, 11, 30), None)
    assert rows(task) == [
        (date(2023, 11, 1), 40, "Đã kiểm đếm 120/300 hộ."),
        (date(2023, 11, 20), 75, "Đã kiểm đếm 225/300 hộ."),
    ]
    assert task.latest_percent == 75
    assert task.status_on(date(2023, 11, 29)) == "due_soon"
    assert (task.original_deadline, task.extension_reason) == (None, "")
    tasks_index = task.get_parent().specific
    assert isinstance(tasks_index, TaskIndexPage)
    assert (tasks_index.title, tasks_index.slug) == ("Theo dõi thực hiện nhiệm vụ", "theo-doi-nhiem-vu")


def test_a_task_without_deadline_or_directive_and_a_done_task(tmp_path):
    open_ended = {
        "type": "task",
        "code": "NV-1",
        "title": "Rà soát",
        "lead_unit": "Phòng Nội vụ",
        "assigned_on": "2024-01-02",
    }
    done = {**open_ended, "code": "NV-2", "deadline": "2024-02-01", "completed_on": "2024-02-03"}
    code, _, err = run(write(tmp_path, open_ended, done))
    assert code == 0, err
    first, second = TaskPage.objects.order_by("code")
    assert (first.source_directive, first.deadline, first.status_on(date(2025, 1, 1))) == (None, None, "no_deadline")
    assert second.status_on(date(2025, 1, 1)) == "done_late"
    assert Agency.objects.filter(name="Phòng Nội vụ").count() == 1


def test_names_match_existing_rows_case_insensitively_and_text_is_nfc(tmp_path):
    unit = Agency.objects.create(name="Phòng Tài nguyên và Môi trường", short_code="TNMT")
    leader = Official.objects.create(name="Nguyễn Quang Huy", position="Chủ tịch UBND huyện", phone="0211 3838 200")
    directive = {**DIRECTIVE, "directing_leader": "nguyễn quang  huy", "directing_leader_title": "chủ tịch ubnd huyện"}
    task = {
        **TASK,
        "title": unicodedata.normalize("NFD", TASK["title"]),
        "lead_unit": unicodedata.normalize("NFD", "phòng tài nguyên và môi trường"),
        # SQLite folds the case of ASCII letters only (PostgreSQL folds all): upper-case
        # letters with marks would not match on SQLite.
        "coordinating_units": ["phòng tài nguyên và môi trường", "Phòng Nội vụ", "PHòNG NộI Vụ"],
    }
    code, _, err = run(write(tmp_path, directive, task))
    assert code == 0, err
    assert DirectivePage.objects.get().directing_leader == leader
    page = TaskPage.objects.get()
    assert page.title == TASK["title"]
    assert page.lead_unit == unit
    # The lead unit does not coordinate with itself; a name listed twice is one unit.
    assert names(page.coordinating_units.all()) == ["Phòng Nội vụ"]
    assert Official.objects.count() == 1


def test_a_leader_given_without_title(tmp_path):
    Official.objects.create(name="Trần Thị Thanh Hà", position="Phó Chủ tịch UBND huyện")
    one = {**DIRECTIVE, "directing_leader": "Trần Thị Thanh Hà"}
    del one["directing_leader_title"]
    run(write(tmp_path, one))
    assert DirectivePage.objects.get().directing_leader.position == "Phó Chủ tịch UBND huyện"

    # Two leaders share a name: which one is meant is unknown, so a leader without a title is used.
    Official.objects.create(name="Nguyễn Văn An", position="Chủ tịch UBND huyện")
    Official.objects.create(name="Nguyễn Văn An", position="Phó Chủ tịch UBND huyện")
    two = {**one, "number": "216/TB-UBND", "directing_leader": "Nguyễn Văn An"}
    code, _, err = run(write(tmp_path, two))
    assert code == 0, err
    leader = DirectivePage.objects.get(number="216/TB-UBND").directing_leader
    assert (leader.name, leader.position) == ("Nguyễn Văn An", "")
    run(write(tmp_path, two))
    assert Official.objects.filter(name="Nguyễn Văn An").count() == 3


def test_a_directive_number_shared_by_several_years(tmp_path):
    """Numbers without a year restart every year: the task's assigned date picks the directive."""
    old = {**DIRECTIVE, "issued_on": "2022-03-01", "summary": "Năm 2022"}
    new = {**DIRECTIVE, "issued_on": "2023-10-12", "summary": "Năm 2023"}
    in_2022 = {**TASK, "code": "NV-A", "assigned_on": "2022-05-01", "deadline": "2022-06-01"}
    in_2024 = {**TASK, "code": "NV-B", "assigned_on": "2024-01-05", "deadline": "2024-06-01"}
    too_early = {**TASK, "code": "NV-C", "assigned_on": "2021-12-01", "deadline": "2022-06-01"}
    path = write(tmp_path, old, new, in_2022, in_2024, too_early)
    code, _, err = run(path)
    assert DirectivePage.objects.count() == 2
    assert TaskPage.objects.get(code="NV-A").source_directive.summary == "Năm 2022"
    assert TaskPage.objects.get(code="NV-B").source_directive.summary == "Năm 2023"
    assert code == 1
    assert f"{path}:5: source_directive '215/TB-UBND' is ambiguous" in err


# --- re-import and changes ------------------------------------------------------------------


def test_reimport_is_a_no_op(tmp_path):
    path = write(tmp_path, DIRECTIVE, TASK)
    run(path)
    report_pks = sorted(TaskProgressReport.objects.values_list("pk", flat=True))
    pages, revisions = Page.objects.count(), Revision.objects.count()
    code, out, _ = run(path)
    assert code == 0
    assert "created 0, updated 0, unchanged 2" in out
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)
    assert sorted(TaskProgressReport.objects.values_list("pk", flat=True)) == report_pks


def test_unchanged_progress_keeps_the_rows_an_editor_completed(tmp_path):
    run(write(tmp_path, DIRECTIVE, TASK))
    unit = Agency.objects.get(name="Phòng Tài nguyên và Môi trường")
    TaskProgressReport.objects.update(unit=unit)
    code, out, _ = run(write(tmp_path, DIRECTIVE, {**TASK, "title": "Nội dung đã sửa"}))
    assert code == 0 and "updated 1" in out
    task = TaskPage.objects.get()
    assert task.title == "Nội dung đã sửa"
    assert {r.unit for r in task.progress_reports.all()} == {unit}


def test_a_changed_task_updates_the_same_page_and_keeps_the_original_deadline(tmp_path):
    run(write(tmp_path, DIRECTIVE, TASK))
    revisions = Revision.objects.count()
    changed = {
        **TASK,
        "deadline": "2023-12-31",
        "coordinating_units": ["Phòng Tài nguyên và Môi trường"],
        "progress": [*TASK["progress"], {"date": "2023-12-20", "percent": 100, "content": "Hoàn thành kiểm đếm."}],
    }
    code, out, err = run(write(tmp_path, changed))
    assert code == 0, err
    assert "created 0, updated 1" in out
    assert Revision.objects.count() == revisions + 1
    task = TaskPage.objects.get()
    today = timezone.localdate()
    assert (task.deadline, task.original_deadline) == (date(2023, 12, 31), date(2023, 11, 30))
    assert task.extension_reason == f"Gia hạn theo dữ liệu nhập ngày {today:%d/%m/%Y}"
    assert task.extended_on == today
    assert names(task.coordinating_units.all()) == ["Phòng Tài nguyên và Môi trường"]
    assert [r[1] for r in rows(task)] == [40, 75, 100]

    # A second extension keeps the first deadline, and a reason an editor wrote.
    TaskPage.objects.filter(pk=task.pk).update(extension_reason="Chờ kết quả đo đạc địa chính")
    code, _, err = run(write(tmp_path, {**changed, "deadline": "2024-01-31", "completed_on": "2024-01-20"}))
    assert code == 0, err
    task = TaskPage.objects.get()
    assert (task.deadline, task.original_deadline) == (date(2024, 1, 31), date(2023, 11, 30))
    assert task.extension_reason == "Chờ kết quả đo đạc địa chính"
    assert task.status == "done_on_time"
    assert TaskPage.objects.count() == 1 and task.live and not task.has_unpublished_changes


def test_a_changed_directive_updates_the_same_page(tmp_path):
    run(write(tmp_path, DIRECTIVE))
    changed = {**DIRECTIVE, "number": "215/TB-UBND ", "kind": "instruction", "summary": "Ý kiến chỉ đạo đã sửa"}
    del changed["directing_leader"], changed["directing_leader_title"]
    code, out, _ = run(write(tmp_path, changed))
    assert code == 0 and "updated 1" in out
    page = DirectivePage.objects.get()
    assert (page.kind, page.title, page.summary, page.directing_leader) == (
        "instruction",
        "Ý kiến chỉ đạo số 215/TB-UBND",
        "Ý kiến chỉ đạo đã sửa",
        None,
    )


# --- bad lines ------------------------------------------------------------------------------


def _without(record: dict, key: str) -> dict:
    return {k: v for k, v in record.items() if k != key}


def _progress(**entry) -> list[dict]:
    return [{"date": "2023-11-01", "percent": 40, "content": "Đã kiểm đếm.", **entry}]


BAD_LINES = [
    ({**DIRECTIVE, "leader": "x"}, "unknown key(s): leader"),
    (_without(DIRECTIVE, "kind"), "missing required key(s): kind"),
    (
        {**DIRECTIVE, "kind": "thong_bao"},
        "'kind' 'thong_bao' is not one of conclusion_notice (Thông báo kết luận), directive (Chỉ thị), "
        "official_letter (Công văn chỉ đạo), dispatch (Công điện), instruction (Ý kiến chỉ đạo)",
    ),
    ({**DIRECTIVE, "issued_on": "12/10/2023"}, "'issued_on' must be a date YYYY-MM-DD, got \"12/10/2023\""),
    ({**DIRECTIVE, "number": "TB 215"}, "is not a document number"),
    ({**DIRECTIVE, "number": "05/2022/CT-UBND"}, "not in the year written in the number (2022)"),
    (_without(DIRECTIVE, "directing_leader"), "'directing_leader_title' is given without 'directing_leader'"),
    ({**TASK, "unit": "x"}, "unknown key(s): unit"),
    (_without(TASK, "lead_unit"), "missing required key(s): lead_unit"),
    (
        {**TASK, "source_directive": "999/TB-UBND"},
        "source_directive '999/TB-UBND' is not on the portal (import the directive first)",
    ),
    ({**TASK, "assigned_on": "2023-13-01"}, "'assigned_on' must be a date YYYY-MM-DD"),
    ({**TASK, "deadline": "30/11/2023"}, "'deadline' must be a date YYYY-MM-DD"),
    ({**TASK, "deadline": "2023-10-01"}, "'deadline' 2023-10-01 is before 'assigned_on' 2023-10-12"),
    ({**TASK, "completed_on": "2023-10-11"}, "'completed_on' 2023-10-11 is before 'assigned_on' 2023-10-12"),
    ({**TASK, "coordinating_units": "Phòng Nội vụ"}, "'coordinating_units' must be a list of non-empty strings"),
    ({**TASK, "progress": {"percent": 40}}, "'progress' must be a list"),
    ({**TASK, "progress": _progress(percent=101)}, "progress[1].percent must be a whole number from 0 to 100, got 101"),
    ({**TASK, "progress": _progress(percent=-1)}, "progress[1].percent must be a whole number from 0 to 100"),
    ({**TASK, "progress": _progress(percent="40%")}, "progress[1].percent must be a whole number"),
    ({**TASK, "progress": _progress(percent=40.5)}, "progress[1].percent must be a whole number"),
    (
        {**TASK, "progress": [*TASK["progress"], {"date": "2023-11-25", "percent": 80, "content": "x", "unit": "VP"}]},
        "progress[3] must be an object with exactly 'date', 'percent' and 'content' (unknown: unit)",
    ),
    ({**TASK, "progress": [{"date": "2023-11-01", "percent": 40}]}, "progress[1] must be an object with exactly"),
    ({**TASK, "progress": ["40%"]}, "progress[1] must be an object with exactly"),
    ({**TASK, "progress": _progress(date="01/11/2023")}, "'progress[1].date' must be a date YYYY-MM-DD"),
    ({**TASK, "progress": _progress(content=" ")}, "progress[1].content must be a non-empty string"),
    ({**TASK, "code": "NV-" + "9" * 60}, "'code' is longer than 50 characters"),
    ({**TASK, "title": "   "}, "missing required key(s): title"),
    ({**TASK, "lead_unit": "Phòng " * 50}, "'lead_unit' is longer than 255 characters"),
    ({**TASK, "coordinating_units": ["Phòng Nội vụ", "x" * 256]}, "'coordinating_units' is longer than 255"),
    ({**DIRECTIVE, "summary": " \n "}, "missing required key(s): summary"),
    ({**DIRECTIVE, "directing_leader": "Nguyễn " * 30}, "'directing_leader' is longer than 150 characters"),
]


@pytest.mark.parametrize(("record", "reason"), BAD_LINES)
def test_each_bad_line_is_reported_with_its_number_and_reason(tmp_path, record, reason):
    good = {**DIRECTIVE, "number": "300/TB-UBND"}
    path = write(tmp_path, good, record)
    code, _, err = run(path)
    assert code == 1
    (reported,) = [line for line in err.splitlines() if line.startswith(f"{path}:")]
    assert reported.startswith(f"{path}:2: ") and reason in reported, err
    assert "created 1" in err  # the good line was still imported
    assert DirectivePage.objects.filter(number="300/TB-UBND").exists()
    assert not TaskPage.objects.exists()


def test_a_failing_task_leaves_nothing_half_written(tmp_path):
    run(write(tmp_path, DIRECTIVE))
    units = Agency.objects.count()
    bad = {
        **TASK,
        "lead_unit": "Đơn vị mới",
        "coordinating_units": ["Đơn vị phối hợp mới"],
        "completed_on": "2023-01-01",
    }
    code, _, _ = run(write(tmp_path, bad))
    assert code == 1
    assert Agency.objects.count() == units
    assert not TaskPage.objects.exists() and not TaskIndexPage.objects.exists()


def test_a_task_before_its_directive_in_the_file_fails_and_after_it_works(tmp_path):
    path = write(tmp_path, TASK, DIRECTIVE, {**TASK, "code": "NV-2023-002"})
    code, _, err = run(path)
    assert code == 1
    assert f"{path}:1: source_directive '215/TB-UBND' is not on the portal" in err
    assert f"{path}:3:" not in err
    assert TaskPage.objects.get().source_directive == DirectivePage.objects.get()


# --- dry run ------------------------------------------------------------------------------


def test_dry_run_writes_nothing_and_sees_earlier_lines(tmp_path):
    pages, revisions = Page.objects.count(), Revision.objects.count()
    code, out, err = run(write(tmp_path, DIRECTIVE, TASK), "--dry-run")
    assert code == 0, err
    assert "[dry run, nothing written] created 2, updated 0, unchanged 0, failed 0" in out
    assert (Page.objects.count(), Revision.objects.count()) == (pages, revisions)
    assert not Agency.objects.exists() and not Official.objects.exists()
    assert not TaskProgressReport.objects.exists()
    assert not DirectiveIndexPage.objects.exists() and not TaskIndexPage.objects.exists()


def test_dry_run_reports_a_missing_directive(tmp_path):
    path = write(tmp_path, TASK)
    code, _, err = run(path, "--dry-run")
    assert code == 1
    assert f"{path}:1: source_directive '215/TB-UBND' is not on the portal (import the directive first)" in err


# --- the shared sample --------------------------------------------------------------------


def test_the_shared_sample_file_fails_only_on_line_3(tmp_path):
    code, _, err = run(SAMPLE)
    assert code == 1
    failed = [line for line in err.splitlines() if line.startswith(f"{SAMPLE}:")]
    assert failed == [f"{SAMPLE}:3: missing required key(s): issued_on"]
    assert "created 6, updated 0, unchanged 0, failed 1" in err
    directive = DirectivePage.objects.get(number="215/TB-UBND")
    assert directive.directing_leader.name == "Chủ tịch UBND"
    first, second = TaskPage.objects.order_by("code")
    assert first.source_directive == directive
    assert [u.name for u in first.coordinating_units.all()] == ["Phòng Tài nguyên và Môi trường"]
    assert rows(first) == [(date(2023, 11, 1), 40, "Đã kiểm đếm 120/300 hộ.")]
    assert (second.source_directive, second.status) == (None, "done_late")

    code, _, err = run(SAMPLE)
    assert "created 0, updated 0, unchanged 6, failed 1" in err
