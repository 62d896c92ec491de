"""Task status (domain.md §4) on every boundary, in Python and in SQL, which must agree."""

from datetime import date, timedelta
from types import SimpleNamespace

import pytest

from directives.status import TaskStatus as S
from directives.status import status, status_expression

TODAY = date(2026, 11, 29)
D = timedelta(days=1)


def task(deadline=None, completed_on=None):
    return SimpleNamespace(deadline=deadline, completed_on=completed_on)


CASES = [
    # (description, deadline, completed_on, expected) with a 3-day window
    ("no deadline, not done", None, None, S.NO_DEADLINE),
    ("deadline yesterday", TODAY - D, None, S.OVERDUE),
    ("deadline long ago", TODAY - 100 * D, None, S.OVERDUE),
    ("deadline today", TODAY, None, S.DUE_SOON),
    ("deadline tomorrow", TODAY + D, None, S.DUE_SOON),
    ("deadline at the window's edge (3 days)", TODAY + 3 * D, None, S.DUE_SOON),
    ("deadline just outside the window (4 days)", TODAY + 4 * D, None, S.IN_PROGRESS_ON_TIME),
    ("deadline far ahead", TODAY + 60 * D, None, S.IN_PROGRESS_ON_TIME),
    ("done early", TODAY + 5 * D, TODAY - 2 * D, S.DONE_ON_TIME),
    ("done on the day of the deadline", TODAY - 3 * D, TODAY - 3 * D, S.DONE_ON_TIME),
    ("done a day late", TODAY - 3 * D, TODAY - 2 * D, S.DONE_LATE),
    ("done without a deadline", None, TODAY - D, S.DONE_ON_TIME),
    # The status "as of" a day (the tracking page of an archive): completed later means still open then.
    ("completed after the day asked about, deadline later", TODAY + 9 * D, TODAY + 10 * D, S.IN_PROGRESS_ON_TIME),
    ("completed after the day asked about, deadline passed", TODAY - 2 * D, TODAY + D, S.OVERDUE),
    ("completed on the day asked about, late", TODAY - 2 * D, TODAY, S.DONE_LATE),
]


@pytest.mark.parametrize(("description", "deadline", "completed", "expected"), CASES, ids=[c[0] for c in CASES])
def test_status_boundaries(description, deadline, completed, expected):
    assert status(task(deadline, completed), TODAY, window=3) == expected


def test_extended_deadline_counts_not_the_original():
    # Due on the 10th, extended to the 20th, done on the 15th: on time.
    extended = SimpleNamespace(deadline=date(2026, 1, 20), original_deadline=date(2026, 1, 10), completed_on=None)
    assert status(extended, date(2026, 1, 12), window=3) == S.IN_PROGRESS_ON_TIME
    extended.completed_on = date(2026, 1, 15)
    assert status(extended, date(2026, 1, 30), window=3) == S.DONE_ON_TIME


@pytest.mark.parametrize(("window", "expected"), [(0, S.IN_PROGRESS_ON_TIME), (2, S.DUE_SOON), (7, S.DUE_SOON)])
def test_the_due_soon_window_is_a_setting(settings, window, expected):
    settings.TASK_DUE_SOON_DAYS = window
    assert status(task(TODAY + 2 * D if window != 0 else TODAY + D), TODAY) == expected


def test_window_zero_still_marks_the_deadline_day_due_soon(settings):
    settings.TASK_DUE_SOON_DAYS = 0
    assert status(task(TODAY), TODAY) == S.DUE_SOON


@pytest.mark.django_db
def test_sql_expression_agrees_with_the_function_on_every_case():
    from directives.models import TaskPage
    from tests.test_task_tracking import make_task

    pages = {
        f"NV-{i}": make_task(f"NV-{i}", deadline=deadline, completed_on=completed, assigned_on=date(2025, 1, 1))
        for i, (_, deadline, completed, _) in enumerate(CASES)
    }
    annotated = dict(TaskPage.objects.annotate(s=status_expression(TODAY, window=3)).values_list("code", "s"))
    for i, (description, _, _, expected) in enumerate(CASES):
        code = f"NV-{i}"
        assert annotated[code] == expected == status(pages[code], TODAY, window=3), description
