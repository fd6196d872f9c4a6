"""The plan wizard: principled plans for every region, and every generated plan passes its checks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.checks import check_plan
from planner.domain.kinds import EQUIPMENT, REGIONS, Kind
from planner.domain.model import ProgressionMode
from planner.domain.timeline import SESSION_KINDS
from planner.domain.volume import cap_factor, volume_ratio
from planner.domain.wizard import (
    Baseline,
    WizardRequest,
    generate_plan,
    phase_weeks,
    validate_request,
)
from tests.domain.conftest import library


def _kinds(phase) -> list[Kind]:  # noqa: ANN001
    return [i.block.kind for i in phase.items]


def test_low_back_plan_follows_the_principles():
    """Explain first, breathing + mobility + strength in every phase, balance from phase 2, 3-6 exercises."""
    plan = generate_plan(WizardRequest(title="Rug in beweging", goal="30 minuten wandelen", region="lower-back",
                                       weeks=10, phases=3), library())
    assert [p.weeks for p in plan.phases] == [3, 3, 4]
    assert [p.name for p in plan.phases] == ["Begrijpen en rustig beginnen", "Opbouwen", "Terug naar je dagelijkse leven"]
    first = plan.phases[0]
    assert _kinds(first)[:2] == [Kind.EDUCATION, Kind.EDUCATION]
    assert [i.block.key for i in first.items[:2]] == ["education.what-is-pain", "education.pain-traffic-light"]
    for phase in plan.phases:
        kinds = _kinds(phase)
        assert {Kind.EDUCATION, Kind.BREATHING, Kind.MOBILITY, Kind.STRENGTH} <= set(kinds)
        assert 3 <= sum(k in SESSION_KINDS for k in kinds) <= 6
    assert Kind.BALANCE in _kinds(plan.phases[1])
    strength = [i for i in first.items if i.block.kind is Kind.STRENGTH]
    assert strength[0].dosage.level == 0  # beginners start with the easier variant
    assert all("lower-back" in i.block.regions or "hip" in i.block.regions
               for i in plan.phases[0].items if i.block.kind is Kind.MOBILITY)
    topics = [i.block.key for p in plan.phases for i in p.items if i.block.kind is Kind.EDUCATION]
    assert len(topics) == len(set(topics))  # a new topic every phase
    assert check_plan(plan) == []


def test_shoulder_plan_has_no_balance_and_neck_plan_breathes_through_the_ribs():
    """Balance only where it fits; a breathing block made for the region wins over the general one."""
    shoulder = generate_plan(WizardRequest(title="Schouder", region="shoulder", weeks=6, phases=2), library())
    assert Kind.BALANCE not in {k for p in shoulder.phases for k in _kinds(p)}
    neck = generate_plan(WizardRequest(title="Nek", region="neck", weeks=6, phases=2), library())
    assert any(i.block.key == "breathing.rib-breathing" for i in neck.phases[0].items)


def test_time_contingent_plan_starts_below_the_baseline_and_rises_on_schedule():
    """Baseline 15 minutes walking and 10 repetitions: start at 12 minutes and 8 repetitions, then up."""
    request = WizardRequest(title="Graded activity", region="knee", weeks=8, phases=4, mode=ProgressionMode.TIME,
                            baseline=Baseline(strength_reps=10, balance_seconds=25, walk_minutes=15))
    plan = generate_plan(request, library())
    walk = [next(i for i in p.items if i.block.key == "daily.calm-walk").dosage.minutes for p in plan.phases]
    assert walk == [12, 14, 16, 19]
    first_strength = next(i for i in plan.phases[0].items if i.block.kind is Kind.STRENGTH)
    assert first_strength.dosage.reps == 8
    balance = next(i for i in plan.phases[1].items if i.block.kind is Kind.BALANCE)
    assert balance.dosage.hold_seconds == 20
    assert plan.phases[0].criteria.startswith("Volgens schema")
    assert check_plan(plan) == []


def test_english_plan_and_pain_contingent_criteria():
    """Names and criteria in the plan's language; pain-contingent plans move on when settled and nothing red."""
    plan = generate_plan(WizardRequest(title="Knee", region="knee", weeks=4, phases=2, language="en"), library())
    assert plan.phases[0].name == "Understand and start calmly"
    assert "nothing red for a week" in plan.phases[0].criteria


def test_requests_are_checked_with_clear_messages():
    """Empty title, unknown region, more phases than weeks, a baseline out of range."""
    problems = validate_request(WizardRequest(title=" ", region="elbow", weeks=2, phases=3, weekly_cap_pct=80,
                                              baseline=Baseline(walk_minutes=0)))
    assert set(problems) == {"title", "region", "phases", "weekly_cap_pct", "walk_minutes"}
    assert validate_request(WizardRequest(title="Ok")) == {}


def test_weeks_are_spread_with_the_extra_weeks_last():
    """10 weeks over 4 phases: 2, 2, 3, 3."""
    assert phase_weeks(10, 4) == [2, 2, 3, 3]
    assert phase_weeks(6, 1) == [6]


@settings(max_examples=150, deadline=None)
@given(
    region=st.sampled_from(REGIONS),
    phases=st.integers(1, 6),
    extra_weeks=st.integers(0, 20),
    mode=st.sampled_from(list(ProgressionMode)),
    cap=st.integers(1, 50),
    language=st.sampled_from(["nl", "en"]),
    baseline=st.builds(Baseline, st.none() | st.integers(1, 100), st.none() | st.integers(1, 600),
                       st.none() | st.integers(1, 240)),
    equipment=st.none() | st.frozensets(st.sampled_from(EQUIPMENT)),
)
def test_every_generated_plan_passes_its_own_checks(region, phases, extra_weeks, mode, cap, language, baseline,
                                                    equipment):
    """Any region, length, mode, cap, baseline or equipment: the wizard's plan raises no warning."""
    request = WizardRequest(title="Plan", region=region, weeks=phases + extra_weeks, phases=phases, mode=mode,
                            weekly_cap_pct=cap, language=language, baseline=baseline, equipment=equipment)
    assert validate_request(request) == {}
    plan = generate_plan(request, library())
    assert len(plan.phases) == phases and plan.total_weeks == request.weeks
    assert check_plan(plan) == []
    for before, after in zip(plan.phases, plan.phases[1:], strict=False):
        old = {i.block.key: i.dosage for i in before.items}
        for i in after.items:
            if i.block.key in old:
                assert (volume_ratio(i.block.kind, old[i.block.key], i.dosage) or 1) <= cap_factor(cap, before.weeks) + 1e-9
