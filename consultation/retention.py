"""Personal data of comments on drafts (Decree 13/2023/NĐ-CP): what is erased, and when.

A commenter's email and phone are kept for the drafting unit while the draft is discussed, then
for ``portal.submissions.retention_days()`` days after its closing date; after that they are
blanked. The name, organisation and content stay (they are what the drafting unit answers and
what the public record shows). ``manage.py purge_personal_data`` runs ``erase`` daily.
"""

from datetime import date, timedelta

from django.db.models import Q

from portal.submissions import retention_days

from .models import DraftComment


def expired_contacts(today: date):
    """Comments still holding an email or phone whose draft closed more than the retention ago."""
    limit = today - timedelta(days=retention_days())
    return DraftComment.objects.filter(draft__closes_on__lt=limit).filter(~Q(email="") | ~Q(phone=""))


def erase(today: date, dry_run: bool = False) -> int:
    """Blank the email and phone of ``expired_contacts(today)``; returns how many comments
    (would) change. Idempotent: a second run finds nothing left to erase."""
    comments = expired_contacts(today)
    if dry_run:
        return comments.count()
    return comments.update(email="", phone="")
