"""The portal's absolute URLs: from ``PUBLIC_BASE_URL`` when it is set, else from the request.

Wagtail builds a page's full URL from its ``Site`` record (``hostname`` and ``port``: the demo's
``http://localhost``), and a rendition's from ``WAGTAILADMIN_BASE_URL``; neither is the address the
citizen or the front-end reached. Here every absolute URL the portal writes — the sitemap, the
feeds' links, the API's ``html_url`` and image URLs, the iCalendar feeds, the printed page
address, the links in e-mails — starts with one base:

1. ``settings.PUBLIC_BASE_URL`` (``https://cong.vinhtuong.gov.vn``) when it is set: the one public
   address of the portal, whatever host or proxy a request came through;
2. else the scheme and host of the request being served (``request.get_host()``: ``ALLOWED_HOSTS``
   is enforced, and ``X-Forwarded-Host`` is read only with ``USE_X_FORWARDED_HOST``; the scheme is
   ``https`` behind a proxy only through ``SECURE_PROXY_SSL_HEADER``);
3. else — outside any request (cron, a management command) — the Wagtail ``Site``'s own address.

Code that has the request passes it; code that cannot (Wagtail's DRF-shaped API fields, a signal
handler that e-mails, a model method) finds the request being served through
``current_request()``, which ``CurrentRequestMiddleware`` sets for the time of the request: an
e-mail sent because an editor published a page links to the address that editor's request came to.

``install()`` (from ``PortalConfig.ready()``) patches ``Page.get_url_parts`` so that Wagtail's own
code (the sitemap, the API's ``html_url``, ``get_full_url`` everywhere) follows the same rule:
upstream a page's root URL is its ``Site``'s, whatever the request.
"""

from __future__ import annotations

from contextvars import ContextVar
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest

_current: ContextVar[HttpRequest | None] = ContextVar("portal_current_request", default=None)


class CurrentRequestMiddleware:
    """Makes the request being served known to ``current_request()`` until its response is made."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current.set(request)
        try:
            return self.get_response(request)
        finally:
            _current.reset(token)


def current_request() -> HttpRequest | None:
    """The request being served in this thread (or task), None outside a request."""
    return _current.get()


def configured_base_url() -> str:
    """``PUBLIC_BASE_URL`` without a trailing slash, "" when unset."""
    return (getattr(settings, "PUBLIC_BASE_URL", "") or "").rstrip("/")


def request_base_url(request: HttpRequest) -> str:
    """``scheme://host[:port]`` of ``request`` (raises ``DisallowedHost`` for a host not allowed)."""
    return f"{request.scheme}://{request.get_host()}"


def base_url(request: HttpRequest | None = None) -> str | None:
    """The base of the portal's absolute URLs: ``PUBLIC_BASE_URL``, else the request's (``request``
    or the one being served), else None (outside a request, nothing configured)."""
    configured = configured_base_url()
    if configured:
        return configured
    request = request if isinstance(request, HttpRequest) else current_request()
    return request_base_url(request) if request is not None else None


def _default_site_root_url() -> str:
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first() or Site.objects.order_by("pk").first()
    return site.root_url if site is not None else ""


def absolute_url(url: str, request: HttpRequest | None = None) -> str:
    """``url`` (a path such as ``/media/images/a.jpg``) made absolute with ``base_url``; a URL that
    is already absolute (a remote storage's) is returned as it is. Outside a request and without
    ``PUBLIC_BASE_URL``, the default Wagtail ``Site``'s address."""
    if not url or urlsplit(url).scheme or url.startswith("//"):
        return url
    base = base_url(request)
    if base is None:
        base = _default_site_root_url()
    return base + url


def page_root_url(page, site_id: int, site_root_url: str, request=None) -> str:
    """The root URL of ``page``, of the Wagtail ``Site`` ``site_id`` (whose own is ``site_root_url``).

    ``PUBLIC_BASE_URL`` when set (one portal per deployment); else the request's scheme and host
    when the page belongs to the site serving it (with one site, always; with several,
    ``Site.find_for_request``: the default site for a host no site names); else the site's own
    address — a page of another site, or no request."""
    configured = configured_base_url()
    if configured:
        return configured
    request = request if isinstance(request, HttpRequest) else current_request()
    if request is None:
        return site_root_url
    if len({root.site_id for root in page._get_site_root_paths(request)}) > 1:
        from wagtail.models import Site

        site = Site.find_for_request(request)
        if site is not None and site.pk != site_id:
            return site_root_url
    return request_base_url(request)


_installed = False


def install() -> None:
    """Patch ``Page.get_url_parts`` (once): the root URL it gives is ``page_root_url``'s."""
    global _installed
    if _installed:
        return
    _installed = True
    from wagtail.models import Page

    wagtail_get_url_parts = Page.get_url_parts

    def get_url_parts(self, request=None):
        parts = wagtail_get_url_parts(self, request=request)
        if parts is None or parts[1] is None:
            return parts
        site_id, site_root_url, page_path = parts
        return site_id, page_root_url(self, site_id, site_root_url, request), page_path

    get_url_parts.__doc__ = wagtail_get_url_parts.__doc__
    get_url_parts.__wrapped__ = wagtail_get_url_parts
    Page.get_url_parts = get_url_parts


def check_public_base_url(app_configs=None, **kwargs) -> list:
    """``manage.py check --deploy``: without ``PUBLIC_BASE_URL``, what is sent outside a request
    (an answer published by ``publish_scheduled`` from cron, e-mailed to its sender) links to the
    Wagtail ``Site``'s hostname and port."""
    from django.core.checks import Warning

    if configured_base_url():
        return []
    return [
        Warning(
            "PUBLIC_BASE_URL is not set: absolute URLs follow each request's host, and outside a request "
            "(e-mails sent from cron) the Wagtail Site's hostname and port.",
            hint="Set PUBLIC_BASE_URL to the portal's public address, e.g. https://cong.vinhtuong.gov.vn "
            "(docs/deployment.md, 'Public address').",
            id="portal.W001",
        )
    ]
