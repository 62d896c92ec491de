"""The drafts section of the activity report (consultation/reporting.py)."""

from datetime import date, datetime

import pytest
from django.utils import timezone

from consultation.models import CommentStatus
from consultation.reporting import drafts_section

from . import consultation_factories as cf

pytestmark = pytest.mark.django_db


def test_drafts_opened_and_comments_received_in_the_period_per_draft(django_assert_num_queries):
    road = cf.draft("Dự thảo về bảo trì đường", opens_on=date(2026, 5, 1), closes_on=date(2026, 5, 31))
    fees = cf.draft("Dự thảo về phí", opens_on=date(2026, 4, 1), closes_on=date(2026, 5, 15))  # opened before
    cf.draft("Dự thảo chưa công bố", opens_on=date(2026, 5, 2), closes_on=date(2026, 5, 30), live=False)
    for status in (CommentStatus.APPROVED, CommentStatus.APPROVED, CommentStatus.PENDING, CommentStatus.SPAM):
        cf.comment(road, status)
    cf.comment(fees, CommentStatus.REJECTED)
    cf.comment(fees, CommentStatus.APPROVED, submitted_at=timezone.make_aware(datetime(2026, 4, 20, 8)))  # before

    with django_assert_num_queries(2):
        figures = drafts_section(date(2026, 5, 1), date(2026, 5, 31), date(2026, 6, 1))
    assert dict(figures.summary) == {
        "Dự thảo đưa lấy ý kiến": 1,
        "Góp ý nhận được": 5,
        "Góp ý đã duyệt, công khai": 2,
    }
    table = figures.table("Góp ý theo dự thảo")
    assert table.columns == ["Dự thảo", "Chờ duyệt", "Đã duyệt", "Từ chối", "Thư rác", "Tổng"]
    assert table.rows == [["Dự thảo về bảo trì đường", 1, 2, 0, 1, 4], ["Dự thảo về phí", 0, 0, 1, 0, 1]]
