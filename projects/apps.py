from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Dự án, đấu thầu và thống kê")

    def ready(self):
        """Register what this app adds: its record type, search documents (with their filters and
        facets), API routers, public URLs (the feed, the CSV files of statistics tables), the review
        workflow on its two sections and its report section."""
        from django.urls import path, re_path

        from editorial.signals import review_section
        from portal.api.registry import register_router
        from portal.feeds import AnnouncedFeed, announce_feed
        from portal.importing import register_record_type
        from portal.reporting import register_report_section
        from portal.urls import register_urls
        from search import registry as search

        from .api import projects_router, statistics_router
        from .feeds import ProjectFeed
        from .importing import import_project
        from .models import ProjectIndexPage, StatisticsIndexPage
        from .public import statistics_csv
        from .reporting import projects_section
        from .search import DOCUMENTS, FACETS, FILTERS
        from .statistics_importing import import_statistics

        register_record_type("project", import_project)
        register_record_type("statistics", import_statistics)
        search.register(documents=DOCUMENTS, filters=FILTERS, facets=FACETS)
        register_router("/projects/", projects_router)
        register_router("/statistics/", statistics_router)
        announce_feed(AnnouncedFeed(_("Dự án, đấu thầu"), "feed-projects", order=50))
        register_urls(
            path("feeds/projects.rss", ProjectFeed.as_view(), name="feed-projects"),
            re_path(
                r"^(?P<page_path>(?:[\w-]+/)+)bang-(?P<number>[0-9]+)\.csv$",
                statistics_csv,
                name="statistics-table-csv",
            ),
        )
        review_section(ProjectIndexPage)
        review_section(StatisticsIndexPage)
        register_report_section("projects", projects_section, order=40)
