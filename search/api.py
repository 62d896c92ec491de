"""Search API: ``/api/v3/search/`` and ``/api/v3/search/suggest/`` (thin views over ``search.service``).

Bad parameters are answered with HTTP 400 and a message (problem+json), never 500: schema errors
through ``cms.api``'s handler, the service's own checks (empty or too long query …) here.
"""

from datetime import date
from typing import Literal

from django.http import HttpRequest, HttpResponse
from ninja import Field, Query, Router, Schema
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.errors import problem_response

from cms.api_fields import MAX_ID, Text, bad_request_doc
from directives.validity import ValidityStatus

from . import service
from .resilience import BACKEND_HEADER, FALLBACK_HEADER_VALUE, with_fallback

router = Router(tags=["search"])

TypeCode = Literal[tuple(service.TYPES)]  # type: ignore[valid-type]
StatusCode = Literal[tuple(ValidityStatus.values)]  # type: ignore[valid-type]
SortCode = Literal[service.SORTS]  # type: ignore[valid-type]
#: Last page number accepted: deeper pages are never read and their offset would overflow the database.
MAX_PAGE = 10_000


class SearchParams(Schema):
    q: Text = Field(
        "", description=f"What to search for (1–{service.MAX_QUERY_LENGTH} characters); diacritics optional."
    )
    type: list[TypeCode] = Field([], description="Content types (repeat the parameter); all when absent.")
    document_type: int | None = Field(None, ge=1, le=MAX_ID, description="Document type id (legal documents only).")
    issuing_body: int | None = Field(
        None, ge=1, le=MAX_ID, description="Issuing body id, lead or co-issuer (legal documents)."
    )
    field: int | None = Field(
        None, ge=1, le=MAX_ID, description="Field (lĩnh vực) id (legal documents and directives)."
    )
    status: StatusCode | None = Field(None, description="Validity status today (legal documents only).")
    unit: int | None = Field(None, ge=1, le=MAX_ID, description="Lead unit id (tasks only).")
    year: int | None = Field(None, ge=1900, le=2100, description="Year of the type's date.")
    date_from: date | None = Field(None, description="On or after (YYYY-MM-DD), the type's date.")
    date_to: date | None = Field(None, description="On or before (YYYY-MM-DD), the type's date.")
    sort: SortCode = Field("relevance", description="`relevance` (default) or `newest`.")
    page: int = Field(1, ge=1, le=MAX_PAGE, description=f"Page number, from 1 to {MAX_PAGE}.")
    page_size: int = Field(service.DEFAULT_PAGE_SIZE, ge=1, le=service.MAX_PAGE_SIZE)

    def as_query(self) -> service.SearchQuery:
        return service.SearchQuery(
            q=self.q,
            types=tuple(self.type),
            document_type=self.document_type,
            issuing_body=self.issuing_body,
            field=self.field,
            status=self.status,
            unit=self.unit,
            year=self.year,
            date_from=self.date_from,
            date_to=self.date_to,
            sort=self.sort,
            page=self.page,
            page_size=self.page_size,
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


class StatusCount(Schema):
    code: StatusCode
    label: str
    count: int


class YearCount(Schema):
    year: int
    count: int


class FacetsOut(Schema):
    type: dict[str, int]
    document_type: list[NamedCount]
    issuing_body: list[NamedCount]
    field: list[NamedCount]
    status: list[StatusCount]
    year: list[YearCount]
    unit: list[NamedCount]


class SearchOut(Schema):
    count: int
    page: int
    page_size: int
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

    `count` and the facet counts take at most 1,000 matches per content type into account (on the
    database backend, the most recently indexed ones): a very common word says "1000" where more
    pages hold it.

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
def suggest(request: HttpRequest, response: HttpResponse, q: Text = ""):
    """Up to 10 titles and numbers for what has been typed so far ("nghi dinh 4" → "Nghị định 43/…").
    `X-Search-Backend: database; fallback` while the search engine is unreachable."""
    try:
        suggestions, fallback = with_fallback(lambda backend: service.suggest(q, backend=backend))
    except service.SearchError as error:
        return _bad_request(error)
    if fallback:
        response[BACKEND_HEADER] = FALLBACK_HEADER_VALUE
    return suggestions
