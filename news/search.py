"""How news is searched (``search.registry``), registered by ``NewsConfig.ready()``."""

from search.registry import SearchDocument

from .models import NewsPage

DOCUMENTS = [
    SearchDocument(
        "news",
        NewsPage,
        "published_on",
        ("lead", "body"),
        label="Tin tức",
        date_label="Ngày đăng",
        order=3,
    ),
]
