"""The public search page, ``/tim-kiem/`` (and ``/en/search/``): a thin view over ``search.service.search``.

It searches the pages of its own language (docs/english.md): the Vietnamese pages at
``/tim-kiem/``, their English translations at ``/en/search/`` (a route served in every language,
``portal.urls.register_localized_urls``; the language is the one the URL's prefix activated),
and speaks that language (the catalogue's words; a label a content app registered that the
catalogue has no English for stays Vietnamese).
GET parameters are those of the API (``search/params.py`` validates them with the API's schema).
No query: the form and a hint (200). A bad parameter: the form and a Vietnamese message, HTTP 400
(never 500); a query the service cannot use (too long, no word): the message, HTTP 200. While the
search engine is unreachable the database answers, with a notice (``search/resilience.py``). Every link
(facets, sort, pages) is built here from the validated parameters, so it keeps the others.
"""

import math
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.languages import active_language

from . import params as search_params
from . import service
from .registry import Facet, registry
from .resilience import BACKEND_HEADER, FALLBACK_HEADER_VALUE, with_fallback

SORT_LABELS = {"relevance": gettext_lazy("Phù hợp nhất"), "newest": gettext_lazy("Mới nhất")}
FILTERS = ("type", *registry.filters(), "year", "date_from", "date_to")


@dataclass
class FacetItem:
    label: str
    count: int
    url: str
    active: bool


@dataclass
class FacetGroup:
    key: str
    title: str
    items: list[FacetItem] = field(default_factory=list)


@dataclass
class ResultRow:
    type_label: str
    title: str
    url: str | None
    number: str
    date: object
    date_label: str
    snippet: str


class State:
    """The validated parameters as URL pairs; ``url(**changes)`` is a link with some changed."""

    def __init__(self, p: search_params.SearchParams):
        self.values: dict[str, object] = {
            "q": p.q,
            "type": list(p.type),
            **{name: getattr(p, name) for name in registry.filters()},
            "year": p.year,
            "date_from": p.date_from.isoformat() if p.date_from else None,
            "date_to": p.date_to.isoformat() if p.date_to else None,
            "sort": p.sort if p.sort != "relevance" else None,
            "page_size": p.page_size if p.page_size != service.DEFAULT_PAGE_SIZE else None,
        }

    def url(self, page: int | None = None, **changes) -> str:
        values = {**self.values, **changes}
        pairs: list[tuple[str, object]] = []
        for name, value in values.items():
            if isinstance(value, list):
                pairs.extend((name, v) for v in value)
            elif value not in (None, ""):
                pairs.append((name, value))
        if page and page > 1:
            pairs.append(("page", page))
        return "?" + urlencode(pairs)

    def active_filters(self) -> int:
        return sum(len(v) if isinstance(v, list) else v is not None for n, v in self.values.items() if n in FILTERS)


def _named_group(facet: Facet, entries, active_id, state) -> FacetGroup:
    key = facet.name
    group = FacetGroup(key, search_params.translated(facet.title))
    for entry in entries:
        is_active = entry["id"] == active_id
        url = state.url(**{key: None if is_active else entry["id"]})
        group.items.append(FacetItem(entry["name"], entry["count"], url, is_active))
    if active_id is not None and not any(i.active for i in group.items) and facet.name_of is not None:
        name = facet.name_of(active_id) or f"#{active_id}"
        group.items.insert(0, FacetItem(name, 0, state.url(**{key: None}), True))
    return group


def _choice_group(facet: Facet, entries, active, state) -> FacetGroup:
    key = facet.name
    group = FacetGroup(key, search_params.translated(facet.title))
    for entry in entries:
        is_active = entry["code"] == active
        group.items.append(
            FacetItem(
                search_params.translated(entry["label"]),
                entry["count"],
                state.url(**{key: None if is_active else entry["code"]}),
                is_active,
            )
        )
    if active and not any(i.active for i in group.items):
        label = search_params.translated(dict(facet.choices())[active])
        group.items.insert(0, FacetItem(label, 0, state.url(**{key: None}), True))
    return group


def _facet_groups(p, facets: dict, state: State) -> list[FacetGroup]:
    types = FacetGroup("type", _("Loại nội dung"))
    counts = facets.get("type", {})
    for code, spec in service.TYPES.items():
        is_active = code in p.type
        if counts.get(code) or is_active:
            chosen = [t for t in p.type if t != code] if is_active else [*p.type, code]
            label = search_params.translated(spec.label)
            types.items.append(FacetItem(label, counts.get(code, 0), state.url(type=chosen), is_active))
    groups = [types]
    for name, facet in registry.facets().items():
        group = _choice_group if facet.kind == "choice" else _named_group
        groups.append(group(facet, facets.get(name, []), getattr(p, facet.name), state))
    years = FacetGroup("year", _("Năm"))
    for entry in facets.get("year", []):
        is_active = entry["year"] == p.year
        years.items.append(
            FacetItem(
                str(entry["year"]), entry["count"], state.url(year=None if is_active else entry["year"]), is_active
            )
        )
    if p.year and not any(i.active for i in years.items):
        years.items.insert(0, FacetItem(str(p.year), 0, state.url(year=None), True))
    groups.append(years)
    period = FacetGroup("period", _("Thời gian"))
    if p.date_from:
        label = _("Từ %(date)s") % {"date": date_format(p.date_from, "d/m/Y")}
        period.items.append(FacetItem(label, 0, state.url(date_from=None), True))
    if p.date_to:
        label = _("Đến %(date)s") % {"date": date_format(p.date_to, "d/m/Y")}
        period.items.append(FacetItem(label, 0, state.url(date_to=None), True))
    groups.append(period)
    return [g for g in groups if g.items]


def _pages(current: int, total: int, state: State) -> list[dict | None]:
    """Page links: first, last and two either side of the current one; None is a gap."""
    shown = sorted({1, total, *range(max(1, current - 2), min(total, current + 2) + 1)})
    out: list[dict | None] = []
    for previous, number in zip([0, *shown], shown):
        if number - previous > 1:
            out.append(None)
        out.append({"number": number, "url": state.url(page=number), "current": number == current})
    return out


def _row(hit: service.Hit, request) -> ResultRow:
    spec = service.TYPES[hit.type]
    page = hit.page
    return ResultRow(
        type_label=search_params.translated(spec.label),
        title=page.title,
        url=page.get_url(request=request),
        number=spec.number(page) or "",
        date=getattr(page, spec.date_field),
        date_label=search_params.translated(spec.date_label),
        snippet=mark_safe(hit.snippet),  # the service escapes the text; only <mark> is markup
    )


def search_page(request):
    typed = service.clean_query(request.GET.get("q", ""))
    context: dict = {"q": typed, "errors": [], "result": None}
    status = 200
    try:
        p = search_params.parse(request.GET, active_language())
    except search_params.ParamError as error:
        context["errors"] = error.messages
        return render(request, "search/search_page.html", context, status=400)

    state = State(p)
    context["clear_url"] = state.url(**dict.fromkeys(FILTERS)) if state.active_filters() else ""
    context["active_filters"] = state.active_filters()
    if not typed:
        return render(request, "search/search_page.html", context)
    query = p.as_query()
    try:
        result, fallback = with_fallback(lambda backend: service.search(query, backend=backend))
    except service.SearchError as error:
        context["errors"] = [search_params.service_message(error)]
        status = 200 if str(error).startswith("q:") else 400
        return render(request, "search/search_page.html", context, status=status)

    total_pages = max(1, math.ceil(result.count / result.page_size))
    context.update(
        result=result,
        results=[_row(hit, request) for hit in result.results],
        first_index=(result.page - 1) * result.page_size + 1,
        facet_groups=_facet_groups(p, result.facets, state),
        sorts=[
            {"label": label, "url": state.url(sort=code if code != "relevance" else None), "active": code == p.sort}
            for code, label in SORT_LABELS.items()
        ],
        total_pages=total_pages,
        pages=_pages(result.page, total_pages, state) if total_pages > 1 else [],
        previous_url=state.url(page=result.page - 1) if 1 < result.page <= total_pages else "",
        next_url=state.url(page=result.page + 1) if result.page < total_pages else "",
        beyond_last=result.page > total_pages,
        first_page_url=state.url(),
        search_fallback=fallback,
    )
    response = render(request, "search/search_page.html", context, status=status)
    if fallback:
        response[BACKEND_HEADER] = FALLBACK_HEADER_VALUE
    return response
