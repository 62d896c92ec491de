"""``manage.py restore DIR --noinput``: a backup made by ``manage.py backup`` into a new, migrated
database (``portal.backup``; docs/deployment.md "Backups")."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, read_manifest, restore


class Command(BaseCommand):
    help = "Khôi phục một bản sao lưu vào cơ sở dữ liệu mới (đã chạy migrate) và thư mục tệp."

    def add_arguments(self, parser):
        parser.add_argument("source", help="the backup's directory (with its manifest.json)")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="replace a database that already holds content (by default only an empty one is restored into)",
        )
        parser.add_argument("--no-reindex", action="store_true", help="do not rebuild the search index afterwards")

    def handle(self, source, interactive=True, replace=False, no_reindex=False, **options):
        started = time.perf_counter()
        try:
            manifest = read_manifest(Path(source))
            if interactive:
                made = manifest["created_at"]
                answer = input(f"Restore the backup of {made} into this portal's database and files? [y/N] ")
                if answer.strip().lower() not in ("y", "yes", "c", "có", "co"):
                    raise CommandError("restore cancelled")
            counts = restore(Path(source), replace=replace, reindex=not no_reindex)
        except BackupError as exc:
            raise CommandError(f"nothing restored: {exc}") from exc
        expected = manifest["counts"]
        if counts != expected:
            raise CommandError(f"restored, but the counts differ from the backup's: {counts} != {expected}")
        summary = ", ".join(f"{n} {what}" for what, n in counts.items())
        self.stdout.write(f"restored {source} ({summary}) in {time.perf_counter() - started:.1f} s")
