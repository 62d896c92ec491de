"""How the introduction page is searched (``search.registry``): its own text — functions and duties,
history, the note on the organisation. Units and leaders are rows of the taxonomy, not pages: a
search for them finds the pages that name them (directives, tasks)."""

from search.registry import SearchDocument

from .models import IntroductionPage

DOCUMENTS = [
    SearchDocument(
        "introduction",
        IntroductionPage,
        "updated_on",
        ("intro", "functions", "history"),
        label="Giới thiệu",
        date_label="Ngày cập nhật",
        order=7,
    ),
]
