"""Backups: verified, private, made at the right moments, rotated on a calendar (with a fake clock)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading

import pytest

from planner.domain.errors import DatabaseProblem
from planner.services import maintenance, patients
from planner.services.database import open_database
from planner.store import backup as backups

NOW = dt.datetime(2027, 3, 10, 9, 30)  # a fake clock (the fixtures made real-time backups)


def _names(folder) -> list[str]:
    return [p.name for p in backups.list_backups(folder)]


def _patients_in(path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [row[0] for row in con.execute("SELECT name FROM patients ORDER BY id")]
    finally:
        con.close()


def test_rotation_keeps_a_day_of_everything_a_week_of_dailies_and_nine_weeks_of_weeklies():
    """The rotation rule on a fake calendar: hourly backups for 90 days reduce to what the policy keeps."""
    stamps = [NOW - dt.timedelta(hours=h) for h in range(0, 90 * 24)]
    keep = backups.to_keep(stamps, NOW)
    recent = {s for s in stamps if NOW - s < dt.timedelta(hours=24)}
    assert recent <= keep
    older = keep - recent
    days = {s.date() for s in keep if (NOW.date() - s.date()).days < 7}
    assert len(days) == 7  # every day of the last week
    for day in days:
        assert max(s for s in stamps if s.date() == day) in keep  # that day's newest
        assert len([s for s in older if s.date() == day]) <= 1
    weeks = {(s.isocalendar().year, s.isocalendar().week) for s in keep}
    assert len(weeks) == 10  # this week and nine before it
    for week in weeks:
        assert max(s for s in stamps if (s.isocalendar().year, s.isocalendar().week) == week) in keep
    assert min(keep) >= NOW - dt.timedelta(weeks=10)
    assert len(keep) < 24 + 7 + 10


def test_the_newest_backup_is_kept_however_old():
    """A practice that was closed for three months still has its last backup afterwards."""
    old = NOW - dt.timedelta(days=100)
    assert backups.to_keep([old, old - dt.timedelta(days=1)], NOW) == {old}


def test_rotate_deletes_files_by_their_names_and_leaves_foreign_files(db, tmp_path):
    """rotate() removes the backups the rule drops, stale partial files, and nothing that is not a backup."""
    folder = tmp_path / "b"
    made = [backups.backup_sqlite(db.sqlite_path, folder, reason="daily", now=NOW - dt.timedelta(days=d))
            for d in range(0, 80, 1)]
    foreign = folder / "my-notes.txt"
    foreign.write_text("keep me")
    stale = folder / (backups.backup_name(NOW - dt.timedelta(days=2), "manual").removesuffix(".sqlite3") + ".partial")
    stale.write_bytes(b"half")
    removed = backups.rotate(folder, now=NOW)
    left = backups.list_backups(folder)
    assert foreign.exists() and not stale.exists()
    assert len(left) + len(removed) - 1 == len(made)  # the partial is among the removed
    assert made[0] in left and made[-1] not in left
    assert 7 <= len(left) <= 7 + 10


def test_backup_files_are_0600_in_a_0700_folder_and_verified(db, _private_data_dir):
    """A backup is private from its first byte and passes an integrity check."""
    path = maintenance.backup(db, reason="manual")
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert oct(path.parent.stat().st_mode & 0o777) == "0o700"
    backups.verify(path)
    assert not path.with_name(path.name + "-wal").exists()  # one self-contained file


def test_daily_backup_once_a_day(db, _private_data_dir):
    """The first start of a day makes a backup; later starts that day do not; the next day does."""
    first = maintenance.daily_backup(db, now=NOW)
    assert first is not None and "daily" in first.name
    assert maintenance.daily_backup(db, now=NOW + dt.timedelta(hours=5)) is None
    second = maintenance.daily_backup(db, now=NOW + dt.timedelta(days=1))
    assert second is not None
    assert len(maintenance.list_backups()) == 2


def test_open_database_makes_the_daily_backup_and_can_skip_it(db_path, _private_data_dir):
    """open_database backs up an existing file once a day; daily_backup=False (tests) does not."""
    open_database(f"sqlite:///{db_path}", daily_backup=False).dispose()
    assert maintenance.list_backups() == []
    open_database(f"sqlite:///{db_path}").dispose()
    open_database(f"sqlite:///{db_path}").dispose()
    found = maintenance.list_backups()
    assert [b.reason for b in found] == ["daily"]


def test_a_new_database_is_not_backed_up_empty(tmp_path, _private_data_dir):
    """Creating a fresh database makes no pointless backup of an empty file."""
    open_database(f"sqlite:///{tmp_path / 'new.sqlite3'}").dispose()
    assert maintenance.list_backups() == []


def test_a_backup_during_a_write_holds_only_committed_data(db, db_path, tmp_path):
    """The backup API copies a consistent snapshot: an open, uncommitted write never ends up in it."""
    patients.create_patient(db, name="Committed Before")
    started, release = threading.Event(), threading.Event()

    def writer() -> None:
        con = sqlite3.connect(db_path, isolation_level=None)
        con.execute("BEGIN IMMEDIATE")
        con.execute("INSERT INTO patients (name, complaint, region, language, private_notes, search_text, "
                    "archived, created_at, updated_at) VALUES ('Uncommitted', '', '', 'nl', '', '', 0, "
                    "'2026-01-01', '2026-01-01')")
        started.set()
        release.wait(30)
        con.execute("ROLLBACK")
        con.close()

    thread = threading.Thread(target=writer)
    thread.start()
    started.wait(30)
    try:
        copy = maintenance.backup(db, to=tmp_path / "during.sqlite3")
    finally:
        release.set()
        thread.join()
    names = _patients_in(copy)
    assert "Committed Before" in names and "Uncommitted" not in names


def test_a_damaged_database_is_caught_by_the_daily_backup(db_path, tmp_path, _private_data_dir):
    """The daily backup's integrity check finds damage inside an otherwise readable file, and no
    damaged backup is left behind."""
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    root = con.execute("SELECT rootpage FROM sqlite_master WHERE name = 'block_texts'").fetchone()[0]
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    with open(db_path, "r+b") as handle:  # scribble over one table page (not the schema)
        handle.seek((root - 1) * page_size + 8)
        handle.write(b"\x07" * 64)
    before = db_path.read_bytes()
    with pytest.raises(DatabaseProblem) as caught:
        open_database(f"sqlite:///{db_path}")
    assert caught.value.kind == "corrupt"
    assert db_path.read_bytes() == before
    assert maintenance.list_backups() == []
    assert not list((_private_data_dir / "backups").glob("*.partial"))


def test_a_daily_backup_that_cannot_be_written_does_not_stop_the_start(db_path, _private_data_dir, monkeypatch):
    """A full disk in the backup folder becomes a notice; the program still opens the database."""

    def full(*_args, **_kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "_create_private", full)
    db = open_database(f"sqlite:///{db_path}")
    try:
        assert db.notices and "backup could not be made" in str(db.notices[0])
        assert "No space left" in str(db.notices[0])
        assert patients.list_patients(db) is not None
    finally:
        db.dispose()
