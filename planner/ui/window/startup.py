"""Open the database while the window is already on screen.

Importing SQLAlchemy and opening a database (checks, migrations, the day's first backup, the
library seed check) takes longer than everything Qt needs to show a window, so the window paints
first and the database opens on a worker thread right after. `PendingDatabase` stands in for the
Database meanwhile: panels and services receive it like a Database; anything read from it before
the open has finished waits for the open (a click in the first moments costs a moment, never an
error), or opens it right there when the worker has not started yet, and sees the open's own error
if it failed.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planner.services.database import Database


class PendingDatabase:
    """A Database that is still opening; see the module docstring."""

    def __init__(self, url: str | None = None):
        self._url = url
        self._db: Database | None = None
        self._error: BaseException | None = None
        self._done = threading.Event()
        self._lock = threading.Lock()  # held while opening: one open, whoever asks first

    def open(self) -> Database:
        """Open the database (on the worker thread); `real()` and every attribute read wait for this.
        Opening twice returns (or raises) the first open's outcome."""
        with self._lock:
            if not self._done.is_set():
                try:
                    from planner.services.database import open_database

                    self._db = open_database(self._url)
                except BaseException as error:  # noqa: BLE001 - handed to the main thread, which reports it
                    self._error = error
                finally:
                    self._done.set()
        if self._error is not None:
            raise self._error
        assert self._db is not None
        return self._db

    def reset(self) -> None:
        """Forget a failed open so that it can be tried again (after a restore or 'Try again')."""
        if self._db is not None:
            self._db.dispose()
        self._db = None
        self._error = None
        self._done.clear()

    @property
    def is_open(self) -> bool:
        return self._done.is_set() and self._db is not None

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the open has finished (either way); False when `timeout` ran out first."""
        return self._done.wait(timeout)

    def real(self) -> Database:
        """The opened Database: waits for an open under way, or opens it now (raises its error)."""
        return self.open()

    def dispose(self) -> None:
        """Close the connections, if the database was opened."""
        if self._done.is_set() and self._db is not None:
            self._db.dispose()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # copy, pickle and friends look for these: not a database question
            raise AttributeError(name)
        return getattr(self.real(), name)
