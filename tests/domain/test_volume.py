"""Volume per kind and the weekly cap: the definitions the progression rules are measured by."""

from __future__ import annotations

import pytest

from planner.domain.dosage import Dosage
from planner.domain.kinds import Kind
from planner.domain.volume import cap_factor, volume_ratio, weekly_volume, within_cap


def test_strength_volume_is_working_seconds_a_week_times_level():
    """2×10 on 3 days is 2·10·4 s·3 = 240 working seconds; one rung up counts 25 % harder."""
    basic = Dosage(sets=2, reps=10, days_per_week=3)
    assert weekly_volume(Kind.STRENGTH, basic) == 240
    assert weekly_volume(Kind.STRENGTH, Dosage(sets=2, reps=10, days_per_week=3, level=1)) == 300


def test_holds_count_their_seconds_and_reps_with_holds_count_both():
    """A plank of 2×15 s counts 30 s a session; 8 stretches held 10 s count 8·(4+10) s."""
    assert weekly_volume(Kind.STRENGTH, Dosage(sets=2, hold_seconds=15, days_per_week=1)) == 30
    assert weekly_volume(Kind.MOBILITY, Dosage(reps=8, hold_seconds=10, days_per_week=1)) == 112


def test_breathing_and_daily_life_count_minutes_and_education_counts_nothing():
    """Minutes a week for breathing and walking; reading a topic is no load."""
    walk = Dosage(minutes=10, times_per_day=1, days_per_week=5)
    assert weekly_volume(Kind.DAILY, walk) == 50
    breathing = Dosage(minutes=5, times_per_day=2, days_per_week=7, inhale_seconds=4, exhale_seconds=6)
    assert weekly_volume(Kind.BREATHING, breathing) == 70
    assert volume_ratio(Kind.BREATHING, breathing, Dosage(**{**breathing.to_dict(), "exhale_seconds": 8})) == 1
    assert weekly_volume(Kind.EDUCATION, Dosage()) == 0
    assert volume_ratio(Kind.EDUCATION, Dosage(), Dosage()) is None


def test_weight_counts_only_when_both_dosages_use_one():
    """1 → 1.5 kg is +50 %; adding a first weight cannot be measured and is left to the checks."""
    light, heavy = Dosage(sets=3, reps=8, load_kg=1.0), Dosage(sets=3, reps=8, load_kg=1.5)
    assert volume_ratio(Kind.STRENGTH, light, heavy) == pytest.approx(1.5)
    assert volume_ratio(Kind.STRENGTH, Dosage(sets=3, reps=8), heavy) == pytest.approx(1.0)


def test_cap_compounds_over_the_weeks_of_the_phase():
    """10 % a week: 1.1 after one week, 1.21 after two, 1.331 after three."""
    assert cap_factor(10, 1) == pytest.approx(1.1)
    assert cap_factor(10, 2) == pytest.approx(1.21)
    assert cap_factor(10, 3) == pytest.approx(1.331)
    assert within_cap(1.21, cap_factor(10, 2)) and not within_cap(1.22, cap_factor(10, 2))
