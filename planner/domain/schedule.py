"""Where the patient is on the plan's roadmap: the current phase, since when, which week of it.

The current phase is stored on the plan (None: the first phase). It started on the date of the
last accepted move-on, or on the plan's start date plus the planned weeks of the phases before
it. Each hold or repeated week accepted in the phase moves its schedule one week later.
"""

from __future__ import annotations

import datetime as dt

from planner.domain.model import PhaseView, PlanView
from planner.domain.thresholds import OLDER_ADULT_AGE
from planner.domain.timeline import current_phase_index

SHIFT_ACTIONS = ("hold", "repeat")


def current_index(plan: PlanView, today: dt.date | None = None) -> int:
    """The index of the current phase: the stored one, else the one the plan's dates give on `today`
    (until a review is accepted; see `planner.domain.timeline.current_phase_index`)."""
    return current_phase_index(plan, today)


def current_phase(plan: PlanView, today: dt.date | None = None) -> PhaseView | None:
    return plan.phases[current_index(plan, today)] if plan.phases else None


def phase_started(plan: PlanView, today: dt.date | None = None) -> dt.date | None:
    """The date the current phase started (None without a start date)."""
    moves = [e.date for e in plan.review_log if e.action == "move-on"]
    if moves:
        return max(moves)
    if plan.start_date is None:
        return None
    index = current_index(plan, today)
    return plan.start_date + dt.timedelta(weeks=sum(max(p.weeks, 1) for p in plan.phases[:index]))


def shifted_weeks(plan: PlanView, today: dt.date | None = None) -> int:
    """Weeks the current phase's schedule moved later (holds and repeated weeks since it started)."""
    started = phase_started(plan, today)
    return sum(1 for e in plan.review_log if e.action in SHIFT_ACTIONS and (started is None or e.date >= started))


def schedule_week(plan: PlanView, today: dt.date) -> int:
    """The week of the current phase's schedule on `today`, 0-based, after the shifts (never < 0)."""
    started = phase_started(plan, today)
    if started is None or today < started:
        return 0
    return max(0, (today - started).days // 7 - shifted_weeks(plan, today))


def age_on(birth: dt.date | None, today: dt.date) -> int | None:
    if birth is None:
        return None
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def is_older_adult(birth: dt.date | None, today: dt.date) -> bool:
    """The one age rule: OLDER_ADULT_AGE or over on `today` (CLINICAL.md "Older adults": half steps,
    large print pre-selected, support within reach). Unknown birth date: not older."""
    age = age_on(birth, today)
    return age is not None and age >= OLDER_ADULT_AGE


def older_adult(plan: PlanView, today: dt.date) -> bool:
    """Whether the plan's patient is an older adult on `today` (`is_older_adult`)."""
    return is_older_adult(plan.patient_birth_date, today)
