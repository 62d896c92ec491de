"""PostgreSQL: modelsearch's backend, matching through the GIN indexes.

The stock compiler matches ``(title || body) @@ query``: a concatenation that no index covers, so
every index entry of the model is read. Here each query term must match ``title @@ term OR body @@
term`` (the GIN indexes on ``title`` and ``body``, combined by bitmap AND/OR), which for an AND
query of plain terms is the same condition; the ``@@`` on the concatenation is not evaluated; the
stock ``ts_rank`` expression ranks. Other query shapes (OR, phrases, negation, ``fields=``) use the
stock code.

Imported by ``search.backends.database.SearchBackend`` when the connection is PostgreSQL's.
"""

from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connection
from django.db.models import Expression, Q
from modelsearch.backends.database.postgres import postgres as stock
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.conf import get_app_config
from modelsearch.query import And, MatchAll, Not, Or, PlainText

from ...indexing import HEADING_WEIGHT
from .common import (
    OptimizeMixin,
    OptimizeOnFinishMixin,
    PrepareOnceMixin,
    ScoredMatchesMixin,
    with_indexer,
)

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)


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


class WeightedVector(Expression):
    """``setweight(to_tsvector(config, text), weight) || …`` for an object's texts: the SQL the
    stock ``ADD`` of ``SearchVector(Value(text), weight=…, config=…)`` compiles to, written
    directly. Django resolves and copies the stock expression tree once per text, which was the
    larger part of a bulk import's indexing on PostgreSQL (bench/import_speed.py). Checked against
    the stock expression's vectors in tests/test_bulk_import.py."""

    output_field = SearchVectorField()

    def __init__(self, texts: list[tuple[str, str]], config):
        super().__init__()
        self.texts = texts
        self.config = config

    def resolve_expression(self, *args, **kwargs):
        return self

    def as_sql(self, compiler, connection):
        if self.config:
            one, config = "setweight(to_tsvector(%s::regconfig, COALESCE(%s, '')), %s)", [self.config]
        else:  # the server's default_text_search_config
            one, config = "setweight(to_tsvector(COALESCE(%s, '')), %s)", []
        sql = " || ".join([one] * len(self.texts))
        params = [p for text, weight in self.texts for p in (*config, text, weight)]
        return f"({sql})", params


class PostgresObjectIndexer(PrepareOnceMixin, stock.ObjectIndexer):
    @property
    def title(self):
        return self.as_vector([(self.headings, "A")])

    def as_vector(self, texts, for_autocomplete=False):
        texts = [(text.strip(), weight) for text, weight in texts]
        texts = [(text, weight) for text, weight in texts if text]
        if not texts:
            return super().as_vector(texts, for_autocomplete)  # the stock empty vector
        return WeightedVector(texts, self.autocomplete_config if for_autocomplete else self.config)


class PostgresIndex(stock.PostgresIndex):
    # the stock writes with an indexer that reads each search field once (``PrepareOnceMixin``)
    add_items = with_indexer(stock.PostgresIndex.add_items, PostgresObjectIndexer)

    def optimize(self):
        """The GIN indexes' pending lists (where ``fastupdate`` puts new entries until autovacuum
        comes, and which every search reads in full) moved into the indexes; then ``ANALYZE``, so
        the planner sees the new words at once."""
        table = IndexEntry._meta.db_table
        with self.write_connection.cursor() as cursor:
            cursor.execute(
                "SELECT gin_clean_pending_list(i.indexrelid::regclass) FROM pg_index i "
                "JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam "
                "WHERE i.indrelid = %s::regclass AND a.amname = 'gin'",
                [table],
            )
            cursor.execute(f"ANALYZE {self.write_connection.ops.quote_name(table)}")  # noqa: S608 - a table name


class PostgresSearchRebuilder(OptimizeOnFinishMixin, stock.PostgresSearchRebuilder):
    pass


class PostgresSearchAtomicRebuilder(OptimizeOnFinishMixin, stock.PostgresSearchAtomicRebuilder):
    pass


# --- Backend ------------------------------------------------------------------------------------


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def tsquery_text(words: list[str], operator: str = "&") -> str:
    """``to_tsquery`` text: the ``words``, all of them (``&``) or any (``|``)."""
    return f" {operator} ".join(map(_lexeme, words))


class PostgresSearchBackend(OptimizeMixin, ScoredMatchesMixin, stock.PostgresSearchBackend):
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

    def _scored_sql(self, content_types, words, missing):
        """One query: every entry whose body vector (which holds the folded headings too:
        ``search_folded``) matches through its GIN index — every word, or any word when some may
        be missing, then those holding enough of them kept (one ``@@`` per word and row) — scored
        ``ts_rank_cd`` of the headings (weight A) × ``HEADING_WEIGHT`` + ``ts_rank_cd`` of the body
        (its fields' weights) — when every word is required, only for the entries whose headings
        hold them all, the others 0 (docs/search.md, "Field weights") — with the number of words
        it holds."""
        quote = connection.ops.quote_name
        entry = quote(IndexEntry._meta.db_table)
        config = self.config or "simple"
        listed = ", ".join(map(str, content_types))
        title, body = f"e.{quote('title')}", f"e.{quote('body')}"
        n = len(words)
        score = f"ts_rank_cd({title}, q.words) * {float(HEADING_WEIGHT)} + ts_rank_cd({body}, q.words)"
        if missing:
            held = " + ".join([f"({body} @@ to_tsquery(%s::regconfig, %s))::integer"] * n)
            held_params = [value for word in words for value in (config, tsquery_text([word]))]
        else:
            held, held_params = str(n), []
            # scored only when the headings hold every word: the body vectors of a common word's
            # matches (tens of thousands at 100,000 pages) are not read; the others score 0,
            # ranked by boosts and date — 1.8 s → 0.3 s for "luat can bo cong chuc" (47,828 matches)
            score = f"CASE WHEN {title} @@ q.words THEN {score} ELSE 0.0 END"
        sql = " ".join(  # table/column names, floats and integers; the queries are parameters
            [
                f"SELECT * FROM (SELECT e.{quote('content_type_id')} AS ct, (e.{quote('object_id')})::integer AS pk,",  # noqa: S608
                f"{score} AS score,",
                f"{held} AS held",
                f"FROM {entry} e, (SELECT to_tsquery(%s::regconfig, %s) AS words) q",
                f"WHERE {body} @@ q.words AND e.{quote('content_type_id')} IN ({listed})) m",
                f"WHERE held >= {n - missing}",
            ]
        )
        return sql, [*held_params, config, tsquery_text(words, "|" if missing else "&")]
