"""PostgreSQL: modelsearch's backend, matching through the GIN indexes.

The stock compiler matches ``(title || body) @@ query``: a concatenation that no index covers, so
every index entry of the model is read. Here each query term must match ``title @@ term OR body @@
term`` (the GIN indexes on ``title`` and ``body``, combined by bitmap AND/OR), which for an AND
query of plain terms is the same condition; the ``@@`` on the concatenation is not evaluated; the
stock ``ts_rank`` expression ranks. Other query shapes (OR, phrases, negation, ``fields=``) use the
stock code.

Imported by ``search.backends.database.SearchBackend`` when the connection is PostgreSQL's.
"""

import contextlib
import time

from django.contrib.postgres.search import SearchQuery
from django.db import connection, transaction
from django.db.models import F, Q
from modelsearch.backends.database.postgres import postgres as stock
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.conf import get_app_config
from modelsearch.query import And, MatchAll, Not, Or, PlainText

from .common import (
    BoundedMatchesMixin,
    IndexWritesMixin,
    OptimizeMixin,
    OptimizeOnFinishMixin,
    PrepareOnceMixin,
    entry_spans,
    in_ids,
    index_cache,
    with_indexer,
)

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)

# The first window should hold FIRST_WINDOW_FILL × limit at the rarest word's density
# (docs/search.md, "Figures", has the values measured).
FIRST_WINDOW_FILL = 1.5
WALK_WINDOW = 8  # the matches are looked for first among the newest 8 × limit ids of the type
WORD_SHARES_SECONDS = 600  # how long PostgreSQL's statistics of the body vectors are kept

_BITMAPS_ONLY = "SELECT set_config('enable_indexscan', 'off', true), set_config('enable_seqscan', 'off', true); "


def _where_sql(queryset) -> tuple[str, tuple]:
    """The WHERE clause of ``queryset`` as (SQL, params)."""
    compiler = queryset.query.get_compiler(using=queryset.db)
    return compiler.compile(queryset.query.where)


# --- Query compilers ----------------------------------------------------------------------------


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


# --- Index --------------------------------------------------------------------------------------


class PostgresObjectIndexer(PrepareOnceMixin, stock.ObjectIndexer):
    pass


class PostgresIndex(IndexWritesMixin, stock.PostgresIndex):
    stock_add_items = with_indexer(stock.PostgresIndex.add_items, PostgresObjectIndexer)

    def optimize(self):
        """The GIN indexes' pending lists (where ``fastupdate`` puts new entries until autovacuum
        comes, and which every search reads in full) moved into the indexes; then ``ANALYZE``, so
        the planner and the walk's window (``_rarest_word_share``) see the new words at once."""
        table = IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                "SELECT gin_clean_pending_list(i.indexrelid::regclass) FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam "
                "WHERE i.indrelid = %s::regclass AND a.amname = 'gin'",
                [table],
            )
            cursor.execute(f"ANALYZE {self.write_connection.ops.quote_name(table)}")  # noqa: S608 - a table name
        index_cache.forget_statistics()


class PostgresSearchRebuilder(OptimizeOnFinishMixin, stock.PostgresSearchRebuilder):
    pass


class PostgresSearchAtomicRebuilder(OptimizeOnFinishMixin, stock.PostgresSearchAtomicRebuilder):
    pass


# --- Backend ------------------------------------------------------------------------------------


class PostgresSearchBackend(OptimizeMixin, BoundedMatchesMixin, stock.PostgresSearchBackend):
    """modelsearch's PostgreSQL backend, matching through the GIN indexes."""

    index_class = PostgresIndex
    rebuilder_class = PostgresSearchRebuilder
    atomic_rebuilder_class = PostgresSearchAtomicRebuilder
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
            term for term, last in compiler._terms(compiler.query) or () if not (last and compiler.LAST_TERM_IS_PREFIX)
        ]
        share = _rarest_word_share(words) if words else None
        todo, found = [], {}  # the groups' content types are disjoint (one group per page type)
        for n, ((content_types, candidates), span) in enumerate(zip(groups, entry_spans(groups))):
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


def _through_bitmaps(sql: str, params) -> list[tuple]:
    """The rows of ``sql`` (a walk) planned with bitmap scans only: the words through their GIN
    indexes, combined (``BitmapAnd``) with the window's id range on the primary key.

    PostgreSQL does not count the cost of checking ``body @@ word`` on a row — the body vector is
    read from TOAST, decompressed and searched — so for a window of tens of thousands of ids it
    could choose to walk the primary key through the window and check each row, where the GIN
    posting lists say which rows match and no body is read (docs/search.md, "Performance").

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


def _rarest_word_share(words: list[str]) -> float | None:
    """An upper bound of the share of index entries whose body holds all ``words``: the share of the
    rarest of them, from PostgreSQL's statistics (``pg_stats.most_common_elems`` of the body
    vectors, refreshed by ``ANALYZE``/autovacuum; read at most every ``WORD_SHARES_SECONDS`` and
    kept in ``index_cache.word_shares``). A word not listed is rarer than the least common listed
    one. None without statistics."""
    word_shares = index_cache.word_shares
    now = time.monotonic()
    if word_shares["read_at"] is None or now - word_shares["read_at"] > WORD_SHARES_SECONDS:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
                "WHERE tablename = %s AND attname = 'body'",
                [IndexEntry._meta.db_table],
            )
            row = cursor.fetchone()
        lexemes, freqs = row if row and row[0] else ([], [])
        word_shares.update(read_at=now, shares=dict(zip(lexemes, freqs)), floor=min(freqs[: len(lexemes)], default=0.0))
    if not word_shares["shares"]:
        return None
    shares = word_shares["shares"]
    return min(shares.get(word.lower(), word_shares["floor"]) for word in words)
