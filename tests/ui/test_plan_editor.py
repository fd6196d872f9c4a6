"""The plan editor: plan fields, phases (add, rename, duplicate, delete, reorder, weeks, focus,
criteria), moving blocks across phases by keyboard, minutes and warnings, and the tree model."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from planner.domain.dosage import session_seconds
from planner.domain.model import PlanStatus
from planner.services import library, plan_items, plans
from planner.ui.common.thumbnails import Thumbnails
from planner.ui.editor.plan_model import INFO_ROLE, WARNINGS_ROLE, PlanTreeModel
from tests.ui.helpers import drop_on, keys, open_plan

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def _names(db, plan_id):
    return [p.name for p in plans.get_plan(db, plan_id).phases]


def test_plan_title_goal_status_and_start_are_saved_and_undoable(qtbot, window, db, patient_plan):
    """Header fields save as you type; an empty title is refused at the field; Ctrl+Z undoes."""
    open_plan(window, patient_plan)
    editor = window.editor
    editor.title.setFocus()
    editor.title.selectAll()
    qtbot.keyClicks(editor.title, "Rug sterk")
    qtbot.waitUntil(lambda: plans.get_plan(db, patient_plan.id).title == "Rug sterk")
    assert "Rug sterk" in window.windowTitle()
    editor.title.selectAll()
    qtbot.keyClick(editor.title, Qt.Key.Key_Delete)
    editor.title.flush()
    assert editor.title_error.isVisible() and plans.get_plan(db, patient_plan.id).title == "Rug sterk"
    qtbot.keyClicks(editor.title, "Rug sterk en soepel")
    editor.goal.setFocus()  # leaving the field saves at once
    assert plans.get_plan(db, patient_plan.id).title == "Rug sterk en soepel"
    qtbot.keyClicks(editor.goal, "Weer tuinieren")
    qtbot.waitUntil(lambda: plans.get_plan(db, patient_plan.id).goal == "Weer tuinieren")
    editor.status.setFocus()
    qtbot.keyClick(editor.status, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: plans.get_plan(db, patient_plan.id).status is PlanStatus.ACTIVE)
    editor.start.setFocus()
    qtbot.keyClick(editor.start, Qt.Key.Key_Up)  # the day part goes one up
    qtbot.waitUntil(lambda: plans.get_plan(db, patient_plan.id).start_date != patient_plan.start_date)
    for _ in range(3):  # start date, status, goal
        qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    stored = plans.get_plan(db, patient_plan.id)
    assert (stored.goal, stored.status, stored.start_date) == (patient_plan.goal, PlanStatus.DRAFT,
                                                               patient_plan.start_date)
    assert editor.goal.text() == patient_plan.goal


def test_add_rename_duplicate_move_and_delete_phases(qtbot, window, db, patient_plan):
    """Phases are added after the current one, renamed inline, duplicated, moved and removed; all undo."""
    open_plan(window, patient_plan)
    tree = window.editor.tree
    window.editor.select(("phase", patient_plan.phases[0].id))
    tree.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_A, CTRL | SHIFT)
    qtbot.waitUntil(lambda: len(_names(db, patient_plan.id)) == 4)
    assert _names(db, patient_plan.id)[1] == "Fase 4"  # named in the (Dutch) plan's language, not the UI's
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)  # the name is ready to be typed over
    editor.selectAll()
    qtbot.keyClicks(editor, "Tussenstap")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _names(db, patient_plan.id)[1] == "Tussenstap")
    qtbot.keyClick(tree, Qt.Key.Key_F2)  # rename again with F2
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "Tussenfase")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _names(db, patient_plan.id)[1] == "Tussenfase")
    window.editor.select(("phase", patient_plan.phases[1].id))
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL | SHIFT)
    qtbot.waitUntil(lambda: len(_names(db, patient_plan.id)) == 5)
    assert keys(db, patient_plan.id)[3] == keys(db, patient_plan.id)[2]  # same blocks in the copy
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Down, CTRL)  # the copy moves one down
    qtbot.waitUntil(lambda: _names(db, patient_plan.id)[4] == "Opbouw")
    original = plans.get_plan(db, patient_plan.id).phases[4]
    window.editor.select(("phase", original.id))
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: len(_names(db, patient_plan.id)) == 4)
    qtbot.keyClick(tree, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: len(_names(db, patient_plan.id)) == 5)
    assert plans.get_plan(db, patient_plan.id).phases[4] == original  # same ids, items and fields
    for _ in range(5):
        qtbot.keyClick(tree, Qt.Key.Key_Z, CTRL)
    assert _names(db, patient_plan.id) == ["Rust", "Opbouw", "Dagelijks leven"]


def test_phase_weeks_focus_and_criteria_in_the_inspector(qtbot, window, db, patient_plan):
    """A phase's weeks refuse 0 with a message; valid weeks, focus and criteria are saved."""
    open_plan(window, patient_plan)
    phase = patient_plan.phases[1]
    window.editor.select(("phase", phase.id))
    page = window.inspector.phase_page
    assert page.name.text() == "Opbouw" and page.weeks.text() == "3"
    page.weeks.setFocus()
    page.weeks.selectAll()
    qtbot.keyClicks(page.weeks, "0")
    assert page.weeks_error.isVisible() and "between 1 and 52" in page.weeks_error.text().lower()
    page.weeks.selectAll()
    qtbot.keyClicks(page.weeks, "5")
    qtbot.waitUntil(lambda: plans.get_plan(db, patient_plan.id).phases[1].weeks == 5)
    assert "weeks 3–7" in window.editor.model.data(window.editor.model.index(1, 0), INFO_ROLE)
    page.focus.setFocus()
    qtbot.keyClicks(page.focus, "Meer kracht")
    page.criteria.setFocus()
    qtbot.keyClicks(page.criteria, "Pijn blijft onder 3")
    window.inspector.flush()
    stored = plans.get_plan(db, patient_plan.id).phases[1]
    assert (stored.focus, stored.criteria) == ("Meer kracht", "Pijn blijft onder 3")


def test_ctrl_down_at_the_end_of_a_phase_moves_the_block_into_the_next(qtbot, window, db, patient_plan):
    """Ctrl+Down on a phase's last block moves it to the top of the next phase, and back with Ctrl+Up."""
    open_plan(window, patient_plan)
    last = patient_plan.phases[0].items[-1]
    window.editor.select(("item", last.id))
    window.editor.tree.setFocus()
    qtbot.keyClick(window.editor.tree, Qt.Key.Key_Down, CTRL)
    qtbot.waitUntil(lambda: keys(db, patient_plan.id)[1][0] == last.block.key)
    assert window.editor.selected == ("item", last.id)
    qtbot.keyClick(window.editor.tree, Qt.Key.Key_Up, CTRL)
    qtbot.waitUntil(lambda: keys(db, patient_plan.id)[0][-1] == last.block.key)


def test_minutes_and_warnings_per_phase(qtbot, window, db, patient_plan):
    """Phase headers show minutes per session and the domain's warnings; a block's own warning shows
    on its row; adding blocks updates them at once."""
    open_plan(window, patient_plan)
    model = window.editor.model
    phase = plans.get_plan(db, patient_plan.id).phases[1]
    minutes = -(-sum(session_seconds(i.block.kind, i.dosage) for i in phase.items) // 60)
    assert f"about {minutes} min a session" in model.data(model.index(1, 0), INFO_ROLE)
    assert "This phase has no breathing exercise." in model.data(model.index(1, 0), WARNINGS_ROLE)
    # five strength blocks the phase does not have yet (a block already in a phase is not added twice)
    strength = [b.id for b in library.list_blocks(db, kind="strength") if b.key != "strength.bridge"][:5]
    window.editor.add_blocks(strength, phase.id, -1)
    qtbot.waitUntil(lambda: len(keys(db, patient_plan.id)[1]) == 7)
    warnings = model.data(model.index(1, 0), WARNINGS_ROLE)
    assert any(w.startswith("7 exercises a session") for w in warnings)
    bridge = next(i for i in plans.get_plan(db, patient_plan.id).phases[1].items if i.block.key == "strength.bridge")
    window.editor.select(("item", bridge.id))
    days = window.inspector.item_page.numbers["days_per_week"]
    days.setFocus()
    days.selectAll()
    qtbot.keyClicks(days, "5")
    qtbot.waitUntil(lambda: any("48 to 72 hours" in w for w in model.data(model.index_of("item", bridge.id),
                                                                          WARNINGS_ROLE)))
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # the days
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)  # adding several blocks is one step
    qtbot.waitUntil(lambda: len(keys(db, patient_plan.id)[1]) == 2)


def test_enter_in_the_library_on_a_plan_without_phases_makes_one(qtbot, window, db, patient_plan):
    """Adding a block to a plan with no phases creates 'Phase 1' first; one Ctrl+Z removes both."""
    open_plan(window, patient_plan)
    for phase in patient_plan.phases:
        window.editor.select(("phase", phase.id))
        window.editor.delete_selected()
    assert plans.get_plan(db, patient_plan.id).phases == ()
    window.library.focus_search()
    qtbot.keyClicks(window.library.search, "bridge")
    qtbot.keyClick(window.library.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: keys(db, patient_plan.id) == [["strength.bridge"]])
    window.editor.tree.setFocus()
    qtbot.keyClick(window.editor.tree, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: keys(db, patient_plan.id) == [])


def test_a_foreign_drop_is_refused(window, db, patient_plan):
    """Text or malformed data dropped on the plan changes nothing."""
    open_plan(window, patient_plan)
    model = window.editor.model
    junk = QMimeData()
    junk.setText("hello")
    assert not model.canDropMimeData(junk, Qt.DropAction.CopyAction, -1, 0, model.index(0, 0))
    bad = QMimeData()
    bad.setData("application/x-herstelplan-blocks", b"not json")
    assert not model.dropMimeData(bad, Qt.DropAction.CopyAction, -1, 0, model.index(0, 0))
    assert keys(db, patient_plan.id) == keys(db, patient_plan.id)


def test_dragging_a_phase_reorders_the_phases(qtbot, window, db, patient_plan):
    """A phase dragged with the mouse and dropped on the top edge of the first one becomes the first.

    The offscreen platform ends every QDrag at once (it has no drag and drop), so the test presses and
    moves the mouse on phase 3 until the view starts its drag, then delivers, at the drop point, the
    drag-enter, drag-move and drop events that a platform sends: the view itself works out the place.
    """
    open_plan(window, patient_plan)
    tree, model = window.editor.tree, window.editor.model
    view = tree.viewport()
    last, first = tree.visualRect(model.index(2, 0)), tree.visualRect(model.index(0, 0))
    assert last.isValid() and first.isValid()
    dragged: list[QMimeData] = []
    real_start = tree.startDrag

    def start_drag(actions: Qt.DropAction) -> None:  # what the view packs for the drag
        dragged.append(model.mimeData(tree.selectionModel().selectedIndexes()))
        real_start(actions)

    tree.startDrag = start_drag
    start, left, none = last.center(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    QTest.mousePress(view, left, none, start)
    QTest.mouseMove(view, QPoint(start.x(), start.y() - QApplication.startDragDistance() - 4))
    QTest.mouseMove(view, QPoint(start.x(), start.y() - 2 * QApplication.startDragDistance() - 8))
    QTest.mouseRelease(view, left, none, start)
    assert len(dragged) == 1, "pressing and moving the mouse on a phase starts no drag"
    assert model.index(2, 0) in tree.selectionModel().selectedIndexes()
    drop_on(tree, dragged[0], QPoint(first.center().x(), first.top() + 1), Qt.DropAction.MoveAction)
    qtbot.waitUntil(lambda: _names(db, patient_plan.id) == ["Dagelijks leven", "Rust", "Opbouw"])


def test_plan_tree_model_passes_the_model_tester(qtmodeltester, db, patient_plan):
    """The two-level plan model keeps Qt's model rules, with items and an empty phase."""
    plans.add_phase(db, patient_plan.id, name="Leeg", weeks=1)
    model = PlanTreeModel(Thumbnails())
    model.set_plan(plans.get_plan(db, patient_plan.id))
    qtmodeltester.check(model)
    model.set_plan(None)
    qtmodeltester.check(model)


def test_save_as_template_offers_it_for_new_plans(qtbot, window, db, patient_plan):
    """Ctrl+Shift+T saves the open plan as a clinic template, without private notes, and the new-plan
    dialog offers it."""
    from planner.services import library as library_service
    from tests.ui.helpers import dialog

    plan_items.update_item(db, patient_plan.phases[0].items[0].id, private_note="Alleen voor mij")
    open_plan(window, plans.get_plan(db, patient_plan.id))
    qtbot.keyClick(window, Qt.Key.Key_T, CTRL | SHIFT)
    title = f"{patient_plan.title} (template)"
    qtbot.waitUntil(lambda: any(t.title == title for t in library_service.list_templates(db)))
    saved = next(t for t in library_service.list_templates(db) if t.title == title)
    template = plans.get_plan(db, saved.id)
    assert template.is_template and template.patient_id is None
    assert keys(db, saved.id) == keys(db, patient_plan.id)
    assert all(not i.private_note for p in template.phases for i in p.items)
    assert "template" in window.statusBar().currentMessage()
    window.patients.new_plan()
    form = dialog(qtbot, "newPlanDialog")
    offered = [form.templates.item(r).data(Qt.ItemDataRole.UserRole) for r in range(form.templates.count())]
    assert saved.id in offered
    form.reject()
