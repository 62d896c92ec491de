"""The activity report the editorial board sends to the provincial department (domain.md §8).

``activity_report(start, end)`` counts what the portal published in a date range, by the
content's own date (a news item's publication date, a document's or directive's issue date, a
task's assignment date — so imported archives report in their real periods): news by
category and by author, photos published with them, directives by kind, legal documents by
type, tasks by status (``directives.tracking.task_stats``). Live pages only; a fixed number
of queries whatever the range. ``report_workbook`` turns it into an XLSX file (openpyxl).
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from io import BytesIO

from django.db.models import Count
from django.utils.translation import gettext as _

from directives.models import DirectiveKind, DirectivePage, LegalDocumentPage, TaskPage
from directives.status import TaskStatus
from directives.tracking import TaskFilter, TaskStats, task_stats
from news.models import NewsGalleryImage, NewsIndexPage, NewsPage


@dataclass
class Tally:
    """Labelled counts, largest first, with their total."""

    rows: list[tuple[str, int]] = field(default_factory=list)

    @classmethod
    def of(cls, counter: Counter) -> "Tally":
        return cls(sorted(((label, n) for label, n in counter.items() if n), key=lambda r: (-r[1], r[0])))

    @property
    def total(self) -> int:
        return sum(n for _, n in self.rows)


@dataclass
class ActivityReport:
    start: date
    end: date
    news_by_category: Tally
    news_by_author: Tally
    photos: int
    directives_by_kind: Tally
    legal_documents_by_type: Tally
    tasks: TaskStats

    @property
    def tasks_by_status(self) -> Tally:
        labels = dict(TaskStatus.choices)
        return Tally([(str(labels[code]), n) for code, n in self.tasks.overall.counts.items()])

    def summary(self) -> list[tuple[str, int]]:
        return [
            (_("Tin bài"), self.news_by_category.total),
            (_("Ảnh đăng kèm tin bài"), self.photos),
            (_("Ý kiến chỉ đạo, điều hành"), self.directives_by_kind.total),
            (_("Văn bản"), self.legal_documents_by_type.total),
            (_("Nhiệm vụ được giao"), self.tasks.overall.total),
        ]


def _body_images(body) -> set[int]:
    """Ids of the images placed in a news body (image blocks), read from the raw stream."""
    ids = set()
    for block in getattr(body, "raw_data", None) or []:
        if block.get("type") == "image":
            image = (block.get("value") or {}).get("image")
            if image:
                ids.add(image)
    return ids


def activity_report(start: date, end: date, today: date) -> ActivityReport:
    news = NewsPage.objects.live().filter(published_on__gte=start, published_on__lte=end)
    categories = {p.path: p.title for p in NewsIndexPage.objects.only("path", "title")}
    by_category: Counter = Counter()
    by_author: Counter = Counter()
    photos_per_news: dict[int, set[int]] = {}
    steplen = NewsPage.steplen
    rows = news.order_by().values_list(
        "pk", "path", "author", "owner__first_name", "owner__last_name", "owner__username", "lead_image_id", "body"
    )
    for pk, path, author, first, last, username, lead_image, body in rows:
        by_category[categories.get(path[:-steplen], _("(không rõ chuyên mục)"))] += 1
        byline = (author or "").strip() or f"{last} {first}".strip() or username or _("(không ghi tác giả)")
        by_author[byline] += 1
        photos_per_news[pk] = _body_images(body) | ({lead_image} if lead_image else set())
    for page_id, image_id in NewsGalleryImage.objects.filter(page__in=news).values_list("page_id", "image_id"):
        photos_per_news[page_id].add(image_id)

    directives = DirectivePage.objects.live().filter(issued_on__gte=start, issued_on__lte=end)
    kinds = dict(DirectiveKind.choices)
    by_kind = Counter(
        {
            str(kinds.get(row["kind"], row["kind"])): row["n"]
            for row in directives.order_by().values("kind").annotate(n=Count("pk"))
        }
    )
    documents = LegalDocumentPage.objects.live().filter(issued_on__gte=start, issued_on__lte=end)
    by_type = Counter(
        {
            row["document_type__name"] or _("(không rõ loại)"): row["n"]
            for row in documents.order_by().values("document_type__name").annotate(n=Count("pk"))
        }
    )
    tasks = task_stats(TaskPage.objects.live(), today, TaskFilter(date_from=start, date_to=end))
    return ActivityReport(
        start=start,
        end=end,
        news_by_category=Tally.of(by_category),
        news_by_author=Tally.of(by_author),
        photos=sum(len(ids) for ids in photos_per_news.values()),
        directives_by_kind=Tally.of(by_kind),
        legal_documents_by_type=Tally.of(by_type),
        tasks=tasks,
    )


def report_workbook(report: ActivityReport) -> bytes:
    """The report as an XLSX workbook: a summary sheet and one sheet per breakdown."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    period = _("Từ %(start)s đến %(end)s") % {
        "start": report.start.strftime("%d/%m/%Y"),
        "end": report.end.strftime("%d/%m/%Y"),
    }
    workbook = Workbook()
    sheets = [
        (_("Tổng hợp"), _("Nội dung"), report.summary()),
        (_("Tin bài theo chuyên mục"), _("Chuyên mục"), report.news_by_category.rows),
        (_("Tin bài theo tác giả"), _("Tác giả"), report.news_by_author.rows),
        (_("Chỉ đạo theo hình thức"), _("Hình thức"), report.directives_by_kind.rows),
        (_("Văn bản theo loại"), _("Loại văn bản"), report.legal_documents_by_type.rows),
        (_("Nhiệm vụ theo trạng thái"), _("Trạng thái"), report.tasks_by_status.rows),
    ]
    for index, (title, label, rows) in enumerate(sheets):
        sheet = workbook.active if index == 0 else workbook.create_sheet()
        sheet.title = title[:31]
        sheet.append([_("Báo cáo hoạt động Cổng thông tin điện tử"), period])
        sheet.append([label, _("Số lượng")])
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(list(row))
        sheet.column_dimensions["A"].width = 45
        sheet.column_dimensions["B"].width = 22
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()
