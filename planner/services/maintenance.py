"""Restoring a backup and the integrity check; making, listing and rotating backups lives in
services/backups.py (named here too, for the callers that know them from here). Every backup goes
through SQLite's backup API and is verified before it counts.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text

from planner.domain.errors import DatabaseProblem, HerstelplanError
from planner.domain.messages import msg
from planner.paths import backup_dir, database_url, instance_lock_path
from planner.services import database
from planner.services.backups import (
    BackupInfo,
    backup,
    daily_backup,
    known_problems,
    list_backups,
    require_sqlite,
    rotate_backups,
)
from planner.store import audit, engine, identity, migrate
from planner.store import backup as backups
from planner.store.engine import Database, classify

__all__ = ["BackupInfo", "RestoreReport", "backup", "backup_revision", "check", "daily_backup", "instance_holder",
           "list_backups", "restore_backup", "rotate_backups"]


@dataclass(frozen=True, slots=True)
class RestoreReport:
    """What a restore did: from which backup, the safety backup made first, a damaged file set aside."""

    restored_from: Path
    safety_backup: Path | None
    set_aside: Path | None
    revision: str


def instance_holder(url: str) -> str | None:
    """'pid on host' of a running Herstelplan that has `url` open (its lock file), or None.

    Reads the lock file the window keeps (QLockFile: pid, application, host on three lines)
    without Qt, so the command line can refuse to restore under a running program.
    """
    lock = instance_lock_path(url)
    try:
        lines = lock.read_text(errors="replace").splitlines()
    except OSError:
        return None
    if not lines or not lines[0].strip().isdigit():
        return None
    pid = int(lines[0])
    host = lines[2].strip() if len(lines) > 2 else ""
    if host and host != socket.gethostname():
        return f"{pid} on {host}"
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None  # a stale lock of a program that crashed
    except PermissionError:
        pass
    return f"{pid} on {host or socket.gethostname()}"


def backup_revision(path: Path) -> str:
    """The schema revision stored in a backup file, once it is proven to be a Herstelplan database
    (intact; our application id or none; our tables and columns at a revision this version knows).
    DatabaseProblem when it is not a usable backup; the file is only read."""
    if not path.is_file():
        raise HerstelplanError(msg("The backup {path} does not exist.", path=str(path)))
    backups.verify(path)
    try:
        found = identity.identify_sqlite(path, full=True)
    except DatabaseProblem as problem:
        if problem.kind == "newer":
            raise DatabaseProblem(
                "newer",
                msg("{name} was made by a newer version of Herstelplan. Update Herstelplan first.", name=path.name),
            ) from problem
        raise DatabaseProblem(
            "foreign", msg("{name} is not a Herstelplan backup. Choose another file.", name=path.name)
        ) from problem
    if found.revision is None:
        raise DatabaseProblem(
            "foreign", msg("{name} is not a Herstelplan backup (it is empty). Choose another file.", name=path.name)
        )
    return found.revision


def _set_aside(path: Path, now: dt.datetime) -> Path:
    """Move a damaged database (and its -wal/-shm) out of the way instead of overwriting it."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            extra.replace(aside.with_name(aside.name + suffix))
    path.replace(aside)
    return aside


def restore_backup(
    url: str | None, backup_file: Path, *, db: Database | None = None, now: dt.datetime | None = None,
) -> RestoreReport:
    """Replace the SQLite database at `url` with `backup_file`, after a verified backup of it.

    The chosen file is checked first (intact, a Herstelplan database, not from a newer version).
    A live database that cannot be backed up because it is damaged is moved aside (renamed
    `*.damaged-<time>`), never overwritten. Pass `db` when the caller (the window) has the database
    open: its connections are closed first and reopen on next use. Afterwards the database is
    brought to the current schema.
    """
    now = now or dt.datetime.now()
    target = Database(database_url(url))
    try:
        live = require_sqlite(target)
    finally:
        target.dispose()
    backup_file = Path(backup_file)
    if backup_file.resolve() == live.resolve():
        raise HerstelplanError(msg("That is the database itself; choose a backup file."))
    with known_problems(backup_file.parent):
        revision = backup_revision(backup_file)
    if db is None:
        holder = instance_holder(str(target.url))
        if holder:
            raise DatabaseProblem(
                "locked",
                msg("Herstelplan is open with this database (process {holder}). Close it first, or "
                  "restore from its File menu.", holder=holder),
            )
    else:
        db.dispose()
    safety: Path | None = None
    aside: Path | None = None
    backups.restoring_name(live).unlink(missing_ok=True)  # a restore that was cut off earlier
    if live.exists() and live.stat().st_size > 0:
        try:
            database.identify_and_recover(live)  # another program's file is never replaced
            with known_problems(backup_dir()):
                safety = backups.backup_sqlite(live, backup_dir(), reason="before-restore", now=now)
        except DatabaseProblem as problem:
            if problem.kind != "corrupt":
                raise
            aside = _set_aside(live, now)
    with known_problems(live.parent):
        backups.restore_into(backup_file, live)
    try:
        restored = database.open_database(str(target.url), daily_backup=False)
        try:
            with restored.transaction() as session:
                audit.record(session, "database.restore", detail=f"{backup_file.name} (schema {revision})")
        finally:
            restored.dispose()
    except HerstelplanError as error:
        kept = safety or aside
        raise HerstelplanError(
            msg("The backup was restored, but the database cannot be opened: {error} The database as "
              "it was before is kept in {kept}.", error=error, kept=kept)
        ) from error
    with known_problems(backup_dir()):
        backups.rotate(backup_dir(), now=now)
    return RestoreReport(backup_file, safety, aside, revision)


def _schema_line(revision: str | None) -> tuple[bool, str]:
    head = migrate.head_revision()
    if revision is None:
        return True, "schema: empty (will be created on first start)"
    if revision == head:
        return True, f"schema: {revision} (current)"
    if revision in migrate.known_revisions():
        return True, f"schema: {revision} (will be upgraded to {head} on next start)"
    return False, f"schema: {revision} is newer than this Herstelplan ({head})"


def _check_sqlite(path: Path, lines: list[str]) -> tuple[bool, list[str]]:
    """Identify the file (read-only), recover a cut-off write of ours, then check its integrity.
    A file that is read-only (or lies in a read-only folder) is read as it is and left exactly so."""
    if not path.exists():
        return False, [*lines, "the database file does not exist"]
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    try:
        found = identity.identify_sqlite(path, full=True)
        if writable:
            identity.recover(path)
        con = sqlite3.connect(identity.reading_uri(path), uri=True, timeout=engine.BUSY_TIMEOUT_MS / 1000)
        try:
            integrity = [row[0] for row in con.execute("PRAGMA integrity_check")]
            fk = con.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            con.close()
    except DatabaseProblem as problem:
        return False, [*lines, f"{problem.kind}: {problem}"]
    except sqlite3.DatabaseError as error:
        known = classify(error)
        if known is not None and known.kind == "locked":
            return False, [*lines, f"busy: {known}"]
        if not writable:
            return False, [*lines, f"read-only: the file or its folder is read-only and could not be read ({error})"]
        return False, [*lines, f"damaged: {error}", "restore a backup (python main.py restore FILE)"]
    if integrity != ["ok"]:
        return False, [*lines, "integrity check failed:", *integrity[:20]]
    if fk:
        return False, [*lines, f"{len(fk)} rows refer to missing rows"]
    lines.append("integrity: ok")
    ok, line = _schema_line(found.revision)
    lines.append(line)
    if not writable:
        lines.append("read-only: the database is intact, but Herstelplan needs to write in the file and "
                     "its folder; make them writable (nothing was changed)")
        return False, lines
    return ok, lines


def check(url: str | None = None) -> tuple[bool, list[str]]:
    """(ok, report lines): on SQLite that the file is ours, its integrity and foreign keys; on a
    server reachability and our tables and columns; and the schema revision. Changes nothing but
    the roll-back of a cut-off write in a file proven ours; busy is reported as busy, not damaged."""
    resolved = database_url(url)
    probe = Database(resolved)
    path = probe.sqlite_path
    lines: list[str] = [f"database: {probe.display_name()}"]
    probe.dispose()
    if path is not None:
        return _check_sqlite(path, lines)
    db = Database(resolved)
    try:
        try:
            with db.guard(), db.read_engine.connect() as connection:
                connection.execute(text("SELECT 1"))
                revision = migrate.current_revision(connection)
                if revision in migrate.known_revisions():
                    identity.check_server_schema(connection, revision, db.display_name())
                elif revision is None and migrate._has_foreign_tables(connection):  # noqa: SLF001 - the store's own check, shared
                    raise identity.foreign(db.display_name())
        except DatabaseProblem as problem:
            return False, [*lines, str(problem)]
        ok, line = _schema_line(revision)
        return ok, [*lines, line]
    finally:
        db.dispose()
