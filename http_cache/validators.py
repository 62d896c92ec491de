"""Which requests and responses may be cached, their validators, and 304 answers before rendering.

A version ``ETag`` hashes the content version, the local date (validity and task status follow the
calendar), the scheme, host, path and query, and the active language; ``Last-Modified`` is the time
of the change. A content ``ETag`` hashes the rendered body.
"""

from __future__ import annotations

import hashlib
import time
from datetime import date, datetime

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

from .config import content_hash_paths, excluded_paths, max_age
from .version import ContentVersion

VARY = ("Accept-Language", "Cookie")


def cacheable_request(request: HttpRequest) -> bool:
    """Whether the response to ``request`` may be stored by any cache and revalidated.

    Decided from the request alone, without touching the session or the database.
    """
    if request.method not in ("GET", "HEAD"):
        return False
    if "HTTP_AUTHORIZATION" in request.META:
        return False
    for cookie in (settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGES_COOKIE_NAME", "messages")):
        if cookie in request.COOKIES:
            return False
    path = request.path
    if path.startswith(excluded_paths()) or "preview" in path.lower():
        return False
    return not any("token" in key.lower() for key in request.GET)


def uses_content_hash(request: HttpRequest) -> bool:
    return request.path.startswith(content_hash_paths())


def version_etag(request: HttpRequest, version: ContentVersion, today: date | None = None) -> str:
    """The weak ETag of the response to ``request`` under ``version`` on ``today`` (local date)."""
    today = today or timezone.localdate()
    parts = (
        version.token,
        today.isoformat(),
        request.scheme,
        request.get_host(),
        request.get_full_path(),
        translation.get_language() or "",
    )
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]
    return f'W/"{digest}"'


def version_last_modified(version: ContentVersion, now: float | None = None) -> int | None:
    """``Last-Modified`` (epoch seconds) under ``version``: the change, or local midnight if later.

    None while the change is less than a second old: HTTP dates count whole seconds, so a second
    change within the same second would carry the same date and ``If-Modified-Since`` would
    wrongly match. The ``ETag`` covers that second.
    """
    now = time.time() if now is None else now
    if now - version.changed_at < 1:
        return None
    local_midnight = timezone.make_aware(
        datetime.combine(timezone.localdate(), datetime.min.time()), timezone.get_default_timezone()
    ).timestamp()
    return int(max(version.changed_at, local_midnight))


def content_etag(content: bytes) -> str:
    return f'W/"{hashlib.sha256(content).hexdigest()[:32]}"'


def cache_control_value() -> str:
    return f"public, max-age={max(max_age(), 0)}"


def set_validators(response: HttpResponseBase, etag: str, last_modified: int | None) -> None:
    """Set ``Cache-Control``, ``ETag``, ``Last-Modified`` (removed when None) and ``Vary`` on ``response``."""
    response["Cache-Control"] = cache_control_value()
    response["ETag"] = etag
    if last_modified is not None:
        response["Last-Modified"] = http_date(last_modified)
    elif "Last-Modified" in response:
        del response["Last-Modified"]
    patch_vary_headers(response, VARY)


def cacheable_response(request: HttpRequest, response: HttpResponseBase) -> bool:
    if response.status_code != 200 or response.cookies or response.has_header("Cache-Control"):
        return False
    if getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def _has_precondition(request: HttpRequest) -> bool:
    meta = request.META
    if "HTTP_IF_MATCH" in meta or "HTTP_IF_UNMODIFIED_SINCE" in meta:
        return False  # answered after rendering (412 needs to know the resource exists)
    if_none_match = meta.get("HTTP_IF_NONE_MATCH", "")
    if if_none_match.strip() == "*":
        return False
    return bool(if_none_match or meta.get("HTTP_IF_MODIFIED_SINCE"))


def not_modified_before_rendering(
    request: HttpRequest, etag: str, last_modified: int | None
) -> HttpResponseBase | None:
    """The 304 answer to a conditional request whose validators still match, else None."""
    if not _has_precondition(request):
        return None
    headers = HttpResponse()
    set_validators(headers, etag, last_modified)
    answer = get_conditional_response(request, etag=etag, last_modified=last_modified, response=headers)
    return answer if answer is not headers else None
