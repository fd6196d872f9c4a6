"""Is this database ours? Proven before anything is written, replaced or migrated.

A Herstelplan SQLite file carries APPLICATION_ID in its header (`PRAGMA application_id`, set on
every file Herstelplan creates, migrates or restores) and has our tables and columns at a schema
revision this version knows. Files from before the application id existed (id 0) are ours when
their tables and columns match; any other id is another program's file. On PostgreSQL the same
table and column check applies.

Identifying never writes: the file is opened read-only. A file with a hot rollback journal (a
write that was cut off) is identified on a private copy, so a foreign file's journal is never
rolled back; only a file proven ours is then recovered in place (`recover`).
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from planner.domain.errors import DatabaseProblem
from planner.domain.messages import msg
from planner.paths import MIGRATIONS_DIR

# "HPLN": the application id of every Herstelplan SQLite file (one 32-bit number, here only).
APPLICATION_ID = 0x48504C4E
_TIMEOUT_S = 10


@dataclass(frozen=True, slots=True)
class Identity:
    """What a database is: its schema revision (None: empty) and the application id in its header."""

    revision: str | None
    application_id: int


def foreign(name: str) -> DatabaseProblem:
    return DatabaseProblem(
        "foreign",
        msg("{name} was not made by Herstelplan (another program's database). Choose another file "
            "or an empty one; the file was left untouched.", name=name),
    )


def newer(name: str, revision: str) -> DatabaseProblem:
    return DatabaseProblem(
        "newer",
        msg("{name} was written by a newer version of Herstelplan (schema {revision}). Update "
            "Herstelplan on this computer; the file was left untouched.", name=name, revision=revision),
    )


def known_revisions() -> list[str]:
    """Revision ids on disk, oldest first (files are named NNNN_description.py, ids are NNNN)."""
    return sorted(p.name.split("_", 1)[0] for p in (MIGRATIONS_DIR / "versions").glob("[0-9]*_*.py"))


@lru_cache(maxsize=8)
def expected_schema(revision: str) -> dict[str, frozenset[str]]:
    """Our tables and their columns at `revision`: the migrations run on an in-memory database
    (once per process and revision; only needed for restores, checks and files without an id)."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from planner.store.tables import Base

    engine = create_engine("sqlite://")
    try:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            found = inspect(connection)
            ours = set(Base.metadata.tables)
            return {
                name: frozenset(column["name"] for column in found.get_columns(name))
                for name in found.get_table_names() if name in ours
            }
    finally:
        engine.dispose()


def schema_problem(actual: dict[str, set[str]], revision: str) -> str | None:
    """The first table or column of ours missing from `actual` (tables -> columns), or None."""
    for table, columns in sorted(expected_schema(revision).items()):
        if table not in actual:
            return f"table {table} is missing"
        missing = sorted(columns - set(actual[table]))
        if missing:
            return f"{table}.{missing[0]} is missing"
    return None


def _sqlite_tables(con: sqlite3.Connection) -> dict[str, set[str]]:
    names = [row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    out: dict[str, set[str]] = {}
    for name in names:
        if name.startswith("sqlite_"):
            continue
        quoted = '"' + name.replace('"', '""') + '"'
        try:
            out[name] = {row[1] for row in con.execute(f"PRAGMA table_info({quoted})")}
        except sqlite3.OperationalError:  # a virtual table of a module this SQLite lacks
            out[name] = set()
    return out


def read_only_uri(path: Path) -> str:
    from urllib.parse import quote

    return f"file:{quote(str(Path(path).resolve()))}?mode=ro"


def reading_uri(path: Path) -> str:
    """A read-only URI for `path`, immutable (nothing is created next to it: no -wal, no -shm)
    when no program has the file open in WAL mode (neither file is there), or when the file or its
    folder is not writable and no write-ahead log with content lies next to it."""
    import os

    wal, shm = (path.with_name(path.name + suffix) for suffix in ("-wal", "-shm"))
    if not wal.exists() and not shm.exists():
        return read_only_uri(path) + "&immutable=1"
    writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    try:
        wal_content = wal.stat().st_size > 0
    except OSError:
        wal_content = False
    return read_only_uri(path) + ("" if writable or wal_content else "&immutable=1")


def journal_of(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def has_hot_journal(path: Path) -> bool:
    journal = journal_of(path)
    try:
        return journal.is_file() and journal.stat().st_size > 0
    except OSError:
        return False


@contextmanager
def _readable(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that reads `path` without changing it: read-only, or on a private copy when a
    hot journal lies next to it (reading would roll the journal back into the file)."""
    if not has_hot_journal(path):
        con = sqlite3.connect(reading_uri(path), uri=True, timeout=_TIMEOUT_S)
        try:
            yield con
        finally:
            con.close()
        return
    with tempfile.TemporaryDirectory(prefix="herstelplan-identify-") as folder:
        copy = Path(folder) / path.name
        shutil.copyfile(path, copy)
        shutil.copyfile(journal_of(path), journal_of(copy))
        con = sqlite3.connect(copy, timeout=_TIMEOUT_S)
        try:
            yield con
        finally:
            con.close()


def identify_sqlite(path: Path, *, full: bool = False) -> Identity:
    """Prove the SQLite file at `path` is ours (or empty) without changing it.

    Raises DatabaseProblem 'foreign' (another program's file), 'newer' (a revision this version
    does not know), and lets sqlite3 errors through (the caller sorts busy from damaged).
    `full`: check tables and columns even when the application id is ours (restore, check).
    """
    path = Path(path)
    with _readable(path) as con:
        application_id = con.execute("PRAGMA application_id").fetchone()[0]
        tables = _sqlite_tables(con)
        revision = None
        if "alembic_version" in tables:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
    if application_id not in (0, APPLICATION_ID):
        raise foreign(path.name)
    if revision is None:
        if tables.keys() - {"alembic_version"}:
            raise foreign(path.name)
        return Identity(None, application_id)
    if revision not in known_revisions():
        if application_id == APPLICATION_ID:
            raise newer(path.name, revision)
        raise foreign(path.name)  # an unknown revision in a file without our id: not ours
    if full or application_id == 0:
        problem = schema_problem(tables, revision)
        if problem is not None:
            raise foreign(path.name)
    return Identity(revision, application_id)


def recover(path: Path) -> None:
    """Roll back a hot journal left by a cut-off write (call only for a file proven ours)."""
    if not has_hot_journal(path):
        return
    con = sqlite3.connect(path, timeout=_TIMEOUT_S)
    try:
        con.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        con.close()


def set_application_id(con: sqlite3.Connection) -> None:
    """Mark a SQLite database as ours (a raw sqlite3 connection, outside a transaction)."""
    if con.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        con.execute(f"PRAGMA application_id = {APPLICATION_ID:d}")


def check_server_schema(connection: Connection, revision: str, name: str) -> None:
    """On PostgreSQL: our tables and columns at `revision`, or DatabaseProblem 'foreign'."""
    found = inspect(connection)
    actual = {table: {c["name"] for c in found.get_columns(table)} for table in found.get_table_names()}
    if schema_problem(actual, revision) is not None:
        raise foreign(name)
