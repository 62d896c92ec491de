"""Validity status seen by readers: derived from the dates on every boundary."""

from datetime import date, timedelta

import pytest

from directives.validity import ValidityStatus as S
from directives.validity import validity_status

EFFECTIVE = date(2024, 7, 1)
EXPIRES = date(2025, 1, 1)
DAY = timedelta(days=1)


@pytest.mark.parametrize(
    ("stored", "effective", "expires", "today", "expected"),
    [
        # Not yet in force: strictly before the effective date, whatever was stored.
        (S.IN_FORCE, EFFECTIVE, None, EFFECTIVE - DAY, S.NOT_YET_IN_FORCE),
        (S.IN_FORCE, EFFECTIVE, None, EFFECTIVE, S.IN_FORCE),
        (S.IN_FORCE, EFFECTIVE, None, EFFECTIVE + DAY, S.IN_FORCE),
        ("", EFFECTIVE, None, EFFECTIVE - DAY, S.NOT_YET_IN_FORCE),
        # Stored "not yet" turns into "in force" once the date has come.
        (S.NOT_YET_IN_FORCE, EFFECTIVE, None, EFFECTIVE - DAY, S.NOT_YET_IN_FORCE),
        (S.NOT_YET_IN_FORCE, EFFECTIVE, None, EFFECTIVE, S.IN_FORCE),
        # Without an effective date a stored "not yet" is the editor's word.
        (S.NOT_YET_IN_FORCE, None, None, EFFECTIVE, S.NOT_YET_IN_FORCE),
        # Expiry: expired from the expiry date on.
        (S.IN_FORCE, EFFECTIVE, EXPIRES, EXPIRES - DAY, S.IN_FORCE),
        (S.IN_FORCE, EFFECTIVE, EXPIRES, EXPIRES, S.EXPIRED),
        (S.IN_FORCE, EFFECTIVE, EXPIRES, EXPIRES + DAY, S.EXPIRED),
        ("", None, EXPIRES, EXPIRES, S.EXPIRED),
        # The editor's judgement stands otherwise.
        (S.PARTLY_EXPIRED, EFFECTIVE, EXPIRES, EXPIRES + DAY, S.PARTLY_EXPIRED),
        (S.SUSPENDED, EFFECTIVE, None, EFFECTIVE + DAY, S.SUSPENDED),
        (S.EXPIRED, EFFECTIVE, None, EFFECTIVE + DAY, S.EXPIRED),
        ("", None, None, EFFECTIVE, None),
    ],
)
def test_status_on_boundaries(stored, effective, expires, today, expected):
    assert validity_status(stored, effective, expires, today) == expected
