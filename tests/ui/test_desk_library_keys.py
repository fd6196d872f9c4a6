"""Issue 13, findings 2, 4, 9 and 10 (several blocks): the library search and the window's keys do
what they say, whatever widget has the focus. Keys, clicks and a drop on the real widgets."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from planner.ui.library.library_model import BLOCK_ROLE
from planner.ui.window.actions import SPECS
from tests.ui.helpers import keys, open_plan

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def search(qtbot, window, text: str) -> None:
    """Ctrl+F and type `text` into the library search."""
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    field = window.library.search
    assert QApplication.focusWidget() is field
    qtbot.keyClicks(field, text)


def all_keys(db, plan_id: int) -> list[str]:
    return [key for phase in keys(db, plan_id) for key in phase]


def test_enter_adds_the_block_whose_title_was_typed(qtbot, window, db, patient_plan):
    """`wat is pijn` is the Dutch title of "What is pain?": Enter adds that block, not another one."""
    open_plan(window, patient_plan)
    search(qtbot, window, "wat is pijn")
    assert window.library.current_block().key == "education.what-is-pain"
    qtbot.keyClick(window.library.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "education.what-is-pain" in all_keys(db, patient_plan.id))
    assert "education.movement-is-safe" not in all_keys(db, patient_plan.id)


def test_down_from_the_search_goes_to_the_first_row_then_the_next(qtbot, window, db, patient_plan):
    open_plan(window, patient_plan)
    search(qtbot, window, "knie")
    assert window.library.proxy.rowCount() > 2
    qtbot.keyClick(window.library.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is window.library.list
    assert window.library.list.currentIndex().row() == 0
    qtbot.keyClick(window.library.list, Qt.Key.Key_Down)
    assert window.library.list.currentIndex().row() == 1


def test_ctrl_e_exports_while_the_library_search_has_the_focus(qtbot, window, db, patient_plan, monkeypatch):
    """Search → Enter → Ctrl+E: the export dialog opens for the open plan."""
    offered: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda _p, _t, path, *a, **k: (offered.append(path), ("", ""))[1])
    open_plan(window, patient_plan)
    search(qtbot, window, "tandem")
    qtbot.keyClick(window.library.search, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is window.library.search
    qtbot.keyClick(window.library.search, Qt.Key.Key_E, CTRL)
    assert len(offered) == 1 and "Anna de Boer" in offered[0]


def test_ctrl_z_in_the_library_search_undoes_the_plan_change(qtbot, window, db, patient_plan):
    """Ctrl+Z undoes the last change of the plan, not the typed search; Ctrl+Shift+Z redoes it."""
    open_plan(window, patient_plan)
    before = all_keys(db, patient_plan.id)
    search(qtbot, window, "tandem")
    qtbot.keyClick(window.library.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "balance.tandem-stance" in all_keys(db, patient_plan.id))
    qtbot.keyClick(window.library.search, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: all_keys(db, patient_plan.id) == before)
    assert window.library.search.text() == "tandem"
    qtbot.keyClick(window.library.search, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.waitUntil(lambda: "balance.tandem-stance" in all_keys(db, patient_plan.id))


def test_the_same_block_twice_in_a_phase_is_not_added_silently(qtbot, window, db, patient_plan):
    """A second Enter on the same block does not add it again and says why in the status bar."""
    open_plan(window, patient_plan)
    search(qtbot, window, "tandem")
    qtbot.keyClick(window.library.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: all_keys(db, patient_plan.id).count("balance.tandem-stance") == 1)
    qtbot.keyClick(window.library.search, Qt.Key.Key_Return)
    assert all_keys(db, patient_plan.id).count("balance.tandem-stance") == 1
    message = window.statusBar().currentMessage()
    assert "already" in message and "Standing with one foot" in message


def _select_two(qtbot, window, db) -> list[int]:
    """Click the first block that is not in the plan and Ctrl+click the next but one: their ids."""
    view = window.library.list
    window.library.clear_filters()
    used = set(all_keys(db, window.doc.plan.id))
    free = [r for r in range(view.model().rowCount()) if view.model().index(r, 0).data(BLOCK_ROLE).key not in used]
    ids = []
    for row, modifier in ((free[0], NONE), (free[2], CTRL)):
        index = view.model().index(row, 0)
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, modifier, view.visualRect(index).center())
        ids.append(index.data(Qt.ItemDataRole.UserRole + 1))
    assert len(view.selectionModel().selectedIndexes()) == 2
    return ids


def test_enter_adds_every_selected_library_block(qtbot, window, db, patient_plan):
    open_plan(window, patient_plan)
    count = len(all_keys(db, patient_plan.id))
    ids = _select_two(qtbot, window, db)
    qtbot.keyClick(window.library.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(all_keys(db, patient_plan.id)) == count + 2)
    assert "2" in window.statusBar().currentMessage() or "," in window.statusBar().currentMessage()
    assert len(ids) == 2


def test_dragging_several_selected_blocks_adds_them_all(qtbot, window, db, patient_plan):
    """The drag carries every selected block (what the list's drag packs); dropped on a phase, all are added."""
    open_plan(window, patient_plan)
    count = len(all_keys(db, patient_plan.id))
    _select_two(qtbot, window, db)
    view = window.library.list
    mime: QMimeData = view.model().mimeData(sorted(view.selectionModel().selectedIndexes(), key=lambda i: i.row()))
    tree = window.editor.tree
    target = tree.visualRect(tree.model().index(1, 0)).center()
    copy = Qt.DropAction.CopyAction
    for event in (QDragEnterEvent(target, copy, mime, Qt.MouseButton.LeftButton, NONE),
                  QDragMoveEvent(target, copy, mime, Qt.MouseButton.LeftButton, NONE)):
        QApplication.sendEvent(tree.viewport(), event)
    QApplication.sendEvent(tree.viewport(), QDropEvent(QPointF(QPoint(target)), copy, mime,
                                                        Qt.MouseButton.LeftButton, NONE))
    qtbot.waitUntil(lambda: len(all_keys(db, patient_plan.id)) == count + 2)
    assert len(keys(db, patient_plan.id)[1]) == 4  # both in the phase they were dropped on


def test_phase_shortcuts_have_no_brackets_and_work(qtbot, window, db, patient_plan):
    """Progress, step back and next/previous phase: shortcuts without brackets (other keyboard layouts)."""
    for spec in SPECS:
        assert not any(c in s for s in spec.shortcuts for c in "[]{}"), spec.name
    for name in ("progress_phase", "step_back", "next_phase", "previous_phase"):
        assert window.actions[name].shortcuts(), name
    open_plan(window, patient_plan)
    window.editor.select(("phase", patient_plan.phases[0].id))
    window.editor.focus_tree()
    qtbot.keyClick(window.editor.tree, Qt.Key.Key_PageDown, CTRL)
    assert window.editor.selected == ("phase", patient_plan.phases[1].id)
    qtbot.keyClick(window.editor.tree, Qt.Key.Key_PageDown, CTRL)
    assert window.editor.selected == ("phase", patient_plan.phases[2].id)
    qtbot.keyClick(window.editor.tree, Qt.Key.Key_PageUp, CTRL)
    assert window.editor.selected == ("phase", patient_plan.phases[1].id)


def test_no_text_field_claims_a_window_shortcut(qtbot, window, db, patient_plan):
    """Whatever the platform's key bindings (on X11 a line edit takes Ctrl+E and Ctrl+K for itself):
    the library search, the patient search and the plan title leave every window shortcut to the window."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    open_plan(window, patient_plan)
    for field in (window.library.search, window.patients.search, window.editor.title):
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        for sequence in window.actions.window_shortcuts():
            combo = sequence[0]
            event = QKeyEvent(QEvent.Type.ShortcutOverride, combo.key(), combo.keyboardModifiers())
            QApplication.sendEvent(field, event)
            assert not event.isAccepted(), (field.objectName(), sequence.toString())
