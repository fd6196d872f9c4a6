"""Start the GUI: QApplication, UI language (gettext and Qt's own translations), the error handler and
the main window, which paints at once; then, after its first paint, the log file and the database
(opened on a worker thread, with a clear message when it cannot be opened), and the panels fill."""

from __future__ import annotations

import gc
import logging
import sys
import time
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from planner.domain.errors import HerstelplanError
from planner.i18n import _
from planner.paths import database_url
from planner.ui.common.icons import icon
from planner.ui.settings.qt_translations import apply_ui_language
from planner.ui.settings.settings import Settings
from planner.ui.window.errors import ErrorReporter
from planner.ui.window.main_window import MainWindow
from planner.ui.window.startup import PendingDatabase

if TYPE_CHECKING:
    from planner.services.database import Database

log = logging.getLogger(__name__)


def _open_with_private_log(db: PendingDatabase) -> Database:
    """On the worker thread: the private log file (0600, no SQL, no parameters), then the database."""
    from planner.services import privacy

    try:
        privacy.configure_logging()
    except OSError:
        log.warning("no log file: the log folder is not writable")
    return db.open()


class WindowKeeper:
    """Builds the main window, and builds it anew when the UI language changes (same layout,
    patient and plan: the old window saves them, the new one restores them)."""

    def __init__(self, db: Database, prefs: Settings, reporter: ErrorReporter):
        self.db, self.prefs, self.reporter = db, prefs, reporter
        self.current: MainWindow | None = None

    def build(self, *, defer_loading: bool = False, doc=None) -> MainWindow:
        window = MainWindow(self.db, settings=self.prefs, reporter=self.reporter,
                            defer_loading=defer_loading, doc=doc)
        window.language_changed.connect(lambda _lang: QTimer.singleShot(0, self.rebuild))
        self.current = window
        window.show()
        return window

    def rebuild(self) -> None:
        old = self.current
        if old is None:
            return
        old.flush()
        old.prefs.save_window(old)
        self.build(doc=old.doc)  # the open plans' undo histories carry over
        old.close()
        old.deleteLater()


def run_in_background(fn, **callbacks):
    from planner.ui.common.workers import run_in_background as run

    return run(fn, **callbacks)


def run_gui(*, database: str | None = None, quit_after_first_paint: bool = False,
            quit_when_ready: bool = False) -> int:
    """Show the main window at once; the database opens on a worker thread right after the first
    paint, then the panels fill (MainWindow.ready). A database that cannot be opened is explained
    and the program ends with 1. `quit_after_first_paint` and `quit_when_ready` end the program at
    those moments (start-up measurements, bench/)."""
    started = time.perf_counter()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Herstelplan")
    app.setOrganizationName("Herstelplan")
    app.setWindowIcon(icon("herstelplan"))
    prefs = Settings.for_user()
    apply_ui_language(prefs.ui_language)
    from planner.ui.window import instance

    claimed = instance.claim(database_url(database), listen=False)  # one program per database file
    if claimed.guard is None:
        return instance.report_second_start(claimed)
    keeper: WindowKeeper | None = None
    reporter = ErrorReporter(lambda: keeper.current if keeper is not None else None)
    reporter.install()
    db = PendingDatabase(database)
    keeper = WindowKeeper(db, prefs, reporter)  # type: ignore[arg-type]  # a Database once open
    window = keeper.build(defer_loading=True)
    claimed.guard.activation_requested.connect(lambda: instance.bring_forward(keeper.current))
    opening: list[object] = []

    def opened(_db: object) -> None:
        current = keeper.current
        if current is not None:
            current.load()
            if db.notices:  # e.g. today's backup could not be made
                from planner.ui.files.backup_dialog import notices_text

                current.statusBar().showMessage(notices_text(db))
            gc.freeze()  # the database layer's modules and caches too (see painted())
            gc.enable()
            log.info("window ready %.0f ms after the start of the GUI", (time.perf_counter() - started) * 1000)

    def failed(error: BaseException) -> None:
        QMessageBox = QtWidgets.QMessageBox  # noqa: N806 - its Python type is made on first use, not at start-up
        if isinstance(error, HerstelplanError):
            from planner.ui.files.backup_dialog import handle_open_failure

            if handle_open_failure(error, database, keeper.current):  # restored a backup, or "try again"
                db.reset()
                opening.append(run_in_background(lambda: _open_with_private_log(db), on_done=opened,
                                                 on_error=failed))
                return
            app.exit(1)
            return
        if isinstance(error, OSError):
            reason = f"{error.strerror or error}" + (f": {error.filename}" if error.filename else "")
        else:
            raise error  # a bug: the error reporter shows it
        QMessageBox.critical(keeper.current, "Herstelplan", _("The database cannot be opened.") + "\n\n" + reason)
        app.exit(1)

    def after_first_paint() -> None:
        claimed.guard.listen()  # a second start now brings this window forward
        opening.append(run_in_background(lambda: _open_with_private_log(db), on_done=opened, on_error=failed))

    def painted() -> None:
        # What start-up made (modules, classes, the window) lives as long as the program: out of the
        # cyclic garbage collector's way, so later collections (pauses while typing) and the final
        # one at exit do not walk it again and again. O(1); see gc.freeze.
        gc.freeze()
        gc.enable()  # start_gui paused it for the start
        QTimer.singleShot(0, app.quit if quit_after_first_paint else after_first_paint)

    window.first_paint.connect(painted)
    if quit_when_ready:
        window.ready.connect(lambda: QTimer.singleShot(0, app.quit))
    try:
        return app.exec()
    finally:
        if opening:
            db.wait()  # a worker thread must not outlive the interpreter
        reporter.uninstall()
        db.dispose()
        claimed.guard.release()
