"""The registry of the activity report's sections (portal.reporting): a section an app registers
is drawn on the admin page and written to the XLSX file, in its order, with no code in reports/."""

from datetime import date
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from editorial import roles
from portal import reporting
from portal.reporting import ReportSection, ReportTable, ranked_rows, register_report_section, report_sections

from . import factories as f

pytestmark = pytest.mark.django_db

KEY = "test-questions"
calls = []


def questions_section(start: date, end: date, today: date) -> ReportSection:
    """What an app of citizens' questions would register."""
    calls.append((start, end, today))
    return ReportSection(
        title="Hỏi đáp (thử)",
        summary=[("Câu hỏi nhận được", 7), ("Thời gian trả lời trung bình (ngày)", "4,2")],
        tables=[
            ReportTable("Câu hỏi theo lĩnh vực", ["Lĩnh vực", "Số lượng"], [["Đất đai", 5], ["Y tế", 2]], chart="bars"),
            ReportTable(
                "Câu hỏi theo đơn vị trả lời, tình trạng và tỷ lệ trả lời đúng hạn",  # longer than a sheet's name
                ["Đơn vị", "Đã trả lời", "Chưa trả lời", "Tổng", "Tỷ lệ"],
                [["Phòng Y tế", 3, 1, 4, 0.75], ["Phòng Tư pháp", 0, 2, 2, None]],
                chart="stacked",
                legend=[("Đã trả lời", "#1e7d32"), ("Chưa trả lời", "#b3261e")],
                percent_columns=(4,),
            ),
            ReportTable("Câu hỏi chờ lâu nhất", ["Câu hỏi", "Số ngày"], [["Về sổ đỏ: cấp lại?", 12.5]]),
            ReportTable("Tin bài theo tác giả", ["Người hỏi", "Số lượng"], [['=HYPERLINK("x")', 1]]),  # a taken name
        ],
    )


@pytest.fixture
def questions(monkeypatch):
    """The test section, registered between news (10) and directives (20); gone after the test."""
    monkeypatch.setattr(reporting, "_sections", dict(reporting._sections))
    calls.clear()
    register_report_section(KEY, questions_section, order=15)
    yield  # monkeypatch puts the registry back as it was


@pytest.fixture
def editor_client(client):
    client.force_login(f.member("bientap", roles.EDITOR))
    return client


PERIOD = {"date_from": "01/01/2025", "date_to": "31/12/2025"}


def test_a_registered_section_is_drawn_on_the_page_in_its_order(questions, editor_client):
    html = editor_client.get(reverse("editorial_activity_report"), PERIOD).content.decode()
    assert calls and calls[0][:2] == (date(2025, 1, 1), date(2025, 12, 31))
    positions = [html.index(f'data-section="{key}"') for key in ("news", KEY, "directives")]
    assert positions == sorted(positions)
    ours = html[positions[1] : positions[2]]
    assert '<h3 class="w-h3">Hỏi đáp (thử)</h3>' in ours
    # the summary: its rows, under its title, between the news and the directives
    summary = html[html.index("activity-report__summary") : positions[0]]
    assert summary.index("Ảnh đăng kèm tin bài") < summary.index("Hỏi đáp (thử)") < summary.index("Câu hỏi nhận được")
    assert summary.index("4,2") < summary.index("Ý kiến chỉ đạo, điều hành")
    # bars, stacked bars with their legend and the cells after it, a plain table
    assert "activity-report__bars" in ours and "Đất đai" in ours and 'width="40.0"' in ours  # Y tế: 2 of 5
    stacked = ours[ours.index("activity-report__stacked") :]
    assert "Đã trả lời: 3; Chưa trả lời: 1" in stacked and 'fill="#b3261e"' in stacked
    assert "<td>75%</td>" in stacked and "<td>—</td>" in stacked
    assert "Về sổ đỏ: cấp lại?" in ours and "12,5" in ours  # a float, written the Vietnamese way
    assert "=HYPERLINK(&quot;x&quot;)" in ours  # escaped text


def test_a_registered_section_is_written_to_the_xlsx_file_in_its_order(questions, editor_client):
    export = editor_client.get(reverse("editorial_activity_report"), {**PERIOD, "export": "xlsx"})
    book = load_workbook(BytesIO(export.content))
    names = book.sheetnames
    ours = names[names.index("Tin bài theo tác giả") + 1 : names.index("Chỉ đạo theo hình thức")]
    assert ours == [
        "Câu hỏi theo lĩnh vực",
        "Câu hỏi theo đơn vị trả lời, tì",
        "Câu hỏi chờ lâu nhất",
        "Tin bài theo tác giả (2)",
    ]
    assert all(len(name) <= 31 for name in names) and len({n.casefold() for n in names}) == len(names)
    summary = list(book["Tổng hợp"].iter_rows(min_row=3, values_only=True))
    start = summary.index(("Hỏi đáp (thử)", None))
    assert summary[start - 1][0] == "Ảnh đăng kèm tin bài"
    assert summary[start + 1 : start + 4] == [
        ("Câu hỏi nhận được", 7),
        ("Thời gian trả lời trung bình (ngày)", "4,2"),
        ("Văn bản và chỉ đạo điều hành", None),
    ]
    units = list(book["Câu hỏi theo đơn vị trả lời, tì"].iter_rows(min_row=2, values_only=True))
    assert units == [
        ("Đơn vị", "Đã trả lời", "Chưa trả lời", "Tổng", "Tỷ lệ"),
        ("Phòng Y tế", 3, 1, 4, 0.75),
        ("Phòng Tư pháp", 0, 2, 2, None),
    ]
    assert book["Câu hỏi chờ lâu nhất"]["B3"].value == 12.5
    assert book["Tin bài theo tác giả (2)"]["A3"].data_type == "s"  # text, not a formula


def test_a_key_is_registered_once(monkeypatch):
    monkeypatch.setattr(reporting, "_sections", {})
    register_report_section("a", questions_section, order=5)
    register_report_section("a", questions_section, order=5)  # ready() run twice: no change
    with pytest.raises(ValueError, match="already registered"):
        register_report_section("a", lambda start, end, today: ReportSection("x"))
    register_report_section("b", questions_section, order=1)
    assert [s.key for s in report_sections()] == ["b", "a"]


def test_sheet_names_are_valid_short_and_unique():
    from reports.activity import _sheet_name

    taken: set[str] = set()
    names = [
        _sheet_name(wanted, taken) for wanted in ["Tổng hợp", "tổng hợp", "Hỏi/đáp: [mới]?", "x" * 40, "x" * 40, "''"]
    ]
    assert names == ["Tổng hợp", "tổng hợp (2)", "Hỏi-đáp- -mới--", "x" * 31, "x" * 27 + " (2)", "Bảng"]


def test_ranked_rows_are_largest_first_without_zeros():
    assert ranked_rows({"b": 2, "a": 2, "c": 5, "d": 0}) == [["c", 5], ["a", 2], ["b", 2]]


def test_the_content_apps_register_their_sections_and_the_test_section_is_gone():
    """Last in this module: the tests above registered ``KEY``; it must not outlive them."""
    keys = [s.key for s in report_sections()]
    assert keys.index("news") < keys.index("directives")
    assert KEY not in keys
