"""``{% feed_links %}``: the RSS feeds a page announces in its ``<head>`` (autodiscovery)."""

from django import template
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html_join

from portal.feeds import announced_feeds

from .portal_tags import page_language

register = template.Library()


@register.simple_tag(takes_context=True)
def feed_links(context) -> str:
    """Links to the feeds the apps announce (``portal.feeds.announce_feed``), and to the section's
    own feed on a section page (a news category): those in the page's language, at that
    language's URLs (an English page: the English news feeds under ``/en/feeds/``)."""
    page = context.get("page")
    language = page_language(context)
    announced = [feed for feed in announced_feeds() if language in feed.languages]
    with translation.override(language):
        feeds = [(str(feed.title), reverse(feed.url_name)) for feed in announced]
        for feed in announced:
            own = feed.section(page) if feed.section is not None and page is not None else None
            if own is not None:
                feeds.append(own)
    return format_html_join("\n    ", '<link rel="alternate" type="application/rss+xml" title="{}" href="{}">', feeds)
