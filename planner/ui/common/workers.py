"""Run slow work (rendering, writing files) off the GUI thread and hand the result back to it.

    task = run_in_background(render, on_done=show, on_error=complain)

`fn` runs on a QThreadPool thread; `on_done(result)` or `on_error(exception)` then run on the GUI
thread (queued through a relay QObject that lives there). Services open their own transactions,
and SQLite connections are opened with check_same_thread=False, so a service call is safe here.
Never touch a widget inside `fn`.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot

log = logging.getLogger(__name__)

# Relays waiting for their task; kept here so Python does not collect them while the task runs.
_pending: set[BackgroundTask] = set()


class BackgroundTask(QObject):
    """One piece of work on a pool thread. Signals arrive on the thread that created the task."""

    done = Signal(object)
    failed = Signal(object)
    _result = Signal(object, bool)  # emitted from the pool thread, delivered queued

    def __init__(self, fn: Callable[[], Any], parent: QObject | None = None):
        super().__init__(parent)
        self._fn = fn
        self.thread_name: str | None = None  # the thread `fn` ran on (for tests and logs)
        self.finished_ok: bool | None = None
        self._result.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def run(self) -> None:
        """Run `fn` in the calling thread and post the outcome to the task's own thread."""
        self.thread_name = threading.current_thread().name
        try:
            result = self._fn()
        except Exception as error:
            log.debug("background task failed", exc_info=True)
            self._result.emit(error, False)
        else:
            self._result.emit(result, True)

    @Slot(object, bool)
    def _deliver(self, value: object, ok: bool) -> None:
        self.finished_ok = ok
        (self.done if ok else self.failed).emit(value)
        # Let go of the task only after this event is fully handled: a receiver that drops its own
        # reference inside the slot must not delete the sender while it is still emitting.
        QTimer.singleShot(0, lambda: _pending.discard(self))


class _Runnable(QRunnable):
    def __init__(self, task: BackgroundTask):
        super().__init__()
        self.task = task

    def run(self) -> None:
        self.task.run()


def run_in_background(
    fn: Callable[[], Any],
    *,
    on_done: Callable[[Any], None] | None = None,
    on_error: Callable[[BaseException], None] | None = None,
    pool: QThreadPool | None = None,
) -> BackgroundTask:
    """Start `fn()` on `pool` (default: the global pool); callbacks run on the caller's thread."""
    task = BackgroundTask(fn)
    if on_done is not None:
        task.done.connect(on_done)
    if on_error is not None:
        task.failed.connect(on_error)
    _pending.add(task)
    (pool or QThreadPool.globalInstance()).start(_Runnable(task))
    return task
