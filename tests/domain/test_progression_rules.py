"""Progression per kind, as worked clinical examples, and the cap as a hypothesis property."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.change_words import amount_short
from planner.domain.dosage import Dosage
from planner.domain.kinds import Kind
from planner.domain.progression import StepStatus, progress_dosage, step_back_dosage
from planner.domain.volume import cap_factor, volume_ratio, weekly_volume, within_cap
from tests.domain.conftest import block, library


def _ladder(key: str, *, weeks: int, phases: int, cap: int = 10) -> list[Dosage]:
    b = block(key)
    dosages = [b.dosage]
    for _ in range(phases - 1):
        dosages.append(progress_dosage(b.kind, dosages[-1], levels=len(b.levels), factor=cap_factor(cap, weeks)).after)
    return dosages


def _short(d: Dosage) -> str:
    level = f" L{d.level + 1}" if d.level is not None else ""
    load = f" {d.load_kg:g} kg" if d.load_kg else ""
    return amount_short(d) + level + load


def test_bridge_reps_then_a_set_then_a_harder_level_two_week_phases():
    """Bruggetje, 2-week phases at 10 %/week: 2×10 → 2×12 → 3×8 → 3×9 → 3×10 → 3×12 → level 3 at 3×8."""
    steps = [_short(d) for d in _ladder("strength.bridge", weeks=2, phases=7)]
    assert steps == ["2×10 L2", "2×12 L2", "3×8 L2", "3×9 L2", "3×10 L2", "3×12 L2", "3×8 L3"]


def test_bridge_with_one_week_phases_grows_by_one_repetition_and_then_waits():
    """One-week phases allow +10 %: 2×10 → 2×11 → 2×12 → 3×8, then 3×9 (+12.5 %) is too steep."""
    b = block("strength.bridge")
    steps = _ladder("strength.bridge", weeks=1, phases=5)
    assert [_short(d) for d in steps] == ["2×10 L2", "2×11 L2", "2×12 L2", "3×8 L2", "3×8 L2"]
    assert progress_dosage(b.kind, steps[-1], levels=3, factor=cap_factor(10, 1)).status is StepStatus.CAPPED


def test_weights_go_up_by_half_a_kilo_at_the_top_level_with_reps_back_to_eight():
    """Schouderpers at the top level, 3×12 with 1 kg → 3×8 with 1.5 kg (the smallest real step)."""
    b = block("strength.shoulder-press")
    top = replace(b.dosage, sets=3, reps=12, level=2, load_kg=1.0)
    after = progress_dosage(b.kind, top, levels=3, factor=cap_factor(10, 2)).after
    assert (after.sets, after.reps, after.load_kg, after.level) == (3, 8, 1.5, 2)


def test_small_weight_steps_prefer_a_harder_variant_when_there_is_one():
    """+0.5 kg on 1 kg is +50 % (more than 10 %): the next variant comes first."""
    b = block("strength.shoulder-press")
    after = progress_dosage(b.kind, replace(b.dosage, sets=3, reps=12, level=1), levels=3,
                            factor=cap_factor(10, 2)).after
    assert (after.level, after.reps, after.load_kg) == (2, 8, 1)


def test_balance_climbs_its_ladder_after_thirty_seconds():
    """Op één been staan: 4×20 s → 4×24 s → 4×29 s → 4×30 s → next rung at 4×20 s."""
    steps = [_short(d) for d in _ladder("balance.single-leg-stance", weeks=2, phases=5)]
    assert steps == ["4×20 s L1", "4×24 s L1", "4×29 s L1", "4×30 s L1", "4×20 s L2"]


def test_breathing_lengthens_the_exhale_then_the_minutes():
    """Lange uitademing: 4 in/6 out → 4/7 → 4/8 (level by level), then 5 → 6 → 7 minutes."""
    steps = _ladder("breathing.long-exhale", weeks=2, phases=5)
    assert [(d.exhale_seconds, d.minutes, d.level) for d in steps] == [(6, 5, 0), (7, 5, 1), (8, 5, 2), (8, 6, 2), (8, 7, 2)]
    assert steps[1].breaths_per_minute == 5  # 60 / (4 + 7) rounded


def test_walking_minutes_grow_in_small_steps():
    """Rustig wandelen 10 minutes, 2-week phases: 10 → 12 → 14 → 16 → 19 minutes."""
    assert [d.minutes for d in _ladder("daily.calm-walk", weeks=2, phases=5)] == [10, 12, 14, 16, 19]


def test_mobility_widens_the_range_after_fifteen_repetitions():
    """Bolle en holle rug: 10 → 12 → 14 → 15 repetitions, then the next level at 10."""
    steps = [_short(d) for d in _ladder("mobility.cat-cow", weeks=2, phases=5)]
    assert steps == ["1×10 L2", "1×12 L2", "1×14 L2", "1×15 L2", "1×10 L3"]


def test_top_of_the_ladder_and_too_small_to_grow_are_told_apart():
    """4×12 at the top level with no weight is the top; 2 minutes of posture change cannot grow 10 %."""
    b = block("strength.bridge")
    top = progress_dosage(b.kind, replace(b.dosage, sets=4, reps=12, level=2), levels=3, factor=1.21)
    assert top.status is StepStatus.AT_TOP
    posture = block("daily.change-posture")
    assert progress_dosage(posture.kind, posture.dosage, levels=0, factor=1.1).status is StepStatus.CAPPED


def test_step_back_returns_to_the_tolerated_level_at_about_three_quarters():
    """Flare-up at 3×9 after a good 2×12: back to 2×9 (75 % of 2×12), the same days a week."""
    tolerated = Dosage(sets=2, reps=12, level=1, days_per_week=3)
    after = step_back_dosage(Kind.STRENGTH, Dosage(sets=3, reps=9, level=1, days_per_week=3), tolerated)
    assert (after.sets, after.reps, after.level, after.days_per_week) == (2, 9, 1, 3)


def test_step_back_on_the_balance_ladder_goes_down_a_rung():
    """Flare-up on rung 3 (3×20 s) after a good rung 2 (3×30 s): rung 2 at 3×22 s (73 %)."""
    after = step_back_dosage(Kind.BALANCE, Dosage(sets=3, hold_seconds=20, level=2, days_per_week=7),
                             Dosage(sets=3, hold_seconds=30, level=1, days_per_week=7))
    assert (after.sets, after.hold_seconds, after.level) == (3, 22, 1)


def test_step_back_keeps_breathing_and_reduces_walking():
    """Breathing helps in a flare-up and stays; a 16-minute walk becomes 12 minutes."""
    breathing = block("breathing.long-exhale").dosage
    assert step_back_dosage(Kind.BREATHING, breathing, breathing) == breathing
    walk = Dosage(minutes=16, times_per_day=1, days_per_week=5)
    assert step_back_dosage(Kind.DAILY, walk, None).minutes == 12


# ---- properties ----------------------------------------------------------------------------------

PROGRESSING = [b for b in library() if b.kind is not Kind.EDUCATION]


@st.composite
def dosed_blocks(draw):
    """A library block with a realistic dosage in its own fields."""
    b = draw(st.sampled_from(PROGRESSING))
    d = b.dosage
    changes: dict[str, object] = {}
    if d.sets is not None:
        changes["sets"] = draw(st.integers(1, 5))
    if d.reps is not None:
        changes["reps"] = draw(st.integers(1, 30))
    if d.hold_seconds is not None:
        changes["hold_seconds"] = draw(st.integers(1, 90))
    if d.minutes is not None:
        changes["minutes"] = draw(st.integers(1, 60))
    if b.levels:
        changes["level"] = draw(st.integers(0, len(b.levels) - 1))
    if d.load_kg is not None:
        changes["load_kg"] = draw(st.sampled_from([0.5, 1.0, 2.0, 4.5, 10.0, 25.0]))
    if d.exhale_seconds is not None:
        changes["exhale_seconds"] = draw(st.integers(4, 10))
    return b, replace(d, **changes)


@settings(max_examples=400, deadline=None)
@given(dosed_blocks(), st.integers(1, 50), st.integers(1, 12), st.integers(1, 6))
def test_no_generated_step_exceeds_the_weekly_cap(case, cap, weeks, phases):
    """Phase after phase, no block's weekly volume grows faster than the compounded weekly cap."""
    b, dosage = case
    factor = cap_factor(cap, weeks)
    for _ in range(phases):
        after = progress_dosage(b.kind, dosage, levels=len(b.levels), factor=factor).after
        assert within_cap(volume_ratio(b.kind, dosage, after), factor)
        dosage = after


@settings(max_examples=400, deadline=None)
@given(dosed_blocks(), st.integers(1, 50), st.integers(1, 12))
def test_progress_then_step_back_returns_to_the_tolerated_level(case, cap, weeks):
    """After a step up and a flare-up: the tolerated level and weight, at most 80 % of its volume."""
    b, tolerated = case
    progressed = progress_dosage(b.kind, tolerated, levels=len(b.levels), factor=cap_factor(cap, weeks)).after
    back = step_back_dosage(b.kind, progressed, tolerated)
    if b.kind is Kind.BREATHING:
        assert back == progressed
        return
    assert back.level == tolerated.level
    assert back.load_kg == tolerated.load_kg
    assert (back.times_per_day, back.days_per_week) == (tolerated.times_per_day, tolerated.days_per_week)
    ratio = weekly_volume(b.kind, back) / weekly_volume(b.kind, tolerated)
    minimal = all(getattr(back, f) in (None, 1) for f in ("sets", "reps", "hold_seconds", "minutes"))
    assert ratio <= 0.8 + 1e-9 or minimal
    assert weekly_volume(b.kind, back) <= weekly_volume(b.kind, progressed) + 1e-9
    work = (tolerated.sets or 1) * (tolerated.reps or tolerated.hold_seconds or tolerated.minutes or 0)
    if work >= 5:  # about 75 %, unless the patient already does less now (a new level starts lower)
        now = weekly_volume(b.kind, progressed) / weekly_volume(b.kind, tolerated)
        assert ratio >= min(0.6, now) - 0.1
