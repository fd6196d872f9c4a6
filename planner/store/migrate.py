"""Bring a database to the current schema on open: back up first, refuse newer or foreign files.

Alembic is imported only when a migration is due: reading `alembic_version` with plain SQL and
comparing it with the newest revision file costs milliseconds; importing Alembic costs far more.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from planner.domain.errors import DatabaseProblem
from planner.domain.messages import msg
from planner.paths import MIGRATIONS_DIR, backup_dir
from planner.store import backup, identity
from planner.store.engine import Database

_PG_MIGRATION_LOCK = 7_204_311  # pg_advisory_xact_lock key: one desk migrates, the others wait


def known_revisions() -> list[str]:
    """Revision ids on disk, oldest first (files are named NNNN_description.py, ids are NNNN)."""
    return identity.known_revisions()


def head_revision() -> str:
    return known_revisions()[-1]


def current_revision(connection: Connection) -> str | None:
    """The stored revision, or None when the database has no alembic_version table."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return row[0] if row else None


def _has_foreign_tables(connection: Connection) -> bool:
    return bool(set(inspect(connection).get_table_names()) - {"alembic_version"})


def check_revision(revision: str | None, *, has_tables: bool) -> bool:
    """True when a migration is due; raise DatabaseProblem for a newer or a foreign database."""
    known = known_revisions()
    if revision is None:
        if has_tables:
            raise DatabaseProblem(
                "foreign",
                msg("This database was not made by Herstelplan. Choose another file or an empty one; "
                    "the file was left untouched."),
            )
        return True
    if revision not in known:
        raise DatabaseProblem(
            "newer",
            msg("This database was written by a newer version of Herstelplan (schema {revision}). "
                "Update Herstelplan on this computer; the database was left untouched.", revision=revision),
        )
    return revision != known[-1]


def upgrade(db: Database, *, backup_first: bool = True, target: str = "head") -> bool:
    """Upgrade to `target` if behind, in one transaction. Returns True when a migration ran."""
    with db.engine.connect() as probe:
        revision = current_revision(probe)
        has_tables = _has_foreign_tables(probe) if revision is None else True
        marked = not db.is_sqlite or probe.exec_driver_sql("PRAGMA application_id").scalar() == identity.APPLICATION_ID
        probe.rollback()
    if not check_revision(revision, has_tables=has_tables) and target == "head":
        if not marked:
            mark_ours(db)
        return False
    if backup_first and revision is not None and db.sqlite_path and db.sqlite_path.exists():
        backup.backup_sqlite(db.sqlite_path, backup_dir(), reason=f"before-migration-{revision}")
    run_alembic(db, "upgrade", target)
    return True


def mark_ours(db: Database) -> None:
    """Set SQLite's application id (the hook after migrations: every file we create or migrate,
    and a file from before the id existed once it has been identified as ours)."""
    if db.is_sqlite:
        with db.engine.begin() as connection:
            connection.exec_driver_sql(f"PRAGMA application_id = {identity.APPLICATION_ID:d}")


def run_alembic(db: Database, direction: str, target: str) -> None:
    """Run `alembic upgrade|downgrade target` on `db` inside one transaction (and a lock on PG)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with db.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_MIGRATION_LOCK})
        if direction == "upgrade":
            # Another desk may have migrated while we waited for the lock.
            revision = current_revision(connection)
            if target == "head" and revision == head_revision():
                return
        config.attributes["connection"] = connection
        if direction == "upgrade":
            command.upgrade(config, target)
        else:
            command.downgrade(config, target)
        if connection.dialect.name == "sqlite":
            connection.exec_driver_sql(f"PRAGMA application_id = {identity.APPLICATION_ID:d}")


def migrations_dir() -> Path:
    return MIGRATIONS_DIR
