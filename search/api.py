"""Search API: ``/api/v3/search/`` and ``/api/v3/search/suggest/`` (thin views over ``search.service``).

Bad parameters are answered with HTTP 400 and a message (problem+json), never 500: schema errors
through ``portal.wagtail_patches``'s handler, the service's own checks (empty or too long query …)
here. The type-specific parameters and facets are those the content apps register
(``search.registry``): this module is imported when the API is assembled, after every app's ready().
"""

from datetime import date
from typing import Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema
from pydantic import create_model
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.errors import problem_response

from portal.api.errors import bad_request_doc
from portal.api.listings import IsoDate, Locale, Text

from . import service
from .registry import YEAR_POSITION, SearchFilter, registry
from .resilience import BACKEND_HEADER, FALLBACK_HEADER_VALUE, with_fallback

router = Router(tags=["search"])

TypeCode = Literal[tuple(service.TYPES)]  # type: ignore[valid-type]
SortCode = Literal[service.SORTS]  # type: ignore[valid-type]
#: Last page number accepted: deeper pages are never read and their offset would overflow the database.
MAX_PAGE = 10_000


def _codes(choices) -> object:
    return Literal[tuple(code for code, _label in choices())]  # type: ignore[valid-type]


LOCALE_DOC = (
    "The language of the pages searched: `vi` (default: the portal's own pages) or `en` (their English "
    "translations, under /en/). Counts and facets are those of that language's pages."
)


def _filter_field(spec: SearchFilter) -> tuple:
    annotation = _codes(spec.choices) | None if spec.choices else spec.annotation
    return annotation, Field(**spec.field)


class _SearchParams(Schema):
    def as_query(self) -> service.SearchQuery:
        return service.SearchQuery(
            q=self.q,
            types=tuple(self.type),
            year=self.year,
            date_from=self.date_from,
            date_to=self.date_to,
            sort=self.sort,
            page=self.page,
            page_size=self.page_size,
            locale=self.locale,
            **{name: getattr(self, name) for name in registry.filters()},
        )


#: The parameters of a search: the query and the type, the registered filters, the generic ones.
SearchParams = create_model(
    "SearchParams",
    __base__=_SearchParams,
    q=(
        Text,
        Field("", description=f"What to search for (1–{service.MAX_QUERY_LENGTH} characters); diacritics optional."),
    ),
    type=(list[TypeCode], Field([], description="Content types (repeat the parameter); all when absent.")),
    **{name: _filter_field(spec) for name, spec in registry.filters().items()},
    year=(int | None, Field(None, ge=1900, le=2100, description="Year of the type's date.")),
    date_from=(IsoDate | None, Field(None, description="On or after (YYYY-MM-DD), the type's date.")),
    date_to=(IsoDate | None, Field(None, description="On or before (YYYY-MM-DD), the type's date.")),
    sort=(SortCode, Field("relevance", description="`relevance` (default) or `newest`.")),
    page=(int, Field(1, ge=1, le=MAX_PAGE, description=f"Page number, from 1 to {MAX_PAGE}.")),
    page_size=(int, Field(service.DEFAULT_PAGE_SIZE, ge=1, le=service.MAX_PAGE_SIZE)),
    locale=(Locale, Field(service.DEFAULT_LOCALE, description=LOCALE_DOC)),
)


class HitOut(Schema):
    type: TypeCode
    id: int
    title: str
    url: str | None
    slug: str
    number: str | None = Field(description="Số ký hiệu (legal documents and directives), else null.")
    date: date | None
    snippet: str = Field(description="HTML: escaped text with the matched words in <mark>…</mark>.")


class NamedCount(Schema):
    id: int
    name: str
    count: int


class YearCount(Schema):
    year: int
    count: int


def _choice_count(name: str, choices) -> type:
    """The item of a choice facet: ``{code, label, count}`` (``StatusCount`` for ``status``)."""
    return create_model(
        "".join(part.title() for part in name.split("_")) + "Count",
        __base__=Schema,
        code=(_codes(choices), ...),
        label=(str, ...),
        count=(int, ...),
    )


def _facet_field(facet) -> tuple:
    item = _choice_count(facet.name, facet.choices) if facet.kind == "choice" else NamedCount
    return list[item], ...


_facets = registry.facets()
#: The facets of a search: the types, the registered facets, the years (at ``YEAR_POSITION``).
FacetsOut = create_model(
    "FacetsOut",
    __base__=Schema,
    type=(dict[str, int], ...),
    **{name: _facet_field(f) for name, f in _facets.items() if f.position < YEAR_POSITION},
    year=(list[YearCount], ...),
    **{name: _facet_field(f) for name, f in _facets.items() if f.position >= YEAR_POSITION},
)


class SearchOut(Schema):
    count: int
    page: int
    page_size: int
    locale: Locale = Field(description="The language of the pages searched (the `locale` asked for).")
    results: list[HitOut]
    facets: FacetsOut


class SuggestOut(Schema):
    type: TypeCode
    title: str
    number: str | None
    url: str | None


# The header is documented in the OpenAPI document too (ninja merges this into the operation).
FALLBACK_HEADER_DOC = {
    "responses": {
        200: {
            "headers": {
                BACKEND_HEADER: {
                    "description": (
                        f"`{FALLBACK_HEADER_VALUE}` when the search engine was unreachable and the database "
                        "answered instead (results may be ranked less well); absent otherwise."
                    ),
                    "schema": {"type": "string"},
                }
            }
        },
        **bad_request_doc("Bad parameters or query (empty, too long, no searchable word): a problem (RFC 7807).")[
            "responses"
        ],
    }
}


def _bad_request(error: service.SearchError):
    return problem_response(status=400, detail=str(error))


@router.get(
    "/",
    response={200: SearchOut},
    summary="Search every content type",
    operation_id="search",
    auth=[BearerTokenAuth(), AllowAnonymous()],
    openapi_extra=FALLBACK_HEADER_DOC,
)
def search(request: HttpRequest, response: HttpResponse, params: SearchParams = Query(...)):  # noqa: B008
    """Full-text search over legal documents, directives, tasks and news (folded: diacritics
    optional), with filters, facets, relevance or newest order and pages. A document number
    written in the query puts that document first. An empty query is a 400.

    One language at a time (`locale`: `vi` by default, `en` for the English translations); the
    answer says which (`locale`).

    Every match is counted (`count` and the facet counts are exact) and can be paged to the last
    one. Words that name a document type ("luật", "NĐ", "QĐ"…) at the start of the query, an
    issuer (UBND, HĐND, CP, TTg, QH) or a year rank the documents meeting them first instead of
    being words every match must hold; when no page holds every word, pages lacking one or two
    of them are listed, those holding more first.

    While the search engine is unreachable the database answers, and the response carries
    `X-Search-Backend: database; fallback` (results may rank less well)."""
    query = params.as_query()
    try:
        result, fallback = with_fallback(lambda backend: service.search(query, backend=backend))
    except service.SearchError as error:
        return _bad_request(error)
    if fallback:
        response[BACKEND_HEADER] = FALLBACK_HEADER_VALUE
    return {
        "count": result.count,
        "page": result.page,
        "page_size": result.page_size,
        "locale": result.locale,
        "results": [hit.as_dict() for hit in result.results],
        "facets": result.facets,
    }


@router.get(
    "/suggest/",
    response={200: list[SuggestOut]},
    summary="Type-ahead suggestions",
    operation_id="search_suggest",
    auth=[BearerTokenAuth(), AllowAnonymous()],
    openapi_extra=FALLBACK_HEADER_DOC,
)
def suggest(
    request: HttpRequest,
    response: HttpResponse,
    q: Text = "",
    locale: Locale = Query(service.DEFAULT_LOCALE, description=LOCALE_DOC),  # noqa: B008
):
    """Up to 10 titles and numbers for what has been typed so far ("nghi dinh 4" → "Nghị định 43/…"),
    among the pages of one language (`locale`).
    `X-Search-Backend: database; fallback` while the search engine is unreachable."""
    try:
        suggestions, fallback = with_fallback(lambda backend: service.suggest(q, backend=backend, locale=locale))
    except service.SearchError as error:
        return _bad_request(error)
    if fallback:
        response[BACKEND_HEADER] = FALLBACK_HEADER_VALUE
    return suggestions
