"""Assembly of the public JSON API (Wagtail API v3, Django Ninja, OpenAPI at /api/v3/openapi.json).

Wagtail's v3 API serves every page type under ``/api/v3/pages/`` with the fields each
model declares in ``api_fields``; anonymous readers get live, public pages only
(``wagtail.api.v3.querysets.get_pages_queryset``). Project routers are added here: the
typed listings with filters (``/news/`` in ``news.api``; ``/legal-documents/``, ``/directives/``
and ``/tasks/`` in ``directives.api``), search.

Bad query parameters of a read (GET) are a client error answered with HTTP 400 and a
message (RFC 7807 problem+json); Wagtail's 422 stays for request bodies of writes.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from ninja.errors import ValidationError as NinjaValidationError
from pydantic import ValidationError as PydanticValidationError
from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.urls import api

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


api.add_router("/news/", news_router)
api.add_router("/legal-documents/", legal_documents_router)
api.add_router("/directives/", directives_router)
api.add_router("/tasks/", tasks_router)
api.add_router("/search/", search_router)
api.add_router("/preview/", preview_router)

__all__ = ["api"]
