"""The Q&A section of the activity report (``portal.reporting``), two queries:

- the sendings received in the period (by the day they were sent): how many, by kind, refused,
  answered, still being answered past their deadline today (quá hạn);
- the answers published in the period (by their answer date), with those imported from an
  earlier portal: how many, late ones (after the deadline the unit was given), and the average
  answer time in days (from the day asked to the day answered);

both per answering unit.
"""

from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from portal.reporting import ReportSection, ReportTable, ranked_rows

from .models import Kind, Question, QuestionPage, Status


def _days(value: float | None) -> str:
    return f"{value:.1f}".replace(".", ",") if value is not None else "—"


def questions_section(start: date, end: date, today: date) -> ReportSection:
    since = timezone.make_aware(datetime.combine(start, time.min))
    until = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min))
    sendings = Question.objects.filter(submitted_at__gte=since, submitted_at__lt=until).order_by()
    kinds = dict(Kind.choices)
    received_by_kind: Counter = Counter()
    per_unit: dict[str, Counter] = defaultdict(Counter)
    refused = overdue = 0
    none = _("(chưa giao đơn vị)")
    for kind, status, deadline, unit in sendings.values_list("kind", "status", "deadline", "unit__name"):
        received_by_kind[str(kinds.get(kind, kind))] += 1
        if status == Status.REFUSED:
            refused += 1
            continue
        row = per_unit[unit or none]
        row["assigned"] += 1 if unit else 0
        if status == Status.PROCESSING and deadline is not None and deadline < today:
            overdue += 1
            row["overdue"] += 1

    answers = (
        QuestionPage.objects.live()
        .filter(answered_on__gte=start, answered_on__lte=end)
        .order_by()
        .values_list("answering_unit__name", "asked_on", "answered_on", "sending__deadline")
    )
    durations: dict[str, list[int]] = defaultdict(list)
    answered = late = 0
    for unit, asked_on, answered_on, deadline in answers:
        answered += 1
        row = per_unit[unit or none]
        row["answered"] += 1
        if deadline is not None and answered_on > deadline:
            late += 1
            row["late"] += 1
        durations[unit or none].append((answered_on - asked_on).days)
    every = [d for days in durations.values() for d in days]
    average = sum(every) / len(every) if every else None

    units = sorted(per_unit, key=lambda name: (name == none, -per_unit[name]["answered"], name))
    rows = [
        [
            name,
            per_unit[name]["assigned"],
            per_unit[name]["answered"],
            per_unit[name]["late"],
            per_unit[name]["overdue"],
            _days(sum(durations[name]) / len(durations[name]) if durations[name] else None),
        ]
        for name in units
        if any(per_unit[name].values())
    ]
    return ReportSection(
        title=_("Hỏi đáp, phản ánh, kiến nghị"),
        summary=[
            (_("Câu hỏi, phản ánh, kiến nghị tiếp nhận"), sum(received_by_kind.values())),
            (_("Không tiếp nhận"), refused),
            (_("Câu trả lời đã đăng"), answered),
            (_("Trả lời trễ hạn"), late),
            (_("Quá hạn chưa trả lời"), overdue),
            (_("Thời gian trả lời trung bình (ngày)"), _days(average)),
        ],
        tables=[
            ReportTable(
                _("Hỏi đáp tiếp nhận theo loại"),
                [_("Loại"), _("Số lượng")],
                ranked_rows(received_by_kind),
                chart="bars",
            ),
            ReportTable(
                _("Hỏi đáp theo đơn vị trả lời"),
                [
                    _("Đơn vị trả lời"),
                    _("Được giao"),
                    _("Đã trả lời"),
                    _("Trả lời trễ hạn"),
                    _("Quá hạn chưa trả lời"),
                    _("Thời gian trả lời TB (ngày)"),
                ],
                rows,
                empty=_("Không có câu hỏi nào trong khoảng thời gian này."),
            ),
        ],
    )
