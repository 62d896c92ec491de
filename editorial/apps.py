from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    """The editorial board's side: roles, the approval workflow (and later royalties, reports)."""

    name = "editorial"
    verbose_name = _("Ban Biên tập")

    def ready(self):
        from . import signals  # noqa: F401
