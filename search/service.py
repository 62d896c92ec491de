"""The unified search service: one function the API (``search/api.py``) and the pages call.

Each content type registered with the search (``search.registry``: the search documents of the
content apps) is searched with its own filters applied before searching. The query is understood
first (``search.understand``: document types, issuers, years become boosts; the rest are the
words to match). Every match of every type is found and scored (``_matches``: ``scored_matches``
on our database backends, Wagtail's search API elsewhere), read once per type with its date,
title and facet columns (``_facet_rows``), ranked (``search.ranking``: the field weights, the
headings of the best, boosts, standing) and merged; only the requested page is put in order and
loaded. A query that names a page exactly (a document number ``43/2011/NĐ-CP``, a task code:
each type's ``exact_matches``) puts it first. Counts and facets cover every match: a fixed number
of queries, whatever the number of matches. See docs/search.md.
"""

import heapq
import html
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from django.db import connection
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.models import Locale, Page

from portal.filters import in_period
from portal.languages import content_languages, locale_id
from portal.text import fold, normalize, query_text
from portal.text import strip_marks as _fold_marks

from . import ranking
from .backends.database import in_ids
from .backends.query import AtLeast
from .indexing import plain_text
from .registry import Facet, SearchDocument, registry
from .understand import Understood, allowed_missing, understand

MAX_QUERY_LENGTH = 200
MAX_PAGE_SIZE = 50
DEFAULT_PAGE_SIZE = 10
SNIPPET_LENGTH = 160
SUGGEST_LIMIT = 10


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")
_NOT_WORD = re.compile(r"[^\w\s]+")


def clean_query(q: str | None) -> str:
    """The query as typed, NFC, without control characters (a NUL is no search term)."""
    return normalize(_CONTROL.sub(" ", q or ""))


def backend_text(q: str) -> str:
    """What the backend receives: folded words only (no FTS operators, quotes or stars)."""
    return " ".join(_NOT_WORD.sub(" ", query_text(q)).split())


class SearchError(ValueError):
    """A request the service cannot answer (the API turns it into HTTP 400)."""


class _Documents(Mapping):
    """{code: ``SearchDocument``} of the registered types, in their order (``search.registry``)."""

    def __getitem__(self, code: str) -> SearchDocument:
        return registry.documents()[code]

    def __iter__(self):
        return iter(registry.documents())

    def __len__(self) -> int:
        return len(registry.documents())


TYPES = _Documents()
GENERIC_FILTERS = ("year", "date_from", "date_to")
SORTS = ("relevance", "newest")
DEFAULT_LOCALE = "vi"


@dataclass(frozen=True, init=False)
class SearchQuery:
    """A search: the query, the types (empty: every type), the generic filters, the type-specific
    ``filters`` ({name: value} of the registered ``SearchFilter``; passed as keyword arguments),
    the order, the page and the language of the pages searched (``locale``: ``vi``, the portal's
    own pages, or ``en``, their English translations; docs/english.md)."""

    q: str
    types: tuple[str, ...] = ()
    year: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    locale: str = DEFAULT_LOCALE
    filters: dict = field(default_factory=dict)

    def __init__(
        self,
        q: str,
        types: tuple[str, ...] = (),
        year: int | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        sort: str = "relevance",
        page: int = 1,
        page_size: int = DEFAULT_PAGE_SIZE,
        locale: str = DEFAULT_LOCALE,
        **filters,
    ):
        given = {"q": q, "types": types, "year": year, "date_from": date_from, "date_to": date_to, "sort": sort}
        for name, value in {**given, "page": page, "page_size": page_size, "locale": locale}.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "filters", {k: v for k, v in filters.items() if v not in (None, "")})

    def with_q(self, q: str) -> "SearchQuery":
        return SearchQuery(
            q,
            self.types,
            self.year,
            self.date_from,
            self.date_to,
            self.sort,
            self.page,
            self.page_size,
            self.locale,
            **self.filters,
        )

    def validate(self) -> None:
        text = clean_query(self.q)
        if not text:
            raise SearchError("q: enter something to search for")
        if len(text) > MAX_QUERY_LENGTH:
            raise SearchError(f"q: at most {MAX_QUERY_LENGTH} characters")
        if not backend_text(text):
            raise SearchError("q: the query holds no searchable word")
        unknown = [t for t in self.types if t not in TYPES]
        if unknown:
            raise SearchError(f"type: unknown {', '.join(unknown)}; one of {', '.join(TYPES)}")
        filters = registry.filters()
        for name, value in self.filters.items():
            spec = filters.get(name)
            if spec is None:
                raise SearchError(f"{name}: no such filter; one of {', '.join(filters)}")
            codes = [code for code, _label in spec.choices()] if spec.choices else None
            if codes is not None and value not in codes:
                raise SearchError(f"{name}: one of {', '.join(codes)}")
        if self.sort not in SORTS:
            raise SearchError(f"sort: one of {', '.join(SORTS)}")
        if self.page < 1:
            raise SearchError("page: must be 1 or more")
        if not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise SearchError(f"page_size: between 1 and {MAX_PAGE_SIZE}")
        if self.year is not None and not 1900 <= self.year <= 2100:
            raise SearchError("year: between 1900 and 2100")
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise SearchError("date_from: must not be after date_to")
        if self.locale not in content_languages():
            raise SearchError(f"locale: one of {', '.join(content_languages())}")

    def selected_types(self) -> list[SearchDocument]:
        """The types asked for, less those a type-specific filter rules out."""
        chosen = [TYPES[c] for c in (self.types or TYPES)]
        used = set(self.filters)
        return [t for t in chosen if used <= set(t.filters)]


@dataclass
class Hit:
    type: str
    page: object
    snippet: str

    def as_dict(self) -> dict:
        page = self.page
        spec = TYPES[self.type]
        return {
            "type": self.type,
            "id": page.pk,
            "title": page.title,
            "url": page.url,
            "slug": page.slug,
            "number": spec.number(page),
            "date": getattr(page, spec.date_field),
            "snippet": self.snippet,
        }


@dataclass
class SearchResult:
    count: int
    results: list[Hit]
    facets: dict = field(default_factory=dict)
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE
    locale: str = DEFAULT_LOCALE


# --- searching -----------------------------------------------------------------------------------


def _filtered(spec: SearchDocument, query: SearchQuery, today: date, private: Q, locale):
    """Live, public pages of one type in the query's language with the request's filters (as
    ``id__in`` the backend accepts).

    ``private``: ``Page.objects.private_q()``, read once per search (``.public()`` reads the view
    restrictions again for each type); ``locale``: the locale's id (``_locale``)."""
    base = spec.model.objects.live().exclude(private).filter(locale=locale)
    if not _narrowed(query):
        return base
    narrow = spec.model.objects.all()
    if query.year is not None:
        narrow = narrow.filter(**{f"{spec.date_field}__year": query.year})
    narrow = in_period(narrow, spec.date_field, query.date_from, query.date_to)
    for name, value in query.filters.items():
        narrow = spec.filters[name](narrow, value, today)
    return base.filter(id__in=narrow.values("pk"))


def _narrowed(query: SearchQuery) -> bool:
    """Whether ``_filtered`` narrows the pages beyond "live and public" (a filter of the request)."""
    return bool(query.filters) or any(getattr(query, name) not in (None, "") for name in GENERIC_FILTERS)


def _exact_matches(query: SearchQuery, spec: SearchDocument, candidates) -> list:
    """Pages of the type the query names exactly (its ``exact_matches``: a number, a code)."""
    return spec.exact_matches(query.q, candidates) if spec.exact_matches else []


@dataclass
class Matches:
    """The matches of one type, all of them: ``ranked`` (id, date, rank key), best first (the key
    compares across types: ``search.ranking``; for the newest sort, by date, every match; by
    relevance a ``ranking.Ranked``: the best with their refined keys, the others on demand); ``rows``: {id: (id,
    date, title, *facet columns)} of every match and of the number matches asked for, which the
    facets count."""

    ranked: list[tuple] = field(default_factory=list)
    rows: dict[int, tuple] = field(default_factory=dict)


def _matches(
    specs: list[SearchDocument],
    candidates: dict[str, object],
    query: SearchQuery,
    backend: str,
    numbered: dict[str, list[int]],
    today: date,
    understood: Understood,
) -> dict[str, Matches]:
    """Every match of each selected type, ranked (docs/search.md, "How a query is answered"):

    - our database backends (``search.backends.database``: SQLite FTS5 or PostgreSQL):
      ``scored_matches`` gives every page holding the required words, scored with the field
      weights, in one query per search (``_scored_ranked``); the service ranks them
      (``search.ranking``), or sorts them by date (``sort=newest``);
    - every other backend — Elasticsearch/OpenSearch, a stock Wagtail backend (``_generic_rows``):
      Wagtail's search API, every match with the backend's score (then ranked by
      ``search.ranking`` as above) or by date.

    When no page holds every required word, the pages lacking at most ``allowed_missing`` of them
    are the matches (on a backend that can say "at least": ours, Elasticsearch/OpenSearch).
    ``numbered``: the number matches of each type (already checked against the candidates): their
    facet rows are read with the others'.
    """
    relevance = query.sort != "newest"
    engine = _scored_backend(backend)
    if engine is not None:
        return _scored_ranked(specs, candidates, understood, engine, numbered, today, relevance)
    found = _generic_rows(specs, candidates, query, backend, understood, numbered, today)
    missing = allowed_missing(len(set(understood.required)))
    if missing and not any(kept for kept, _rows in found.values()) and _supports_minimum(backend):
        found = _generic_rows(specs, candidates, query, backend, understood, numbered, today, missing)
    out = {}
    for spec in specs:
        kept, rows = found[spec.code]
        if relevance:
            out[spec.code] = Matches(ranking.rank(spec, kept, rows, understood), rows)
        else:  # in the backend's order: by date
            out[spec.code] = Matches([(pk, rows[pk][1], ()) for pk in kept], rows)
    return out


def _newest_first(row: tuple) -> tuple:
    pk, day, _key = row
    return (-ranking.day_number(day), -pk)


def _generic_rows(specs, candidates, query, backend, understood, numbered, today, missing=0):
    """{type code: ({id: (score, words held)} of the matches among the candidates, in the
    backend's order; their rows)} through Wagtail's search API (``_backend_matches``)."""
    out = {}
    for spec in specs:
        scored = _backend_matches(spec, query, candidates[spec.code], backend, understood, missing)
        out[spec.code] = _kept(spec, scored, candidates, numbered, today)
    return out


def _kept(spec: SearchDocument, scored: dict, candidates, numbered, today) -> tuple[dict, dict]:
    """(the ``scored`` matches among the type's candidates, their rows): ``_facet_rows`` of the
    matches and the type's number matches, read through the candidates (live, public, filters)."""
    rows = _facet_rows(spec, [*scored, *numbered.get(spec.code, ())], candidates[spec.code], today)
    return {pk: value for pk, value in scored.items() if pk in rows}, rows


def _supports_minimum(backend: str) -> bool:
    """Whether the backend compiles ``AtLeast`` (Elasticsearch/OpenSearch: soft matching)."""
    from wagtail.search.backends import get_search_backend

    return bool(getattr(get_search_backend(backend).query_compiler_class, "supports_minimum", False))


def _backend_matches(
    spec: SearchDocument, query: SearchQuery, candidates, backend: str, understood, missing: int = 0
) -> dict:
    """{id: (score, words held)} of every match of one type through Wagtail's search API — in the
    backend's order (relevance: best first, scores higher-is-better where the backend's are not;
    newest: by date). The required words (``understood.required``) must all match, or all but
    ``missing`` of them (``AtLeast``; the words held are then taken as the fewest allowed)."""
    words = list(dict.fromkeys(understood.required))
    text = " ".join(words)
    search = AtLeast(text, len(words) - missing) if missing else text
    operator = {} if missing else {"operator": "and"}
    if query.sort != "newest":
        results = candidates.search(search, backend=backend, **operator).annotate_score("_score")
    else:
        candidates = candidates.order_by(f"-{spec.date_field}", "-id")
        results = candidates.search(search, order_by_relevance=False, backend=backend, **operator)
    queryset = getattr(results, "get_queryset", None)
    if queryset is not None:  # the database backends: the search is a queryset
        rows = queryset().values_list("pk", *(("_score",) if query.sort != "newest" else ()))
        hits = [(row[0], row[1] if len(row) > 1 else None) for row in rows]
    elif hasattr(results, "ranked_pks"):  # our engine backends: ids and scores in one request
        # stale entries (a page since unpublished, made private or deleted) are dropped by the
        # caller, which reads every match through the candidates
        hits = results.ranked_pks(None)
    else:  # other backends give model objects, already checked against the candidates
        hits = [(obj.pk, getattr(obj, "_score", None)) for obj in results]
    scores = [score for _pk, score in hits if score is not None]
    flip = -1 if len(scores) > 1 and scores[0] < scores[-1] else 1  # lower-is-better: negated
    held = len(words) - missing
    return {pk: ((flip * score) if score is not None else 0.0, held) for pk, score in hits}


def _scored_backend(backend: str):
    """The backend object when it offers ``scored_matches`` (``search.backends.database``), else None."""
    from wagtail.search.backends import get_search_backend

    engine = get_search_backend(backend)
    return engine if callable(getattr(engine, "scored_matches", None)) else None


def _scored_ranked(
    specs: list[SearchDocument],
    candidates: dict[str, object],
    understood: Understood,
    engine,
    numbered: dict[str, list[int]],
    today: date,
    relevance: bool = True,
) -> dict[str, Matches]:
    """Our database backends: one query gives every match of every type holding every required
    word, with its weighted score (``scored_matches``); then one query per type with matches reads
    every match's date, title and facet columns through the candidates (live, public, the request's
    filters: ``_facet_rows``) and ``search.ranking`` ranks them (or, ``relevance=False``, they are
    sorted by date, newest first). When no page holds every word,
    the pages lacking at most ``allowed_missing`` of them are the matches (docs/search.md, "Query
    understanding": one word too many does not empty the result)."""
    from modelsearch.utils import get_descendants_content_types_pks

    code_of: dict[int, str] = {}
    for spec in specs:
        code_of.update((int(ct), spec.code) for ct in get_descendants_content_types_pks(spec.model))
    words = understood.required
    out = _scored_rows(specs, candidates, engine.scored_matches(list(code_of), words), code_of, numbered, today)
    missing = allowed_missing(len(set(words)))
    if missing and not any(kept for kept, _rows in out.values()):
        found = engine.scored_matches(list(code_of), words, missing)
        out = _scored_rows(specs, candidates, found, code_of, numbered, today)
    if not relevance:
        return {
            code: Matches(sorted(((pk, rows[pk][1], ()) for pk in kept), key=_newest_first), rows)
            for code, (kept, rows) in out.items()
        }
    return {
        code: Matches(ranking.rank(TYPES[code], kept, rows, understood), rows) for code, (kept, rows) in out.items()
    }


def _scored_rows(specs, candidates, found, code_of, numbered, today) -> dict[str, tuple[dict, dict]]:
    """{type code: ({id: (score, words held)} of the matches among the candidates, their rows)}."""
    by_type: dict[str, dict[int, tuple]] = {}
    for ct, pk, score, held in found:
        by_type.setdefault(code_of[ct], {})[pk] = (score, held)
    return {spec.code: _kept(spec, by_type.get(spec.code, {}), candidates, numbered, today) for spec in specs}


def _facet_rows(spec: SearchDocument, ids: list[int], pages, today: date) -> dict[int, tuple]:
    """{id: (id, date, title, *``spec.facet_columns``)} of the pages ``ids`` among ``pages`` (a
    queryset of the type: live and public, the request's filters), one query (none without ids);
    the date as ISO text.

    The ids are written into both tables' conditions (the type's and the page table's), so that each
    is read by its primary key: with the condition on one side only, PostgreSQL merge-joined the
    ids with every page before them."""
    if not ids:
        return {}
    qs = _with_ids(_with_ids(pages, spec.model._meta.pk.column, ids), "id", ids, Page._meta.db_table).order_by()
    if spec.annotate_facets is not None:
        qs = spec.annotate_facets(qs, today)
    # Raw rows, the date as ISO text (``ranking.day_number``, ``ranking.year_of`` read it): no
    # converter per value — tens of thousands of rows for a common word; SQLite's date converter
    # alone took ~40 ms for 50,000 matches
    qs = qs.annotate(_day=Cast(spec.date_field, output_field=CharField()))
    sql, params = qs.values_list("pk", "_day", "title", *spec.facet_columns).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {row[0]: row for row in cursor.fetchall()}


def _with_ids(queryset, column: str, ids, table: str | None = None):
    """``queryset.filter(<column>__in=ids)`` for many integer ids, written into the SQL as numbers
    (``in_ids``). ``table``: a table the query joins (the queryset's own by default)."""
    quote = connection.ops.quote_name
    where = in_ids(f"{quote(table or queryset.model._meta.db_table)}.{quote(column)}", ids)
    return queryset.extra(where=[where])  # noqa: S610 - names and integers


def search(query: SearchQuery, *, today: date | None = None, backend: str = "default") -> SearchResult:
    """Search every selected type, merge, facet, paginate and snippet; raises ``SearchError``.

    ``backend`` names an entry of ``WAGTAILSEARCH_BACKENDS`` (the fallback when the engine is down).
    """
    query = query.with_q(clean_query(query.q))
    query.validate()
    today = today or timezone.localdate()
    first: list[tuple[str, int]] = []  # exact number / code matches, always first
    specs = query.selected_types()
    candidates = {}
    private = Page.objects.private_q()
    locale = _locale(query.locale, backend)
    for spec in specs:
        candidates[spec.code] = _filtered(spec, query, today, private, locale)
        for pk in _exact_matches(query, spec, candidates[spec.code]):
            first.append((spec.code, pk))
    first = list(dict.fromkeys(first))
    numbered: dict[str, list[int]] = {}
    for code, pk in first:
        numbered.setdefault(code, []).append(pk)
    words = backend_text(query.q).split()
    understood = understand(words, specs)
    matches = _matches(specs, candidates, query, backend, numbered, today, understood)

    start = (query.page - 1) * query.page_size
    count, window = _ordered_window(matches, query.sort, first, start, query.page_size)
    facets = compute_facets({code: list(m.rows.values()) for code, m in matches.items()})

    pages = _load(window)
    hits = [
        Hit(code, pages[(code, pk)], snippet(_snippet_source(TYPES[code], pages[(code, pk)]), words))
        for code, pk in window
        if (code, pk) in pages
    ]
    return SearchResult(count, hits, facets, query.page, query.page_size, query.locale)


def _locale(code: str, backend: str):
    """The id of the locale ``code``, as the candidates' filter ``locale=`` takes it (a filter of
    the search itself, on every backend: never a pass over the hits):

    - our database backends read every match through the candidates in SQL (``_facet_rows``): a
      subquery there (``portal.languages.locale_id``), no query of its own;
    - any other backend (Elasticsearch/OpenSearch: the ``locale`` filter field every page indexes,
      Wagtail's ``Page.search_fields``) gets the filter in its own query, as a value: the id is
      read here, once per search (a subquery would be run again for each type)."""
    if _scored_backend(backend) is not None:
        return locale_id(code)
    return Locale.objects.filter(language_code=code).values_list("pk", flat=True).first()


def _ordered_window(
    matches: dict[str, Matches], sort: str, first: list[tuple[str, int]], start: int, size: int
) -> tuple[int, list[tuple[str, int]]]:
    """(the number of results, the (type code, id) of ``[start, start + size)``) of one list: the
    number matches ``first``, then the matches of every type by date (newest) or by their rank
    keys (``search.ranking.rank``), which compare across types; a tie goes to the types in their
    registered order, then to each type's own order. A heading equal to the query (a news title
    typed whole: "Quán triệt Nghị định 12/2009/NĐ-CP") goes before the number matches: it names
    that page more exactly than the number it holds names the document. Only as many as the
    page needs are put in order (``heapq.nlargest``); every match is counted."""
    tie = {code: TYPES[code].order for code in matches}
    if sort == "newest":
        items = [
            ((ranking.day_number(row[1]), -tie[code], row[0]), code, row[0])
            for code, m in matches.items()
            for row in m.ranked
        ]
    else:
        items = [
            ((row[2], -tie[code], -n), code, row[0]) for code, m in matches.items() for n, row in enumerate(m.ranked)
        ]
        equal = sorted((item for item in items if item[0][0][:2] == (1, True)), reverse=True)
        first = list(dict.fromkeys([(code, pk) for _key, code, pk in equal] + first))
    seen = set(first)
    rest = [item for item in items if (item[1], item[2]) not in seen]
    needed = start + size - len(first)
    # the matches outside the refined ones (``ranking.Ranked``), counted without their keys
    unranked = [(code, m.ranked) for code, m in matches.items() if isinstance(m.ranked, ranking.Ranked)]
    counted = len(rest)
    for code, ranked in unranked:
        refined = {row[0] for row in ranked}
        counted += len(ranked.matched) - len(refined)
        counted -= sum(1 for c, pk in seen if c == code and pk in ranked.matched and pk not in refined)
    if needed > len(rest):  # the page reaches past the refined matches: the others' keys too
        for code, ranked in unranked:
            base = len(ranked)
            rest += [
                ((row[2], -tie[code], -(base + n)), code, row[0])
                for n, row in enumerate(ranked.rest())
                if (code, row[0]) not in seen
            ]
    if needed <= 0:
        top = []
    elif needed * 4 < len(rest):
        top = heapq.nlargest(needed, rest)
    else:
        top = sorted(rest, reverse=True)[:needed]
    ordered = first + [(code, pk) for _key, code, pk in top]
    return len(first) + counted, ordered[start : start + size]


def _load(window: list[tuple[str, int]]) -> dict[tuple[str, int], object]:
    """The pages of one result page: one query per type present."""
    wanted: dict[str, list[int]] = {}
    for code, pk in window:
        wanted.setdefault(code, []).append(pk)
    out = {}
    for code, pks in wanted.items():
        spec = TYPES[code]
        # No ORDER BY: the window gives the order (and compiling the default ordering is not free)
        for page in spec.model.objects.filter(pk__in=pks).select_related(*spec.related).order_by():
            out[(code, page.pk)] = page
    return out


# --- facets ----------------------------------------------------------------------------------------


def _named_counts(named: dict) -> list[dict]:
    """[{id, name, count}] from ``named`` ({id: [name, count]}, see ``_counted``), most first."""
    entries = [{"id": pk, "name": name, "count": n} for pk, (name, n) in named.items() if pk is not None]
    return sorted(entries, key=lambda e: (-e["count"], e["name"]))


def _counted(counts, named: dict | None = None) -> dict:
    """``named`` ({id: [name, count]}, a new one by default) with the (id, name, n) ``counts`` added."""
    named = {} if named is None else named
    for pk, name, n in counts:
        named.setdefault(pk, [name, 0])[1] += n
    return named


def _choice_counts(facet: Facet, codes: Counter) -> list[dict]:
    labels = dict(facet.choices())
    return sorted(
        ({"code": c, "label": str(labels[c]), "count": n} for c, n in codes.items() if c),
        key=lambda e: (-e["count"], e["code"]),
    )


def compute_facets(rows_by_type: dict[str, list[tuple]]) -> dict:
    """Counts per type and year, and of every registered facet (``search.registry.Facet``).

    ``rows_by_type``: the matches of each type as ``_facet_rows`` reads them (id, date, title, *facet
    columns). Each type counts its own facets (``count_facets``), from these rows or with SQL
    aggregates over the ids (``GROUP BY``, the names joined in); the counts of every type are
    summed per facet.
    """
    facets: dict = {"type": {code: len(rows) for code, rows in rows_by_type.items() if rows}}
    registered = registry.facets()
    counts: dict[str, object] = {
        name: Counter() if facet.kind == "choice" else {} for name, facet in registered.items()
    }
    years: Counter = Counter()
    for code, rows in rows_by_type.items():
        if not rows:
            continue
        spec = TYPES[code]
        years.update(ranking.year_of(row[1]) for row in rows)  # every type's date is required
        if spec.count_facets is None:
            continue
        for name, found in spec.count_facets(FacetRows(spec, rows)).items():
            if registered[name].kind == "choice":
                counts[name].update(found)
            else:
                _counted(found, counts[name])
    for name, facet in registered.items():
        facets[name] = _choice_counts(facet, counts[name]) if facet.kind == "choice" else _named_counts(counts[name])
    facets["year"] = [{"year": y, "count": n} for y, n in sorted(years.items(), reverse=True)]
    return facets


class FacetRows:
    """The matches of one type as its ``count_facets`` receives them."""

    def __init__(self, spec: SearchDocument, rows: list[tuple]):
        self.spec = spec
        self.rows = rows  # (id, date, title, *spec.facet_columns)
        self.ids = [row[0] for row in rows]

    def column(self, name: str) -> list:
        """The values of the facet column ``name``, one per match."""
        i = 3 + self.spec.facet_columns.index(name)
        return [row[i] for row in self.rows]

    def pairs(self, relation: str) -> list[tuple]:
        """(id, name, n) of the related object ``relation`` (its ``_id`` and ``__name`` facet columns)."""
        found = Counter(zip(self.column(f"{relation}_id"), self.column(f"{relation}__name")))
        return [(pk, name, n) for (pk, name), n in found.items()]

    def through(self, queryset, column: str):
        """``queryset`` (e.g. a many-to-many table) limited to the rows whose ``column`` is a match's id."""
        return _with_ids(queryset, column, self.ids)


# --- snippets ---------------------------------------------------------------------------------------


def _snippet_source(spec: SearchDocument, page) -> str:
    parts = []
    for path in spec.text_fields:
        value = page
        for name in path.split("."):
            value = getattr(value, name, None) if value is not None else None
        parts.append(plain_text(value))
    return " ".join(p for p in parts if p)


def _fold_aligned(text: str) -> str:
    """``fold`` keeping one character for each character of ``text`` (positions line up)."""
    folded = _fold_marks(text).lower()
    if len(folded) == len(text):
        return folded
    out = []
    for ch in text:
        f = _fold_marks(ch).lower()
        out.append(f if len(f) == 1 else ch.lower())
    return "".join(out)


_JOINERS = re.compile(r"^[\s/\-.]*$")


def snippet(text: str, words: list[str], length: int = SNIPPET_LENGTH) -> str:
    """About ``length`` characters of ``text`` around the first query word, matches in ``<mark>``.

    Words are compared folded, so "vinh tuong" marks "Vĩnh Tường"; the rest is HTML-escaped.
    """
    text = normalize(html.unescape(text))[:20000]
    if not text:
        return ""
    folded = _fold_aligned(text)
    words = [w for w in dict.fromkeys(words) if w]
    pattern = (
        re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?!\w)")
        if words
        else None
    )
    first = pattern.search(folded) if pattern else None
    if first is None:
        start = 0
    else:
        start = max(0, first.start() - length // 3)
        if start:  # begin at a word
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first.start() else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > (first.end() if first else start) else end
    spans = []
    if pattern:
        for m in pattern.finditer(folded, start, end):
            if spans and _JOINERS.match(folded[spans[-1][1] : m.start()]):
                spans[-1] = (spans[-1][0], m.end())  # "43/2011/NĐ-CP": one mark, not four
            else:
                spans.append((m.start(), m.end()))
    out, pos = [], start
    for a, b in spans:
        out.append(html.escape(text[pos:a]))
        out.append("<mark>" + html.escape(text[a:b]) + "</mark>")
        pos = b
    out.append(html.escape(text[pos:end]))
    return ("…" if start > 0 else "") + "".join(out) + ("…" if end < len(text) else "")


# --- type-ahead ----------------------------------------------------------------------------------------

_NUMBER_PREFIX = re.compile(r"(\d[\w/\-]*)$", re.UNICODE)


def suggest(
    q: str, *, limit: int = SUGGEST_LIMIT, backend: str = "default", locale: str = DEFAULT_LOCALE
) -> list[dict]:
    """Up to ``limit`` {title, number, url, type} for type-ahead; folded like ``search``; pages of
    the language ``locale`` only.

    Numbers first (the last word as a number prefix, "4" → "43/2011/…", the other words then
    required in the title), then full-word matches (search), then the backend's autocomplete.
    """
    text = clean_query(q)
    if not text:
        raise SearchError("q: enter something to search for")
    if len(text) > MAX_QUERY_LENGTH:
        raise SearchError(f"q: at most {MAX_QUERY_LENGTH} characters")
    if locale not in content_languages():
        raise SearchError(f"locale: one of {', '.join(content_languages())}")
    words = backend_text(text).split()
    if not words:
        return []
    found: dict[tuple[str, int], dict] = {}
    language = _locale(locale, backend)

    def pages(spec):
        return spec.model.objects.live().public().filter(locale=language)

    def add(code, page):
        if len(found) < limit and (code, page.pk) not in found:
            spec = TYPES[code]
            found[(code, page.pk)] = {
                "type": code,
                "title": page.title,
                "number": spec.number(page),
                "url": page.url,
            }

    prefix = _NUMBER_PREFIX.search(text)
    if prefix:
        others = query_text(text[: prefix.start()]).split()
        for spec in (spec for spec in TYPES.values() if spec.number_prefix is not None):
            numbered = pages(spec).filter(spec.number_prefix(prefix.group(1))).order_by(f"-{spec.date_field}", "-pk")
            for page in numbered[:50]:
                title = fold(f"{page.title} {getattr(page, 'summary', '')}").split()
                if all(w in title for w in others):
                    add(spec.code, page)
    typed = " ".join(words)
    searches = (
        lambda candidates: candidates.search(typed, operator="and", backend=backend),  # whole words
        # every word, as on the database backends (an engine's default is any word)
        lambda candidates: candidates.autocomplete(typed, operator="and", backend=backend),  # the last word partial
    )
    for run in searches:
        for spec in TYPES.values():
            if len(found) >= limit:
                break
            for page in run(pages(spec))[:limit]:
                add(spec.code, page)
    return list(found.values())
