"""The routers apps add to ``/api/v3/``: each app registers its own from ``AppConfig.ready()``;
the API's assembly (``cms.api``) mounts them all."""

from django.utils.module_loading import import_string

_routers: dict[str, object] = {}


def register_router(prefix: str, router) -> None:
    """Serve ``router`` (a Ninja ``Router``, or the dotted path of one, imported when the API is
    assembled: for a router whose schema depends on what other apps register) under
    ``/api/v3/<prefix>``, e.g. ``"/news/"``."""
    if _routers.get(prefix, router) != router:
        raise ValueError(f"an API router is already registered at {prefix!r}")
    _routers[prefix] = router


def routers() -> list[tuple[str, object]]:
    """(prefix, router) in the order they were registered."""
    return [(prefix, import_string(r) if isinstance(r, str) else r) for prefix, r in _routers.items()]
