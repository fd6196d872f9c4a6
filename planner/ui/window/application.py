"""Start the GUI: QApplication, UI language (gettext and Qt's own translations), the error handler and
the main window, which paints at once, built without the database; then, after its first paint, a
worker thread sets up the log file and opens the database (SQLAlchemy and the services load there),
and `WindowKeeper.attach` hands the open database to the window (a database that cannot be opened is
explained over the window)."""

from __future__ import annotations

import logging
import sys
import time
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QThreadPool, QTimer
from PySide6.QtWidgets import QApplication

from planner.domain.errors import HerstelplanError
from planner.i18n import _
from planner.paths import database_url
from planner.ui.common.errors import ErrorReporter
from planner.ui.common.icons import icon
from planner.ui.common.workers import run_in_background
from planner.ui.settings.qt_translations import apply_ui_language
from planner.ui.settings.settings import Settings
from planner.ui.window.main_window import MainWindow

if TYPE_CHECKING:
    from planner.services.database import Database
    from planner.ui.editor.plan_document import PlanDocument

log = logging.getLogger(__name__)


def open_services(database: str | None) -> Database:
    """On the worker thread: the private log file (0600, no SQL, no parameters), the database, and
    the services the panels call first (imported here, so that the window does not wait for them)."""
    from planner.services import library, patients, plans, privacy  # noqa: F401 - loaded for the panels
    from planner.services.database import open_database

    try:
        privacy.configure_logging()
    except OSError:
        log.warning("no log file: the log folder is not writable")
    return open_database(database)


class WindowKeeper:
    """Builds the main window, and builds it anew when the UI language changes (same layout,
    patient and plan: the old window saves them, the new one restores them). `db`: the open
    database, None until `attach` hands it in."""

    def __init__(self, db: Database | None, prefs: Settings, reporter: ErrorReporter):
        self.db, self.prefs, self.reporter = db, prefs, reporter
        self.current: MainWindow | None = None

    def build(self, *, doc: PlanDocument | None = None) -> MainWindow:
        window = MainWindow(self.db, settings=self.prefs, reporter=self.reporter, doc=doc)
        window.language_changed.connect(lambda _lang: QTimer.singleShot(0, self.rebuild))
        self.current = window
        window.show()
        return window

    def attach(self, db: Database) -> None:
        """The database is open: the window shows its data."""
        self.db = db
        if self.current is not None:
            self.current.attach(db)

    def rebuild(self) -> None:
        old = self.current
        if old is None:
            return
        old.flush()
        old.prefs.save_window(old)
        self.build(doc=old.doc)  # the open plans' undo histories carry over
        old.close()
        old.deleteLater()


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
    keeper = WindowKeeper(None, prefs, reporter)
    window = keeper.build()
    claimed.guard.activation_requested.connect(lambda: instance.bring_forward(keeper.current))
    pool = QThreadPool()  # the opening's own thread, waited for before the program ends
    databases: list[Database] = []  # every database opened, closed at the end

    def work() -> Database:
        db = open_services(database)
        databases.append(db)
        return db

    def open_in_background() -> None:
        run_in_background(work, on_done=opened, on_error=failed, pool=pool)

    def opened(db: Database) -> None:
        keeper.attach(db)
        if db.notices and keeper.current is not None:  # e.g. today's backup could not be made
            from planner.ui.files.backup_dialog import notices_text

            keeper.current.say(notices_text(db), 0)
        log.info("window ready %.0f ms after the start of the GUI", (time.perf_counter() - started) * 1000)

    def failed(error: BaseException) -> None:
        QMessageBox = QtWidgets.QMessageBox  # noqa: N806 - its Python type is made on first use, not at start-up
        if isinstance(error, HerstelplanError):
            from planner.ui.files.backup_dialog import handle_open_failure

            if handle_open_failure(error, database, keeper.current):  # restored a backup, or "try again"
                open_in_background()
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
        open_in_background()

    window.first_paint.connect(lambda: QTimer.singleShot(0, app.quit if quit_after_first_paint else after_first_paint))
    if quit_when_ready:
        window.ready.connect(lambda: QTimer.singleShot(0, app.quit))
    try:
        return app.exec()
    finally:
        pool.waitForDone()  # a worker thread must not outlive the interpreter
        for db in databases:
            db.dispose()
        reporter.uninstall()
        claimed.guard.release()
