"""Training volume per kind of block, and the weekly cap on how fast it may grow.

"Volume" is what the weekly cap limits. It is defined per kind, always per week:

- strength, mobility, balance: working seconds a week x intensity.
  Working seconds of one session = sets x repetitions x (4 s + hold) when there are
  repetitions, sets x hold seconds for static holds, otherwise sets.
  Intensity = 1.25 ** level for blocks with a ladder (each rung counts as 25 % harder),
  times the load in kg when a weight is used (only compared when both dosages use a weight).
- breathing and daily life: minutes a week. Lengthening the exhale is a change in quality,
  not in load, and is not counted.
- education: no volume (reading a topic is not load).

Every kind is multiplied by sessions a week = times a day x days a week (1 and 7 when unset).
The cap: a block's volume may grow by at most `cap_pct` % a week, compounded over the weeks
of the phase the patient has just done: a 2-week phase at 10 % may grow 1.1 ** 2 = 1.21 times.
"""

from __future__ import annotations

from dataclasses import replace

from planner.domain.dosage import Dosage
from planner.domain.kinds import Kind

REP_SECONDS = 4  # one slow repetition, as in dosage.session_seconds
LEVEL_FACTOR = 1.25  # each rung on a block's ladder counts as this much harder
EPSILON = 1e-9
LADDER_KINDS = (Kind.STRENGTH, Kind.MOBILITY, Kind.BALANCE)


def sessions_per_week(dosage: Dosage) -> int:
    """How many times a week the block is done (times a day x days a week)."""
    return (dosage.times_per_day or 1) * (dosage.days_per_week or 7)


def session_work(kind: Kind, dosage: Dosage) -> float:
    """The work in one session: working seconds (exercises) or minutes (breathing, daily life)."""
    d = dosage
    if kind is Kind.EDUCATION:
        return 0.0
    if kind in (Kind.BREATHING, Kind.DAILY):
        return float(d.minutes or 0)
    sets = d.sets or 1
    if d.reps:
        return float(sets * d.reps * (REP_SECONDS + (d.hold_seconds or 0)))
    if d.hold_seconds:
        return float(sets * d.hold_seconds)
    if d.minutes:
        return float(d.minutes * 60)
    return float(sets)


def intensity(kind: Kind, dosage: Dosage, *, use_load: bool = True) -> float:
    """How hard each unit of work is: the ladder rung, and the weight when one is used."""
    factor = 1.0
    if kind in LADDER_KINDS and dosage.level:
        factor *= LEVEL_FACTOR ** dosage.level
    if use_load and kind is Kind.STRENGTH and dosage.load_kg:
        factor *= float(dosage.load_kg)
    return factor


def weekly_volume(kind: Kind, dosage: Dosage, *, use_load: bool = True) -> float:
    """The block's volume a week (see the module docstring for the definition per kind)."""
    return session_work(kind, dosage) * intensity(kind, dosage, use_load=use_load) * sessions_per_week(dosage)


def volume_ratio(kind: Kind, before: Dosage, after: Dosage) -> float | None:
    """after / before volume; None when there is nothing to compare (education, zero volume).

    The weight counts only when both dosages use one: adding a first weight is not a 'step'
    this rule can measure (the checks leave that to the therapist).
    """
    use_load = bool(before.load_kg) and bool(after.load_kg)
    old = weekly_volume(kind, before, use_load=use_load)
    new = weekly_volume(kind, after, use_load=use_load)
    if old <= 0 or new <= 0:
        return None
    return new / old


def cap_factor(cap_pct: int | float, weeks: int) -> float:
    """How many times the volume may grow after `weeks` weeks at `cap_pct` % a week."""
    return (1 + cap_pct / 100) ** max(int(weeks), 1)


def within_cap(ratio: float | None, factor: float) -> bool:
    """True when a step of `ratio` does not exceed the allowed growth `factor`."""
    return ratio is None or ratio <= factor + EPSILON


def without_frequency(dosage: Dosage) -> Dosage:
    """The dosage with times a day and days a week cleared (for per-session comparisons)."""
    return replace(dosage, times_per_day=None, days_per_week=None)
