"""Outcome measures: which instruments, which way is better, and when a change is a real one.

The one place for the numbers of the outcome measures (CLINICAL.md, "Outcome measures"):
- NPRS: average pain over the last 24 hours, 0-10, lower is better; a real change is 2 points
  (Ostelo 2008; the 2021 Dutch low back pain guideline).
- PSK: 3-5 activities the patient chooses, difficulty 0-10 (10 = impossible), lower is better.
  There is no established line for the PSK: 3 for one activity and 2 for the mean are borrowed
  from the PSFS, and labelled as borrowed.
- PSFS: 3-5 activities, 0-10 (10 = able as before), higher is better; a real change is 3 for one
  activity and 2 for the mean (Stratford's minimal detectable change).
- GPE-DV: 7 answers about the change since the start, at follow-ups only; "much improved" or
  "fully recovered" counts as improved; no line for a real change.
- Measures a therapist defines: a name, a unit, which way is better, an optional line.
PSK and PSFS run in opposite directions: a score always carries its instrument and direction and
one is never converted into the other. No questionnaire's item text is reproduced.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum


class Instrument(StrEnum):
    NPRS = "nprs"
    PSK = "psk"
    PSFS = "psfs"
    GPE = "gpe"
    CUSTOM = "custom"


class Better(StrEnum):
    """Which way a score improves."""

    LOWER = "lower"
    HIGHER = "higher"
    NONE = "none"  # categorical (GPE): improved is a set of answers, not a direction


@dataclass(frozen=True, slots=True)
class InstrumentSpec:
    """The fixed facts of one instrument."""

    instrument: Instrument
    low: float
    high: float
    better: Better
    real_change: float | None  # the line for one score (one activity for PSK/PSFS)
    real_change_mean: float | None  # the line for the mean of the activities
    borrowed: bool  # the line is borrowed from another instrument
    activities: bool  # scored per activity the patient chose
    follow_up_only: bool


SPECS: dict[Instrument, InstrumentSpec] = {
    Instrument.NPRS: InstrumentSpec(Instrument.NPRS, 0, 10, Better.LOWER, 2, None, False, False, False),
    Instrument.PSK: InstrumentSpec(Instrument.PSK, 0, 10, Better.LOWER, 3, 2, True, True, False),
    Instrument.PSFS: InstrumentSpec(Instrument.PSFS, 0, 10, Better.HIGHER, 3, 2, False, True, False),
    Instrument.GPE: InstrumentSpec(Instrument.GPE, 1, 7, Better.NONE, None, None, False, False, True),
}

#: How many activities a patient names for the PSK or PSFS.
MIN_ACTIVITIES = 3
MAX_ACTIVITIES = 5
#: Bounds for a therapist's own measure (a walking time, a count, metres).
CUSTOM_LOW = -1_000_000.0
CUSTOM_HIGH = 1_000_000.0


class GpeAnswer(StrEnum):
    """The seven GPE-DV answers, by code 1-7 (change since the start of treatment)."""

    FULLY_RECOVERED = "fully-recovered"
    MUCH_IMPROVED = "much-improved"
    SLIGHTLY_IMPROVED = "slightly-improved"
    UNCHANGED = "unchanged"
    SLIGHTLY_WORSE = "slightly-worse"
    MUCH_WORSE = "much-worse"
    WORSE_THAN_EVER = "worse-than-ever"

    @property
    def code(self) -> int:
        return list(GpeAnswer).index(self) + 1

    @classmethod
    def from_code(cls, code: int) -> GpeAnswer:
        if not 1 <= code <= 7:
            raise ValueError(f"GPE code {code} is not 1-7")
        return list(cls)[code - 1]

    @property
    def improved(self) -> bool:
        """'Much improved' or 'fully recovered' counts as improved (GPE-DV convention)."""
        return self in (GpeAnswer.FULLY_RECOVERED, GpeAnswer.MUCH_IMPROVED)


class Verdict(StrEnum):
    """A change between two scores, judged against the line for a real change."""

    IMPROVED = "improved"  # better by at least the line
    WORSE = "worse"  # worse by at least the line
    NO_REAL_CHANGE = "no-real-change"  # moved less than the line
    NO_LINE = "no-line"  # no line for a real change is known


@dataclass(frozen=True, slots=True)
class Change:
    first: float
    last: float
    better: Better
    line: float | None

    @property
    def delta(self) -> float:
        return self.last - self.first

    @property
    def gain(self) -> float:
        """The change in the good direction (negative when worse)."""
        if self.better is Better.LOWER:
            return self.first - self.last
        if self.better is Better.HIGHER:
            return self.last - self.first
        return 0.0

    @property
    def verdict(self) -> Verdict:
        if self.line is None or self.better is Better.NONE:
            return Verdict.NO_LINE
        if self.gain >= self.line:
            return Verdict.IMPROVED
        if -self.gain >= self.line:
            return Verdict.WORSE
        return Verdict.NO_REAL_CHANGE

    @property
    def not_worse(self) -> bool:
        """Improved or stayed the same, by any amount: what the handout may tell the patient."""
        return self.gain >= 0


def spec_for(instrument: Instrument) -> InstrumentSpec | None:
    return SPECS.get(instrument)


def validate_value(instrument: Instrument, value: float) -> str | None:
    """A message key when `value` cannot be a score of `instrument`, else None."""
    spec = SPECS.get(instrument)
    low, high = (spec.low, spec.high) if spec else (CUSTOM_LOW, CUSTOM_HIGH)
    if value != value or not low <= value <= high:  # NaN or out of range
        return "measure.value-range"
    if instrument is Instrument.GPE and value != int(value):
        return "measure.gpe-code"
    if spec is not None and value != int(value):
        return "measure.whole-number"  # NPRS, PSK and PSFS are scored in whole points
    return None


@dataclass(frozen=True, slots=True)
class ScorePoint:
    date: dt.date
    value: float


def first_and_last(points: Sequence[ScorePoint]) -> tuple[ScorePoint, ScorePoint] | None:
    """Intake and newest score of one series (None with fewer than two)."""
    ordered = sorted(points, key=lambda p: p.date)
    if len(ordered) < 2:
        return None
    return ordered[0], ordered[-1]


def change_of(points: Sequence[ScorePoint], better: Better, line: float | None) -> Change | None:
    pair = first_and_last(points)
    if pair is None:
        return None
    return Change(pair[0].value, pair[1].value, better, line)


def mean_change(series: Sequence[Sequence[ScorePoint]], better: Better, line: float | None) -> Change | None:
    """The change of the mean over the activities scored at least twice (PSK/PSFS): the mean of
    their first scores against the mean of their newest scores, judged against the line for the mean."""
    pairs = [pair for pair in (first_and_last(points) for points in series) if pair is not None]
    if len(pairs) < 2:
        return None
    first = sum(p[0].value for p in pairs) / len(pairs)
    last = sum(p[1].value for p in pairs) / len(pairs)
    return Change(round(first, 1), round(last, 1), better, line)


def real_change_band(first: float, better: Better, line: float | None) -> tuple[float, float] | None:
    """The band around the first score inside which a change is not yet a real one."""
    if line is None or better is Better.NONE:
        return None
    return first - line, first + line


def nprs_rise(points: Sequence[ScorePoint]) -> float | None:
    """The rise of NPRS since the previous measurement when it reaches the line, else None.

    A reason the review names; it does not by itself change the advice.
    """
    ordered = sorted(points, key=lambda p: p.date)
    if len(ordered) < 2:
        return None
    line = SPECS[Instrument.NPRS].real_change
    rise = ordered[-1].value - ordered[-2].value
    return rise if line is not None and rise >= line else None
