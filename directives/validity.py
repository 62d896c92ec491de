"""Validity status of a legal document ("tình trạng hiệu lực"), one function."""

from datetime import date

from django.db import models
from django.db.models import Case, CharField, F, Q, Value, When
from django.utils.translation import gettext_lazy as _


class ValidityStatus(models.TextChoices):
    IN_FORCE = "con_hieu_luc", _("Còn hiệu lực")
    PARTLY_EXPIRED = "het_hieu_luc_mot_phan", _("Hết hiệu lực một phần")
    EXPIRED = "het_hieu_luc_toan_bo", _("Hết hiệu lực toàn bộ")
    NOT_YET_IN_FORCE = "chua_co_hieu_luc", _("Chưa có hiệu lực")
    SUSPENDED = "ngung_hieu_luc", _("Ngưng hiệu lực")


def validity_status(
    stored: str | None,
    effective_on: date | None,
    expires_on: date | None,
    today: date,
) -> str | None:
    """The status a reader should see today.

    - before the effective date the document is not yet in force, whatever was stored
      (an editor typing "còn hiệu lực" on a document that starts next month is wrong);
    - from the expiry date on, a document stored as in force is expired;
    - otherwise the stored status (amendments, suspensions are an editor's judgement).
    """
    if effective_on is not None and today < effective_on:
        return ValidityStatus.NOT_YET_IN_FORCE.value
    if (
        expires_on is not None
        and today >= expires_on
        and stored
        in (
            None,
            "",
            ValidityStatus.IN_FORCE,
            ValidityStatus.NOT_YET_IN_FORCE,
        )
    ):
        return ValidityStatus.EXPIRED.value
    if stored == ValidityStatus.NOT_YET_IN_FORCE:
        # Stored as "not yet" but the effective date has passed (or was never given).
        return ValidityStatus.IN_FORCE.value if effective_on is not None else stored
    return stored or None


def validity_expression(today: date):
    """``validity_status`` as a SQL expression, the same rules in the same order (filters, facets)."""
    S = ValidityStatus  # noqa: N806
    return Case(
        When(effective_on__gt=today, then=Value(S.NOT_YET_IN_FORCE.value)),
        When(
            Q(expires_on__lte=today) & Q(status__in=["", S.IN_FORCE.value, S.NOT_YET_IN_FORCE.value]),
            then=Value(S.EXPIRED.value),
        ),
        When(Q(status=S.NOT_YET_IN_FORCE.value) & Q(effective_on__isnull=False), then=Value(S.IN_FORCE.value)),
        When(status="", then=Value(None)),
        default=F("status"),
        output_field=CharField(),
    )
