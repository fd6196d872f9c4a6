"""The global error handler: known problems as a clear message, anything else as a crash dialog
with copyable details; typing in progress is saved before the crash dialog shows."""

from __future__ import annotations

import sys

from PySide6.QtGui import QGuiApplication

from planner.domain.errors import ConflictError, DatabaseProblem, ValidationError
from planner.services import plans
from planner.ui.common.errors import ErrorReporter, describe
from tests.ui.helpers import dialog, open_plan


def test_known_problems_become_clear_messages(qtbot, english):
    """Validation names the field by its label; a locked database says what to do; no traceback."""
    reporter = ErrorReporter()
    reporter.excepthook(ValidationError, ValidationError({"reps": "must be between 1 and 100"}), None)
    box = dialog(qtbot, "problemDialog")
    assert "Repetitions: must be between 1 and 100" in box.text() and "Traceback" not in box.text()
    box.accept()
    locked = DatabaseProblem("locked", "The database is busy (another desk or program is writing). Try again in a moment.")
    assert "Try again in a moment" in describe(locked)
    assert "another desk" in describe(ConflictError("x"))


def test_unexpected_errors_show_a_crash_dialog_with_copyable_details(qtbot, english):
    """A bug shows the crash dialog with the traceback; Copy details puts it on the clipboard."""
    flushed = []
    reporter = ErrorReporter()
    reporter.before_crash.append(lambda: flushed.append(True))
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError:
        reporter.excepthook(*sys.exc_info())
    crash = dialog(qtbot, "crashDialog")
    details = crash.details.toPlainText()
    assert "RuntimeError: boom in a slot" in details and "Traceback" in details and "Log folder" in details
    crash.copy_button.click()
    assert QGuiApplication.clipboard().text() == details
    assert flushed == [True]
    crash.reject()


def test_install_routes_uncaught_exceptions(qtbot, english):
    """install() makes the reporter sys.excepthook; uninstall() puts the previous one back."""
    previous = sys.excepthook
    reporter = ErrorReporter()
    reporter.install()
    try:
        assert sys.excepthook == reporter.excepthook
    finally:
        reporter.uninstall()
    assert sys.excepthook is previous


def test_a_crash_saves_what_was_being_typed(qtbot, window, db, patient_plan):
    """The window registers its flush: text typed but not yet saved is stored before the crash dialog."""
    open_plan(window, patient_plan)
    window.editor.goal.setFocus()
    qtbot.keyClicks(window.editor.goal, " en fietsen")
    assert window.editor.goal.pending
    try:
        raise ValueError("unexpected")
    except ValueError:
        window.reporter.excepthook(*sys.exc_info())
    assert plans.get_plan(db, patient_plan.id).goal.endswith(" en fietsen")
    dialog(qtbot, "crashDialog").reject()
