"""Progress phase and Step back in the GUI: review, edit and add the proposed phase like a therapist."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox

from planner.domain.model import ProgressionMode
from planner.domain.wizard import WizardRequest
from planner.i18n import set_language
from planner.services import checkins, patients, plans, wizard
from planner.ui.monitoring.progress_dialog import ProgressDialog

TODAY = dt.date(2026, 3, 16)


@pytest.fixture
def plan(db):
    patient = patients.create_patient(db, name="Jannie de Vries", language="nl")
    created = wizard.create_plan_with_wizard(db, patient.id, WizardRequest(title="Rug in beweging", region="lower-back",
                                                                           weeks=4, phases=2,
                                                                           mode=ProgressionMode.PAIN),
                                             start_date=TODAY - dt.timedelta(days=10))
    return created


def _diary(db, plan_id: int, pains: list[int]) -> None:
    for days_ago, pain in zip((9, 5, 1), pains, strict=True):
        checkins.record_checkin(db, plan_id, date=TODAY - dt.timedelta(days=days_ago), pain_during=pain,
                                next_morning="same", sessions_done=7, sessions_planned=7, today=TODAY)


def _open(qtbot, db, plan_id: int, **kwargs) -> ProgressDialog:
    dialog = ProgressDialog(db, plan_id, today=TODAY, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _row(dialog: ProgressDialog, kind: str) -> int:
    return next(n for n, item in enumerate(dialog.proposal.items) if item.block.kind.value == kind)


def test_progress_review_edit_and_add(qtbot, db, plan, english):
    """Green week: the dialog proposes a step; leave out one exercise, raise another's reps (warned), add it."""
    _diary(db, plan.id, [2, 3, 2])
    dialog = _open(qtbot, db, plan.id)
    assert "Advice: progress" in dialog.advice.text()
    assert dialog.source.currentText() == "1. Begrijpen en rustig beginnen"
    assert dialog.table.rowCount() == len(plan.phases[0].items)
    strength = _row(dialog, "strength")
    assert dialog.table.item(strength, 3).text().startswith("2×11")  # day 10: one week done, at most +10 %
    assert "+10 %" in dialog.table.item(strength, 4).text()
    assert "is shortened to 1 week" in dialog.summary.text()
    mobility = _row(dialog, "mobility")
    dropped_key = dialog.proposal.items[mobility].block.key
    dialog.table.item(mobility, 0).setCheckState(Qt.CheckState.Unchecked)
    dialog.table.setCurrentCell(strength, 1)
    reps = dialog.findChild(type(dialog.weeks), "repsSpin")
    reps.selectAll()
    qtbot.keyClicks(reps, "15")
    assert dialog.table.item(strength, 3).text().startswith("2×15")
    assert "+50 %" in dialog.warnings.text()  # 2×10 → 2×15 is too steep: warned, not forbidden
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "Opbouw met kracht")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    stored = plans.get_plan(db, plan.id)
    added = stored.phases[1]
    assert added.id == dialog.new_phase_id and added.name == "Opbouw met kracht"
    assert dropped_key not in [i.block.key for i in added.items]
    bridge = next(i for i in added.items if i.block.kind.value == "strength")
    assert (bridge.dosage.sets, bridge.dosage.reps) == (2, 15)
    assert stored.version == plan.version + 1 and not dialog.isVisible()


def test_amber_with_settled_mornings_steps_up_and_time_mode_keeps_the_schedule(qtbot, db, plan, english):
    """Finding 2: pain 2, 4, 3 with settled mornings is a step up. Switching to time-contingent
    (saved on the plan) on day 10 of a 2-week phase: continue on schedule, so the same dosages,
    with "step up anyway" offered; no "the step goes ahead" next to another advice (finding 1)."""
    _diary(db, plan.id, [2, 4, 3])
    dialog = _open(qtbot, db, plan.id)
    assert dialog.summary.text().startswith("Advice: progress")
    assert not dialog.force.isVisible()
    qtbot.keyClick(dialog.mode, Qt.Key.Key_Down)
    assert plans.get_plan(db, plan.id).mode is ProgressionMode.TIME
    assert "Advice: continue" in dialog.advice.text()
    assert all(i.after == i.before for i in dialog.proposal.items)
    assert dialog.force.isVisible()
    qtbot.mouseClick(dialog.force, Qt.MouseButton.LeftButton, pos=dialog.force.rect().topLeft() + QPoint(8, 8))
    assert any(i.after != i.before for i in dialog.proposal.items)


def test_step_back_goes_back_to_the_chosen_phase(qtbot, db, plan, english):
    """Flare-up in phase 2: step back to phase 1's levels at about 75 %, added after phase 2."""
    dialog = _open(qtbot, db, plan.id, step_back=True, phase_id=plan.phases[1].id)
    assert dialog.objectName() == "stepBackDialog"
    assert dialog.tolerated.currentText() == "1. Begrijpen en rustig beginnen"
    first = {i.block.key: i.dosage for i in plan.phases[0].items}
    strength = _row(dialog, "strength")
    proposed = dialog.proposal.items[strength]
    assert proposed.after.level == first[proposed.block.key].level
    assert "level that went well" in dialog.table.item(strength, 4).text()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    stored = plans.get_plan(db, plan.id)
    assert [p.name for p in stored.phases] == ["Begrijpen en rustig beginnen", "Opbouwen", "Rustiger aan"]
    back = {i.block.key: i.dosage for i in stored.phases[2].items}
    assert back[proposed.block.key] == proposed.after


def test_a_save_at_another_desk_is_noticed_and_the_proposal_remade(qtbot, db, plan, english, monkeypatch):
    """The plan changed elsewhere: a message, nothing added, and the proposal now uses the new version."""
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    dialog = _open(qtbot, db, plan.id, phase_id=plan.phases[1].id)
    plans.update_plan(db, plan.id, title="Elders aangepast")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert warned and "another desk" in warned[0]
    assert len(plans.get_plan(db, plan.id).phases) == 2 and dialog.isVisible()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert len(plans.get_plan(db, plan.id).phases) == 3


def test_the_dutch_ui_shows_dutch(qtbot, db, plan):
    """Labels, buttons and the advice in Dutch when the UI is Dutch."""
    set_language("nl")
    try:
        dialog = _open(qtbot, db, plan.id)
        assert dialog.apply_button.text() == "Fase toevoegen"
        assert dialog.windowTitle() == "Fase opbouwen: Rug in beweging"
        assert "Nog geen check-ins" in dialog.advice.text()
    finally:
        set_language("en")
