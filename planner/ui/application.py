"""Start the GUI: QApplication, database (with a clear message when it cannot be opened), window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from planner.domain.errors import HerstelplanError
from planner.services.database import open_database


def run_gui(*, database: str | None = None, quit_after_first_paint: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Herstelplan")
    app.setOrganizationName("Herstelplan")
    try:
        db = open_database(database)
    except HerstelplanError as error:
        QMessageBox.critical(None, "Herstelplan", str(error))
        return 1
    from planner.ui.main_window import MainWindow

    window = MainWindow(db)
    window.show()
    if quit_after_first_paint:
        window.first_paint.connect(lambda: QTimer.singleShot(0, app.quit))
    try:
        return app.exec()
    finally:
        db.dispose()
