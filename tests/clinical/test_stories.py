"""The story table: each story's advice, step and proposal action, and that advice, proposal and
the handout's rules (plan_rules) never contradict each other."""

from __future__ import annotations

import pytest

from planner.domain.exposure import exposure_status
from planner.domain.plan_rules import rules_for_patient
from planner.domain.review import review_plan
from planner.domain.roadmap import propose
from planner.domain.thresholds import DEFAULT_BANDS, STALE_DAYS, STEP_BACK_SHARE
from planner.domain.volume import volume_ratio
from tests.clinical.helpers import on, story_plan
from tests.clinical.stories import STORIES, Story


def run(story: Story):
    plan = story_plan(story.mode, age=story.age, log=story.log, exposure=story.exposure, current=story.current)
    today = on(story.today)
    older = story.age >= 65
    review = review_plan(plan, story.checkins, today=today, older=older)
    proposal = propose(plan, review, today=today, older=older)
    return plan, review, proposal


def test_at_least_thirty_stories():
    assert len(STORIES) >= 30
    assert {s.mode for s in STORIES} == {"time", "pain"}


@pytest.mark.parametrize("story", STORIES, ids=[s.name for s in STORIES])
def test_story(story: Story):
    plan, review, proposal = run(story)
    got = (review.outcome.value, review.step.value if review.step else None, proposal.action.value)
    assert got == (story.advice, story.step, story.action), f"{story.reason}\nreasons: {review.reasons('en')}"
    if story.exposure is not None:
        status = exposure_status(plan.exposure, story.checkins, stopped=review.outcome.value == "stop")
        assert status.move_on is story.expect_exposure_move


@pytest.mark.parametrize("story", STORIES, ids=[s.name for s in STORIES])
def test_advice_proposal_and_handout_agree(story: Story):
    plan, review, proposal = run(story)
    rules = dict(rules_for_patient(plan.mode, DEFAULT_BANDS, story.age >= 65))
    advice, action = review.outcome.value, proposal.action.value
    # The proposal does what the advice says.
    allowed = {"progress": {"move-on", "stay", "none"}, "continue": {"none", "stay"}, "hold": {"stay"},
               "step-back": {"step-back"}, "stop": {"none"}, "review": {"none"}}
    assert action in allowed[advice]
    grows = [ch for ch in proposal.items if ch.before is not None and ch.after is not None
             and (volume_ratio(ch.block.kind, ch.before, ch.after) or 1) > 1 + 1e-9]
    shrinks = [ch for ch in proposal.items if ch.before is not None and ch.after is not None
               and (volume_ratio(ch.block.kind, ch.before, ch.after) or 1) < 1 - 1e-9
               or (ch.after is not None and ch.before is not None and (ch.after.level or 0) < (ch.before.level or 0))]
    if advice in ("step-back", "stop", "review", "hold"):
        assert not grows
    if advice == "step-back":
        assert shrinks
    if advice == "continue" and not review.resume:
        assert not proposal.items
    # The handout's rules say the same for this mode.
    newest = max(story.checkins, key=lambda ch: ch.date)
    if plan.mode.value == "time":
        assert "time.bad_day" in rules and "pain.red" not in rules
        if newest.pain_during > DEFAULT_BANDS.amber_max and advice != "stop":
            assert advice != "step-back" or review.restart  # a bad day never steps back in graded activity
    else:
        assert rules["pain.red"]["step_back_pct"] == round(STEP_BACK_SHARE * 100)
        stale = (on(story.today) - newest.date).days > STALE_DAYS  # old data never drives a step back
        if newest.pain_during > rules["pain.red"]["amber_max"] and not newest.red_flags and not stale:
            assert advice in ("step-back", "review")
    if story.age >= 65:
        assert "older.half_steps" in rules
        assert review.step is None or review.step.value == "half"
