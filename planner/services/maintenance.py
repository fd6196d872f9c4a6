"""Backups and integrity checks."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import text

from planner.domain.errors import DatabaseProblem, HerstelplanError
from planner.paths import backup_dir, database_url
from planner.store import backup as backups
from planner.store import migrate
from planner.store.engine import Database


def backup(db: Database, *, to: Path | None = None, reason: str = "manual") -> Path:
    """A verified backup of the SQLite database, to `to` or into the backup folder."""
    path = db.sqlite_path
    if path is None:
        raise HerstelplanError(
            "Backups from Herstelplan are for the SQLite file; back up a PostgreSQL server with pg_dump."
        )
    if to is not None:
        return backups.backup_to(path, Path(to))
    return backups.backup_sqlite(path, backup_dir(), reason=reason)


def check(url: str | None = None) -> tuple[bool, list[str]]:
    """(ok, report lines): integrity and foreign keys on SQLite, reachability on a server, and the
    schema revision. Never changes the database."""
    db = Database(database_url(url))
    lines: list[str] = [f"database: {db.display_name()}"]
    try:
        path = db.sqlite_path
        if path is not None:
            if not path.exists():
                return False, [*lines, "the database file does not exist"]
            try:
                con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
                try:
                    integrity = [row[0] for row in con.execute("PRAGMA integrity_check")]
                    fk = con.execute("PRAGMA foreign_key_check").fetchall()
                finally:
                    con.close()
            except sqlite3.DatabaseError as error:
                return False, [*lines, f"damaged: {error}", "restore a backup (python main.py restore FILE)"]
            if integrity != ["ok"]:
                return False, [*lines, "integrity check failed:", *integrity[:20]]
            if fk:
                return False, [*lines, f"{len(fk)} rows refer to missing rows"]
            lines.append("integrity: ok")
        try:
            with db.guard(), db.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
                revision = migrate.current_revision(connection)
        except DatabaseProblem as problem:
            return False, [*lines, str(problem)]
        head = migrate.head_revision()
        if revision is None:
            lines.append("schema: empty (will be created on first start)")
        elif revision == head:
            lines.append(f"schema: {revision} (current)")
        elif revision in migrate.known_revisions():
            lines.append(f"schema: {revision} (will be upgraded to {head} on next start)")
        else:
            return False, [*lines, f"schema: {revision} is newer than this Herstelplan ({head})"]
        return True, lines
    finally:
        db.dispose()

