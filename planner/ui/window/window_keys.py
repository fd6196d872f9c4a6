"""The window's own shortcuts win over a text field's key bindings.

A line edit claims some keys for itself before the window sees them: Ctrl+Z undoes the typed text,
and on X11 Ctrl+E moves to the end of the line and Ctrl+K deletes to it. In the library search that
made Ctrl+E (export) do nothing and Ctrl+Z undo the search instead of the plan. The window's
shortcuts (every action that is not local to one widget) act on the plan whatever widget has the
focus: the focused widget's ShortcutOverride is refused for them, so the window's action runs.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget


class WindowKeys(QObject):
    """Installed on the widget that has the focus, while it is inside `window`."""

    def __init__(self, window: QWidget, sequences: list[QKeySequence]):
        super().__init__(window)
        self.window = window
        self._claimed = {sequence[0].toCombined() for sequence in sequences if not sequence.isEmpty()}
        app = QApplication.instance()
        app.focusChanged.connect(self._focus_changed)
        window.destroyed.connect(lambda *_: _disconnect(app, self._focus_changed))

    def claims(self, event: QKeyEvent) -> bool:
        return event.keyCombination().toCombined() in self._claimed

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and new.window() is self.window:
            new.installEventFilter(self)  # a second install of the same filter moves it, not doubles it

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride and self.claims(event):  # type: ignore[arg-type]
            flush = getattr(watched, "flush", None)
            if callable(flush):  # a field that commits its typing: commit before the window acts
                flush()
            event.ignore()
            return True  # the field does not claim it: the window's action runs
        return False


def _disconnect(app: QApplication, slot) -> None:
    try:
        app.focusChanged.disconnect(slot)
    except (RuntimeError, TypeError):
        pass


__all__ = ["WindowKeys"]
