"""How published questions and answers are searched (``search.registry``)."""

from search.registry import SearchDocument

from .models import QuestionPage

DOCUMENTS = [
    SearchDocument(
        "question",
        QuestionPage,
        "answered_on",
        ("question", "answer"),
        label="Hỏi đáp",
        date_label="Ngày trả lời",
        order=6,
        related=("field", "answering_unit"),
    ),
]
