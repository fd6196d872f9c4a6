"""The kill test: a writer doing real edits through the services is SIGKILLed at random moments."""

from __future__ import annotations

import pytest

from tests.reliability.kill_harness import Ledger, check, kill_loop

KILLS = 100


def test_hundred_kills_lose_no_confirmed_edit_and_leave_no_half_plan(db_path):
    """100 SIGKILLs at random moments: integrity ok, every confirmed edit stored, no plan half-written."""
    ledger, problems = kill_loop(db_path, kills=KILLS, seed=7)
    print(f"\nkill test: {ledger.kills} kills survived, {ledger.confirmed} confirmed edits checked, "
          f"{ledger.in_flight} kills landed mid-edit")
    assert problems == []
    assert ledger.kills == KILLS
    assert ledger.confirmed >= ledger.promised >= KILLS  # the writers really worked between the kills
    assert ledger.plans and ledger.items and ledger.reps
    assert ledger.in_flight >= 1  # kills landed in the middle of an edit (about half of them do)


def test_the_check_notices_a_lost_edit_and_a_half_written_plan(db_path):
    """The checker is not blind: a confirmed item that is gone and a plan missing a phase are reported."""
    import sqlite3

    from planner.services import patients, plans
    from planner.services.database import open_database

    db = open_database(f"sqlite:///{db_path}", seed=False, daily_backup=False)
    patient = patients.create_patient(db, name="Checker")
    plan = plans.create_plan(db, patient_id=patient.id, title="kill x-1", goal="phases=2",
                             phases=[{"name": "p0", "weeks": 1}, {"name": "p1", "weeks": 2}])
    db.dispose()
    ledger = Ledger()
    ledger.read(f"OK 1 PLAN {plan.id} 2")
    ledger.read("OK 1 ITEM 999999 5")
    con = sqlite3.connect(db_path)
    con.execute("DELETE FROM phases WHERE plan_id = ? AND name = 'p1'", (plan.id,))
    con.commit()
    con.close()
    problems = check(db_path, ledger)
    assert any("half-written" in p for p in problems)
    assert any("confirmed items missing" in p for p in problems)
    assert any(f"confirmed plan {plan.id}" in p for p in problems)


@pytest.mark.slow
def test_soak_thousand_kills_with_fresh_interpreters_every_tenth(db_path):
    """The long variant: 1000 kills by the forking writer, then 50 with a brand-new interpreter each."""
    ledger, problems = kill_loop(db_path, kills=1000, seed=11, max_oks=8, max_delay=0.1, check_every=10)
    assert problems == [] and ledger.kills == 1000
    ledger, problems = kill_loop(db_path, kills=50, seed=12, max_delay=0.1, fresh=True)
    assert problems == [] and ledger.kills == 50
