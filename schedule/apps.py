from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScheduleConfig(AppConfig):
    name = "schedule"
    verbose_name = _("Lịch công tác")

    def ready(self):
        """Register what this app adds: its record type, API router and report section. Its pages
        and iCalendar feeds are routes of its section page; its entries are not in the site search
        (docs/schedule.md)."""
        from portal.api.registry import register_router
        from portal.importing import register_record_type
        from portal.reporting import register_report_section
        from portal.urls import register_urls

        from .api import schedule_router
        from .importing import import_schedule_entry
        from .reporting import schedule_section

        register_record_type("schedule_entry", import_schedule_entry)
        register_router("/schedule/", schedule_router)
        register_urls("schedule.urls")
        register_report_section("schedule", schedule_section, order=25)
