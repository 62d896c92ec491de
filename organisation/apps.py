from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationConfig(AppConfig):
    name = "organisation"
    verbose_name = _("Giới thiệu, tổ chức bộ máy, liên hệ")

    def ready(self):
        """Register what this app adds: the record types ``unit`` and ``leader``, the introduction
        page's search document, the API router ``/api/v3/organisation/`` and the leaders' public
        pages (``portal.links``, which the directives' templates use to link a leader's name)."""
        from portal.api.registry import register_router
        from portal.importing import register_record_type
        from portal.links import register_public_url
        from search import registry as search

        from .api import router
        from .importing import import_leader, import_unit
        from .links import leader_url
        from .search import DOCUMENTS

        register_record_type("unit", import_unit)
        register_record_type("leader", import_leader)
        search.register(documents=DOCUMENTS)
        register_router("/organisation/", router)
        register_public_url("directives.Official", leader_url)
