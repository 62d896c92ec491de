"""RSS 2.0 feeds of news: ``/feeds/news.rss`` (every category) and ``/feeds/news/<slug>.rss``.

A category (chuyên mục) is a live, public ``NewsIndexPage`` of the site, found by its slug.
In every language (docs/english.md): ``/feeds/…`` lists the Vietnamese news, ``/en/feeds/…`` the
English translations (the English tree, its categories by their English slug), with the
authority's English name and ``<language>en</language>``.
"""

from dataclasses import dataclass

from django.http import Http404
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import gettext as _

from portal.feeds import FEED_SIZE, PortalFeed, local_datetime, nfc, portal_name, site_root

from .models import NewsIndexPage, NewsPage


@dataclass
class NewsChannel:
    title: str
    description: str
    link: str
    news: list[NewsPage]
    category_titles: dict[str, str]  # path of a category page -> its title


class NewsFeed(PortalFeed):
    """The latest live, public news of the site, or of one category."""

    def get_object(self, request, category: str | None = None) -> NewsChannel:
        root = site_root(request)  # the home page in the request's language
        name = portal_name(request)
        # The pages of that language only: its tree holds no other, this says so
        in_language = {"locale_id": root.locale_id}
        categories = {
            page.path: page for page in NewsIndexPage.objects.descendant_of(root).filter(**in_language).live().public()
        }
        news = NewsPage.objects.filter(**in_language).live().public().defer_streamfields()
        if category is None:
            news = news.descendant_of(root)
            title = _("Tin tức – %(portal)s") % {"portal": name}
            description = _("Tin tức mới nhất của %(portal)s") % {"portal": name}
            link = root.get_full_url(request)
        else:
            index = next((page for page in categories.values() if page.slug == category), None)
            if index is None:
                raise Http404(_("Không có chuyên mục tin này."))
            news = news.child_of(index)
            title = _("%(category)s – %(portal)s") % {"category": index.title, "portal": name}
            description = _("Tin mới nhất chuyên mục %(category)s của %(portal)s") % {
                "category": index.title,
                "portal": name,
            }
            link = index.get_full_url(request)
        items = list(news.order_by("-published_on", "-first_published_at", "-pk")[:FEED_SIZE])
        return NewsChannel(
            title=nfc(title),
            description=nfc(description),
            link=link,
            news=items,
            category_titles={path: page.title for path, page in categories.items()},
        )

    def title(self, obj: NewsChannel) -> str:
        return obj.title

    def description(self, obj: NewsChannel) -> str:
        return obj.description

    def link(self, obj: NewsChannel) -> str:
        return obj.link

    def items(self, obj: NewsChannel) -> list[NewsPage]:
        self._category_titles = obj.category_titles
        return obj.news

    def item_title(self, item: NewsPage) -> str:
        return nfc(item.title)

    def item_description(self, item: NewsPage) -> str:
        return escape(nfc(item.lead or item.search_description))  # RSS descriptions are HTML

    def item_pubdate(self, item: NewsPage):
        return local_datetime(item.published_on, item.first_published_at)

    def item_author_name(self, item: NewsPage) -> str | None:
        return nfc(item.author) or None

    def item_categories(self, item: NewsPage) -> list[str]:
        title = self._category_titles.get(item.path[: -item.steplen])
        return [nfc(title)] if title else []


def category_feed(page) -> tuple[str, str] | None:
    """The feed a news category page announces besides the portal's: (title, URL)."""
    if isinstance(page, NewsIndexPage) and page.live:
        return page.title, reverse("feed-news-category", args=[page.slug])
    return None
