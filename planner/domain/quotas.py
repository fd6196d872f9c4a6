"""Graded activity: the quota of each loadable exercise for each week of a phase.

Time-contingent plans (Lindström 1992; Lambeek 2007) raise quotas on a fixed schedule, not by how
the pain feels. Week 1 of a phase is the exercise's dose in the plan; each following week grows by
one step within the weekly cap (a half step for older adults), never past the dose the next phase
plans for the same exercise. Blocks that do not progress by volume (education, breathing, sleep,
relaxation) and ladders (balance levels) keep their dose all phase: a level changes only when the
therapist moves the patient on. The handout diary prints each week's quota.
"""

from __future__ import annotations

from collections.abc import Sequence

from planner.domain.dosage import Dosage
from planner.domain.model import PhaseView, PlanItemView, PlanView
from planner.domain.steps import block_progression, step_up
from planner.domain.thresholds import WEEKLY_CAP_PCT, Progression
from planner.domain.volume import volume_ratio


def weekly_quotas(item: PlanItemView, weeks: int, *, cap_pct: int | float = WEEKLY_CAP_PCT,
                  older_adult: bool = False, target: Dosage | None = None) -> list[Dosage]:
    """The quota of `item` for each of `weeks` weeks (week 1 first).

    `target` is the dose the next phase plans for the same exercise: the quotas never pass it.
    """
    quotas = [item.dosage]
    volume_block = block_progression(item.block) is Progression.VOLUME
    for _ in range(1, max(weeks, 1)):
        last = quotas[-1]
        nxt = step_up(item.block, last, cap_pct=cap_pct, weeks=1, half=older_adult) if volume_block else last
        nxt = Dosage.from_dict({**nxt.to_dict(), "level": last.level}) if last.level is not None else nxt
        if target is not None and nxt != last:
            ratio = volume_ratio(item.block.kind, target, nxt)
            if ratio is not None and ratio > 1:
                nxt = last
        quotas.append(nxt)
    return quotas


def _next_dose(plan: PlanView, phase: PhaseView, item: PlanItemView) -> Dosage | None:
    index = next((i for i, p in enumerate(plan.phases) if p.id == phase.id), None)
    if index is None or index + 1 >= len(plan.phases):
        return None
    return next((i.dosage for i in plan.phases[index + 1].items if i.block.id == item.block.id), None)


def phase_quotas(plan: PlanView, phase: PhaseView, *, older_adult: bool = False) -> dict[int, list[Dosage]]:
    """Item id -> the quota for each week of `phase`, for every loadable exercise in it."""
    out: dict[int, list[Dosage]] = {}
    for item in phase.items:
        if block_progression(item.block) is not Progression.VOLUME:
            continue
        out[item.id] = weekly_quotas(item, phase.weeks, cap_pct=plan.weekly_cap_pct, older_adult=older_adult,
                                     target=_next_dose(plan, phase, item))
    return out


def quota_in_week(quotas: Sequence[Dosage], week: int) -> Dosage:
    """The quota for the (0-based) schedule week, the last one after the phase's weeks."""
    return quotas[max(0, min(week, len(quotas) - 1))]
