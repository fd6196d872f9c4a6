"""The review against the database: the roadmap moves on (finding 4), accepting is undoable, the
check-in of the spec is stored with its meaning, and the command line's contract."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from planner.domain.errors import ValidationError
from planner.domain.model import ProgressionMode
from planner.domain.wizard import Baseline, WizardRequest
from planner.services import checkins, patients, plans, wizard
from planner.services.review import accept_review, plan_review, restore_review_state
from tests.cli.test_cli import run

START = dt.date(2026, 3, 2)


def _plan(db, mode=ProgressionMode.PAIN, birth=dt.date(1980, 1, 1)):
    patient = patients.create_patient(db, name="Sanne Bakker", language="en", birth_date=birth)
    return wizard.create_plan_with_wizard(
        db, patient.id, WizardRequest(title="Back", region="lower-back", weeks=6, phases=3, mode=mode,
                                      language="en", baseline=Baseline(walk_minutes=10)), start_date=START)


def _diary(db, plan_id, rows):
    for day, pain, morning in rows:
        checkins.record_checkin(db, plan_id, date=START + dt.timedelta(days=day), pain_during=pain,
                                next_morning=morning, sessions_done=5, sessions_planned=5, red_flags=[],
                                today=START + dt.timedelta(days=60))


def test_finding_4_moving_on_goes_to_the_planned_phase_without_inserting_one(db):
    """Two green weeks: the review moves the patient on to phase 2; the phases stay as planned."""
    plan = _plan(db)
    names = [p.name for p in plan.phases]
    _diary(db, plan.id, [(d, 2, "same") for d in range(0, 15, 3)])
    today = START + dt.timedelta(days=15)
    result = plan_review(db, plan.id, today=today)
    assert (result.review.outcome.value, result.proposal.action.value) == ("progress", "move-on")
    done = accept_review(db, plan.id, today=today)
    after = plans.get_plan(db, plan.id)
    assert [p.name for p in after.phases] == names  # nothing inserted
    assert after.current_phase_id == plan.phases[1].id
    assert after.review_log[-1].action == "move-on"
    moved = {c.item_id: c.after for c in result.proposal.items}
    for item in after.phases[1].items:
        if item.id in moved:
            assert item.dosage == moved[item.id]
    # undo and redo (the window's command calls these)
    restore_review_state(db, plan.id, done.before)
    undone = plans.get_plan(db, plan.id)
    assert undone.current_phase_id in (None, plan.phases[0].id) and undone.review_log == ()
    assert [i.dosage for i in undone.phases[1].items] == [i.dosage for i in plan.phases[1].items]
    restore_review_state(db, plan.id, done.after)
    assert plans.get_plan(db, plan.id).current_phase_id == plan.phases[1].id


def test_finding_1_a_bad_day_in_a_time_contingent_plan_keeps_the_schedule(db):
    """Pain 3, 3, then 7 with a worse morning: continue, nothing to change; the newest light is red."""
    plan = _plan(db, ProgressionMode.TIME)
    _diary(db, plan.id, [(0, 3, "same"), (1, 3, "same"), (2, 7, "worse")])
    result = plan_review(db, plan.id, today=START + dt.timedelta(days=3))
    assert result.review.light.value == "red"
    assert (result.review.outcome.value, result.proposal.action.value) == ("continue", "none")
    assert any("bad day" in r for r in result.review.reasons("en"))


def test_a_step_back_is_remembered_and_a_second_within_14_days_asks_for_review(db):
    plan = _plan(db)
    _diary(db, plan.id, [(0, 2, "same"), (3, 7, "same")])
    accept_review(db, plan.id, today=START + dt.timedelta(days=3))
    stored = plans.get_plan(db, plan.id)
    assert stored.review_log[-1].action == "step-back" and stored.review_log[-1].before
    _diary(db, plan.id, [(6, 8, "worse")])
    again = plan_review(db, plan.id, today=START + dt.timedelta(days=6))
    assert (again.review.outcome.value, again.proposal.action.value) == ("review", "none")


def test_the_check_in_of_the_spec_is_stored_and_refuses_bad_dates(db):
    plan = _plan(db)
    saved = checkins.record_checkin(db, plan.id, date=START, pain_during=2, next_morning="unknown", morning_pain=3,
                                    sessions_done=1, sessions_planned=2, red_flags=["fever"], expected_harm=40,
                                    today=START)
    back = checkins.list_checkins(db, plan.id)[0]
    assert (back.next_morning.value, back.morning_pain, back.red_flags, back.expected_harm) == (
        "unknown", 3, ("fever",), 40)
    assert saved.id == back.id
    with pytest.raises(ValidationError) as before:
        checkins.record_checkin(db, plan.id, date=START - dt.timedelta(days=1), pain_during=2, next_morning="same",
                                sessions_done=1, sessions_planned=1, today=START)
    assert "before the plan's start" in str(before.value.problems["date"])
    with pytest.raises(ValidationError) as twice:
        checkins.record_checkin(db, plan.id, date=START, pain_during=2, next_morning="same", sessions_done=1,
                                sessions_planned=1, today=START)
    assert "already a check-in" in str(twice.value.problems["date"])


def test_command_line_contract(db_path, db):
    plan = _plan(db)
    patients.archive_patient(db, patients.create_patient(db, name="Old Patient").id)
    listed = json.loads(run("patients", "--json", database=db_path).stdout)
    assert {"id", "name", "archived"} == set(listed[0]) and any(p["archived"] for p in listed)
    pid = str(plan.id)
    for day, pain in ((0, 2), (3, 2), (6, 2), (9, 2)):
        done = run("checkin", pid, "--date", (START + dt.timedelta(days=day)).isoformat(), "--pain", str(pain),
                   "--morning", "same", "--morning-pain", "2", "--done", "5", "--planned", "5", "--no-red-flags",
                   database=db_path)
        assert done.returncode == 0 and done.stdout.strip().isdigit(), done.stderr
    early = run("checkin", pid, "--date", "2026-03-01", "--pain", "2", "--morning", "same", database=db_path)
    assert early.returncode == 1 and len(early.stderr.strip().splitlines()) == 1 and "start" in early.stderr
    future = run("checkin", pid, "--date", "2999-01-01", "--pain", "2", "--morning", "same", database=db_path)
    assert future.returncode == 1 and "future" in future.stderr
    out = run("review", pid, "--today", "2026-03-12", "--json", database=db_path)
    data = json.loads(out.stdout)
    assert set(data) >= {"light", "advice", "step", "reasons", "proposal"}
    assert (data["light"], data["advice"], data["step"], data["proposal"]["action"]) == (
        "green", "progress", "full", "stay")
    assert all(set(i) == {"item_id", "block", "before", "after"} for i in data["proposal"]["items"])
    applied = run("apply-review", pid, "--today", "2026-03-12", database=db_path)
    assert applied.returncode == 0 and "Stay in" in applied.stdout
    flag = run("checkin", pid, "--date", "2026-03-13", "--pain", "1", "--morning", "better", "--red-flag", "saddle",
               database=db_path)
    assert flag.returncode == 0, flag.stderr
    stop = json.loads(run("review", pid, "--today", "2026-03-13", "--json", database=db_path).stdout)
    assert (stop["advice"], stop["proposal"]["action"]) == ("stop", "none")
    assert "Medical care today" in " ".join(stop["reasons"])
