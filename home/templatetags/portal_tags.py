"""Tags for the server-rendered pages: the portal's name, navigation and breadcrumb."""

from django import template
from django.conf import settings
from wagtail.models import Site

from home.models import AuthorityProfile

register = template.Library()


def _site(context) -> Site | None:
    request = context.get("request")
    return Site.find_for_request(request) if request is not None else None


@register.simple_tag(takes_context=True)
def portal_name(context) -> str:
    """The authority's name (site setting), else the site's name, else WAGTAIL_SITE_NAME."""
    site = _site(context)
    if site is None:
        return settings.WAGTAIL_SITE_NAME
    profile = AuthorityProfile.for_request(context["request"])
    return profile.authority_name or site.site_name or settings.WAGTAIL_SITE_NAME


@register.inclusion_tag("home/includes/site_navigation.html", takes_context=True)
def site_navigation(context) -> dict:
    """The home page and its live, public children; the current section is marked."""
    site = _site(context)
    page = context.get("page")
    if site is None:
        return {"home": None, "items": []}
    home = site.root_page
    items = []
    for child in home.get_children().live().public().order_by("path"):
        if page is not None and page.path and page.path == child.path:
            current = "page"
        elif page is not None and page.path and page.path.startswith(child.path):
            current = "true"
        else:
            current = ""
        items.append({"title": child.title, "url": child.get_url(context.get("request")), "current": current})
    home_current = "page" if page is not None and page.path == home.path else ""
    return {"home": home, "home_current": home_current, "items": items}


@register.inclusion_tag("home/includes/breadcrumb.html", takes_context=True)
def breadcrumb(context) -> dict:
    """Ancestors of the current page from the site's home page down; empty on the home page."""
    page = context.get("page")
    site = _site(context)
    if page is None or site is None or not page.path or page.depth <= site.root_page.depth:
        return {"ancestors": [], "page": None}
    ancestors = page.get_ancestors().filter(depth__gte=site.root_page.depth, path__startswith=site.root_page.path)
    return {"ancestors": ancestors, "page": page, "home_depth": site.root_page.depth}
