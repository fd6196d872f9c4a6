"""The check-in window driven like a person at the desk: a whole diary week typed into a grid laid
out like the printed page, red flags as an alert that cannot be missed (issue 11), and issue 13's
finding 7 (no date field whose Tab walks day/month/year; no silent duplicates or days before the start)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from planner.domain.wizard import WizardRequest
from planner.i18n import set_language
from planner.services import checkins, patients, plans, wizard
from planner.ui.monitoring.checkin_dialog import CheckInDialog
from planner.ui.monitoring.checkin_grid import MORNING, PAIN

TODAY = dt.date(2026, 3, 16)
START = TODAY - dt.timedelta(days=10)  # week 1: 6-12 March (all open); week 2: 13-19 March (up to today)


@pytest.fixture
def plan(db):
    patient = patients.create_patient(db, name="Jannie de Vries", language="nl")
    return wizard.create_plan_with_wizard(db, patient.id, WizardRequest(title="Rug in beweging", region="lower-back"),
                                          start_date=START)


@pytest.fixture
def dialog(qtbot, db, plan, english):
    dlg = CheckInDialog(db, plan.id, today=TODAY)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    return dlg


def _type_cells(qtbot, values) -> None:
    """Type each value into the current cell and press Tab, like filling in a row of the diary."""
    for value in values:
        if value:
            qtbot.keyClicks(QApplication.focusWidget(), value)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


def _tick(qtbot, button) -> None:
    """Click a radio button or check box on its box (a click far right of a short label misses)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def _week_one(qtbot, dialog) -> None:
    dialog.week.setCurrentIndex(0)
    dialog.grid.setFocus()
    dialog.grid.setCurrentCell(PAIN, 0)


def test_a_diary_week_typed_in_from_the_keyboard_is_saved_in_one_go(qtbot, db, plan, dialog):
    """Pain row, Tab on to the morning row, sessions, 'No' red flags, Ctrl+S: seven check-ins."""
    assert dialog.week.count() == 2 and "06-03-2026" in dialog.week.itemText(0)
    _week_one(qtbot, dialog)
    _type_cells(qtbot, ["2", "3", "2", "4", "2", "3", "2"])  # Tab from Sunday goes to Monday's morning
    assert (dialog.grid.currentRow(), dialog.grid.currentColumn()) == (MORNING, 0)
    _type_cells(qtbot, ["s", "b", "s", "", "s", "w", "s"])
    _type_cells(qtbot, ["2", "", "", "", "", "", "3"])  # morning pain on two days only
    dialog.done_spin.setValue(6)
    dialog.confidence.setValue(7)
    _tick(qtbot, dialog.flag_no)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    stored = checkins.list_checkins(db, plan.id)
    assert [(c.date.day, c.pain_during, c.next_morning.value) for c in stored] == [
        (6, 2, "same"), (7, 3, "better"), (8, 2, "same"), (9, 4, "unknown"), (10, 2, "same"), (11, 3, "worse"),
        (12, 2, "same")]
    assert stored[0].morning_pain == 2 and stored[6].morning_pain == 3 and stored[1].morning_pain is None
    assert [c.red_flags for c in stored] == [()] * 7
    assert sum(c.sessions_done for c in stored) == 6 and sum(c.sessions_planned for c in stored) == 7
    assert [c.confidence for c in stored][-2:] == [None, 7]  # the week's answers go with its last day
    assert "7 check-ins saved" in dialog.error.text() and dialog.table.rowCount() == 7
    assert dialog.table.item(1, 2).text() == "red"  # 11 March: worse next morning
    assert plans.get_plan(db, plan.id).version == plan.version  # check-ins never change the plan


def test_finding_7_typed_digits_land_and_tab_moves_to_the_next_day(qtbot, db, plan, dialog):
    """No date field: digits typed go into the day's cell; Tab goes to the next day, never a date part."""
    _week_one(qtbot, dialog)
    _type_cells(qtbot, ["5"])
    assert dialog.grid.item(PAIN, 0).text() == "5" and dialog.grid.currentColumn() == 1


def test_saved_days_and_days_before_the_start_or_after_today_cannot_be_typed_again(qtbot, db, plan, dialog):
    checkins.record_checkin(db, plan.id, date=START, pain_during=2, next_morning="same", sessions_done=1,
                            sessions_planned=1, today=TODAY)
    dialog.week.setCurrentIndex(1)
    dialog.week.setCurrentIndex(0)
    assert START not in dialog.grid.open_days
    assert not dialog.grid.item(PAIN, 0).flags() & Qt.ItemFlag.ItemIsEditable
    assert dialog.grid.item(PAIN, 0).text() == "2"
    dialog.week.setCurrentIndex(1)
    assert TODAY + dt.timedelta(days=1) not in dialog.grid.open_days  # the future is locked
    assert dialog.week.itemData(0) == START  # no week before the plan's start is offered


def test_a_pain_out_of_range_names_the_day_and_saves_nothing(qtbot, db, plan, dialog):
    _week_one(qtbot, dialog)
    _type_cells(qtbot, ["2", "12"])
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert checkins.list_checkins(db, plan.id) == []
    assert "07-03" in dialog.error.text() and "0 to 10" in dialog.error.text()
    assert (dialog.grid.currentRow(), dialog.grid.currentColumn()) == (PAIN, 1)


def test_a_red_flag_is_an_alert_the_therapist_cannot_miss(qtbot, db, plan, dialog):
    _week_one(qtbot, dialog)
    _type_cells(qtbot, ["1", "1"])
    _tick(qtbot, dialog.flag_checks["saddle"])
    assert dialog.flag_yes.isChecked()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [c.red_flags for c in checkins.list_checkins(db, plan.id)] == [("saddle",), ("saddle",)]
    assert dialog.banner.isVisible() and "Medical care today" in dialog.banner.text()
    assert dialog.windowTitle().startswith("⚠")
    assert "Stop" in dialog.advice.text()


def test_delete_and_undo_restore_the_same_check_in(qtbot, db, plan, dialog):
    _week_one(qtbot, dialog)
    _type_cells(qtbot, ["4"])
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = checkins.list_checkins(db, plan.id)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert checkins.list_checkins(db, plan.id) == [] and dialog.table.rowCount() == 0
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert checkins.list_checkins(db, plan.id) == saved and dialog.table.rowCount() == 1


def test_the_dutch_ui_shows_dutch(qtbot, db, plan):
    set_language("nl")
    try:
        dlg = CheckInDialog(db, plan.id, today=TODAY)
        qtbot.addWidget(dlg)
        assert dlg.save_button.text() == "Week opslaan (Ctrl+S)"
        assert dlg.flag_checks["saddle"].text() == "gevoelloosheid in het zitvlak of de lies"
        assert "Nog geen check-ins" in dlg.advice.text()
    finally:
        set_language("en")
