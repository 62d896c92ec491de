"""``optimize_index``: the database search index left merged after many writes (search/backends/database/).

SQLite: FTS5's b-trees (segments) merged into one; PostgreSQL: GIN pending lists flushed and the
statistics refreshed. Run by ``update_index`` and ``import_content`` when they finish, and by
``manage.py search_optimize``.
"""

import json
from io import StringIO
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection
from modelsearch.conf import get_app_config
from wagtail.search.backends import get_search_backend

from news.models import NewsPage
from portal.importing import import_lines
from portal.tasks import deferred_tasks
from search.backends import database
from tests import factories

pytestmark = pytest.mark.django_db

on_sqlite = pytest.mark.skipif("connection.vendor != 'sqlite'", reason="SQLite only")
on_postgres = pytest.mark.skipif("connection.vendor != 'postgresql'", reason="PostgreSQL only")


def fts_segments() -> int:
    """How many b-trees FTS5's index holds (its ``_idx`` table has rows per segment)."""
    table = get_app_config().get_model("SQLiteFTSIndexEntry")._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT COUNT(DISTINCT segid) FROM "{table}_idx"')  # noqa: S608 - a table name
        return cursor.fetchone()[0]


def found(q):
    return [p.pk for p in NewsPage.objects.live().search(q, operator="and")]


@on_sqlite
def test_sqlite_merges_the_full_text_index_into_one_tree():
    pages = [factories.news(f"Bảo vệ môi trường số {i}", lead="Môi trường xanh") for i in range(6)]
    assert fts_segments() > 1  # each committed write adds one
    before = found("moi truong")
    assert database.optimize_indexes() == ["default"]
    assert fts_segments() == 1
    assert found("moi truong") == before and sorted(before) == sorted(p.pk for p in pages)


@on_postgres
def test_postgres_flushes_the_gin_pending_lists_and_refreshes_the_statistics():
    table = get_app_config().get_model("IndexEntry")._meta.db_table
    pages = [factories.news(f"Bảo vệ môi trường số {i}", lead="Môi trường xanh") for i in range(6)]
    before = found("moi truong")

    def analyses():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_stat_clear_snapshot()")  # counters read now, not cached
            cursor.execute("SELECT analyze_count FROM pg_stat_user_tables WHERE relname = %s", [table])
            return cursor.fetchone()[0]

    analysed = analyses()
    assert database.optimize_indexes() == ["default"]
    assert analyses() == analysed + 1
    assert found("moi truong") == before and sorted(before) == sorted(p.pk for p in pages)


def test_update_index_optimizes_when_it_finishes():
    factories.news("Bảo vệ môi trường", lead="Môi trường xanh")
    index_class = get_search_backend().index_class
    with mock.patch.object(index_class, "optimize", autospec=True) as optimize:
        call_command("update_index", stdout=StringIO(), stderr=StringIO())
    assert optimize.call_count >= 1  # once per database backend rebuilt (test settings: one)


def test_a_refused_optimization_keeps_the_rebuilt_index(caplog):
    page = factories.news("Bảo vệ môi trường", lead="Môi trường xanh")
    index_class = get_search_backend().index_class
    refused = DatabaseError("must be owner of index")
    with mock.patch.object(index_class, "optimize", autospec=True, side_effect=refused) as optimize:
        call_command("update_index", stdout=StringIO(), stderr=StringIO())
    assert optimize.call_count >= 1
    assert "rebuilt but not optimized" in caplog.text
    assert found("moi truong") == [page.pk]  # update_index finished; search answers


def test_import_content_optimizes_once_after_writing(tmp_path):
    news = {
        "type": "news",
        "slug": "tin-a",
        "title": "Tin A",
        "category": "Tin tức",
        "published_on": "2024-12-20",
        "body": "Đoạn một.",
    }
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps({**news, "slug": f"tin-{i}"}) for i in range(3)) + "\n", encoding="utf-8")
    index_class = get_search_backend().index_class
    with mock.patch.object(index_class, "optimize", autospec=True) as optimize:
        call_command("import_content", str(path), "--no-progress", "--dry-run", stdout=StringIO())
        assert optimize.call_count == 0  # nothing written
        call_command("import_content", str(path), "--no-progress", stdout=StringIO())
        assert optimize.call_count == 1
        call_command("import_content", str(path), "--no-progress", stdout=StringIO())
        assert optimize.call_count == 1  # unchanged records: nothing written again


def test_search_optimize_command():
    factories.news("Bảo vệ môi trường", lead="Môi trường xanh")
    out = StringIO()
    call_command("search_optimize", stdout=out)
    assert out.getvalue().startswith("search_optimize: default optimized in ")
    assert found("moi truong")


def test_an_import_inside_an_enclosing_deferred_block_leaves_optimizing_to_its_owner():
    """The demo seed imports its files inside its own ``deferred_tasks()`` block: the index is written
    when that block ends, so the import does not optimize an index it has not written yet."""
    line = json.dumps(
        {
            "type": "news",
            "slug": "tin-b",
            "title": "Tin B",
            "category": "Tin tức",
            "published_on": "2024-12-20",
            "body": "Một.",
        }
    )
    index_class = get_search_backend().index_class
    with mock.patch.object(index_class, "optimize", autospec=True) as optimize:
        with deferred_tasks():
            report = import_lines([line])
        assert report.created == 1
        assert optimize.call_count == 0
        import_lines([line.replace("tin-b", "tin-c")])
        assert optimize.call_count == 1
