"""The answering units' staff write answers on the Q&A pages: a new Q&A section gives their
group the permission to add and edit pages there (not to publish: answers are reviewed)."""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

UNIT_STAFF = "Cán bộ đơn vị trả lời hỏi đáp"


def grant_unit_staff(section) -> int:
    group, _ = Group.objects.get_or_create(name=UNIT_STAFF)
    added = 0
    for codename in ("add_page", "change_page"):
        permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
        _row, created = GroupPagePermission.objects.get_or_create(group=group, page=section, permission=permission)
        added += created
    return added


def on_section_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_unit_staff(instance)
