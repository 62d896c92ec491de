"""Status of an assigned task ("tình trạng thực hiện"), domain.md §4.

Derived from dates, never typed by hand. One rule, written twice on purpose: ``status()``
for one task in Python and ``status_expression()`` for a queryset in SQL (listings, filters
and statistics without loading tasks into Python). ``tests/test_task_status.py`` checks both
on every boundary and that they agree. See docs/adr/0003-task-status-in-sql.md.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.utils.translation import gettext_lazy as _


class TaskStatus(models.TextChoices):
    IN_PROGRESS_ON_TIME = "in_progress_on_time", _("Đang thực hiện trong hạn")
    DUE_SOON = "due_soon", _("Sắp đến hạn")
    OVERDUE = "overdue", _("Đang thực hiện quá hạn")
    NO_DEADLINE = "no_deadline", _("Không thời hạn")
    DONE_ON_TIME = "done_on_time", _("Hoàn thành đúng hạn")
    DONE_LATE = "done_late", _("Hoàn thành quá hạn")


DONE = (TaskStatus.DONE_ON_TIME, TaskStatus.DONE_LATE)
NOT_DONE = (TaskStatus.IN_PROGRESS_ON_TIME, TaskStatus.DUE_SOON, TaskStatus.OVERDUE, TaskStatus.NO_DEADLINE)


def due_soon_days() -> int:
    """The "due soon" window in days (setting ``TASK_DUE_SOON_DAYS``, 3 by common practice)."""
    return int(getattr(settings, "TASK_DUE_SOON_DAYS", 3))


def status(task, today: date, window: int | None = None) -> str:
    """The status code of ``task`` (anything with ``deadline`` and ``completed_on``) on ``today``.

    - completed (on or before ``today``): on time if on or before the (current, possibly extended)
      deadline, or if there was no deadline; late otherwise;
    - not completed by ``today``: no deadline → ``no_deadline``; past the deadline → ``overdue``;
      deadline within ``window`` days (today included) → ``due_soon``; else ``in_progress_on_time``.

    ``today`` may be a past day (the tracking page "as of" a day): a task completed after it was
    still being worked on then.
    """
    window = due_soon_days() if window is None else window
    deadline, completed = task.deadline, task.completed_on
    if completed is not None and completed <= today:
        if deadline is None or completed <= deadline:
            return TaskStatus.DONE_ON_TIME.value
        return TaskStatus.DONE_LATE.value
    if deadline is None:
        return TaskStatus.NO_DEADLINE.value
    if today > deadline:
        return TaskStatus.OVERDUE.value
    if deadline - today <= timedelta(days=window):
        return TaskStatus.DUE_SOON.value
    return TaskStatus.IN_PROGRESS_ON_TIME.value


def status_expression(today: date, window: int | None = None) -> Case:
    """The same rule as ``status()`` as a SQL expression: ``qs.annotate(status=...)``."""
    window = due_soon_days() if window is None else window
    done = Q(completed_on__isnull=False, completed_on__lte=today)
    return Case(
        When(done & (Q(deadline__isnull=True) | Q(completed_on__lte=F("deadline"))), then=Value("done_on_time")),
        When(done, then=Value("done_late")),
        When(deadline__isnull=True, then=Value("no_deadline")),
        When(deadline__lt=today, then=Value("overdue")),
        When(deadline__lte=today + timedelta(days=window), then=Value("due_soon")),
        default=Value("in_progress_on_time"),
        output_field=models.CharField(),
    )


def status_label(code: str) -> str:
    return str(TaskStatus(code).label)
