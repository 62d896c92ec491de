"""Who handles citizens' questions: the editors and the chief editor handle them (view, change);
the chief editor also sees the senders' contact data; the answering units' staff (a group of
its own) write answers on the Q&A pages and submit them for review, and see no contact data.
Existing Q&A sections get the review workflow."""

from django.db import migrations

from editorial import roles

UNIT_STAFF = "Cán bộ đơn vị trả lời hỏi đáp"  # questions.access.UNIT_STAFF
GRANTS = {
    roles.EDITOR: ["view_question", "change_question"],
    roles.CHIEF_EDITOR: ["view_question", "change_question", "view_sender_contact"],
}


def forwards(apps, schema_editor):
    roles.create_missing_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*Permission.objects.filter(content_type__app_label="questions", codename__in=codenames))
    staff, _ = Group.objects.get_or_create(name=UNIT_STAFF)
    staff.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    roles.assign_review_workflow(apps, sections=("questions.questionindexpage",))


def backwards(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=UNIT_STAFF).delete()


class Migration(migrations.Migration):
    dependencies = [("questions", "0001_initial"), ("editorial", "0003_base_salaries_and_royalty_permissions")]
    operations = [migrations.RunPython(forwards, backwards)]
