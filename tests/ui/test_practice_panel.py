"""The review window's practice panel: the exposure ladder with where the patient is, the expected harm,
and the ticks "done in the practice" for the current rung and for balance rungs that need it; the
proposal waits for the balance tick. Driven with keys and clicks like a therapist would."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint, Qt

from planner.services import checkins, demo, plans
from planner.ui.monitoring.practice_panel import PracticePanel
from planner.ui.monitoring.review_dialog import ReviewDialog
from tests.engine2.test_practice_ticks import TODAY, _balance_plan


def _space_on(qtbot, table, row: int, column: int) -> None:
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table.viewport(), Qt.Key.Key_Space)


def test_a_balance_tick_in_the_review_window_lets_the_proposal_climb(qtbot, db, english):
    plan_id, item_id = _balance_plan(db)
    dialog = ReviewDialog(db, plan_id, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    panel: PracticePanel = dialog.practice
    table = panel.balance_table
    assert panel.balance_box.isVisible() and not panel.ladder_box.isVisible()
    assert table.rowCount() == 1 and "eyes closed" in table.item(0, 1).text()
    assert table.item(0, 1).text().startswith("5.")
    proposed = dialog.table.item(0, 2).text()
    assert "eyes closed" not in proposed  # the engine waits for the tick

    with qtbot.waitSignal(dialog.changed, timeout=3000):
        _space_on(qtbot, table, 0, PracticePanel.TICK_COLUMN_BALANCE)
    assert ("balance.tandem-stance", 4) in plans.get_plan(db, plan_id).practice_ticks
    assert table.item(0, 2).checkState() == Qt.CheckState.Checked
    assert "eyes closed" in dialog.table.item(0, 2).text()  # reviewed again: now it may climb

    with qtbot.waitSignal(dialog.changed, timeout=3000):  # a click on the tick box takes it back
        rect = table.visualItemRect(table.item(0, PracticePanel.TICK_COLUMN_BALANCE))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 10, rect.center().y()))
    assert plans.get_plan(db, plan_id).practice_ticks == frozenset()
    assert "eyes closed" not in dialog.table.item(0, 2).text()


def test_the_ladder_shows_where_the_patient_is_and_ticks_the_current_rung(qtbot, db, english):
    plan_id = demo.ensure_demo(db)
    demo.attach_bending_ladder(db, plan_id)
    plan = plans.get_plan(db, plan_id)
    ladder, start = plan.exposure, plan.start_date
    today = start + dt.timedelta(days=7)
    for day, harm in ((0, 60), (4, 25)):
        checkins.record_checkin(db, plan_id, date=start + dt.timedelta(days=day), pain_during=3, next_morning="same",
                                sessions_done=3, sessions_planned=3, expected_harm=harm, red_flags=[], today=today)
    dialog = ReviewDialog(db, plan_id, today=today)
    qtbot.addWidget(dialog)
    dialog.show()
    panel = dialog.practice
    table = panel.ladder_table
    assert panel.ladder_box.isVisible() and ladder.activity in panel.ladder_box.title()
    assert table.rowCount() == len(ladder.rungs)
    assert [table.item(r, 3).text() for r in range(table.rowCount())].index("◀ now") == ladder.current
    assert "first 60, now 25" in panel.harm.text()
    assert "practise it once together" in panel.harm.text()  # halved, but not yet practised: no move on
    assert not dialog.result.exposure.move_on

    with qtbot.waitSignal(dialog.changed, timeout=3000):
        _space_on(qtbot, table, ladder.current, PracticePanel.TICK_COLUMN_LADDER)
    assert plans.get_plan(db, plan_id).exposure.rungs[ladder.current].practised
    assert dialog.result.exposure.move_on and "on to" in dialog.exposure.text()
    assert dialog.accept_button.isEnabled()


def test_a_tick_in_the_window_is_an_edit_that_ctrl_z_undoes(qtbot, window, db):
    """Ctrl+G, Space on the balance rung: stored; after closing the review, Ctrl+Z takes the tick back and
    Ctrl+Shift+Z sets it again."""
    from tests.ui.helpers import dialog, open_plan

    plan_id, _ = _balance_plan(db)
    open_plan(window, plans.get_plan(db, plan_id))
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    review = dialog(qtbot, "reviewDialog")
    ticks = lambda: plans.get_plan(db, plan_id).practice_ticks  # noqa: E731
    _space_on(qtbot, review.practice.balance_table, 0, PracticePanel.TICK_COLUMN_BALANCE)
    qtbot.waitUntil(lambda: ticks() == frozenset({("balance.tandem-stance", 4)}))
    review.reject()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ticks() == frozenset())
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: ticks() == frozenset({("balance.tandem-stance", 4)}))
