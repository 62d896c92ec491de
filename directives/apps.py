from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectivesConfig(AppConfig):
    name = "directives"
    verbose_name = _("Văn bản và chỉ đạo điều hành")

    def ready(self):
        """Register what this app adds to the portal: record types, API routers, the feed and the
        activity-report section."""
        from django.urls import path

        from portal.api.registry import register_router
        from portal.feeds import AnnouncedFeed, announce_feed
        from portal.importing import register_record_type
        from portal.reporting import register_report_section
        from portal.urls import register_urls
        from search import registry as search

        from .api import directives_router, legal_documents_router
        from .api import router as tasks_router
        from .feeds import LegalDocumentFeed
        from .importing import import_directive, import_legal_document, import_legal_documents, import_task
        from .reporting import directives_section
        from .search import DOCUMENTS, FACETS, FILTERS

        register_record_type("legal_document", import_legal_document, bulk=import_legal_documents)
        register_record_type("directive", import_directive)
        register_record_type("task", import_task)
        search.register(documents=DOCUMENTS, filters=FILTERS, facets=FACETS)
        register_router("/legal-documents/", legal_documents_router)
        register_router("/directives/", directives_router)
        register_router("/tasks/", tasks_router)
        announce_feed(AnnouncedFeed(_("Văn bản"), "feed-legal-documents", order=20))
        register_report_section("directives", directives_section, order=20)
        register_urls(path("feeds/legal-documents.rss", LegalDocumentFeed.as_view(), name="feed-legal-documents"))
