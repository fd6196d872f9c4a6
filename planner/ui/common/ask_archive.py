"""The question before something is archived: window-modal, non-blocking, "Archive" or "Cancel"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6 import QtWidgets
from PySide6.QtCore import Qt

from planner.i18n import _


def ask_archive(parent: QtWidgets.QWidget, title: str, text: str, name: str, archive: Callable[[], None]) -> None:
    """Ask before archiving; `archive()` runs on Archive. `name`: the box's objectName (tests find it)."""
    QMessageBox = QtWidgets.QMessageBox  # noqa: N806 - its Python type is made on first use, not at start-up
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName(name)
    box.button(QMessageBox.StandardButton.Yes).setText(_("Archive"))
    box.button(QMessageBox.StandardButton.Cancel).setText(_("Cancel"))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.finished.connect(lambda button: archive() if button == QMessageBox.StandardButton.Yes else None)
    box.open()
