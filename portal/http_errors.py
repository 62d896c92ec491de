"""Errors that help: a problem (RFC 7807, ``application/problem+json``) under ``/api/``, a page in
Vietnamese elsewhere, and 413 for a body too large (docs/api.md, "Errors"; docs/deployment.md,
"Logs, errors and health").

- ``server_error``, ``page_not_found``, ``bad_request`` are the site's ``handler500``, ``handler404``
  and ``handler400`` (``cms.urls``). An uncaught exception is logged once by Django
  (``django.request``, with its traceback and the request id: ``portal.request_log``) and answered
  here: under ``/api/`` a 500 problem whose ``detail`` names no internals, only the request id to
  quote; elsewhere ``500.html``. A ``RequestDataTooBig`` (Django's 400) is answered 413.
- ``RequestErrorsMiddleware`` answers 413 before any body is read when ``Content-Length`` is above
  the limit (``body_limit``), and under ``/api/`` turns any error answered in another type (a 405 of
  Django Ninja, a 403 of a CSRF check…) into a problem of the same status and headers; every problem
  under ``/api/`` carries ``request_id``.
"""

from __future__ import annotations

import json
from http import HTTPStatus

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views import defaults

from .request_log import request_id

PROBLEM_JSON = "application/problem+json"
API_PREFIX = "/api/"


def is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith(API_PREFIX)


def _id(request: HttpRequest) -> str | None:
    return getattr(request, "request_id", None) or request_id()


def problem(request: HttpRequest, status: int, detail: str = "", title: str | None = None, **members) -> HttpResponse:
    """A problem response (RFC 7807) with the request id, for ``request``."""
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Error"
    body = {
        "type": "about:blank",
        "title": title or phrase,
        "status": status,
        "detail": detail,
        **members,
    }
    if _id(request):
        body["request_id"] = _id(request)
    return HttpResponse(json.dumps(body, ensure_ascii=False), status=status, content_type=PROBLEM_JSON)


# --- Request bodies too large ------------------------------------------------------------------


def body_limit(request: HttpRequest) -> int | None:
    """The largest body ``request`` may send, None for no limit: ``DATA_UPLOAD_MAX_MEMORY_SIZE``
    (what Django reads into memory: JSON, a form without files), or for a multipart body (files)
    ``UPLOAD_MAX_BODY_SIZE`` (the largest file allowed plus the form's fields)."""
    if request.content_type == "multipart/form-data":
        return getattr(settings, "UPLOAD_MAX_BODY_SIZE", None)
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def declared_length(request: HttpRequest) -> int:
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".rstrip("0").rstrip(".")


def payload_too_large(request: HttpRequest, limit: int | None = None) -> HttpResponse:
    """413: a problem under ``/api/``, the Vietnamese page elsewhere; the limit is named."""
    limit = limit if limit is not None else body_limit(request)
    if is_api(request):
        detail = "The request body is too large"
        if limit:
            detail += f": at most {limit} bytes ({_megabytes(limit)} MB)"
        return problem(request, 413, detail=detail + ".", max_bytes=limit)
    detail = _("Nội dung gửi lên vượt quá giới hạn cho phép")
    if limit:
        detail += _(" (tối đa %(size)s MB)") % {"size": _megabytes(limit)}
    html = loader.get_template("413.html").render({"detail": detail + "."})
    return HttpResponse(html, status=413)


def data_too_big(request: HttpRequest, exception: RequestDataTooBig | None = None) -> HttpResponse:
    """413 for Django's ``RequestDataTooBig``: what it reads into memory exceeded
    ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (the body, or a multipart form's fields)."""
    return payload_too_large(request, limit=settings.DATA_UPLOAD_MAX_MEMORY_SIZE)


# --- The site's error handlers (cms.urls) --------------------------------------------------------


def server_error(request: HttpRequest) -> HttpResponse:
    """``handler500``: the exception was logged by Django with its traceback and the request id."""
    if is_api(request):
        return problem(
            request,
            500,
            detail="The server could not answer this request. It has been logged; quote the request_id when "
            "reporting it.",
        )
    return HttpResponse(loader.get_template("500.html").render(), status=500)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """``handler404``: under ``/api/`` a problem (the path names no operation), else ``404.html``."""
    if is_api(request):
        return problem(request, 404, detail=f"No operation of the API at {request.path[:200]}.")
    return defaults.page_not_found(request, exception)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """``handler400``: a body too large (``RequestDataTooBig``, read without a ``Content-Length``
    or with a multipart form's fields too large) is a 413; other bad requests a 400."""
    if isinstance(exception, RequestDataTooBig):
        return data_too_big(request, exception)
    if is_api(request):
        return problem(request, 400, detail="The request could not be read.")
    return defaults.bad_request(request, exception)


# --- Middleware --------------------------------------------------------------------------------


class RequestErrorsMiddleware:
    """413 before the body is read; under ``/api/``, errors as problems with the request id."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = body_limit(request)
        if limit is not None and declared_length(request) > limit:
            # The body is never read: the worker is not kept busy receiving it.
            response = payload_too_large(request, limit)
        else:
            response = self.get_response(request)
        if is_api(request) and response.status_code >= 400 and not response.streaming:
            as_problem(request, response)
        return response


def as_problem(request: HttpRequest, response: HttpResponse) -> None:
    """``response`` (an error under ``/api/``) made a problem with the request id, in place: its
    status and headers (``Allow``, CORS, ``Retry-After``…) kept. A problem gains ``request_id``; a
    JSON body other than a problem is left as it is."""
    content_type = response.get("Content-Type", "").split(";")[0].strip()
    if content_type == PROBLEM_JSON:
        try:
            body = json.loads(response.content)
        except ValueError:
            return
        if isinstance(body, dict) and "request_id" not in body and _id(request):
            body["request_id"] = _id(request)
            response.content = json.dumps(body, ensure_ascii=False)
        return
    if content_type == "application/json":
        return
    status = response.status_code
    detail = ""
    if status == 405:
        detail = f"Method {request.method} not allowed here; allowed: {response.get('Allow', '')}."
    replacement = problem(request, status, detail=detail)
    response.content = replacement.content
    response["Content-Type"] = PROBLEM_JSON
