"""Chart numbers: the load index per phase and the pain and adherence points per check-in."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.monitoring import Light
from planner.domain.series import load_index, progress_series
from planner.domain.timeline import current_phase_index, phase_spans, planned_sessions_per_week
from tests.domain.conftest import checkin, item, plan

START = dt.date(2026, 3, 2)


def _plan():
    return plan(
        ("Start", 2, [item("education.what-is-pain", 1), item("strength.bridge", 2), item("daily.calm-walk", 3)]),
        ("Opbouw", 2, [item("strength.bridge", 12, reps=12), item("daily.calm-walk", 13, minutes=12)]),
        ("Rustiger", 1, [item("strength.bridge", 22, reps=9), item("daily.calm-walk", 23, minutes=9)]),
        start=START,
    )


def test_load_index_starts_at_100_and_follows_each_block():
    """Bridge +20 % and walk +20 %: 120; the step back to 90 % of the start shows as 90."""
    assert load_index(_plan()) == pytest.approx([100.0, 120.0, 90.0])


def test_series_has_a_point_per_check_in_and_a_step_per_phase():
    """Three check-ins give three pain points (with their lights) and three adherence points."""
    series = progress_series(_plan(), [checkin(0, 2), checkin(7, 4, done=3), checkin(14, 7, planned=0)])
    assert [v for _, v in series.pain] == [2, 4, 7]
    assert series.lights == (Light.GREEN, Light.AMBER, Light.RED)
    assert [round(v) for _, v in series.adherence] == [100, 60]  # a check-in without planned sessions has none
    assert [(s.start, s.end) for s in series.load][0] == (START, START + dt.timedelta(weeks=2))
    assert series.start == START and series.end == START + dt.timedelta(weeks=5)


def test_current_phase_follows_the_calendar():
    """Time-contingent: week 1-2 the first phase, week 3-4 the second, afterwards the last.
    Pain-contingent without a stored current phase: the first phase until a review moves on."""
    from dataclasses import replace

    from planner.domain.model import ProgressionMode

    assert current_phase_index(_plan(), START + dt.timedelta(days=28)) == 0
    p = replace(_plan(), mode=ProgressionMode.TIME)
    assert [current_phase_index(p, START + dt.timedelta(days=d)) for d in (0, 13, 14, 28, 200)] == [0, 0, 1, 2, 2]
    assert phase_spans(p)[2].end == START + dt.timedelta(weeks=5)
    assert planned_sessions_per_week(p.phases[0]) == 3  # exercise days: the bridge; walks and reading do not count


def test_weeks_done_only_counts_whole_weeks_of_a_running_phase():
    """Day 10 of a 2-week phase: 1 week done; day 3 or a finished phase: plan ahead (None)."""
    from planner.domain.timeline import weeks_done

    p = _plan()
    assert weeks_done(p, 101, START + dt.timedelta(days=10)) == 1
    assert weeks_done(p, 101, START + dt.timedelta(days=3)) is None
    assert weeks_done(p, 101, START + dt.timedelta(days=20)) is None
    assert weeks_done(p, 102, START) is None and weeks_done(p, 101, None) is None
