"""The search field above a list: Down moves into the list, Escape clears the search."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class SearchField(QLineEdit):
    """Emits `move_down` on Down (and on Enter when `enter_moves_down`); Escape clears the text."""

    move_down = Signal()

    def __init__(self, parent: QWidget | None = None, *, enter_moves_down: bool = False, **kwargs: object):
        super().__init__(parent, **kwargs)
        self._keys = {Qt.Key.Key_Down}
        if enter_moves_down:
            self._keys |= {Qt.Key.Key_Return, Qt.Key.Key_Enter}

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in self._keys:
            self.move_down.emit()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)
