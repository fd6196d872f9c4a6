"""Open a database for the app or a command: check the file, migrate to head (backup first), make the
daily backup, seed the library.

Every refusal is a DatabaseProblem whose message says what is wrong and what to do, and the file
is left exactly as it was: a folder, a file that is not a database, a damaged, foreign or newer
database, a read-only file or folder, a network drive, a full disk, a database that is busy.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path

from sqlalchemy import text

from planner.domain.errors import DatabaseProblem, HerstelplanError
from planner.domain.messages import Msg, msg
from planner.paths import database_url, is_network_path, make_private
from planner.services import backups
from planner.store import identity, library, migrate
from planner.store.engine import Database, classify

__all__ = ["Database", "open_database"]

log = logging.getLogger(__name__)

ENV_ALLOW_NETWORK = "HERSTELPLAN_ALLOW_NETWORK_DRIVE"
_PG_SEED_LOCK = 7_204_312  # pg_advisory_xact_lock key: desks starting together seed one at a time
_SQLITE_HEADER = b"SQLite format 3\x00"


def _preflight(path: Path) -> list[Msg]:
    """Refuse what SQLite would misreport or damage; returns notices for the user (warnings)."""
    notices: list[Msg] = []
    if path.is_dir():
        raise DatabaseProblem(
            "cannot-open", msg("{path} is a folder, not a database file. Choose a file.", path=str(path))
        )
    if is_network_path(path):
        if os.environ.get(ENV_ALLOW_NETWORK) != "1":
            raise DatabaseProblem(
                "network-drive",
                msg("{path} is on a network drive. A database file on a shared drive can be damaged "
                    "when the connection drops or when two computers use it. Keep the file on this "
                    "computer's own disk, or let the clinic's desks share a PostgreSQL server. "
                    "The file was left untouched.", path=str(path)),
            )
        notices.append(msg("The database is on a network drive; make sure only this computer uses it."))
    folder = path.parent
    if path.exists():
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
        if header and header != _SQLITE_HEADER:
            raise DatabaseProblem(
                "not-a-database",
                msg("{path} is not a Herstelplan database (it is not a database file at all). "
                    "Choose another file; this one was left untouched.", path=str(path)),
            )
        if not os.access(path, os.W_OK):
            raise DatabaseProblem(
                "read-only",
                msg("The database file {path} is read-only. Make it writable (file properties) or "
                    "open a copy that is; the file was left untouched.", path=str(path)),
            )
    if folder.exists() and not os.access(folder, os.W_OK):
        raise DatabaseProblem(
            "read-only",
            msg("The folder {folder} is read-only. Herstelplan keeps two small working files next to "
                "the database, so it needs a folder it may write in. Move the database to such a "
                "folder or make this one writable; nothing was changed.", folder=str(folder)),
        )
    return notices


def identify_and_recover(path: Path) -> identity.Identity:
    """Prove an existing SQLite file is ours without changing it (foreign, newer and damaged files
    are refused untouched); then roll back a write that was cut off (a hot journal)."""
    try:
        found = identity.identify_sqlite(path)
        identity.recover(path)
    except sqlite3.Error as error:
        problem = classify(error)
        if problem is None:
            raise
        raise problem from error
    return found


def _make_files_private(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        make_private(path.with_name(path.name + suffix))


def _daily_backup(db: Database) -> None:
    """The first start of a day makes a verified backup; a damaged database shows up here, a backup
    that cannot be written (full disk) becomes a notice and the program starts anyway."""
    try:
        backups.daily_backup(db)
    except DatabaseProblem as problem:
        if problem.kind in ("corrupt", "io"):
            raise
        log.warning("daily backup failed: %s", problem.kind)
        db.notices.append(msg("Today's automatic backup could not be made: {reason}", reason=problem.message))
    except (HerstelplanError, OSError) as error:
        log.warning("daily backup failed: %s", type(error).__name__)
        db.notices.append(msg("Today's automatic backup could not be made: {reason}", reason=(
            error.message if isinstance(error, HerstelplanError) else error.strerror or str(error))))


def open_database(url: str | None = None, *, seed: bool = True, daily_backup: bool = True) -> Database:
    """A ready Database at `url` (or the configured default): upgraded and with its library seeded.

    `daily_backup`: make the day's first backup of an existing SQLite file (tests and short-lived
    helper processes switch it off). Raises DatabaseProblem for a folder, a non-database, newer,
    foreign, corrupt, read-only, busy or unreachable database, leaving it untouched.
    """
    db = Database(database_url(url))
    try:
        path = db.sqlite_path
        existed = False
        if path is not None:
            db.notices.extend(_preflight(path))
            existed = path.exists() and path.stat().st_size > 0
            if existed:
                identify_and_recover(path)
                _make_files_private(path)
        with db.guard():
            migrate.upgrade(db)
        if daily_backup and existed:
            _daily_backup(db)
        if seed:
            with db.transaction() as session:
                if not db.is_sqlite:
                    session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_SEED_LOCK})
                report = library.seed(session)
            if report.skipped:
                log.warning("library entries skipped: %s", ", ".join(report.skipped))
        if path is not None:
            _make_files_private(path)
    except Exception:
        db.dispose()
        raise
    return db
