"""Rendered responses kept on the server under their version ``ETag`` (``HTTP_RESPONSE_CACHE_ALIAS``).

An entry holds the body and the headers the view set; the middleware sets its own validators on
the replayed answer. A change of content replaces the version, and with it every key; entries of
older versions age out of the cache (``MAX_ENTRIES`` per process, or ``HTTP_RESPONSE_CACHE_TIMEOUT``
seconds in a shared Redis). Not kept: ``HEAD`` requests, streaming
responses, bodies over ``HTTP_RESPONSE_CACHE_MAX_BYTES``, and responses a middleware outside
``HttpCacheMiddleware`` will add a cookie to.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseBase

from .config import response_cache, response_max_bytes, response_timeout

#: Headers the middleware sets itself on every answer; the others of a kept response are replayed.
OWN_HEADERS = frozenset({"etag", "last-modified", "cache-control"})


def _sets_cookie_later(request: HttpRequest) -> bool:
    """Whether a middleware outside this one will add a cookie to the response (session, CSRF)."""
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return True
    return bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))


def _response_key(etag: str) -> str:
    return f"http_cache.response:{etag}"


def kept_response(request: HttpRequest, etag: str) -> HttpResponse | None:
    """The rendered response kept under ``etag`` for this ``GET``, if any."""
    cache = response_cache()
    if cache is None or request.method != "GET":
        return None
    kept = cache.get(_response_key(etag))
    if kept is None:
        return None
    content, headers = kept
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    return response


def keep_response(request: HttpRequest, response: HttpResponseBase, etag: str) -> bool:
    """Keep a rendered 200 ``response`` under ``etag`` (a version ETag), if it is safe to replay."""
    cache = response_cache()
    if cache is None or request.method != "GET" or response.streaming or _sets_cookie_later(request):
        return False
    if len(response.content) > response_max_bytes():
        return False
    headers = [(name, value) for name, value in response.items() if name.lower() not in OWN_HEADERS]
    cache.set(_response_key(etag), (response.content, headers), timeout=response_timeout())
    return True
