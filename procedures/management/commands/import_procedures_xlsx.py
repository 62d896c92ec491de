"""manage.py import_procedures_xlsx FILE.xlsx [--dry-run] — the catalogue spreadsheet of the
national database of procedures (docs/procedures.md, "Importing the catalogue")."""

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from procedures.xlsx import SheetError, import_sheet, read_sheet


class Command(BaseCommand):
    help = "Nhập danh mục thủ tục hành chính từ tệp Excel (.xlsx) của Cơ sở dữ liệu quốc gia về TTHC."

    def add_arguments(self, parser):
        parser.add_argument("path", help=".xlsx file, one procedure per row under a header row")
        parser.add_argument("--dry-run", action="store_true", help="validate only; write nothing")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, path, dry_run=False, no_progress=False, **options):
        try:
            sheet = read_sheet(path)
        except FileNotFoundError as exc:
            raise CommandError(f"cannot read {path}: {exc.strerror or exc}") from exc
        except SheetError as exc:
            raise CommandError(f"{path}: {exc}") from exc
        for title in sheet.ignored:
            self.stderr.write(f"{path}: column '{title}' is not read")
        bar = tqdm(
            total=sheet.rows, unit="row", disable=no_progress or options["verbosity"] == 0, file=self.stderr._out
        )
        report = import_sheet(sheet, dry_run=dry_run, progress=lambda: bar.update(1))
        bar.close()
        for row, message in report.errors:
            self.stderr.write(f"{path}:{row}: {message}")
        prefix = "[dry run, nothing written] " if dry_run else ""
        summary = (
            f"{prefix}created {report.created}, updated {report.updated}, "
            f"unchanged {report.unchanged}, failed {len(report.errors)}"
        )
        if report.errors:
            raise CommandError(summary)
        self.stdout.write(summary)
