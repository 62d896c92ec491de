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
from modelsearch.backends.database.sqlite import sqlite as stock
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.conf import get_app_config
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from portal.text import fold

from ...indexing import HEADING_WEIGHT
from .common import (
    OptimizeMixin,
    OptimizeOnFinishMixin,
    PrepareOnceMixin,
    ScoredMatchesMixin,
    with_indexer,
)

SQLiteFTSIndexEntry = get_app_config().get_model("SQLiteFTSIndexEntry", require_ready=False)
IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)
fts_table = SQLiteFTSIndexEntry._meta.db_table
entry_table = IndexEntry._meta.db_table
#: (id, content type, object id) of the entries (migration ``portal_search.0003``): a match's page
#: read from it, not from the entry's row, which holds the page's whole text
ENTRY_LOOKUP_INDEX = "portal_search_entry_lookup"

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


# --- Query compilers ----------------------------------------------------------------------------


class SingleQueryMixin:
    """``search()`` as one query: the page table joined to the FTS5 match, scored in the same row."""

    def search(self, config, start, stop, score_field=None):
        query = normalize(self.query)
        if isinstance(query, PlainText | Phrase) and not query_words(query.query_string):
            return self.queryset.none()  # no word to look for (" ", '"'): nothing matches
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


def query_words(text: str) -> str:
    """The words of a query as FTS5 may read them: folded, and every character of FTS5's own syntax
    (quotes, parentheses, ``*``, ``^``, ``:``, ``+``, ``-``…) a space — the tokenizer splits the
    indexed text there too, so no match is lost. Text reaching the backend straight from a reader
    (Wagtail's generic ``?search=``) was otherwise FTS5 syntax: ``"`` ended in "unterminated
    string", ``" OR 1=1 --`` in a syntax error (500s, issue 22)."""
    return " ".join(_SYNTAX.sub(" ", fold(text)).split())


_SYNTAX = re.compile(r"[^\w\s]|_")


class FoldedQueryMixin:
    """The query's words folded ("Vĩnh Tường" → "vinh tuong"), as the text is indexed: FTS5's
    tokenizer leaves ``đ`` and letters with two marks (``ờ``, ``ộ``) as they are, and the long
    written texts are indexed folded only (``WrittenText``). PostgreSQL's configuration folds
    the query itself (``unaccent``). FTS5's syntax characters are not passed (``query_words``)."""

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(query_words(query.query_string), operator=query.operator, boost=query.boost)
        elif isinstance(query, Phrase):
            query = Phrase(query_words(query.query_string))
        return super().build_search_query_content(query, config=config)


class SQLiteSearchQueryCompiler(FoldedQueryMixin, SingleQueryMixin, stock.SQLiteSearchQueryCompiler):
    pass


class SQLiteAutocompleteQueryCompiler(FoldedQueryMixin, SingleQueryMixin, stock.SQLiteAutocompleteQueryCompiler):
    pass


# --- Index --------------------------------------------------------------------------------------


class SQLiteObjectIndexer(PrepareOnceMixin, stock.ObjectIndexer):
    @property
    def title(self):
        return self.headings


class SQLiteIndex(stock.SQLiteIndex):
    # the stock writes with an indexer that reads each search field once (``PrepareOnceMixin``)
    add_items = with_indexer(stock.SQLiteIndex.add_items, SQLiteObjectIndexer)

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


def _fts_phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def fts_match(words: list[str], operator: str = "AND") -> str:
    """An FTS5 query: the ``words`` (all of them, or any with ``operator="OR"``), each in the
    title (headings) or body column."""
    return "{body title} : (" + f" {operator} ".join(map(_fts_phrase, words)) + ")"


def fts_heading_match(words: list[str]) -> str:
    """An FTS5 query: every one of the ``words`` in the title column (the headings)."""
    return "{title} : (" + " AND ".join(map(_fts_phrase, words)) + ")"


class SQLiteSearchBackend(OptimizeMixin, ScoredMatchesMixin, stock.SQLiteSearchBackend):
    """modelsearch's SQLite FTS5 backend, ranking in the query that matches."""

    index_class = SQLiteIndex
    rebuilder_class = SQLiteSearchRebuilder
    atomic_rebuilder_class = SQLiteSearchAtomicRebuilder
    query_compiler_class = SQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = SQLiteAutocompleteQueryCompiler
    score_higher_is_better = False  # bm25: lower is better

    def _scored_sql(self, content_types, words, missing):
        """The score is ``bm25`` with column weights (autocomplete 0, body 1, title — the headings —
        ``HEADING_WEIGHT``), negated. Every word required: one FTS5 match, ``bm25`` computed only for
        the entries whose headings hold every word (the others score 0: docs/search.md, "Field
        weights"), each match's page read from the entries' narrow index
        (``ENTRY_LOOKUP_INDEX``). Some may be missing: the words each entry holds are counted first
        (one posting list read per word, ``UNION ALL``, ``GROUP BY``), then the entries holding
        enough of them are scored with ``bm25`` over any word — the match walked once, ``bm25``
        computed only for those entries (``+rowid IN``: a check on each row, not one match per id)."""
        quote = connection.ops.quote_name
        entry, fts, lookup = quote(entry_table), quote(fts_table), quote(ENTRY_LOOKUP_INDEX)
        listed = ", ".join(map(str, content_types))
        bm25 = f"-bm25({fts}, 0.0, 1.0, {float(HEADING_WEIGHT)})"
        columns = f"{entry}.{quote('content_type_id')} AS ct, CAST({entry}.{quote('object_id')} AS INTEGER) AS pk"
        where = (
            f"{fts} MATCH %s AND {entry}.{quote('id')} = {fts}.rowid"
            f" AND +{entry}.{quote('content_type_id')} IN ({listed})"
        )
        n = len(words)
        if not missing:
            # bm25 only for the entries whose headings hold every word: a common word's body
            # matches (tens of thousands at 100,000 pages) score 0, ranked by boosts and date
            headed = f"{fts}.rowid IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s)"  # noqa: S608
            sql = (
                f"SELECT {columns}, CASE WHEN {headed} THEN {bm25} ELSE 0.0 END AS score, {n} AS held"  # noqa: S608
                f" FROM {fts}, {entry} INDEXED BY {lookup} WHERE {where}"
            )
            return sql, [fts_heading_match(words), fts_match(words)]
        each = " UNION ALL ".join([f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s"] * n)  # noqa: S608
        sql = (
            f"WITH words_held AS MATERIALIZED (SELECT rowid AS rid, COUNT(*) AS n FROM ({each})"  # noqa: S608
            f" GROUP BY rowid HAVING COUNT(*) >= {n - missing})"
            f" SELECT {columns}, {bm25} AS score, words_held.n AS held"
            f" FROM {fts} CROSS JOIN {entry} INDEXED BY {lookup} CROSS JOIN words_held"
            f" WHERE {where} AND words_held.rid = +{fts}.rowid"
        )
        return sql, [*(fts_match([word]) for word in words), fts_match(words, "OR")]
