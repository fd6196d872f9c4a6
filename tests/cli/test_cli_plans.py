"""`wizard` and `check-plan` on the command line (issue 11, item 9): the contract's flags, clear errors."""

from __future__ import annotations

import json

from planner.languages import codes
from planner.services import patients, plan_items, plans
from planner.services.database import open_database
from tests.cli.test_cli import run


def _patient(db_path, **fields) -> int:
    db = open_database(f"sqlite:///{db_path}", daily_backup=False)
    try:
        return patients.create_patient(db, **fields).id
    finally:
        db.dispose()


def _plan(db_path, plan_id: int):
    db = open_database(f"sqlite:///{db_path}", daily_backup=False)
    try:
        return plans.get_plan(db, plan_id)
    finally:
        db.dispose()


def test_wizard_makes_a_plan_in_the_patients_language_that_passes_check_plan(db_path):
    """A Dutch patient, no --lang: Dutch names; time mode with a walking baseline; check-plan prints []."""
    patient = _patient(db_path, name="Jan Bos", language="nl", region="knee")
    done = run("wizard", "--patient", str(patient), "--region", "knee", "--weeks", "8", "--phases", "3",
               "--mode", "time", "--start", "2026-03-02", "--baseline-walk", "15", "--feared", "stairs=60",
               database=db_path)
    assert done.returncode == 0, done.stderr
    plan_id = int(done.stdout.strip())
    plan = _plan(db_path, plan_id)
    assert plan.language == "nl" and plan.title == "Plan voor je knie" and plan.mode.value == "time"
    assert str(plan.start_date) == "2026-03-02" and [p.weeks for p in plan.phases] == [2, 3, 3]
    assert plan.phases[0].name == "Begrijpen en rustig beginnen"
    walk = next(i for i in plan.phases[0].items if i.block.key == "daily.calm-walk")
    assert walk.dosage.minutes == 12  # a little below the baseline of 15
    keys = {i.block.key for p in plan.phases for i in p.items}
    assert {"strength.sit-to-stand", "strength.step-up"} <= keys
    checked = run("check-plan", str(plan_id), "--json", database=db_path)
    assert checked.returncode == 0 and json.loads(checked.stdout) == []


def test_too_many_phases_and_unknown_activities_are_one_clear_line(db_path):
    """5 phases in 8 weeks, an unknown feared activity, a rating above 100: exit 2, one line, no traceback."""
    patient = str(_patient(db_path, name="Els"))
    base = ("wizard", "--patient", patient, "--region", "neck", "--weeks", "8", "--mode", "pain")
    for extra, words in ((("--phases", "5"), "at least 2 weeks"), (("--phases", "2", "--feared", "swimming=40"),
                                                                    "unknown feared activity 'swimming'"),
                         (("--phases", "2", "--feared", "bending=140"), "from 0 to 100")):
        done = run(*base, *extra, database=db_path)
        assert done.returncode == 2 and done.stdout == ""
        assert done.stderr.count("\n") == 1 and words in done.stderr and "Traceback" not in done.stderr


def test_help_lists_the_regions_and_the_feared_activities():
    """`wizard --help` names every region and the activities of the priorities file."""
    done = run("wizard", "--help")
    assert done.returncode == 0
    for word in ("lower-back", "neck", "knee", "whole-body", "bending", "lifting", "stairs"):
        assert word in done.stdout


def test_check_plan_prints_nothing_for_every_template_in_both_languages_and_warns_for_a_poor_plan(db_path):
    """Template ids from `templates --json`: [] each; a plan of one breathing block has its warnings listed."""
    templates = json.loads(run("templates", "--json", database=db_path).stdout)
    ids = [str(plan_id) for t in templates if t["builtin"] for plan_id in t["id"].values()]
    assert len(ids) == 6 * len(codes())  # six built-in templates, one per shipped language
    for plan_id in ids:
        done = run("check-plan", plan_id, "--json", database=db_path)
        assert done.returncode == 0 and json.loads(done.stdout) == [], (plan_id, done.stdout)
    db = open_database(f"sqlite:///{db_path}", daily_backup=False)
    try:
        from planner.services import library
        patient = patients.create_patient(db, name="Kim", language="en")
        poor = plans.create_plan(db, patient_id=patient.id, title="Poor", phases=[{"name": "One", "weeks": 1}],
                                 language="en")
        plan_items.add_item(db, poor.phases[0].id, library.get_block_by_key(db, "breathing.long-exhale").id)
    finally:
        db.dispose()
    rows = json.loads(run("check-plan", str(poor.id), "--json", database=db_path).stdout)
    assert [(r["code"], r["phase"], r["block"]) for r in rows] == [
        ("short-phase", 1, None), ("too-few-blocks", 1, None), ("no-education", 1, None)]
    assert rows[1]["message"].startswith("1 exercise a session; 3 to 6")
    missing = run("check-plan", "99999", "--json", database=db_path)
    assert missing.returncode == 1 and missing.stderr.strip() == "herstelplan: Plan 99999 does not exist."
