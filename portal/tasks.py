"""Background tasks (django-tasks, which Wagtail uses for search and reference indexing).

``DeferrableImmediateBackend`` runs tasks at once, like Django's immediate backend, except
inside ``deferred_tasks()``: there, tasks are collected, de-duplicated and run when the block
ends without an error, with search-index updates sent to the backend in bulk. A bulk import
saves each page three times (create, revision, publish); without this every save re-indexes
the page, and on SQLite each index update rescans the whole index to refresh title norms,
so import time grew with the square of the number of documents.
"""

import logging
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.apps import apps
from django.db import transaction
from django_tasks.backends.immediate import ImmediateBackend
from django_tasks.base import TaskResult, TaskResultStatus
from modelsearch.backends import get_search_backends_with_name

logger = logging.getLogger(__name__)

_pending: ContextVar[dict | None] = ContextVar("deferred_tasks", default=None)

SEARCH_TASK = "modelsearch.tasks.insert_or_update_object_task"
REFERENCE_TASK = "wagtail.tasks.update_reference_index_task"


class DeferrableImmediateBackend(ImmediateBackend):
    def enqueue(self, task, args, kwargs):
        pending = _pending.get()
        if pending is None:
            return super().enqueue(task, args, kwargs)
        self.validate_task(task)
        result = TaskResult(
            task=task,
            id=uuid.uuid4().hex,  # django_tasks' get_random_id draws 32 characters one by one
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
        search, references = defaultdict(set), defaultdict(set)
        for result in results:
            if result.task.module_path == SEARCH_TASK:
                app_label, model_name, pk = result.args
                search[(app_label, model_name)].add(pk)
            elif result.task.module_path == REFERENCE_TASK and _references_in_bulk(result.args):
                app_label, model_name, pk = result.args
                references[(app_label, model_name)].add(pk)
            else:
                self._execute_task(result)
        for (app_label, model_name), pks in references.items():
            _reference_index_in_bulk(apps.get_model(app_label, model_name), pks)
        for (app_label, model_name), pks in search.items():
            _index_in_bulk(apps.get_model(app_label, model_name), pks)


def _references_in_bulk(args) -> bool:
    """Whether a reference-index task's object is indexed under itself (not a ``ParentalKey`` child
    row, which Wagtail's task indexes under its parent: those run one by one)."""
    from modelcluster.fields import ParentalKey

    model = apps.get_model(args[0], args[1])
    return not any(isinstance(f, ParentalKey) for f in model._meta.get_fields())


def _reference_index_in_bulk(model, pks) -> None:
    """``wagtail.tasks.update_reference_index_task`` for many objects of ``model`` in a fixed number
    of statements: the objects with their child rows, their stored references, the new ones, the
    removed ones — what ``ReferenceIndex.create_or_update_for_object`` does per object, with its
    own extraction of an object's references (on SQLite a commit per object, an fsync each, was
    the cost of a bulk import's reference indexing). Tested against Wagtail's per-object method
    (tests/test_bulk_import.py)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from modelcluster.models import ClusterableModel, get_all_child_relations
    from wagtail.models import ReferenceIndex

    if not ReferenceIndex.is_indexed(model):
        return
    children = (
        [relation.get_accessor_name() for relation in get_all_child_relations(model)]
        if issubclass(model, ClusterableModel)
        else []
    )
    objects = list(model.objects.filter(pk__in=pks).prefetch_related(*children))
    if not objects:
        return
    content_types = [
        ContentType.objects.get_for_model(m, for_concrete_model=False) for m in [model, *model._meta.get_parent_list()]
    ]
    content_type, base_content_type = content_types[0], content_types[-1]
    known_content_type_ids = {ct.id for ct in content_types}
    stored: dict[str, dict[tuple, tuple[int, int]]] = defaultdict(dict)
    rows = ReferenceIndex.objects.filter(
        base_content_type=base_content_type, object_id__in=[str(obj.pk) for obj in objects]
    ).values_list("id", "content_type_id", "object_id", "to_content_type", "to_object_id", "model_path", "content_path")
    for row_id, content_type_id, object_id, *reference in rows:
        stored[object_id][tuple(reference)] = (content_type_id, row_id)
    new_rows, removed = [], []
    for obj in objects:
        references = set(ReferenceIndex._extract_references_from_object(obj))
        held = stored.get(str(obj.pk), {})
        new_rows += [
            ReferenceIndex(
                content_type=content_type,
                base_content_type=base_content_type,
                object_id=obj.pk,
                to_content_type_id=to_content_type_id,
                to_object_id=to_object_id,
                model_path=model_path,
                content_path=content_path,
                content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
            )
            for to_content_type_id, to_object_id, model_path, content_path in references - held.keys()
        ]
        # A row kept under a more specific content type is another model's view of the object: kept.
        removed += [
            row_id
            for reference, (content_type_id, row_id) in held.items()
            if reference not in references and content_type_id in known_content_type_ids
        ]
    with transaction.atomic():
        ReferenceIndex.objects.bulk_create(new_rows, ignore_conflicts=connection.features.supports_ignore_conflicts)
        if removed:
            ReferenceIndex.objects.filter(id__in=removed).delete()


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
