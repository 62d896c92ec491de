"""Status of a draft opened for public comment (Decree 42/2022): derived from its dates, never stored.

One rule: ``draft_status(opens_on, closes_on, today)``. A draft takes comments from ``opens_on``
to ``closes_on``, both days included; from the day after ``closes_on`` it is closed — the form
refuses comments and every output (page, API, feed) says so, with no scheduled job: each reader
computes the status for its own ``today``. ``status_q`` is the same rule as a queryset filter
(listings, the API's ``status`` filter); ``tests/test_consultation_status.py`` checks that the
two agree on every boundary.
"""

from datetime import date

from django.db import models
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils.translation import gettext_lazy as _


class DraftStatus(models.TextChoices):
    UPCOMING = "upcoming", _("Chưa mở")
    OPEN = "open", _("Đang lấy ý kiến")
    CLOSED = "closed", _("Đã kết thúc")


def draft_status(opens_on: date | None, closes_on: date | None, today: date) -> str:
    """The status code of a draft open from ``opens_on`` to ``closes_on`` (inclusive) on ``today``.

    A draft without dates (an unfinished page) is ``upcoming``: it takes no comment."""
    if opens_on is None or closes_on is None or today < opens_on:
        return DraftStatus.UPCOMING.value
    if today > closes_on:
        return DraftStatus.CLOSED.value
    return DraftStatus.OPEN.value


def status_q(status: str, today: date, prefix: str = "") -> Q:
    """The drafts whose ``draft_status`` on ``today`` is ``status`` (``prefix``: a lookup path
    to the draft, e.g. ``"draft__"``)."""
    opens, closes = f"{prefix}opens_on", f"{prefix}closes_on"
    if status == DraftStatus.OPEN:
        return Q(**{f"{opens}__lte": today, f"{closes}__gte": today})
    if status == DraftStatus.CLOSED:
        return Q(**{f"{opens}__lte": today, f"{closes}__lt": today})
    if status == DraftStatus.UPCOMING:
        return Q(**{f"{opens}__gt": today})
    raise ValueError(f"unknown draft status {status!r}")


#: The listing's order: open drafts first, then those not yet open, then closed ones.
LISTING_RANK = (DraftStatus.OPEN, DraftStatus.UPCOMING, DraftStatus.CLOSED)


def status_rank(today: date) -> Case:
    """``LISTING_RANK``'s position of each draft's status on ``today``, as a SQL expression."""
    return Case(
        *(When(status_q(status, today), then=Value(rank)) for rank, status in enumerate(LISTING_RANK)),
        default=Value(len(LISTING_RANK)),
        output_field=IntegerField(),
    )
