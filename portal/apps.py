from django.apps import AppConfig
from django.core import checks


class PortalConfig(AppConfig):
    name = "portal"
    label = "portal"
    verbose_name = "Portal foundation"

    def ready(self):
        from . import absolute_urls

        absolute_urls.install()
        checks.register(absolute_urls.check_public_base_url, checks.Tags.security, deploy=True)
