from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProceduresConfig(AppConfig):
    name = "procedures"
    verbose_name = _("Thủ tục hành chính")

    def ready(self):
        """Register what this app adds: its record type, search document (with its filters and
        facets), API router and report section."""
        from portal.api.registry import register_router
        from portal.importing import register_record_type
        from portal.reporting import register_report_section
        from search import registry as search

        from .api import procedures_router
        from .importing import import_procedure
        from .reporting import procedures_section
        from .search import DOCUMENTS, FACETS, FILTERS

        register_record_type("procedure", import_procedure)
        search.register(documents=DOCUMENTS, filters=FILTERS, facets=FACETS)
        register_router("/procedures/", procedures_router)
        register_report_section("procedures", procedures_section, order=25)
