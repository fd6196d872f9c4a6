"""One place that turns errors into dialogs: known problems (HerstelplanError) as a clear message,
anything else as a crash dialog with copyable details and the log's path. Nothing is lost: every
edit is saved when it is made, and pending typing is flushed before the crash dialog shows."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from planner import __version__
from planner.domain.errors import (
    ConflictError,
    HerstelplanError,
    NotFound,
    ValidationError,
)
from planner.i18n import _, word
from planner.paths import log_dir
from planner.ui.common.labels import field_label

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QMessageBox

    from planner.ui.common.crash_dialog import CrashDialog

log = logging.getLogger("herstelplan.ui")


def describe(error: HerstelplanError) -> str:
    """The user's sentence for a known problem, in the UI language."""
    if isinstance(error, ConflictError):
        if error.saved is not None and error.editing is not None:
            return _(
                "This plan was changed at another desk since you opened it (the other desk saved "
                "version %(saved)d; you were editing version %(editing)d). Your last change was not "
                "saved; the plan now shows the other desk's version. Please make your change again."
            ) % {"saved": error.saved, "editing": error.editing}
        return _(
            "This plan was changed at another desk since you opened it. Your last change was not "
            "saved; the plan now shows the other desk's version. Please make your change again."
        )
    if isinstance(error, ValidationError):
        lines = [f"{field_label(name)}: {word(message)}" for name, message in error.problems.items()]
        return _("Please correct:") + "\n" + "\n".join(lines)
    if isinstance(error, NotFound):
        return _("What you were working on no longer exists (it was removed, perhaps at another desk).") + (
            "\n" + word(error.message)
        )
    return word(error.message)  # DatabaseProblem and every other known problem


class ErrorReporter(QObject):
    """Shows errors; install() makes it the handler for exceptions nobody caught."""

    def __init__(self, parent_widget: Callable[[], QWidget | None] | None = None):
        super().__init__()
        self._parent = parent_widget or (lambda: None)
        self._previous_hook = None
        self._busy = False
        self.before_crash: list[Callable[[], None]] = []
        self.last_dialog: QDialog | None = None

    def install(self) -> None:
        self._previous_hook = sys.excepthook
        sys.excepthook = self.excepthook

    def uninstall(self) -> None:
        if self._previous_hook is not None:
            sys.excepthook = self._previous_hook
            self._previous_hook = None

    def excepthook(self, etype: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:  # noqa: ARG002 - Qt's signature
        if isinstance(value, KeyboardInterrupt):
            QGuiApplication.quit()
            return
        if isinstance(value, HerstelplanError):
            self.show_problem(value)
            return
        self.show_crash(value, tb)

    def show_problem(self, error: HerstelplanError, *, title: str | None = None) -> QMessageBox:
        """A warning dialog with the known problem's message (non-blocking)."""
        QMessageBox = QtWidgets.QMessageBox  # noqa: N806 - its Python type is made on first use, not at start-up
        log.info("known problem shown: %s: %s", type(error).__name__, error)
        box = QMessageBox(QMessageBox.Icon.Warning, title or _("Herstelplan"), describe(error),
                          QMessageBox.StandardButton.Ok, self._parent())
        box.setObjectName("problemDialog")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = box
        box.open()
        return box

    def show_crash(self, error: BaseException, tb: TracebackType | None = None) -> CrashDialog | None:
        if self._busy:  # an error while showing an error: log it, never loop
            log.error("error while reporting an error", exc_info=(type(error), error, tb))
            return None
        self._busy = True
        try:
            for flush in list(self.before_crash):
                try:
                    flush()
                except Exception:
                    log.exception("flush before crash dialog failed")
            import platform  # only here: a crash report is the one place that needs it

            tb = tb or error.__traceback__
            text = "".join(traceback.format_exception(type(error), error, tb))
            log.error("unexpected error\n%s", text)
            folder = _("Log folder")  # outside the f-string: Babel finds it there
            details = (
                f"Herstelplan {__version__}, Python {platform.python_version()}, PySide6 {pyside_version}, "
                f"{platform.platform()}\n{folder}: {log_dir()}\n\n{text}"
            )
            from planner.ui.common.crash_dialog import (
                CrashDialog,  # Qt's dialog types: not needed at start-up
            )

            dialog = CrashDialog(details, self._parent())
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.last_dialog = dialog
            dialog.open()
            return dialog
        finally:
            self._busy = False
