"""PostgreSQL: a text search configuration that folds Vietnamese marks (docs/search-backends.md).

``vietnamese_unaccent`` is ``simple`` (no stemming, no stop words: right for Vietnamese) with
every word token passed through ``unaccent`` first, so "Vĩnh Tường" is indexed as 'vinh' 'tuong'
and a query typed without marks finds it. The database search backend uses it as its
SEARCH_CONFIG on PostgreSQL (search/backends/config.py). Nothing happens on other databases.

``unaccent`` is a trusted extension (PostgreSQL 13+): the database owner may create it, a
superuser always can. Reversing drops the configuration but keeps the extension, which other
code (modelsearch's fuzzy search) may use.
"""

from django.db import migrations

CONFIG = "vietnamese_unaccent"

# Token types of the default parser that can hold letters with marks: words ("Vĩnh"), words
# with digits ("NĐ13"), hyphenated words ("Nghị-định") and their parts. asciiword needs no unaccent.
TOKEN_TYPES = "word, numword, hword, hword_part, numhword, hword_numpart"

CREATE = f"""
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (
        SELECT 1 FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace
        WHERE c.cfgname = '{CONFIG}' AND n.nspname = current_schema()
    ) THEN
        CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = pg_catalog.simple);
    END IF;
END
$$;
ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR {TOKEN_TYPES} WITH unaccent, simple;
"""

DROP = f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG};"


def create_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_configuration, drop_configuration, elidable=False)]
