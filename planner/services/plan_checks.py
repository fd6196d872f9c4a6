"""A stored plan's (or template's) check warnings as plain rows, for the command line and reports."""

from __future__ import annotations

from typing import Any

from planner.domain.checks import check_plan
from planner.services import plans
from planner.store.engine import Database


def check_rows(db: Database, plan_id: int, *, lang: str | None = None) -> list[dict[str, Any]]:
    """Each warning as {"code", "phase" (1-based number), "block" (key or None), "message"}.

    The message is in `lang`, by default the plan's own language. Works for templates too.
    """
    plan = plans.get_plan(db, plan_id)
    lang = lang or plan.language
    numbers = {phase.id: n for n, phase in enumerate(plan.phases, 1)}
    keys = {item.id: item.block.key for phase in plan.phases for item in phase.items}
    return [
        {"code": w.code, "phase": numbers.get(w.phase_id), "block": keys.get(w.item_id) if w.item_id else None,
         "message": w.text(lang)}
        for w in check_plan(plan)
    ]
