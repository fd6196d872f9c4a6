"""The pain traffic light (one scale, from the thresholds table) and the screens' `advise`."""

from __future__ import annotations

import datetime as dt

from planner.domain.monitoring import Light, light
from planner.domain.review import Outcome, advise
from planner.domain.thresholds import PainBands
from tests.domain.conftest import checkin


def test_light_boundaries_match_the_patient_text():
    """Green 0-3, amber 4-5, red above 5 or a worse next morning; unknown is not red."""
    assert [light(p, "same") for p in (0, 3, 4, 5, 6, 10)] == [
        Light.GREEN, Light.GREEN, Light.AMBER, Light.AMBER, Light.RED, Light.RED]
    assert light(1, "worse") is Light.RED
    assert light(3, "better") is Light.GREEN
    assert light(3, "unknown") is Light.GREEN


def test_a_lower_limit_moves_every_band():
    """L = 3: green 0-1, amber 2-3, red above 3."""
    bands = PainBands(3)
    assert [light(p, "same", bands) for p in (1, 2, 3, 4)] == [Light.GREEN, Light.AMBER, Light.AMBER, Light.RED]


def test_three_green_check_ins_over_a_week_advise_a_step_forward():
    """Pain 2, 3, 2 over eight days, mornings settled, 14 of 15 sessions: progress, with reasons."""
    advice = advise([checkin(0, 2, done=5), checkin(4, 3, done=4), checkin(7, 2, "better", done=5)],
                    today=dt.date(2026, 3, 10))
    assert advice.kind is Outcome.PROGRESS and advice.light is Light.GREEN
    nl = "\n".join(advice.reasons("nl"))
    assert "Pijn tijdens het oefenen: 2, 3, 2" in nl and "8 dagen lang elke ochtend rustig" in nl


def test_low_confidence_is_named_in_the_reasons():
    advice = advise([checkin(0, 2, confidence=2)], today=dt.date(2026, 3, 3))
    assert any("Confidence in moving is low (2/10)" in r for r in advice.reasons("en"))
