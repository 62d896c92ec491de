"""The settings this app reads, with their defaults.

``HTTP_CACHE_MAX_AGE``, ``HTTP_CACHE_ALIAS`` (the content version), ``HTTP_CACHE_EXCLUDED_PATHS``,
``HTTP_CACHE_CONTENT_HASH_PATHS``, ``HTTP_RESPONSE_CACHE_ALIAS`` (rendered responses; empty: off) and
``HTTP_RESPONSE_CACHE_MAX_BYTES``. Read on every call, so a changed setting applies at once.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import InvalidCacheBackendError, caches

DEFAULT_MAX_AGE = 60
DEFAULT_EXCLUDED_PATHS = ("/admin/", "/django-admin/", "/documents/", "/healthz")
DEFAULT_CONTENT_HASH_PATHS = ("/tim-kiem/", "/en/search/", "/api/v3/search/")
DEFAULT_RESPONSE_MAX_BYTES = 256 * 1024


def max_age() -> int:
    return int(getattr(settings, "HTTP_CACHE_MAX_AGE", DEFAULT_MAX_AGE))


def version_cache():
    """The cache holding the content version (``HTTP_CACHE_ALIAS``, else ``default``)."""
    alias = getattr(settings, "HTTP_CACHE_ALIAS", "http_cache")
    try:
        return caches[alias]
    except InvalidCacheBackendError:
        return caches["default"]


def response_cache():
    """The cache of rendered responses, or None when ``HTTP_RESPONSE_CACHE_ALIAS`` is empty."""
    alias = getattr(settings, "HTTP_RESPONSE_CACHE_ALIAS", None)
    if not alias:
        return None
    return caches[alias]


def response_timeout() -> int | None:
    """Seconds a kept response lives (``HTTP_RESPONSE_CACHE_TIMEOUT``); None: until the cache evicts
    it (a per-process cache bounded by ``MAX_ENTRIES``). A shared Redis needs a bound in time."""
    value = getattr(settings, "HTTP_RESPONSE_CACHE_TIMEOUT", None)
    return None if value in (None, "") else int(value)


def response_max_bytes() -> int:
    return int(getattr(settings, "HTTP_RESPONSE_CACHE_MAX_BYTES", DEFAULT_RESPONSE_MAX_BYTES))


def excluded_paths() -> tuple[str, ...]:
    return tuple(getattr(settings, "HTTP_CACHE_EXCLUDED_PATHS", DEFAULT_EXCLUDED_PATHS))


def content_hash_paths() -> tuple[str, ...]:
    return tuple(getattr(settings, "HTTP_CACHE_CONTENT_HASH_PATHS", DEFAULT_CONTENT_HASH_PATHS))
