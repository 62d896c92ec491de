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

import time
import types

from django.db import connection
from django.db.models import AutoField, BigAutoField, BigIntegerField, F, IntegerField, SmallIntegerField
from django.db.models.functions import Cast
from modelsearch.backends.database import SearchBackend as _stock_backend
from modelsearch.conf import get_app_config
from modelsearch.query import And, MatchAll, Not, Or, PlainText
from modelsearch.utils import get_descendants_content_types_pks

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
    """An ``ObjectIndexer`` that reads each search field of an object once.

    The stock indexers walk every search field again for each column they fill (title, body,
    autocomplete; on PostgreSQL also title_text, body_text), so a computed field such as
    ``search_folded`` is computed, and a related manager queried, three to five times per object.
    """

    def prepare_field(self, obj, field):
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


def _entries_of(content_types, candidates):
    """The index entries of ``content_types``, with ``_pid`` (the page id as an integer); only those of
    the ``candidates`` (a page queryset, an ``IN`` subquery evaluated once) unless it is None."""
    IndexEntry = get_app_config().get_model("IndexEntry")
    entries = IndexEntry.objects.annotate(_pid=Cast("object_id", IntegerField()))
    if candidates is not None:
        entries = entries.filter(_pid__in=candidates.values("pk"))
    return entries


_counts: dict[tuple, tuple[float, int]] = {}
COUNT_TTL = 300.0  # seconds


def _entry_count(entries, content_types) -> int:
    """How many index entries ``content_types`` have, re-counted every ``COUNT_TTL`` seconds: it only
    chooses how the matches are walked (a count reads the whole content type index)."""
    key = tuple(sorted(content_types))
    now = time.monotonic()
    cached = _counts.get(key)
    if cached is None or now - cached[0] > COUNT_TTL:
        cached = _counts[key] = (now, entries.count())
    return cached[1]


class BoundedMatchesMixin:
    """``bounded_matches``: the unified search's fast path (docs/search.md, "Performance")."""

    def bounded_matches(self, groups, text, limit):
        """[(content type id, page id, score)]: for each group, the ``limit`` most recently indexed
        entries that hold every word of ``text`` (an AND query of plain words), with their scores.

        ``groups``: [(content type ids, candidate page queryset or None)]; with None, no page filter
        is applied here (the caller filters the pages it reads). Each group is one query that walks
        the matches newest first and stops at ``limit``: only the rows kept are scored (the stock
        formula — same numbers as ``search()`` — which points the way ``score_higher_is_better``
        says), so a common word costs about as much as a rare one.
        """
        groups = [([int(ct) for ct in cts], qs) for cts, qs in groups if cts]
        if not groups or not text.split():
            return []
        from wagtail.models import Page

        compiler = self.query_compiler_class(Page.objects.none(), text, operator="and")
        return self._bounded(compiler, groups, limit)


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

    class SQLiteSearchQueryCompiler(SingleQueryMixin, stock.SQLiteSearchQueryCompiler):
        pass

    class SQLiteAutocompleteQueryCompiler(SingleQueryMixin, stock.SQLiteAutocompleteQueryCompiler):
        pass

    class SQLiteObjectIndexer(PrepareOnceMixin, stock.ObjectIndexer):
        pass

    class SQLiteIndex(stock.SQLiteIndex):
        add_items = _with_indexer(stock.SQLiteIndex.add_items, SQLiteObjectIndexer)

    class SQLiteSearchBackend(BoundedMatchesMixin, stock.SQLiteSearchBackend):
        """modelsearch's SQLite FTS5 backend, ranking in the query that matches."""

        index_class = SQLiteIndex
        query_compiler_class = SQLiteSearchQueryCompiler
        autocomplete_query_compiler_class = SQLiteAutocompleteQueryCompiler
        score_higher_is_better = False  # bm25: lower is better

        def _bounded(self, compiler, groups, limit):
            """Two steps: each group's newest ``limit`` matches without scores (FTS5 walks the match in
            rowid order and stops), then one query scores them all — ``bm25`` first reads every
            phrase's whole document list (the IDF), a fixed cost paid once instead of once per group."""
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
            found: dict[int, tuple[int, int]] = {}  # entry id → (content type id, page id)
            for content_types, candidates in groups:
                for rowid, content_type, pk in self._newest(
                    match_sql, match_params, content_types, candidates, limit, entry, fts
                ):
                    found[rowid] = (content_type, pk)
            if not found:
                return []
            listed = ", ".join(str(int(rowid)) for rowid in found)
            low, high = min(found), max(found)
            sql = " ".join(  # table/column names, compiled SQL with its params, integers
                [
                    f"SELECT {fts}.rowid, {score_sql} FROM {fts}, {entry} WHERE {match_sql}",  # noqa: S608
                    f"AND {entry}.{quote('id')} = {fts}.rowid AND {fts}.rowid BETWEEN {low} AND {high}",
                    # "+": a check on each match; without it FTS5 would run the match once per id.
                    f"AND +{fts}.rowid IN ({listed})",
                ]
            )
            with connection.cursor() as cursor:
                cursor.execute(sql, [*score_params, *match_params])
                return [(*found[rowid], score) for rowid, score in cursor.fetchall()]

        def _newest(self, match_sql, match_params, content_types, candidates, limit, entry, fts):
            """(entry id, content type id, page id) of the ``limit`` newest matches of ``content_types``."""
            quote = connection.ops.quote_name
            ct_list = ", ".join(map(str, content_types))
            of_types = IndexEntry.objects.filter(content_type_id__in=content_types)
            low = of_types.order_by("id").values_list("id", flat=True).first()
            if low is None:
                return []
            high = of_types.order_by("-id").values_list("id", flat=True).first()
            where = [match_sql, f"{entry}.{quote('id')} = {fts}.rowid"]
            if _entry_count(of_types, content_types) * 2 >= high - low + 1:
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
            entries = _entries_of(content_types, candidates).extra(  # noqa: S610 - names and compiled SQL
                tables=[fts_table], where=where, params=match_params, select={"_rowid": f"{fts}.rowid"}
            )
            entries = entries.order_by("-_rowid")[:limit]
            return list(entries.values_list("_rowid", "content_type_id", "_pid"))

    return SQLiteSearchBackend


# --- PostgreSQL -----------------------------------------------------------------------------------------


def _postgres_classes():
    from django.contrib.postgres.search import SearchQuery
    from django.db.models import Q
    from modelsearch.backends.database.postgres import postgres as stock

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

    class PostgresObjectIndexer(PrepareOnceMixin, stock.ObjectIndexer):
        pass

    class PostgresIndex(stock.PostgresIndex):
        add_items = _with_indexer(stock.PostgresIndex.add_items, PostgresObjectIndexer)

    class PostgresSearchBackend(BoundedMatchesMixin, stock.PostgresSearchBackend):
        """modelsearch's PostgreSQL backend, matching through the GIN indexes."""

        index_class = PostgresIndex
        query_compiler_class = PostgresSearchQueryCompiler
        autocomplete_query_compiler_class = PostgresAutocompleteQueryCompiler
        score_higher_is_better = True  # ts_rank

        def __init__(self, params):
            super().__init__(params)
            # modelsearch hard-codes 'simple' for autocomplete, which keeps the marks: with our
            # unaccent configuration (no stemming either) "vinh" completes "Vĩnh" too.
            if self.config:
                self.autocomplete_config = self.config

        def _bounded(self, compiler, groups, limit):
            """One query per group: its newest ``limit`` matches, ranked (``ts_rank``) only those."""
            config = compiler.get_config(self)
            condition = compiler._index_condition(config, names=("title", "body"))
            if condition is None:
                return []
            rank = compiler._build_rank_expression([(F("title"), F("title_norm")), (F("body"), 1.0)], config)
            out = []
            IndexEntry = get_app_config().get_model("IndexEntry")
            for content_types, candidates in groups:
                if not IndexEntry.objects.filter(content_type_id__in=content_types).exists():
                    continue  # nothing indexed of these types (one look-up in the content type index)
                entries = _entries_of(content_types, candidates).filter(condition, content_type_id__in=content_types)
                # The rank is computed for the rows kept only: PostgreSQL evaluates the select list
                # after the ORDER BY … LIMIT when the ordering does not need it.
                entries = entries.annotate(_score=rank).order_by("-id")[:limit]
                out += entries.values_list("content_type_id", "_pid", "_score")
            return out

    return PostgresSearchBackend


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
