"""Engine and sessions: one transaction per user action; SQLite opened the same way every time."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from planner.domain.errors import ConflictError, DatabaseProblem
from planner.domain.messages import Msg, msg

_READ_ONLY = "herstelplan_read_only"

# Less free space than this next to the database: an I/O error is reported as a full disk.
NEARLY_FULL_BYTES = 1_000_000

# How long a connection waits for another desk's or program's write lock before reporting "busy".
BUSY_TIMEOUT_MS = 10_000

# SQLite result codes (primary code = extended code & 0xFF) sorted by what the user can do.
_SQLITE_KINDS = {
    sqlite3.SQLITE_BUSY: "locked",
    sqlite3.SQLITE_LOCKED: "locked",
    sqlite3.SQLITE_READONLY: "read-only",
    sqlite3.SQLITE_FULL: "disk-full",
    sqlite3.SQLITE_CORRUPT: "corrupt",
    sqlite3.SQLITE_NOTADB: "corrupt",
    sqlite3.SQLITE_CANTOPEN: "cannot-open",
    sqlite3.SQLITE_IOERR: "io",
}

# What each kind of problem tells the user (message ids; `{name}`: what the server or text named).
MESSAGES: dict[str, Msg] = {
    "locked": msg("The database is busy (another desk or program is writing). Try again in a moment."),
    "read-only": msg("The database file is read-only. Check the file's permissions or choose another file."),
    "disk-full": msg("The disk is full. Free some space; nothing was changed."),
    "corrupt": msg("The database file is damaged or is not a Herstelplan database. Restore a backup (File → "
                   "Restore backup or `python main.py restore FILE`); the damaged file was left untouched."),
    "cannot-open": msg("The database file cannot be opened. Check that the folder exists and is writable."),
    "io": msg("The disk reported a read or write error. Check the disk and restore a backup if needed."),
    "unreachable": msg("The database server cannot be reached. Check the network and the database URL."),
    "login": msg("The database server refused the login (wrong user or password). Check the database URL "
                 "or ask the server's administrator."),
    "bad-url": msg("The database URL is not valid. Write it like sqlite:///path/to/herstelplan.sqlite3 or "
                   "postgresql+psycopg://user@server/herstelplan."),
}


def _named(kind: str, name: str) -> Msg:
    """The problems that name something (a database, a user, a character, a driver)."""
    if kind == "no-database":
        return msg("The database server has no database named {name}. Create it (for example "
                   "`createdb {name}`) or correct the database URL.", name=name)
    if kind == "no-role":
        return msg("The database server has no user (role) named {name}. Create it or correct the user "
                   "in the database URL.", name=name)
    if kind == "bad-text":
        return msg("A text contains a character that cannot be stored ({name}). Remove it and try "
                   "again; nothing was saved.", name=name)
    if kind == "bad-driver":
        return msg("The database URL names a kind of database or driver Herstelplan cannot use ({name}). "
                   "Use sqlite:///path/to/file or postgresql+psycopg://user@server/database.", name=name)
    return MESSAGES[kind]


_SERVER_REFUSALS = (
    ("no-database", re.compile(r'database "([^"]{1,100})" does not exist')),
    ("no-role", re.compile(r'role "([^"]{1,100})" does not exist')),
    ("login", re.compile(r"password authentication failed|no password supplied|authentication failed")),
)


def classify(error: BaseException) -> DatabaseProblem | None:
    """A DatabaseProblem for a known database condition, None for anything else (a bug)."""
    orig = error.orig if isinstance(error, DBAPIError) else error
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None:
        kind = _SQLITE_KINDS.get(code & 0xFF)
        if kind:
            return DatabaseProblem(kind, MESSAGES[kind])
        return None
    if "NUL (0x00)" in str(orig):
        return DatabaseProblem("bad-text", _named("bad-text", "NUL"))
    if isinstance(error, OperationalError):
        said = str(orig)
        for kind, pattern in _SERVER_REFUSALS:
            found = pattern.search(said)
            if found:
                name = found.group(1) if found.groups() else ""
                return DatabaseProblem(kind, _named(kind, name))
        if "connection" in said.lower():
            return DatabaseProblem("unreachable", MESSAGES["unreachable"])
    return None


class Database:
    """A database URL made usable: engine, sessions, and what kind of server it is."""

    def __init__(self, url: str, *, echo: bool = False):
        try:
            self.url = make_url(url)
        except ArgumentError:
            raise DatabaseProblem("bad-url", MESSAGES["bad-url"]) from None  # the text may hold a password
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        if self.url.get_backend_name() not in ("sqlite", "postgresql") or self.url.get_driver_name() not in (
                "pysqlite", "psycopg"):
            raise DatabaseProblem("bad-driver", _named("bad-driver", self.url.drivername))
        # hide_parameters: bound values (patient names, notes) never appear in logs or error texts.
        kwargs: dict[str, object] = {"echo": echo, "hide_parameters": True}
        if self.is_sqlite:
            kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
        else:
            kwargs["pool_pre_ping"] = True
        self.engine: Engine = create_engine(self.url, **kwargs)
        if self.is_sqlite:
            _configure_sqlite(self.engine, self.sqlite_path)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        event.listen(self._sessions, "before_flush", _remember_versions)
        self.read_engine = self.engine.execution_options(**{_READ_ONLY: True})
        self._read_sessions = sessionmaker(self.read_engine, expire_on_commit=False)
        # Warnings found while opening (e.g. today's backup could not be made), for the UI to show.
        self.notices: list[Msg] = []

    @property
    def sqlite_path(self) -> Path | None:
        """The SQLite file, or None for a server or an in-memory database."""
        if not self.is_sqlite:
            return None
        database = self.url.database
        if not database or database == ":memory:" or database.startswith("file:"):
            return None
        return Path(database)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One write transaction (BEGIN IMMEDIATE on SQLite); commits on success, rolls back on error.

        A row another desk changed or removed between reading and writing (PostgreSQL's READ
        COMMITTED lets both desks read the same version) becomes the program's ConflictError,
        naming both versions, exactly as the version check before a save does on SQLite.
        """
        with self.guard(), self._sessions() as session:
            try:
                with session.begin():
                    yield session
            except StaleDataError as error:
                raise self._conflict(session) from error

    def _conflict(self, session: Session) -> ConflictError:
        """The conflict for the first versioned row (a plan) this transaction saw change elsewhere."""
        seen: dict[tuple[str, int], tuple[str, int]] = session.info.get(_VERSIONS, {})
        with self.engine.connect() as connection:
            for (table, row_id), (title, editing) in seen.items():
                saved = connection.execute(
                    text(f'SELECT version FROM "{table}" WHERE id = :id'), {"id": row_id}  # noqa: S608
                ).scalar()
                connection.rollback()
                if saved is None:
                    return ConflictError(msg("“{title}” was removed at another desk. Your change was not saved.",
                                             title=title), title=title, editing=editing)
                if saved != editing:
                    return ConflictError.plan_changed(title, saved, editing)
            title, editing = next(iter(seen.values()), ("", 0))
            return ConflictError(msg(
                "“{title}” was changed elsewhere while you saved version {editing} (part of it was "
                "removed at another desk). Your change was not saved; the plan has been reloaded "
                "with the other changes.", title=title, editing=str(editing)), title=title, editing=editing)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only snapshot: never takes the write lock, never commits."""
        with self.guard(), self._read_sessions() as session, session.begin():
            yield session
            session.rollback()

    @contextmanager
    def guard(self) -> Iterator[None]:
        try:
            yield
        except DBAPIError as error:
            problem = classify(error)
            if problem is None:
                raise
            raise self._disk_full_or(problem) from error
        except UnicodeEncodeError as error:  # a lone surrogate reached the driver
            raise DatabaseProblem("bad-text", _named("bad-text", "U+D800–U+DFFF")) from error
        except ValueError as error:
            if "null character" not in str(error) and "NUL" not in str(error):
                raise
            raise DatabaseProblem("bad-text", _named("bad-text", "NUL")) from error

    def _disk_full_or(self, problem: DatabaseProblem) -> DatabaseProblem:
        """SQLite reports a write that ran out of space in some places as an I/O error: when the
        disk holding the database is (nearly) full, say so instead of 'restore a backup'."""
        path = self.sqlite_path
        if problem.kind == "io" and path is not None:
            try:
                free = shutil.disk_usage(path.parent).free
            except OSError:
                return problem
            if free < NEARLY_FULL_BYTES:
                return DatabaseProblem("disk-full", MESSAGES["disk-full"])
        return problem

    def dispose(self) -> None:
        self.engine.dispose()

    def display_name(self) -> str:
        """The URL without its password, for titles and messages."""
        return self.url.render_as_string(hide_password=True)


_VERSIONS = "herstelplan_versions"

# pg_advisory_xact_lock keys of work two desks must not do at the same moment (see `one_at_a_time`);
# migrations and seeding use 7_204_311 and 7_204_312.
LOCK_DEMO = 7_204_313
LOCK_IMPORT = 7_204_314


def one_at_a_time(session: Session, key: int) -> None:
    """Inside a transaction: wait until no other desk holds `key` (PostgreSQL). SQLite needs
    nothing: its write transactions begin IMMEDIATE, one at a time."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})


def _remember_versions(session: Session, _context: object, _instances: object) -> None:
    """Before each flush: the version of every versioned row (a plan) as this transaction read it,
    so a StaleDataError can name both versions (first reading wins)."""
    seen = session.info.setdefault(_VERSIONS, {})
    rows: list[Any] = list(session.identity_map.values())  # mapped rows of any table
    for row in rows:
        mapper = row.__mapper__
        if mapper.version_id_col is None:
            continue
        key = (mapper.local_table.name, row.id)
        if key not in seen:
            version = row.__dict__.get(mapper.get_property_by_column(mapper.version_id_col).key)
            if version is not None:
                seen[key] = (getattr(row, "title", "") or "", version)


def _create_private(path: Path) -> None:
    """Create a missing database file (and its folder) readable by the owner only, before SQLite
    opens it: SQLite gives the -wal and -shm files the same permissions as the database file."""
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
    if path.exists():
        return
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    except OSError:
        return  # a read-only folder: SQLite itself reports it when the file is opened
    os.close(fd)


def _configure_sqlite(engine: Engine, path: Path | None = None) -> None:
    """WAL, synchronous=FULL, foreign keys and a busy timeout on every pooled connection;
    transactions begin IMMEDIATE for writers (pysqlite's own BEGIN handling is switched off).
    A new database file is created 0600 (in a 0700 folder) before SQLite first opens it."""

    if path is not None:

        @event.listens_for(engine, "do_connect")
        def _before_connect(_dialect: Any, _record: Any, _cargs: Any, _cparams: Any) -> None:
            _create_private(path)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        read_only = connection.get_execution_options().get(_READ_ONLY, False)
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")
