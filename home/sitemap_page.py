"""The HTML site map (``/so-do-trang/``, Decree 42/2022): every section of the portal, grouped as
in the main menu, with the sections inside it (its index pages, not its thousands of items: those
are in ``/sitemap.xml``), the feeds and the links to other agencies. Three queries."""

from dataclasses import dataclass, field

from wagtail.models import Page

from portal.menu import group_of

from .models import WebLink


@dataclass
class Section:
    page: Page
    children: list = field(default_factory=list)


@dataclass
class Group:
    label: object
    order: int
    sections: list = field(default_factory=list)


def _containers() -> set[int]:
    """Content types of the page models that hold other index pages (not only items)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import get_page_models

    containers = []
    for model in get_page_models():
        allowed = model.allowed_subpage_models()
        if any(sub.allowed_subpage_models() for sub in allowed):
            containers.append(model)
    return {ct.pk for ct in ContentType.objects.get_for_models(*containers, for_concrete_models=False).values()}


def site_map(home: Page) -> dict:
    sections = list(home.get_children().live().public().order_by("path").specific(defer=True))
    containers = _containers()
    inner = Page.objects.none()
    holders = [s for s in sections if s.content_type_id in containers]
    if holders:
        from django.db.models import Q

        within = Q()
        for holder in holders:
            within |= Q(path__startswith=holder.path, depth=holder.depth + 1)
        inner = Page.objects.live().public().filter(within).order_by("path")
    by_parent: dict[str, list] = {}
    for page in inner:
        by_parent.setdefault(page.path[: -page.steplen], []).append(page)
    groups: dict[str, Group] = {}
    alone = Group(label="", order=1000)
    for page in sections:
        group = group_of(type(page))
        target = alone if group is None else groups.setdefault(group.code, Group(group.label, group.order))
        target.sections.append(Section(page, by_parent.get(page.path, [])))
    ordered = sorted(groups.values(), key=lambda g: g.order) + ([alone] if alone.sections else [])
    links: dict[str, list] = {}
    for link in WebLink.objects.all():
        links.setdefault(link.group, []).append(link)
    return {"groups": ordered, "links": links}
