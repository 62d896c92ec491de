"""What the SQLite and PostgreSQL backends share: the index's writes, its optimization, the
bounded walk's entry point, and what they remember between searches (``index_cache``)."""

import logging
import types

from django.db import DatabaseError, connection, transaction
from django.db.models import Count, Max, Min
from modelsearch.conf import get_app_config

from ...indexing import WrittenText

logger = logging.getLogger(__name__)


class IndexCache:
    """What the database backends keep between searches, in this process (``index_cache``).

    - ``spans``: {content type ids: (lowest id, highest id, count) of their index entries, or None},
      valid while the newest entry of the index is ``spans_at`` (``entry_spans``);
    - ``word_entries`` (SQLite): {word: number of index entries whose title or body holds it,
      "": number of entries}, for ``sqlite._scored_words``;
    - ``word_shares`` (PostgreSQL): the statistics of the body vectors, {lexeme: share of entries},
      and when they were read (``postgres._rarest_word_share``).

    Our indexes' writes call ``forget_entries()``; ``optimize()`` on PostgreSQL
    ``forget_statistics()``; ``reset()`` forgets everything.
    """

    def __init__(self):
        self.spans: dict[tuple, tuple[int, int, int] | None] = {}
        self.spans_at = None  # the newest index entry (id, content type) the spans were read at
        self.word_entries: dict[str, int] = {}
        self.word_shares: dict = {"read_at": None, "shares": {}, "floor": 0.0}

    def forget_entries(self):
        """After a write to the index: the spans and the word counts."""
        self.spans.clear()
        self.spans_at = None
        self.word_entries.clear()

    def forget_statistics(self):
        """After ``ANALYZE``: the word shares are read again at the next search."""
        self.word_shares["read_at"] = None

    def reset(self):
        self.forget_entries()
        self.word_shares.update(read_at=None, shares={}, floor=0.0)


index_cache = IndexCache()


def entry_spans(groups) -> list[tuple[int, int, int] | None]:
    """(lowest id, highest id, count) of each group's index entries, None when it has none.

    Kept while the newest entry of the whole index is the same one (one query per search): ids only
    grow (AUTOINCREMENT on SQLite, a sequence on PostgreSQL), so any entry added since would be the
    newest; our index also forgets them on every write (``IndexWritesMixin``). They decide where and
    how the matches are walked (and that a group has nothing to walk), never which of them are found.
    """
    IndexEntry = get_app_config().get_model("IndexEntry")
    newest = IndexEntry.objects.order_by("-id").values_list("id", "content_type_id").first()
    if index_cache.spans_at != newest:
        index_cache.forget_entries()
        index_cache.spans_at = newest
    out = []
    for content_types, _candidates in groups:
        key = tuple(sorted(content_types))
        if key not in index_cache.spans:
            span = IndexEntry.objects.filter(content_type_id__in=content_types).aggregate(
                low=Min("id"), high=Max("id"), n=Count("id")
            )
            index_cache.spans[key] = (span["low"], span["high"], span["n"]) if span["n"] else None
        out.append(index_cache.spans[key])
    return out


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

    The stock indexers walk every search field again for each column they fill (title, body,
    autocomplete; on PostgreSQL also title_text, body_text), so a computed field such as
    ``search_folded`` is computed, and a related manager queried, three to five times per object.
    """

    def prepare_field(self, obj, field):
        if isinstance(field, WrittenText):
            return iter(())
        cache = self.__dict__.setdefault("_prepared", {})
        key = (id(obj), id(field))
        if key not in cache:
            cache[key] = (obj, list(super().prepare_field(obj, field)))  # obj kept: its id stays valid
        return iter(cache[key][1])


def with_indexer(function, indexer_class):
    """``function`` (a stock ``add_items``) calling ``indexer_class`` where it names ``ObjectIndexer``."""
    namespace = {**function.__globals__, "ObjectIndexer": indexer_class}
    return types.FunctionType(
        function.__code__, namespace, function.__name__, function.__defaults__, function.__closure__
    )


class IndexWritesMixin:
    """A stock index whose writes read each search field once (``stock_add_items``: the stock
    ``add_items`` with a ``PrepareOnceMixin`` indexer, ``with_indexer``) and then forget what
    ``index_cache`` kept about the entries. Subclasses define ``stock_add_items`` and ``optimize``."""

    def add_items(self, model, objs):
        try:
            return self.stock_add_items(model, objs)
        finally:
            index_cache.forget_entries()

    def add_item(self, obj):
        try:
            return super().add_item(obj)
        finally:
            index_cache.forget_entries()

    def delete_item(self, item):
        try:
            return super().delete_item(item)
        finally:
            index_cache.forget_entries()


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


class BoundedMatchesMixin:
    """``bounded_matches``: the unified search's fast path (docs/search.md, "Performance").
    Subclasses define ``_bounded(compiler, groups, limit, ranked, title_in_body)``."""

    def bounded_matches(self, groups, text, limit, ranked=None, title_in_body=False):
        """[(content type id, page id, score or None)]: for each group, the ``limit`` most recently
        indexed entries that hold every word of ``text`` (an AND query of plain words), newest first;
        the newest ``ranked`` of each group (all when None) with their scores, the others with None.

        ``title_in_body``: the caller vouches that every entry's body text holds its title's words
        (our page types index ``search_folded``, which folds the title in). PostgreSQL then matches
        each word on the body vector alone — one GIN posting list per word instead of two (title,
        body); the scores still read both. SQLite's FTS5 matches every column in one index anyway.

        ``groups``: [(content type ids, candidate page queryset or None)]; with None, no page filter
        is applied here (the caller filters the pages it reads). Each group is one query that walks
        the matches newest first and stops at ``limit``: only the rows ranked are scored (the stock
        formula — same numbers as ``search()`` — which points the way ``score_higher_is_better``
        says), so a common word costs about as much as a rare one.
        """
        groups = [([int(ct) for ct in cts], qs) for cts, qs in groups if cts]
        if not groups or not text.split():
            return []
        from wagtail.models import Page

        compiler = self.query_compiler_class(Page.objects.none(), text, operator="and")
        ranked = limit if ranked is None else min(ranked, limit)
        return self._bounded(compiler, groups, limit, ranked, title_in_body)
