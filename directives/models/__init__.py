"""Models of the directives app: shared taxonomy, legal documents, directives and task tracking.

One module per kind: ``taxonomy`` (snippets the pages refer to), ``base`` (abstract bases),
``legal``, ``directives``, ``tasks``; each imports only those before it. Every model is
re-exported here, so migrations and other apps name them as ``directives.models.<Name>``.

The imports run in definition order, and that order is a contract: Wagtail lists page types in
the order their models are defined (the API schema's ``oneOf`` lists, the admin's page-type
choices): LegalDocumentIndexPage, LegalDocumentPage, DirectiveIndexPage, DirectivePage,
TaskIndexPage, TaskPage. The ``isort: split`` markers keep the import sorter from reordering them.
"""

from .taxonomy import Agency, DocumentType, Field, Official, UnitKind

# isort: split
from .legal import (
    INVERSE_LABELS,
    LegalDocumentAttachment,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    LegalDocumentRelation,
    RelationType,
)

# isort: split
from .directives import DirectiveAttachment, DirectiveIndexPage, DirectiveKind, DirectivePage

# isort: split
from .tasks import ManualState, TaskIndexPage, TaskPage, TaskProgressReport

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
    "UnitKind",
]
