"""The procedures section of the activity report (``portal.reporting``, domain.md §8): the
catalogue of administrative procedures published on the portal at the end of the period (those
announced on or before its last day), by level and by online public service level (Decree
42/2022/NĐ-CP), by field, and how many were announced within the period. One query."""

from collections import Counter
from datetime import date

from django.utils.translation import gettext as _

from portal.reporting import ReportSection, ReportTable, ranked_rows

from .models import ProcedurePage
from .values import Level, OnlineLevel

#: The colours of the online levels in the stacked bars (each ≥ 4.5:1 against white).
ONLINE_LEVEL_COLOURS = {
    OnlineLevel.FULL: "#1e7d32",
    OnlineLevel.PARTIAL: "#1d6fb8",
    OnlineLevel.NONE: "#5f6368",
}


def procedures_section(start: date, end: date, today: date) -> ReportSection:
    rows = (
        ProcedurePage.objects.live()
        .filter(announced_on__lte=end)
        .order_by()
        .values_list("level", "online_level", "announced_on", "field__name")
    )
    per_level: dict[str, Counter] = {level: Counter() for level in Level.values}
    by_online: Counter = Counter()
    by_field: Counter = Counter()
    announced = 0
    for level, online_level, announced_on, field in rows:
        per_level.setdefault(level, Counter())[online_level] += 1
        by_online[online_level] += 1
        by_field[field or _("(không rõ lĩnh vực)")] += 1
        if announced_on >= start:
            announced += 1
    total = by_online.total()
    online = by_online[OnlineLevel.FULL] + by_online[OnlineLevel.PARTIAL]
    online_labels = dict(OnlineLevel.choices)
    level_rows = [
        [
            str(label),
            *(per_level[code][online_code] for online_code in OnlineLevel.values),
            per_level[code].total(),
        ]
        for code, label in Level.choices
        if per_level[code].total()
    ]
    return ReportSection(
        title=_("Thủ tục hành chính"),
        summary=[
            (_("Thủ tục hành chính công khai"), total),
            (_("Thủ tục công bố trong kỳ"), announced),
            (_("Dịch vụ công trực tuyến toàn trình"), by_online[OnlineLevel.FULL]),
            (_("Dịch vụ công trực tuyến một phần"), by_online[OnlineLevel.PARTIAL]),
            (
                _("Tỷ lệ thủ tục có dịch vụ công trực tuyến"),
                f"{100 * online / total:.1f}%".replace(".", ",") if total else "—",
            ),
        ],
        tables=[
            ReportTable(
                _("Thủ tục hành chính theo cấp thực hiện"),
                [_("Cấp thực hiện"), *(str(online_labels[code]) for code in OnlineLevel.values), _("Tổng")],
                level_rows,
                chart="stacked",
                legend=[(str(online_labels[code]), colour) for code, colour in ONLINE_LEVEL_COLOURS.items()],
                sheet=_("TTHC theo cấp"),
                empty=_("Chưa có thủ tục hành chính nào được công khai."),
            ),
            ReportTable(
                _("Thủ tục hành chính theo mức độ dịch vụ công trực tuyến"),
                [_("Mức độ"), _("Số thủ tục")],
                ranked_rows({str(online_labels[code]): by_online[code] for code in OnlineLevel.values}),
                chart="bars",
                sheet=_("TTHC theo mức độ DVC"),
            ),
            ReportTable(
                _("Thủ tục hành chính theo lĩnh vực"),
                [_("Lĩnh vực"), _("Số thủ tục")],
                ranked_rows(by_field),
                chart="bars",
                sheet=_("TTHC theo lĩnh vực"),
            ),
        ],
    )
