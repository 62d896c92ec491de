"""HTTP caching of public GET responses: ``Cache-Control``, validators and 304 answers.

Anonymous ``GET``/``HEAD`` requests for the API, pages, feeds and the sitemap get
``Cache-Control: public, max-age=HTTP_CACHE_MAX_AGE`` and a validator:

* **Content version** (the default, cheap): a site-wide token that every change of content
  replaces — any model saved or deleted (pages, snippets such as agencies, view restrictions,
  images…), a page published, unpublished or moved — once the transaction commits. The
  ``ETag`` is a hash of that token, the local date (validity and task status follow the
  calendar), the scheme, host, path and query, and the active language; ``Last-Modified`` is
  the time of the change. Both are known before the view runs, so a conditional request that
  still matches is answered 304 without rendering anything. The token lives in the cache
  alias ``HTTP_CACHE_ALIAS`` (which every process of the site must share) and is also
  replaced when a process starts, so a deployment of new templates or code is never hidden
  behind an old ``ETag``.
* **Content hash** (``HTTP_CACHE_CONTENT_HASH_PATHS``, and whenever the version cannot be
  read): the ``ETag`` is a hash of the rendered body, for responses that depend on more than
  the content version (search results follow the search index, which bulk imports update
  after their transactions, and the fallback while the search engine is down).

**Rendered responses** (``HTTP_RESPONSE_CACHE_ALIAS``, per process by default): a response
validated by the content version is also kept on the server under its ``ETag`` (body and the
headers the view set), so the next anonymous ``GET`` of the same URL, language and host under the
same version is answered without running the view — no query, no template. A change of content
replaces the version, and with it every key; entries of older versions age out of the cache
(``MAX_ENTRIES``). Bodies larger than ``HTTP_RESPONSE_CACHE_MAX_BYTES``, streaming responses,
responses validated by a content hash (search) and responses that would set a cookie (a session
saved, a CSRF token used) are not kept.

Never cached: non-GET/HEAD requests, requests with an ``Authorization`` header or a session
or messages cookie (logged-in editors, visitors who entered a page password), requests from
an authenticated user, admin paths and previews (``HTTP_CACHE_EXCLUDED_PATHS``, any path with
``preview``, any query parameter naming a ``token``), responses other than 200, responses that
set cookies, and responses whose view already chose its own ``Cache-Control``.

The functions are usable without HTTP (``cacheable_request``, ``version_etag``, ``bump_content_version``);
``HttpCacheMiddleware`` wires them in, and ``HttpCacheConfig`` connects the signals in every
process (web and management commands).
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from django.apps import AppConfig
from django.conf import settings
from django.core.cache import InvalidCacheBackendError, caches
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date

logger = logging.getLogger(__name__)

VERSION_KEY = "cms.http_cache.content_version"
DEFAULT_MAX_AGE = 60
DEFAULT_EXCLUDED_PATHS = ("/admin/", "/django-admin/", "/documents/")
DEFAULT_CONTENT_HASH_PATHS = ("/tim-kiem/", "/api/v3/search/")
VARY = ("Accept-Language", "Cookie")
DEFAULT_RESPONSE_MAX_BYTES = 256 * 1024
#: Headers the middleware sets itself on every answer; the others of a kept response are replayed.
OWN_HEADERS = frozenset({"etag", "last-modified", "cache-control"})

# Saving these changes nothing that an anonymous reader is served.
IGNORED_MODELS = frozenset(
    {
        "sessions.session",
        "admin.logentry",
        "contenttypes.contenttype",
        "auth.permission",
        "wagtailcore.revision",
        "wagtailcore.pagelogentry",
        "wagtailcore.modellogentry",
        "wagtailcore.referenceindex",
        "wagtailcore.pagesubscription",
        "wagtailcore.comment",
        "wagtailcore.commentreply",
        "wagtailcore.taskstate",
        "wagtailcore.workflowstate",
        "wagtailcore.uploadedfile",
        "wagtailadmin.editingsession",
        "wagtailusers.userprofile",
        "wagtailsearch.query",
        "wagtailsearch.querydailyhits",
    }
)


# --- settings ------------------------------------------------------------------------------


def max_age() -> int:
    return int(getattr(settings, "HTTP_CACHE_MAX_AGE", DEFAULT_MAX_AGE))


def response_cache():
    """The cache of rendered responses, or None when ``HTTP_RESPONSE_CACHE_ALIAS`` is empty."""
    alias = getattr(settings, "HTTP_RESPONSE_CACHE_ALIAS", None)
    if not alias:
        return None
    return caches[alias]


def response_max_bytes() -> int:
    return int(getattr(settings, "HTTP_RESPONSE_CACHE_MAX_BYTES", DEFAULT_RESPONSE_MAX_BYTES))


def _cache():
    alias = getattr(settings, "HTTP_CACHE_ALIAS", "http_cache")
    try:
        return caches[alias]
    except InvalidCacheBackendError:
        return caches["default"]


# --- the content version ----------------------------------------------------------------------


@dataclass(frozen=True)
class ContentVersion:
    token: str
    changed_at: float  # seconds since the epoch


def _new_token() -> str:
    return f"{time.time_ns()}-{secrets.token_hex(4)}"


def _parse(token: str) -> ContentVersion:
    return ContentVersion(token=token, changed_at=int(token.split("-", 1)[0]) / 1e9)


def content_version() -> ContentVersion:
    """The current content version (created if the cache holds none)."""
    cache = _cache()
    token = cache.get(VERSION_KEY)
    if token is None:
        cache.add(VERSION_KEY, _new_token(), timeout=None)
        token = cache.get(VERSION_KEY)
        if token is None:  # a cache that keeps nothing (DummyCache)
            raise RuntimeError("the HTTP cache alias does not keep values")
    return _parse(token)


def bump_content_version() -> ContentVersion:
    """Replace the content version now: every validator handed out so far stops matching."""
    token = _new_token()
    _cache().set(VERSION_KEY, token, timeout=None)
    return _parse(token)


def _bump_safely() -> None:
    try:
        bump_content_version()
    except Exception:  # a cache outage must not break a save; if reads fail too, responses are hashed
        logger.exception("could not replace the HTTP content version: ETags may stay stale until the next change")


class PendingBump:
    """The on-commit callback that replaces the version; ``done`` once it has run."""

    def __init__(self):
        self.done = False

    def __call__(self):
        self.done = True
        _bump_safely()


def pending_bumps(using: str = DEFAULT_DB_ALIAS) -> list[PendingBump]:
    """Replacements waiting for the current transaction to commit."""
    return [
        func for _sids, func, *_ in connections[using].run_on_commit if isinstance(func, PendingBump) and not func.done
    ]


def content_changed(using: str = DEFAULT_DB_ALIAS) -> None:
    """Replace the content version once the current transaction commits (at once outside one).

    Only after the commit: a request served in between would otherwise tag the old content
    with the new version. One replacement per transaction (a page publish saves several rows);
    a savepoint rolled back drops the callbacks registered inside it, and the next change
    registers a new one.
    """
    if connections[using].in_atomic_block and pending_bumps(using):
        return
    transaction.on_commit(PendingBump(), using=using)


def _model_label(sender) -> str:
    return getattr(getattr(sender, "_meta", None), "label_lower", "")


def is_content_model(sender) -> bool:
    """Whether saving or deleting an instance of ``sender`` may change what readers are served."""
    label = _model_label(sender)
    if not label or label in IGNORED_MODELS:
        return False
    from wagtail.images.models import AbstractRendition

    return not (isinstance(sender, type) and issubclass(sender, AbstractRendition))


def _on_model_change(sender, using=DEFAULT_DB_ALIAS, update_fields=None, raw=False, **kwargs):
    if raw or not is_content_model(sender):
        return
    if _model_label(sender) == "auth.user" and update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    content_changed(using or DEFAULT_DB_ALIAS)


def _on_m2m_change(sender, action, using=DEFAULT_DB_ALIAS, **kwargs):
    if action.startswith("post_") and is_content_model(sender):
        content_changed(using or DEFAULT_DB_ALIAS)


def _on_page_signal(sender, **kwargs):
    content_changed()


def connect_signals() -> None:
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    post_save.connect(_on_model_change, dispatch_uid="cms.http_cache.post_save")
    post_delete.connect(_on_model_change, dispatch_uid="cms.http_cache.post_delete")
    m2m_changed.connect(_on_m2m_change, dispatch_uid="cms.http_cache.m2m_changed")
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(_on_page_signal, dispatch_uid=f"cms.http_cache.{id(signal)}")


class HttpCacheConfig(AppConfig):
    """Listed in INSTALLED_APPS so that every process (web, import commands) replaces the version."""

    name = "cms.http_cache"
    label = "http_cache"
    verbose_name = "HTTP cache"
    # No templates, static files or translations of its own: don't let Django find cms/'s twice.
    path = str(Path(__file__).resolve().with_suffix(""))

    def ready(self):
        connect_signals()


# --- requests and validators ------------------------------------------------------------------


def _excluded_paths() -> tuple[str, ...]:
    return tuple(getattr(settings, "HTTP_CACHE_EXCLUDED_PATHS", DEFAULT_EXCLUDED_PATHS))


def _content_hash_paths() -> tuple[str, ...]:
    return tuple(getattr(settings, "HTTP_CACHE_CONTENT_HASH_PATHS", DEFAULT_CONTENT_HASH_PATHS))


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
    if path.startswith(_excluded_paths()) or "preview" in path.lower():
        return False
    return not any("token" in key.lower() for key in request.GET)


def uses_content_hash(request: HttpRequest) -> bool:
    return request.path.startswith(_content_hash_paths())


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


def _set_validators(response: HttpResponseBase, etag: str, last_modified: int | None) -> None:
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


def _sets_cookie_later(request: HttpRequest) -> bool:
    """Whether a middleware outside this one will add a cookie to the response (session, CSRF)."""
    session = getattr(request, "session", None)
    if session is not None and session.modified:
        return True
    return bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))


def _response_key(etag: str) -> str:
    return f"cms.http_cache.response:{etag}"


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
    cache.set(_response_key(etag), (response.content, headers), timeout=None)
    return True


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
    _set_validators(headers, etag, last_modified)
    answer = get_conditional_response(request, etag=etag, last_modified=last_modified, response=headers)
    return answer if answer is not headers else None


class HttpCacheMiddleware:
    """Place after LocaleMiddleware and AuthenticationMiddleware (the language and the user are known)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response
        _bump_safely()  # a new process may serve new templates or code: old validators must not match

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not cacheable_request(request):
            return self.get_response(request)
        etag = last_modified = None
        if not uses_content_hash(request):
            try:
                version = content_version()
            except Exception:
                logger.exception("HTTP content version unavailable; falling back to content hashes")
            else:
                etag = version_etag(request, version)
                last_modified = version_last_modified(version)
                answer = not_modified_before_rendering(request, etag, last_modified)
                if answer is not None:
                    return answer
                kept = kept_response(request, etag)
                if kept is not None:
                    _set_validators(kept, etag, last_modified)
                    return kept
        response = self.get_response(request)
        if not cacheable_response(request, response):
            return response
        if etag is None:
            if response.streaming:
                return response
            etag = content_etag(response.content)
        else:
            keep_response(request, response, etag)
        _set_validators(response, etag, last_modified)
        return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
