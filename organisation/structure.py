"""The authority's organisation as the introduction and contact pages show it: plain functions over
the shared taxonomy (``directives.Agency``, ``directives.Official``), testable without HTTP.

- A **unit** is an agency with a ``kind`` (``directives.models.UnitKind``); the others (ministries,
  the Government…) are only named by documents. Units are shown in ``display_order``, then by name.
- The **organisation chart** (``unit_tree``) nests each unit under its parent when the parent is a
  unit too; a unit whose parent is not a unit (the authority under its province) is a root. The
  children of a unit are grouped by kind (specialised agencies, public service units, communes…).
- The **leaders** of the authority are the officials marked ``is_authority_leader``; any official
  (a former leader too) has a page listing the directives they directed and the tasks those
  directives assigned (``leader_activity``), newest first, limited.
- **Languages**: a page shows the units and leaders in its own language (``language``, a code of
  ``WAGTAIL_CONTENT_LANGUAGES``): a unit's name and functions, a leader's position and biography in
  that language when the row has them (``text_in``: ``name_en``…), else in Vietnamese; the kinds'
  labels and headings from the catalogue of that language.

Every function reads a fixed number of queries, whatever the number of units or leaders.
"""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils import translation
from django.utils.translation import pgettext_lazy

from directives.models import Agency, DirectivePage, Official, TaskPage, UnitKind
from directives.tracking import with_status

#: The portrait size on the pages (Wagtail image filter spec).
PORTRAIT = "fill-160x200"
#: How many directives and tasks a leader's page lists (the full lists are linked).
LATEST = 10

KIND_ORDER = {kind: position for position, kind in enumerate(UnitKind.values)}
#: The heading of a group of units of one kind (the chart's and the directory's): the kind's label
#: in Vietnamese, a plural in English ("Specialised agencies").
KIND_HEADINGS = {
    UnitKind.AUTHORITY: pgettext_lazy("nhóm đơn vị", "Cơ quan chủ quản"),
    UnitKind.SPECIALISED_AGENCY: pgettext_lazy("nhóm đơn vị", "Cơ quan chuyên môn"),
    UnitKind.PUBLIC_SERVICE_UNIT: pgettext_lazy("nhóm đơn vị", "Đơn vị sự nghiệp công lập"),
    UnitKind.COMMUNE: pgettext_lazy("nhóm đơn vị", "Ủy ban nhân dân cấp xã"),
    UnitKind.OTHER: pgettext_lazy("nhóm đơn vị", "Đơn vị khác"),
}


def text_in(row, field: str, language: str | None = None) -> str:
    """``row``'s ``field`` in ``language``: its ``<field>_<language>`` column (``name_en``) when the
    row has one and it is filled, else ``field`` itself (the Vietnamese)."""
    if language and language != settings.LANGUAGE_CODE:
        translated = getattr(row, f"{field}_{language}", "")
        if translated:
            return translated
    return getattr(row, field)


def _words(text, language: str | None):
    """A lazy text read in ``language`` (None: left lazy, read in the active language)."""
    if not language:
        return text
    with translation.override(language):
        return str(text)


def units() -> QuerySet:
    """The units of the authority's organisation (agencies with a kind), in display order."""
    return Agency.objects.exclude(kind="").select_related("parent").order_by("display_order", "name", "pk")


def leaders(*, authority_only: bool = True, photos: QuerySet | None = None) -> QuerySet:
    """Officials in display order (the authority's leaders first), with their unit; their photos
    loaded from ``photos`` (default: images with the page's ``PORTRAIT`` rendition prefetched, so
    no query per photo)."""
    from wagtail.images import get_image_model

    queryset = Official.objects.select_related("agency")
    if authority_only:
        queryset = queryset.filter(is_authority_leader=True)
    if photos is None:
        photos = get_image_model().objects.prefetch_renditions(PORTRAIT)
    return queryset.prefetch_related(Prefetch("photo", queryset=photos)).order_by(
        "-is_authority_leader", "display_order", "name", "pk"
    )


@dataclass
class UnitGroup:
    """The children of a unit that are of one kind (or the roots of one kind)."""

    kind: str
    label: str
    nodes: list["UnitNode"] = field(default_factory=list)


@dataclass
class UnitNode:
    unit: Agency
    children: list["UnitNode"] = field(default_factory=list)
    #: the language the page shows the unit in (None: the active language)
    language: str | None = None

    @property
    def name(self) -> str:
        return text_in(self.unit, "name", self.language)

    @property
    def functions(self) -> str:
        return text_in(self.unit, "functions", self.language)

    @property
    def groups(self) -> list[UnitGroup]:
        """The children grouped by kind, in the kinds' order; children keep their display order."""
        return group_by_kind(self.children, self.language)


def kind_label(kind: str, language: str | None = None) -> str:
    """The kind's label (the API's ``kind_label``), in ``language`` (default: the active one)."""
    return str(_words(UnitKind(kind).label, language)) if kind in UnitKind.values else ""


def kind_heading(kind: str, language: str | None = None) -> str:
    """The heading of a group of units of this kind, in ``language`` (default: the active one)."""
    return str(_words(KIND_HEADINGS[kind], language)) if kind in KIND_HEADINGS else ""


def group_by_kind(nodes: list[UnitNode], language: str | None = None) -> list[UnitGroup]:
    groups: dict[str, UnitGroup] = {}
    for node in nodes:
        kind = node.unit.kind
        groups.setdefault(kind, UnitGroup(kind, kind_heading(kind, language))).nodes.append(node)
    return sorted(groups.values(), key=lambda group: KIND_ORDER.get(group.kind, len(KIND_ORDER)))


def unit_tree(rows, language: str | None = None) -> list[UnitNode]:
    """The organisation chart of ``rows`` (units in display order): the roots, each with its
    children nested, every level in the order of ``rows``.

    A unit whose parent is not among ``rows`` is a root. Units whose parents form a circle (A under
    B under A: nothing in the admin forbids it) are not lost: the first unit in ``rows`` that no root
    reaches becomes a root, and so on until every unit is in the chart once."""
    rows = list(rows)
    nodes = {unit.pk: UnitNode(unit, language=language) for unit in rows}
    roots: list[UnitNode] = []
    for unit in rows:
        parent = nodes.get(unit.parent_id) if unit.parent_id != unit.pk else None
        (parent.children if parent is not None else roots).append(nodes[unit.pk])
    reached = set()

    def walk(node_list):
        for node in node_list:
            reached.add(node.unit.pk)
            walk(node.children)

    walk(roots)
    for unit in rows:  # a circle: cut it at its first unit in display order
        if unit.pk not in reached:
            node = nodes[unit.pk]
            parent = nodes[unit.parent_id]
            parent.children.remove(node)
            roots.append(node)
            walk([node])
    position = {unit.pk: index for index, unit in enumerate(rows)}
    return sorted(roots, key=lambda node: position[node.unit.pk])


def flatten(tree: list[UnitNode], depth: int = 0) -> list[tuple[int, Agency]]:
    """(depth, unit) in the chart's reading order (children in the order the page shows them)."""
    out = []
    for node in tree:
        out.append((depth, node.unit))
        for group in node.groups:
            out.extend(flatten(group.nodes, depth + 1))
    return out


def directory(rows, language: str | None = None) -> list[UnitGroup]:
    """The units grouped by kind, for the directory of contacts (each group in display order)."""
    return group_by_kind([UnitNode(unit, language=language) for unit in rows], language)


@dataclass
class LeaderEntry:
    """A leader as a page shows them: the official (name, photo, contacts: the same in every
    language), their position, unit and biography in the page's ``language``, and the URL of their
    page (None: no live introduction page)."""

    official: Official
    language: str | None = None
    url: str | None = None

    @property
    def position(self) -> str:
        return text_in(self.official, "position", self.language)

    @property
    def biography(self) -> str:
        return text_in(self.official, "biography", self.language)

    @property
    def unit_name(self) -> str:
        """The name of the leader's unit (select ``agency`` with the official)."""
        agency = self.official.agency if self.official.agency_id else None
        return text_in(agency, "name", self.language) if agency is not None else ""


@dataclass
class LeaderActivity:
    """What a leader's page lists: the latest directives they directed and the latest tasks those
    directives assigned (with ``current_status`` on ``today``), and how many there are in all."""

    directives: list
    directive_count: int
    tasks: list
    task_count: int


def leader_directives(official: Official) -> QuerySet:
    return DirectivePage.objects.live().public().filter(directing_leader=official).order_by("-issued_on", "-pk")


def leader_tasks(official: Official, today: date) -> QuerySet:
    tasks = TaskPage.objects.live().public().filter(source_directive__directing_leader=official)
    return with_status(tasks, today).select_related("lead_unit", "source_directive").order_by("-assigned_on", "-pk")


def leader_activity(official: Official, today: date, limit: int = LATEST) -> LeaderActivity:
    """The leader's latest directives and tasks (4 queries: two counts, two lists)."""
    directives = leader_directives(official)
    tasks = leader_tasks(official, today)
    return LeaderActivity(
        directives=list(directives[:limit]),
        directive_count=directives.count(),
        tasks=list(tasks[:limit]),
        task_count=tasks.count(),
    )
