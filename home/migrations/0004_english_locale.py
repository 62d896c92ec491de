"""The English locale: the /en/ pages are translations into it (docs/english.md)."""

from django.db import migrations


def forwards(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.get_or_create(language_code="en")


def backwards(apps, schema_editor):
    pass  # pages may use it


class Migration(migrations.Migration):
    dependencies = [("home", "0003_web_links"), ("wagtailcore", "0098_apitoken")]
    operations = [migrations.RunPython(forwards, backwards)]
