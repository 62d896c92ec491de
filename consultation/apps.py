from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsultationConfig(AppConfig):
    name = "consultation"
    verbose_name = _("Lấy ý kiến dự thảo")

    def ready(self):
        """Register what this app adds to the portal: its record type, search document, API router,
        feed, its report section, and the personal data of its comments (erased after the retention
        period)."""
        from django.urls import path
        from wagtail.permissions import register_permission_policy

        from portal.api.registry import register_router
        from portal.feeds import AnnouncedFeed, announce_feed
        from portal.importing import register_record_type
        from portal.reporting import register_report_section
        from portal.submissions import register_personal_data
        from portal.urls import register_urls
        from search import registry as search

        from .admin_views import CommentPermissionPolicy
        from .api import drafts_router
        from .feeds import DraftFeed
        from .importing import import_draft
        from .models import DraftComment
        from .reporting import drafts_section
        from .retention import erase
        from .search import DOCUMENTS

        register_record_type("draft", import_draft)
        search.register(documents=DOCUMENTS)
        register_router("/drafts/", drafts_router)
        announce_feed(AnnouncedFeed(_("Lấy ý kiến dự thảo"), "feed-drafts", order=30))
        register_urls(path("feeds/drafts.rss", DraftFeed.as_view(), name="feed-drafts"))
        register_personal_data("draft_comments", erase)
        register_report_section("drafts", drafts_section, order=35)
        register_permission_policy(DraftComment, CommentPermissionPolicy(DraftComment))
