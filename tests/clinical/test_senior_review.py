"""Findings of the senior-physiotherapist review (engine3): unknown sessions, stale data, a red flag
the therapist has dealt with, the bad-day wording, high pain at every session, and the red-flag
question not asked."""

from __future__ import annotations

import datetime as dt
import json

from planner.domain.review import review_plan
from planner.services import checkins
from planner.services.review import clear_red_flags, plan_review
from tests.cli.test_cli import run
from tests.clinical.helpers import c, on, story_plan
from tests.clinical.test_review_service import START, _plan


def _reasons(mode, diary, today, log=()):
    plan = story_plan(mode, log=log)
    return review_plan(plan, diary, today=on(today)).reasons("en")


def test_the_bad_day_reason_calls_only_one_bad_day_expected():
    one = " ".join(_reasons("time", [c(0, 3), c(1, 3), c(2, 7, "worse")], 3))
    assert "1 bad day: that is expected" in one
    five = " ".join(_reasons("time", [c(d, 3, "worse") for d in (0, 2, 4, 6, 8)], 9))
    assert "5 bad days" in five and "expected" not in five


def test_pain_high_at_every_session_is_named_and_the_quotas_stay():
    plan = story_plan("time")
    review = review_plan(plan, [c(d, 9) for d in range(7, 14)], today=on(14))
    assert "Pain high at every session: discuss. The quotas stay." in review.reasons("en")
    assert review.outcome.value == "continue"


def test_red_flags_not_asked_this_week_are_named_without_changing_the_advice():
    asked = review_plan(story_plan("pain"), [c(0, 4), c(3, 4), c(6, 4), c(9, 4)], today=on(10))
    not_asked = review_plan(story_plan("pain"), [c(d, 4, flags=None) for d in (0, 3, 6, 9)], today=on(10))
    line = "Red flags were not asked this week: ask before progressing."
    assert line in not_asked.reasons("en") and line not in asked.reasons("en")
    assert (not_asked.outcome, not_asked.step) == (asked.outcome, asked.step)


def test_a_stale_red_check_in_never_steps_back():
    review = review_plan(story_plan("pain"), [c(0, 2), c(3, 2), c(6, 7)], today=on(35))
    assert review.outcome.value == "continue"
    assert any("29 days old" in r for r in review.reasons("en"))


def test_the_therapist_clears_a_red_flag_and_only_newer_flags_stop(db):
    plan = _plan(db)
    later = START + dt.timedelta(days=60)
    checkins.record_checkin(db, plan.id, date=START, pain_during=2, next_morning="same", sessions_done=5,
                            sessions_planned=5, red_flags=["fever"], today=later)
    for day in range(2, 13, 2):
        checkins.record_checkin(db, plan.id, date=START + dt.timedelta(days=day), pain_during=2, next_morning="same",
                                sessions_done=5, sessions_planned=5, red_flags=[], today=later)
    today = START + dt.timedelta(days=13)
    assert plan_review(db, plan.id, today=today).review.outcome.value == "stop"
    clear_red_flags(db, plan.id, today=START + dt.timedelta(days=1))
    assert plan_review(db, plan.id, today=today).review.outcome.value == "progress"
    checkins.record_checkin(db, plan.id, date=today, pain_during=2, next_morning="same", sessions_done=5,
                            sessions_planned=5, red_flags=["night-pain"], today=later)
    assert plan_review(db, plan.id, today=today).review.outcome.value == "stop"


def test_command_line_unknown_sessions_and_clear_red_flag(db_path, db):
    plan = _plan(db)
    pid = str(plan.id)
    for day in (0, 3, 6, 9):
        out = run("checkin", pid, "--date", (START + dt.timedelta(days=day)).isoformat(), "--pain", "2",
                  "--morning", "same", "--no-red-flags", database=db_path)
        assert out.returncode == 0, out.stderr
    stored = checkins.list_checkins(db, plan.id)
    assert all((ch.sessions_done, ch.sessions_planned) == (0, 0) for ch in stored)  # unknown, not "all done"
    data = json.loads(run("review", pid, "--today", "2026-03-12", "--json", database=db_path).stdout)
    assert "Not known how many sessions were done: ask." in data["reasons"]
    run("checkin", pid, "--date", "2026-03-12", "--pain", "1", "--morning", "same", "--red-flag", "fever",
        database=db_path)
    assert json.loads(run("review", pid, "--today", "2026-03-12", "--json", database=db_path).stdout)["advice"] == "stop"
    seen = run("clear-red-flag", pid, "--today", "2026-03-12", database=db_path)
    assert seen.returncode == 0 and "seen" in seen.stdout
    after = json.loads(run("review", pid, "--today", "2026-03-12", "--json", database=db_path).stdout)
    assert after["advice"] != "stop"
    missing = run("clear-red-flag", "99999", database=db_path)
    assert missing.returncode != 0 and len(missing.stderr.strip().splitlines()) == 1


def test_the_review_window_has_a_red_flag_seen_button(qtbot, db):
    from PySide6.QtCore import Qt

    from planner.ui.monitoring.review_dialog import ReviewDialog

    plan = _plan(db)
    checkins.record_checkin(db, plan.id, date=START + dt.timedelta(days=2), pain_during=2, next_morning="same",
                            sessions_done=5, sessions_planned=5, red_flags=["fever"], today=START + dt.timedelta(days=9))
    dialog = ReviewDialog(db, plan.id, today=START + dt.timedelta(days=3))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.banner.isVisible() and dialog.seen_button.isVisible()
    qtbot.mouseClick(dialog.seen_button, Qt.MouseButton.LeftButton)
    assert not dialog.banner.isVisible() and not dialog.seen_button.isVisible()
    assert dialog.result.review.outcome.value != "stop"


def test_a_move_on_days_rating_is_not_the_first_rating_of_the_new_rung():
    from dataclasses import replace

    from planner.domain.exposure import exposure_status, new_ladder

    ladder = new_ladder("Bending", 60, [("a", 30), ("b", 45), ("c", 60)], since=on(7))
    ladder = replace(ladder, rungs=tuple(replace(r, practised=True) for r in ladder.rungs))
    # day 7: the old rung's last rating (20) on the day of the move-on; then 40 and 35 on the new rung
    status = exposure_status(ladder, [c(7, 2, harm=20), c(9, 2, harm=40), c(12, 2, harm=35)])
    assert (status.first, status.latest, status.move_on) == (40, 35, False)


def test_the_exposure_table_names_every_feared_activity_in_both_languages():
    from planner.domain.exposure import ladder_for
    from planner.services.library import clinical_priorities
    from planner.store.library import read_exposure

    table = read_exposure()
    for activity in clinical_priorities().activities:
        for lang in ("nl", "en"):
            ladder = ladder_for(table, activity, 60, lang)
            assert ladder is not None and len(ladder.rungs) >= 4, (activity, lang)
            assert ladder.rungs[ladder.current].rating == 30 and ladder.activity_rating == 60
            assert [r.rating for r in ladder.rungs] == sorted(r.rating for r in ladder.rungs)
    assert ladder_for(table, "bending", 60, "nl").activity == "Bukken"
    assert ladder_for(table, "bending", 60, "en").activity == "Bending"


def test_the_demo_ladder_is_bending_rated_as_demo_feared(db):
    from planner.services import demo, plans

    plan_id = demo.ensure_demo(db, lang="nl")
    ladder = plans.get_plan(db, plan_id).exposure
    assert (ladder.activity, ladder.activity_rating) == ("Bukken", demo.DEMO_FEARED[1])


def test_the_wizard_makes_a_ladder_for_a_feared_activity(db_path, db):
    from planner.services import patients, plans

    patient = patients.create_patient(db, name="Kees Jansen", language="en", birth_date=dt.date(1975, 5, 1))
    out = run("wizard", "--patient", str(patient.id), "--region", "lower-back", "--weeks", "8", "--phases", "3",
              "--mode", "time", "--feared", "bending=60", "--start", "2026-03-02", database=db_path)
    assert out.returncode == 0, out.stderr
    ladder = plans.get_plan(db, int(out.stdout.strip())).exposure
    assert ladder is not None and ladder.activity == "Bending" and ladder.activity_rating == 60
    assert ladder.rungs[ladder.current].rating == 30 and not any(r.practised for r in ladder.rungs)
    plain = run("wizard", "--patient", str(patient.id), "--region", "knee", "--weeks", "4", "--phases", "2",
                "--mode", "time", database=db_path)
    assert plans.get_plan(db, int(plain.stdout.strip())).exposure is None


def test_the_demo_for_a_72_year_old_who_fears_bending_practises_bending_standing(db):
    """Senior review, finding 8: the hip hinge at the counter (bending practice, standing) instead of the
    bird-dog on hands and knees; the plan passes its own checks."""
    from planner.domain.checks import check_plan
    from planner.services import demo, plans

    plan = plans.get_plan(db, demo.ensure_demo(db, lang="en"))
    keys = [[i.block.key for i in p.items] for p in plan.phases]
    assert all("strength.hip-hinge" in k for k in keys)
    assert not any("strength.bird-dog" in k for k in keys)
    first = next(i for i in plan.phases[0].items if i.block.key == "strength.hip-hinge")
    assert first.dosage.level == 0 and "counter" in first.block.levels[0].text("en")
    assert check_plan(plan) == []


def test_template_exercises_carry_over_or_are_replaced_explicitly():
    """Senior review, finding 9: heel slides (knee-hip) and cat-cow (low back) dropped out of phase 3
    without a word. Every exercise carries over unless the next phase names it in `replaces`."""
    from planner.paths import LIBRARY_DIR

    for path in sorted((LIBRARY_DIR / "templates").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        phases = data["phases"]
        for before, after in zip(phases, phases[1:], strict=False):
            old = {i["block"] for i in before["items"] if not i["block"].startswith("education.")}
            new = {i["block"] for i in after["items"]}
            replaced = {i["replaces"]: i["block"] for i in after["items"] if i.get("replaces")}
            assert old - new == set(replaced), (path.name, old - new, replaced)
            assert all(block not in old for block in replaced.values()), path.name  # a new exercise replaces


def test_a_half_step_is_visibly_smaller_than_a_full_step():
    """Senior review, finding 7: at 72 and at 51 the same green week gave 10 -> 11 repetitions. A half
    step now waits a week where the block's smallest step is the full step, and comes the week after."""
    from planner.domain.roadmap import propose

    def step(age, today):
        plan = story_plan("pain", age=age)
        diary = [c(d, 2) for d in range(0, today, 2)]  # green, settled, every other day
        review = review_plan(plan, diary, today=on(today), older=age >= 65)
        proposal = propose(plan, review, today=on(today), older=age >= 65)
        return review, {ch.block.key: ch.after for ch in proposal.items}

    full_review, full = step(51, 9)
    half_review, half = step(72, 9)
    assert (full_review.step.value, half_review.step.value) == ("full", "half")
    assert full["mobility.cat-cow"].reps == 11 and "mobility.cat-cow" not in half  # 10 -> 11 waits a week
    from planner.domain.steps import step_up
    from tests.domain.conftest import block

    cat = block("mobility.cat-cow")
    ten = cat.dosage.merged({"reps": 10})
    assert step_up(cat, ten, cap_pct=10, weeks=1, half=True) == ten  # waits a week
    assert step_up(cat, ten, cap_pct=10, weeks=2, half=True).reps == 11  # the week after: 10 -> 11
    assert step_up(cat, ten, cap_pct=10, weeks=2, half=False).reps == 12
    for key, after in half.items():
        assert key in full and (after.reps or 0) <= (full[key].reps or 0), key
