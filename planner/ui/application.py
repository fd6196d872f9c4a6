"""Start the GUI: QApplication, logging, UI language (gettext and Qt's own translations), the error
handler, the database (with a clear message when it cannot be opened) and the main window."""

from __future__ import annotations

import logging
import sys
import time
from logging.handlers import RotatingFileHandler
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.domain.errors import HerstelplanError
from planner.i18n import _
from planner.paths import log_dir
from planner.ui.errors import ErrorReporter, describe
from planner.ui.icons import icon
from planner.ui.main_window import MainWindow
from planner.ui.qt_translations import apply_ui_language
from planner.ui.settings import Settings
from planner.ui.startup import PendingDatabase

if TYPE_CHECKING:
    from planner.services.database import Database

log = logging.getLogger(__name__)


def _setup_logging() -> None:
    root = logging.getLogger()
    if any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        return
    try:
        handler = RotatingFileHandler(log_dir() / "herstelplan.log", maxBytes=2_000_000, backupCount=3,
                                      encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)


class WindowKeeper:
    """Builds the main window, and builds it anew when the UI language changes (same layout,
    patient and plan: the old window saves them, the new one restores them)."""

    def __init__(self, db: Database, prefs: Settings, reporter: ErrorReporter):
        self.db, self.prefs, self.reporter = db, prefs, reporter
        self.current: MainWindow | None = None

    def build(self, *, defer_loading: bool = False) -> MainWindow:
        window = MainWindow(self.db, settings=self.prefs.qsettings, reporter=self.reporter,
                            defer_loading=defer_loading)
        window.language_changed.connect(lambda _lang: QTimer.singleShot(0, self.rebuild))
        self.current = window
        window.show()
        return window

    def rebuild(self) -> None:
        old = self.current
        if old is None:
            return
        old.flush()
        old.state.save(old)
        self.build()
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
    _setup_logging()
    prefs = Settings.for_user()
    apply_ui_language(prefs.ui_language)
    keeper: WindowKeeper | None = None
    reporter = ErrorReporter(lambda: keeper.current if keeper is not None else None)
    reporter.install()
    db = PendingDatabase(database)
    keeper = WindowKeeper(db, prefs, reporter)  # type: ignore[arg-type]  # a Database once open
    window = keeper.build(defer_loading=True)
    opening: list[object] = []

    def opened(_db: object) -> None:
        current = keeper.current
        if current is not None:
            current.load()
            log.info("window ready %.0f ms after the start of the GUI", (time.perf_counter() - started) * 1000)

    def failed(error: BaseException) -> None:
        if not isinstance(error, HerstelplanError):
            raise error  # a bug: the error reporter shows it
        QMessageBox.critical(keeper.current, "Herstelplan",
                             _("The database cannot be opened.") + "\n\n" + describe(error))
        app.exit(1)

    def open_database() -> None:
        from planner.ui.workers import run_in_background

        opening.append(run_in_background(db.open, on_done=opened, on_error=failed))

    if quit_after_first_paint:
        window.first_paint.connect(lambda: QTimer.singleShot(0, app.quit))
    else:
        window.first_paint.connect(lambda: QTimer.singleShot(0, open_database))
    if quit_when_ready:
        window.ready.connect(lambda: QTimer.singleShot(0, app.quit))
    try:
        return app.exec()
    finally:
        if opening:
            db.wait()  # a worker thread must not outlive the interpreter
        reporter.uninstall()
        db.dispose()
