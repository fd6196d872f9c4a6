"""New plan with the wizard: answer a few questions, see the plan, create it with Enter."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from planner.domain.checks import check_plan
from planner.domain.model import ProgressionMode
from planner.i18n import set_language
from planner.services import patients, plans
from planner.ui.editor.wizard_dialog import WizardDialog

TODAY = dt.date(2026, 3, 16)


@pytest.fixture
def patient(db):  # noqa: ANN001, ANN201
    return patients.create_patient(db, name="Henk Smit", language="nl", region="knee")


def _open(qtbot, db, patient_id: int) -> WizardDialog:  # noqa: ANN001
    dialog = WizardDialog(db, patient_id, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _set_spin(qtbot, spin, text: str) -> None:  # noqa: ANN001
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def test_wizard_builds_a_time_contingent_plan_from_a_baseline(qtbot, db, patient, english):
    """Type a goal, pick 4 phases, time-contingent with a walking baseline; Enter creates the plan."""
    dialog = _open(qtbot, db, patient.id)
    assert dialog.region.currentData() == "knee"  # from the patient
    assert dialog.tree.topLevelItemCount() == 3 and not dialog.baseline_box.isVisible()
    dialog.title.selectAll()
    qtbot.keyClicks(dialog.title, "Knie sterker")
    qtbot.keyClicks(dialog.goal, "Weer fietsen naar de markt")
    _set_spin(qtbot, dialog.phases, "4")
    assert dialog.tree.topLevelItemCount() == 4
    qtbot.keyClick(dialog.mode, Qt.Key.Key_Down)
    assert dialog.baseline_box.isVisible()
    _set_spin(qtbot, dialog.walk_minutes, "15")
    walk = [dialog.tree.topLevelItem(0).child(n) for n in range(dialog.tree.topLevelItem(0).childCount())]
    assert any(row.text(0) == "Rustig wandelen" and row.text(2).startswith("12 minuten") for row in walk)
    assert dialog.warnings.text() == "The plan passes every check."
    qtbot.keyClick(dialog.goal, Qt.Key.Key_Return)
    assert not dialog.isVisible() and dialog.plan is not None
    stored = plans.get_plan(db, dialog.plan.id)
    assert stored.title == "Knie sterker" and stored.goal == "Weer fietsen naar de markt"
    assert stored.mode is ProgressionMode.TIME and len(stored.phases) == 4 and stored.total_weeks == 8
    assert stored.start_date == TODAY and stored.patient_id == patient.id
    assert check_plan(stored) == []


def test_impossible_answers_disable_create_and_say_why(qtbot, db, patient, english):
    """More phases than weeks: no preview, the reason is shown, Create is disabled; fixing it restores."""
    dialog = _open(qtbot, db, patient.id)
    _set_spin(qtbot, dialog.weeks, "2")
    assert not dialog.create_button.isEnabled()
    assert "At most one phase per week" in dialog.error.text()
    _set_spin(qtbot, dialog.phases, "2")
    assert dialog.create_button.isEnabled() and dialog.tree.topLevelItemCount() == 2
    assert plans.list_plans(db, patient.id) == []


def test_the_dutch_ui_shows_dutch(qtbot, db, patient):
    """Labels and the preview's words in Dutch."""
    set_language("nl")
    try:
        dialog = _open(qtbot, db, patient.id)
        assert dialog.create_button.text() == "Plan maken"
        assert dialog.title.text() == "Plan voor knie"
        assert dialog.warnings.text() == "Het plan doorstaat elke controle."
    finally:
        set_language("en")
