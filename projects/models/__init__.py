"""Models of the projects app: investment projects and procurement (``projects``), and statistics
(``statistics``). Re-exported here, so migrations and other code name them as
``projects.models.<Name>``; the import order is the order Wagtail lists the page types in."""

from .projects import (
    ProjectFile,
    ProjectIndexPage,
    ProjectKind,
    ProjectLegalDocument,
    ProjectPage,
    ProjectStatus,
    SelectionMethod,
)

# isort: split
from .statistics import PeriodKind, StatisticsIndexPage, StatisticsPage

__all__ = [
    "PeriodKind",
    "ProjectFile",
    "ProjectIndexPage",
    "ProjectKind",
    "ProjectLegalDocument",
    "ProjectPage",
    "ProjectStatus",
    "SelectionMethod",
    "StatisticsIndexPage",
    "StatisticsPage",
]
