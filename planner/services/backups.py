"""Backups of the SQLite file: made (verified), made once a day, listed and rotated. Opening the
database (services/database.py) makes the day's first one; restoring one (services/maintenance.py)
needs the database opened again, so these live below both."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from planner.domain.errors import HerstelplanError
from planner.domain.messages import msg
from planner.paths import backup_dir
from planner.store import backup as backups
from planner.store.engine import Database, classify


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """One backup in the backup folder."""

    path: Path
    taken_at: dt.datetime
    reason: str
    size_bytes: int


@contextmanager
def known_problems(folder: Path | None = None) -> Iterator[None]:
    """Turn raw sqlite3 and OS errors into DatabaseProblem / HerstelplanError with a message."""
    try:
        yield
    except sqlite3.Error as error:
        problem = classify(error)
        if problem is None:
            raise
        raise problem from error
    except OSError as error:
        where = str(folder or error.filename or "")
        raise HerstelplanError(
            msg("The backup could not be written to {folder}: {reason}. Free some disk space or "
              "check that the folder is writable.", folder=where, reason=error.strerror or error)
        ) from error


def require_sqlite(db: Database) -> Path:
    path = db.sqlite_path
    if path is None:
        raise HerstelplanError(
            msg("Backups from Herstelplan are for the SQLite file; back up a PostgreSQL server with pg_dump.")
        )
    return path


def backup(db: Database, *, to: Path | None = None, reason: str = "manual", now: dt.datetime | None = None) -> Path:
    """A verified backup of the SQLite database, to `to` or into the backup folder (then rotated)."""
    path = require_sqlite(db)
    if to is not None:
        with known_problems(Path(to).parent):
            return backups.backup_to(path, Path(to))
    folder = backup_dir()
    with known_problems(folder):
        made = backups.backup_sqlite(path, folder, reason=reason, now=now)
        backups.rotate(folder, now=now)
    return made


def daily_backup(db: Database, *, now: dt.datetime | None = None) -> Path | None:
    """The day's first backup (when none was made today for any reason); None when not due."""
    if db.sqlite_path is None:
        return None
    now = now or dt.datetime.now()
    if backups.made_on(backup_dir(), now.date()):
        return None
    return backup(db, reason="daily", now=now)


def list_backups() -> list[BackupInfo]:
    """Backups in the backup folder, newest first."""
    out = []
    for path in backups.list_backups(backup_dir()):
        try:
            size = path.stat().st_size
        except OSError:
            continue
        stamp = backups.taken_at(path)
        if stamp is not None:  # always: list_backups lists dated backups only
            out.append(BackupInfo(path, stamp, backups.reason_of(path), size))
    return out


def rotate_backups(*, now: dt.datetime | None = None) -> list[Path]:
    """Apply the rotation (a day of everything, a week of dailies, nine weeks of weeklies)."""
    return backups.rotate(backup_dir(), now=now)
