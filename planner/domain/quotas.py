"""Graded activity: the quota of each loadable exercise for each week of a phase.

Time-contingent plans (Lindström 1992; Lambeek 2007) raise quotas on a fixed schedule, not by how
the pain feels. Week 1 of a phase is the exercise's dose in the plan; each following week grows by
one step within the weekly cap (a half step for older adults), never past the dose the next phase
plans for the same exercise. Exercises dosed in minutes (walking, cycling) follow one schedule over
the whole plan (`minute_schedule`): from the first quota (70-80 % of the baseline) up by the weekly
cap compounded week by week, rounded down to whole minutes, so that small amounts grow too (8
minutes at 10 % a week: 8, 8, 9, 10, 11, 12, 13, 14) instead of each week's rounding eating the step. Blocks that do not progress by volume (education, breathing, sleep,
relaxation) and ladders (balance levels) keep their dose all phase: a level changes only when the
therapist moves the patient on. The handout diary prints each week's quota.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from planner.domain.dosage import Dosage
from planner.domain.model import PhaseView, PlanItemView, PlanView
from planner.domain.steps import block_progression, step_up
from planner.domain.thresholds import HALF_STEP_SHARE, WEEKLY_CAP_PCT, Progression
from planner.domain.volume import volume_ratio

MINUTES_MAX = 120  # a walking quota grows no further (the daily-life ceiling of the progression rules)


def week_factor(cap_pct: int | float, older_adult: bool) -> float:
    """The growth a week: the weekly cap, half of it for older adults (half steps)."""
    return 1 + cap_pct / 100 * (HALF_STEP_SHARE if older_adult else 1)


def minute_schedule(start: int, weeks: int, *, cap_pct: int | float = WEEKLY_CAP_PCT,
                    older_adult: bool = False) -> list[int]:
    """Whole minutes for each of `weeks` weeks from `start`: the cap compounded on the exact amount,
    rounded down, and at most one minute (or the cap's share rounded, when bigger) more than the week before."""
    factor = week_factor(cap_pct, older_adult)
    out = [start]
    for week in range(1, max(weeks, 1)):
        exact = int(start * factor ** week + 1e-9)
        limit = out[-1] + max(1, int(out[-1] * (factor - 1) + 0.5))
        out.append(min(max(out[-1], min(exact, limit)), max(MINUTES_MAX, start)))
    return out


def _minutes_block(item: PlanItemView) -> bool:
    d = item.dosage
    return block_progression(item.block) is Progression.VOLUME and bool(d.minutes) and not d.reps \
        and not d.hold_seconds


def weekly_quotas(item: PlanItemView, weeks: int, *, cap_pct: int | float = WEEKLY_CAP_PCT,
                  older_adult: bool = False, target: Dosage | None = None) -> list[Dosage]:
    """The quota of `item` for each of `weeks` weeks (week 1 first).

    `target` is the dose the next phase plans for the same exercise: the quotas never pass it.
    """
    quotas = [item.dosage]
    volume_block = block_progression(item.block) is Progression.VOLUME
    waited = 1  # weeks since the quota last changed: a step that does not fit one week fits over two
    for _ in range(1, max(weeks, 1)):
        last = quotas[-1]
        nxt = step_up(item.block, last, cap_pct=cap_pct, weeks=waited, half=older_adult) if volume_block else last
        nxt = Dosage.from_dict({**nxt.to_dict(), "level": last.level}) if last.level is not None else nxt
        if target is not None and nxt != last:
            ratio = volume_ratio(item.block.kind, target, nxt)
            if ratio is not None and ratio > 1:
                nxt = last
        waited = 1 if nxt != last else waited + 1
        quotas.append(nxt)
    return quotas


def _next_dose(plan: PlanView, phase: PhaseView, item: PlanItemView) -> Dosage | None:
    index = next((i for i, p in enumerate(plan.phases) if p.id == phase.id), None)
    if index is None or index + 1 >= len(plan.phases):
        return None
    return next((i.dosage for i in plan.phases[index + 1].items if i.block.id == item.block.id), None)


def _anchor(plan: PlanView, phase: PhaseView, item: PlanItemView) -> tuple[int, int]:
    """The first planned minutes of `item`'s block in the run of phases up to `phase` that hold it,
    and the weeks from the start of that phase to the start of `phase`."""
    index = next((i for i, p in enumerate(plan.phases) if p.id == phase.id), 0)
    start, offset = item.dosage.minutes or 1, 0
    for earlier in reversed(plan.phases[:index]):
        same = next((i for i in earlier.items if i.block.id == item.block.id and i.dosage.minutes), None)
        if same is None:
            break
        start, offset = same.dosage.minutes or start, offset + max(earlier.weeks, 1)
    return start, offset


def minute_quotas(plan: PlanView, phase: PhaseView, item: PlanItemView, *, older_adult: bool = False) -> list[Dosage]:
    """The plan-wide schedule of a minutes-dosed exercise for each week of `phase`: never below the
    phase's planned dose, never past the next phase's."""
    start, offset = _anchor(plan, phase, item)
    schedule = minute_schedule(start, offset + max(phase.weeks, 1), cap_pct=plan.weekly_cap_pct,
                               older_adult=older_adult)[offset:]
    local = minute_schedule(item.dosage.minutes or 1, max(phase.weeks, 1), cap_pct=plan.weekly_cap_pct,
                            older_adult=older_adult)
    target = _next_dose(plan, phase, item)
    planned = item.dosage.minutes or 1
    high = target.minutes if target is not None and target.minutes and target.minutes >= planned else None
    factor = week_factor(plan.weekly_cap_pct, older_adult)
    values = [item.dosage.minutes or 1]  # week 1 is the phase's planned dose
    for a, b in zip(schedule[1:], local[1:], strict=True):
        step = max(1, int(values[-1] * (factor - 1) + 0.5))
        value = max(values[-1], min(max(a, b), values[-1] + step))
        if high is not None:
            value = min(value, max(high, values[-1]))
        values.append(value)
    return [replace(item.dosage, minutes=v) for v in values]


def phase_quotas(plan: PlanView, phase: PhaseView, *, older_adult: bool = False) -> dict[int, list[Dosage]]:
    """Item id -> the quota for each week of `phase`, for every loadable exercise in it."""
    out: dict[int, list[Dosage]] = {}
    for item in phase.items:
        if block_progression(item.block) is not Progression.VOLUME:
            continue
        if _minutes_block(item):
            out[item.id] = minute_quotas(plan, phase, item, older_adult=older_adult)
            continue
        out[item.id] = weekly_quotas(item, phase.weeks, cap_pct=plan.weekly_cap_pct, older_adult=older_adult,
                                     target=_next_dose(plan, phase, item))
    return out


def quota_in_week(quotas: Sequence[Dosage], week: int) -> Dosage:
    """The quota for the (0-based) schedule week, the last one after the phase's weeks."""
    return quotas[max(0, min(week, len(quotas) - 1))]
