"""What keeps an object from being deleted: the records that point at it through a protecting
foreign key (``on_delete=PROTECT`` or ``RESTRICT``), such as a royalty (nhuận bút) of an article.

``protecting_objects`` asks Django's deletion collector — the one ``delete()`` runs — without
deleting anything; ``summary`` counts what it found per model, and ``describe`` says it in the
active language. Used by the admin's page deletion (``portal.wagtail_hooks``) and the API's 409
(``portal.wagtail_patches``, patch 8).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db import router
from django.db.models import Model, QuerySet
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.utils.translation import gettext as _


def protecting_objects(objects: Model | QuerySet) -> list[Model]:
    """The records that would refuse the deletion of ``objects`` (one instance or a queryset),
    [] when it may go ahead. For a page, pass its descendants too (``get_descendants(inclusive=True)``):
    deleting a page deletes them."""
    model = objects.model if isinstance(objects, QuerySet) else type(objects)
    collector = Collector(using=router.db_for_write(model))
    try:
        collector.collect(objects if isinstance(objects, QuerySet) else [objects])
    except ProtectedError as error:
        return list(error.protected_objects)
    except RestrictedError as error:
        return list(error.restricted_objects)
    return []


def summary(objects: Iterable[Model]) -> list[dict]:
    """One entry per model of ``objects``: ``model`` (``app_label.model_name``), ``name`` (its
    verbose name) and ``count``, most numerous first."""
    counts = Counter(type(obj) for obj in objects)
    return [
        {"model": model._meta.label_lower, "name": str(model._meta.verbose_name), "count": count}
        for model, count in counts.most_common()
    ]


def describe(objects: Iterable[Model]) -> str:
    """``objects`` in words: "2 bản ghi nhuận bút, 1 bản ghi …" (in the active language)."""
    return ", ".join(
        _("%(count)s bản ghi %(name)s") % {"count": entry["count"], "name": entry["name"]} for entry in summary(objects)
    )
