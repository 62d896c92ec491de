"""The matches of one search, kept in the database for the length of the search (docs/search.md,
"How a query is answered").

At 100,000 pages a common query has tens of thousands of matches. Reading each into Python to
rank it and count the facets cost ~8 µs a match, after the database had joined each to its page
and type rows (~4 µs a row and table on SQLite). Instead, one statement writes every match of every
selected type into a temporary table of the connection (``TABLE``), joined once to its page and type
rows through the type's candidates (live, public, in the language and the request's filters):
its type, id, score, the number of required words it holds, how many of the query's boosts it meets
(``boost``), its date as ISO text (``day``) and its facet columns as text (``c0``…, in the order of
``SearchDocument.facet_columns``). The service then reads from that table only what it shows: the
count and the years (one ``GROUP BY``), the best of each type in the first order (``ORDER BY … LIMIT``),
the facets (``GROUP BY``, and the many-to-many tables joined to the table's ids).

The table is the connection's own (``CREATE TEMP TABLE``: every connection, so every thread, has its
own), emptied at the start of each search. PostgreSQL: ``TRUNCATE`` (a temporary table is never
vacuumed: deleted rows would stay); a hot-standby replica cannot write temporary tables, so the search
runs on the primary. On SQLite a search engine's hits reach the statement through a second temporary
table (``HITS``, ``loaded_hits``).
"""

import json

from django.db import connection, transaction
from django.db.models import CharField, F, IntegerField
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast

TABLE = "portal_search_facts"
#: A search engine's hits on SQLite (``loaded_hits``).
HITS = "portal_search_hits"
#: Facet columns a type may declare (``SearchDocument.facet_columns``).
SLOTS = 8
#: The first order of the matches of a type (the ``search.ranking`` key before the headings are read).
FIRST_ORDER = "held DESC, boost DESC, score DESC, day DESC, pk DESC"
NEWEST_ORDER = "day DESC, pk DESC"
#: ``held`` of a page named exactly (a document number) that holds none of the words: counted and
#: faceted with the matches, listed first by the service, never ranked with them.
NAMED_ONLY = -1


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def reset() -> None:
    """The connection's table, created if it is not there yet, and empty."""
    slots = ", ".join(f"c{i} text" for i in range(SLOTS))
    if connection.vendor == "postgresql":
        columns = f"kind integer, pk integer, score double precision, held integer, boost integer, day text, {slots}"
        empty = f"TRUNCATE {TABLE}"
    else:
        columns = f"kind INTEGER, pk INTEGER, score REAL, held INTEGER, boost INTEGER, day TEXT, {slots}"
        empty = f"DELETE FROM {TABLE}"  # noqa: S608 - SQLite empties a table without a WHERE at once
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {TABLE} ({columns})")
        cursor.execute(empty)


def listed_hits(rows: list[tuple[int, int, float, int]]) -> tuple[str, list]:
    """SQL selecting (kind, pk, score, held) from ``rows`` given as one parameter (a JSON array on
    SQLite, arrays on PostgreSQL): the matches a search engine found, or the pages named exactly."""
    if connection.vendor == "postgresql":
        columns = list(zip(*rows)) if rows else [(), (), (), ()]
        sql = (
            "SELECT * FROM unnest(%s::integer[], %s::integer[], %s::double precision[], %s::integer[])"
            " AS h(kind, pk, score, held)"
        )
        return sql, [list(column) for column in columns]
    sql = (
        "SELECT json_extract(value, '$[0]') AS kind, json_extract(value, '$[1]') AS pk,"
        " json_extract(value, '$[2]') AS score, json_extract(value, '$[3]') AS held FROM json_each(%s)"
    )
    return sql, [json.dumps(rows)]


def loaded_hits(rows: list[tuple[int, int, float, int]]) -> tuple[str, list]:
    """SQL selecting (kind, pk, score, held) from ``rows``: every match a search engine found.

    SQLite: the rows are written into a temporary table of the connection (``HITS``, emptied
    first) with one prepared statement (``executemany``, ~85 ms for 50,829 rows) in one
    transaction. Handed over as one JSON parameter (``listed_hits``) they were encoded
    (``json.dumps``) and decoded again (``json_extract``, four a row): handing over and writing the
    matches of five broad queries at 100,000 pages took 26–99 ms more (medians of 10; docs/search.md,
    "Figures"). PostgreSQL: arrays, ``listed_hits``."""
    if connection.vendor != "sqlite":
        return listed_hits(rows)
    # One transaction (none of its own inside another): in autocommit each row would be one,
    # which made 50,829 rows take 1.4 s instead of 85 ms.
    with transaction.atomic(savepoint=False), connection.cursor() as cursor:
        cursor.execute(f"CREATE TEMP TABLE IF NOT EXISTS {HITS} (kind INTEGER, pk INTEGER, score REAL, held INTEGER)")
        cursor.execute(f"DELETE FROM {HITS}")  # noqa: S608 - SQLite empties a table without a WHERE at once
        cursor.executemany(f"INSERT INTO {HITS} (kind, pk, score, held) VALUES (%s, %s, %s, %s)", rows)  # noqa: S608
    return f"SELECT kind, pk, score, held FROM {HITS}", []  # noqa: S608


def scored_hits(sql: str, params: list, kind_of: dict[int, int]) -> tuple[str, list]:
    """SQL selecting (kind, pk, score, held) from a backend's scored matches (``scored_sql``:
    ct, pk, score, held), each content type given its type's ``kind``."""
    cases = " ".join(f"WHEN {int(ct)} THEN {int(kind)}" for ct, kind in kind_of.items())
    return f"SELECT CASE s.ct {cases} END AS kind, s.pk, s.score, s.held FROM ({sql}) s", list(params)  # noqa: S608


def fill(hits: tuple[str, list], named: tuple[str, list] | None, parts: list[tuple[str, list]]) -> None:
    """Write the matches: ``hits`` (SQL of (kind, pk, score, held)), plus ``named`` (the pages named
    exactly, those not among the hits), each joined to its type's rows by ``parts`` (``part``)."""
    if not parts:
        return
    sql, params = hits
    ctes = [f"hits0 AS MATERIALIZED ({sql})"]
    if named is not None:
        named_sql, named_params = named
        source = f"SELECT * FROM hits0 UNION ALL SELECT * FROM ({named_sql}) n WHERE n.pk NOT IN (SELECT pk FROM hits0)"  # noqa: S608
        params = [*params, *named_params]
    else:
        source = "SELECT * FROM hits0"
    ctes.append(f"hits AS MATERIALIZED ({source})")
    columns = ", ".join(["kind", "pk", "score", "held", "boost", "day", *(f"c{i}" for i in range(SLOTS))])
    body = " UNION ALL ".join(part_sql for part_sql, _ in parts)
    for _sql, part_params in parts:
        params = [*params, *part_params]
    with connection.cursor() as cursor:
        cursor.execute(f"WITH {', '.join(ctes)} INSERT INTO {TABLE} ({columns}) {body}", params)  # noqa: S608


def part(kind: int, queryset, date_field: str, boost, facet_columns: tuple[str, ...]) -> tuple[str, list]:
    """SQL selecting the table's columns for the matches of one type: ``queryset`` (the type's
    candidates, annotated with the facet columns' annotations) joined to ``hits`` of ``kind``;
    ``boost`` an integer expression (the boosts the page meets)."""
    if len(facet_columns) > SLOTS:
        raise ValueError(f"search: at most {SLOTS} facet columns a type")
    model = queryset.model
    join = f"{_q('hits')}.pk = {_q(model._meta.db_table)}.{_q(model._meta.pk.column)}"
    qs = queryset.extra(tables=["hits"], where=[join, f"{_q('hits')}.kind = {int(kind)}"]).order_by()  # noqa: S610
    slots = {f"_c{i}": Cast(F(name), output_field=CharField()) for i, name in enumerate(facet_columns)}
    qs = qs.annotate(
        _pk=F("pk"),
        _boost=Cast(boost, output_field=IntegerField()),
        _day=Cast(date_field, output_field=CharField()),
        **slots,
    )
    hits = _q("hits")
    qs = qs.annotate(_score=RawSQL(f"{hits}.score", []), _held=RawSQL(f"{hits}.held", []))  # noqa: S611 - names
    names = ["_pk", "_score", "_held", "_boost", "_day", *slots]
    inner, params = qs.values_list(*names).query.sql_with_params()
    padding = ", ".join(["NULL"] * (SLOTS - len(slots)))
    selected = ", ".join(
        [f"{int(kind)}", "q._pk", "q._score", "q._held", "q._boost", "q._day", *(f"q.{n}" for n in slots)]
        + ([padding] if padding else [])
    )
    return f"SELECT {selected} FROM ({inner}) q", list(params)  # noqa: S608


def totals() -> list[tuple[int, str | None, bool, int]]:
    """[(kind, year as text, holds words (not only named), n)]: the count of the matches."""
    with connection.cursor() as cursor:
        year = "substr(day, 1, 4)"
        cursor.execute(f"SELECT kind, {year}, held >= 0, COUNT(*) FROM {TABLE} GROUP BY kind, {year}, held >= 0")  # noqa: S608
        return [(kind, year, bool(words), n) for kind, year, words, n in cursor.fetchall()]


def ordered(kind: int, order: str, limit: int, offset: int = 0, columns: int = 0) -> list[tuple]:
    """(pk, day, held, boost, score, c0…c{columns-1}) of the ranked matches of ``kind`` (the pages named
    only are not ranked) in ``order`` (``FIRST_ORDER``, ``NEWEST_ORDER``), ``limit`` from ``offset``."""
    slots = "".join(f", c{i}" for i in range(columns))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT pk, day, held, boost, score{slots} FROM {TABLE} WHERE kind = %s AND held >= 0"  # noqa: S608
            f" ORDER BY {order} LIMIT {int(limit)} OFFSET {int(offset)}",
            [kind],
        )
        return cursor.fetchall()


def grouped(kind: int, slots: list[int]) -> list[tuple]:
    """(value of each slot…, n) of the matches of ``kind`` (named pages too), grouped by the slots."""
    names = ", ".join(f"c{i}" for i in slots)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {names}, COUNT(*) FROM {TABLE} WHERE kind = %s GROUP BY {names}", [kind])  # noqa: S608
        return cursor.fetchall()


def among_matches(column: str, kind: int) -> str:
    """SQL: ``column`` (quoted SQL) is the id of a match of ``kind``. PostgreSQL: ``= ANY(ARRAY(…))``,
    the ids read once into an array — the planner has no statistics of the temporary table (it took
    28,000 matches for 78) and joined ``IN (SELECT …)`` by an index lookup a row: the fields' facet
    of "luat can bo, cong chuc" 252 → 118 ms on the 100k collection, the same counts."""
    ids = f"SELECT pk FROM {TABLE} WHERE kind = {int(kind)}"  # noqa: S608
    if connection.vendor == "postgresql":
        return f"{column} = ANY(ARRAY({ids}))"
    return f"{column} IN ({ids})"
