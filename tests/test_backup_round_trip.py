"""``manage.py backup`` then ``manage.py restore`` as an operator runs them: a portal with content
(pages imported, a document file, a citizen's private attachment, an account) is backed up and
restored into a new, migrated database with empty media folders, in other processes. The restored
portal holds the same content, byte-identical files, the account's password, and finds the pages by
search; ``--replace`` over a portal that changed since puts the backup's content back. On the suite's
database engine: SQLite files, or two scratch PostgreSQL databases beside the suite's (pg_dump and
pg_restore)."""

import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
NEWS = {
    "type": "news",
    "slug": "hoi-nghi-chuyen-doi-so",
    "title": "Hội nghị triển khai công tác chuyển đổi số năm 2025",
    "category": "Tin tức - Sự kiện",
    "published_on": "2025-03-12",
    "lead": "Sáng 12/3, UBND huyện họp về chuyển đổi số.",
    "body": "Nội dung hội nghị.",
}
ADD_FILES = """
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.conf import settings
from wagtail.documents import get_document_model
document = get_document_model()(title="Kế hoạch chuyển đổi số")
document.file.save("ke-hoach.pdf", ContentFile(b"%PDF-1.4 ke hoach"), save=False)
document.save()
get_user_model().objects.create_user("bientap", password="mat-khau-dai-12")
path = settings.PRIVATE_MEDIA_ROOT / "questions" / "don-thu.pdf"
path.parent.mkdir(parents=True)
path.write_bytes(b"%PDF-1.4 personal")
"""
REPORT = """
import json
from django.contrib.auth import get_user_model
from wagtail.documents import get_document_model
from news.models import NewsPage
from search.service import SearchQuery, search
document = get_document_model().objects.get()
print(json.dumps({
    "lead": NewsPage.objects.get(slug="hoi-nghi-chuyen-doi-so").lead,
    "other": list(NewsPage.objects.exclude(slug="hoi-nghi-chuyen-doi-so").values_list("title", flat=True)),
    "document": document.file.read().decode(),
    "password": get_user_model().objects.get(username="bientap").check_password("mat-khau-dai-12"),
    "found": [hit.page.title for hit in search(SearchQuery(q="chuyen doi so")).results],
}, ensure_ascii=False))
"""


def scratch_databases(tmp_path):
    """Two database URLs (source, target) of the suite's engine, and a function that removes them."""
    if connection.vendor == "sqlite":
        return f"sqlite:///{tmp_path / 'a.sqlite3'}", f"sqlite:///{tmp_path / 'b.sqlite3'}", lambda: None
    import psycopg2

    db = settings.DATABASES["default"]
    names = [f"backup_{kind}_{uuid.uuid4().hex[:8]}" for kind in ("a", "b")]
    params = {"host": db.get("HOST") or None, "port": db.get("PORT") or None, "user": db.get("USER") or None}
    params["password"] = db.get("PASSWORD") or None

    def execute(sql):
        admin = psycopg2.connect(dbname="postgres", **params)
        admin.autocommit = True
        try:
            admin.cursor().execute(sql)
        finally:
            admin.close()

    for name in names:
        execute(f'CREATE DATABASE "{name}"')
    user = f"{params['user']}@" if params["user"] else ""
    where = f"{params['host'] or '127.0.0.1'}:{params['port'] or 5432}"
    urls = [f"postgres://{user}{where}/{name}" for name in names]
    return urls[0], urls[1], lambda: [execute(f'DROP DATABASE IF EXISTS "{name}"') for name in names]


def manage(env: dict, *args, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_backup_then_restore_into_a_new_database_gives_the_portal_back(tmp_path):
    source_url, target_url, drop = scratch_databases(tmp_path)
    base = {k: v for k, v in os.environ.items() if k not in ("SEARCH_URL", "SEARCH_ENGINE", "DATABASE_URL")}
    base["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"

    def portal(name: str, url: str) -> dict:
        (tmp_path / name / "media").mkdir(parents=True)
        (tmp_path / name / "private").mkdir()
        return {
            **base,
            "DATABASE_URL": url,
            "MEDIA_ROOT": str(tmp_path / name / "media"),
            "PRIVATE_MEDIA_ROOT": str(tmp_path / name / "private"),
        }

    source, target = portal("source", source_url), portal("target", target_url)
    try:
        ok(manage(source, "migrate", "--verbosity", "0"))
        ok(manage(target, "migrate", "--verbosity", "0"))
        ok(manage(source, "import_content", "-", "--no-progress", stdin=json.dumps(NEWS, ensure_ascii=False)))
        ok(manage(source, "shell", "-c", ADD_FILES))
        backup_dir = tmp_path / "backup"
        assert "backup written to" in ok(manage(source, "backup", "--output", str(backup_dir)))

        restored = ok(manage(target, "restore", str(backup_dir), "--noinput"))
        assert "restored" in restored and "1 documents" in restored and "1 users" in restored
        report = json.loads(ok(manage(target, "shell", "-c", REPORT)).strip().splitlines()[-1])
        assert report == {
            "lead": "Sáng 12/3, UBND huyện họp về chuyển đổi số.",
            "other": [],
            "document": "%PDF-1.4 ke hoach",
            "password": True,
            "found": ["Hội nghị triển khai công tác chuyển đổi số năm 2025"],
        }
        assert (tmp_path / "target" / "private" / "questions" / "don-thu.pdf").read_bytes() == b"%PDF-1.4 personal"

        # A second restore into the restored portal: refused (not empty), exit code 1, nothing changed.
        again = manage(target, "restore", str(backup_dir), "--noinput")
        assert again.returncode == 1 and "the database is not empty" in again.stderr

        # A damaged backup is refused before anything changes, naming the file.
        damaged = backup_dir / "private-media" / "questions" / "don-thu.pdf"
        damaged.write_bytes(b"%PDF-1.4 changed")
        refused = manage(target, "restore", str(backup_dir), "--noinput", "--replace")
        assert refused.returncode == 1
        assert "nothing restored: private-media/questions/don-thu.pdf: damaged" in refused.stderr
        damaged.write_bytes(b"%PDF-1.4 personal")

        # A backup of other migrations is refused with the difference.
        manifest_path = backup_dir / "manifest.json"
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        manifest_path.write_text(
            json.dumps({**manifest, "migrations": [*manifest["migrations"], "news.9999_later"]}), encoding="utf-8"
        )
        refused = manage(target, "restore", str(backup_dir), "--noinput", "--replace")
        assert refused.returncode == 1 and "not applied here: news.9999_later" in refused.stderr
        manifest_path.write_text(json.dumps(manifest), encoding="utf-8")

        # The portal changes; --replace puts the backup's content back.
        later = dict(NEWS, slug="tin-sau-sao-luu", title="Tin viết sau khi sao lưu")
        ok(manage(target, "import_content", "-", "--no-progress", stdin=json.dumps(later, ensure_ascii=False)))
        assert json.loads(ok(manage(target, "shell", "-c", REPORT)).strip().splitlines()[-1])["other"] == [
            "Tin viết sau khi sao lưu"
        ]
        ok(manage(target, "restore", str(backup_dir), "--noinput", "--replace"))
        assert json.loads(ok(manage(target, "shell", "-c", REPORT)).strip().splitlines()[-1])["other"] == []
    finally:
        drop()
        shutil.rmtree(tmp_path, ignore_errors=True)
