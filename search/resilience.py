"""Search that keeps working, and loses nothing, while the search engine is unreachable.

- **Saving**: the Elasticsearch/OpenSearch backends (``search/backends/elasticsearch.py``, through
  ``RecordFailuresMixin``) record every index update the engine did not take as a
  ``PendingIndexUpdate`` (``record_failure``) and re-raise; modelsearch and ``portal.tasks`` log and
  swallow the error, so the page saves and publishes.
- **Replaying**: ``manage.py search_sync`` calls ``replay()``: each recorded object is indexed
  again as it is *now* (added if it still exists and is indexable, removed otherwise); a row is
  deleted once the engine took it and kept (attempts + 1) while it still fails.
- **Searching**: ``with_fallback`` runs a search on the default backend and, when the engine
  cannot answer, again on the database backend configured beside it (``FALLBACK_BACKEND``), and
  says so (the API's ``X-Search-Backend`` header, the page's notice).
- **Not waiting on a hung engine**: once the engine did not answer at all (refused, timed out),
  it is marked down in this process for ``RETRY_AFTER`` seconds (``SEARCH_RETRY_AFTER``):
  meanwhile searches go straight to the fallback and index updates are recorded without being
  sent, so only one request per period waits ``SEARCH_TIMEOUT``; ``search_sync`` ignores the
  mark, and clears it when the engine takes its updates.

See docs/search-backends.md, "When the engine is down".
"""

import logging
import time
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from typing import TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db import router, transaction
from django.db.models import F
from django.utils import timezone
from modelsearch.backends import get_search_backend, import_backend
from modelsearch.conf import get_app_config

from .backends.config import DEFAULT_RETRY_AFTER, FALLBACK_BACKEND
from .models import PendingIndexUpdate

logger = logging.getLogger(__name__)

T = TypeVar("T")

#: Response header naming the backend that answered, set when the fallback answered.
BACKEND_HEADER = "X-Search-Backend"
FALLBACK_HEADER_VALUE = "database; fallback"

_ERROR_LENGTH = 2000
_CHUNK = 500
_replaying: ContextVar[bool] = ContextVar("search_replaying", default=False)


# --- Recording ------------------------------------------------------------------------------------


class RecordFailuresMixin:
    """Index updates the engine did not take (unreachable, timeout, error) are recorded, then
    re-raised: modelsearch logs and swallows them on save (``catch_indexing_errors``), so the
    page still saves, and ``manage.py search_sync`` replays them (``replay``). While the engine
    is marked down (``engine_down``) they are recorded without being sent (``EngineDown``)."""

    def __init__(self, params):
        params = dict(params)
        params.pop("RETRY_AFTER", None)  # read by engine_down(), by the backend's name
        super().__init__(params)

    def add(self, obj):
        self._update("add", obj._meta.model, [obj], super().add, obj)

    def add_bulk(self, model, obj_list):
        self._update("add", model, obj_list, super().add_bulk, model, obj_list)

    def delete(self, obj):
        self._update("delete", obj._meta.model, [obj], super().delete, obj)

    def _update(self, action, model, objects, send, *args):
        name = backend_name(self)
        try:
            if not _replaying.get():  # search_sync is the explicit "try now"
                down = engine_down(name)
                if down:
                    raise EngineDown(f"the engine did not answer {down:.0f}s ago; not asked again yet")
            send(*args)
        except Exception as error:
            if is_unreachable(error):
                mark_down(name)
            record_failure(self, action, model, objects, error)
            raise
        if _replaying.get():
            mark_up(name)


class EngineDown(Exception):
    """An index update not sent: the engine did not answer a moment ago (``engine_down``)."""


# --- "Engine down" marks: one hung request per RETRY_AFTER seconds, not one per search or save ----

_down_since: dict[str, float] = {}  # backend name → time.monotonic() of its last unanswered request


def retry_after(name: str) -> int:
    """The backend's RETRY_AFTER (SEARCH_RETRY_AFTER): 0 when it is not configured or not an engine."""
    config = get_app_config().get_search_backend_config().get(name) or {}
    if "URLS" not in config and "HOSTS" not in config:
        return 0
    return int(config.get("RETRY_AFTER", DEFAULT_RETRY_AFTER))


def engine_down(name: str = "default") -> float:
    """Seconds since the engine ``name`` last did not answer, if that is less than its
    RETRY_AFTER (then it is not asked: searches use the fallback, updates are recorded); else 0."""
    since = _down_since.get(name)
    if since is None:
        return 0.0
    elapsed = max(time.monotonic() - since, 1e-6)
    if elapsed < retry_after(name):
        return elapsed
    _down_since.pop(name, None)  # time is up: the next request asks the engine again
    return 0.0


def mark_down(name: str) -> None:
    if retry_after(name) > 0:
        _down_since[name] = time.monotonic()


def mark_up(name: str) -> None:
    _down_since.pop(name, None)


def clear_marks() -> None:
    """Forget every mark (tests: a mark lives as long as the process)."""
    _down_since.clear()


@cache
def _unreachable_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = []
    try:
        from elastic_transport import ConnectionError as TransportConnectionError
        from elastic_transport import ConnectionTimeout

        errors += [TransportConnectionError, ConnectionTimeout]
    except ImportError:
        pass
    try:
        from opensearchpy.exceptions import ConnectionError as OpenSearchConnectionError

        errors.append(OpenSearchConnectionError)  # ConnectionTimeout and SSLError too
    except ImportError:
        pass
    return tuple(errors)


def is_unreachable(error: BaseException) -> bool:
    """The engine did not answer at all (refused, reset, timed out): not an error status."""
    errors = _unreachable_errors()
    return bool(errors) and isinstance(error, errors)


def backend_name(backend) -> str:
    """The name (in WAGTAILSEARCH_BACKENDS) of a backend instance: the entry of its class (and
    index prefix, when several entries share a class); ``default`` if none matches."""
    matches = []
    for name, config in get_app_config().get_search_backend_config().items():
        try:
            cls = import_backend(config["BACKEND"])
        except ImportError:
            continue
        if cls is type(backend):
            matches.append((name, config))
    if len(matches) > 1:
        prefix = getattr(backend, "index_prefix", None)
        matches = [m for m in matches if m[1].get("INDEX_PREFIX", "") == prefix] or matches
    return matches[0][0] if matches else "default"


def record_failure(backend, action: str, model, objects: Iterable, error: BaseException) -> None:
    """Record that ``action`` ("add" or "delete") of ``objects`` failed on ``backend``.

    One row per (backend, object): a later failure updates it (action, attempts, error). Never
    raises: a page save must not fail because the record of a failed index update could not be
    written (a savepoint keeps the caller's transaction usable); the failure is logged instead.
    """
    ids = list(dict.fromkeys(str(obj.pk) for obj in objects if obj.pk is not None))
    if not ids:
        return
    name = backend_name(backend)
    message = f"{type(error).__name__}: {error}"[:_ERROR_LENGTH]
    try:
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        with transaction.atomic(using=router.db_for_write(PendingIndexUpdate)):
            _upsert(name, content_type, action, ids, message)
    except Exception:
        logger.exception(
            "Could not record %d failed index update(s) (%s %s on '%s'); run `manage.py update_index`",
            len(ids),
            action,
            model._meta.label,
            name,
        )
        return
    logger.log(
        logging.DEBUG if _replaying.get() else logging.WARNING,  # search_sync reports its own failures
        "Search backend '%s' did not take %s of %d %s object(s) (%s); recorded for `manage.py search_sync`",
        name,
        action,
        len(ids),
        model._meta.label,
        message,
    )


def _upsert(name: str, content_type, action: str, ids: list[str], message: str) -> None:
    now = timezone.now()
    rows = PendingIndexUpdate.objects.filter(backend=name, content_type=content_type)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        existing = set(rows.filter(object_id__in=chunk).values_list("object_id", flat=True))
        if existing:
            rows.filter(object_id__in=existing).update(
                action=action, attempts=F("attempts") + 1, last_failed_at=now, last_error=message
            )
        new = [
            PendingIndexUpdate(
                backend=name,
                content_type=content_type,
                object_id=object_id,
                action=action,
                first_failed_at=now,
                last_failed_at=now,
                last_error=message,
            )
            for object_id in chunk
            if object_id not in existing
        ]
        # Another process may have recorded the same object meanwhile: its row stands.
        PendingIndexUpdate.objects.bulk_create(new, ignore_conflicts=True)


# --- Replaying ------------------------------------------------------------------------------------


@dataclass
class ReplayReport:
    applied: int = 0  # rows the engine took (deleted)
    added: int = 0  # of which: objects (re)indexed
    removed: int = 0  # of which: objects removed from the index
    failed: int = 0  # rows kept: the engine still failed
    skipped: int = 0  # rows kept: their backend is not configured (or not an engine)
    discarded: int = 0  # rows dropped: their model no longer exists (or discard_unusable)
    errors: list[str] = field(default_factory=list)

    @property
    def remaining(self) -> int:
        return self.failed + self.skipped


def pending_count() -> int:
    return PendingIndexUpdate.objects.count()


def replay(
    *, batch_size: int = 100, backends: Iterable[str] | None = None, discard_unusable: bool = False
) -> ReplayReport:
    """Apply the recorded updates, oldest first, to the engine that missed them.

    Each object is indexed as it is now: still present and indexable → added (in bulk), gone →
    removed; so whatever happened to it since, the latest state wins. A row is deleted once the
    engine took it (unless it was recorded again meanwhile); once a backend fails, its remaining
    rows are left for the next run rather than each waiting for a timeout. Rows of a backend that
    is not (or no longer) an engine in the settings are kept, or deleted with ``discard_unusable``.
    """
    token = _replaying.set(True)
    try:
        return _replay(batch_size, backends, discard_unusable)
    finally:
        _replaying.reset(token)


def _replay(batch_size: int, backends: Iterable[str] | None, discard_unusable: bool) -> ReplayReport:
    report = ReplayReport()
    configured = get_app_config().get_search_backend_config()
    rows = PendingIndexUpdate.objects.select_related("content_type").order_by("first_failed_at", "pk")
    if backends is not None:
        rows = rows.filter(backend__in=list(backends))
    groups: dict[tuple[str, int], list[PendingIndexUpdate]] = {}
    for row in rows:
        groups.setdefault((row.backend, row.content_type_id), []).append(row)

    down: set[str] = set()
    instances: dict[str, object] = {}
    unusable: dict[str, list[PendingIndexUpdate]] = {}  # backend not configured, or no engine
    for (name, _ct), group in groups.items():
        if name in unusable or name not in configured:
            unusable.setdefault(name, []).extend(group)
            continue
        if name in down:
            report.failed += len(group)
            continue
        if name not in instances:
            instances[name] = get_search_backend(name)
        backend = instances[name]
        if not isinstance(backend, RecordFailuresMixin):
            unusable.setdefault(name, []).extend(group)
            continue
        model = group[0].content_type.model_class()
        if model is None:
            PendingIndexUpdate.objects.filter(pk__in=[row.pk for row in group]).delete()
            report.discarded += len(group)
            continue
        error = _replay_group(backend, model, group, batch_size, report)
        if error is not None:
            down.add(name)
            report.errors.append(f"{name}: the engine still fails ({type(error).__name__}: {error})"[:_ERROR_LENGTH])
    for name, rows_of in unusable.items():
        if discard_unusable:
            PendingIndexUpdate.objects.filter(pk__in=[row.pk for row in rows_of]).delete()
            report.discarded += len(rows_of)
            continue
        report.skipped += len(rows_of)
        report.errors.append(
            f"{name}: not a search engine backend in WAGTAILSEARCH_BACKENDS (is SEARCH_URL set?); "
            f"{len(rows_of)} update(s) kept. If the engine is gone for good, run search_sync "
            "--discard-unusable (and update_index if an engine is set up again)."
        )
    return report


def _replay_group(backend, model, group: list[PendingIndexUpdate], batch_size: int, report: ReplayReport):
    """Replay one backend's rows for one model; the engine's error (the rest counted failed) or None."""
    present = {}
    for start in range(0, len(group), _CHUNK):
        chunk = [row.object_id for row in group[start : start + _CHUNK]]
        for obj in model.get_indexed_objects().filter(pk__in=chunk):
            present[str(obj.pk)] = obj
    to_add = [row for row in group if row.object_id in present]
    to_remove = [row for row in group if row.object_id not in present]
    done = 0
    for start in range(0, len(to_add), batch_size):
        batch = to_add[start : start + batch_size]
        try:
            backend.add_bulk(model, [present[row.object_id] for row in batch])
        except Exception as error:  # recorded again (attempts + 1) by the backend itself
            report.failed += len(group) - done
            return error
        _forget(batch)
        done += len(batch)
        report.added += len(batch)
        report.applied += len(batch)
    for row in to_remove:
        stub = model(pk=model._meta.pk.to_python(row.object_id))
        try:
            backend.delete(stub)
        except Exception as error:
            report.failed += len(group) - done
            return error
        _forget([row])
        done += 1
        report.removed += 1
        report.applied += 1
    return None


def _forget(rows: list[PendingIndexUpdate]) -> None:
    """Delete applied rows, unless a new failure was recorded for the object since they were read."""
    for row in rows:
        PendingIndexUpdate.objects.filter(pk=row.pk, attempts=row.attempts, last_failed_at=row.last_failed_at).delete()


# --- Searching with a fallback --------------------------------------------------------------------


@cache
def _client_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = []
    try:
        from elastic_transport import TransportError

        errors.append(TransportError)  # connection refused, timeouts, TLS …
    except ImportError:
        pass
    try:
        from elasticsearch import ApiError

        errors.append(ApiError)  # an answer with an error status (5xx, 429, missing index …)
    except ImportError:
        pass
    try:
        from opensearchpy.exceptions import OpenSearchException

        errors.append(OpenSearchException)
    except ImportError:
        pass
    return tuple(errors)


def is_engine_error(error: BaseException) -> bool:
    """Raised by an Elasticsearch/OpenSearch client: the engine could not answer."""
    errors = _client_errors()
    return bool(errors) and isinstance(error, errors)


def has_fallback() -> bool:
    return FALLBACK_BACKEND in get_app_config().get_search_backend_config()


def with_fallback(run: Callable[[str], T]) -> tuple[T, bool]:
    """``run(backend_name)`` on the default backend; when the engine fails, on the fallback.

    Returns the result and whether the fallback answered. Other errors (``SearchError`` for a
    bad request, bugs) propagate, as does an engine error when no fallback is configured. While
    the engine is marked down (it did not answer less than RETRY_AFTER seconds ago) the fallback
    answers without the engine being asked.
    """
    if has_fallback() and engine_down("default"):
        return run(FALLBACK_BACKEND), True
    try:
        return run("default"), False
    except Exception as error:
        if not (is_engine_error(error) and has_fallback()):
            raise
        if is_unreachable(error):
            mark_down("default")
        logger.warning("Search engine unavailable (%s: %s); answering from the database", type(error).__name__, error)
    return run(FALLBACK_BACKEND), True
