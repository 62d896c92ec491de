from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    label = "portal"
    verbose_name = "Portal foundation"

    def ready(self):
        """The page types' write schemas of Wagtail's generic page endpoints (``portal.api.writes``):
        installed here, after every app's models and before ``wagtail.locales`` (below in
        ``INSTALLED_APPS``) imports Wagtail's page router, which builds its bodies from them."""
        from .wagtail_patches import install_write_schemas

        install_write_schemas()
