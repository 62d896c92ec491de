"""Publishing many new pages under one parent in a few statements: the bulk path of an import.

Wagtail creates a page with ``parent.add_child()`` and publishes it with ``save_revision().publish()``:
three saves, each fully validated, and around forty statements per page. Migrating a portal's
100,000 documents that way takes hours. ``publish_new_children`` stores what those calls store —
the page rows (every table of a multi-table page model, treebeard path, depth and the parent's
``numchild``, ``url_path``, a free slug among the siblings), one revision per page, marked latest and
live, the ``wagtail.publish`` entry of the page history — with a handful of bulk statements per
batch, then does what the saves' signals would: ``page_published`` per page, the search and
reference-index tasks (collected by ``portal.tasks.deferred_tasks`` and run in bulk when the
import's batch ends).

The caller validates the pages first (``clean_fields_in_memory`` runs Django's field checks that
need no query); child rows (``ParentalKey``) and ``ParentalManyToManyField`` values set on the page
objects in memory are stored too — with ``bulk_create``: their ``save()`` is not called, so the
caller sets the values a row's ``save()`` would derive. Runs inside the caller's transaction.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Sequence

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models
from django.utils import timezone
from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.models import Page, PageLogEntry, Revision
from wagtail.signals import page_published


def clean_fields_in_memory(page: Page) -> None:
    """Django's per-field validation (lengths, choices, blank) of ``page``, without the relation
    fields, whose checks query the database (the caller sets them from rows it looked up)."""
    excluded = [f.name for f in page._meta.get_fields() if f.is_relation or f.name in {"path", "depth", "numchild"}]
    page.clean_fields(exclude=excluded)


def free_slugs(parent: Page, wanted: Sequence[str]) -> list[str]:
    """A slug per page, free among ``parent``'s children and each other: ``wanted`` where it is,
    else the first of ``slug-1``, ``slug-2``… as ``wagtail.coreutils.find_available_slug`` picks.

    The siblings' slugs are looked up by exact value (``IN``, the slug index): the wanted ones,
    then for a slug already used or wanted twice, enough of its numbered forms to hold every page
    that wants it. ``find_available_slug`` lists the siblings whose slug begins with the wanted one
    (``LIKE``), which on SQLite reads every sibling: every document, once a portal holds 100,000.
    """
    counts = Counter(wanted)
    taken = _sibling_slugs(parent, counts)
    checked = dict.fromkeys(counts, 0)  # numbered forms looked up: slug-1 … slug-checked[slug]
    short = {slug: n - (slug not in taken) for slug, n in counts.items() if n > 1 or slug in taken}
    while short:
        forms = {slug: range(checked[slug] + 1, checked[slug] + missing + 21) for slug, missing in short.items()}
        taken |= _sibling_slugs(parent, [f"{slug}-{n}" for slug, numbers in forms.items() for n in numbers])
        for slug, numbers in forms.items():
            checked[slug] = numbers[-1]
            free = sum(f"{slug}-{n}" not in taken for n in range(1, checked[slug] + 1))
            short[slug] = counts[slug] - (slug not in taken) - free
        short = {slug: missing for slug, missing in short.items() if missing > 0}
    out: list[str] = []
    for slug in wanted:
        if slug in taken:
            number = 1
            while f"{slug}-{number}" in taken:
                number += 1
            slug = f"{slug}-{number}"
        taken.add(slug)
        out.append(slug)
    return out


def _sibling_slugs(parent: Page, slugs) -> set[str]:
    """Which of ``slugs`` a child of ``parent`` has (the pages elsewhere with them are few)."""
    depth, found = parent.depth + 1, set()
    listed = sorted(set(slugs))
    for start in range(0, len(listed), 500):
        rows = Page.objects.filter(slug__in=listed[start : start + 500]).values_list("slug", "path", "depth")
        found |= {slug for slug, path, d in rows if d == depth and path.startswith(parent.path)}
    return found


def _insert_rows(model, objs: list, fields: list) -> None:
    """INSERT one table's share of ``objs`` (a concrete parent's or the model's own local fields)."""
    manager = model._base_manager
    batch = max(1, connection.ops.bulk_batch_size(fields, objs) or len(objs))
    for start in range(0, len(objs), batch):
        manager._insert(objs[start : start + batch], fields=fields, using=manager.db)


def publish_new_children(
    parent: Page, pages: Sequence[Page], user=None, prepare: Callable[[Sequence[Page]], None] | None = None
) -> None:
    """Store ``pages`` (new, unsaved instances of one page model) as live children of ``parent``.

    ``prepare(pages)``, if given, runs once the pages have their ids and before their child rows
    and revisions are stored (e.g. to link child rows to pages of the same group).
    """
    if not pages:
        return
    model = type(pages[0])
    if any(type(p) is not model for p in pages):
        raise ValueError("publish_new_children takes pages of one model")
    now = timezone.now()
    if any(p.go_live_at and p.go_live_at > now for p in pages):
        raise ValueError("publish_new_children publishes now: a page to go live later takes the single path")
    parent = Page.objects.select_for_update().get(pk=parent.pk) if connection.vendor == "postgresql" else parent
    last = Page.objects.child_of(parent).order_by("-path").values_list("path", flat=True).first()
    step = Page._str2int(last[-Page.steplen :]) if last else 0
    depth = parent.depth + 1
    content_type = ContentType.objects.get_for_model(model)
    base_content_type = ContentType.objects.get_for_model(Page)
    # A new page has no child rows: relations left unset are empty ones (modelcluster would
    # otherwise query them, page by page, when the revision serialises the page).
    children = _child_names(model)
    for page in pages:
        held = getattr(page, "_cluster_related_objects", {})
        for name in children:
            if name not in held:
                setattr(page, name, [])
    for page, slug in zip(pages, free_slugs(parent, [p.slug for p in pages]), strict=True):
        step += 1
        page.path = Page._get_path(parent.path, depth, step)
        page.depth = depth
        page.numchild = 0
        page.slug = slug
        page.url_path = f"{parent.url_path}{slug}/"
        page.content_type = content_type
        page.locale_id = page.locale_id or parent.locale_id
        page.translation_key = page.translation_key or uuid.uuid4()
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.first_published_at or now
        page.last_published_at = now
        page.latest_revision_created_at = now

    # The page rows: wagtailcore_page first (its ids come back), then each concrete subclass table.
    base_fields = [f for f in Page._meta.local_concrete_fields if not f.primary_key]
    bases = Page.objects.bulk_create([Page(**{f.attname: getattr(p, f.attname) for f in base_fields}) for p in pages])
    chain = [m for m in reversed([model, *model._meta.get_parent_list()]) if m is not Page]
    links = [link.attname for m in chain for link in m._meta.parents.values()]  # page_ptr_id…
    for page, base in zip(pages, bases, strict=True):
        for attname in links:
            setattr(page, attname, base.pk)
    for table_model in chain:
        _insert_rows(table_model, list(pages), list(table_model._meta.local_concrete_fields))
    for page in pages:
        page._state.adding = False
        page._state.db = Page.objects.db
    Page.objects.filter(pk=parent.pk).update(numchild=models.F("numchild") + len(pages))
    parent.numchild += len(pages)

    if prepare is not None:
        prepare(pages)
    _store_cluster_children(model, pages)

    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type=content_type,
                base_content_type=base_content_type,
                object_id=str(page.pk),
                user=user,
                created_at=now,
                content=page.serializable_data(),
                object_str=str(page),
            )
            for page in pages
        ]
    )
    for page, revision in zip(pages, revisions, strict=True):
        page.latest_revision = page.live_revision = revision
    Page.objects.bulk_update(pages, ["latest_revision", "live_revision"])
    PageLogEntry.objects.bulk_create(
        [
            PageLogEntry(
                page_id=page.pk,
                content_type=content_type,
                label=str(page),
                action="wagtail.publish",
                data={},
                timestamp=now,
                user=user,
                revision=revision,
                content_changed=True,
            )
            for page, revision in zip(pages, revisions, strict=True)
        ]
    )
    _after_save(model, pages, revisions)


def _child_names(model) -> list[str]:
    """The page model's child relations and parental many-to-many fields (modelcluster's names)."""
    return [r.get_accessor_name() for r in get_all_child_relations(model)] + [
        f.name for f in get_all_child_m2m_relations(model)
    ]


def _store_cluster_children(model, pages: Sequence[Page]) -> None:
    """The child rows (``ParentalKey``) and parental many-to-many values set on ``pages`` in memory
    (what ``ClusterableModel.save()`` commits), a statement per relation for all the pages."""
    for relation in get_all_child_relations(model):
        name = relation.get_accessor_name()
        rows = []
        for page in pages:
            for row in page._cluster_related_objects[name]:
                setattr(row, relation.field.attname, page.pk)
                rows.append(row)
        if rows:
            relation.related_model.objects.bulk_create(rows)
    for field in get_all_child_m2m_relations(model):
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        rows = [
            through(**{f"{source}_id": page.pk, f"{target}_id": pk})
            for page in pages
            for pk in dict.fromkeys(obj.pk for obj in page._cluster_related_objects[field.name])
        ]
        if rows:
            through.objects.bulk_create(rows)


def _after_save(model, pages: Sequence[Page], revisions: Sequence[Revision]) -> None:
    """What the saves' signals do: search and reference-index tasks, ``page_published`` (whose
    receivers include the HTTP cache's: one new content version per transaction)."""
    from modelsearch.tasks import insert_or_update_object_task
    from wagtail.tasks import update_reference_index_task

    label, name = model._meta.app_label, model._meta.model_name
    for page, revision in zip(pages, revisions, strict=True):
        insert_or_update_object_task.enqueue(label, name, str(page.pk))
        update_reference_index_task.enqueue(label, name, str(page.pk))
        page_published.send(sender=model, instance=page, revision=revision)
