"""Leave the database search index as fast to read as it can be (``optimize_index``).

``update_index`` and ``import_content`` do it when they finish; run this from cron (e.g. nightly,
``--verbosity 0``) on a site that is edited every day. SQLite: FTS5's b-trees merged into one (its
time is in docs/search.md); PostgreSQL: the GIN pending lists moved into the indexes, then ANALYZE.
Elasticsearch/OpenSearch manage their own segments: nothing to do for them.
"""

import time

from django.core.management.base import BaseCommand

from search.backends.database import optimize_indexes


class Command(BaseCommand):
    help = "Tối ưu chỉ mục tìm kiếm trong cơ sở dữ liệu (SQLite FTS5, PostgreSQL) để tìm kiếm nhanh hơn."

    def handle(self, *args, verbosity=1, **options):
        started = time.perf_counter()
        names = optimize_indexes()
        if verbosity >= 1:
            took = time.perf_counter() - started
            if names:
                self.stdout.write(f"search_optimize: {', '.join(names)} optimized in {took:.1f} s.")
            else:
                self.stdout.write("search_optimize: no database search index to optimize.")
