"""Restoring a chosen backup: itself preceded by a backup, refusing bad backups, rescuing damaged files."""

from __future__ import annotations

import hashlib
import os
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from planner.domain.errors import DatabaseProblem, HerstelplanError
from planner.paths import instance_lock_path
from planner.services import maintenance, patients

ROOT = Path(__file__).resolve().parents[2]


def _names(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [row[0] for row in con.execute("SELECT name FROM patients ORDER BY id")]
    finally:
        con.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def snapshot(db):
    """A backup holding patient 'Before', after which 'After' is added to the live database."""
    patients.create_patient(db, name="Before")
    made = maintenance.backup(db, reason="manual")
    patients.create_patient(db, name="After")
    return made


def test_restore_brings_back_the_backup_after_backing_up_the_current_state(db, db_path, snapshot):
    """Restore replaces the content, and the state just before the restore is kept in a new backup."""
    report = maintenance.restore_backup(f"sqlite:///{db_path}", snapshot, db=db)
    assert _names(db_path) == ["Before"]
    assert [p.name for p in patients.list_patients(db)] == ["Before"]  # the open Database reconnects
    assert report.safety_backup is not None and "before-restore" in report.safety_backup.name
    assert _names(report.safety_backup) == ["Before", "After"]
    assert oct(db_path.stat().st_mode & 0o777) == "0o600"
    con = sqlite3.connect(db_path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    actions = [row[0] for row in con.execute("SELECT action FROM audit_events")]
    con.close()
    assert actions[-1] == "database.restore"


def test_a_damaged_backup_is_refused_and_nothing_changes(db, db_path, snapshot, tmp_path):
    """A backup that fails its integrity check is not restored; the live database is untouched."""
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(snapshot.read_bytes()[:4096] + b"\x00" * 8192)
    before = _names(db_path)
    with pytest.raises(DatabaseProblem) as caught:
        maintenance.restore_backup(f"sqlite:///{db_path}", bad, db=db)
    assert caught.value.kind == "corrupt"
    assert _names(db_path) == before


def test_a_backup_from_a_newer_version_or_another_program_is_refused(db, db_path, snapshot, tmp_path):
    """A newer schema or a foreign SQLite file cannot be restored over the therapist's data."""
    newer = tmp_path / "newer.sqlite3"
    newer.write_bytes(snapshot.read_bytes())
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    with pytest.raises(DatabaseProblem) as caught:
        maintenance.restore_backup(f"sqlite:///{db_path}", newer, db=db)
    assert caught.value.kind == "newer" and "Update Herstelplan" in str(caught.value)
    foreign = tmp_path / "recipes.sqlite3"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE recipes (id INTEGER)")
    con.close()
    with pytest.raises(DatabaseProblem) as caught:
        maintenance.restore_backup(f"sqlite:///{db_path}", foreign, db=db)
    assert caught.value.kind == "foreign"
    assert _names(db_path) == ["Before", "After"]


def test_restoring_over_a_damaged_database_moves_it_aside(db, db_path, snapshot):
    """When the live file is damaged it cannot be backed up: it is renamed, never overwritten."""
    db.dispose()
    damaged = b"SQLite format 3\x00" + os.urandom(8000)
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    db_path.write_bytes(damaged)
    report = maintenance.restore_backup(f"sqlite:///{db_path}", snapshot)
    assert report.set_aside is not None and report.set_aside.read_bytes() == damaged
    assert report.safety_backup is None
    assert _names(db_path) == ["Before"]
    assert oct(db_path.stat().st_mode & 0o777) == "0o600"


def test_restore_is_refused_while_herstelplan_has_the_database_open(db_path, snapshot):
    """The command line does not restore under a running window (its lock file names a live process)."""
    lock = instance_lock_path(f"sqlite:///{db_path}")
    lock.write_text(f"{os.getpid()}\nHerstelplan\n{socket.gethostname()}\n")
    try:
        with pytest.raises(DatabaseProblem) as caught:
            maintenance.restore_backup(f"sqlite:///{db_path}", snapshot)
        assert caught.value.kind == "locked" and "Close it first" in str(caught.value)
    finally:
        lock.unlink()
    lock.write_text("999999999\nHerstelplan\n" + socket.gethostname() + "\n")  # a crashed program
    assert maintenance.instance_holder(f"sqlite:///{db_path}") is None


def test_restoring_the_database_onto_itself_is_refused(db, db_path):
    """Choosing the live file as the backup gives a clear message."""
    with pytest.raises(HerstelplanError, match="database itself"):
        maintenance.restore_backup(f"sqlite:///{db_path}", db_path, db=db)


def test_cli_restore_and_backups(db, db_path, snapshot):
    """`python main.py restore FILE` restores, names the safety backup; `backups` lists them."""
    db.dispose()
    env = {**os.environ, "HERSTELPLAN_DATABASE_URL": f"sqlite:///{db_path}"}
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "restore", str(snapshot)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "restored" in done.stdout and "kept in" in done.stdout
    assert _names(db_path) == ["Before"]
    listing = subprocess.run([sys.executable, str(ROOT / "main.py"), "backups"],
                             capture_output=True, text=True, env=env, timeout=120)
    assert listing.returncode == 0
    assert "before-restore" in listing.stdout and snapshot.name in listing.stdout
    missing = subprocess.run([sys.executable, str(ROOT / "main.py"), "restore", "/nonexistent.sqlite3"],
                             capture_output=True, text=True, env=env, timeout=120)
    assert missing.returncode == 1 and "does not exist" in missing.stderr and "Traceback" not in missing.stderr
    assert _names(db_path) == ["Before"]


def test_help_lists_the_reliability_commands():
    """`--help` names restore, backups, export-plan, import, export-patient and erase-patient (and the old ones)."""
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--help"], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0
    for command in ("restore", "backups", "export-plan", "import", "export-patient", "erase-patient",
                    "demo", "export", "backup", "check", "library", "templates"):
        assert command in done.stdout
