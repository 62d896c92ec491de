from django.apps import AppConfig
from django.core import checks


class PortalConfig(AppConfig):
    name = "portal"
    label = "portal"
    verbose_name = "Portal foundation"

    def ready(self):
        """The page types' write schemas of Wagtail's generic page endpoints (``portal.api.writes``):
        installed here, after every app's models and before ``wagtail.locales`` (below in
        ``INSTALLED_APPS``) imports Wagtail's page router, which builds its bodies from them; API
        tokens stored independently of ``SECRET_KEY`` (patch 10, for ``manage.py api_tokens`` too); the
        absolute URLs from the request or ``PUBLIC_BASE_URL`` (``portal.absolute_urls``)."""
        from . import absolute_urls
        from .wagtail_patches import install_token_digest, install_write_schemas

        install_write_schemas()
        install_token_digest()  # API tokens independent of SECRET_KEY (patch 10)

        absolute_urls.install()
        checks.register(absolute_urls.check_public_base_url, checks.Tags.security, deploy=True)
