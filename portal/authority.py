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


@dataclass(frozen=True)
class AuthorityContact:
    """The authority's name and its public contact points (all may be empty)."""

    name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""


#: ``(site, language) -> AuthorityContact``; set by the app that keeps the authority's profile.
_reader: Callable | None = None


def set_authority_contact(function: Callable) -> None:
    """Register ``function(site, language) -> AuthorityContact`` (from an ``AppConfig.ready()``):
    the authority's name in ``language`` (a code of ``WAGTAIL_CONTENT_LANGUAGES``) when the profile
    has it, else its own; the contact points are the same in every language."""
    global _reader
    _reader = function


def authority_contact(site, language: str | None = None) -> AuthorityContact:
    """The contact of the authority owning ``site`` (empty when unknown), its name in ``language``
    (default: the portal's language, ``LANGUAGE_CODE``)."""
    from django.conf import settings

    if site is None or _reader is None:
        return AuthorityContact()
    return _reader(site, language or settings.LANGUAGE_CODE)
