from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "portal_search"
    verbose_name = _("Tìm kiếm")

    def ready(self):
        """The search API and page; after an import, the search index is optimized; the search
        backend's part of ``/healthz``."""
        from portal.api.registry import register_router
        from portal.health import register_check
        from portal.importing import content_imported
        from portal.urls import register_localized_urls

        from .health import check_search

        # Imported when the API and the URLs are assembled: their parameters and facets are those
        # the content apps register (search.registry) from their own ready().
        register_router("/search/", "search.api.router")
        register_localized_urls("search.urls")
        content_imported.connect(_optimize_after_import, dispatch_uid="search.optimize_after_import")
        register_check("search", check_search, before="cache")


def _optimize_after_import(sender, **kwargs):
    """Many index writes: leave the search index merged (``search.backends.database.optimize_indexes``)."""
    from .backends.database import optimize_indexes

    optimize_indexes()
