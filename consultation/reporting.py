"""The drafts section of the activity report (``portal.reporting``), two queries: the drafts
opened for comment in the period (by their opening day), and the comments received in the
period (by the day sent) per draft and by moderation status."""

from collections import Counter, defaultdict
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from portal.reporting import ReportSection, ReportTable

from .models import CommentStatus, DraftComment, DraftPage


def drafts_section(start: date, end: date, today: date) -> ReportSection:
    opened = DraftPage.objects.live().filter(opens_on__gte=start, opens_on__lte=end).order_by().count()
    since = timezone.make_aware(datetime.combine(start, time.min))
    until = timezone.make_aware(datetime.combine(end + timedelta(days=1), time.min))
    comments = (
        DraftComment.objects.filter(submitted_at__gte=since, submitted_at__lt=until)
        .order_by()
        .values_list("draft__title", "status")
    )
    per_draft: dict[str, Counter] = defaultdict(Counter)
    by_status: Counter = Counter()
    for title, status in comments:
        per_draft[title][status] += 1
        by_status[status] += 1
    statuses = list(CommentStatus)
    rows = [
        [title, *(per_draft[title][s] for s in statuses), sum(per_draft[title].values())]
        for title in sorted(per_draft, key=lambda t: (-sum(per_draft[t].values()), t))
    ]
    return ReportSection(
        title=_("Lấy ý kiến dự thảo"),
        summary=[
            (_("Dự thảo đưa lấy ý kiến"), opened),
            (_("Góp ý nhận được"), sum(by_status.values())),
            (_("Góp ý đã duyệt, công khai"), by_status[CommentStatus.APPROVED]),
        ],
        tables=[
            ReportTable(
                _("Góp ý theo dự thảo"),
                [_("Dự thảo"), *(str(s.label) for s in statuses), _("Tổng")],
                rows,
                empty=_("Không có góp ý nào trong khoảng thời gian này."),
            )
        ],
    )
