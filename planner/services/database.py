"""Open a database for the app or a command: migrate to head (backup first), seed the library."""

from __future__ import annotations

import logging

from planner.paths import database_url
from planner.store import library, migrate
from planner.store.engine import Database

__all__ = ["Database", "open_database"]

log = logging.getLogger(__name__)


def open_database(url: str | None = None, *, seed: bool = True) -> Database:
    """A ready Database at `url` (or the configured default): upgraded and with its library seeded.

    Raises DatabaseProblem for a newer, foreign, corrupt or unreachable database, leaving it untouched.
    """
    db = Database(database_url(url))
    try:
        with db.guard():
            migrate.upgrade(db)
        if seed:
            with db.transaction() as session:
                report = library.seed(session)
            if report.skipped:
                log.warning("library entries skipped: %s", ", ".join(report.skipped))
    except Exception:
        db.dispose()
        raise
    return db
