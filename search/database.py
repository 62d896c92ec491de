"""The database search backend the portal uses when no ``SEARCH_URL`` is set (docs/search.md, "Performance").

``BACKEND: "search.database"`` picks, like ``wagtail.search.backends.database``, a backend by the
connection's vendor: SQLite (FTS5) or PostgreSQL; anything else gets the stock one. Both are
modelsearch's backends with one change: **a search is one SQL query**, whatever the number of
matches.

- **SQLite.** The stock compiler filters ``pk IN (<FTS5 match>)`` and computes each row's score
  with a correlated subquery that runs the FTS5 match *again for every candidate row* (0.8–7 s for
  a common query over a few thousand pages). Here the page table is joined to the match once:
  ``FROM page, modelsearch_indexentry_fts, modelsearch_indexentry WHERE fts MATCH … AND
  indexentry.id = fts.rowid AND page.pk = CAST(indexentry.object_id AS INTEGER)``; the score is the
  stock rank expression (``bm25`` × title norm, same formula, same numbers), read in that same row.
- **PostgreSQL.** The stock compiler matches ``(title || body) @@ query``: a concatenation that no
  index covers, so every index entry of the model is read. Here each query term must match
  ``title @@ term OR body @@ term`` (the GIN indexes on ``title`` and ``body``, combined by bitmap
  AND/OR), which for an AND query of plain terms is the same condition; the ``@@`` on the
  concatenation is not evaluated; the stock ``ts_rank`` expression ranks. Other query shapes
  (OR, phrases, negation, ``fields=``) use the stock code.

Everything else — operators, ``order_by_relevance``, ``annotate_score``, filters, facets,
autocomplete, phrases, negation, fuzzy search, indexing — is the stock behaviour; query shapes the
fast path does not cover fall back to the stock code.

Each page is indexed once, under its own (most specific) content type (Wagtail's
``Page.get_indexed_objects``), so the join yields one row per page.
"""

import contextlib
import logging
import re
import time
import types

from django.db import DatabaseError, connection, transaction
from django.db.models import (
    AutoField,
    BigAutoField,
    BigIntegerField,
    Count,
    F,
    IntegerField,
    Max,
    Min,
    SmallIntegerField,
)
from django.db.models.functions import Cast
from modelsearch.backends.database import SearchBackend as _stock_backend
from modelsearch.conf import get_app_config
from modelsearch.query import And, MatchAll, Not, Or, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from portal.text import fold

from .indexing import WrittenText

logger = logging.getLogger(__name__)

_INTEGER_FIELDS = (AutoField, BigAutoField, BigIntegerField, IntegerField, SmallIntegerField)


def _integer_pk(model) -> bool:
    pk = model._meta.pk
    while pk.remote_field is not None and pk.is_relation:  # multi-table inheritance: page_ptr → Page.id
        pk = pk.target_field
    return isinstance(pk, _INTEGER_FIELDS)


def _pk_column(queryset) -> str:
    """``"table"."column"`` of the queryset's primary key, as the outer query names it."""
    meta = queryset.model._meta
    quote = connection.ops.quote_name
    return f"{quote(meta.db_table)}.{quote(meta.pk.column)}"


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


def _with_indexer(function, indexer_class):
    """``function`` (a stock ``add_items``) calling ``indexer_class`` where it names ``ObjectIndexer``."""
    namespace = {**function.__globals__, "ObjectIndexer": indexer_class}
    return types.FunctionType(
        function.__code__, namespace, function.__name__, function.__defaults__, function.__closure__
    )


def _our_index(stock_index, stock_indexer, optimize):
    """A subclass of a stock index whose writes read each search field once (``PrepareOnceMixin``)
    and forget the kept id spans (``_forgetting``), with ``optimize(index)`` as its ``optimize``."""
    indexer = type(stock_indexer.__name__, (PrepareOnceMixin, stock_indexer), {})
    return type(
        stock_index.__name__,
        (stock_index,),
        {
            "__module__": __name__,
            "add_items": _forgetting(_with_indexer(stock_index.add_items, indexer)),
            "add_item": _forgetting(stock_index.add_item),
            "delete_item": _forgetting(stock_index.delete_item),
            "optimize": optimize,
        },
    )


def _optimizing(rebuilder_class):
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
        rebuilder_class.finish(self)

    return type(rebuilder_class.__name__, (rebuilder_class,), {"__module__": __name__, "finish": finish})


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


def in_ids(column: str, ids) -> str:
    """SQL: ``column`` (quoted SQL) is one of the integer ``ids``, written as numbers (Django prepares
    every value of an ``__in`` list one by one: ~40 ms for a few thousand ids). PostgreSQL gets one
    array constant, ``= ANY('{…}'::integer[])``: with a list of a thousand literals it spent ~3 ms
    more per query (planning estimates every element); SQLite an ``IN`` list."""
    listed = list(map(int, ids))
    if connection.vendor == "postgresql":
        return f"{column} = ANY('{{{','.join(map(str, listed))}}}'::integer[])"
    return f"{column} IN ({', '.join(map(str, listed)) or 'NULL'})"


def _entries_of(candidates=None):
    """The index entries with ``_pid`` (the page id as an integer); only those of the ``candidates``
    (a page queryset, an ``IN`` subquery evaluated once) unless it is None. The caller checks the
    content types (as the walk it writes needs)."""
    IndexEntry = get_app_config().get_model("IndexEntry")
    entries = IndexEntry.objects.annotate(_pid=Cast("object_id", IntegerField()))
    if candidates is not None:
        entries = entries.filter(_pid__in=candidates.values("pk"))
    return entries


_spans: dict[tuple, tuple[int, int, int] | None] = {}
_spans_of: list = [None]  # the newest index entry (id, content type) the spans were read at


def _entry_spans(groups) -> list[tuple[int, int, int] | None]:
    """(lowest id, highest id, count) of each group's index entries, None when it has none.

    Kept while the newest entry of the whole index is the same one (one query per search): ids only
    grow (AUTOINCREMENT on SQLite, a sequence on PostgreSQL), so any entry added since would be the
    newest; our index also forgets them on every write (``_forget_spans``). They decide where and how
    the matches are walked (and that a group has nothing to walk), never which of them are found.
    """
    IndexEntry = get_app_config().get_model("IndexEntry")
    newest = IndexEntry.objects.order_by("-id").values_list("id", "content_type_id").first()
    if _spans_of[0] != newest:
        _forget_spans()
        _spans_of[0] = newest
    out = []
    for content_types, _candidates in groups:
        key = tuple(sorted(content_types))
        if key not in _spans:
            span = IndexEntry.objects.filter(content_type_id__in=content_types).aggregate(
                low=Min("id"), high=Max("id"), n=Count("id")
            )
            _spans[key] = (span["low"], span["high"], span["n"]) if span["n"] else None
        out.append(_spans[key])
    return out


def _forget_spans(*args, **kwargs):
    _spans.clear()
    _spans_of[0] = None
    _word_entries.clear()


def _forgetting(method):
    """``method`` (an index write), then ``_forget_spans``."""

    def write(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        finally:
            _forget_spans()

    return write


#: SQLite: {word: number of index entries whose title or body holds it, "": number of entries}, for
#: ``_scored_words``; forgotten with the spans (``_forget_spans``).
_word_entries: dict[str, int] = {}
_PLAIN_WORD = re.compile(r"[a-z0-9]+")


# PostgreSQL: the first window should hold 1.5 × limit at the rarest word's density. Walks summed
# over the bench's 240 queries (EXPLAIN ANALYZE, alternated per query): 1.5 → mean / p95 17.6 /
# 43.6 ms per search, 325 walks; 3 → 17.8 / 37.2, 293 walks; 6 → 21.4 / 47.4, 270 walks.
FIRST_WINDOW_FILL = 1.5
WALK_WINDOW = 8  # PostgreSQL: the matches are looked for first among the newest 8 × limit ids of the type


class BoundedMatchesMixin:
    """``bounded_matches``: the unified search's fast path (docs/search.md, "Performance")."""

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


# --- SQLite -------------------------------------------------------------------------------------------


def _sqlite_classes():
    from modelsearch.backends.database.sqlite import sqlite as stock
    from modelsearch.backends.database.sqlite.query import MatchExpression, normalize

    SQLiteFTSIndexEntry = get_app_config().get_model("SQLiteFTSIndexEntry")
    IndexEntry = get_app_config().get_model("IndexEntry")
    fts_table = SQLiteFTSIndexEntry._meta.db_table
    entry_table = IndexEntry._meta.db_table

    class SingleQueryMixin:
        """``search()`` as one query: the page table joined to the FTS5 match, scored in the same row."""

        def search(self, config, start, stop, score_field=None):
            query = normalize(self.query)
            if isinstance(query, MatchAll | Not) or not _integer_pk(self.queryset.model):
                # Everything, nothing, or negated: the stock code (no ranking involved).
                return super().search(config, start, stop, score_field=score_field)
            search_query = self.build_search_query(query, config=config)
            match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, search_query)
            rank = self._build_rank_expression(self.get_search_vectors(), config)
            index_query = (
                SQLiteFTSIndexEntry.objects.filter(match)
                .select_related("index_entry")
                .annotate(score=rank)
                .values("score")
            )
            compiler = index_query.query.get_compiler(using=self.queryset.db)
            match_sql, match_params = compiler.compile(match)
            score_sql, score_params = compiler.compile(index_query.query.annotations["score"])
            content_types = [int(pk) for pk in get_descendants_content_types_pks(self.queryset.model)]
            quote = connection.ops.quote_name
            queryset = self.queryset.extra(  # noqa: S610 - table/column names and compiled SQL with params
                tables=[fts_table, entry_table],
                where=[
                    match_sql,
                    f"{quote(entry_table)}.{quote('id')} = {quote(fts_table)}.rowid",
                    # "+": no index on content_type_id, so the planner starts from the FTS5 match (it
                    # would otherwise scan the entries of the type and run the match once per entry).
                    f"+{quote(entry_table)}.{quote('content_type_id')} IN ({', '.join(map(str, content_types))})",
                    f"{_pk_column(self.queryset)} = CAST({quote(entry_table)}.{quote('object_id')} AS INTEGER)",
                ],
                params=match_params,
            )
            if self.order_by_relevance and score_field is None:
                score_field = "_score"
            if score_field is not None:
                queryset = queryset.extra(select={score_field: score_sql}, select_params=score_params)  # noqa: S610
                if self.order_by_relevance:
                    queryset = queryset.order_by(score_field, "-pk")
            if not self.order_by_relevance and not queryset.query.order_by:
                queryset = queryset.order_by("-pk")  # stable pages (wagtail#3729)
            return queryset[start:stop]

    class FoldedQueryMixin:
        """The query's words folded ("Vĩnh Tường" → "vinh tuong"), as the text is indexed: FTS5's
        tokenizer leaves ``đ`` and letters with two marks (``ờ``, ``ộ``) as they are, and the long
        written texts are indexed folded only (``WrittenText``). PostgreSQL's configuration folds
        the query itself (``unaccent``)."""

        def build_search_query_content(self, query, config=None):
            if isinstance(query, PlainText):
                query = PlainText(fold(query.query_string), operator=query.operator, boost=query.boost)
            elif isinstance(query, Phrase):
                query = Phrase(fold(query.query_string))
            return super().build_search_query_content(query, config=config)

    class SQLiteSearchQueryCompiler(FoldedQueryMixin, SingleQueryMixin, stock.SQLiteSearchQueryCompiler):
        pass

    class SQLiteAutocompleteQueryCompiler(FoldedQueryMixin, SingleQueryMixin, stock.SQLiteAutocompleteQueryCompiler):
        pass

    def optimize(index):
        """FTS5's 'optimize': every b-tree of the full-text index merged into one. Bulk writes leave
        several (FTS5 merges them only level by level), and each query, ``bm25``'s pass over every
        phrase's document list first, reads all of them: on the 100k bench file a common query's
        scoring took 35 ms before, 23 ms after (docs/search.md, "Figures"). ~4 s for 100k entries."""
        table = index.write_connection.ops.quote_name(fts_table)
        with index.write_connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {table}({table}) VALUES('optimize')")  # noqa: S608 - a table name

    SQLiteIndex = _our_index(stock.SQLiteIndex, stock.ObjectIndexer, optimize)

    class SQLiteSearchBackend(OptimizeMixin, BoundedMatchesMixin, stock.SQLiteSearchBackend):
        """modelsearch's SQLite FTS5 backend, ranking in the query that matches."""

        index_class = SQLiteIndex
        rebuilder_class = _optimizing(stock.SQLiteSearchRebuilder)
        atomic_rebuilder_class = _optimizing(stock.SQLiteSearchAtomicRebuilder)
        query_compiler_class = SQLiteSearchQueryCompiler
        autocomplete_query_compiler_class = SQLiteAutocompleteQueryCompiler
        score_higher_is_better = False  # bm25: lower is better

        def _bounded(self, compiler, groups, limit, ranked, title_in_body=False):
            """Two steps: each group's newest ``limit`` matches without scores (FTS5 walks the match in
            rowid order and stops), then one query scores the newest ``ranked`` of each — ``bm25``
            first reads the whole document list of every word it weighs (the IDF; ``_scored_words``
            leaves out those that carry no weight), a fixed cost paid once instead of once per group;
            then a cost per row scored."""
            config = compiler.get_config(self)
            query = normalize(compiler.query)
            match = MatchExpression(compiler.FTS_TABLE_FIELDS, compiler.build_search_query(query, config=config))
            rank = compiler._build_rank_expression(compiler.get_search_vectors(), config)
            index_query = SQLiteFTSIndexEntry.objects.filter(match).select_related("index_entry").annotate(score=rank)
            sql_compiler = index_query.query.get_compiler(using=IndexEntry.objects.db)
            match_sql, match_params = sql_compiler.compile(match)
            score_sql, score_params = sql_compiler.compile(index_query.query.annotations["score"])
            quote = connection.ops.quote_name
            entry, fts = quote(entry_table), quote(fts_table)
            walks = [
                self._newest(match_sql, match_params, content_types, candidates, limit, span)
                for (content_types, candidates), span in zip(groups, _entry_spans(groups))
                if span is not None
            ]
            scored = [rowid for walk in walks for rowid, _ct, _pk in walk[:ranked]]
            scores = {}
            words = fold(query.query_string).split() if scored and isinstance(query, PlainText) else []
            weighed = _scored_words(words)
            if weighed != words:
                # The rows scored are the walks' already: this match only says which words bm25 weighs.
                weighed_query = PlainText(" ".join(weighed), operator="and")
                match = MatchExpression(compiler.FTS_TABLE_FIELDS, compiler.build_search_query(weighed_query, config))
                match_sql, match_params = sql_compiler.compile(match)
            if scored:
                listed = ", ".join(map(str, map(int, scored)))
                sql = " ".join(  # table/column names, compiled SQL with its params, integers
                    [
                        f"SELECT {fts}.rowid, {score_sql} FROM {fts}, {entry} WHERE {match_sql}",  # noqa: S608
                        f"AND {entry}.{quote('id')} = {fts}.rowid",
                        f"AND {fts}.rowid BETWEEN {min(scored)} AND {max(scored)}",
                        # "+": a check on each match; without it FTS5 would run the match once per id.
                        f"AND +{fts}.rowid IN ({listed})",
                    ]
                )
                with connection.cursor() as cursor:
                    cursor.execute(sql, [*score_params, *match_params])
                    scores = dict(cursor.fetchall())
            return [(ct, pk, scores.get(rowid)) for walk in walks for rowid, ct, pk in walk]

        def _newest(self, match_sql, match_params, content_types, candidates, limit, span):
            """(entry id, content type id, page id) of the ``limit`` newest matches of ``content_types``,
            whose entries are ``span`` (lowest id, highest id, count)."""
            quote = connection.ops.quote_name
            entry, fts = quote(entry_table), quote(fts_table)
            ct_list = ", ".join(map(str, content_types))
            low, high, count = span
            where = [match_sql, f"{entry}.{quote('id')} = {fts}.rowid"]
            if count * 2 >= high - low + 1:
                # Dense (most entries in its id range are of these types): walk the matches in that
                # range, reading each one's entry; about 2 × limit entries are read at most.
                where += [
                    f"{fts}.rowid BETWEEN {int(low)} AND {int(high)}",
                    f"+{entry}.{quote('content_type_id')} IN ({ct_list})",
                ]
            else:
                # Sparse: the ids of these types as one set (read from the content type index), the
                # "+" keeping it a check on each match rather than one FTS5 lookup per id.
                ids = f"SELECT U.{quote('id')} FROM {entry} U"  # noqa: S608 - table/column names
                where.append(f"+{fts}.rowid IN ({ids} WHERE U.{quote('content_type_id')} IN ({ct_list}))")
            entries = _entries_of(candidates).extra(  # noqa: S610 - names and compiled SQL
                tables=[fts_table], where=where, params=match_params, select={"_rowid": f"{fts}.rowid"}
            )
            entries = entries.order_by("-_rowid")[:limit]
            sql, params = entries.values_list("_rowid", "content_type_id", "_pid").query.sql_with_params()
            with connection.cursor() as cursor:  # plain rows: up to ``limit`` of them, no converters needed
                cursor.execute(sql, params)
                return cursor.fetchall()

    def _scored_words(words: list[str]) -> list[str]:
        """``words`` (a query's, folded) less those that hold no weight in ``bm25``: the words found in
        the title or body of at least half of the index entries, whose IDF ``bm25`` floors at 1e-6 —
        unless no other word would be left (then those tiny weights are the whole ranking).

        ``bm25`` counts each word's matches over the whole table before scoring a row (its IDF), so a
        very common word costs as much as its posting list is long — ~5 ms for a syllable in
        nearly every entry of the 100k bench file. Its share of a score is at most 2.2e-6 (IDF ×
        (k1 + 1)) against ~0.1–10 for the other words: leaving it out changes no order but among
        rows that tie on every other word. The counts (``_word_entries``, one query for the words
        not yet counted) are kept until the index changes (``_forget_spans``)."""
        plain = {word for word in words if _PLAIN_WORD.fullmatch(word)}  # one FTS5 token each
        missing = [word for word in plain if word not in _word_entries]
        if missing:
            quote = connection.ops.quote_name
            fts = quote(fts_table)
            counts = ", ".join([f"(SELECT COUNT(*) FROM {fts} WHERE {fts} MATCH %s)"] * len(missing))  # noqa: S608
            with connection.cursor() as cursor:
                cursor.execute(
                    f"SELECT (SELECT COUNT(*) FROM {quote(entry_table)}), {counts}",  # noqa: S608 - names
                    [f'{{title body}} : "{word}"' for word in missing],
                )
                total, *found = cursor.fetchone()
            _word_entries[""] = total
            _word_entries.update(zip(missing, found))
        kept = [word for word in words if word not in plain or 2 * _word_entries[word] < _word_entries[""]]
        return kept or words

    return SQLiteSearchBackend


# --- PostgreSQL -----------------------------------------------------------------------------------------


def _where_sql(queryset) -> tuple[str, tuple]:
    """The WHERE clause of ``queryset`` as (SQL, params)."""
    compiler = queryset.query.get_compiler(using=queryset.db)
    return compiler.compile(queryset.query.where)


def _postgres_classes():
    from django.contrib.postgres.search import SearchQuery
    from django.db.models import Q
    from modelsearch.backends.database.postgres import postgres as stock

    IndexEntry = get_app_config().get_model("IndexEntry")

    class IndexedMatchMixin:
        """Match through the GIN indexes on ``title`` and ``body`` (term by term), rank as stock."""

        def _terms(self, query):
            """The plain terms of an AND query (PlainText "and", or And of those), else None."""
            if isinstance(query, PlainText):
                if query.operator != "and":
                    return None
                terms = [t for t in query.query_string.replace("-", " ").split() if t]
                return [(t, i == len(terms) - 1) for i, t in enumerate(terms)]
            if isinstance(query, And):
                out = []
                for sub in query.subqueries:
                    terms = self._terms(sub)
                    if terms is None:
                        return None
                    out += terms
                return out
            return None

        def _index_condition(self, config, names=None):
            terms = self._terms(self.query)
            if not terms:
                return None
            from modelsearch.backends.database.postgres.query import Lexeme

            title, body = names or self._vector_names()
            condition = Q()
            for term, last in terms:
                lexeme = Lexeme(term, prefix=last and self.LAST_TERM_IS_PREFIX)
                tsquery = SearchQuery(lexeme, search_type="raw", config=config)
                if body is None:
                    condition &= Q(**{title: tsquery})
                else:
                    condition &= Q(**{title: tsquery}) | Q(**{body: tsquery})
            return condition

        def _vector_names(self):
            return "index_entries__title", "index_entries__body"

        def search(self, config, start, stop, score_field=None, backend=None):
            if self.fields is not None or isinstance(self.query, MatchAll | Not | Or):
                return super().search(config, start, stop, score_field=score_field, backend=backend)
            condition = self._index_condition(config)
            if condition is None:
                return super().search(config, start, stop, score_field=score_field, backend=backend)
            search_query = self.build_tsquery(self.query, config=config)
            vectors = self.get_search_vectors(search_query)
            rank_expression = self._build_rank_expression(vectors, config)
            queryset = self.queryset.filter(condition)
            return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)

    class PostgresSearchQueryCompiler(IndexedMatchMixin, stock.PostgresSearchQueryCompiler):
        pass

    class PostgresAutocompleteQueryCompiler(IndexedMatchMixin, stock.PostgresAutocompleteQueryCompiler):
        def _vector_names(self):
            return "index_entries__autocomplete", None

    def optimize(index):
        """The GIN indexes' pending lists (where ``fastupdate`` puts new entries until autovacuum
        comes, and which every search reads in full) moved into the indexes; then ``ANALYZE``, so
        the planner and the walk's window (``_rarest_word_share``) see the new words at once."""
        table = IndexEntry._meta.db_table
        with index.write_connection.cursor() as cursor:
            cursor.execute(
                "SELECT gin_clean_pending_list(i.indexrelid::regclass) FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam "
                "WHERE i.indrelid = %s::regclass AND a.amname = 'gin'",
                [table],
            )
            cursor.execute(f"ANALYZE {index.write_connection.ops.quote_name(table)}")  # noqa: S608 - a table name
        _word_shares["read_at"] = None

    PostgresIndex = _our_index(stock.PostgresIndex, stock.ObjectIndexer, optimize)

    class PostgresSearchBackend(OptimizeMixin, BoundedMatchesMixin, stock.PostgresSearchBackend):
        """modelsearch's PostgreSQL backend, matching through the GIN indexes."""

        index_class = PostgresIndex
        rebuilder_class = _optimizing(stock.PostgresSearchRebuilder)
        atomic_rebuilder_class = _optimizing(stock.PostgresSearchAtomicRebuilder)
        query_compiler_class = PostgresSearchQueryCompiler
        autocomplete_query_compiler_class = PostgresAutocompleteQueryCompiler
        score_higher_is_better = True  # ts_rank

        def __init__(self, params):
            super().__init__(params)
            # modelsearch hard-codes 'simple' for autocomplete, which keeps the marks: with our
            # unaccent configuration (no stemming either) "vinh" completes "Vĩnh" too.
            if self.config:
                self.autocomplete_config = self.config

        def _bounded(self, compiler, groups, limit, ranked, title_in_body=False):
            """Per group: its newest ``limit`` matches, the newest ``ranked`` of them ranked (``ts_rank``);
            the others get no score (NULL).

            Each group's matches are looked for in a window of its newest entry ids, at first the
            newest ``WALK_WINDOW × limit``: a common word fills ``limit`` there, and PostgreSQL reads
            only the matches inside the window. A group that found fewer gets a window that should
            hold twice as many (from the density seen), or its whole span when the match is rare
            there. The groups are walked together (``_walk``): each word's GIN list is read once per
            walk, not once per group. The walks return ids only; one query then ranks the rows
            ranked (``ts_rank`` of a many-word query over a long body is the costliest part of a
            search: ranked once, not again in a second walk).
            """
            config = compiler.get_config(self)
            condition = compiler._index_condition(config, names=("body", None) if title_in_body else ("title", "body"))
            if condition is None:
                return []
            # Every word that must match whole (not a last word completed as a prefix, autocomplete)
            words = [
                term
                for term, last in compiler._terms(compiler.query) or ()
                if not (last and compiler.LAST_TERM_IS_PREFIX)
            ]
            share = _rarest_word_share(words) if words else None
            todo, found = [], {}  # the groups' content types are disjoint (one group per page type)
            for n, ((content_types, candidates), span) in enumerate(zip(groups, _entry_spans(groups))):
                if span is None:
                    continue  # nothing indexed of these types
                low, high, count = span
                window = WALK_WINDOW * limit
                if window <= high - low and share is not None:
                    # Every walk reads each word's GIN list again: start with a window that should
                    # hold FIRST_WINDOW_FILL × limit if the matches were as frequent as the rarest
                    # word (an upper bound), so that a second walk is rare and a first one reads few rows.
                    expected = share * count
                    fill = FIRST_WINDOW_FILL * limit
                    window = max(limit, int(fill * (high - low + 1) / expected)) if expected else high - low + 1
                todo.append((n, content_types, candidates, span, window))
            match = _where_sql(IndexEntry.objects.filter(condition))
            while todo:
                rows = self._walk(match, todo, limit)
                again = []
                for n, content_types, candidates, (low, high, count), window in todo:
                    mine = rows.get(n, [])
                    if len(mine) == limit or window > high - low:  # full, or the whole span walked
                        found[n] = mine
                        continue
                    window = window * 2 * limit // len(mine) if len(mine) * 8 >= limit else high - low + 1
                    again.append((n, content_types, candidates, (low, high, count), window))
                todo = again
            walks = [found[n] for n in sorted(found)]
            rank = compiler._build_rank_expression([(F("title"), F("title_norm")), (F("body"), 1.0)], config)
            scores = self._ranks(rank, [entry for walk in walks for entry, _ct, _pk in walk[:ranked]])
            return [(ct, pk, scores.get(entry)) for walk in walks for entry, ct, pk in walk]

        def _walk(self, match, todo, limit):
            """{group number: [(entry id, content type id, page id)], newest first}: one query for every
            group of ``todo`` — the ``match`` (compiled SQL, params) within each group's window of
            newest ids, numbered per group, the first ``limit`` of each kept."""
            quote = connection.ops.quote_name
            entry = quote(IndexEntry._meta.db_table)
            ct, pk, pid = (f"{entry}.{quote(name)}" for name in ("content_type_id", "id", "object_id"))
            windows, params, which = [], list(match[1]), []
            for n, content_types, candidates, (low, high, _count), window in todo:
                listed = ", ".join(str(int(c)) for c in content_types)
                # The type as "content_type_id + 0": a check on the rows of the window, not a read of
                # the type's whole index (tens of thousands of ids) to intersect with them.
                group = f"({ct} + 0 IN ({listed}) AND {pk} BETWEEN {int(max(low, high - window + 1))} AND {int(high)}"
                if candidates is not None:
                    pages, pages_params = candidates.values("pk").query.sql_with_params()
                    group += f" AND ({pid})::integer IN ({pages})"
                    params += pages_params
                windows.append(group + ")")
                which.append(f"WHEN {ct} IN ({listed}) THEN {int(n)}")
            number = f"CASE {' '.join(which)} END"
            # Table/column names, integers and compiled SQL with its params:
            sql = " ".join(
                [
                    f"SELECT n, id, content_type_id, pid FROM (SELECT {number} AS n, {pk} AS id,",  # noqa: S608
                    f"{ct} AS content_type_id, ({pid})::integer AS pid,",
                    f"ROW_NUMBER() OVER (PARTITION BY {number} ORDER BY {pk} DESC) AS newest",
                    f"FROM {entry} WHERE {match[0]} AND ({' OR '.join(windows)})) walk",
                    f"WHERE newest <= {int(limit)}",
                ]
            )
            rows = sorted(_through_bitmaps(sql, params), key=lambda r: (r[0], -r[1]))
            out: dict[int, list] = {}
            for n, entry_id, content_type, page in rows:
                out.setdefault(n, []).append((entry_id, content_type, page))
            return out

        def _ranks(self, rank, entries):
            """{entry id: ``rank``} for the index ``entries`` (ids), one query."""
            if not entries:
                return {}
            table = connection.ops.quote_name(IndexEntry._meta.db_table)
            ranked = IndexEntry.objects.annotate(_score=rank).extra(  # noqa: S610 - integers
                where=[in_ids(f"{table}.{connection.ops.quote_name('id')}", entries)]
            )
            sql, params = ranked.values_list("id", "_score").query.sql_with_params()
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return dict(cursor.fetchall())

    return PostgresSearchBackend


_BITMAPS_ONLY = "SELECT set_config('enable_indexscan', 'off', true), set_config('enable_seqscan', 'off', true); "


def _through_bitmaps(sql: str, params) -> list[tuple]:
    """The rows of ``sql`` (a walk) planned with bitmap scans only: the words through their GIN
    indexes, combined (``BitmapAnd``) with the window's id range on the primary key.

    PostgreSQL does not count the cost of checking ``body @@ word`` on a row — the body vector is
    read from TOAST, decompressed and searched — so for a window of tens of thousands of ids it
    chose to walk the primary key through the window and check each row: 165 ms for "nghi dinh"
    over the 27,000 newest news entries (2,120 matches), against 23 ms through the bitmaps (the GIN
    posting lists say which rows match; no body is read).

    The settings are local to a transaction and sent with the walk as one string. In autocommit
    (a request without ``ATOMIC_REQUESTS``) that string is one implicit transaction: the settings
    end with it, one round trip. Inside a transaction they would last until its end, so there the
    walk runs in a savepoint rolled back after it. Either way nothing else is planned with them."""
    in_transaction = not connection.get_autocommit()
    with transaction.atomic() if in_transaction else contextlib.nullcontext(), connection.cursor() as cursor:
        cursor.execute(_BITMAPS_ONLY + sql, params)
        rows = cursor.fetchall()  # plain rows (up to limit per group): no converters needed
        if in_transaction:
            transaction.set_rollback(True)
    return rows


#: PostgreSQL's statistics of the body vectors, {lexeme: share of entries}, and when they were read.
_word_shares: dict = {"read_at": None, "shares": {}, "floor": 0.0}
WORD_SHARES_SECONDS = 600


def _rarest_word_share(words: list[str]) -> float | None:
    """An upper bound of the share of index entries whose body holds all ``words``: the share of the
    rarest of them, from PostgreSQL's statistics (``pg_stats.most_common_elems`` of the body
    vectors, refreshed by ``ANALYZE``/autovacuum; read at most every ``WORD_SHARES_SECONDS``). A
    word not listed is rarer than the least common listed one. None without statistics."""
    now = time.monotonic()
    if _word_shares["read_at"] is None or now - _word_shares["read_at"] > WORD_SHARES_SECONDS:
        IndexEntry = get_app_config().get_model("IndexEntry")
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
                "WHERE tablename = %s AND attname = 'body'",
                [IndexEntry._meta.db_table],
            )
            row = cursor.fetchone()
        lexemes, freqs = row if row and row[0] else ([], [])
        _word_shares.update(
            read_at=now, shares=dict(zip(lexemes, freqs)), floor=min(freqs[: len(lexemes)], default=0.0)
        )
    if not _word_shares["shares"]:
        return None
    shares = _word_shares["shares"]
    return min(shares.get(word.lower(), _word_shares["floor"]) for word in words)


_classes: dict[str, type] = {}


def SearchBackend(params):  # noqa: N802 - the name Wagtail's backend loader looks for
    """The backend for the ``default`` database's vendor (as ``wagtail.search.backends.database``)."""
    stock_backend = _stock_backend(params)
    vendor = connection.vendor
    if vendor == "sqlite" and type(stock_backend).__name__ == "SQLiteSearchBackend":
        if "sqlite" not in _classes:
            _classes["sqlite"] = _sqlite_classes()
        return _classes["sqlite"](params)
    if vendor == "postgresql":
        if "postgresql" not in _classes:
            _classes["postgresql"] = _postgres_classes()
        return _classes["postgresql"](params)
    return stock_backend
