"""When the content version is replaced: any model saved or deleted, a page published, unpublished or moved.

Once the transaction commits (at once outside one), and once per transaction. ``connect_signals``
is called by ``HttpCacheConfig.ready`` in every process (web and management commands).
"""

from __future__ import annotations

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from portal.backup import restored

from .version import bump_safely

# Saving these changes nothing that an anonymous reader is served.
IGNORED_MODELS = frozenset(
    {
        "sessions.session",
        "admin.logentry",
        "contenttypes.contenttype",
        "auth.permission",
        "wagtailcore.revision",
        "wagtailcore.pagelogentry",
        "wagtailcore.modellogentry",
        "wagtailcore.referenceindex",
        "wagtailcore.pagesubscription",
        "wagtailcore.comment",
        "wagtailcore.commentreply",
        "wagtailcore.taskstate",
        "wagtailcore.workflowstate",
        "wagtailcore.uploadedfile",
        "wagtailadmin.editingsession",
        "wagtailusers.userprofile",
        "wagtailsearch.query",
        "wagtailsearch.querydailyhits",
    }
)


class PendingBump:
    """The on-commit callback that replaces the version; ``done`` once it has run."""

    def __init__(self):
        self.done = False

    def __call__(self):
        self.done = True
        bump_safely()


def pending_bumps(using: str = DEFAULT_DB_ALIAS) -> list[PendingBump]:
    """Replacements waiting for the current transaction to commit."""
    return [
        func for _sids, func, *_ in connections[using].run_on_commit if isinstance(func, PendingBump) and not func.done
    ]


def content_changed(using: str = DEFAULT_DB_ALIAS) -> None:
    """Replace the content version once the current transaction commits (at once outside one).

    Only after the commit: a request served in between would otherwise tag the old content
    with the new version. One replacement per transaction (a page publish saves several rows);
    a savepoint rolled back drops the callbacks registered inside it, and the next change
    registers a new one.
    """
    if connections[using].in_atomic_block and pending_bumps(using):
        return
    transaction.on_commit(PendingBump(), using=using)


def _model_label(sender) -> str:
    return getattr(getattr(sender, "_meta", None), "label_lower", "")


def is_content_model(sender) -> bool:
    """Whether saving or deleting an instance of ``sender`` may change what readers are served."""
    label = _model_label(sender)
    if not label or label in IGNORED_MODELS:
        return False
    from wagtail.images.models import AbstractRendition

    return not (isinstance(sender, type) and issubclass(sender, AbstractRendition))


def _on_model_change(sender, using=DEFAULT_DB_ALIAS, update_fields=None, raw=False, **kwargs):
    if raw or not is_content_model(sender):
        return
    if _model_label(sender) == "auth.user" and update_fields is not None and set(update_fields) <= {"last_login"}:
        return
    content_changed(using or DEFAULT_DB_ALIAS)


def _on_m2m_change(sender, action, using=DEFAULT_DB_ALIAS, **kwargs):
    if action.startswith("post_") and is_content_model(sender):
        content_changed(using or DEFAULT_DB_ALIAS)


def _on_page_signal(sender, **kwargs):
    content_changed()


def connect_signals() -> None:
    from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

    post_save.connect(_on_model_change, dispatch_uid="http_cache.post_save")
    post_delete.connect(_on_model_change, dispatch_uid="http_cache.post_delete")
    m2m_changed.connect(_on_m2m_change, dispatch_uid="http_cache.m2m_changed")
    for signal in (page_published, page_unpublished, page_slug_changed, post_page_move):
        signal.connect(_on_page_signal, dispatch_uid=f"http_cache.{id(signal)}")
    # A restored backup replaced the whole content without a model signal.
    restored.connect(_on_page_signal, dispatch_uid="http_cache.restored")
