"""Progress phase and step back as use cases: proposals from the database, one transaction to add."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import select

from planner.domain.errors import ConflictError, NotFound, ValidationError
from planner.domain.model import ProgressionMode
from planner.domain.proposals import ProposalKind
from planner.domain.timeline import current_phase_index
from planner.domain.wizard import Baseline, WizardRequest
from planner.services import checkins, patients, plan_items, plans, progression, wizard
from planner.store import tables as t

TODAY = dt.date(2026, 3, 16)


def _plan(db, mode: ProgressionMode = ProgressionMode.PAIN, **request):
    patient = patients.create_patient(db, name="Jannie de Vries", language="nl")
    req = WizardRequest(title="Rug in beweging", region="lower-back", weeks=4, phases=2, mode=mode, **request)
    return wizard.create_plan_with_wizard(db, patient.id, req, start_date=TODAY - dt.timedelta(days=10))


def _diary(db, plan_id: int, pains: list[int], morning: str = "same") -> None:
    for days_ago, pain in zip((9, 5, 1), pains, strict=False):
        checkins.record_checkin(db, plan_id, date=TODAY - dt.timedelta(days=days_ago), pain_during=pain,
                                next_morning=morning, sessions_done=3, sessions_planned=3, today=TODAY)


def _audit(db, action: str) -> int:
    with db.reading() as session:
        return len(session.scalars(select(t.AuditEvent).where(t.AuditEvent.action == action)).all())


def test_green_week_progresses_and_the_reviewed_phase_is_inserted_after_the_current_one(db):
    """Three green check-ins on day 10: a step forward over the week done, added as the current phase 2."""
    plan = _plan(db)
    _diary(db, plan.id, [2, 3, 2])
    proposal = progression.propose_next_phase(db, plan.id, today=TODAY)
    assert proposal.kind is ProposalKind.PROGRESS and proposal.source_phase_id == plan.phases[0].id
    assert proposal.source_weeks == 1  # day 10 of a 2-week phase: one whole week done
    change, phase_id = progression.apply_proposal(db, plan.id, proposal, plan.version)
    after = plans.get_plan(db, plan.id)
    assert change.version == plan.version + 1
    assert after.phases[0].weeks == 1 and current_phase_index(after, TODAY) == 1  # the new phase starts now
    assert [p.id for p in after.phases][1] == phase_id
    assert [p.name for p in after.phases] == ["Begrijpen en rustig beginnen", "Volgende stap", "Opbouwen"]
    added = {i.block.key: i.dosage for i in after.phases[1].items}
    for item in proposal.items:
        assert added[item.block.key] == item.after
    assert _audit(db, "phase.progress") == 1


def test_pain_contingent_amber_with_settled_mornings_proposes_a_step(db):
    """Finding 2: pain 4-5 with settled mornings is no reason to stand still (a half step)."""
    plan = _plan(db)
    _diary(db, plan.id, [4, 5, 4])
    advice = progression.current_advice(db, plan.id, today=TODAY)
    assert advice.kind.value == "progress" and advice.step.value == "half"
    assert progression.propose_next_phase(db, plan.id, today=TODAY).kind is ProposalKind.PROGRESS


def test_time_contingent_plan_keeps_its_schedule_whatever_the_light(db):
    """Graded activity: amber days do not change the advice: continue on schedule, nothing inserted."""
    plan = _plan(db, ProgressionMode.TIME, baseline=Baseline(walk_minutes=15))
    _diary(db, plan.id, [4, 5, 4])
    advice = progression.current_advice(db, plan.id, today=TODAY)
    assert advice.kind.value == "continue"
    proposal = progression.propose_next_phase(db, plan.id, today=TODAY)
    assert proposal.kind is ProposalKind.HOLD
    forced = progression.propose_next_phase(db, plan.id, force=True, today=TODAY)
    walk = next(i for i in forced.items if i.block.key == "daily.calm-walk")
    assert (walk.before.minutes, walk.after.minutes) == (12, 13)  # 1 week done of 2: at most +10 %


def test_step_back_after_a_flare_up_returns_to_the_previous_phase_level(db):
    """Red in phase 2: a short phase 'Rustiger aan' at the exercise levels of phase 1 (breathing stays)."""
    plan = _plan(db)
    second = plan.phases[1]
    proposal = progression.propose_step_back(db, plan.id, second.id, today=TODAY)
    assert proposal.kind is ProposalKind.STEP_BACK and proposal.tolerated_phase_id == plan.phases[0].id
    _, phase_id = progression.apply_proposal(db, plan.id, proposal, plan.version)
    after = plans.get_plan(db, plan.id)
    assert [p.id for p in after.phases] == [plan.phases[0].id, second.id, phase_id]
    first = {i.block.key: i.dosage for i in plan.phases[0].items}
    for item in after.phases[2].items:
        if item.block.key in first and item.block.kind.value in ("strength", "mobility", "balance"):
            assert item.dosage.level == first[item.block.key].level
    assert _audit(db, "phase.step-back") == 1


def test_a_stale_version_is_refused_and_nothing_is_added(db):
    """Another desk saved in between: ConflictError, and the plan keeps its phases."""
    plan = _plan(db)
    proposal = progression.propose_next_phase(db, plan.id, force=True, today=TODAY)
    plans.update_plan(db, plan.id, title="Elders veranderd")
    with pytest.raises(ConflictError):
        progression.apply_proposal(db, plan.id, proposal, plan.version)
    assert len(plans.get_plan(db, plan.id).phases) == 2


def test_bad_edits_are_refused_with_the_field_named(db):
    """A dosage out of range, no exercises, a wrong plan or a removed phase: clear refusals, no change."""
    plan = _plan(db)
    proposal = progression.propose_next_phase(db, plan.id, force=True, today=TODAY)
    strength = next(n for n, i in enumerate(proposal.items) if i.block.kind.value == "strength")
    too_many = proposal.with_item(strength, after=replace(proposal.items[strength].after, sets=40))
    with pytest.raises(ValidationError) as caught:
        progression.apply_proposal(db, plan.id, too_many, plan.version)
    assert any("sets" in key for key in caught.value.problems)
    empty = replace(proposal, items=tuple(replace(i, include=False) for i in proposal.items))
    with pytest.raises(ValidationError):
        progression.apply_proposal(db, plan.id, empty, plan.version)
    with pytest.raises(ValidationError):
        progression.apply_proposal(db, plan.id + 999, proposal, None)
    plans.remove_phase(db, plan.phases[0].id)
    with pytest.raises(NotFound):
        progression.apply_proposal(db, plan.id, proposal, None)
    assert len(plans.get_plan(db, plan.id).phases) == 1


def test_plan_warnings_for_a_stored_plan(db):
    """The checks run on the stored plan: a steep edit is reported with its block."""
    plan = _plan(db)
    bridge = next(i for i in plan.phases[1].items if i.block.kind.value == "strength")
    plan_items.update_item(db, bridge.id, dosage={"sets": 4, "reps": 15})
    codes = [(w.item_id, w.code) for w in progression.plan_warnings(db, plan.id)]
    assert (bridge.id, "steep-step") in codes


@pytest.mark.postgres
def test_progress_on_postgresql(pg_url):
    """The same use case on a PostgreSQL server: proposal, apply, version bump."""
    from planner.services.database import open_database

    db = open_database(pg_url)
    try:
        plan = _plan(db)
        _diary(db, plan.id, [1, 2, 1])
        proposal = progression.propose_next_phase(db, plan.id, today=TODAY)
        change, _ = progression.apply_proposal(db, plan.id, proposal, plan.version)
        assert change.version == plan.version + 1
        assert len(plans.get_plan(db, plan.id).phases) == 3
    finally:
        db.dispose()
