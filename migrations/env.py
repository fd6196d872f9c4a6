"""Alembic environment: runs on the connection Herstelplan hands over (one transaction), or on
the URL from HERSTELPLAN_DATABASE_URL / the default SQLite file when run from the alembic CLI."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from planner.paths import database_url
from planner.store.tables import Base

target_metadata = Base.metadata


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        transaction_per_migration=False,
    )


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(database_url())
    with engine.begin() as connection:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("Offline (SQL script) migrations are not supported; run against a database.")
run_migrations_online()
