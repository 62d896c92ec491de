"""What happens to a comment on a draft, as plain functions (no HTTP): it is recorded pending while
the draft is open, then moderated (approved, rejected, marked as spam) by an editor."""

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import CommentStatus, DraftComment, DraftPage
from .status import DraftStatus


class DraftNotOpen(Exception):
    """A comment on a draft not taking comments (not yet open, or closed); nothing is stored."""

    def __init__(self, status: str):
        self.status = status
        messages = {
            DraftStatus.UPCOMING: _("Dự thảo này chưa đến thời gian lấy ý kiến; góp ý chưa được tiếp nhận."),
            DraftStatus.CLOSED: _("Dự thảo này đã hết thời gian lấy ý kiến; góp ý không còn được tiếp nhận."),
        }
        self.message = messages.get(status, _("Dự thảo này không tiếp nhận góp ý."))
        super().__init__(str(self.message))


def record_comment(draft: DraftPage, data: dict, today: date) -> DraftComment:
    """Store a pending comment (``data``: the form's name, organisation, email, phone, content)
    when ``draft`` is open on ``today``; else raise ``DraftNotOpen``."""
    status = draft.status_on(today)
    if status != DraftStatus.OPEN:
        raise DraftNotOpen(status)
    return DraftComment.objects.create(
        draft=draft,
        name=data["name"],
        organisation=data.get("organisation", ""),
        email=data["email"],
        phone=data.get("phone", ""),
        content=data["content"],
        status=CommentStatus.PENDING,
    )


MODERATION_STATUSES = (CommentStatus.APPROVED, CommentStatus.REJECTED, CommentStatus.SPAM, CommentStatus.PENDING)


def moderate(comments: Iterable[DraftComment] | object, status: str, user, now=None) -> int:
    """Set the moderation ``status`` of ``comments`` (a queryset or objects) by ``user``; returns how
    many changed (those already in that status are left as they were)."""
    if status not in MODERATION_STATUSES:
        raise ValueError(f"unknown comment status {status!r}")
    now = now or timezone.now()
    ids = [c.pk for c in comments]
    moderator = user if getattr(user, "pk", None) else None
    changed = 0
    # Saved one by one, not ``update()``: the save signals tell the HTTP cache (``http_cache``) that
    # public pages changed (an approved comment appears, a count grows).
    with transaction.atomic():
        for comment in DraftComment.objects.filter(pk__in=ids).exclude(status=status):
            comment.status, comment.moderated_by, comment.moderated_at = status, moderator, now
            comment.save(update_fields=["status", "moderated_by", "moderated_at"])
            changed += 1
    return changed


def status_counts(draft: DraftPage) -> dict[str, int]:
    """{status code: number of comments} of ``draft``, every status present (0 when none)."""
    counts = dict.fromkeys(CommentStatus.values, 0)
    for row in DraftComment.objects.filter(draft=draft).order_by().values("status").annotate(n=Count("pk")):
        counts[row["status"]] = row["n"]
    return counts
