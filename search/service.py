"""The unified search service: one function the API (``search/api.py``) and the pages call.

Each content type registered with the search (``search.registry``: the search documents of the
content apps) is searched with its own filters applied before searching. The query is understood
first (``search.understand``: document types, issuers, years become boosts; the rest are the
words to match). Every match of every type is found and scored (``_matches``: ``scored_sql``
on our database backends, Wagtail's search API elsewhere) and written, with its date, boosts and
facet columns, into the search's table of matches (``search.matchset``), from which the count, the
facets and the best of each type are read in SQL; the best are ranked (``search.ranking``: the
field weights, the headings, boosts, standing) and merged; only the requested page is put in order
and loaded. A query that names a page exactly (a document number ``43/2011/NĐ-CP``, a task code:
each type's ``exact_matches``) puts it first. Counts and facets cover every match: a fixed number
of queries, whatever the number of matches. See docs/search.md.
"""

import heapq
import html
import re
import threading
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from django.db import connection
from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale, Page

from portal.filters import in_period
from portal.languages import content_languages, locale_id
from portal.memory import collection_paused
from portal.text import fold, normalize, query_text
from portal.text import strip_marks as _fold_marks

from . import matchset, ranking
from .backends.instances import backend as search_backend
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
    """Every match of every selected type, in the search's table of matches (``search.matchset``):
    ``kinds`` {type code: its number in the table}; ``counts`` {type code: its matches} and
    ``years`` (a Counter by year), the pages named exactly included; ``refined`` {type code: [(id,
    date, key)]}: by relevance, the best ``ranking.WINDOW`` of each type with their refined keys
    (``search.ranking.refine``), best first; the others are read from the table in the first order
    when a page reaches them (``_ordered_window``)."""

    kinds: dict[str, int] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    years: Counter = field(default_factory=Counter)
    refined: dict[str, list] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _matches(
    specs: list[SearchDocument],
    candidates: dict[str, object],
    query: SearchQuery,
    backend: str,
    numbered: dict[str, list[int]],
    today: date,
    understood: Understood,
    shape: tuple,
) -> Matches:
    """Every match of each selected type, written into the search's table of matches
    (``search.matchset``, docs/search.md, "How a query is answered"), counted, and by relevance the
    best of each type ranked:

    - our database backends (``search.backends.database``: SQLite FTS5 or PostgreSQL):
      ``scored_sql`` gives every page holding the required words, scored with the field weights,
      which the same statement writes into the table (nothing read into Python);
    - every other backend — Elasticsearch/OpenSearch, a stock Wagtail backend: Wagtail's search API,
      every match with the backend's score (``_backend_matches``), handed to the database
      (``search.matchset.loaded_hits``) and written into the table from there.

    Either way each match is joined once to its type's candidates (live, public, the language, the
    request's filters: a stale index entry drops out), with its date, its boosts (``search.ranking.
    boost_expression``) and facet columns. When no page holds every required word, the pages lacking
    at most ``allowed_missing`` of them are the matches (on a backend that can say "at least": ours,
    Elasticsearch/OpenSearch). ``numbered``: the number matches of each type (already checked
    against the candidates), counted and faceted with the others. ``shape``: what the statements
    writing the matches depend on besides the type and the boosts (the backend, language, filters,
    today, private sections: ``_part`` keeps them compiled for it).
    """
    kinds = {spec.code: n for n, spec in enumerate(specs)}
    missing = allowed_missing(len(set(understood.required)))
    hits, soft = _hits_source(specs, kinds, candidates, query, backend, understood, missing)
    named_rows = [(kinds[code], pk, 0.0, matchset.NAMED_ONLY) for code, pks in numbered.items() for pk in pks]
    named = matchset.listed_hits(named_rows) if named_rows else None
    parts = [_part(kinds[spec.code], spec, candidates[spec.code], today, understood, shape) for spec in specs]
    matchset.reset()
    matchset.fill(hits(0), named, parts)
    totals = matchset.totals()
    if soft and not any(held_words for _kind, _year, held_words, _n in totals):
        matchset.reset()
        matchset.fill(hits(missing), named, parts)
        totals = matchset.totals()
    code_of = {kind: code for code, kind in kinds.items()}
    out = Matches(kinds)
    ranked: set[str] = set()
    for kind, year, held_words, n in totals:
        code = code_of[kind]
        out.counts[code] = out.counts.get(code, 0) + n
        out.years[int(year) if year else None] += n
        if held_words:
            ranked.add(code)
    if query.sort != "newest":
        for spec in specs:
            if spec.code in ranked:
                head = matchset.ordered(
                    kinds[spec.code], matchset.FIRST_ORDER, ranking.WINDOW, columns=len(spec.facet_columns)
                )
                out.refined[spec.code] = ranking.refine(spec, head, understood)
    return out


_PARTS: dict[tuple, tuple[str, tuple]] = {}
_PARTS_LOCK = threading.Lock()
PARTS_KEPT = 512  # compiled statements kept (the oldest forgotten first)


def _part(kind: int, spec: SearchDocument, candidates, today: date, understood: Understood, shape: tuple):
    """The SQL writing the matches of ``spec`` into the table of matches (``search.matchset.part``),
    compiled once for each shape of search and kept: compiling the ten types' statements through the
    ORM took ~17 ms of every search, whatever its number of matches. The key holds everything the
    statement depends on: the database, the type and its number in the table, ``shape`` (the backend,
    the language, the request's filters, today — validity and deadlines are reckoned from it — and
    the private sections, ``Page.objects.private_q()`` read for this search), and the query's boosts
    for the type (its conditions, the years named)."""
    key = (
        connection.alias,
        connection.vendor,
        spec.code,
        kind,
        shape,
        tuple(understood.conditions(spec)),
        tuple(understood.years),
    )
    try:
        found = _PARTS.get(key)
    except TypeError:  # a value of the key that cannot be hashed: compiled, not kept
        key, found = None, None
    if found is None:
        queryset = spec.annotate_facets(candidates, today) if spec.annotate_facets else candidates
        sql, params = matchset.part(
            kind, queryset, spec.date_field, ranking.boost_expression(spec, understood), spec.facet_columns
        )
        found = (sql, tuple(params))
        if key is not None:
            with _PARTS_LOCK:
                if len(_PARTS) >= PARTS_KEPT:
                    _PARTS.pop(next(iter(_PARTS)))
                _PARTS[key] = found
    sql, params = found
    return sql, list(params)


def _hits_source(specs, kinds: dict[str, int], candidates, query: SearchQuery, backend: str, understood, missing):
    """(``missing -> SQL of (kind, pk, score, held)``: every match of the required words, all of them
    or all but ``missing``; whether a soft match with ``missing`` words missing is to be tried).
    Our database backends: their ``scored_sql``, never read into Python; any other: Wagtail's search
    API per type (``_backend_matches``), the hits handed to the database (``search.matchset.
    loaded_hits``: rows of a temporary table on SQLite, arrays on PostgreSQL)."""
    words = understood.required
    engine = _scored_backend(backend)
    if engine is not None:
        from modelsearch.utils import get_descendants_content_types_pks

        kind_of: dict[int, int] = {}
        for spec in specs:
            kind_of.update((int(ct), kinds[spec.code]) for ct in get_descendants_content_types_pks(spec.model))

        def scored(missing: int):
            found = engine.scored_sql(list(kind_of), words, missing)
            return matchset.scored_hits(*found, kind_of) if found else matchset.listed_hits([])

        return scored, bool(missing)

    def found(missing: int):
        with collection_paused():  # tens of thousands of hits: tuples without cycles
            rows = [
                (kinds[spec.code], pk, score, held)
                for spec in specs
                for pk, (score, held) in _backend_matches(
                    spec, query, candidates[spec.code], backend, understood, missing
                ).items()
            ]
            return matchset.loaded_hits(rows)

    return found, bool(missing) and _supports_minimum(backend)  # the backend looked up only when it matters


def _supports_minimum(backend: str) -> bool:
    """Whether the backend compiles ``AtLeast`` (Elasticsearch/OpenSearch: soft matching)."""
    return bool(getattr(search_backend(backend).query_compiler_class, "supports_minimum", False))


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
    operator = None if missing else "and"
    engine = search_backend(backend)  # kept: ``candidates.search(backend=…)`` would build one a type
    if query.sort != "newest":
        results = engine.search(search, candidates, operator=operator).annotate_score("_score")
    else:
        candidates = candidates.order_by(f"-{spec.date_field}", "-id")
        results = engine.search(search, candidates, operator=operator, order_by_relevance=False)
    queryset = getattr(results, "get_queryset", None)
    if queryset is not None:  # the database backends: the search is a queryset
        rows = queryset().values_list("pk", *(("_score",) if query.sort != "newest" else ()))
        hits = [(row[0], row[1] if len(row) > 1 else None) for row in rows]
    elif hasattr(results, "ranked_pks"):  # our engine backends: ids and scores in one request
        # stale entries (a page since unpublished, made private or deleted) drop out when the
        # matches are joined to the candidates (``search.matchset``)
        hits = results.ranked_pks(None)
    else:  # other backends give model objects, already checked against the candidates
        hits = [(obj.pk, getattr(obj, "_score", None)) for obj in results]
    scores = [score for _pk, score in hits if score is not None]
    flip = -1 if len(scores) > 1 and scores[0] < scores[-1] else 1  # lower-is-better: negated
    held = len(words) - missing
    return {pk: ((flip * score) if score is not None else 0.0, held) for pk, score in hits}


def _scored_backend(backend: str):
    """The backend object when it offers ``scored_sql`` (``search.backends.database``), else None."""
    engine = search_backend(backend)
    return engine if callable(getattr(engine, "scored_sql", None)) else None


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
    language = locale if isinstance(locale, int) else None  # an engine's: the id (a database's: a subquery)
    filters = (query.year, query.date_from, query.date_to, *sorted(query.filters.items()))
    shape = (backend, query.locale, language, *filters, today, private)
    matches = _matches(specs, candidates, query, backend, numbered, today, understood, shape)

    start = (query.page - 1) * query.page_size
    count, window = _ordered_window(matches, query.sort, first, start, query.page_size)
    facets = compute_facets(matches)

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

    - our database backends join every match to the candidates in SQL (``search.matchset``): a
      subquery there (``portal.languages.locale_id``), no query of its own;
    - any other backend (Elasticsearch/OpenSearch: the ``locale`` filter field every page indexes,
      Wagtail's ``Page.search_fields``) gets the filter in its own query, as a value: the id is
      read here, once per search (a subquery would be run again for each type)."""
    if _scored_backend(backend) is not None:
        return locale_id(code)
    return Locale.objects.filter(language_code=code).values_list("pk", flat=True).first()


def _ordered_window(
    matches: Matches, sort: str, first: list[tuple[str, int]], start: int, size: int
) -> tuple[int, list[tuple[str, int]]]:
    """(the number of results, the (type code, id) of ``[start, start + size)``) of one list: the
    number matches ``first``, then the matches of every type by date (newest) or by their rank
    keys (``search.ranking.refine``), which compare across types; a tie goes to the types in their
    registered order, then to each type's own order. A heading equal to the query (a news title
    typed whole: "Quán triệt Nghị định 12/2009/NĐ-CP") goes before the number matches: it names
    that page more exactly than the number it holds names the document. Only as many as the page
    needs are read from the table of matches, in its order (``search.matchset.ordered``); every
    match is counted."""
    tie = {code: TYPES[code].order for code in matches.kinds}
    items = []
    if sort != "newest":
        items = [
            ((key, -tie[code], -n), code, pk)
            for code, refined in matches.refined.items()
            for n, (pk, _day, key) in enumerate(refined)
        ]
        equal = sorted((item for item in items if item[0][0][:2] == (1, True)), reverse=True)
        first = list(dict.fromkeys([(code, pk) for _key, code, pk in equal] + first))
    seen = set(first)
    rest = [item for item in items if (item[1], item[2]) not in seen]
    needed = start + size - len(first)
    if needed > len(rest):  # the page reaches past the refined matches (newest: every match)
        for code, kind in matches.kinds.items():
            if not matches.counts.get(code):
                continue
            skip = len(matches.refined.get(code, ()))
            if sort != "newest" and skip < ranking.WINDOW:
                continue  # every ranked match of the type is refined
            order = matchset.NEWEST_ORDER if sort == "newest" else matchset.FIRST_ORDER
            rows = matchset.ordered(kind, order, needed + len(seen), offset=skip)
            if sort == "newest":
                rest += [((ranking.day_number(day), -tie[code], pk), code, pk) for pk, day, *_ in rows]
            else:
                rest += [
                    ((ranking.first_key(held, boost, score, day), -tie[code], -(skip + n)), code, pk)
                    for n, (pk, day, held, boost, score) in enumerate(rows)
                ]
            rest = [item for item in rest if (item[1], item[2]) not in seen]
    if needed <= 0:
        top = []
    elif needed * 4 < len(rest):
        top = heapq.nlargest(needed, rest)
    else:
        top = sorted(rest, reverse=True)[:needed]
    ordered = first + [(code, pk) for _key, code, pk in top]
    return matches.total, ordered[start : start + size]


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


def compute_facets(matches: Matches) -> dict:
    """Counts per type and year, and of every registered facet (``search.registry.Facet``).

    Each type counts its own facets (``count_facets``) with SQL aggregates over its matches in the
    search's table of matches (``FacetRows``: ``GROUP BY`` its facet columns, or a many-to-many
    table joined to its ids, the names joined in); the counts of every type are summed per facet.
    """
    facets: dict = {"type": {code: n for code, n in matches.counts.items() if n}}
    registered = registry.facets()
    counts: dict[str, object] = {
        name: Counter() if facet.kind == "choice" else {} for name, facet in registered.items()
    }
    for code, kind in matches.kinds.items():
        spec = TYPES[code]
        if not matches.counts.get(code) or spec.count_facets is None:
            continue
        for name, found in spec.count_facets(FacetRows(spec, kind)).items():
            if registered[name].kind == "choice":
                counts[name].update(found)
            else:
                _counted(found, counts[name])
    for name, facet in registered.items():
        facets[name] = _choice_counts(facet, counts[name]) if facet.kind == "choice" else _named_counts(counts[name])
    years = sorted(((y, n) for y, n in matches.years.items() if y is not None), reverse=True)
    facets["year"] = [{"year": y, "count": n} for y, n in years]
    return facets


class FacetRows:
    """The matches of one type as its ``count_facets`` receives them: SQL over the search's table
    of matches (``search.matchset``), where each match's facet columns (``spec.facet_columns``) are
    kept as text. The columns are grouped together once and each facet summed from the groups: one
    ``GROUP BY`` however many facets the type counts (each is a scan of the whole table of matches,
    which has no index: the procedures' four in a table of 50,829 matches 22 → 6 ms, the legal
    documents' three over 28,436 of them 87 → 81 ms)."""

    def __init__(self, spec: SearchDocument, kind: int):
        self.spec = spec
        self.kind = kind
        self._groups: list[tuple] | None = None

    def _slot(self, name: str) -> int:
        return self.spec.facet_columns.index(name)

    def _summed(self, slots: list[int]) -> Counter:
        """{value of the slots (a tuple when several): number of matches}, from one grouping of all
        the type's facet columns."""
        if self._groups is None:
            self._groups = matchset.grouped(self.kind, list(range(len(self.spec.facet_columns))))
        out: Counter = Counter()
        for row in self._groups:
            out[tuple(row[i] for i in slots) if len(slots) > 1 else row[slots[0]]] += row[-1]
        return out

    def counts(self, name: str) -> Counter:
        """{value: number of matches} of the facet column ``name`` (a choice's code)."""
        return self._summed([self._slot(name)])

    def pairs(self, relation: str) -> list[tuple]:
        """(id, name, n) of the related object ``relation`` (its ``_id`` and ``__name`` facet columns)."""
        found = self._summed([self._slot(f"{relation}_id"), self._slot(f"{relation}__name")])
        return [(int(pk) if pk is not None else None, name, n) for (pk, name), n in found.items()]

    def through(self, queryset, column: str):
        """``queryset`` (e.g. a many-to-many table) limited to the rows whose ``column`` is a match's id."""
        quote = connection.ops.quote_name
        where = matchset.among_matches(f"{quote(queryset.model._meta.db_table)}.{quote(column)}", self.kind)
        return queryset.extra(where=[where])  # noqa: S610 - names and an integer


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
    engine = search_backend(backend)
    searches = (
        lambda candidates: engine.search(typed, candidates, operator="and"),  # whole words
        # every word, as on the database backends (an engine's default is any word)
        lambda candidates: engine.autocomplete(typed, candidates, operator="and"),  # the last word partial
    )
    for run in searches:
        for spec in TYPES.values():
            if len(found) >= limit:
                break
            for page in run(pages(spec))[:limit]:
                add(spec.code, page)
    return list(found.values())
