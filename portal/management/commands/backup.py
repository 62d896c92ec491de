"""``manage.py backup --output DIR``: the database, the media and the private media, with a manifest
of checksums (``portal.backup``; docs/deployment.md "Backups")."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, backup


class Command(BaseCommand):
    help = "Sao lưu cơ sở dữ liệu và tệp (media, tệp đính kèm của công dân) vào một thư mục mới."

    def add_arguments(self, parser):
        parser.add_argument("--output", required=True, help="a directory that does not exist yet (or is empty)")

    def handle(self, output, **options):
        started = time.perf_counter()
        try:
            outcome = backup(Path(output))
        except BackupError as exc:
            raise CommandError(f"backup not made: {exc}") from exc
        counts = ", ".join(f"{n} {what}" for what, n in outcome.counts.items())
        self.stdout.write(
            f"backup written to {outcome.path}: {outcome.files} files, {outcome.bytes / 1e6:.1f} MB "
            f"({counts}) in {time.perf_counter() - started:.1f} s"
        )
