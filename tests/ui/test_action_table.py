"""The action table (planner/ui/window/actions.py) is the one place where the window's actions, their
handlers and their needs are declared: a broken entry stops the window from being built (never a
greyed-out menu entry), every action runs its handler, and the feature dialogs get only the Desk."""

from __future__ import annotations

import dataclasses
import inspect

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from planner.ui.window import actions, features
from planner.ui.window.actions import SPECS, Need, WiringError
from planner.ui.window.main_window import MainWindow
from tests.ui.helpers import open_plan


def _broken(name: str, **change) -> tuple[actions.ActionSpec, ...]:
    return tuple(dataclasses.replace(spec, **change) if spec.name == name else spec for spec in SPECS)


@pytest.mark.parametrize(("specs", "problem"), [
    (_broken("check_in", run=None), "'check_in' has no handler"),
    (_broken("backup", run="planner.ui.files.backup_dialog:open_backups"), "'backup' has no handler"),
    (_broken("show_archived", checkable=False), "not checkable"),
    (_broken("audit_trail", menu="file"), "not in its menu"),
    ((*SPECS, SPECS[0]), "declared twice"),
])
def test_a_broken_action_stops_the_window_at_start_up(qtbot, db, desk_settings, specs, problem):
    """A handler missing, not callable, or an action that does not fit the menus: building the window
    raises, naming the action, instead of showing a disabled menu entry."""
    with pytest.raises(WiringError, match=problem):
        MainWindow(db, settings=desk_settings, specs=specs)


def test_a_failing_handler_is_reported_not_hidden(qtbot, window, patient_plan):
    """An error inside a handler reaches the error handler (here pytest-qt's) when the action runs;
    the action stays enabled."""
    def broken(_desk) -> None:
        raise RuntimeError("broken handler")

    specs = _broken("check_in", run=broken)
    other = MainWindow(window.db, settings=window.prefs, specs=specs)
    qtbot.addWidget(other)
    open_plan(other, patient_plan)
    assert other.actions["check_in"].isEnabled()
    with qtbot.captureExceptions() as caught:
        other.actions["check_in"].trigger()
    assert [str(error) for _type, error, _tb in caught] == ["broken handler"]


def test_every_action_has_one_declared_handler_and_its_needs(window):
    """Each action's handler comes from the table; the feature handlers take the Desk or the Window."""
    for spec in SPECS:
        assert (spec.run is not None) != (spec.toggle is not None) or spec.checkable, spec.name
        if spec.run is not None and spec.run.__module__ == features.__name__:
            [parameter] = inspect.signature(spec.run).parameters.values()
            assert parameter.annotation in ("Desk", "Window"), spec.name
    plan_actions = {spec.name for spec in SPECS if Need.PLAN in spec.needs}
    assert {"check_in", "export", "print", "progress_phase", "preview", "export_plan_file"} <= plan_actions
    assert all(not window.actions[name].isEnabled() for name in plan_actions)  # no plan open yet


def test_every_action_runs_its_handler(qtbot, window, patient_plan, monkeypatch):
    """With a patient shown and their plan open, every enabled action but Quit runs without an error
    (file choosers cancelled, questions answered No, dialogs closed again)."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    for name in ("question", "warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: QMessageBox.StandardButton.No)
    monkeypatch.setattr(QMessageBox, "about", lambda *a, **k: None)
    monkeypatch.setattr(QDialog, "exec", lambda self: 0)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: 0)
    open_plan(window, patient_plan)
    window._update_actions()
    ran = []
    for spec in SPECS:
        action = window.actions[spec.name]
        if spec.name == "quit" or not action.isEnabled():
            continue
        with qtbot.captureExceptions() as caught:
            action.trigger()
            if spec.checkable:
                action.trigger()  # and back
        assert not caught, (spec.name, caught)
        ran.append(spec.name)
        for dialog in window.findChildren(QDialog):
            if dialog.isVisible():
                dialog.close()
    qtbot.waitUntil(lambda: QThreadPool.globalInstance().activeThreadCount() == 0, timeout=20000)
    qtbot.wait(100)  # the print's rendered pages reach its (cancelled) print dialog
    assert {"check_in", "progress_chart", "outcome_measures", "backup", "audit_trail", "export_plan_file",
            "settings", "preview", "new_plan_wizard", "step_back", "progress_phase", "export", "print"} <= set(ran)


class FakeDesk:
    """A Desk without a window: what a feature's dialogs may use, and nothing more."""

    def __init__(self, db, patient, parent):
        from planner.ui.common.bus import ChangeBus

        self.db, self.bus, self.widget, self.plan = db, ChangeBus(), parent, None
        self.patient, self.said, self.shown = patient, [], []

    def current_patient(self):
        return self.patient

    def current_plan_id(self):
        return None

    def flush(self) -> None:
        pass

    def open_plan(self, plan_id: int) -> None:
        pass

    def reload_plan(self) -> None:
        pass

    def forget_plan(self, plan_id: int) -> None:
        pass

    def clear_history(self) -> None:
        pass

    def say(self, text: str, msecs: int = 8000) -> None:  # noqa: ARG002 - the Desk's signature
        self.said.append(text)

    def show_dialog(self, dialog) -> None:
        self.shown.append(dialog)


def test_the_dialogs_need_only_the_desk(qtbot, db, patient_plan, english):
    """The audit trail and the erase dialog open on a Desk that is no window; without a patient the
    desk says what to do."""
    from PySide6.QtWidgets import QWidget

    from planner.services import patients
    from planner.ui.files import transfer_dialog
    from planner.ui.patients import audit_view

    parent = QWidget()
    qtbot.addWidget(parent)
    desk = FakeDesk(db, patients.get_patient(db, patient_plan.patient_id), parent)
    audit_view.open_audit_trail(desk)
    transfer_dialog.erase_patient(desk)
    assert [d.objectName() for d in desk.shown] == ["auditDialog", "eraseDialog"]
    assert desk.shown[0].table.model().rowCount() > 0
    empty = FakeDesk(db, None, parent)
    audit_view.open_audit_trail(empty)
    assert empty.shown == [] and empty.said == ["Choose a patient to see their audit trail."]
