"""Replay the index updates the search engine missed while it was unreachable.

Safe to run from cron (e.g. every 5 minutes, ``--verbosity 0``: silent unless something remains):
with nothing pending it does one query and exits 0; while the engine is still down it stops at
its first failure, keeps every row, writes why on stderr and exits 1.
"""

from django.core.management.base import BaseCommand, CommandError

from search.resilience import pending_count, replay


class Command(BaseCommand):
    help = (
        "Gửi lại cho máy chủ tìm kiếm (Elasticsearch/OpenSearch) các cập nhật chỉ mục bị lỡ khi máy chủ "
        "không truy cập được; thoát với mã khác 0 nếu còn cập nhật chưa gửi được."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--backend",
            action="append",
            dest="backends",
            metavar="NAME",
            help="Only this backend of WAGTAILSEARCH_BACKENDS (repeatable); default: all.",
        )
        parser.add_argument("--batch-size", type=int, default=100, help="Objects per bulk request (default 100).")
        parser.add_argument(
            "--discard-unusable",
            action="store_true",
            help="Delete the updates recorded for a backend that is no longer a configured search engine.",
        )

    def handle(self, *args, backends=None, batch_size=100, discard_unusable=False, verbosity=1, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be 1 or more")
        say = self.stdout.write if verbosity >= 1 else (lambda message: None)
        pending = pending_count()
        if not pending:
            say("search_sync: nothing pending.")
            return
        say(f"search_sync: {pending} pending index update(s).")
        report = replay(batch_size=batch_size, backends=backends, discard_unusable=discard_unusable)
        say(
            f"search_sync: applied {report.applied} (indexed {report.added}, removed {report.removed}), "
            f"failed {report.failed}, skipped {report.skipped}, discarded {report.discarded}; "
            f"{pending_count()} still pending."
        )
        for message in report.errors:
            self.stderr.write(f"search_sync: {message}")
        if report.remaining:
            raise CommandError(f"{report.remaining} index update(s) could not be applied; run search_sync again later")
