"""Models of the directives app: shared taxonomy, legal documents, directives and task tracking."""

from .taxonomy import Agency, DocumentType, Field, Official

# isort: split
from .legal import (
    INVERSE_LABELS,
    LegalDocumentAttachment,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalDocumentRelation,
    RelationType,
)
from .tasks import (
    DirectiveAttachment,
    DirectiveIndexPage,
    DirectiveKind,
    DirectivePage,
    ManualState,
    TaskIndexPage,
    TaskPage,
    TaskProgressReport,
)

__all__ = [
    "INVERSE_LABELS",
    "Agency",
    "DirectiveAttachment",
    "DirectiveIndexPage",
    "DirectiveKind",
    "DirectivePage",
    "DocumentType",
    "Field",
    "LegalDocumentAttachment",
    "LegalDocumentIndexPage",
    "LegalDocumentPage",
    "LegalDocumentRelation",
    "ManualState",
    "Official",
    "RelationType",
    "TaskIndexPage",
    "TaskPage",
    "TaskProgressReport",
]
