"""Section index pages created after the migration (by ``seed_demo``, an import, or an editor)
get the review workflow too."""

from django.apps import apps
from django.db.models.signals import post_save

from .roles import REVIEWED_SECTIONS, assign_review_workflow


def _assign_on_create(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        assign_review_workflow(apps, [instance.pk], sections=(sender._meta.label_lower,))


def review_section(model) -> None:
    """Index pages of ``model`` created from now on go through the review workflow ("Duyệt tin
    bài") like the news categories: a content app above registers its section from its
    ``ready()``, and its data migration calls ``assign_review_workflow(apps, sections=…)`` for the
    pages that exist."""
    label = model._meta.label_lower
    post_save.connect(_assign_on_create, sender=model, dispatch_uid=f"editorial-workflow-{label}")


for _name in REVIEWED_SECTIONS:
    post_save.connect(_assign_on_create, sender=apps.get_model(_name), dispatch_uid=f"editorial-workflow-{_name}")
