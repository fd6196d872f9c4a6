"""Properties of the review (hypothesis): red flags and red days never raise a dose, more pain is
never more progressive, a move-on keeps the cap, nothing falls below the block's floor."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.dosage import Dosage
from planner.domain.monitoring import Light, checkin_light
from planner.domain.review import review_plan
from planner.domain.roadmap import Action, propose
from planner.domain.steps import restart, step_back
from planner.domain.thresholds import HALF_STEP_SHARE, MOVE_ON_CAP_PCT, VOLUME_FLOOR, RedFlag
from planner.domain.volume import volume_ratio
from tests.clinical.helpers import c, on, story_plan
from tests.domain.conftest import library

MORNINGS = ("better", "same", "worse", "unknown")


@st.composite
def diaries(draw):
    days = sorted(draw(st.sets(st.integers(0, 27), min_size=1, max_size=12)))
    out = []
    for d in days:
        out.append(c(d, draw(st.integers(0, 10)), draw(st.sampled_from(MORNINGS)),
                     mp=draw(st.none() | st.integers(0, 10)), done=draw(st.integers(0, 7)), planned=7))
    return out


situations = st.fixed_dictionaries({
    "mode": st.sampled_from(("time", "pain")), "age": st.sampled_from((40, 70)),
    "log": st.sampled_from(((), ((3, "step-back"),), ((7, "hold"),), ((10, "move-on"),))),
    "extra_days": st.integers(0, 20),
})


def _outcome(situation, diary):
    plan = story_plan(situation["mode"], age=situation["age"], log=situation["log"])
    today = on(max(ch.date for ch in diary).toordinal() - on(0).toordinal() + situation["extra_days"] % 3)
    older = situation["age"] >= 65
    review = review_plan(plan, diary, today=today, older=older)
    return plan, review, propose(plan, review, today=today, older=older)


def _higher(block, before: Dosage, after: Dosage) -> bool:
    ratio = volume_ratio(block.kind, before, after)
    return (ratio is not None and ratio > 1 + 1e-9) or (after.level or 0) > (before.level or 0)


@settings(max_examples=300, deadline=None)
@given(situations, diaries(), st.sampled_from(list(RedFlag)))
def test_a_red_flag_never_leaves_any_dose_higher(situation, diary, flag):
    diary[-1] = replace(diary[-1], red_flags=(flag.value,))
    _, review, proposal = _outcome(situation, diary)
    assert review.outcome.value == "stop" and proposal.action is Action.NONE
    assert not any(_higher(ch.block, ch.before, ch.after) for ch in proposal.items)


@settings(max_examples=300, deadline=None)
@given(situations, diaries())
def test_in_pain_contingent_plans_a_red_check_in_never_leaves_any_dose_higher(situation, diary):
    situation = {**situation, "mode": "pain"}
    diary[-1] = replace(diary[-1], pain_during=max(diary[-1].pain_during, 6))
    assert checkin_light(diary[-1]) is Light.RED
    _, _, proposal = _outcome(situation, diary)
    assert not any(_higher(ch.block, ch.before, ch.after) for ch in proposal.items if ch.before and ch.after)


@settings(max_examples=400, deadline=None)
@given(situations, diaries(), st.data())
def test_more_pain_never_gives_more_progressive_advice(situation, diary, data):
    """Pain during raised on any one check-in (morning pain raised on every check-in alike)."""
    _, before, _ = _outcome(situation, diary)
    index = data.draw(st.integers(0, len(diary) - 1))
    worse = list(diary)
    worse[index] = replace(worse[index], pain_during=min(10, worse[index].pain_during + data.draw(st.integers(1, 5))))
    _, after, _ = _outcome(situation, worse)
    assert after.outcome.rank <= before.outcome.rank
    if after.outcome == before.outcome and after.step is not None and before.step is not None:
        assert not (after.step.value == "full" and before.step.value == "half")
    # The same rise on every morning (never clipped at 10: a clipped rise is not a uniform one).
    bump = min(data.draw(st.integers(1, 3)), 10 - max((ch.morning_pain or 0) for ch in diary))
    raised = [replace(ch, morning_pain=None if ch.morning_pain is None else min(10, ch.morning_pain + bump))
              for ch in diary]
    _, uniform, _ = _outcome(situation, raised)
    assert uniform.outcome.rank <= before.outcome.rank


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(("time", "pain")), st.sampled_from((40, 70)), st.integers(0, 10))
def test_a_move_on_never_breaks_the_cap(mode, age, pain):
    plan = story_plan(mode, age=age)
    diary = [c(d, min(pain, 5), "same") for d in range(0, 22, 3)]
    today = on(22)
    review = review_plan(plan, diary, today=today, older=age >= 65)
    proposal = propose(plan, review, today=today, older=age >= 65)
    if proposal.action is not Action.MOVE_ON:
        return
    cap = 1 + MOVE_ON_CAP_PCT / 100 * (HALF_STEP_SHARE if review.step.value == "half" else 1)
    last = {i.block.id: i.dosage for i in plan.phases[0].items}
    from planner.domain.quotas import phase_quotas, quota_in_week

    if mode == "time":
        quotas = phase_quotas(plan, plan.phases[0], older_adult=age >= 65)
        last.update({i.block.id: quota_in_week(quotas[i.id], 2) for i in plan.phases[0].items if i.id in quotas})
    for ch in proposal.items:
        if ch.block.id in last:
            ratio = volume_ratio(ch.block.kind, last[ch.block.id], ch.after)
            assert ratio is None or ratio <= cap + 1e-9, ch.block.key


@settings(max_examples=300, deadline=None)
@given(st.sampled_from([b for b in library() if not b.archived]), st.integers(1, 40), st.integers(0, 5),
       st.integers(1, 10))
def test_no_dose_falls_below_the_block_floor(block, amount, level, times):
    fields = {"level": min(level, max(len(block.levels) - 1, 0))} if block.levels else {}
    if block.dosage.reps:
        fields["reps"] = amount
    elif block.dosage.hold_seconds:
        fields["hold_seconds"] = amount
    elif block.dosage.minutes:
        fields["minutes"] = amount
    dose = block.dosage.merged(fields)
    for n in range(times):
        dose = (step_back if n % 2 else restart)(block, dose)
        assert (dose.level or 0) >= 0
        for name, floor in VOLUME_FLOOR.items():
            value = getattr(dose, name)
            start = getattr(block.dosage.merged(fields), name)
            if value is not None:
                assert value >= min(floor, start, getattr(block.dosage, name) or floor), (name, value)
