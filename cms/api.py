"""Assembly of the public JSON API (Wagtail API v3, Django Ninja, OpenAPI at /api/v3/openapi.json).

Wagtail's v3 API serves every page type under ``/api/v3/pages/`` with the fields each
model declares in ``api_fields``; anonymous readers get live, public pages only
(``wagtail.api.v3.querysets.get_pages_queryset``). Project routers are added here: the
typed listings with filters (``/news/`` in ``news.api``; ``/legal-documents/``, ``/directives/``
and ``/tasks/`` in ``directives.api``), search.

Bad query parameters of a read (GET) are a client error answered with HTTP 400 and a
message (RFC 7807 problem+json); Wagtail's 422 stays for request bodies of writes.

Wagtail's own operations document their success response only; ``problem_responses`` adds to
the OpenAPI document the errors Wagtail's handlers (``wagtail.api.v3.errors``) and ours answer
for them, each as ``application/problem+json`` (see the function for the rules).
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from ninja.errors import HttpError
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import ValidationError as PydanticValidationError
from wagtail.api.v3.errors import PROBLEM_JSON, ProblemDetail, problem_response
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination
from wagtail.api.v3.urls import api

from cms.api_fields import MAX_ID
from cms.headless_preview import router as preview_router
from directives.api import directives_router, legal_documents_router
from directives.api import router as tasks_router
from news.api import news_router
from search.api import router as search_router

api.title = "API Cổng Thông tin điện tử"
api.description = (
    "API đọc nội dung cổng thông tin: tin tức, văn bản, chỉ đạo điều hành, theo dõi nhiệm vụ. "
    "Read API of the portal (Wagtail API v3)."
)

_wagtail_validation_handler = api._exception_handlers[NinjaValidationError]


def _describe(error: dict) -> str:
    names = [p for p in error.get("loc", []) if isinstance(p, str) and p not in ("query", "filters", "body")]
    return f"{names[-1] if names else 'request'}: {error.get('msg', 'invalid')}"


def validation_error(request, exc):
    if request.method != "GET":
        return _wagtail_validation_handler(request, exc)
    if isinstance(exc, NinjaValidationError):
        errors = exc.errors
    elif isinstance(exc, PydanticValidationError):
        errors = [{k: v for k, v in e.items() if k not in ("input", "ctx", "url")} for e in exc.errors()]
    else:
        errors = [{"msg": m} for m in exc.messages]
    if any(tuple(e.get("loc", ()))[:1] == ("response",) for e in errors):
        raise exc  # our response does not match its schema: a server error (500), not the client's
    return problem_response(status=400, detail="; ".join(_describe(e) for e in errors), errors=errors)


for exc_class in (NinjaValidationError, PydanticValidationError, DjangoValidationError):
    api.add_exception_handler(exc_class, validation_error)


#: Largest ``offset`` of a listing. Wagtail 8.0.1's pagination bounds ``limit`` only; an offset beyond
#: 64 bits reached the database as a literal it cannot read (HTTP 500 on SQLite and PostgreSQL, found by
#: the fuzz test). Every v3 listing — Wagtail's and ours — paginates with ``WagtailLimitOffsetPagination``.
MAX_OFFSET = MAX_ID
_wagtail_paginate = WagtailLimitOffsetPagination.paginate_queryset


def paginate_bounded(self, queryset, pagination, request, **params):
    if pagination.offset > MAX_OFFSET:
        raise HttpError(400, f"offset cannot be higher than {MAX_OFFSET}")
    return _wagtail_paginate(self, queryset, pagination, request, **params)


WagtailLimitOffsetPagination.paginate_queryset = paginate_bounded

#: What each error status means, as the OpenAPI document says it.
ERROR_DESCRIPTIONS = {
    400: "Bad parameters: a problem (RFC 7807) naming them.",
    401: "No valid API token (Authorization: Bearer …) for an operation that needs one.",
    403: "The token's user may not do this.",
    404: "No such object, or not visible to this request (drafts and private pages are not).",
    422: "The request body or parameters are not valid: a problem listing each error.",
}

#: The answer of the ``find`` operations: a redirect to the detail of what they found.
FOUND_RESPONSE = {
    "description": "Found: the Location header is the detail URL of the object found.",
    "headers": {"Location": {"description": "Detail URL in /api/v3/", "schema": {"type": "string"}}},
}


def error_statuses(method: str, path: str, operation: dict) -> set[int]:
    """The error statuses an operation of ``/api/v3/`` can answer (each as a problem):

    * **400** — a read with parameters (a value of the wrong type or out of range: ``cms.api``'s
      handler turns Ninja's validation errors of a GET into 400), a write taking a
      ``rich_text_format`` (rich text Wagtail cannot convert).
    * **401 / 403** — an operation that needs a token (its security has no ``AllowAnonymous``):
      no or an unknown token is 401, a token whose user lacks the permission is 403. Reads open to
      anonymous readers never answer them (``version=draft`` without a token reads the live page).
    * **404** — a path parameter naming an object (absent, not live, private…), the ``find``
      operations, and a ``locale`` filter naming no locale of the site.
    * **422** — a write with a request body or parameters (Wagtail's validation problem).
    """
    params = operation.get("parameters", [])
    names = {p["name"] for p in params}
    has_path = any(p["in"] == "path" for p in params)
    body = "requestBody" in operation
    anonymous = any("AllowAnonymous" in entry for entry in operation.get("security") or [])
    secured = bool(operation.get("security")) and not anonymous
    statuses = set()
    if method == "get":
        if params:
            statuses.add(400)
    else:
        if "rich_text_format" in names:
            statuses.add(400)
        if body or params:
            statuses.add(422)
    if secured:
        statuses |= {401, 403}
    if has_path or "locale" in names or path.rstrip("/").endswith("/find"):
        statuses.add(404)
    return statuses


def problem_responses(schema: dict) -> dict:
    """``schema`` (an OpenAPI document) with each operation's error statuses (``error_statuses``)
    documented as ``application/problem+json`` ``ProblemDetail``, and the redirect of the ``find``
    operations, where it does not document them."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.setdefault("ProblemDetail", ProblemDetail.model_json_schema(ref_template="#/components/schemas/{model}"))
    reference = {"$ref": "#/components/schemas/ProblemDetail"}
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            if path.rstrip("/").endswith("/find") and 302 not in responses and "302" not in responses:
                responses[302] = FOUND_RESPONSE
            for status in sorted(error_statuses(method, path, operation)):
                if status not in responses and str(status) not in responses:  # Ninja's keys are ints
                    responses[status] = {
                        "description": ERROR_DESCRIPTIONS[status],
                        "content": {PROBLEM_JSON: {"schema": reference}},
                    }
    return schema


_wagtail_openapi_schema = api.get_openapi_schema


def bounded_offsets(schema: dict) -> dict:
    """``schema`` with the ``maximum`` of every ``offset`` parameter (``MAX_OFFSET``) stated."""
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["name"] == "offset" and parameter["in"] == "query":
                    parameter.setdefault("schema", {}).setdefault("maximum", MAX_OFFSET)
    return schema


def get_openapi_schema(**kwargs):
    return problem_responses(bounded_offsets(_wagtail_openapi_schema(**kwargs)))


api.get_openapi_schema = get_openapi_schema

api.add_router("/news/", news_router)
api.add_router("/legal-documents/", legal_documents_router)
api.add_router("/directives/", directives_router)
api.add_router("/tasks/", tasks_router)
api.add_router("/search/", search_router)
api.add_router("/preview/", preview_router)

__all__ = ["api"]
