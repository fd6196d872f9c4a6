"""How a block's dosage moves: a full or half step up, a step back, a restart, with floors.

Only load grows by percentage (CLINICAL.md, "What does not progress by percentage"): a block
progresses by `volume` (repetitions, holds, minutes; strength goes on to sets and levels when the
volume is at the top), by `level` (balance: a ladder), by `rung` (exposure) or not at all
(`none`: education, breathing, sleep, relaxation). The block file may say so in a `progression`
field; otherwise it is derived from the kind and the key. Every amount comes from
`planner.domain.thresholds`.
"""

from __future__ import annotations

import math
from dataclasses import replace

from planner.domain.dosage import Dosage
from planner.domain.kinds import Kind
from planner.domain.model import BlockInfo
from planner.domain.progression import StepStatus, progress_dosage
from planner.domain.thresholds import (
    BREAK_RESTART_SHARE,
    HALF_STEP_SHARE,
    SMALL_HOLD_SECONDS,
    STEP_BACK_SHARE,
    VOLUME_FLOOR,
    VOLUME_STEP,
    Progression,
)
from planner.domain.volume import cap_factor, volume_ratio, within_cap
from planner.languages import SOURCE_LANGUAGE

#: Daily-life blocks that are load (walking, cycling, swimming, activities): they grow by volume.
_DAILY_LOAD_WORDS = ("walk", "cycling", "swimming", "back-to-activity", "garden")
#: Blocks that are never grown by the cap, whatever their kind.
_NONE_WORDS = ("sleep", "relax", "breath", "posture", "screen-breaks", "spread-the-load", "enjoyable")


def block_progression(block: BlockInfo) -> Progression:
    """How `block` progresses: its own `progression` when set, else from its kind and key."""
    if block.progression:
        try:
            return Progression(block.progression)
        except ValueError:
            pass
    if block.kind in (Kind.EDUCATION, Kind.BREATHING):
        return Progression.NONE
    if block.kind is Kind.BALANCE:
        return Progression.LEVEL
    if block.kind is Kind.DAILY:
        key = block.key.lower()
        if any(word in key for word in _DAILY_LOAD_WORDS):
            return Progression.VOLUME
        return Progression.NONE
    if any(word in block.key.lower() for word in _NONE_WORDS):
        return Progression.NONE
    return Progression.VOLUME  # strength (volume, then sets and level), mobility


#: Balance rungs that come only after the therapist ticked "done safely in the practice" (CLINICAL.md
#: "Balance safety"): eyes closed, a soft surface, walking backwards, standing on one leg.
PRACTICE_WORDS = ("eyes closed", "cushion", "soft", "backwards", "one leg")


def needs_practice(block: BlockInfo, level: int) -> bool:
    """Whether rung `level` of a balance block waits for the therapist's tick."""
    if block.kind is not Kind.BALANCE or not 0 <= level < len(block.levels):
        return False
    text = block.levels[level].text(SOURCE_LANGUAGE).lower()  # PRACTICE_WORDS are English
    on_a_cushion = "cushion" in block.key and level > 0  # the whole block is on a soft surface
    return "single-leg" in block.key or on_a_cushion or any(word in text for word in PRACTICE_WORDS)


def _untick_level(block: BlockInfo, before: Dosage, after: Dosage, ticked: frozenset[tuple[str, int]]) -> bool:
    level = after.level or 0
    return level > (before.level or 0) and needs_practice(block, level) and (block.key, level) not in ticked


def loadable(block: BlockInfo) -> bool:
    """Whether the block carries a quota that grows (volume or level)."""
    return block_progression(block) in (Progression.VOLUME, Progression.LEVEL)


def _main_field(d: Dosage) -> str | None:
    for name in ("reps", "hold_seconds", "minutes"):
        if getattr(d, name):
            return name
    return None


def _step(name: str, value: int) -> int:
    if name == "hold_seconds" and value < SMALL_HOLD_SECONDS:
        return 1
    return VOLUME_STEP[name]


def _floor(name: str, block: BlockInfo) -> int:
    easiest = getattr(block.dosage, name) or VOLUME_FLOOR[name]
    return max(1, min(VOLUME_FLOOR[name], easiest))


def reduce_volume(block: BlockInfo, d: Dosage, share: float) -> Dosage:
    """`share` of the main volume field, rounded down to the block's step, at least one step less,
    never below the block's smallest dose. The sets, level and weight stay."""
    name = _main_field(d)
    if name is None:
        return d
    value = int(getattr(d, name))
    step = _step(name, value)
    target = math.floor(value * share / step) * step
    target = min(target, value - step)
    target = max(target, min(_floor(name, block), value))
    return replace(d, **{name: target})


def step_back(block: BlockInfo, d: Dosage) -> Dosage:
    """The step back of one block (CLINICAL.md "How big a step back"): a block on a ladder one level
    down; a block dosed by volume 75 % of the last tolerated amount; never both; `none` unchanged."""
    kind = block_progression(block)
    if kind in (Progression.NONE, Progression.RUNG):
        return d
    if block.levels and (d.level or 0) > 0 and (kind is Progression.LEVEL or block.kind is Kind.STRENGTH):
        return replace(d, level=(d.level or 0) - 1)
    return reduce_volume(block, d, STEP_BACK_SHARE)


def restart(block: BlockInfo, d: Dosage) -> Dosage:
    """After a break of 14 days or more: 75 % of the last dose (volume only)."""
    if block_progression(block) in (Progression.NONE, Progression.RUNG):
        return d
    return reduce_volume(block, d, BREAK_RESTART_SHARE)


def _smallest_increment(d: Dosage) -> Dosage:
    name = _main_field(d)
    if name is None:
        return d
    value = int(getattr(d, name))
    return replace(d, **{name: value + _step(name, value)})


def step_up(block: BlockInfo, d: Dosage, *, cap_pct: int | float, weeks: int, half: bool,
            ticked: frozenset[tuple[str, int]] = frozenset()) -> Dosage:
    """A full step (the growth the weekly cap allows over `weeks`) or half of it; a half step that
    fits nothing takes the block's smallest increment when that stays within the full cap and is
    smaller than the full step, and otherwise waits a week (so 10 -> 11 repetitions comes every
    other week, not every week as in a full step). A balance
    rung that needs the practice first is not climbed until the therapist ticked it (`ticked`)."""
    kind = block_progression(block)
    if kind in (Progression.NONE, Progression.RUNG):
        return d
    full = cap_factor(cap_pct, weeks)
    factor = 1 + (full - 1) * HALF_STEP_SHARE if half else full
    levels = len(block.levels) if kind is Progression.LEVEL or block.kind is Kind.STRENGTH else 0
    result = progress_dosage(block.kind, d, levels=levels, factor=factor)
    if result.status is StepStatus.CHANGED and _untick_level(block, d, result.after, ticked):
        result = progress_dosage(block.kind, d, levels=(d.level or 0) + 1, factor=factor)  # no higher rung
    if result.status is StepStatus.CHANGED:
        return result.after
    if half:  # the smallest increment, but only when it is visibly less than the full step
        smallest = _smallest_increment(d)
        whole = progress_dosage(block.kind, d, levels=levels, factor=full)
        whole_after = whole.after if whole.status is StepStatus.CHANGED else d
        more = volume_ratio(block.kind, smallest, whole_after)
        if within_cap(volume_ratio(block.kind, d, smallest), full) and more is not None and more > 1 + 1e-9:
            return smallest
        # Otherwise a half step is a step every other week: none now, the full step's amount once the
        # weeks since the last change make it half of the cap (see `weeks`).
    return d


def capped_towards(block: BlockInfo, last: Dosage, planned: Dosage, cap_pct: int | float,
                   ticked: frozenset[tuple[str, int]] = frozenset()) -> Dosage:
    """The first-week dose in the next phase: the planned dose, but at most the last tolerated dose
    + `cap_pct` % (a step from `last` within that cap when the planned dose grows faster). A planned
    balance rung that needs the practice first stays at the last rung until it is ticked."""
    if _untick_level(block, last, planned, ticked):
        planned = replace(planned, level=last.level)
    ratio = volume_ratio(block.kind, last, planned)
    if ratio is None or ratio <= 1 + cap_pct / 100 + 1e-9:
        return planned
    levels = len(block.levels) if block_progression(block) is Progression.LEVEL or block.kind is Kind.STRENGTH else 0
    grown = progress_dosage(block.kind, last, levels=levels, factor=1 + cap_pct / 100).after
    freq = {"times_per_day": planned.times_per_day, "days_per_week": planned.days_per_week}
    candidate = replace(grown, **freq)
    ratio2 = volume_ratio(block.kind, last, candidate)
    return candidate if ratio2 is None or ratio2 <= 1 + cap_pct / 100 + 1e-9 else grown


def lowest_dose(block: BlockInfo, planned: Dosage) -> Dosage:
    """A new exercise starts at its lowest dose: the easiest level, and no more volume than the
    library's starting dose (the planned days and times a day stay)."""
    d = replace(planned, level=0) if planned.level is not None else planned
    name = _main_field(d)
    start = getattr(block.dosage, name) if name else None
    if name and start and getattr(d, name) > start:
        d = replace(d, **{name: start})
    return d
