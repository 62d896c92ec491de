"""The database search backend the portal uses when no ``SEARCH_URL`` is set (docs/search.md, "Performance").

``BACKEND: "search.backends.database"`` picks, like ``wagtail.search.backends.database``, a
backend by the connection's vendor: SQLite FTS5 (``sqlite.py``) or PostgreSQL (``postgres.py``),
importing only that one; anything else gets the stock one. Both are modelsearch's backends with
two changes: **a search is one SQL query**, whatever the number of matches, and the index's
``title`` column holds the page's headings (``search.indexing.Heading``); both offer
``scored_sql``, every match scored with the field weights as one SQL statement, which the search
service writes into its table of matches and ranks (``common.py``; ``scored_matches`` runs it).

Everything else — operators, ``order_by_relevance``, ``annotate_score``, filters, facets,
autocomplete, phrases, negation, fuzzy search, indexing — is the stock behaviour; query shapes the
fast path does not cover fall back to the stock code.

Each page is indexed once, under its own (most specific) content type (Wagtail's
``Page.get_indexed_objects``), so the join yields one row per page.
"""

from django.db import connection
from modelsearch.backends.database import SearchBackend as _stock_backend

from .common import in_ids, optimize_indexes

__all__ = ["SearchBackend", "in_ids", "optimize_indexes"]


def SearchBackend(params):  # noqa: N802 - the name Wagtail's backend loader looks for
    """The backend for the ``default`` database's vendor (as ``wagtail.search.backends.database``)."""
    stock_backend = _stock_backend(params)
    vendor = connection.vendor
    if vendor == "sqlite" and type(stock_backend).__name__ == "SQLiteSearchBackend":
        from .sqlite import SQLiteSearchBackend

        return SQLiteSearchBackend(params)
    if vendor == "postgresql":
        from .postgres import PostgresSearchBackend

        return PostgresSearchBackend(params)
    return stock_backend
