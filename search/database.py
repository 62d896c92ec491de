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

import types

from django.db import connection
from django.db.models import AutoField, BigAutoField, BigIntegerField, IntegerField, SmallIntegerField
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

    class SQLiteSearchBackend(stock.SQLiteSearchBackend):
        """modelsearch's SQLite FTS5 backend, ranking in the query that matches."""

        index_class = SQLiteIndex
        query_compiler_class = SQLiteSearchQueryCompiler
        autocomplete_query_compiler_class = SQLiteAutocompleteQueryCompiler

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

        def _index_condition(self, config):
            terms = self._terms(self.query)
            if not terms:
                return None
            from modelsearch.backends.database.postgres.query import Lexeme

            title, body = self._vector_names()
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

    class PostgresSearchBackend(stock.PostgresSearchBackend):
        """modelsearch's PostgreSQL backend, matching through the GIN indexes."""

        index_class = PostgresIndex
        query_compiler_class = PostgresSearchQueryCompiler
        autocomplete_query_compiler_class = PostgresAutocompleteQueryCompiler

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
