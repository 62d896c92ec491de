"""Tags for the server-rendered pages: the portal's name, navigation and breadcrumb."""

from django import template
from django.conf import settings
from wagtail.models import Site

from home.models import AuthorityProfile
from portal.menu import group_of

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
    """The home page and its live, public children, grouped by their menu group
    (``portal.menu``: a group is a disclosure, a page of no group an item); the current section
    and its group are marked."""
    site = _site(context)
    page = context.get("page")
    if site is None:
        return {"home": None, "entries": []}
    home = site.root_page
    entries: list[dict] = []
    groups: dict[str, dict] = {}
    for child in home.get_children().live().public().order_by("path"):
        if page is not None and page.path and page.path == child.path:
            current = "page"
        elif page is not None and page.path and page.path.startswith(child.path):
            current = "true"
        else:
            current = ""
        item = {"title": child.title, "url": child.get_url(context.get("request")), "current": current}
        group = group_of(child.specific_class)
        if group is None:
            entries.append({"item": item, "order": 1000 + len(entries)})
            continue
        if group.code not in groups:
            groups[group.code] = {"group": group, "items": [], "current": False, "order": group.order}
            entries.append(groups[group.code])
        groups[group.code]["items"].append(item)
        groups[group.code]["current"] |= bool(current)
    entries.sort(key=lambda entry: entry["order"])
    home_current = "page" if page is not None and page.path == home.path else ""
    return {"home": home, "home_current": home_current, "entries": entries}


@register.inclusion_tag("home/includes/breadcrumb.html", takes_context=True)
def breadcrumb(context) -> dict:
    """Ancestors of the current page from the site's home page down; empty on the home page."""
    page = context.get("page")
    site = _site(context)
    if page is None or site is None or not page.path or page.depth <= site.root_page.depth:
        return {"ancestors": [], "page": None}
    ancestors = page.get_ancestors().filter(depth__gte=site.root_page.depth, path__startswith=site.root_page.path)
    return {"ancestors": ancestors, "page": page, "home_depth": site.root_page.depth}


@register.simple_tag
def web_links() -> list:
    """The links to other agencies' portals (``home.WebLink``), in their order."""
    from home.models import WebLink

    return list(WebLink.objects.all())
