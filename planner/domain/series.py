"""The numbers behind a plan's progress chart: pain, load (volume index) and adherence over time."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from planner.domain.dosage import Dosage
from planner.domain.kinds import Kind
from planner.domain.model import CheckInView, PlanView
from planner.domain.monitoring import Light, checkin_light
from planner.domain.timeline import phase_spans
from planner.domain.volume import volume_ratio, weekly_volume

MAX_ADHERENCE_PCT = 150.0


@dataclass(frozen=True, slots=True)
class LoadStep:
    """One phase on the chart: its dates and its load index (100 = where each block started)."""

    start: dt.date
    end: dt.date
    index: float
    phase_name: str


@dataclass(frozen=True, slots=True)
class ProgressSeries:
    """Everything the chart draws, in date order."""

    start: dt.date
    end: dt.date
    pain: tuple[tuple[dt.date, int], ...]
    lights: tuple[Light, ...]
    adherence: tuple[tuple[dt.date, float], ...]
    load: tuple[LoadStep, ...]


def load_index(plan: PlanView) -> list[float]:
    """Per phase, the average of each block's weekly volume relative to where that block started.

    Phase 1 is 100; a block that comes in later starts at 100 too; a step back shows as a dip.
    Phases without any measurable block carry the previous value.
    """
    first: dict[int, tuple[Kind, Dosage]] = {}
    values: list[float] = []
    for phase in plan.phases:
        ratios: list[float] = []
        for item in phase.items:
            kind = item.block.kind
            if weekly_volume(kind, item.dosage) <= 0:
                continue
            origin = first.setdefault(item.block.id, (kind, item.dosage))
            ratios.append(volume_ratio(kind, origin[1], item.dosage) or 1.0)
        if ratios:
            values.append(100.0 * sum(ratios) / len(ratios))
        else:
            values.append(values[-1] if values else 100.0)
    return values


def progress_series(plan: PlanView, checkins: Sequence[CheckInView]) -> ProgressSeries:
    """Pain and adherence per check-in, and the load index per phase, on one time axis."""
    ordered = sorted(checkins, key=lambda c: (c.date, c.id))
    first_checkin = ordered[0].date if ordered else None
    spans = phase_spans(plan, start=first_checkin)
    indexes = load_index(plan)
    load = tuple(
        LoadStep(span.start, span.end, indexes[span.index], plan.phases[span.index].name) for span in spans
    )
    dates = [c.date for c in ordered] + [s.start for s in spans] + [s.end for s in spans]
    start = min(dates) if dates else dt.date.today()
    end = max(dates) if dates else start + dt.timedelta(days=7)
    if end <= start:
        end = start + dt.timedelta(days=7)
    adherence = tuple(
        (c.date, min(MAX_ADHERENCE_PCT, 100.0 * c.sessions_done / c.sessions_planned))
        for c in ordered
        if c.sessions_planned > 0
    )
    return ProgressSeries(
        start=start,
        end=end,
        pain=tuple((c.date, c.pain_during) for c in ordered),
        lights=tuple(checkin_light(c) for c in ordered),
        adherence=adherence,
        load=load,
    )
