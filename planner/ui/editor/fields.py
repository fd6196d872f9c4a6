"""Input fields that save as you type: a pause or leaving the field commits, one focus period of
typing is one undo step (a merge token), Ctrl+Z goes to the window's undo (not the field's own),
and a problem is shown under the field that has it."""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QWidget

from planner.domain.dosage import RANGES
from planner.i18n import _

COMMIT_DELAY_MS = 350
_tokens = itertools.count(1)


def new_token() -> int:
    return next(_tokens)


def _is_undo_key(event: QKeyEvent) -> bool:
    return (event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
            or (event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier)
            or (event.key() == Qt.Key.Key_Z and event.modifiers()
                == (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)))


class ErrorLabel(QLabel):
    """The message under a field; hidden while the field is fine."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.setStyleSheet("color: #b3261e;")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_problem(self, text: str | None) -> None:
        self.setText(text or "")
        self.setVisible(bool(text))


def set_invalid(widget: QWidget, invalid: bool) -> None:
    """A red frame around a field with a problem (the message itself sits in its ErrorLabel)."""
    widget.setProperty("invalid", invalid)
    meta = widget.metaObject()
    while meta is not None and not meta.className().startswith("Q"):
        meta = meta.superClass()
    name = meta.className() if meta is not None else "QWidget"
    widget.setStyleSheet(f"{name} {{ border: 1.5px solid #b3261e; border-radius: 3px; }}" if invalid else "")


class _Commit:
    """Shared debounce and token logic for the line and text fields."""

    def _setup_commit(self) -> None:
        self.token = new_token()
        self._pending = False
        self._timer = QTimer(self)  # type: ignore[arg-type]
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMIT_DELAY_MS)
        self._timer.timeout.connect(self.flush)

    def _edited(self) -> None:
        self._pending = True
        self._timer.start()

    @property
    def pending(self) -> bool:
        return self._pending

    def flush(self) -> None:
        """Commit typed text now (called on a pause, on leaving the field, before closing)."""
        self._timer.stop()
        if self._pending:
            self._pending = False
            self._emit()

    def _end_session(self) -> None:
        self.flush()
        self.token = new_token()


class CommitLineEdit(QLineEdit, _Commit):
    """A line edit that emits committed(text, token) after a pause in typing."""

    committed = Signal(str, int)

    def __init__(self, parent: QWidget | None = None, **kwargs):
        super().__init__(parent, **kwargs)
        self._setup_commit()
        self.textEdited.connect(lambda _text: self._edited())
        self.editingFinished.connect(self.flush)

    def _emit(self) -> None:
        self.committed.emit(self.text(), self.token)

    def set_value(self, text: str) -> None:
        """Show a stored value, unless the user is in the middle of typing here."""
        if self._pending or self.text() == text:
            return
        position = self.cursorPosition()
        self.setText(text)
        self.setCursorPosition(min(position, len(text)))

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and _is_undo_key(event):  # type: ignore[arg-type]
            self.flush()
            return True  # not accepted: the window's Undo/Redo handles it
        return super().event(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self._end_session()


class CommitTextEdit(QPlainTextEdit, _Commit):
    """A multi-line field with the same commit behaviour; Tab moves on instead of typing a tab."""

    committed = Signal(str, int)

    def __init__(self, parent: QWidget | None = None, **kwargs):
        super().__init__(parent, **kwargs)
        self._setup_commit()
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)
        self._loading = False
        self.textChanged.connect(self._changed)

    def _changed(self) -> None:
        if not self._loading:
            self._edited()

    def _emit(self) -> None:
        self.committed.emit(self.toPlainText(), self.token)

    def set_value(self, text: str) -> None:
        if self._pending or self.toPlainText() == text:
            return
        self._loading = True
        try:
            cursor = self.textCursor().position()
            self.setPlainText(text)
            moved = self.textCursor()
            moved.setPosition(min(cursor, len(text)))
            self.setTextCursor(moved)
        finally:
            self._loading = False

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and _is_undo_key(event):  # type: ignore[arg-type]
            self.flush()
            return True
        return super().event(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self._end_session()


def parse_number(text: str) -> float | None:
    """'12', '2,5', ' 7 ' → numbers; '' → None; anything else raises ValueError."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(text)
    return value


def number_problem(name: str, value: float | None, limits: tuple[float, float] | None = None) -> str | None:
    """What is wrong with `value` for dosage field `name`, in the UI language; None when fine."""
    if value is None:
        return None
    low, high = limits or RANGES[name]
    if name != "load_kg" and not float(value).is_integer():
        return _("Use a whole number.")
    if not low <= value <= high:
        return _("Must be between %(low)s and %(high)s.") % {"low": f"{low:g}", "high": f"{high:g}"}
    return None


class NumberField(CommitLineEdit):
    """A dosage number: empty means 'does not apply'; out-of-range values show a message and are
    never committed; Up/Down step the value. Emits value_committed(value or None, token)."""

    value_committed = Signal(object, int)

    def __init__(self, name: str, error: ErrorLabel, parent: QWidget | None = None, *,
                 limits: tuple[float, float] | None = None):
        super().__init__(parent)
        self.name = name
        self.limits = limits or RANGES[name]
        self.error = error
        self._stored: float | None = None
        self.setObjectName(f"field_{name}")
        self.setPlaceholderText(_("not used"))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setMaximumWidth(110)
        self.textEdited.connect(self._check)

    def set_number(self, value: float | None) -> None:
        self._stored = value
        if not self.pending:
            self.set_value("" if value is None else f"{value:g}")
            if not self.hasFocus():
                self._show(None)

    def _show(self, problem: str | None) -> None:
        self.error.show_problem(problem)
        set_invalid(self, bool(problem))

    def _parsed(self) -> tuple[float | None, str | None]:
        try:
            value = parse_number(self.text())
        except ValueError:
            return None, _("Type a number, or leave it empty when it does not apply.")
        return value, number_problem(self.name, value, self.limits)

    def _check(self) -> None:
        self._show(self._parsed()[1])

    def _emit(self) -> None:
        value, problem = self._parsed()
        self._show(problem)
        if problem is not None:
            return
        if value is not None and self.name != "load_kg":
            value = int(value)
        if value != self._stored:
            self.value_committed.emit(value, self.token)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        value, problem = self._parsed()
        super().focusOutEvent(event)
        if problem is not None:  # show what is stored, and say that the typed value was not saved
            typed = self.text()
            self.set_value("" if self._stored is None else f"{self._stored:g}")
            self._show(_("“%(typed)s” was not saved: %(problem)s") % {"typed": typed, "problem": problem})

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not event.modifiers():
            value, problem = self._parsed()
            low, high = self.limits
            step = 0.5 if self.name == "load_kg" else 1
            base = value if value is not None and problem is None else (self._stored if self._stored is not None else low)
            new = base + (step if event.key() == Qt.Key.Key_Up else -step)
            new = min(max(new, low), high)
            self.setText(f"{new:g}")
            self._pending = True
            self.flush()
            return
        super().keyPressEvent(event)
