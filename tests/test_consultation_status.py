"""The status of a draft opened for comment (consultation.status): from its dates and ``today``,
with no scheduled job; the Python rule and the queryset filter agree on every boundary."""

from datetime import date, timedelta

import pytest

from consultation.models import DraftPage
from consultation.status import LISTING_RANK, DraftStatus, draft_status, status_q
from tests import consultation_factories as cf

OPENS, CLOSES = date(2026, 5, 1), date(2026, 5, 31)
D = timedelta(days=1)


@pytest.mark.parametrize(
    "today, expected",
    [
        (OPENS - D, "upcoming"),
        (OPENS, "open"),  # the first day counts
        (OPENS + 10 * D, "open"),
        (CLOSES, "open"),  # the closing day counts too
        (CLOSES + D, "closed"),  # closed from the day after, without anyone doing anything
        (CLOSES + 400 * D, "closed"),
    ],
)
def test_status_follows_the_dates(today, expected):
    assert draft_status(OPENS, CLOSES, today) == expected


def test_a_one_day_consultation_and_a_draft_without_dates():
    assert draft_status(OPENS, OPENS, OPENS) == "open"
    assert draft_status(OPENS, OPENS, OPENS + D) == "closed"
    assert draft_status(None, None, OPENS) == "upcoming"  # an unfinished page takes no comment


def test_labels_are_vietnamese():
    assert [str(label) for label in DraftStatus.labels] == ["Chưa mở", "Đang lấy ý kiến", "Đã kết thúc"]


@pytest.mark.django_db
def test_the_queryset_filter_agrees_with_the_rule_on_every_boundary():
    drafts = [
        cf.draft(opens_on=opens, closes_on=closes)
        for opens, closes in [(OPENS, CLOSES), (OPENS, OPENS), (CLOSES, CLOSES + 5 * D), (OPENS - 60 * D, OPENS - D)]
    ]
    for today in (OPENS - D, OPENS, OPENS + D, CLOSES - D, CLOSES, CLOSES + D, CLOSES + 5 * D, CLOSES + 6 * D):
        for status in LISTING_RANK:
            found = set(DraftPage.objects.filter(status_q(status, today)).values_list("pk", flat=True))
            expected = {d.pk for d in drafts if draft_status(d.opens_on, d.closes_on, today) == status}
            assert found == expected, (today, status)


def test_an_unknown_status_is_an_error():
    with pytest.raises(ValueError):
        status_q("dang-lay-y-kien", OPENS)
