"""The pain traffic light: the colour of one check-in on the plan's pain scale.

One scale everywhere (CLINICAL.md, "One pain scale"; numbers in `planner.domain.thresholds`):
with the limit L (default 5), pain during 0..L-2 is green, L-1..L amber, above L red; a check-in is
also red when the next morning was worse than usual. The review of a plan (what to do next) lives
in `planner.domain.review`;
"""

from __future__ import annotations

from enum import StrEnum

from planner.domain.model import CheckInView, NextMorning
from planner.domain.thresholds import DEFAULT_BANDS, PainBands

# Aliases of the one table (for the handout texts and the checks); not numbers of their own.
GREEN_MAX = DEFAULT_BANDS.green_max
AMBER_MAX = DEFAULT_BANDS.amber_max


class Light(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


def light(pain_during: int, next_morning: NextMorning | str, bands: PainBands = DEFAULT_BANDS) -> Light:
    """The colour of one check-in."""
    if pain_during > bands.amber_max or NextMorning(next_morning) is NextMorning.WORSE:
        return Light.RED
    if pain_during >= bands.amber_min:
        return Light.AMBER
    return Light.GREEN


def checkin_light(checkin: CheckInView, bands: PainBands = DEFAULT_BANDS) -> Light:
    return light(checkin.pain_during, checkin.next_morning, bands)
