"""Helpers for the window tests that act like a user and read back what was stored."""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget

from planner.services import plans


def open_plan(window, plan) -> None:
    """Select the plan's patient in the list and open the plan, like a double click would."""
    window.patients.model.reload()
    assert window.patients.select_patient(plan.patient_id)
    window.open_plan(plan.id)


def dialog(qtbot, name: str) -> QWidget:
    """The open top-level dialog with objectName `name` (dialogs open non-modally in tests)."""
    found: list[QWidget] = []

    def visible() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(visible)
    return found[-1]


def menu_action(window, menu: str, text: str) -> QAction:
    """The action `text` in the window's menu `menu` (both as shown, without the & of a mnemonic),
    as a user finds it in the menu bar."""
    for top in window.menuBar().actions():
        if top.menu() is not None and top.text().replace("&", "") == menu:
            for action in top.menu().actions():
                if action.text().replace("&", "") == text:
                    return action
    raise AssertionError(f"no {text!r} in the {menu!r} menu")


def visible_dialogs(name: str) -> list[QWidget]:
    """Every open top-level dialog with objectName `name`."""
    return [w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()]


def keys(db, plan_id: int) -> list[list[str]]:
    """The block keys per phase as stored in the database."""
    return [[item.block.key for item in phase.items] for phase in plans.get_plan(db, plan_id).phases]


def activate(qtbot, window) -> None:
    """Give the main window the focus back after a dialog closed (the offscreen platform does not)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
