"""What the SQLite and PostgreSQL backends share: the index's writes (the headings in the
``title`` column), its optimization, and ``scored_sql``, the search service's entry point
(``scored_matches`` runs it and returns the rows)."""

import logging
import types

from django.db import DatabaseError, connection, transaction

from ...indexing import Heading, WrittenText, heading_text

logger = logging.getLogger(__name__)


def in_ids(column: str, ids) -> str:
    """SQL: ``column`` (quoted SQL) is one of the integer ``ids``, written as numbers (Django would
    prepare every value of an ``__in`` list one by one). PostgreSQL gets one array constant,
    ``= ANY('{…}'::integer[])`` (a list of literals costs planning time per element); SQLite an
    ``IN`` list. docs/search.md, "Performance", has the figures."""
    listed = list(map(int, ids))
    if connection.vendor == "postgresql":
        return f"{column} = ANY('{{{','.join(map(str, listed))}}}'::integer[])"
    return f"{column} IN ({', '.join(map(str, listed)) or 'NULL'})"


# --- Indexing -----------------------------------------------------------------------------------


class PrepareOnceMixin:
    """An ``ObjectIndexer`` that reads each search field of an object once, and leaves out the
    written texts that ``search_folded`` indexes folded (``WrittenText``): the queries are folded.
    Its ``title`` column holds the page's headings (``headings``), not in the body.

    The stock indexers walk every search field again for each column they fill (title, body,
    autocomplete; on PostgreSQL also title_text, body_text), so a computed field such as
    ``search_folded`` is computed, and a related manager queried, three to five times per object.
    """

    def prepare_field(self, obj, field):
        if isinstance(field, WrittenText | Heading):  # headings: the ``title`` column (``headings``)
            return iter(())
        cache = self.__dict__.setdefault("_prepared", {})
        key = (id(obj), id(field))
        if key not in cache:
            cache[key] = (obj, list(super().prepare_field(obj, field)))  # obj kept: its id stays valid
        return iter(cache[key][1])

    @property
    def headings(self) -> str:
        """The index's ``title`` column: the page's headings (``search.indexing.Heading``: title,
        number, summary…), folded as the queries are, which the ranking weighs above the body."""
        return heading_text(self.obj)


def with_indexer(function, indexer_class):
    """``function`` (a stock ``add_items``) calling ``indexer_class`` where it names ``ObjectIndexer``."""
    namespace = {**function.__globals__, "ObjectIndexer": indexer_class}
    return types.FunctionType(
        function.__code__, namespace, function.__name__, function.__defaults__, function.__closure__
    )


class OptimizeOnFinishMixin:
    """A stock rebuilder whose ``finish`` (the end of ``update_index``) optimizes the index first,
    unless the rebuild failed (the atomic rebuilder then rolls back). An optimization the database
    refuses (e.g. a role that does not own the index) is logged and the rebuild kept."""

    def finish(self):
        if not getattr(getattr(self, "transaction", None), "needs_rollback", False):
            try:
                with transaction.atomic(using=self.index.write_connection.alias):
                    self.index.optimize()
            except DatabaseError:
                logger.warning("The search index was rebuilt but not optimized", exc_info=True)
        super().finish()


class OptimizeMixin:
    def optimize_index(self):
        """Leave the index as fast to read as it can be after many writes (a bulk import, a day of
        edits): SQLite merges FTS5's b-trees into one; PostgreSQL moves the GIN indexes' pending
        entries into them and refreshes the statistics. ``update_index`` does it when it finishes;
        ``import_content`` after an import; ``manage.py search_optimize`` on demand (cron)."""
        self.index_class(self).optimize()


def optimize_indexes() -> list[str]:
    """``optimize_index()`` on every auto-updated search backend that has it; the names of those."""
    from modelsearch.backends import get_search_backends_with_name

    done = []
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        if callable(getattr(backend, "optimize_index", None)):
            backend.optimize_index()
            done.append(name)
    return done


# --- Searching ----------------------------------------------------------------------------------


class ScoredMatchesMixin:
    """``scored_matches``: every match of a query, scored with the field weights (docs/search.md,
    "How a query is answered"). Subclasses define ``_scored_sql(content_types, words, missing)``."""

    def scored_matches(self, content_types, words, missing=0):
        """[(content type id, page id, score, words held)]: every index entry of ``content_types``
        that holds all ``words`` (folded) but at most ``missing`` of them, scored higher-is-better —
        the backend's relevance formula over the words, with the headings
        (``search.indexing.Heading``) weighed ``HEADING_WEIGHT`` times the body — and how many of
        the words it holds. Unordered; nothing left out. The cost grows with the words and their
        matches, not with the combinations of words that may be missing."""
        found = self.scored_sql(content_types, words, missing)
        if found is None:
            return []
        with connection.cursor() as cursor:
            cursor.execute(*found)
            return [(ct, pk, float(score), held) for ct, pk, score, held in cursor.fetchall()]

    def scored_sql(self, content_types, words, missing=0) -> tuple[str, list] | None:
        """``scored_matches`` as one SQL statement and its parameters, selecting ``ct, pk, score,
        held`` (the search service writes them into its table of matches: ``search.matchset``);
        None when nothing can match (no content type or no word)."""
        content_types = [int(ct) for ct in content_types]
        words = [word for word in dict.fromkeys(words) if word]
        if not content_types or not words:
            return None
        return self._scored_sql(content_types, words, max(0, min(missing, len(words) - 1)))
