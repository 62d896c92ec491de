"""Backup and restore of a portal: the database, the media and the private media (citizens'
attachments), with a manifest of checksums (``manage.py backup`` / ``manage.py restore``,
docs/deployment.md "Backups").

A backup is a directory:

- ``database.sqlite3`` (SQLite's online backup API: a consistent copy while the portal runs) or
  ``database.pgdump`` (``pg_dump --format=custom``: one consistent snapshot);
- ``media/`` and ``private-media/``: copies of ``MEDIA_ROOT`` and ``PRIVATE_MEDIA_ROOT``;
- ``manifest.json``, written last: when and from what it was made (database vendor, the migrations
  applied, counts of pages, documents, images and users), and every file's size and SHA-256.

It is built in a hidden directory beside the output and renamed into place when complete, so a
directory named like a backup is always a whole one.

A restore checks every checksum before it touches anything, then requires a database of the same
vendor, migrated to the same migrations as the backup, and empty (no user account, no document, no
image, no page beyond what ``migrate`` creates) unless told to replace what is there. It then
replaces the database's content, copies the files back, re-indexes search (``update_index``) and
sends ``restored`` so caches built on the old content are dropped.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from django.dispatch import Signal

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"
FILE_TREES = {"media": "MEDIA_ROOT", "private-media": "PRIVATE_MEDIA_ROOT"}
CHUNK = 1024 * 1024
# What ``migrate`` alone creates: Wagtail's root page and the first home page.
PAGES_OF_A_NEW_DATABASE = 2

#: Sent after a restore (``sender``: the backup's directory); the HTTP cache drops what it kept.
restored = Signal()


class BackupError(Exception):
    """Why a backup or a restore cannot be made; nothing has been changed."""


@dataclass
class Outcome:
    path: Path
    files: int
    bytes: int
    counts: dict


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(CHUNK):
            digest.update(block)
    return digest.hexdigest()


def vendor() -> str:
    return connection.vendor


def applied_migrations() -> list[str]:
    """``app.name`` of every migration applied to the database, sorted."""
    return sorted(f"{app}.{name}" for app, name in MigrationRecorder(connection).applied_migrations())


def content_counts() -> dict:
    from django.contrib.auth import get_user_model
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    return {
        "pages": Page.objects.count(),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
        "users": get_user_model().objects.count(),
    }


def _root(setting: str) -> Path:
    return Path(getattr(settings, setting))


def _files_under(root: Path) -> list[Path]:
    if not root.is_dir():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink())


# --- the database -------------------------------------------------------------------------------


def _postgres_env() -> tuple[dict, list[str]]:
    db = settings.DATABASES["default"]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    args = []
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            args += [option, str(db[key])]
    return env, args


def _dump_database(target_dir: Path) -> Path:
    connection.ensure_connection()
    if vendor() == "sqlite":
        target = target_dir / SQLITE_FILE
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
        return target
    if vendor() == "postgresql":
        target = target_dir / POSTGRES_FILE
        env, args = _postgres_env()
        name = connection.settings_dict["NAME"]
        command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", *args, "--file", str(target), name]
        _run(command, env, "pg_dump")
        return target
    raise BackupError(f"backups of a {vendor()} database are not supported (SQLite or PostgreSQL)")


def _load_database(source: Path) -> None:
    connection.ensure_connection()
    if connection.in_atomic_block:
        raise BackupError("restore cannot run inside a transaction")
    if vendor() == "sqlite":
        origin = sqlite3.connect(source)
        try:
            origin.backup(connection.connection)
        finally:
            origin.close()
        return
    env, args = _postgres_env()
    name = connection.settings_dict["NAME"]
    connection.close()  # pg_restore drops the tables this connection may hold locks on
    command = [
        "pg_restore",
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        *args,
        "--dbname",
        name,
        str(source),
    ]
    _run(command, env, "pg_restore")


def _run(command: list[str], env: dict, program: str) -> None:
    try:
        finished = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    except FileNotFoundError as exc:
        raise BackupError(f"{program} is not installed (the PostgreSQL client programs are needed)") from exc
    if finished.returncode != 0:
        raise BackupError(f"{program} failed (exit {finished.returncode}): {finished.stderr.strip()[-2000:]}")


# --- backup -------------------------------------------------------------------------------------


def backup(output: Path) -> Outcome:
    """Write a whole backup to ``output`` (which must not exist, or be an empty directory)."""
    output = Path(output).absolute()
    if output.exists() and (not output.is_dir() or any(output.iterdir())):
        raise BackupError(f"{output} already exists and is not an empty directory")
    output.parent.mkdir(parents=True, exist_ok=True)
    building = output.parent / f".{output.name}.partial"
    if building.exists():
        shutil.rmtree(building)
    building.mkdir()
    try:
        database = _dump_database(building)
        entries = [_entry(building, database)]
        for folder, setting in FILE_TREES.items():
            root = _root(setting)
            for path in _files_under(root):
                target = building / folder / path.relative_to(root)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, target)
                entries.append(_entry(building, target))
        manifest = {
            "format": FORMAT,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "database": {"vendor": vendor(), "file": database.name},
            "migrations": applied_migrations(),
            "counts": content_counts(),
            "files": entries,
        }
        (building / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
        if output.exists():
            output.rmdir()
        building.rename(output)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return Outcome(output, len(entries), sum(e["size"] for e in entries), manifest["counts"])


def _entry(base: Path, path: Path) -> dict:
    return {"path": path.relative_to(base).as_posix(), "size": path.stat().st_size, "sha256": sha256(path)}


# --- restore ------------------------------------------------------------------------------------


def read_manifest(source: Path) -> dict:
    path = Path(source) / MANIFEST
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise BackupError(f"{path} is missing: not a backup, or an incomplete one") from exc
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BackupError(f"{path} is not a readable manifest ({exc})") from exc
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{path}: backup format {manifest.get('format')!r}, this version reads {FORMAT}")
    return manifest


def verify(source: Path, manifest: dict) -> None:
    """Every file the manifest lists is there with its size and checksum, and nothing is outside."""
    source = Path(source).resolve()
    for entry in manifest["files"]:
        path = (source / entry["path"]).resolve()
        if source not in path.parents:
            raise BackupError(f"{entry['path']}: outside the backup")
        if not path.is_file():
            raise BackupError(f"{entry['path']}: missing from the backup")
        if path.stat().st_size != entry["size"] or sha256(path) != entry["sha256"]:
            raise BackupError(f"{entry['path']}: damaged (its size or checksum differs from the manifest)")


def check_target(manifest: dict, replace: bool) -> None:
    if manifest["database"]["vendor"] != vendor():
        raise BackupError(f"the backup is of a {manifest['database']['vendor']} database, this portal uses {vendor()}")
    ours, theirs = set(applied_migrations()), set(manifest["migrations"])
    if ours != theirs:
        missing, extra = sorted(theirs - ours), sorted(ours - theirs)
        detail = "; ".join(
            part
            for part in (
                f"not applied here: {', '.join(missing[:5])}{'…' if len(missing) > 5 else ''}" if missing else "",
                f"applied here but not in the backup: {', '.join(extra[:5])}{'…' if len(extra) > 5 else ''}"
                if extra
                else "",
            )
            if part
        )
        raise BackupError(
            f"the database is not migrated like the backup ({detail}); restore with the release the backup "
            "was made with, then migrate"
        )
    if replace:
        return
    counts = content_counts()
    if counts["users"] or counts["documents"] or counts["images"] or counts["pages"] > PAGES_OF_A_NEW_DATABASE:
        held = ", ".join(f"{n} {what}" for what, n in counts.items() if n)
        raise BackupError(f"the database is not empty ({held}); restore into a new, migrated database")
    for folder, setting in FILE_TREES.items():
        root = _root(setting)
        for path in _files_under(root):
            theirs_path = f"{folder}/{path.relative_to(root).as_posix()}"
            listed = next((e for e in manifest["files"] if e["path"] == theirs_path), None)
            if listed is None or listed["sha256"] != sha256(path):
                raise BackupError(f"{setting} already holds {path.relative_to(root)}, which the backup does not")


def restore(source: Path, replace: bool = False, reindex: bool = True, stdout=None) -> dict:
    """Restore the backup in ``source``; returns the restored database's counts."""
    source = Path(source)
    manifest = read_manifest(source)
    verify(source, manifest)
    check_target(manifest, replace)
    _load_database(source / manifest["database"]["file"])
    for folder, setting in FILE_TREES.items():
        root = _root(setting)
        for entry in manifest["files"]:
            if not entry["path"].startswith(f"{folder}/"):
                continue
            target = root / entry["path"][len(folder) + 1 :]
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source / entry["path"], target)
    if reindex:
        from django.core.management import call_command

        call_command("update_index", stdout=stdout, verbosity=0 if stdout is None else 1)
    restored.send(sender=source)
    return content_counts()
