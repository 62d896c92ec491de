"""Security of the HTTP layer (docs/deployment.md, "Security"), knowing no content type.

- ``client_address``: the client's address as the per-address limits see it (``REMOTE_ADDR``, or
  behind a proxy the ``request.META`` key named by ``RATELIMIT_IP_META_KEY``) — the citizens' forms,
  the login lockout (django-axes' ``AXES_CLIENT_IP_CALLABLE``) and the API-token limit count by it.
- ``is_admin_path``: Wagtail's admin (``/admin/``) and Django's (``/django-admin/``).
- ``AdminLanguageMiddleware``: the admin speaks ``LANGUAGE_CODE`` (Vietnamese) whatever the browser
  asks for; an editor's own choice (Wagtail's account setting "language") still wins, because
  Wagtail activates it for every admin view on top of this default.
- ``ContentSecurityPolicyMiddleware``: django-csp's middleware with a second policy for the admin
  (``CONTENT_SECURITY_POLICY_ADMIN``): the public site runs no inline script, Wagtail's admin does.
- The failed API-token attempts per address (``API_TOKEN_FAILURE_RATE``): ``count_failed_token``
  raises ``TooManyTokenAttempts`` past the rate, answered as a 429 problem (``too_many_token_attempts``);
  the patch of Wagtail's ``BearerTokenAuth`` that calls it is in ``portal.wagtail_patches``.
"""

import ipaddress
import logging
import math

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, reverse
from django.utils import translation

logger = logging.getLogger(__name__)

#: URL names of the admin sites' home pages: what is under them is "the admin".
ADMIN_URL_NAMES = ("wagtailadmin_home", "admin:index")

#: Where a request whose address cannot be read is counted (REMOTE_ADDR empty behind a proxy
#: reached over a Unix socket, without RATELIMIT_IP_META_KEY: docs/deployment.md).
_UNKNOWN_ADDRESS = "0.0.0.0"  # noqa: S104 (a key for counting, never bound)


def client_address(request) -> str:
    """The client's address as the per-address limits count it: ``request.META[RATELIMIT_IP_META_KEY]``
    when that setting names a header set by the proxy in front (e.g. ``HTTP_X_REAL_IP``), else
    ``REMOTE_ADDR``; the first address of a list. An IPv6 address stands for its /64 network
    (``RATELIMIT_IPV6_MASK``, as django-ratelimit counts the citizens' forms): one subscriber holds a
    whole /64, and would otherwise get a fresh count per address."""
    key = getattr(settings, "RATELIMIT_IP_META_KEY", None) or "REMOTE_ADDR"
    value = (request.META.get(key) or "").split(",")[0].strip()
    try:
        address = ipaddress.ip_address(value)
    except ValueError:
        return _UNKNOWN_ADDRESS
    if address.version == 6:
        mask = getattr(settings, "RATELIMIT_IPV6_MASK", 64)
        return str(ipaddress.ip_network(f"{address}/{mask}", strict=False).network_address)
    return str(address)


def _admin_prefixes() -> tuple[str, ...]:
    prefixes = []
    script_prefix = get_script_prefix()
    for name in ADMIN_URL_NAMES:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        prefixes.append("/" + url.removeprefix(script_prefix).lstrip("/"))
    return tuple(prefixes)


def is_admin_path(path_info: str) -> bool:
    """Whether ``path_info`` (without the script prefix) is a page of Wagtail's or Django's admin."""
    return path_info.startswith(_admin_prefixes())


class AdminLanguageMiddleware:
    """After ``LocaleMiddleware``: on the admin's paths, ``LANGUAGE_CODE`` instead of the language
    the browser asked for (``Accept-Language``, the language cookie). Wagtail then renders every
    admin view in the editor's own choice when there is one (``UserProfile.preferred_language``,
    ``wagtail.admin.localization.get_localized_response``), else in this one. The public site (and
    its English section ``/en/``) is left to ``LocaleMiddleware``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if is_admin_path(request.path_info):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, answering the admin's pages with the admin's policy.

    ``CONTENT_SECURITY_POLICY`` (or ``…_REPORT_ONLY``) is the public site's policy: scripts and
    styles from this site's files only. Wagtail's admin writes inline scripts (date pickers, inline
    panels, the choosers' modal steps) and style attributes, so its paths get
    ``CONTENT_SECURITY_POLICY_ADMIN`` (or ``…_ADMIN_REPORT_ONLY``) instead, which allows them there
    and nowhere else. A view's own ``@csp``/``@csp_replace`` decorator still wins. Wagtail's
    previews get the public policy, framed by the admin only (``frame-ancestors 'self'``)."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if getattr(request, "is_dummy", False):
            # Wagtail's preview of a page: the page's view run through the middleware for a
            # simulated request to its public URL (``make_preview_request``), the result framed by
            # the admin. The public policy (what the live page will meet), framed by this site.
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
            return parts
        if parts.config is None and is_admin_path(request.path_info):
            name = "CONTENT_SECURITY_POLICY_ADMIN_REPORT_ONLY" if report_only else "CONTENT_SECURITY_POLICY_ADMIN"
            admin_policy = getattr(settings, name, None)
            if admin_policy:
                parts.config = default_config(admin_policy.get("DIRECTIVES", {}))
        return parts


# --- failed API-token attempts --------------------------------------------------------------------

RATE_GROUP = "api-token-failures"  # django-ratelimit group of the counts


class TooManyTokenAttempts(Exception):
    """Raised by the token check of a request from an address past ``API_TOKEN_FAILURE_RATE``."""

    def __init__(self, retry_after: int):
        super().__init__(f"too many failed API token attempts; retry after {retry_after} s")
        self.retry_after = retry_after


def token_failure_rate() -> str:
    """Failed API-token attempts allowed per address (django-ratelimit syntax, ``"10/m"``)."""
    return getattr(settings, "API_TOKEN_FAILURE_RATE", "") or "10/m"


def _token_key(group, request) -> str:
    return client_address(request)


def count_failed_token(request) -> None:
    """Count a request whose bearer token matched no active token; raise ``TooManyTokenAttempts``
    once its address is past the rate (django-ratelimit's fixed window, in its ``ratelimit`` cache:
    the files of ``RATELIMIT_CACHE_DIR`` or the Redis of ``RATELIMIT_CACHE_URL``). Valid tokens are
    never counted, and are served even from an address past the rate."""
    from django_ratelimit.core import get_usage

    usage = get_usage(request, group=RATE_GROUP, key=_token_key, rate=token_failure_rate(), increment=True)
    if usage and usage["should_limit"]:
        retry_after = max(1, math.ceil(usage["time_left"]))
        logger.warning(
            "API token refused: %s failed token attempts from %s (limit %s); retry after %s s",
            usage["count"],
            client_address(request),
            usage["limit"],
            retry_after,
        )
        raise TooManyTokenAttempts(retry_after)


def too_many_token_attempts(request, exc: TooManyTokenAttempts):
    """HTTP 429 as an RFC 7807 problem naming the reason, with ``Retry-After``; never cached."""
    from wagtail.api.v3.errors import problem_response

    response = problem_response(
        status=429,
        title="Too many failed API token attempts",
        detail=(
            "Too many requests from this address carried an API token that is unknown, revoked or of an "
            f"inactive user. Requests with a wrong token are refused for {exc.retry_after} seconds; a valid "
            "token is still accepted."
        ),
    )
    response["Retry-After"] = str(exc.retry_after)
    response["Cache-Control"] = "no-store"
    return response
