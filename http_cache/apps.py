from django.apps import AppConfig

from .signals import connect_signals


class HttpCacheConfig(AppConfig):
    """Listed in INSTALLED_APPS so that every process (web, import commands) replaces the version."""

    name = "http_cache"
    label = "http_cache"
    verbose_name = "HTTP cache"

    def ready(self):
        connect_signals()
