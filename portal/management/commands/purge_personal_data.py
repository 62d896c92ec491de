"""manage.py purge_personal_data [--dry-run] — erase citizens' contact data past its retention.

Run it daily from cron. Each app that takes sendings from citizens registers what it erases
(``portal.submissions.register_personal_data``); the retention is ``PERSONAL_DATA_RETENTION_DAYS``.
"""

from django.core.management.base import BaseCommand
from django.utils import timezone

from portal.submissions import personal_data_erasers, retention_days


class Command(BaseCommand):
    help = "Xoá dữ liệu cá nhân (thư điện tử, điện thoại, địa chỉ, tệp đính kèm) đã quá thời hạn lưu giữ."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="count only; erase nothing")

    def handle(self, dry_run=False, **options):
        today = timezone.localdate()
        total = 0
        for name, erase in sorted(personal_data_erasers().items()):
            n = erase(today, dry_run)
            total += n
            self.stdout.write(f"{name}: {n}")
        verb = "would erase" if dry_run else "erased"
        self.stdout.write(f"{verb} the personal data of {total} sendings (kept {retention_days()} days)")
