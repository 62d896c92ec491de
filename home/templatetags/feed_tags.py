"""``{% feed_links %}``: the RSS feeds a page announces in its ``<head>`` (autodiscovery)."""

from django import template
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext as _

from news.models import NewsIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def feed_links(context) -> str:
    """Links to the news and legal-document feeds, and to the category's feed on a category page."""
    feeds = [
        (_("Tin tức"), reverse("feed-news")),
        (_("Văn bản"), reverse("feed-legal-documents")),
    ]
    page = context.get("page")
    if isinstance(page, NewsIndexPage) and page.live:
        feeds.append((page.title, reverse("feed-news-category", args=[page.slug])))
    return format_html_join("\n    ", '<link rel="alternate" type="application/rss+xml" title="{}" href="{}">', feeds)
