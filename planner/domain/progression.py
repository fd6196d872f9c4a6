"""Progression rules per kind of block: the next step up, and the step back after a flare-up.

Each rule offers the next single step (in clinical order) and `progress_dosage` takes steps
while the block's weekly volume stays within the cap (see `planner.domain.volume`), with at
most one "new challenge" (another set, a harder level, more weight, a longer exhale) a phase:

- strength: repetitions +2 (or +1) up to 12 (15 when already above 12); then another set (up
  to 3) with repetitions back to 8; then more weight (+5 %, rounded to 0.5 kg) or the next
  harder level, repetitions back to 8; at the top level without weight a fourth set.
  Static holds grow by 5 (or 2, 1) seconds up to 30, then the same set/level steps (hold 15 s).
- mobility: repetitions up to 15, holds up to 30 s, then a wider range (next level, 10
  repetitions), then a second set.
- balance: holds up to 30 s, then the next rung of the ladder (hold 20 s); at the top rung
  more bouts (up to 5), then holds up to 45 s.
- breathing: a longer exhale (next level and/or +1 s, up to 8 s), then +1 minute up to 10.
- daily life: +1 minute at a time, as far as the cap allows (up to 120).
- education: moves to the next topic (done per phase in `planner.domain.proposals`).

A new challenge comes only when a phase starts at the top of the range, and is then the only
change in that phase (the patient first does the top for a whole phase, CLINICAL.md: "raise the
load once all sets reach the top of the repetition range").

A step back returns to the last tolerated level and weight with STEP_BACK_SHARE (75 %) of that
volume (thresholds.py; CLINICAL.md "How big a step back"), never more than the
patient does now; the sessions a week stay, so the patient keeps moving. Breathing and education
stay as they are.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import StrEnum

from planner.domain.dosage import Dosage
from planner.domain.kinds import Kind
from planner.domain.thresholds import STEP_BACK_SHARE
from planner.domain.volume import volume_ratio, weekly_volume, within_cap

STRENGTH_REPS_CEILING = 12
STRENGTH_REPS_HIGH_CEILING = 15
STRENGTH_RESET_REPS = 8
STRENGTH_MAX_SETS = 3
STRENGTH_TOP_SETS = 4
HOLD_CEILING = 30
STRENGTH_RESET_HOLD = 15
MOBILITY_REPS_CEILING = 15
MOBILITY_RESET_REPS = 10
MOBILITY_MAX_SETS = 2
BALANCE_RESET_HOLD = 20
BALANCE_MAX_SETS = 5
BALANCE_TOP_HOLD = 45
EXHALE_CEILING = 8
BREATHING_MAX_MINUTES = 10
DAILY_MAX_MINUTES = 120
LOAD_STEP_PCT = 5
LOAD_STEP_MAX_PCT = 10
LOAD_ROUNDING_KG = 0.5
STEP_BACK_TARGET = STEP_BACK_SHARE  # from the one table (planner.domain.thresholds)
STEP_BACK_MAX = STEP_BACK_SHARE  # never more than that share of the tolerated volume


class StepStatus(StrEnum):
    CHANGED = "changed"
    AT_TOP = "top"  # no further step in the rules: time for a new exercise or weight
    CAPPED = "capped"  # the smallest next step would grow faster than the cap allows
    NOT_APPLICABLE = "n/a"  # education: moves on by topic instead


@dataclass(frozen=True, slots=True)
class Progression:
    """The result of progressing one block's dosage."""

    after: Dosage
    status: StepStatus


@dataclass(frozen=True, slots=True)
class _Option:
    dosage: Dosage
    challenge: bool = False  # a new set, level, weight or exhale: one per phase


def _top_level(levels: int) -> int:
    return levels - 1 if levels > 0 else 0


def _small_steps(value: int, ceiling: int, steps: tuple[int, ...]) -> list[int]:
    return sorted({min(value + s, ceiling) for s in steps if value < ceiling}, reverse=True)


def _next_load(load: float) -> float:
    raw = load * (1 + LOAD_STEP_PCT / 100)
    rounded = -(-raw // LOAD_ROUNDING_KG) * LOAD_ROUNDING_KG  # round up to 0.5 kg
    return round(max(rounded, load + LOAD_ROUNDING_KG), 2)


def _strength(d: Dosage, levels: int) -> list[_Option]:
    sets, level = d.sets or 1, d.level or 0
    if d.reps:
        ceiling = STRENGTH_REPS_HIGH_CEILING if d.reps > STRENGTH_REPS_CEILING else STRENGTH_REPS_CEILING
        if d.reps < ceiling:
            return [_Option(replace(d, reps=r)) for r in _small_steps(d.reps, ceiling, (2, 1))]
        reset = {"reps": min(STRENGTH_RESET_REPS, d.reps)}
    elif d.hold_seconds:
        if d.hold_seconds < HOLD_CEILING:
            return [_Option(replace(d, hold_seconds=h)) for h in _small_steps(d.hold_seconds, HOLD_CEILING, (5, 2, 1))]
        reset = {"hold_seconds": min(STRENGTH_RESET_HOLD, d.hold_seconds)}
    else:
        return []
    if sets < STRENGTH_MAX_SETS:
        return [_Option(replace(d, sets=sets + 1, **reset), challenge=True)]
    options: list[_Option] = []
    level_up = _Option(replace(d, level=level + 1, **reset), challenge=True) if level < _top_level(levels) else None
    if d.load_kg:
        load = _next_load(d.load_kg)
        heavier = _Option(replace(d, load_kg=load, **reset), challenge=True)
        small_enough = load - d.load_kg <= d.load_kg * LOAD_STEP_MAX_PCT / 100 + 1e-9
        options = [heavier] if small_enough or level_up is None else [level_up, heavier]
    elif level_up is not None:
        options = [level_up]
    elif sets < STRENGTH_TOP_SETS:
        options = [_Option(replace(d, sets=sets + 1, **reset), challenge=True)]
    return options


def _mobility(d: Dosage, levels: int) -> list[_Option]:
    sets, level = d.sets or 1, d.level or 0
    if d.reps and d.reps < MOBILITY_REPS_CEILING:
        return [_Option(replace(d, reps=r)) for r in _small_steps(d.reps, MOBILITY_REPS_CEILING, (2, 1))]
    if d.hold_seconds and d.hold_seconds < HOLD_CEILING:
        return [_Option(replace(d, hold_seconds=h)) for h in _small_steps(d.hold_seconds, HOLD_CEILING, (5, 2, 1))]
    reset = {"reps": MOBILITY_RESET_REPS} if d.reps else {}
    if level < _top_level(levels):
        return [_Option(replace(d, level=level + 1, **reset), challenge=True)]
    if sets < MOBILITY_MAX_SETS and (d.reps or d.hold_seconds):
        reset = {"reps": STRENGTH_RESET_REPS} if d.reps else {"hold_seconds": BALANCE_RESET_HOLD}
        return [_Option(replace(d, sets=sets + 1, **reset), challenge=True)]
    return []


def _balance(d: Dosage, levels: int) -> list[_Option]:
    sets, level = d.sets or 1, d.level or 0
    if not d.hold_seconds:
        return _mobility(d, levels)
    if d.hold_seconds < HOLD_CEILING:
        return [_Option(replace(d, hold_seconds=h)) for h in _small_steps(d.hold_seconds, HOLD_CEILING, (5, 2, 1))]
    reset = {"hold_seconds": BALANCE_RESET_HOLD}
    if level < _top_level(levels):
        return [_Option(replace(d, level=level + 1, **reset), challenge=True)]
    if sets < BALANCE_MAX_SETS:
        return [_Option(replace(d, sets=sets + 1, **reset), challenge=True)]
    return [_Option(replace(d, hold_seconds=h)) for h in _small_steps(d.hold_seconds, BALANCE_TOP_HOLD, (5, 2, 1))]


def _breathing(d: Dosage, levels: int) -> list[_Option]:
    options: list[_Option] = []
    level = d.level or 0
    longer = d.exhale_seconds + 1 if d.exhale_seconds and d.exhale_seconds < EXHALE_CEILING else None
    quality: Dosage | None = None
    if levels > 1 and level < _top_level(levels):
        quality = replace(d, level=level + 1, exhale_seconds=longer or d.exhale_seconds)
    elif longer:
        quality = replace(d, exhale_seconds=longer)
    if quality is not None:
        if quality.breaths_per_minute and quality.inhale_seconds and quality.exhale_seconds:
            pace = max(3, round(60 / (quality.inhale_seconds + quality.exhale_seconds)))
            quality = replace(quality, breaths_per_minute=pace)
        options.append(_Option(quality, challenge=True))
    if d.minutes and d.minutes < BREATHING_MAX_MINUTES:
        options.append(_Option(replace(d, minutes=d.minutes + 1)))
    return options


def _daily(d: Dosage, levels: int) -> list[_Option]:  # noqa: ARG001 - one signature for every kind
    if d.minutes and d.minutes < DAILY_MAX_MINUTES:
        return [_Option(replace(d, minutes=d.minutes + 1))]
    return []


_RULES = {
    Kind.STRENGTH: _strength,
    Kind.MOBILITY: _mobility,
    Kind.BALANCE: _balance,
    Kind.BREATHING: _breathing,
    Kind.DAILY: _daily,
}


def progress_dosage(kind: Kind, dosage: Dosage, *, levels: int, factor: float) -> Progression:
    """Step a block's dosage up as far as the allowed growth `factor` lets it.

    A new challenge (another set, a harder level, more weight, a longer exhale) comes only when
    the phase starts at the top of the range (the patient has done the top for a whole phase),
    and it is the only change that phase. Otherwise repetitions, holds or minutes grow step by
    step. `levels` is the number of rungs on the block's ladder (0 when it has none). The result
    never grows the weekly volume by more than `factor` (see planner.domain.volume).
    """
    rule = _RULES.get(kind)
    if rule is None:
        return Progression(dosage, StepStatus.NOT_APPLICABLE)
    current, blocked = dosage, False
    for _ in range(500):
        first = current == dosage
        options = [o for o in rule(current, levels) if o.dosage != current and (first or not o.challenge)]
        fitting = next((o for o in options if within_cap(volume_ratio(kind, dosage, o.dosage), factor)), None)
        if fitting is None:
            blocked = bool(options)
            break
        current = fitting.dosage
        if fitting.challenge:
            break
    if current != dosage:
        return Progression(current, StepStatus.CHANGED)
    return Progression(current, StepStatus.CAPPED if blocked else StepStatus.AT_TOP)


def _reductions(base: Dosage) -> Iterator[Dosage]:
    sets = base.sets or 1
    set_values = range(1, sets + 1) if base.sets else [None]
    if base.reps:
        for s in set_values:
            for r in range(1, base.reps + 1):
                yield replace(base, sets=s, reps=r)
            for h in range(1, base.hold_seconds or 0):  # stretches: shorter holds too
                yield replace(base, sets=s, hold_seconds=h)
    elif base.hold_seconds:
        for s in set_values:
            for h in range(1, base.hold_seconds + 1):
                yield replace(base, sets=s, hold_seconds=h)
    elif base.minutes:
        for m in range(1, base.minutes + 1):
            yield replace(base, minutes=m)
    else:
        yield base


def _reduction_score(candidate: Dosage, base: Dosage, ratio: float) -> float:
    score = abs(ratio - STEP_BACK_TARGET)
    hold = candidate.hold_seconds or 0
    if hold >= 10 and hold % 5 and hold != base.hold_seconds:
        score += 0.05  # prefer holds a patient can count easily: 10, 15, 20 ...
    score += 0.03 * ((base.sets or 1) - (candidate.sets or 1))  # prefer keeping the sets
    return score


def step_back_dosage(kind: Kind, current: Dosage, tolerated: Dosage | None) -> Dosage:
    """The dosage after a flare-up: the tolerated level and weight at about 75 % of its volume.

    `tolerated` is the same block's dosage in the last phase the patient tolerated (None when
    there is none: then the current level is kept and its volume reduced). The result is never
    more than 80 % of the tolerated volume, nor more than the current volume. Sessions a week stay.
    """
    if kind in (Kind.EDUCATION, Kind.BREATHING):
        return current
    base = tolerated if tolerated is not None else current
    if current.level is not None and base.level is not None:
        base = replace(base, level=min(base.level, current.level))
    if current.load_kg and base.load_kg:
        base = replace(base, load_kg=min(base.load_kg, current.load_kg))
    reference = weekly_volume(kind, base)
    if reference <= 0:
        return base
    limit = min(STEP_BACK_MAX * reference, weekly_volume(kind, current))
    best: tuple[float, Dosage] | None = None
    smallest: tuple[float, Dosage] | None = None
    for candidate in _reductions(base):
        volume = weekly_volume(kind, candidate)
        if smallest is None or volume < smallest[0]:
            smallest = (volume, candidate)
        if volume <= limit + 1e-9:
            score = _reduction_score(candidate, base, volume / reference)
            if best is None or score < best[0]:
                best = (score, candidate)
    if best is not None:
        return best[1]
    assert smallest is not None
    return smallest[1]
