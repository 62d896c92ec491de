"""manage.py import_content FILE.jsonl [--dry-run] — see docs/import-format.md."""

import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from portal.importing import import_lines


class Command(BaseCommand):
    help = "Nhập nội dung (tin tức, văn bản…) từ tệp JSON Lines."

    def add_arguments(self, parser):
        parser.add_argument("path", help="JSON Lines file ('-' for standard input)")
        parser.add_argument("--dry-run", action="store_true", help="validate only; write nothing")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, path, dry_run=False, no_progress=False, **options):
        try:
            if path == "-":
                lines = sys.stdin.read().splitlines()
            else:
                with open(path, encoding="utf-8-sig") as handle:
                    lines = handle.read().splitlines()
        except OSError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror}") from exc
        except UnicodeDecodeError as exc:
            raise CommandError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
        bar = tqdm(
            total=len(lines),
            unit="line",
            disable=no_progress or options["verbosity"] == 0,
            file=self.stderr._out,
        )
        report = import_lines(lines, dry_run=dry_run, progress=lambda: bar.update(1))
        bar.close()
        for lineno, message in report.errors:
            self.stderr.write(f"{path}:{lineno}: {message}")
        prefix = "[dry run, nothing written] " if dry_run else ""
        summary = (
            f"{prefix}created {report.created}, updated {report.updated}, "
            f"unchanged {report.unchanged}, failed {len(report.errors)}"
        )
        if report.errors:
            raise CommandError(summary)
        self.stdout.write(summary)
