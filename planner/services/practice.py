"""The therapist's ticks "done in the practice", by the names the window and the command line use.

The first time at each exposure rung, and balance rungs with eyes closed, a soft surface, walking
backwards or on one leg, are done in the practice; until then the ladder does not move on and the
engine does not climb the balance rung. The ticks themselves are stored by `services.review`
(`tick_rung`, `tick_practice`); this module finds what to tick from a plan item or the ladder.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.domain.errors import ValidationError
from planner.domain.messages import msg
from planner.domain.practice import PracticeRung, practice_rungs
from planner.services import review
from planner.services.changes import PlanChanged
from planner.services.plans import get_plan, item_plan_id
from planner.store.engine import Database


def plan_practice_rungs(db: Database, plan_id: int, *, today: dt.date | None = None) -> tuple[PracticeRung, ...]:
    """The balance rungs ahead of the patient that need the practice first (ticked or not)."""
    return practice_rungs(get_plan(db, plan_id), today)


@dataclass(frozen=True, slots=True)
class Ticked:
    change: PlanChanged
    rung: PracticeRung


def tick_balance_item(db: Database, item_id: int, *, level: int | None = None, done: bool = True,
                      today: dt.date | None = None, expected_version: int | None = None) -> Ticked:
    """Tick (or untick) a balance rung of the block of `item_id`: `level`, or else the first rung
    ahead that needs the practice and is not yet ticked (when unticking: the first ticked one)."""
    plan_id = item_plan_id(db, item_id)
    plan = get_plan(db, plan_id)
    key = next((i.block.key for p in plan.phases for i in p.items if i.id == item_id), None)
    rungs = [r for r in practice_rungs(plan, today) if r.block.key == key]
    if not rungs:
        raise ValidationError({"item": msg("This exercise has no balance rung ahead that needs the practice first.")})
    if level is None:
        rung = next((r for r in rungs if r.ticked != done), None)
        if rung is None:
            raise ValidationError({"level": msg("Every balance rung ahead of this exercise is already ticked.")
                                   if done else msg("No balance rung ahead of this exercise is ticked.")})
    else:
        rung = next((r for r in rungs if r.level == level), None)
        if rung is None:
            levels = ", ".join(str(r.level) for r in rungs)
            raise ValidationError({"level": msg("Rung {level} does not need the practice first; choose one of {levels}.",
                                                  level=str(level), levels=levels)})
    change = review.tick_practice(db, plan_id, rung.block.key, rung.level, done=done,
                                  expected_version=expected_version)
    return Ticked(change, PracticeRung(rung.item_id, rung.block, rung.level, done))


def tick_current_rung(db: Database, plan_id: int, *, rung: int | None = None, practised: bool = True,
                      expected_version: int | None = None) -> PlanChanged:
    """Tick the exposure ladder's current rung (or `rung`) as practised in the practice."""
    ladder = get_plan(db, plan_id).exposure
    if ladder is None or not ladder.rungs:
        raise ValidationError({"exposure": msg("This plan has no exposure ladder.")})
    return review.tick_rung(db, plan_id, ladder.current if rung is None else rung, practised=practised,
                            expected_version=expected_version)
