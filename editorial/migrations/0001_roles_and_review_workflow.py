"""The editorial board's groups and the two-step workflow "Duyệt tin bài" (editorial/roles.py)."""

from django.db import migrations

from editorial import roles


def forwards(apps, schema_editor):
    roles.ensure_roles(apps)
    roles.ensure_review_workflow(apps)
    roles.assign_review_workflow(apps)


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name=roles.REVIEW_WORKFLOW).delete()
    Task.objects.filter(name__in=[roles.EDITOR_STEP, roles.CHIEF_STEP]).delete()
    Group.objects.filter(name__in=[role.name for role in roles.ROLES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("home", "0002_create_homepage"),
        ("news", "0001_initial"),
        ("directives", "0002_tracking"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
