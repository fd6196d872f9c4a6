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
def patient(db):
    return patients.create_patient(db, name="Henk Smit", language="nl", region="knee")


def _open(qtbot, db, patient_id: int) -> WizardDialog:
    dialog = WizardDialog(db, patient_id, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _set_spin(qtbot, spin, text: str) -> None:
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def test_wizard_builds_a_time_contingent_plan_from_a_baseline(qtbot, db, patient, english):
    """Type a goal, pick 4 phases; time-contingent is the default, with a walking baseline; Enter creates it."""
    dialog = _open(qtbot, db, patient.id)
    assert dialog.region.currentData() == "knee"  # from the patient
    assert dialog.mode.currentData() == "time"  # the default for persistent pain
    assert dialog.tree.topLevelItemCount() == 3 and dialog.baseline_box.isVisible()
    qtbot.keyClick(dialog.mode, Qt.Key.Key_Down)
    assert dialog.mode.currentData() == "pain" and not dialog.baseline_box.isVisible()
    qtbot.keyClick(dialog.mode, Qt.Key.Key_Up)
    assert dialog.baseline_box.isVisible()
    dialog.title.selectAll()
    qtbot.keyClicks(dialog.title, "Knie sterker")
    qtbot.keyClicks(dialog.goal, "Weer fietsen naar de markt")
    _set_spin(qtbot, dialog.phases, "4")
    assert dialog.tree.topLevelItemCount() == 4
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
    """More phases than half the weeks: no preview, the reason is shown, Create is disabled; fixing it restores."""
    dialog = _open(qtbot, db, patient.id)
    _set_spin(qtbot, dialog.weeks, "4")
    assert not dialog.create_button.isEnabled()
    assert dialog.error.text() == "Phases: 3 phases in 4 weeks: a phase lasts at least 2 weeks, so at most 2 phases."
    _set_spin(qtbot, dialog.phases, "2")
    assert dialog.create_button.isEnabled() and dialog.tree.topLevelItemCount() == 2
    assert plans.list_plans(db, patient.id) == []


def test_the_dutch_ui_shows_dutch(qtbot, db, patient):
    """Labels and the preview's words in Dutch."""
    set_language("nl")
    try:
        dialog = _open(qtbot, db, patient.id)
        assert dialog.create_button.text() == "Plan maken"
        assert dialog.title.text() == "Plan voor je knie"
        assert dialog.warnings.text() == "Het plan doorstaat elke controle."
    finally:
        set_language("en")


def test_names_the_program_makes_follow_the_plans_language_not_the_ui(qtbot, db, patient, english):
    """Issue 12 item 4: the UI speaks English, the patient Dutch: Dutch title and phase names; English on request."""
    dialog = _open(qtbot, db, patient.id)
    assert dialog.title.text() == "Plan voor je knie"
    assert dialog.tree.topLevelItem(0).text(0) == "1. Begrijpen en rustig beginnen"
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert dialog.title.text() == "Plan for your knee"
    dialog.language.setCurrentIndex(dialog.language.findData("nl"))
    dialog.title.selectAll()
    qtbot.keyClicks(dialog.title, "Eigen titel")
    dialog.region.setCurrentIndex(dialog.region.findData("hip"))
    assert dialog.title.text() == "Eigen titel"  # what the therapist typed stays
    qtbot.keyClick(dialog.goal, Qt.Key.Key_Return)
    stored = plans.get_plan(db, dialog.plan.id)
    assert stored.language == "nl" and [p.name for p in stored.phases][:2] == ["Begrijpen en rustig beginnen", "Opbouwen"]
    assert "Volgens schema" in stored.phases[0].criteria


def test_a_blank_plan_and_a_new_phase_are_named_in_the_plans_language(qtbot, db, patient, english):
    """New plan dialog (blank, 2 phases) while the UI speaks English: 'Plan voor Henk Smit', 'Fase 1', 'Fase 2'."""
    from planner.ui.editor.new_plan_dialog import BLANK, NewPlanDialog

    dialog = NewPlanDialog(db, patient)
    qtbot.addWidget(dialog)
    dialog.templates.setCurrentRow(0)
    assert dialog.template_id() == BLANK
    assert dialog.title.text() == "Plan voor Henk Smit"
    dialog.phases.setValue(2)
    dialog.accept()
    plan = dialog.result_plan
    assert plan.title == "Plan voor Henk Smit" and [p.name for p in plan.phases] == ["Fase 1", "Fase 2"]
