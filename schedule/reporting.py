"""The work-schedule section of the activity report (``portal.reporting``), one query: the published
entries dated in the period, how many were changed or cancelled, and the same per leader (an
entry of two leaders counts once in the totals and once for each of them)."""

from collections import Counter, defaultdict
from datetime import date

from django.utils.translation import gettext as _

from portal.reporting import ReportSection, ReportTable

from .models import ScheduleEntry, Status


def schedule_section(start: date, end: date, today: date) -> ReportSection:
    rows = (
        ScheduleEntry.objects.published()
        .filter(date__gte=start, date__lte=end)
        .order_by()
        .values_list("pk", "status", "leaders__name", "leaders__position")
    )
    statuses: dict[int, str] = {}
    per_leader: dict[str, Counter] = defaultdict(Counter)
    nobody = _("(không ghi lãnh đạo)")
    for pk, status, name, position in rows:
        statuses[pk] = status
        leader = f"{name} – {position}" if name and position else (name or nobody)
        per_leader[leader]["entries"] += 1
        per_leader[leader][status] += 1
    totals = Counter(statuses.values())
    leaders = sorted(per_leader, key=lambda name: (name == nobody, -per_leader[name]["entries"], name))
    return ReportSection(
        title=_("Lịch công tác của lãnh đạo"),
        summary=[
            (_("Lịch công tác đã công bố"), len(statuses)),
            (_("Lịch có điều chỉnh"), totals[Status.CHANGED]),
            (_("Lịch hủy, hoãn"), totals[Status.CANCELLED]),
        ],
        tables=[
            ReportTable(
                _("Lịch công tác theo lãnh đạo"),
                [_("Lãnh đạo"), _("Số lịch"), _("Có điều chỉnh"), _("Hủy, hoãn")],
                [
                    [
                        name,
                        per_leader[name]["entries"],
                        per_leader[name][Status.CHANGED],
                        per_leader[name][Status.CANCELLED],
                    ]
                    for name in leaders
                ],
                chart="bars",
                empty=_("Không có lịch công tác nào trong khoảng thời gian này."),
            )
        ],
    )
