"""What waits for the therapist's tick "done in the practice" (CLINICAL.md "Balance safety" and
"Graded exposure"): the balance rungs ahead of the patient that need the practice first, and the
exposure ladder's rungs. The engine never climbs to an unticked balance rung (`steps.step_up`,
`steps.capped_towards`); these lists are what the review window and the command line show.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.domain.kinds import Kind
from planner.domain.model import BlockInfo, PlanView
from planner.domain.steps import needs_practice
from planner.domain.timeline import current_phase_index


@dataclass(frozen=True, slots=True)
class PracticeRung:
    """A balance rung ahead of the patient that needs the practice first."""

    item_id: int  # the block's first item from the current phase on
    block: BlockInfo
    level: int
    ticked: bool

    def label(self, lang: str) -> str:
        return self.block.levels[self.level].text(lang)


def practice_rungs(plan: PlanView, today: dt.date | None = None) -> tuple[PracticeRung, ...]:
    """Per balance block from the current phase on: every rung above the lowest level it is used at
    that needs the practice first, in plan order, with whether the therapist ticked it."""
    if not plan.phases:
        return ()
    first_item: dict[str, tuple[int, BlockInfo]] = {}
    lowest: dict[str, int] = {}
    for phase in plan.phases[current_phase_index(plan, today):]:
        for item in phase.items:
            if item.block.kind is not Kind.BALANCE or not item.block.levels:
                continue
            key = item.block.key
            first_item.setdefault(key, (item.id, item.block))
            lowest[key] = min(lowest.get(key, item.dosage.level or 0), item.dosage.level or 0)
    out: list[PracticeRung] = []
    for key, (item_id, block) in first_item.items():
        for level in range(lowest[key] + 1, len(block.levels)):
            if needs_practice(block, level):
                out.append(PracticeRung(item_id, block, level, (key, level) in plan.practice_ticks))
    return tuple(out)
