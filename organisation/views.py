"""The public pages of ``/gioi-thieu/`` and ``/lien-he/`` (thin: what they show is read by
``organisation.structure``)."""

from django.http import Http404
from django.utils import timezone
from wagtail.models import Site

from directives.models import DirectiveIndexPage, Official, TaskIndexPage
from portal.authority import authority_contact

from .structure import directory, leader_activity, leaders, unit_tree, units


def introduction_context(page) -> dict:
    """The chart, the directory and the leaders: 3 queries (units, leaders, their photos' renditions;
    a fourth for the photos when any leader has one)."""
    rows = list(units())
    return {"unit_tree": unit_tree(rows), "directory": directory(rows), "leaders": list(leaders())}


def _section_url(model, request) -> str | None:
    section = model.objects.live().public().first()
    return section.get_url(request) if section is not None else None


def leader(request, page, official_id: int):
    """``lanh-dao/<id>/``: the leader, the latest directives they directed and tasks they assigned."""
    official = (
        Official.objects.select_related("agency", "photo").filter(pk=official_id).first()
        if official_id < 2**31
        else None
    )
    if official is None:
        raise Http404("no such leader")
    activity = leader_activity(official, timezone.localdate())
    directives_url = _section_url(DirectiveIndexPage, request)
    return page.render(
        request,
        template="organisation/leader_page.html",
        context_overrides={
            "leader": official,
            "activity": activity,
            "directives_url": f"{directives_url}?leader={official.pk}" if directives_url else None,
            "tasks_url": _section_url(TaskIndexPage, request),
        },
    )


def contact_context(page, request) -> dict:
    """The authority's contact (its profile, for the request's site), the map links, the units."""
    authority = authority_contact(Site.find_for_request(request))
    return {
        "authority": authority,
        "map_links": page.links_to_map(authority),
        "directory": directory(units()),
    }
