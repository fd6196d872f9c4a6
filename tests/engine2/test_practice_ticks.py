"""Balance safety and graded exposure on the command line: the therapist ticks "done in the practice"
for the current exposure rung and for balance rungs that need it; the engine does not climb a balance
rung that needs the practice before the tick."""

from __future__ import annotations

import datetime as dt
import json

from planner.domain.model import ProgressionMode
from planner.services import checkins, library, patients, plan_items, plans
from planner.services.review import plan_review
from tests.cli.test_cli import run

START = dt.date(2026, 3, 2)
TODAY = START + dt.timedelta(days=15)


def _balance_plan(db):
    """Wim, 58: one pain-contingent phase of 6 weeks; tandem stance at rung 4 (head turns), 4 x 30 s;
    rung 5 is with the eyes closed. Two green weeks in his diary."""
    wim = patients.create_patient(db, name="Wim de Boer", language="en", birth_date=dt.date(1968, 4, 1))
    plan = plans.create_plan(db, patient_id=wim.id, title="Balance", start_date=START, mode="pain",
                             phases=[{"name": "Steady", "weeks": 6}])
    block = library.get_block_by_key(db, "balance.tandem-stance")
    _, item_id = plan_items.add_item(db, plan.phases[0].id, block.id,
                                dosage={"level": 3, "sets": 4, "hold_seconds": 30, "days_per_week": 7})
    for day in range(0, 15, 3):
        checkins.record_checkin(db, plan.id, date=START + dt.timedelta(days=day), pain_during=2,
                                next_morning="same", sessions_done=7, sessions_planned=7, red_flags=[], today=TODAY)
    return plan.id, item_id


def test_the_engine_waits_for_the_tick_before_the_eyes_closed_rung(db, db_path):
    plan_id, item_id = _balance_plan(db)
    assert plans.get_plan(db, plan_id).mode is ProgressionMode.PAIN
    waiting = plan_review(db, plan_id, today=TODAY)
    assert waiting.review.outcome.value == "progress"
    assert all((c.after.level or 0) <= 3 for c in waiting.proposal.items if c.item_id == item_id)

    listed = run("balance-rungs", str(plan_id), "--json", database=db_path)
    assert listed.returncode == 0, listed.stderr
    rungs = json.loads(listed.stdout)
    assert [(r["item_id"], r["level"], r["number"], r["practised"]) for r in rungs] == [(item_id, 4, 5, False)]
    assert "eyes closed" in rungs[0]["rung"]

    ticked = run("balance-practised", str(item_id), database=db_path)
    assert ticked.returncode == 0, ticked.stderr
    assert "rung 5" in ticked.stdout and "done safely in the practice" in ticked.stdout
    climbed = plan_review(db, plan_id, today=TODAY)
    assert [c.after.level for c in climbed.proposal.items if c.item_id == item_id] == [4]

    undone = run("balance-practised", str(item_id), "--undo", database=db_path)
    assert undone.returncode == 0 and "not yet done" in undone.stdout
    assert plans.get_plan(db, plan_id).practice_ticks == frozenset()


def test_balance_practised_refuses_a_rung_that_needs_no_practice_in_one_line(db, db_path):
    _, item_id = _balance_plan(db)
    wrong = run("balance-practised", str(item_id), "--level", "2", database=db_path)
    assert wrong.returncode == 1 and wrong.stderr.count("\n") == 1 and "choose one of" in wrong.stderr
    missing = run("balance-practised", "999999", database=db_path)
    assert missing.returncode == 1 and "does not exist" in missing.stderr


def test_exposure_shows_the_ladder_and_ticks_the_current_rung(db, db_path):
    from planner.services import demo

    plan_id = demo.ensure_demo(db)
    demo.attach_bending_ladder(db, plan_id)
    shown = run("exposure", str(plan_id), "--json", database=db_path)
    assert shown.returncode == 0, shown.stderr
    ladder = json.loads(shown.stdout)
    current = ladder["current"]
    assert ladder["rungs"][current - 1]["rating"] == 30 and not ladder["rungs"][current - 1]["practised"]
    assert "practise it once together" in ladder["reason"] or "samen" in ladder["reason"]

    ticked = run("exposure", str(plan_id), "--tick-practised", database=db_path)
    assert ticked.returncode == 0, ticked.stderr
    assert "[x]" in ticked.stdout and "<- now" in ticked.stdout
    assert plans.get_plan(db, plan_id).exposure.rungs[current - 1].practised

    # the patient's expected-harm ratings come with the check-ins; halved: the ladder moves on
    start = plans.get_plan(db, plan_id).start_date
    for day, harm in ((0, 60), (4, 25)):
        checkins.record_checkin(db, plan_id, date=start + dt.timedelta(days=day), pain_during=3, next_morning="same",
                                sessions_done=3, sessions_planned=3, expected_harm=harm, red_flags=[],
                                today=start + dt.timedelta(days=7))
    later = (start + dt.timedelta(days=7)).isoformat()
    moved = json.loads(run("exposure", str(plan_id), "--today", later, "--json", database=db_path).stdout)
    assert moved["expected_harm"] == {"first": 60, "latest": 25} and moved["move_on"]


def test_exposure_on_a_plan_without_a_ladder_says_what_to_do(db, db_path):
    plan_id, _ = _balance_plan(db)
    result = run("exposure", str(plan_id), database=db_path)
    assert result.returncode == 1 and "no exposure ladder" in result.stderr
