"""The SQLite connection settings and error classification."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import text

from planner.domain.errors import DatabaseProblem
from planner.store.engine import Database, classify


def test_every_pooled_connection_has_wal_full_sync_foreign_keys_and_timeout(db):
    """Each pooled connection is opened the same way: WAL, synchronous=FULL, FKs on, busy timeout."""
    connections = [db.read_engine.connect() for _ in range(3)]
    try:
        for connection in connections:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
    finally:
        for connection in connections:
            connection.close()


def test_write_transactions_take_the_write_lock_at_begin(db, db_path):
    """A write transaction holds the lock from its start, so a second writer waits instead of failing late."""
    with db.transaction() as session:
        session.execute(text("SELECT 1"))
        other = sqlite3.connect(db_path, timeout=0)
        try:
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()


def test_reading_does_not_block_a_writer(db, db_path):
    """A read snapshot never takes the write lock."""
    with db.reading() as session:
        session.execute(text("SELECT count(*) FROM blocks"))
        other = sqlite3.connect(db_path, timeout=0)
        try:
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
        finally:
            other.close()


def test_a_file_that_is_not_a_database_is_classified_as_corrupt(tmp_path):
    """Opening a non-database file raises DatabaseProblem('corrupt'), not a raw driver error."""
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    db = Database(f"sqlite:///{path}")
    with pytest.raises(DatabaseProblem) as caught, db.reading() as session:
        session.execute(text("SELECT 1 FROM sqlite_master"))
    assert caught.value.kind == "corrupt"
    db.dispose()


def test_busy_is_locked_not_corrupt():
    """A busy database is reported as locked, never mistaken for a corrupt one."""
    error = sqlite3.OperationalError("database is locked")
    error.sqlite_errorcode = sqlite3.SQLITE_BUSY
    problem = classify(error)
    assert problem is not None and problem.kind == "locked"
