"""When each phase of a plan runs, which phase is current, and how many sessions a week it plans."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.domain.kinds import Kind
from planner.domain.model import PhaseView, PlanView, ProgressionMode

SESSION_KINDS = (Kind.BREATHING, Kind.MOBILITY, Kind.BALANCE, Kind.STRENGTH)


@dataclass(frozen=True, slots=True)
class PhaseSpan:
    """A phase's dates: `start` up to (not including) `end`."""

    index: int
    phase_id: int
    start: dt.date
    end: dt.date


def phase_spans(plan: PlanView, *, start: dt.date | None = None) -> list[PhaseSpan]:
    """The date range of every phase, from the plan's start date (or `start`, or today)."""
    first = plan.start_date or start or dt.date.today()
    spans: list[PhaseSpan] = []
    cursor = first
    for index, phase in enumerate(plan.phases):
        end = cursor + dt.timedelta(weeks=max(phase.weeks, 1))
        spans.append(PhaseSpan(index=index, phase_id=phase.id, start=cursor, end=end))
        cursor = end
    return spans


def current_phase_index(plan: PlanView, today: dt.date | None = None) -> int:
    """The phase the patient is in: the stored current phase (the roadmap), else by the plan's dates.

    By dates: before the start the first phase; after the end the last. Without a start date the
    last phase (the newest one the therapist planned) counts as current. Accepting a review stores
    the current phase, so from then on only a move-on changes it.
    """
    if not plan.phases:
        return 0
    for index, phase in enumerate(plan.phases):
        if phase.id == plan.current_phase_id:
            return index
    if plan.mode is ProgressionMode.PAIN and not plan.is_template:
        return 0  # pain-contingent: the patient moves on only when a review says so
    if plan.start_date is None:
        return len(plan.phases) - 1
    today = today or dt.date.today()
    for span in phase_spans(plan):
        if today < span.end:
            return span.index
    return len(plan.phases) - 1


def planned_sessions_per_week(phase: PhaseView | None) -> int:
    """Exercise sessions a week the phase asks for: the most days a week of any exercise (7 if unset)."""
    if phase is None:
        return 7
    days = [item.dosage.days_per_week or 7 for item in phase.items if item.block.kind in SESSION_KINDS]
    return max(days) if days else 7


def weeks_done(plan: PlanView, phase_id: int, today: dt.date | None) -> int | None:
    """Whole weeks the patient has done of a phase that is running today and not yet over.

    None when the plan has no start date, `today` is None, the phase is not running today (not
    started yet, or its planned weeks are over) or less than one whole week of it is done (then a
    proposal plans ahead, after the phase's planned weeks).
    """
    if plan.start_date is None or today is None:
        return None
    for span, phase in zip(phase_spans(plan), plan.phases, strict=True):
        if phase.id == phase_id:
            if not span.start <= today < span.end:
                return None
            done = (today - span.start).days // 7
            return done if 1 <= done < phase.weeks else None
    return None
