"""Background tasks (django-tasks, which Wagtail uses for search and reference indexing).

``DeferrableImmediateBackend`` runs tasks at once, like Django's immediate backend, except
inside ``deferred_tasks()``: there, tasks are collected, de-duplicated and run when the block
ends without an error, with search-index updates sent to the backend in bulk. A bulk import
saves each page three times (create, revision, publish); without this every save re-indexes
the page, and on SQLite each index update rescans the whole index to refresh title norms,
so import time grew with the square of the number of documents.
"""

import logging
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id
from modelsearch.backends import get_search_backends_with_name

logger = logging.getLogger(__name__)

_pending: ContextVar[dict | None] = ContextVar("deferred_tasks", default=None)

SEARCH_TASK = "modelsearch.tasks.insert_or_update_object_task"


class DeferrableImmediateBackend(ImmediateBackend):
    def enqueue(self, task, args, kwargs):
        pending = _pending.get()
        if pending is None:
            return super().enqueue(task, args, kwargs)
        self.validate_task(task)
        result = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=None,
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        key = (task.module_path, repr(args), repr(sorted(kwargs.items())))
        pending.setdefault(key, result)
        return result

    def run_deferred(self, results: Iterable[TaskResult]) -> None:
        search = defaultdict(set)
        for result in results:
            if result.task.module_path == SEARCH_TASK:
                app_label, model_name, pk = result.args
                search[(app_label, model_name)].add(pk)
            else:
                self._execute_task(result)
        for (app_label, model_name), pks in search.items():
            _index_in_bulk(apps.get_model(app_label, model_name), pks)


def _index_in_bulk(model, pks) -> None:
    """Index ``pks`` of ``model`` on every auto-updated backend, one bulk request each.

    Like modelsearch on a single save, an error of an external engine (``catch_indexing_errors``)
    is logged and does not fail the import: the engine backends
    (``search/backends/elasticsearch.py``) have recorded the objects for ``manage.py search_sync``.
    A database backend's error is raised.
    """
    objects = list(model.get_indexed_objects().filter(pk__in=pks))
    if not objects:
        return
    for name, backend in get_search_backends_with_name(with_auto_update=True):
        try:
            backend.add_bulk(model, objects)
        except Exception:
            if not backend.catch_indexing_errors:
                raise
            logger.exception(
                "Exception raised while adding %d %s objects into the '%s' search backend",
                len(objects),
                model._meta.label,
                name,
            )


def deferring() -> bool:
    """Whether the caller runs inside a ``deferred_tasks()`` block (its tasks run when that ends)."""
    return _pending.get() is not None


@contextmanager
def deferred_tasks() -> Iterator[None]:
    """Collect the tasks enqueued inside; run each distinct one once when the block succeeds.

    Blocks nest: an inner block that succeeds hands its tasks to the outer one; a block
    that raises drops its tasks (their objects were rolled back with it).
    """
    outer = _pending.get()
    mine: dict = {}
    token = _pending.set(mine)
    try:
        yield
    finally:
        _pending.reset(token)
    if outer is not None:
        for key, result in mine.items():
            outer.setdefault(key, result)
        return
    from django_tasks import task_backends

    backend = task_backends["default"]
    if isinstance(backend, DeferrableImmediateBackend):
        backend.run_deferred(mine.values())
    else:  # a real queue: hand them over
        for result in mine.values():
            backend.enqueue(result.task, result.args, result.kwargs)
