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
process (web and management commands). The modules:

* ``config``: the settings read, with their defaults;
* ``version``: the content version in the shared cache (``ContentVersion``, read, replace);
* ``signals``: when it is replaced (model and page signals, once per committed transaction);
* ``validators``: which requests and responses are cached, ``ETag``/``Last-Modified``, 304 answers;
* ``response_cache``: rendered responses kept under their version ``ETag``;
* ``middleware``: ``HttpCacheMiddleware``; ``apps``: ``HttpCacheConfig``.

This app imports nothing from the rest of the project (only Django, Wagtail and the standard
library); the names below are re-exported for code that uses it without HTTP.
"""

from .config import max_age, version_cache
from .response_cache import keep_response, kept_response
from .signals import IGNORED_MODELS, PendingBump, content_changed, is_content_model, pending_bumps
from .validators import (
    cache_control_value,
    cacheable_request,
    cacheable_response,
    content_etag,
    uses_content_hash,
    version_etag,
    version_last_modified,
)
from .version import VERSION_KEY, ContentVersion, bump_content_version, content_version

__all__ = [
    "IGNORED_MODELS",
    "VERSION_KEY",
    "ContentVersion",
    "PendingBump",
    "bump_content_version",
    "cache_control_value",
    "cacheable_request",
    "cacheable_response",
    "content_changed",
    "content_etag",
    "content_version",
    "is_content_model",
    "keep_response",
    "kept_response",
    "max_age",
    "pending_bumps",
    "uses_content_hash",
    "version_cache",
    "version_etag",
    "version_last_modified",
]
