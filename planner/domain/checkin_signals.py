"""What a plan's check-ins show, as numbers the review reads: sessions in the newest calendar week,
a break without sessions, the trend of morning pain, runs of worse mornings, red flags reported.
Pure functions of the check-ins (oldest first); what to do about them is `planner.domain.review`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from planner.domain.model import CheckInView, NextMorning
from planner.domain.thresholds import TREND_MIN_RATINGS, TREND_WINDOW_DAYS, RedFlag


def reported(c: CheckInView) -> bool:
    """Whether the check-in says how many sessions were done (0 of 0: not answered, unknown)."""
    return c.sessions_planned > 0 or c.sessions_done > 0


def calendar_week(date: dt.date) -> tuple[int, int]:
    iso = date.isocalendar()
    return iso[0], iso[1]


def newest_week_sessions(checkins: Sequence[CheckInView]) -> tuple[int, int] | None:
    """(done, planned) in the calendar week of the newest check-in that reports sessions (None: none do)."""
    known = [c for c in checkins if reported(c)]
    if not known:
        return None
    week = calendar_week(max(c.date for c in known))
    inweek = [c for c in known if calendar_week(c.date) == week]
    return sum(c.sessions_done for c in inweek), sum(c.sessions_planned for c in inweek)


def break_days(checkins: Sequence[CheckInView], start: dt.date | None) -> int | None:
    """Days without sessions as the check-ins report them: from the last check-in with a session done
    (or the plan's start) to the newest reporting none, when every check-in since reported 0 done."""
    known = [c for c in checkins if reported(c)]
    if not known or known[-1].sessions_done > 0:
        return None
    active = [c.date for c in known if c.sessions_done > 0]
    anchor = max(active) if active else (start or known[0].date)
    return (known[-1].date - anchor).days


def morning_trend(checkins: Sequence[CheckInView], newest: dt.date) -> float | None:
    """The rise of the 7-day mean morning pain against the 7 days before (None: too few ratings)."""
    recent = [c.morning_pain for c in checkins
              if c.morning_pain is not None and 0 <= (newest - c.date).days < TREND_WINDOW_DAYS]
    before = [c.morning_pain for c in checkins
              if c.morning_pain is not None and TREND_WINDOW_DAYS <= (newest - c.date).days < 2 * TREND_WINDOW_DAYS]
    if len(recent) < TREND_MIN_RATINGS or len(before) < TREND_MIN_RATINGS:
        return None
    return sum(recent) / len(recent) - sum(before) / len(before)


def worse_run(checkins: Sequence[CheckInView]) -> int:
    """The longest run of worse mornings on consecutive calendar days."""
    days = sorted({c.date for c in checkins if c.next_morning is NextMorning.WORSE})
    best = run = 0
    previous: dt.date | None = None
    for day in days:
        run = run + 1 if previous is not None and (day - previous).days == 1 else 1
        best, previous = max(best, run), day
    return best


def red_flags_reported(checkins: Sequence[CheckInView]) -> tuple[RedFlag, ...]:
    """The red flags the check-ins report, each once, in the order first reported."""
    seen: list[RedFlag] = []
    for c in checkins:
        for value in c.red_flags or ():
            try:
                flag = RedFlag(value)
            except ValueError:
                continue
            if flag not in seen:
                seen.append(flag)
    return tuple(seen)
