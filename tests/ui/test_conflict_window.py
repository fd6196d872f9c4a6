"""A save that loses a race to another desk (PostgreSQL's StaleDataError) shows the conflict
message in the window, not the crash dialog, and the plan is reloaded (issue 14: 4)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import event, text

from planner.services import plans
from tests.ui.helpers import dialog, open_plan


def _first_item(window):
    model = window.editor.model
    return model.item_at(model.index(0, 0, model.index(0, 0)))


def test_a_lost_race_shows_the_conflict_and_reloads(qtbot, window, db, patient_plan):
    open_plan(window, patient_plan)
    item = _first_item(window)
    raced = []

    def another_desk_saved_first(session, _context, _instances):
        # On PostgreSQL another desk commits between our version check and our write; here the
        # plan's version moves under the same transaction, which the write then finds changed.
        if not raced:
            raced.append(True)
            session.connection().execute(text("UPDATE plans SET version = version + 1 WHERE id = :id"),
                                         {"id": patient_plan.id})

    event.listen(db._sessions, "before_flush", another_desk_saved_first)
    try:
        window.editor.select(("item", item.id))
        window.editor.tree.setFocus()
        depth = window.doc.stack.count()
        qtbot.keyClick(window.editor.tree, Qt.Key.Key_Delete)
        box = dialog(qtbot, "problemDialog")
    finally:
        event.remove(db._sessions, "before_flush", another_desk_saved_first)
    assert raced and "another desk" in box.text()
    assert window.reporter.last_dialog is box  # the known-problem message, not the crash dialog
    stored = plans.get_plan(db, patient_plan.id)
    assert item.id in [i.id for i in stored.phases[0].items]  # nothing was removed
    assert window.doc.plan.version == stored.version and window.doc.stack.count() == depth
    box.accept()
    qtbot.keyClick(window.editor.tree, Qt.Key.Key_Delete)  # the reloaded plan takes the edit
    qtbot.waitUntil(lambda: item.id not in [i.id for i in plans.get_plan(db, patient_plan.id).phases[0].items])
