"""The whole desk flow, driven like a user: new patient → plan from a template → blocks added by
keyboard and by drag and drop → reordered → dosage edited → undo/redo → a conflict with another desk."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QListWidget

from planner.services import library, patients, plan_items, plans
from tests.ui.helpers import activate, dialog, drop_on, keys, open_plan

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_new_patient_plan_from_template_blocks_dosage_and_undo(qtbot, window, db, template):
    """A therapist builds and edits a plan start to finish; the window and the database agree at each step."""
    # New patient with Ctrl+N, typed into the dialog, Enter saves.
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    patient_dialog = dialog(qtbot, "patientDialog")
    qtbot.keyClicks(patient_dialog.name, "Sanne Bakker")
    qtbot.keyClicks(patient_dialog.complaint, "Nekpijn sinds een jaar")
    qtbot.keyClick(patient_dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.patients.current_patient() is not None)
    activate(qtbot, window)
    stored = patients.list_patients(db, query="sanne")
    assert [p.name for p in stored] == ["Sanne Bakker"]
    assert window.patients.current_patient().id == stored[0].id

    # New plan from the template with Ctrl+Shift+N.
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL | SHIFT)
    plan_dialog = dialog(qtbot, "newPlanDialog")
    templates: QListWidget = plan_dialog.templates
    row = next(r for r in range(templates.count())
               if templates.item(r).data(Qt.ItemDataRole.UserRole) == template.id)
    qtbot.mouseClick(templates.viewport(), Qt.MouseButton.LeftButton,
                     pos=templates.visualItemRect(templates.item(row)).center())
    assert plan_dialog.title.text() == template.title
    qtbot.keyClick(templates, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.doc.plan is not None)
    activate(qtbot, window)
    plan = window.doc.plan
    assert plans.list_plans(db, stored[0].id)[0].id == plan.id
    assert keys(db, plan.id) == [["education.pain-alarm", "breathing.long-exhale"],
                                 ["mobility.pelvic-tilt", "strength.bridge"], ["daily.calm-walk"]]
    assert window.editor.model.rowCount() == 3

    # Keyboard: select phase 2, Ctrl+F, type a search in Dutch, Enter adds the block to that phase.
    tree = window.editor.tree
    phase2 = window.editor.model.index(1, 0)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(phase2).center())
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert window.library.search.hasFocus()
    qtbot.keyClicks(window.library.search, "op je TENEN")  # the Dutch title, while the UI is English
    calf = window.library.current_block()
    assert calf is not None and calf.key == "strength.calf-raise"
    qtbot.keyClick(window.library.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(keys(db, plan.id)[1]) == 3)
    assert keys(db, plan.id)[1][-1] == calf.key
    assert window.editor.selected[0] == "item"  # the new item is selected in the editor

    # Drag and drop: a block from the library onto phase 1's header appends it there.
    bird = library.get_block_by_key(db, "strength.bird-dog")
    assert window.library.select_block(bird.id)
    mime = window.library.model.mimeData([window.library.model.index(window.library.model.row_of(bird.id))])
    header = tree.visualRect(window.editor.model.index(0, 0))
    drop_on(tree, mime, header.center())
    qtbot.waitUntil(lambda: keys(db, plan.id)[0][-1] == "strength.bird-dog")
    assert window.editor.model.rowCount(window.editor.model.index(0, 0)) == 3

    # Reorder by keyboard: Ctrl+Up moves the selected (just added) item one place up.
    assert window.editor.selected[0] == "item"
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Up, CTRL)
    qtbot.waitUntil(lambda: keys(db, plan.id)[0] == ["education.pain-alarm", "strength.bird-dog",
                                                      "breathing.long-exhale"])
    # Reorder by drag: drag the breathing block above the first item of phase 1.
    model = window.editor.model
    breathing = model.index(2, 0, model.index(0, 0))
    first = tree.visualRect(model.index(0, 0, model.index(0, 0)))
    drop_on(tree, model.mimeData([breathing]), QPoint(first.center().x(), first.top() + 2), Qt.DropAction.MoveAction)
    qtbot.waitUntil(lambda: keys(db, plan.id)[0] == ["breathing.long-exhale", "education.pain-alarm",
                                                      "strength.bird-dog"])
    # And drag an item into another phase.
    bird_index = model.index(2, 0, model.index(0, 0))
    phase3 = tree.visualRect(model.index(2, 0))
    drop_on(tree, model.mimeData([bird_index]), phase3.center(), Qt.DropAction.MoveAction)
    qtbot.waitUntil(lambda: keys(db, plan.id)[2] == ["daily.calm-walk", "strength.bird-dog"])

    # Edit the dosage in the inspector: type a number of repetitions.
    item_id = next(i.id for i in plans.get_plan(db, plan.id).phases[2].items if i.block.key == "strength.bird-dog")
    window.editor.select(("item", item_id))
    reps = window.inspector.item_page.numbers["reps"]
    reps.setFocus()
    reps.selectAll()
    qtbot.keyClicks(reps, "12")
    qtbot.waitUntil(lambda: _item(db, plan.id, item_id).dosage.reps == 12)
    assert "12" in window.editor.model.data(model.index_of("item", item_id), Qt.ItemDataRole.UserRole + 4)

    # Undo and redo the edit with the keyboard.
    before = _item(db, plan.id, item_id)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: _item(db, plan.id, item_id).dosage.reps != 12)
    assert reps.text() == str(_item(db, plan.id, item_id).dosage.reps)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.waitUntil(lambda: _item(db, plan.id, item_id).dosage.reps == 12)
    assert _item(db, plan.id, item_id) == before


def _item(db, plan_id, item_id):
    for phase in plans.get_plan(db, plan_id).phases:
        for item in phase.items:
            if item.id == item_id:
                return item
    return None


def _first_item(window):
    model = window.editor.model
    return model.item_at(model.index(0, 0, model.index(0, 0)))


def test_typing_in_a_note_is_saved_and_undone_as_one_step(qtbot, window, db, patient_plan):
    """Typing with pauses saves each time, yet Ctrl+Z takes the whole typing back in one step."""
    open_plan(window, patient_plan)
    item = _first_item(window)
    window.editor.select(("item", item.id))
    note = window.inspector.item_page.patient_note
    note.setFocus()
    stack = window.doc.stack
    start = stack.count()
    qtbot.keyClicks(note, "Rustig ")
    qtbot.waitUntil(lambda: _item(db, patient_plan.id, item.id).patient_note == "Rustig ")
    qtbot.keyClicks(note, "aan")
    qtbot.waitUntil(lambda: _item(db, patient_plan.id, item.id).patient_note == "Rustig aan")
    assert stack.count() == start + 1  # merged into one step
    assert window.editor.model.data(window.editor.model.index_of("item", item.id), Qt.ItemDataRole.UserRole + 7) \
        == "Rustig aan"
    qtbot.keyClick(note, Qt.Key.Key_Z, CTRL)  # Ctrl+Z in the field goes to the window's undo
    qtbot.waitUntil(lambda: _item(db, patient_plan.id, item.id).patient_note == "")
    assert note.toPlainText() == ""
    qtbot.keyClick(window, Qt.Key.Key_Y, CTRL)
    qtbot.waitUntil(lambda: _item(db, patient_plan.id, item.id).patient_note == "Rustig aan")
    assert note.toPlainText() == "Rustig aan"


def test_delete_then_undo_restores_the_same_item(qtbot, window, db, patient_plan):
    """Delete removes the selected block; Ctrl+Z brings back the same row (id, place, dosage, notes)."""
    plan_items.update_item(db, patient_plan.phases[0].items[1].id, dosage={"minutes": 7},
                      patient_note="Voor het slapen", private_note="Angstig")
    open_plan(window, plans.get_plan(db, patient_plan.id))
    before = plans.get_plan(db, patient_plan.id).phases[0].items[1]
    window.editor.select(("item", before.id))
    window.editor.tree.setFocus()
    qtbot.keyClick(window.editor.tree, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: len(plans.get_plan(db, patient_plan.id).phases[0].items) == 1)
    assert window.editor.model.rowCount(window.editor.model.index(0, 0)) == 1
    assert "Ctrl+Z" in window.statusBar().currentMessage()
    qtbot.keyClick(window.editor.tree, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: len(plans.get_plan(db, patient_plan.id).phases[0].items) == 2)
    assert plans.get_plan(db, patient_plan.id).phases[0].items[1] == before
    assert window.editor.selected == ("item", before.id)
    qtbot.keyClick(window.editor.tree, Qt.Key.Key_Z, CTRL | SHIFT)  # redo removes it again
    qtbot.waitUntil(lambda: len(plans.get_plan(db, patient_plan.id).phases[0].items) == 1)


def test_edit_over_another_desks_save_shows_the_conflict_and_reloads(qtbot, window, db, patient_plan):
    """When another desk saved first, the edit is refused with a clear message and the plan reloads."""
    open_plan(window, patient_plan)
    item = _first_item(window)
    plans.update_plan(db, patient_plan.id, title="Changed at the front desk")  # the other desk
    window.editor.select(("item", item.id))
    window.editor.tree.setFocus()
    depth = window.doc.stack.count()
    qtbot.keyClick(window.editor.tree, Qt.Key.Key_Delete)
    box = dialog(qtbot, "problemDialog")
    assert "another desk" in box.text()
    saved = plans.get_plan(db, patient_plan.id).version
    assert f"version {saved}" in box.text() and f"version {saved - 1}" in box.text()  # both versions named
    assert window.editor.title.text() == "Changed at the front desk"
    stored = plans.get_plan(db, patient_plan.id)
    assert item.id in [i.id for i in stored.phases[0].items]  # nothing was removed
    assert window.doc.plan.version == stored.version
    assert window.doc.stack.count() == depth  # the refused edit is not on the undo stack
    box.accept()
    qtbot.keyClick(window.editor.tree, Qt.Key.Key_Delete)  # now it works on the fresh version
    qtbot.waitUntil(lambda: item.id not in [i.id for i in plans.get_plan(db, patient_plan.id).phases[0].items])
