"""Plan versions: snapshots, and 'what changed since your last visit' after progressing a plan."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.errors import ValidationError
from planner.domain.model import ProgressionMode
from planner.domain.wizard import WizardRequest
from planner.services import checkins, patients, plans, progression, revisions, wizard

TODAY = dt.date(2026, 3, 16)


@pytest.fixture
def plan(db):
    patient = patients.create_patient(db, name="Els Bakker", language="nl")
    return wizard.create_plan_with_wizard(
        db, patient.id, WizardRequest(title="Rug", region="lower-back", weeks=4, phases=2, mode=ProgressionMode.PAIN),
        start_date=TODAY - dt.timedelta(days=10))


def test_no_snapshot_yet_means_nothing_to_report(db, plan):
    """Before the first handout there is no 'last visit'."""
    assert revisions.changes_since_last_revision(db, plan.id, "nl") == []
    assert revisions.list_revisions(db, plan.id) == []


def test_after_progressing_the_handout_can_say_what_changed(db, plan):
    """Handout given, three green check-ins, next phase added: the changes read in the patient's words."""
    first = revisions.snapshot_plan(db, plan.id, reason="handout", today=TODAY)
    assert first.current_phase == 0 and first.phase_name == "Begrijpen en rustig beginnen"
    for days_ago, pain in ((9, 2), (5, 2), (1, 1)):
        checkins.record_checkin(db, plan.id, date=TODAY - dt.timedelta(days=days_ago), pain_during=pain,
                                next_morning="same", sessions_done=7, sessions_planned=7, today=TODAY)
    proposal = progression.propose_next_phase(db, plan.id, today=TODAY)
    _, phase_id = progression.apply_proposal(db, plan.id, proposal, plan.version)
    index = [p.id for p in plans.get_plan(db, plan.id).phases].index(phase_id)
    assert revisions.changes_since_last_revision(db, plan.id, "nl", today=TODAY)[0].startswith("Nieuwe fase")
    lines = revisions.changes_since_last_revision(db, plan.id, "nl", current_phase=index)
    assert lines[0] == "Nieuwe fase: Volgende stap (2 weken)"
    strength = next(i for i in proposal.items if i.block.kind.value == "strength")
    title = strength.block.title("nl")
    assert f"{title}: nu 2 keer 11 herhalingen (was 2 keer 10)" in lines  # one week done: +10 %
    assert any(line.startswith("Nieuw om te lezen: ") for line in lines)
    english = revisions.changes_since_last_revision(db, plan.id, "en", current_phase=index)
    assert f"{strength.block.title('en')}: now 2 sets of 11 repetitions (was 2 sets of 10)" in english
    second = revisions.snapshot_plan(db, plan.id, reason="handout", current_phase=index)
    assert [r.id for r in revisions.list_revisions(db, plan.id)] == [second.id, first.id]
    assert revisions.changes_since_last_revision(db, plan.id, "nl", current_phase=index) == []


def test_snapshot_reasons_are_checked(db, plan):
    """Only known reasons are stored (they show in the version list)."""
    with pytest.raises(ValidationError):
        revisions.snapshot_plan(db, plan.id, reason="because")


def test_done_when_wizard_three_check_ins_advice_and_the_next_handout_shows_the_changes(db):
    """The issue's acceptance path: wizard plan, handout given, three check-ins, progress, new handout."""
    import io

    from pypdf import PdfReader

    from planner.handout.document import render
    from planner.handout.model import HandoutOptions
    from planner.services import handouts

    patient = patients.create_patient(db, name="Jannie de Vries", language="nl")
    plan = wizard.create_plan_with_wizard(db, patient.id, WizardRequest(title="Rug in beweging", region="lower-back",
                                                                        weeks=6, phases=3, mode=ProgressionMode.PAIN),
                                          start_date=TODAY - dt.timedelta(days=14))
    revisions.snapshot_plan(db, plan.id, reason="handout", today=TODAY - dt.timedelta(days=14))
    for days_ago, pain, morning in ((12, 3, "same"), (7, 2, "better"), (2, 2, "same")):
        checkins.record_checkin(db, plan.id, date=TODAY - dt.timedelta(days=days_ago), pain_during=pain,
                                next_morning=morning, sessions_done=6, sessions_planned=7, today=TODAY)
    advice = progression.current_advice(db, plan.id, today=TODAY)
    assert advice.kind.value == "progress" and "11 dagen lang elke ochtend rustig en geen rood." in advice.reasons("nl")
    proposal = progression.propose_next_phase(db, plan.id, today=TODAY)
    progression.apply_proposal(db, plan.id, proposal, plan.version)
    lines = revisions.changes_since_last_revision(db, plan.id, "nl", today=TODAY)
    options = HandoutOptions(lang="nl")
    handout = handouts.handout_input(db, plan.id, options, today=TODAY, changes=lines)
    assert handout.changes == tuple(lines) and handout.phases[handout.current_phase].name == "Volgende stap"  # the roadmap: where the patient is now
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(render(handout, options))).pages)
    flat = " ".join(text.split())
    assert "Wat is er veranderd sinds je vorige bezoek?" in flat
    strength = next(i for i in proposal.items if i.block.kind.value == "strength")
    assert f"{strength.block.title('nl')}: nu" in flat
