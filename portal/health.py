"""``/healthz``: whether this server can serve, for a load balancer (docs/deployment.md, "Logs,
errors and health").

Each check is a function that returns when its part works and raises when it does not. The
foundation checks the ``database`` (``SELECT 1``) and the ``cache`` (a key set, read back and
deleted); an upper app registers its own (``register_check``: the search app registers ``search``
from its ``ready()``). The answer is JSON, never cached, open to anyone, and names no internals::

    {"status": "ok", "checks": {"database": "ok", "search": "ok", "cache": "ok"}}

200 when every check passed, 503 when one failed (``"status": "fail"``, that check ``"fail"``). A
failure is logged as a warning on ``portal.health`` with its reason, not as a server error (no
mail to ``ADMINS``, no ``django.request`` record).
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable

from django.core.cache import caches
from django.db import connections
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger("portal.health")

_checks: dict[str, Callable[[], None]] = {}


def register_check(name: str, check: Callable[[], None], *, before: str | None = None) -> None:
    """Add ``check`` (raises when ``name`` is not working) to ``/healthz``, before the check named
    ``before`` if given, else last."""
    global _checks
    items = [(n, c) for n, c in _checks.items() if n != name]
    position = next((i for i, (n, _c) in enumerate(items) if n == before), len(items))
    items.insert(position, (name, check))
    _checks = dict(items)


def checks() -> dict[str, Callable[[], None]]:
    return dict(_checks)


def check_database() -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise RuntimeError("SELECT 1 did not answer 1")


def check_cache() -> None:
    cache = caches["default"]
    key = f"portal-healthz-{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    try:
        if cache.get(key) != "ok":
            raise RuntimeError("the value set was not read back")
    finally:
        cache.delete(key)


register_check("database", check_database)
register_check("cache", check_cache)


def run_checks() -> tuple[bool, dict[str, str]]:
    """(all passed, {name: "ok" | "fail"}), in the order of registration."""
    results = {}
    for name, check in _checks.items():
        try:
            check()
        except Exception as error:  # a failing part is reported, whatever it raised
            logger.warning("health check %s failed: %s: %s", name, type(error).__name__, str(error)[:300])
            results[name] = "fail"
        else:
            results[name] = "ok"
    return all(value == "ok" for value in results.values()), results


@never_cache
def healthz(request):
    healthy, results = run_checks()
    response = JsonResponse({"status": "ok" if healthy else "fail", "checks": results}, status=200 if healthy else 503)
    # A failing check is a warning above (portal.health), not a server error for django.request to
    # log at ERROR and mail: the load balancer acts on the 503.
    response._has_been_logged = True
    return response
