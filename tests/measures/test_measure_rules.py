"""Outcome measures in the domain: direction per instrument, the line for a real change at its borders."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.domain.measures import (
    SPECS,
    Better,
    Change,
    GpeAnswer,
    Instrument,
    ScorePoint,
    Verdict,
    change_of,
    nprs_rise,
    real_change_band,
    validate_value,
)

D = dt.date(2026, 1, 5)


def _pts(*values: float) -> list[ScorePoint]:
    return [ScorePoint(D + dt.timedelta(weeks=i), v) for i, v in enumerate(values)]


@pytest.mark.parametrize(
    ("instrument", "first", "last", "verdict"),
    [
        (Instrument.PSK, 7, 4, Verdict.IMPROVED),  # down by exactly the line (3): a real change
        (Instrument.PSK, 7, 5, Verdict.NO_REAL_CHANGE),  # down by 2: below the line for one activity
        (Instrument.PSK, 4, 7, Verdict.WORSE),
        (Instrument.PSFS, 4, 7, Verdict.IMPROVED),  # PSFS: higher is better
        (Instrument.PSFS, 7, 4, Verdict.WORSE),
        (Instrument.PSFS, 4, 6, Verdict.NO_REAL_CHANGE),
        (Instrument.NPRS, 6, 4, Verdict.IMPROVED),  # exactly 2 points
        (Instrument.NPRS, 6, 5, Verdict.NO_REAL_CHANGE),
        (Instrument.NPRS, 4, 6, Verdict.WORSE),
    ],
)
def test_improved_is_judged_per_instrument_at_the_border_of_the_line(instrument, first, last, verdict):
    """PSK down and PSFS up are improvements; exactly the line counts as a real change."""
    spec = SPECS[instrument]
    change = change_of(_pts(first, last), spec.better, spec.real_change)
    assert change is not None and change.verdict is verdict


def test_the_psk_line_is_labelled_borrowed_and_the_psfs_line_is_not():
    assert SPECS[Instrument.PSK].borrowed and not SPECS[Instrument.PSFS].borrowed
    assert SPECS[Instrument.PSK].better is Better.LOWER and SPECS[Instrument.PSFS].better is Better.HIGHER


def test_gpe_has_seven_codes_and_only_the_top_two_count_as_improved():
    assert [a.code for a in GpeAnswer] == [1, 2, 3, 4, 5, 6, 7]
    assert [a for a in GpeAnswer if a.improved] == [GpeAnswer.FULLY_RECOVERED, GpeAnswer.MUCH_IMPROVED]
    assert GpeAnswer.from_code(4) is GpeAnswer.UNCHANGED
    assert SPECS[Instrument.GPE].real_change is None
    assert real_change_band(4, Better.NONE, None) is None
    with pytest.raises(ValueError):
        GpeAnswer.from_code(8)


def test_values_outside_an_instrument_are_refused():
    assert validate_value(Instrument.NPRS, 11) == "measure.value-range"
    assert validate_value(Instrument.NPRS, float("nan")) == "measure.value-range"
    assert validate_value(Instrument.GPE, 2.5) == "measure.gpe-code"
    assert validate_value(Instrument.GPE, 0) == "measure.value-range"
    assert validate_value(Instrument.PSFS, 10) is None
    assert validate_value(Instrument.PSK, 4.5) == "measure.whole-number"
    assert validate_value(Instrument.CUSTOM, 4.5) is None
    assert validate_value(Instrument.CUSTOM, 420) is None


def test_an_nprs_rise_by_the_line_since_the_last_measurement_is_named():
    assert nprs_rise(_pts(3, 5)) == 2
    assert nprs_rise(_pts(3, 4)) is None
    assert nprs_rise(_pts(8, 3, 5)) == 2  # against the previous one, not the intake
    assert nprs_rise(_pts(5)) is None


@given(st.floats(0, 10), st.floats(0, 10), st.sampled_from([Better.LOWER, Better.HIGHER]))
def test_a_change_is_never_both_improved_and_worse_and_not_worse_means_no_loss(first, last, better):
    change = Change(first, last, better, 2)
    assert not (change.verdict is Verdict.IMPROVED and change.gain < 0)
    assert not (change.verdict is Verdict.WORSE and change.gain > 0)
    assert change.not_worse == (change.gain >= 0)
