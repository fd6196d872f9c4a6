"""Minutes per session and the domain's warnings (planner.domain.checks: too many blocks, too long,
too steep a step from the phase before, ...) arranged for the editor, in the UI language."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from planner.domain.dosage import session_seconds
from planner.domain.model import PhaseView, PlanView
from planner.i18n import _, current_language


def phase_seconds(phase: PhaseView) -> int:
    return sum(session_seconds(item.block.kind, item.dosage) for item in phase.items)


def phase_minutes(phase: PhaseView) -> int:
    return math.ceil(phase_seconds(phase) / 60)


@dataclass(slots=True)
class PlanFindings:
    """Warnings by where they belong: the phase header, or one block's row."""

    phases: dict[int, list[str]] = field(default_factory=dict)
    items: dict[int, list[str]] = field(default_factory=dict)


def findings(plan: PlanView | None) -> PlanFindings:
    result = PlanFindings()
    if plan is None:
        return result
    from planner.domain import checks  # the rules load with the first plan shown, not at start-up

    lang = current_language()
    for warning in checks.check_plan(plan):
        text = warning.text(lang)
        if warning.item_id is None:
            result.phases.setdefault(warning.phase_id, []).append(text)
        else:
            result.items.setdefault(warning.item_id, []).append(text)
    return result


def weeks_text(plan: PlanView, index: int) -> str:
    first = sum(p.weeks for p in plan.phases[:index]) + 1
    last = first + plan.phases[index].weeks - 1
    if first == last:
        return _("week %(n)d") % {"n": first}
    return _("weeks %(first)d–%(last)d") % {"first": first, "last": last}
