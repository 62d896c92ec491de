"""``portal.backup`` without a database: an output that exists is refused, and a backup that fails
half-way leaves nothing that looks like a backup. The round trip and the refusals of ``restore`` run
as an operator runs them, in other processes: tests/test_backup_round_trip.py."""

import pytest
from django.core.management import CommandError, call_command

from portal import backup as backup_module
from portal.backup import BackupError, backup


def test_an_output_that_exists_is_refused(tmp_path):
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "x").write_text("x")
    with pytest.raises(CommandError, match="already exists and is not an empty directory"):
        call_command("backup", "--output", str(tmp_path / "taken"))
    (tmp_path / "file").write_text("x")
    with pytest.raises(BackupError, match="already exists"):
        backup(tmp_path / "file")


def test_a_failed_backup_leaves_nothing(tmp_path, monkeypatch):
    def broken(_directory):
        raise BackupError("the disk is full")

    monkeypatch.setattr(backup_module, "_dump_database", broken)
    with pytest.raises(BackupError, match="the disk is full"):
        backup(tmp_path / "new")
    assert list(tmp_path.iterdir()) == []


def test_a_directory_without_a_manifest_is_not_a_backup(tmp_path):
    with pytest.raises(CommandError, match="manifest.json is missing: not a backup, or an incomplete one"):
        call_command("restore", str(tmp_path), "--noinput")
    (tmp_path / "manifest.json").write_text('{"format": 99}')
    with pytest.raises(CommandError, match="backup format 99, this version reads 1"):
        call_command("restore", str(tmp_path), "--noinput")
