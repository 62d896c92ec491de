"""The directives section of the activity report (``portal.reporting``): directives by kind and
legal documents by type (by issue date), tasks assigned in the period by their status today,
overall and per lead unit (``tracking.task_stats``). Three queries."""

from collections import Counter
from datetime import date

from django.db.models import Count
from django.utils.translation import gettext as _

from portal.reporting import ReportSection, ReportTable, ranked_rows

from .admin_views import STATUS_COLOURS
from .models import DirectiveKind, DirectivePage, LegalDocumentPage, TaskPage
from .status import TaskStatus
from .tracking import TaskFilter, task_stats


def directives_section(start: date, end: date, today: date) -> ReportSection:
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

    labels = {code: str(label) for code, label in TaskStatus.choices}
    by_status = [[labels[code], n] for code, n in tasks.overall.counts.items()]  # every status, zeros included
    statuses = list(STATUS_COLOURS)
    per_unit = [
        [unit.unit_name, *(unit.counts[s] for s in statuses), unit.total, unit.on_time_rate] for unit in tasks.units
    ]
    return ReportSection(
        title=_("Văn bản và chỉ đạo điều hành"),
        summary=[
            (_("Ý kiến chỉ đạo, điều hành"), by_kind.total()),
            (_("Văn bản"), by_type.total()),
            (_("Nhiệm vụ được giao"), tasks.overall.total),
        ],
        tables=[
            ReportTable(
                _("Ý kiến chỉ đạo theo hình thức"),
                [_("Hình thức"), _("Số lượng")],
                ranked_rows(by_kind),
                chart="bars",
                sheet=_("Chỉ đạo theo hình thức"),
            ),
            ReportTable(_("Văn bản theo loại"), [_("Loại văn bản"), _("Số lượng")], ranked_rows(by_type), chart="bars"),
            ReportTable(_("Nhiệm vụ theo trạng thái"), [_("Trạng thái"), _("Số lượng")], by_status, chart="bars"),
            ReportTable(
                _("Nhiệm vụ theo đơn vị chủ trì"),
                [_("Đơn vị chủ trì"), *(labels[s] for s in statuses), _("Tổng"), _("Tỷ lệ đúng hạn")],
                per_unit,
                chart="stacked",
                legend=[(labels[s], colour) for s, colour in STATUS_COLOURS.items()],
                percent_columns=(len(statuses) + 2,),
                empty=_("Không có nhiệm vụ được giao trong khoảng thời gian này."),
            ),
        ],
    )
