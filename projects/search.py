"""How projects and statistics are searched (``search.registry``), registered by
``ProjectsConfig.ready()``: two search documents, and the project filters and facets (kind,
status), named ``project_kind`` and ``project_status`` (``status`` is the legal documents' validity)."""

from search.registry import Facet, SearchDocument, SearchFilter

from .filters import by_kind, by_status
from .models import ProjectKind, ProjectPage, ProjectStatus, StatisticsPage


def _kinds() -> list[tuple[str, str]]:
    return [(code, str(label)) for code, label in ProjectKind.choices]


def _statuses() -> list[tuple[str, str]]:
    return [(code, str(label)) for code, label in ProjectStatus.choices]


FILTERS = [
    SearchFilter(
        "project_kind",
        None,  # the kind codes (``choices``)
        {"default": None, "description": "Kind of project or bidding notice (projects only)."},
        "Loại dự án",
        "Loại dự án không hợp lệ.",
        choices=_kinds,
    ),
    SearchFilter(
        "project_status",
        None,
        {"default": None, "description": "Status of the project (projects only)."},
        "Tình trạng dự án",
        "Tình trạng dự án không hợp lệ.",
        choices=_statuses,
    ),
]

FACETS = [
    Facet("project_kind", "choice", "Loại dự án", 70, choices=_kinds),
    Facet("project_status", "choice", "Tình trạng dự án", 71, choices=_statuses),
]

DOCUMENTS = [
    SearchDocument(
        "project",
        ProjectPage,
        "decided_on",
        ("summary", "body", "investor.name", "location"),
        label="Dự án, đấu thầu",
        date_label="Ngày phê duyệt",
        order=7,
        filters={"project_kind": by_kind, "project_status": by_status},
        related=("investor",),
        facet_columns=("kind", "status"),
        count_facets=lambda matches: {
            "project_kind": matches.counts("kind"),
            "project_status": matches.counts("status"),
        },
    ),
    SearchDocument(
        "statistics",
        StatisticsPage,
        "published_on",
        ("intro", "table_text", "note"),
        label="Thống kê",
        date_label="Ngày công bố",
        order=8,
        related=("publishing_unit",),
    ),
]
