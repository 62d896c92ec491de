"""The content version: a site-wide token, kept in the shared cache, that every change of content replaces.

The token is ``<nanoseconds since the epoch>-<random>``: the time of the change travels with it
(``Last-Modified``), the random part keeps two processes replacing it in the same instant apart.
"""

from __future__ import annotations

import logging
import secrets
import time
from dataclasses import dataclass

from .config import version_cache

logger = logging.getLogger(__name__)

# Shared by every process of the site, including those of the previous release while a deployment
# replaces them: a different key would keep their changes apart for that while.
VERSION_KEY = "cms.http_cache.content_version"


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
    cache = version_cache()
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
    version_cache().set(VERSION_KEY, token, timeout=None)
    return _parse(token)


def bump_safely() -> None:
    """``bump_content_version``, logging instead of raising when the cache cannot be written."""
    try:
        bump_content_version()
    except Exception:  # a cache outage must not break a save; if reads fail too, responses are hashed
        logger.exception("could not replace the HTTP content version: ETags may stay stale until the next change")
