"""How drafts opened for comment are searched (``search.registry``), registered by
``ConsultationConfig.ready()``. Only the draft's own text is indexed, never its comments."""

from search.registry import SearchDocument

from .models import DraftPage

DOCUMENTS = [
    SearchDocument(
        "draft",
        DraftPage,
        "opens_on",
        ("summary", "body"),
        label="Dự thảo lấy ý kiến",
        date_label="Ngày bắt đầu lấy ý kiến",
        order=4,
        related=("drafting_unit",),
    ),
]
