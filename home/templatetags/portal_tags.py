"""Tags for the server-rendered pages: the portal's name, navigation and breadcrumb."""

from django import template
from django.conf import settings
from django.utils import timezone
from wagtail.models import Page, Site

from home.models import AuthorityProfile
from portal.menu import group_of
from portal.text import nfc

register = template.Library()


def _site(context) -> Site | None:
    request = context.get("request")
    return Site.find_for_request(request) if request is not None else None


def _home(context):
    """The home page of the page being shown: the site's root page, or its translation in the
    page's language (an English page's home is the English home, /en/)."""
    site = _site(context)
    if site is None:
        return None
    root = site.root_page
    page = context.get("page")
    locale_id = getattr(page, "locale_id", None)
    if locale_id and locale_id != root.locale_id:
        return root.get_translation_or_none(page.locale) or root
    return root


_LOCALE_CODES: dict[int, str] = {}


def locale_code(locale_id: int) -> str | None:
    """The language code of a locale id, from an in-process map of the (few, rarely added)
    locales, read again when an id is unknown: no query per page."""
    if locale_id not in _LOCALE_CODES:
        from wagtail.models import Locale

        _LOCALE_CODES.clear()
        _LOCALE_CODES.update(Locale.objects.values_list("pk", "language_code"))
    return _LOCALE_CODES.get(locale_id)


@register.simple_tag(takes_context=True)
def page_language(context) -> str:
    """The ``lang`` of the document: the page's language, else the language of the request."""
    from django.utils import translation

    page = context.get("page")
    code = locale_code(page.locale_id) if getattr(page, "locale_id", None) else None
    return code or translation.get_language() or settings.LANGUAGE_CODE


@register.inclusion_tag("home/includes/language_switch.html", takes_context=True)
def language_switch(context) -> dict:
    """Links to the page in the other languages: its live translations (on a route of a routable
    page, the same route of the translation: a leader's page links to that leader's page in the
    other language), else the home page in that language (when there is one). Two queries: the
    translations of the page and of the home page, and their view restrictions."""
    from django.utils import translation

    site = _site(context)
    if site is None:
        return {"links": []}
    page = context.get("page")
    request = context.get("request")
    root = site.root_page
    current = getattr(page, "locale_id", None) or root.locale_id
    keys = {root.translation_key}
    page_key = getattr(page, "translation_key", None) if getattr(page, "pk", None) else None
    if page_key:
        keys.add(page_key)
    candidates = Page.objects.filter(translation_key__in=keys).exclude(locale_id=current).live().public()
    of_page, of_home = {}, {}
    for other in candidates:
        (of_page if other.translation_key == page_key else of_home)[other.locale_id] = other
    route = _route(page, request) if of_page else ""
    links = []
    for locale_id in sorted(set(of_page) | set(of_home), key=lambda pk: locale_code(pk) or ""):
        same_page = locale_id in of_page
        target = of_page.get(locale_id) or of_home[locale_id]
        code = locale_code(locale_id)
        url = target.get_url(request)
        links.append(
            {
                "code": code,
                "name": nfc(translation.get_language_info(code)["name_local"]),
                "url": url + route if same_page and url else url,
                "same_page": same_page,
            }
        )
    return {"links": links}


def _route(page, request) -> str:
    """The part of the request's path after the URL of a routable ``page`` (``lanh-dao/5/`` of
    ``/gioi-thieu/lanh-dao/5/``): a route of the page, the same in each of its translations (the
    routes are the page type's); empty for any other page."""
    from wagtail.contrib.routable_page.models import RoutablePageMixin

    if request is None or not isinstance(page, RoutablePageMixin):
        return ""
    base = page.get_url(request)
    if not base or not base.startswith("/") or not request.path.startswith(base):
        return ""
    return request.path[len(base) :]


@register.simple_tag(takes_context=True)
def portal_name(context) -> str:
    """The authority's name (site setting), else the site's name, else WAGTAIL_SITE_NAME."""
    site = _site(context)
    if site is None:
        return settings.WAGTAIL_SITE_NAME
    profile = AuthorityProfile.for_request(context["request"])
    return profile.name_in(page_language(context)) or site.site_name or settings.WAGTAIL_SITE_NAME


@register.inclusion_tag("home/includes/archive_notice.html", takes_context=True)
def archive_notice(context) -> dict:
    """The notice every page of an archive portal carries: the authority closed on a given day
    (``AuthorityProfile.closed_on``) and its portal is no longer updated."""
    request = context.get("request")
    if request is None or _site(context) is None:
        return {"closed_on": None}
    profile = AuthorityProfile.for_request(request)
    closed = profile.closed_on if profile.closed_on and profile.closed_on < timezone.localdate() else None
    return {"closed_on": closed, "authority": portal_name(context)}


@register.inclusion_tag("home/includes/site_navigation.html", takes_context=True)
def site_navigation(context) -> dict:
    """The home page and its live, public children, grouped by their menu group
    (``portal.menu``: a group is a disclosure, a page of no group an item); the current section
    and its group are marked."""
    home = _home(context)
    page = context.get("page")
    if home is None:
        return {"home": None, "entries": []}
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
    home = _home(context)
    if page is None or home is None or not page.path or page.depth <= home.depth:
        return {"ancestors": [], "page": None}
    ancestors = page.get_ancestors().filter(depth__gte=home.depth, path__startswith=home.path)
    return {"ancestors": ancestors, "page": page, "home_depth": home.depth}


@register.simple_tag
def web_links() -> list:
    """The links to other agencies' portals (``home.WebLink``), in their order."""
    from home.models import WebLink

    return list(WebLink.objects.all())
