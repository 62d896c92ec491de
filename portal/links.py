"""Where an object of a lower layer is shown on the public site, when an app above publishes it.

A leader (``directives.Official``) is defined in ``directives``, but has a public page only where
the ``organisation`` app shows it (``/gioi-thieu/lanh-dao/<id>/``). ``directives`` must not
import ``organisation``: so the upper app registers, from its ``AppConfig.ready()``, a resolver
for the model (``register_public_url``), and the lower app's templates ask for the object's URL
with the ``public_url`` tag (``{% load portal_links %}``), which answers None when no app
publishes that object (then the template shows the name without a link).
"""

from collections.abc import Callable

#: model label ("directives.Official") -> ``(obj, request | None) -> str | None``
_resolvers: dict[str, Callable] = {}


def register_public_url(model_label: str, resolver: Callable) -> None:
    """Make ``public_url(obj)`` of the model ``model_label`` answer ``resolver(obj, request)``; once
    per model (the same resolver again is kept)."""
    if _resolvers.get(model_label, resolver) is not resolver:
        raise ValueError(f"a public URL resolver is already registered for {model_label!r}")
    _resolvers[model_label] = resolver


def public_url(obj, request=None) -> str | None:
    """The URL of the public page showing ``obj``, or None (nothing publishes it, or ``obj`` is None).

    A resolver called for many objects of one request (the rows of a listing) should read what it
    needs once per request, so a listing's queries do not grow with its rows."""
    if obj is None or getattr(obj, "_meta", None) is None:
        return None
    resolver = _resolvers.get(obj._meta.label)
    return resolver(obj, request) if resolver is not None else None
