"""The unified search service: one function the API (``search/api.py``) and the pages call.

Each content type (legal documents, news, directives, tasks) is searched on its own through
Wagtail's search API, with its own filters applied to the queryset before searching; the
ranked lists are merged (relevance: interleaved by rank; newest: by the type's date). A number
written in the query (``43/2011/NĐ-CP``, ``43/2011``) is looked up exactly by its key and put
first. Facets are ORM aggregates over the matched ids: a fixed number of queries, whatever the
number of matches. See docs/search.md.
"""

import functools
import html
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date

from django.db import connection
from django.db.models import Q
from django.utils import timezone

from directives.models import DirectivePage, LegalDocumentPage, TaskPage
from directives.numbers import fold as _fold_marks
from directives.validity import ValidityStatus, validity_expression
from news.models import NewsPage

from .indexing import plain_text
from .text import find_numbers, fold, folded_number_key, normalize, query_text

MAX_QUERY_LENGTH = 200
MAX_PAGE_SIZE = 50
DEFAULT_PAGE_SIZE = 10
MAX_MATCHES_PER_TYPE = 1000  # matches beyond this (per type) are neither listed nor counted (docs/search.md)
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


@dataclass(frozen=True)
class ContentType:
    """How one searchable model is searched, filtered, dated and shown."""

    code: str
    model: type
    date_field: str
    text_fields: tuple[str, ...]  # plain text for the snippet, in order ("a.b": attribute b of a)
    numbered: bool = False
    filters: frozenset[str] = frozenset()  # type-specific filters this type supports
    related: tuple[str, ...] = ()  # select_related when loading a result page


TYPES = {
    t.code: t
    for t in (
        ContentType(
            "legal_document",
            LegalDocumentPage,
            "issued_on",
            ("summary", "body", "signer"),
            numbered=True,
            filters=frozenset({"document_type", "issuing_body", "field", "status"}),
        ),
        ContentType(
            "directive",
            DirectivePage,
            "issued_on",
            ("summary", "body", "meeting_subject"),
            numbered=True,
            filters=frozenset({"field"}),
        ),
        ContentType(
            "task",
            TaskPage,
            "assigned_on",
            ("title", "details", "expected_output", "lead_unit.name"),
            filters=frozenset({"unit"}),
            related=("lead_unit",),
        ),
        ContentType("news", NewsPage, "published_on", ("lead", "body")),
    )
}
TYPE_SPECIFIC_FILTERS = ("document_type", "issuing_body", "field", "status", "unit")
SORTS = ("relevance", "newest")


@dataclass(frozen=True)
class SearchQuery:
    q: str
    types: tuple[str, ...] = ()  # empty: every type
    document_type: int | None = None
    issuing_body: int | None = None
    field: int | None = None
    status: str | None = None
    unit: int | None = None
    year: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE

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
        if self.status and self.status not in ValidityStatus.values:
            raise SearchError(f"status: one of {', '.join(ValidityStatus.values)}")
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

    def selected_types(self) -> list[ContentType]:
        """The types asked for, less those a type-specific filter rules out."""
        chosen = [TYPES[c] for c in (self.types or TYPES)]
        used = {name for name in TYPE_SPECIFIC_FILTERS if getattr(self, name) not in (None, "")}
        return [t for t in chosen if used <= t.filters]


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
            "number": page.number if spec.numbered else None,
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


# --- validity status in SQL -------------------------------------------------------------------


# --- searching -----------------------------------------------------------------------------------


def _filtered(spec: ContentType, query: SearchQuery, today: date):
    """Live, public pages of one type with the request's filters (as ``id__in`` the backend accepts)."""
    base = spec.model.objects.live().public()
    narrow = spec.model.objects.all()
    applied = False
    if query.year is not None:
        narrow = narrow.filter(**{f"{spec.date_field}__year": query.year})
        applied = True
    if query.date_from:
        narrow = narrow.filter(**{f"{spec.date_field}__gte": query.date_from})
        applied = True
    if query.date_to:
        narrow = narrow.filter(**{f"{spec.date_field}__lte": query.date_to})
        applied = True
    if query.document_type:
        narrow = narrow.filter(document_type_id=query.document_type)
        applied = True
    if query.issuing_body:
        ids = LegalDocumentPage.co_issuing_bodies.through.objects.filter(agency_id=query.issuing_body)
        narrow = narrow.filter(Q(issuing_body_id=query.issuing_body) | Q(pk__in=ids.values("legaldocumentpage_id")))
        applied = True
    if query.field:
        narrow = narrow.filter(
            pk__in=spec.model.fields.through.objects.filter(field_id=query.field).values(_through_fk(spec.model))
        )
        applied = True
    if query.status:
        narrow = narrow.annotate(_validity=validity_expression(today)).filter(_validity=query.status)
        applied = True
    if query.unit:
        narrow = narrow.filter(lead_unit_id=query.unit)
        applied = True
    if applied:
        base = base.filter(id__in=narrow.values("pk"))
    return base


def _narrowed(query: SearchQuery) -> bool:
    """Whether ``_filtered`` narrows the pages beyond "live and public" (a filter of the request)."""
    return any(
        getattr(query, name) not in (None, "")
        for name in ("year", "date_from", "date_to", "document_type", "issuing_body", "field", "status", "unit")
    )


def _through_fk(model) -> str:
    return f"{model._meta.model_name}_id"


def _number_matches(query: SearchQuery, spec: ContentType, candidates) -> list:
    """Pages whose number is written in the query: exact key, or ``43/2011`` → ``43/2011/…``."""
    if not spec.numbered:
        return []
    condition = Q()
    for number in find_numbers(query.q):
        key = folded_number_key(number)
        if key:
            condition |= Q(number_folded=key) | Q(number_folded__startswith=key + "/")
    if not condition:
        return []
    return list(candidates.filter(condition).order_by(f"-{spec.date_field}", "-pk").values_list("pk", flat=True)[:20])


def _task_code_matches(query: SearchQuery, spec: ContentType, candidates) -> list:
    if spec.code != "task":
        return []
    code = normalize(query.q).upper()
    if " " in code or len(code) > 50:
        return []
    # The task table alone first (a join would make the planner walk every live page).
    ids = list(TaskPage._base_manager.filter(code__iexact=code).values_list("pk", flat=True))
    return list(candidates.filter(pk__in=ids).values_list("pk", flat=True)) if ids else []


def _facet_columns(spec: ContentType, today: date) -> tuple[dict, tuple[str, ...]]:
    """(annotations, columns) that the facets read from each match of ``spec``'s type."""
    if spec.code == "legal_document":
        return {"_validity": validity_expression(today)}, ("document_type_id", "issuing_body_id", "_validity")
    if spec.code == "task":
        return {}, ("lead_unit_id",)
    return {}, ()


def _ranked_matches(
    spec: ContentType, query: SearchQuery, candidates, today: date, backend: str = "default"
) -> list[tuple]:
    """(id, date, score, whole query in the title, *facet columns) of every match of one type, in
    the order asked for (at most ``MAX_MATCHES_PER_TYPE``).

    On the database backends the ranked search is one query that returns these values only (no
    page objects); on other backends the ranked ids are read first, then their values.
    """
    relevance = query.sort != "newest"
    if relevance:
        results = candidates.search(backend_text(query.q), operator="and", backend=backend).annotate_score("_score")
    else:
        candidates = candidates.order_by(f"-{spec.date_field}", "-id")
        results = candidates.search(backend_text(query.q), operator="and", order_by_relevance=False, backend=backend)
    annotations, facet_columns = _facet_columns(spec, today)
    columns = ("pk", spec.date_field, "title", *facet_columns)
    queryset = getattr(results, "get_queryset", None)
    if queryset is not None:  # the database backends: the search is a queryset
        qs = queryset().annotate(**annotations) if annotations else queryset()
        rows = list(qs.values_list(*columns, *(("_score",) if relevance else ()))[:MAX_MATCHES_PER_TYPE])
        scored = [(row[:-1], row[-1]) for row in rows] if relevance else [(row, None) for row in rows]
    else:
        hits = [(obj.pk, getattr(obj, "_score", None)) for obj in results[:MAX_MATCHES_PER_TYPE]]
        values = {
            row[0]: row
            for row in spec.model.objects.filter(pk__in=[pk for pk, _ in hits])
            .annotate(**annotations)
            .values_list(*columns)
        }
        scored = [(values[pk], score) for pk, score in hits if pk in values]
    words = set(backend_text(query.q).split())
    return [
        (row[0], row[1], score or 0.0, relevance and words <= _title_words(row[2]), *row[3:]) for row, score in scored
    ]


def _search_engine(backend: str):
    """The backend object when it offers ``bounded_matches`` (``search.database``), else None."""
    from wagtail.search.backends import get_search_backend

    engine = get_search_backend(backend)
    return engine if callable(getattr(engine, "bounded_matches", None)) else None


def _bounded_ranked(
    specs: list[ContentType], candidates: dict[str, object], query: SearchQuery, today: date, engine
) -> dict[str, list[tuple]]:
    """What ``_ranked_matches`` gives for each type, from one match for all types (``search.database``).

    The ``MAX_MATCHES`` most recently indexed matches (all selected types together) are read with
    their scores in one query; the other matches are neither scored, listed nor counted. Then one
    query per type present reads the values the merge and the facets need.
    """
    from modelsearch.utils import get_descendants_content_types_pks

    code_of: dict[int, str] = {}
    groups = []
    narrowed = _narrowed(query)
    for spec in specs:
        cts = [int(pk) for pk in get_descendants_content_types_pks(spec.model)]
        code_of.update((ct, spec.code) for ct in cts)
        groups.append((cts, candidates[spec.code] if narrowed else None))
    scores: dict[str, dict[int, float]] = {}
    for ct, pk, score in engine.bounded_matches(groups, backend_text(query.q), MAX_MATCHES_PER_TYPE):
        scores.setdefault(code_of[ct], {})[pk] = score or 0.0
    words = set(backend_text(query.q).split())
    sign = -1 if engine.score_higher_is_better else 1
    ranked: dict[str, list[tuple]] = {}
    for spec in specs:
        found = scores.get(spec.code)
        if not found:
            ranked[spec.code] = []
            continue
        annotations, facet_columns = _facet_columns(spec, today)
        qs = _with_ids(candidates[spec.code], spec.model._meta.pk.column, found)
        qs = qs.annotate(**annotations) if annotations else qs
        rows = [
            (row[0], row[1], found[row[0]], words <= _title_words(row[2]), *row[3:])
            for row in qs.values_list("pk", spec.date_field, "title", *facet_columns)
        ]
        rows.sort(key=lambda r: (sign * r[2], -r[0]))
        ranked[spec.code] = rows
    return ranked


def _with_ids(queryset, column: str, ids):
    """``queryset.filter(<column>__in=ids)`` for many integer ids, written into the SQL as numbers:
    Django prepares every value of an ``__in`` list one by one (~40 ms for a few thousand ids)."""
    table = connection.ops.quote_name(queryset.model._meta.db_table)
    listed = ", ".join(str(int(i)) for i in ids) or "NULL"
    return queryset.extra(where=[f"{table}.{connection.ops.quote_name(column)} IN ({listed})"])  # noqa: S610 - ints


def _title_words(title: str) -> set[str]:
    """``set(query_text(title).split())``, fast: thousands of titles are checked per search."""
    text = unicodedata.normalize("NFC", title or "").translate(_TITLE_FOLD)
    text = _COMMON_MARKS.sub("", unicodedata.normalize("NFD", text))
    if not text.isascii():  # rarer combining marks (or other scripts): the full table
        text = text.translate(_combining_marks())
    return set(_SEPARATORS_OR_SPACES.sub(" ", text.lower()).split())


# What ``query_text`` does, as C-level string operations: Ð/ð as Đ/đ, then Đ/đ → d, marks dropped.
_TITLE_FOLD = str.maketrans({"\u00d0": "d", "\u00f0": "d", "\u0110": "d", "\u0111": "d"})
_SEPARATORS_OR_SPACES = re.compile(r"[/\-_.,;:()\[\]\"'“”‘’!?\s]+")


@functools.cache
def _combining_marks() -> dict[int, None]:
    """Every combining character (``unicodedata.combining``), to be deleted by ``str.translate``."""
    return {c: None for c in range(sys.maxunicode + 1) if unicodedata.combining(chr(c))}


_COMMON_MARKS = re.compile("[\u0300-\u036f]+")  # the combining marks Vietnamese (and Latin) text uses


def search(query: SearchQuery, *, today: date | None = None, backend: str = "default") -> SearchResult:
    """Search every selected type, merge, facet, paginate and snippet; raises ``SearchError``.

    ``backend`` names an entry of ``WAGTAILSEARCH_BACKENDS`` (the fallback when the engine is down).
    """
    query = replace(query, q=clean_query(query.q))
    query.validate()
    today = today or timezone.localdate()
    first: list[tuple[str, int]] = []  # exact number / code matches, always first
    ranked: dict[str, list[tuple]] = {}
    specs = query.selected_types()
    engine = _search_engine(backend) if query.sort != "newest" else None
    candidates = {}
    for spec in specs:
        candidates[spec.code] = _filtered(spec, query, today)
        for pk in _number_matches(query, spec, candidates[spec.code]) + _task_code_matches(
            query, spec, candidates[spec.code]
        ):
            first.append((spec.code, pk))
        if engine is None:
            ranked[spec.code] = _ranked_matches(spec, query, candidates[spec.code], today, backend)
    if engine is not None:
        ranked = _bounded_ranked(specs, candidates, query, today, engine)

    ordered = _merge(ranked, query.sort)
    seen = set(first)
    ordered = list(dict.fromkeys(first)) + [item for item in ordered if item not in seen]

    rows_by_type: dict[str, list[tuple]] = dict(ranked)
    missing: dict[str, list[int]] = {}
    found = {code: {row[0] for row in rows} for code, rows in ranked.items() if any(c == code for c, _ in first)}
    for code, pk in dict.fromkeys(first):
        if pk not in found[code]:
            missing.setdefault(code, []).append(pk)
    for code, pks in missing.items():  # number matches the text search did not find
        spec = TYPES[code]
        annotations, facet_columns = _facet_columns(spec, today)
        rows_by_type[code] = rows_by_type[code] + [
            (row[0], row[1], 0.0, False, *row[2:])
            for row in spec.model.objects.filter(pk__in=pks)
            .annotate(**annotations)
            .values_list("pk", spec.date_field, *facet_columns)
        ]
    facets = compute_facets(rows_by_type, today)

    start = (query.page - 1) * query.page_size
    window = ordered[start : start + query.page_size]
    pages = _load(window)
    words = backend_text(query.q).split()
    hits = [
        Hit(code, pages[(code, pk)], snippet(_snippet_source(TYPES[code], pages[(code, pk)]), words))
        for code, pk in window
        if (code, pk) in pages
    ]
    return SearchResult(len(ordered), hits, facets, query.page, query.page_size)


# Types in the order they win a tie in relevance (same rank in their own list).
_TIE_ORDER = {"legal_document": 0, "directive": 1, "task": 2, "news": 3}


def _higher_is_better(ranked) -> bool | None:
    """Which way the backend's scores point, read from its own order (None: cannot tell).

    Backends differ (SQLite's bm25 is lower-is-better, PostgreSQL's ts_rank higher-is-better);
    each list comes best first, so any list with two different scores tells.
    """
    for rows in ranked.values():
        scores = [row[2] for row in rows]
        if len(set(scores)) > 1:
            return scores[0] > scores[-1]
    return None


def _merge(ranked: dict[str, list[tuple]], sort: str) -> list[tuple[str, int]]:
    """One list from the per-type lists: by date (newest); else pages whose title holds the whole
    query first, then by the backend's scores, which come from one index and one formula, so they
    compare across types; by rank if undecidable."""
    items = [
        (code, rank, row[0], row[1], row[2], row[3]) for code, rows in ranked.items() for rank, row in enumerate(rows)
    ]
    if sort == "newest":
        items.sort(key=lambda i: (-(i[3].toordinal() if i[3] else 0), _TIE_ORDER[i[0]], -i[2]))
    else:
        direction = _higher_is_better(ranked)
        if direction is None:
            items.sort(key=lambda i: (not i[5], i[1], _TIE_ORDER[i[0]]))
        else:
            sign = -1 if direction else 1
            items.sort(key=lambda i: (not i[5], sign * i[4], i[1], _TIE_ORDER[i[0]]))
    return [(code, pk) for code, _rank, pk, _day, _score, _in_title in items]


def _load(window: list[tuple[str, int]]) -> dict[tuple[str, int], object]:
    """The pages of one result page: one query per type present."""
    wanted: dict[str, list[int]] = {}
    for code, pk in window:
        wanted.setdefault(code, []).append(pk)
    out = {}
    for code, pks in wanted.items():
        spec = TYPES[code]
        for page in spec.model.objects.filter(pk__in=pks).select_related(*spec.related):
            out[(code, page.pk)] = page
    return out


# --- facets ----------------------------------------------------------------------------------------


def _named_counts(counts: Counter, model) -> list[dict]:
    """[{id, name, count}] for the ids counted, most first (one query for the names)."""
    counts = Counter({k: n for k, n in counts.items() if k is not None})
    if not counts:
        return []
    names = dict(model.objects.filter(pk__in=list(counts)).values_list("pk", "name"))
    entries = [{"id": pk, "name": names[pk], "count": n} for pk, n in counts.items() if pk in names]
    return sorted(entries, key=lambda e: (-e["count"], e["name"]))


def compute_facets(rows_by_type: dict[str, list[tuple]], today: date) -> dict:
    """Counts per type, document type, issuing body, field, validity status, year and unit.

    ``rows_by_type``: the matches of each type as ``_ranked_matches`` returns them, so most
    counts are read from values already fetched; the many-to-many ones (fields, co-issuing
    bodies) and the names take one query each, whatever the number of matches.
    """
    facets: dict = {"type": {code: len(rows) for code, rows in rows_by_type.items() if rows}}
    docs = rows_by_type.get("legal_document") or []
    directives = rows_by_type.get("directive") or []
    tasks = rows_by_type.get("task") or []
    facets["document_type"] = []
    facets["issuing_body"] = []
    facets["status"] = []
    facets["field"] = []
    facets["unit"] = []
    if docs:
        doc_fields = LegalDocumentPage._meta
        facets["document_type"] = _named_counts(
            Counter(row[4] for row in docs), doc_fields.get_field("document_type").related_model
        )
        lead = {row[0]: row[5] for row in docs}
        bodies = Counter(lead.values())
        through = _with_ids(LegalDocumentPage.co_issuing_bodies.through.objects, "legaldocumentpage_id", lead)
        for doc_id, agency_id in through.values_list("legaldocumentpage_id", "agency_id"):
            if agency_id != lead[doc_id]:
                bodies[agency_id] += 1
        facets["issuing_body"] = _named_counts(bodies, doc_fields.get_field("issuing_body").related_model)
        labels = dict(ValidityStatus.choices)
        facets["status"] = sorted(
            (
                {"code": code, "label": str(labels[code]), "count": n}
                for code, n in Counter(row[6] for row in docs).items()
                if code
            ),
            key=lambda e: (-e["count"], e["code"]),
        )
    fields: Counter = Counter()
    for model, rows in ((LegalDocumentPage, docs), (DirectivePage, directives)):
        if rows:
            fk = _through_fk(model)
            fields.update(
                _with_ids(model.fields.through.objects, fk, [row[0] for row in rows]).values_list("field_id", flat=True)
            )
    facets["field"] = _named_counts(fields, LegalDocumentPage._meta.get_field("fields").related_model)
    if tasks:
        facets["unit"] = _named_counts(
            Counter(row[4] for row in tasks), TaskPage._meta.get_field("lead_unit").related_model
        )
    years = Counter(row[1].year for rows in rows_by_type.values() for row in rows if row[1])
    facets["year"] = [{"year": y, "count": n} for y, n in sorted(years.items(), reverse=True)]
    return facets


# --- snippets ---------------------------------------------------------------------------------------


def _snippet_source(spec: ContentType, page) -> str:
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


def suggest(q: str, *, limit: int = SUGGEST_LIMIT, backend: str = "default") -> list[dict]:
    """Up to ``limit`` {title, number, url, type} for type-ahead; folded like ``search``.

    Numbers first (the last word as a number prefix, "4" → "43/2011/…", the other words then
    required in the title), then full-word matches (search), then the backend's autocomplete.
    """
    text = clean_query(q)
    if not text:
        raise SearchError("q: enter something to search for")
    if len(text) > MAX_QUERY_LENGTH:
        raise SearchError(f"q: at most {MAX_QUERY_LENGTH} characters")
    words = backend_text(text).split()
    if not words:
        return []
    found: dict[tuple[str, int], dict] = {}

    def add(code, page):
        if len(found) < limit and (code, page.pk) not in found:
            spec = TYPES[code]
            found[(code, page.pk)] = {
                "type": code,
                "title": page.title,
                "number": page.number if spec.numbered else None,
                "url": page.url,
            }

    numbered = [TYPES["legal_document"], TYPES["directive"]]
    prefix = _NUMBER_PREFIX.search(text)
    if prefix:
        key = folded_number_key(prefix.group(1))
        others = query_text(text[: prefix.start()]).split()
        for spec in numbered:
            pages = (
                spec.model.objects.live()
                .public()
                .filter(number_folded__startswith=key)
                .order_by(f"-{spec.date_field}", "-pk")[:50]
            )
            for page in pages:
                title = fold(f"{page.title} {getattr(page, 'summary', '')}").split()
                if all(w in title for w in others):
                    add(spec.code, page)
    for spec in TYPES.values():
        if len(found) >= limit:
            break
        for page in spec.model.objects.live().public().search(" ".join(words), operator="and", backend=backend)[:limit]:
            add(spec.code, page)
    typed = " ".join(_NOT_WORD.sub(" ", text).split())
    for spec in TYPES.values():
        if len(found) >= limit or not typed:
            break
        for page in spec.model.objects.live().public().autocomplete(typed, backend=backend)[:limit]:
            add(spec.code, page)
    return list(found.values())
