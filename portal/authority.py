"""The authority that owns the portal, as the apps below ``home/`` read it: its name and public
contact points.

The authority's profile is a site setting kept by an app of a higher layer (``home``); that app
registers a reader from its ``AppConfig.ready()`` (``set_authority_contact``), as it registers the
authority's name for the feeds (``portal.feeds.set_authority_name``). A page of a lower layer (the
contact page of ``organisation``) reads it with ``authority_contact(site, language)`` and never
imports ``home``. Without a reader (a project without ``home``) the contact is empty.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from wagtail.models import Site


@dataclass(frozen=True)
class AuthorityContact:
    """The authority's name and its public contact points (all may be empty)."""

    name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    #: The last day of an authority that no longer exists (a district after 1 July 2025): its portal
    #: is then an archive; ``None`` for a working authority.
    closed_on: date | None = None

    def reference_day(self, today: date) -> date:
        """The day figures derived from dates (task statuses) are given on: ``today``, or the
        closing day of an authority that closed before it."""
        return self.closed_on if self.closed_on and self.closed_on < today else today

    def is_closed(self, today: date) -> bool:
        """Whether the authority had closed by ``today`` (its portal takes no more submissions)."""
        return self.closed_on is not None and self.closed_on < today


#: ``(site, language, request=None) -> AuthorityContact``; set by the app that keeps the authority's
#: profile.
_reader: Callable | None = None


def set_authority_contact(function: Callable) -> None:
    """Register ``function(site, language, request=None) -> AuthorityContact`` (from an
    ``AppConfig.ready()``): the authority's name in ``language`` (a code of
    ``WAGTAIL_CONTENT_LANGUAGES``) when the profile has it, else its own; the contact points are the
    same in every language. Given the request, the reader may reuse what the request already read."""
    global _reader
    _reader = function


def authority_contact(site, language: str | None = None) -> AuthorityContact:
    """The contact of the authority owning ``site`` (empty when unknown), its name in ``language``
    (default: the portal's language, ``LANGUAGE_CODE``)."""
    if site is None or _reader is None:
        return AuthorityContact()
    return _reader(site, language or settings.LANGUAGE_CODE)


def authority_for_request(request, language: str | None = None) -> AuthorityContact:
    """The contact of the authority owning the site that serves ``request`` (empty when unknown),
    read through the request (the profile the page's template reads too)."""
    site = Site.find_for_request(request)
    if site is None or _reader is None:
        return AuthorityContact()
    return _reader(site, language or settings.LANGUAGE_CODE, request)
