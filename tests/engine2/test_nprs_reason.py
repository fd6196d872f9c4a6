"""Issue 16 item 4: a rise of NPRS by the line for a real change since the last measurement is a reason
the review names, in the plan's language; it does not by itself change the advice."""

from __future__ import annotations

import datetime as dt

from planner.domain.model import ProgressionMode
from planner.domain.wizard import Baseline, WizardRequest
from planner.services import checkins, measures, patients, wizard
from planner.services.review import plan_review

START = dt.date(2026, 3, 2)
TODAY = START + dt.timedelta(days=15)


def _story(db, lang):
    """Ria, 52, low back pain, a pain-contingent plan: two green weeks in her diary."""
    ria = patients.create_patient(db, name="Ria Jansen", language=lang, birth_date=dt.date(1974, 5, 1))
    plan = wizard.create_plan_with_wizard(
        db, ria.id, WizardRequest(title="Rug", region="lower-back", weeks=6, phases=3, mode=ProgressionMode.PAIN,
                                  language=lang, baseline=Baseline(walk_minutes=10)), start_date=START)
    for day in range(0, 15, 3):
        checkins.record_checkin(db, plan.id, date=START + dt.timedelta(days=day), pain_during=2,
                                next_morning="same", sessions_done=5, sessions_planned=5, red_flags=[],
                                today=TODAY)
    return ria, plan


def test_a_real_rise_of_nprs_is_named_without_changing_the_advice(db):
    """Her NPRS went from 4 at intake to 6 at the follow-up: the review says so, and still progresses."""
    ria, plan = _story(db, "en")
    before = plan_review(db, plan.id, today=TODAY)
    nprs = measures.define_measure(db, ria.id, "nprs", started_on=START)
    measures.record_score(db, nprs.id, START, 4, today=TODAY)
    measures.record_score(db, nprs.id, TODAY, 6, today=TODAY)
    after = plan_review(db, plan.id, today=TODAY)
    assert (after.review.outcome, after.review.step, after.proposal.action) == (
        before.review.outcome, before.review.step, before.proposal.action)
    named = [r for r in after.review.reasons("en") if "NPRS" in r]
    assert len(named) == 1 and "4 to 6" in named[0] and "2" in named[0]
    assert len(after.review.reasons("en")) == len(before.review.reasons("en")) + 1


def test_a_rise_below_the_line_or_a_fall_is_not_named(db):
    ria, plan = _story(db, "en")
    nprs = measures.define_measure(db, ria.id, "nprs", started_on=START)
    measures.record_score(db, nprs.id, START, 4, today=TODAY)
    measures.record_score(db, nprs.id, START + dt.timedelta(days=7), 5, today=TODAY)  # +1: below the line
    assert not any("NPRS" in r for r in plan_review(db, plan.id, today=TODAY).review.reasons("en"))
    measures.record_score(db, nprs.id, TODAY, 3, today=TODAY)  # a fall
    assert not any("NPRS" in r for r in plan_review(db, plan.id, today=TODAY).review.reasons("en"))


def test_the_rise_is_named_in_the_plans_language_and_only_from_scores_up_to_the_review_day(db):
    ria, plan = _story(db, "nl")
    nprs = measures.define_measure(db, ria.id, "nprs", started_on=START)
    measures.record_score(db, nprs.id, START, 3, today=TODAY)
    measures.record_score(db, nprs.id, TODAY, 6, today=TODAY)
    earlier = plan_review(db, plan.id, today=TODAY - dt.timedelta(days=1))
    assert not any("NPRS" in r for r in earlier.review.reasons("nl"))
    named = [r for r in plan_review(db, plan.id, today=TODAY).review.reasons("nl") if "NPRS" in r]
    assert len(named) == 1 and "van 3 naar 6" in named[0]


def test_the_command_line_review_names_it_too(db, tmp_path):
    """`review --json` reads the same service: the reason is in its list."""
    from planner.cli_clinical import review_json

    ria, plan = _story(db, "en")
    nprs = measures.define_measure(db, ria.id, "nprs", started_on=START)
    measures.record_score(db, nprs.id, START, 4, today=TODAY)
    measures.record_score(db, nprs.id, TODAY, 7, today=TODAY)
    data = review_json(plan_review(db, plan.id, today=TODAY))
    assert any("NPRS" in r and "4 to 7" in r for r in data["reasons"])


def test_the_progress_window_and_the_patient_file_summary_name_it_too(db):
    """One review everywhere: the progress overview's advice and the summary for the patient file."""
    from planner.services.checkins import progress_overview
    from planner.services.measure_report import plan_summary

    ria, plan = _story(db, "en")
    nprs = measures.define_measure(db, ria.id, "nprs", started_on=START)
    measures.record_score(db, nprs.id, START, 4, today=TODAY)
    measures.record_score(db, nprs.id, TODAY, 6, today=TODAY)
    overview = progress_overview(db, plan.id, today=TODAY)
    assert any("NPRS rose from 4 to 6" in r for r in overview.advice.reasons("en"))
    assert "NPRS rose from 4 to 6" in plan_summary(db, plan.id, lang="en")
