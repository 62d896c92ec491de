"""The projects section of the activity report (``portal.reporting``), two queries:

- the projects, bid packages and bidding results approved in the period (by ``decided_on``): how
  many, their total investment and the contract value of the bidding results, by status and by kind;
- the statistics pages published in the period (by ``published_on``).

Amounts are in tỷ đồng (10⁹ đồng), to the million.
"""

from collections import Counter
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from portal.reporting import ReportSection, ReportTable, ranked_rows

from .models import ProjectKind, ProjectPage, ProjectStatus, StatisticsPage
from .money import billions_value, format_number

STATUS_COLOURS = {
    ProjectStatus.PREPARATION: "#5c3c00",
    ProjectStatus.IN_PROGRESS: "#0b3d91",
    ProjectStatus.COMPLETED: "#175c1e",
    ProjectStatus.SUSPENDED: "#a4161a",
}


def _billions(amount: Decimal) -> float:
    return float(billions_value(amount))


def projects_section(start: date, end: date, today: date) -> ReportSection:
    rows = (
        ProjectPage.objects.live()
        .filter(decided_on__gte=start, decided_on__lte=end)
        .order_by()
        .values_list("kind", "status", "total_investment", "contract_value")
    )
    by_status: Counter = Counter()
    kinds: dict[str, Counter] = {code: Counter() for code in ProjectKind.values}
    invested: dict[str, Decimal] = {code: Decimal(0) for code in ProjectKind.values}
    total = contracts = Decimal(0)
    count = 0
    for kind, status, investment, contract in rows:
        count += 1
        by_status[str(ProjectStatus(status).label) if status in ProjectStatus.values else status] += 1
        if kind in kinds:
            kinds[kind][status] += 1
            invested[kind] += investment or 0
        total += investment or 0
        contracts += contract or 0
    published = StatisticsPage.objects.live().filter(published_on__gte=start, published_on__lte=end).count()

    statuses = list(ProjectStatus)
    kind_rows = [
        [
            str(label),
            *(kinds[code][s] for s in statuses),
            sum(kinds[code].values()),
            _billions(invested[code]),
        ]
        for code, label in ProjectKind.choices
        if kinds[code]
    ]
    return ReportSection(
        title=_("Dự án đầu tư, đấu thầu và thống kê"),
        summary=[
            (_("Dự án, gói thầu, kết quả đấu thầu công bố"), count),
            (_("Tổng mức đầu tư của dự án công bố (tỷ đồng)"), format_number(billions_value(total))),
            (_("Giá trúng thầu, giá hợp đồng công bố (tỷ đồng)"), format_number(billions_value(contracts))),
            (_("Trang thống kê công bố"), published),
        ],
        tables=[
            ReportTable(
                _("Dự án theo tình trạng"),
                [_("Tình trạng"), _("Số lượng")],
                ranked_rows(by_status),
                chart="bars",
            ),
            ReportTable(
                _("Dự án theo loại và tình trạng"),
                [
                    _("Loại"),
                    *(str(s.label) for s in statuses),
                    _("Tổng"),
                    _("Tổng mức đầu tư (tỷ đồng)"),
                ],
                kind_rows,
                chart="stacked",
                legend=[(str(s.label), STATUS_COLOURS[s]) for s in statuses],
                sheet=_("Dự án theo loại"),
                empty=_("Không có dự án nào được phê duyệt trong khoảng thời gian này."),
            ),
        ],
    )
