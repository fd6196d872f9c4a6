"""Help → About names the program and its version (the one `herstelplan --version` prints)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from planner import __version__


def _menu_action(window, menu_title: str, action_text: str):
    menus = {action.text().replace("&", ""): action.menu() for action in window.menuBar().actions()}
    menu = menus[menu_title]
    return next(a for a in menu.actions() if a.text().replace("&", "") == action_text)


def test_help_about_shows_the_version(qtbot, window):
    seen: list[tuple[str, str]] = []

    def read_and_close() -> None:
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
                 and w.windowTitle() == "About Herstelplan"]
        if not boxes:
            QTimer.singleShot(20, read_and_close)
            return
        seen.append((boxes[0].windowTitle(), boxes[0].text()))
        boxes[0].accept()

    QTimer.singleShot(0, read_and_close)
    _menu_action(window, "Help", "About Herstelplan").trigger()  # returns when the box is closed
    qtbot.waitUntil(lambda: bool(seen))
    title, text = seen[0]
    assert title == "About Herstelplan"
    assert f"Herstelplan {__version__}" in text
