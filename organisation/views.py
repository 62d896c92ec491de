"""The public pages of ``/gioi-thieu/`` and ``/lien-he/`` and their translations (thin: what they
show is read by ``organisation.structure``, in the page's language)."""

from django.http import Http404
from django.utils import timezone
from wagtail.models import Site

from directives.models import DirectiveIndexPage, Official, TaskIndexPage
from portal.authority import authority_contact

from .links import section_page
from .models import page_language
from .structure import LeaderEntry, directory, leader_activity, leaders, unit_tree, units


def introduction_context(page) -> dict:
    """The chart, the directory and the leaders (each with the URL of their page under ``page``), in
    the page's language: 3 queries (units, leaders, their photos' renditions; a fourth for the photos
    when any leader has one)."""
    language = page_language(page)
    rows = list(units())
    base = page.url
    return {
        "unit_tree": unit_tree(rows, language),
        "directory": directory(rows, language),
        "leaders": [
            LeaderEntry(official, language, base + page.reverse_subpage("leader", args=[official.pk]) if base else None)
            for official in leaders()
        ],
    }


def _section_url(model, request, language: str) -> str | None:
    section = section_page(model, request, language)
    return section.get_url(request) if section is not None else None


def leader(request, page, official_id: int):
    """``lanh-dao/<id>/``: the leader, the latest directives they directed and tasks they assigned;
    their position, unit and biography in the page's language. The directives and tasks are the
    portal's own (Vietnamese) pages, linked in the page's language when it has them."""
    official = (
        Official.objects.select_related("agency", "photo").filter(pk=official_id).first()
        if official_id < 2**31
        else None
    )
    if official is None:
        raise Http404("no such leader")
    language = page_language(page)
    activity = leader_activity(official, timezone.localdate())
    directives_url = _section_url(DirectiveIndexPage, request, language)
    return page.render(
        request,
        template="organisation/leader_page.html",
        context_overrides={
            "leader": LeaderEntry(official, language),
            "activity": activity,
            "directives_url": f"{directives_url}?leader={official.pk}" if directives_url else None,
            "tasks_url": _section_url(TaskIndexPage, request, language),
        },
    )


def contact_context(page, request) -> dict:
    """The authority's contact (its profile, for the request's site; its name in the page's
    language), the map links, the units."""
    language = page_language(page)
    authority = authority_contact(Site.find_for_request(request), language)
    return {
        "authority": authority,
        "map_links": page.links_to_map(authority),
        "directory": directory(units(), language),
    }
