"""SQLite (FTS5): modelsearch's backend, ranking in the query that matches.

The stock compiler filters ``pk IN (<FTS5 match>)`` and computes each row's score with a
correlated subquery that runs the FTS5 match *again for every candidate row*. Here the page table is
joined to the match once: ``FROM page, modelsearch_indexentry_fts, modelsearch_indexentry WHERE
fts MATCH … AND indexentry.id = fts.rowid AND page.pk = CAST(indexentry.object_id AS INTEGER)``;
the score is the stock rank expression (``bm25`` × title norm, same formula, same numbers), read in
that same row. The query's words are folded as the text is indexed (``FoldedQueryMixin``).

Imported by ``search.backends.database.SearchBackend`` when the connection is SQLite's.
"""

import re

from django.db import connection
from django.db.models import AutoField, BigAutoField, BigIntegerField, IntegerField, SmallIntegerField
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite import sqlite as stock
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.conf import get_app_config
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from portal.text import fold

from .common import (
    BoundedMatchesMixin,
    IndexWritesMixin,
    OptimizeMixin,
    OptimizeOnFinishMixin,
    PrepareOnceMixin,
    entry_spans,
    index_cache,
    with_indexer,
)

SQLiteFTSIndexEntry = get_app_config().get_model("SQLiteFTSIndexEntry", require_ready=False)
IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)
fts_table = SQLiteFTSIndexEntry._meta.db_table
entry_table = IndexEntry._meta.db_table

_INTEGER_FIELDS = (AutoField, BigAutoField, BigIntegerField, IntegerField, SmallIntegerField)
_PLAIN_WORD = re.compile(r"[a-z0-9]+")


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


def _entries_of(candidates=None):
    """The index entries with ``_pid`` (the page id as an integer); only those of the ``candidates``
    (a page queryset, an ``IN`` subquery evaluated once) unless it is None. The caller checks the
    content types (as the walk it writes needs)."""
    entries = IndexEntry.objects.annotate(_pid=Cast("object_id", IntegerField()))
    if candidates is not None:
        entries = entries.filter(_pid__in=candidates.values("pk"))
    return entries


# --- Query compilers ----------------------------------------------------------------------------


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
            SQLiteFTSIndexEntry.objects.filter(match).select_related("index_entry").annotate(score=rank).values("score")
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


# --- Index --------------------------------------------------------------------------------------


class SQLiteObjectIndexer(PrepareOnceMixin, stock.ObjectIndexer):
    pass


class SQLiteIndex(IndexWritesMixin, stock.SQLiteIndex):
    stock_add_items = with_indexer(stock.SQLiteIndex.add_items, SQLiteObjectIndexer)

    def optimize(self):
        """FTS5's 'optimize': every b-tree of the full-text index merged into one. Bulk writes leave
        several (FTS5 merges them only level by level), and each query reads all of them —
        ``bm25``'s pass over every phrase's document list first (docs/search.md, "Keeping the
        index merged")."""
        table = self.write_connection.ops.quote_name(fts_table)
        with self.write_connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {table}({table}) VALUES('optimize')")  # noqa: S608 - a table name


class SQLiteSearchRebuilder(OptimizeOnFinishMixin, stock.SQLiteSearchRebuilder):
    pass


class SQLiteSearchAtomicRebuilder(OptimizeOnFinishMixin, stock.SQLiteSearchAtomicRebuilder):
    pass


# --- Backend ------------------------------------------------------------------------------------


class SQLiteSearchBackend(OptimizeMixin, BoundedMatchesMixin, stock.SQLiteSearchBackend):
    """modelsearch's SQLite FTS5 backend, ranking in the query that matches."""

    index_class = SQLiteIndex
    rebuilder_class = SQLiteSearchRebuilder
    atomic_rebuilder_class = SQLiteSearchAtomicRebuilder
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
            for (content_types, candidates), span in zip(groups, entry_spans(groups))
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
    very common word costs as much as its posting list is long. Its share of a score is at most
    2.2e-6 (IDF × (k1 + 1)) against ~0.1–10 for the other words: leaving it out changes no order
    but among rows that tie on every other word. The counts (``index_cache.word_entries``, one
    query for the words not yet counted) are kept until the index changes."""
    word_entries = index_cache.word_entries
    plain = {word for word in words if _PLAIN_WORD.fullmatch(word)}  # one FTS5 token each
    missing = [word for word in plain if word not in word_entries]
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
        word_entries[""] = total
        word_entries.update(zip(missing, found))
    kept = [word for word in words if word not in plain or 2 * word_entries[word] < word_entries[""]]
    return kept or words
