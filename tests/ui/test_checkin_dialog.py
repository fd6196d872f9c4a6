"""The check-in dialog driven from the keyboard, like typing in a paper diary at the desk."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from planner.domain.wizard import WizardRequest
from planner.i18n import set_language
from planner.services import checkins, patients, plans, wizard
from planner.ui.monitoring.checkin_dialog import CheckInDialog

TODAY = dt.date(2026, 3, 16)


@pytest.fixture
def plan(db):  # noqa: ANN001, ANN201
    patient = patients.create_patient(db, name="Jannie de Vries", language="nl")
    return wizard.create_plan_with_wizard(db, patient.id, WizardRequest(title="Rug in beweging", region="lower-back"),
                                          start_date=TODAY - dt.timedelta(days=10))


@pytest.fixture
def dialog(qtbot, db, plan, english):  # noqa: ANN001, ANN201
    dlg = CheckInDialog(db, plan.id, today=TODAY)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    return dlg


def _type(qtbot, text: str) -> None:  # noqa: ANN001
    qtbot.keyClicks(QApplication.focusWidget(), text)


def _key(qtbot, key: Qt.Key) -> None:  # noqa: ANN001
    qtbot.keyClick(QApplication.focusWidget(), key)


def _row(qtbot, *, date: str | None, pain: str, morning: str, done: str, confidence: str = "", note: str = "") -> None:  # noqa: ANN001
    """One diary line: date (or Tab to keep it), pain, next morning, done, planned as is, confidence, note, Enter."""
    if date is not None:
        _type(qtbot, date)
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, pain)
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, morning)
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, done)
    _key(qtbot, Qt.Key.Key_Tab)  # planned: as prefilled
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, confidence)
    _key(qtbot, Qt.Key.Key_Tab)
    _type(qtbot, note)
    _key(qtbot, Qt.Key.Key_Return)


def test_three_check_ins_typed_in_from_the_keyboard_give_explained_advice(qtbot, db, plan, dialog):
    """Date, Tab, pain, Tab, morning letter, Tab, done … Enter, three times: saved, listed, advice shown."""
    assert QApplication.focusWidget() is dialog.date
    assert dialog.planned.value() == 7  # the current phase's exercise days a week
    _row(qtbot, date="07032026", pain="2", morning="s", done="6", confidence="6", note="ging goed")
    assert QApplication.focusWidget() is dialog.date and dialog.date.date().toPython() == dt.date(2026, 3, 8)
    _row(qtbot, date="11032026", pain="3", morning="b", done="7")
    _row(qtbot, date="15032026", pain="2", morning="s", done="7", confidence="8")
    stored = checkins.list_checkins(db, plan.id)
    assert [(c.date.day, c.pain_during, c.next_morning.value, c.sessions_done, c.sessions_planned) for c in stored] == [
        (7, 2, "same", 6, 7), (11, 3, "better", 7, 7), (15, 2, "same", 7, 7)]
    assert stored[0].note == "ging goed" and stored[0].confidence == 6 and stored[1].confidence is None
    assert dialog.table.rowCount() == 3 and dialog.table.item(0, 0).text() == "15-03-2026"
    assert dialog.table.item(0, 2).text() == "green"
    advice = dialog.advice.text()
    assert "Advice: progress" in advice and "Green for 9 days" in advice and "20 of 21 sessions" in advice
    assert plans.get_plan(db, plan.id).version == plan.version  # check-ins never bump the plan


def test_a_row_without_a_pain_score_is_not_saved_and_says_why(qtbot, db, plan, dialog):
    """Enter with the pain left at '–': nothing saved, the message names the field, focus on it."""
    _key(qtbot, Qt.Key.Key_Return)
    assert checkins.list_checkins(db, plan.id) == []
    assert "Pain during" in dialog.error.text()
    assert QApplication.focusWidget() is dialog.pain


def test_a_date_in_the_future_is_refused_by_the_service(qtbot, db, plan, dialog, monkeypatch):
    """A check-in dated after tomorrow is refused with what to do; nothing is stored."""
    dialog.date.setMaximumDate(dialog.date.maximumDate().addYears(1))
    _row(qtbot, date="01042026", pain="2", morning="s", done="3")
    assert checkins.list_checkins(db, plan.id) == []
    assert "future" in dialog.error.text()


def test_delete_and_undo_restore_the_same_check_in(qtbot, db, plan, dialog):
    """Select a row, Delete check-in, then Undo: the check-in is back with its id."""
    _row(qtbot, date="14032026", pain="4", morning="w", done="2")
    saved = checkins.list_checkins(db, plan.id)
    assert dialog.table.item(0, 2).text() == "red"
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert checkins.list_checkins(db, plan.id) == [] and dialog.table.rowCount() == 0
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert checkins.list_checkins(db, plan.id) == saved and dialog.table.rowCount() == 1


def test_the_dutch_ui_shows_dutch(qtbot, db, plan):
    """With the UI in Dutch the fields, the morning choices and the advice are Dutch."""
    set_language("nl")
    try:
        dlg = CheckInDialog(db, plan.id, today=TODAY)
        qtbot.addWidget(dlg)
        assert dlg.save_button.text() == "Opslaan en volgende (Enter)"
        assert [dlg.morning.itemText(i) for i in range(3)] == ["Beter", "Hetzelfde", "Slechter"]
        qtbot.keyClicks(dlg.morning, "s")  # Dutch letters: b, h, s
        assert dlg.morning.currentText() == "Slechter"
        qtbot.keyClicks(dlg.morning, "+")
        assert dlg.morning.currentText() == "Beter"
        assert "Nog geen check-ins" in dlg.advice.text()
    finally:
        set_language("en")
