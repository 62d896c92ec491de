from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("Tin tức")

    def ready(self):
        """Register what this app adds to the portal: its record type, API router, feed and
        activity-report section."""
        from django.urls import path

        from portal.api.registry import register_router
        from portal.feeds import AnnouncedFeed, announce_feed
        from portal.importing import register_record_type
        from portal.reporting import register_report_section
        from portal.urls import register_localized_urls
        from search import registry as search

        from .api import news_router
        from .feeds import NewsFeed, category_feed
        from .importing import import_news
        from .reporting import news_section
        from .search import DOCUMENTS

        register_record_type("news", import_news)
        search.register(documents=DOCUMENTS)
        register_router("/news/", news_router)
        announce_feed(AnnouncedFeed(_("Tin tức"), "feed-news", section=category_feed, order=10, languages=("vi", "en")))
        register_report_section("news", news_section, order=10)
        # /feeds/… the Vietnamese news, /en/feeds/… the English (docs/english.md)
        register_localized_urls(
            path("feeds/news.rss", NewsFeed.as_view(), name="feed-news"),
            path("feeds/news/<str:category>.rss", NewsFeed.as_view(), name="feed-news-category"),
        )
