from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """The activity report the editorial board sends to the provincial department: what every
    content app published in a period."""

    name = "reports"
    verbose_name = _("Báo cáo hoạt động")
