"""What every RSS feed of the portal shares, and the registry of the feeds pages announce.

Feeds list live, public pages of the site the request is for, newest first, at most
``FEED_SIZE``. Dates are written in the portal's time zone (Asia/Ho_Chi_Minh, ``+0700``),
text is Unicode NFC, links are absolute (``PUBLIC_BASE_URL``, else the request's host:
``portal.absolute_urls``) and each item's ``guid`` is a ``tag:`` URI that stays the same when the
page is renamed or moved.

A feed is in the request's language (docs/english.md): a feed routed in every language
(``portal.urls.register_localized_urls``) lists, under ``/en/``, the pages of the English tree
(``site_root``: the translation of the site's home page), with the authority's English name
(``portal_name``) and ``<language>en</language>``; without the prefix, the Vietnamese tree.
"""

from dataclasses import dataclass
from datetime import date, datetime, time
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from wagtail.models import Page, Site

from .absolute_urls import absolute_url
from .languages import active_language
from .text import nfc as _nfc

FEED_SIZE = 50


def nfc(value) -> str:
    """A feed's text: ``value`` as a string in Unicode NFC ("" for None)."""
    return _nfc(str(value or ""))


def local_datetime(day: date, moment: datetime | None) -> datetime:
    """The moment an item dated ``day`` appeared, in the portal's time zone.

    ``moment`` (e.g. when the page was first published) when it falls on ``day`` in local
    time, else the local midnight that starts ``day``: the date an editor chose wins.
    """
    zone = timezone.get_default_timezone()
    if moment is not None:
        local = timezone.localtime(moment, zone)
        if local.date() == day:
            return local
    return datetime.combine(day, time.min, tzinfo=zone)


#: ``(site, language) -> str``: the name of the authority owning ``site`` in ``language`` (a content
#: language code), else its Vietnamese name ("" if unknown); set by the app that keeps the
#: authority's profile (``set_authority_name``), from its ``AppConfig.ready()``.
_authority_name = None


def set_authority_name(function) -> None:
    """Register ``function(site, language) -> str``: the authority's name in that language, its
    Vietnamese name when it has none in that language (as the pages show it), "" if unknown."""
    global _authority_name
    _authority_name = function


def portal_name(request, language: str | None = None) -> str:
    """The authority's name in ``language`` (the request's by default), else its Vietnamese name,
    else the site's name, else ``WAGTAIL_SITE_NAME``."""
    site = Site.find_for_request(request)
    if site is None:
        return settings.WAGTAIL_SITE_NAME
    name = _authority_name(site, language or active_language()) if _authority_name is not None else ""
    return name or site.site_name or settings.WAGTAIL_SITE_NAME


def site_root(request, language: str | None = None) -> Page:
    """The home page of the request's site in ``language`` (the request's by default): the site's
    root page (the Vietnamese tree), or its live, public translation (``/en/``); Http404 when it
    has none."""
    site = Site.find_for_request(request) or Site.objects.select_related("root_page").get(is_default_site=True)
    language = language or active_language()
    if language == settings.LANGUAGE_CODE:
        return site.root_page
    translated = (
        Page.objects.filter(translation_key=site.root_page.translation_key, locale__language_code=language)
        .live()
        .public()
        .first()
    )
    if translated is None:
        raise Http404("This site has no home page in that language.")
    return translated


def page_guid(page: Page, request) -> str:
    """``tag:host,YYYY-MM-DD:page/ID`` (RFC 4151): the host, the date of first publication, the id."""
    host = urlsplit(page.get_full_url(request) or "").hostname or request.get_host().split(":")[0]
    published = page.first_published_at or page.last_published_at
    day = timezone.localdate(published) if published else date(2000, 1, 1)
    return f"tag:{host},{day.isoformat()}:page/{page.pk}"


class PortalFeed(Feed):
    """RSS 2.0 over live, public pages; subclasses define ``items``, titles and dates.

    Route ``SomeFeed.as_view()``: each request gets its own instance, which keeps the request
    for the item methods (Django passes them only the item).
    """

    feed_type = Rss201rev2Feed
    item_guid_is_permalink = False

    def __init__(self, request):
        self.request = request
        self.language = active_language()  # the URL's: /en/… English

    @classmethod
    def as_view(cls):
        def view(request, *args, **kwargs):
            return cls(request)(request, *args, **kwargs)

        view.__name__ = view.__qualname__ = cls.__name__
        view.__doc__ = cls.__doc__
        return view

    def feed_url(self) -> str:
        """The feed's own address (``atom:link rel="self"``), on the portal's public base
        (Django would write the request's host even when ``PUBLIC_BASE_URL`` is set)."""
        return absolute_url(self.request.path, self.request)

    def item_link(self, item) -> str:
        return item.get_full_url(self.request)

    def item_guid(self, item) -> str:
        return page_guid(item, self.request)


@dataclass(frozen=True)
class AnnouncedFeed:
    """A feed every page announces in its ``<head>`` (``{% feed_links %}``): a title and a URL name.

    ``section``: optional ``page -> (title, url) | None``, the feed of the section a page is
    (a news category's own feed). Feeds are announced by ``order``, lowest first. ``languages``:
    the content languages the feed has (an English page announces the feeds that have ``en``,
    at their ``/en/`` URL: the feed's routes must then be ``register_localized_urls``')."""

    title: object  # a string or a lazy translation
    url_name: str
    section: object = None
    order: int = 100
    languages: tuple[str, ...] = ("vi",)


_announced: list[AnnouncedFeed] = []


def announce_feed(feed: AnnouncedFeed) -> None:
    """Register a feed to announce (from an app's ``AppConfig.ready()``); once per URL name."""
    if all(f.url_name != feed.url_name for f in _announced):
        _announced.append(feed)


def announced_feeds() -> list[AnnouncedFeed]:
    return sorted(_announced, key=lambda feed: feed.order)
