"""Helpers for the window tests that act like a user and read back what was stored."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QAction, QDragEnterEvent, QDragMoveEvent, QDropEvent
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


def _drag_event(cls, point: QPoint, action, mime: QMimeData):
    """Qt 6.12 takes a QPointF (the QPoint form is deprecated); Qt 6.11 only a QPoint."""
    args = (action, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    try:
        return cls(point.toPointF(), *args)
    except TypeError:
        return cls(point, *args)


def drop_on(view, mime: QMimeData, point: QPoint, action=Qt.DropAction.CopyAction) -> None:
    """Send the events a real drag sends when the mouse moves over `view` and is released at `point`."""
    viewport = view.viewport()
    enter = _drag_event(QDragEnterEvent, point, action, mime)
    QApplication.sendEvent(viewport, enter)
    move = _drag_event(QDragMoveEvent, point, action, mime)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted(), "the plan refused the drag"
    drop = QDropEvent(point.toPointF(), action, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, drop)
