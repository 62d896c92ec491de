"""What the apps register with the layers below them (docs/architecture.md): record types, search
documents, filters and facets, API routers, URLs and feeds."""

import pytest
from django.urls import reverse

from directives.models import LegalDocumentPage
from news.models import NewsPage
from portal.api.registry import routers
from portal.feeds import announced_feeds
from portal.importing import handlers, register_record_type
from search.registry import Facet, Registry, SearchDocument, SearchFilter, registry


def test_every_app_registered_its_record_types_routers_urls_and_feeds():
    assert {"news", "legal_document", "directive", "task"} <= set(handlers())
    assert {"/news/", "/legal-documents/", "/directives/", "/tasks/", "/search/"} <= {p for p, _r in routers()}
    feeds = [feed.url_name for feed in announced_feeds()]
    assert feeds.index("feed-news") < feeds.index("feed-legal-documents")  # by their order
    assert reverse("search") == "/tim-kiem/"
    assert reverse("feed-news-category", args=["kinh-te"]) == "/feeds/news/kinh-te.rss"


def test_the_search_documents_come_in_their_order_with_their_filters_and_facets():
    codes = list(registry.documents())
    assert [c for c in codes if c in ("legal_document", "directive", "task", "news")] == [
        "legal_document",
        "directive",
        "task",
        "news",
    ]
    assert list(registry.filters())[:5] == ["document_type", "issuing_body", "field", "status", "unit"]
    facets = [f.name for f in registry.facets().values()]
    assert [f for f in facets if f in registry.filters()][:5] == [
        "document_type",
        "issuing_body",
        "field",
        "status",
        "unit",
    ]
    assert set(registry.documents()["directive"].filters) == {"field"}


def test_a_record_type_is_registered_once():
    existing = handlers()["news"]
    register_record_type("news", existing)  # the same handler again (a second ready()): kept
    with pytest.raises(ValueError, match="already registered"):
        register_record_type("news", lambda record: "created")
    assert handlers()["news"] is existing


def test_a_search_registry_refuses_a_second_type_of_the_same_code_and_unknown_filters():
    own = Registry()
    news = SearchDocument("news", NewsPage, "published_on", ("lead",), "Tin tức", "Ngày đăng", order=2)
    own.register(documents=[news])
    own.register(documents=[news])  # the same declaration again: kept
    with pytest.raises(ValueError, match="already registered"):
        own.register(documents=[SearchDocument("news", NewsPage, "published_on", ("body",), "Tin", "Ngày")])
    with pytest.raises(ValueError, match="unregistered filter"):
        own.register(
            documents=[
                SearchDocument(
                    "legal_document",
                    LegalDocumentPage,
                    "issued_on",
                    ("summary",),
                    "Văn bản",
                    "Ngày ban hành",
                    filters={"signer": lambda qs, value, today: qs.filter(signer=value)},
                )
            ]
        )


def test_a_search_registry_orders_documents_and_facets():
    own = Registry()
    own.register(
        documents=[
            SearchDocument("news", NewsPage, "published_on", ("lead",), "Tin tức", "Ngày đăng", order=5),
            SearchDocument("legal_document", LegalDocumentPage, "issued_on", ("summary",), "Văn bản", "Ngày", order=1),
        ],
        filters=[SearchFilter("signer", str | None, {"default": None}, "Người ký", "Người ký không hợp lệ.")],
        facets=[Facet("b", "named", "B", 70), Facet("a", "named", "A", 10)],
    )
    assert list(own.documents()) == ["legal_document", "news"]
    assert list(own.facets()) == ["a", "b"]
    assert list(own.filters()) == ["signer"]
