"""Section index pages created after the migration (by ``seed_demo``, an import, or an editor)
get the review workflow too."""

from django.apps import apps
from django.db.models.signals import post_save

from .roles import REVIEWED_SECTIONS, assign_review_workflow


def _assign_on_create(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        assign_review_workflow(apps, [instance.pk])


for _name in REVIEWED_SECTIONS:
    post_save.connect(_assign_on_create, sender=apps.get_model(_name), dispatch_uid=f"editorial-workflow-{_name}")
