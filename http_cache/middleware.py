"""``HttpCacheMiddleware``: the validators, 304 answers and kept responses wired into every request."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import get_conditional_response

from .response_cache import keep_response, kept_response
from .validators import (
    cacheable_request,
    cacheable_response,
    content_etag,
    not_modified_before_rendering,
    set_validators,
    uses_content_hash,
    version_etag,
    version_last_modified,
)
from .version import bump_safely, content_version

logger = logging.getLogger(__name__)


class HttpCacheMiddleware:
    """Place after LocaleMiddleware and AuthenticationMiddleware (the language and the user are known)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]):
        self.get_response = get_response
        bump_safely()  # a new process may serve new templates or code: old validators must not match

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
                    set_validators(kept, etag, last_modified)
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
        set_validators(response, etag, last_modified)
        return get_conditional_response(request, etag=etag, last_modified=last_modified, response=response)
