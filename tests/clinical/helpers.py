"""Build the story plan and check-ins from the story table's compact data (no database)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from planner.domain.dosage import Dosage
from planner.domain.exposure import new_ladder
from planner.domain.model import (
    CheckInView,
    NextMorning,
    PhaseView,
    PlanItemView,
    PlanStatus,
    PlanView,
    ProgressionMode,
    ReviewEntry,
)
from planner.domain.steps import step_back
from tests.domain.conftest import block

START = dt.date(2026, 3, 2)
# (block key, phase 1 dosage, phase 2 dosage, phase 3 dosage); None: not in that phase.
ITEMS = (
    ("daily.calm-walk", {"minutes": 10}, {"minutes": 14}, {"minutes": 18}),
    ("strength.sit-to-stand", {"sets": 2, "reps": 8}, {"sets": 2, "reps": 12}, {"sets": 3, "reps": 10}),
    ("strength.bridge", {"sets": 2, "reps": 8}, {"sets": 2, "reps": 10}, {"sets": 2, "reps": 12}),
    ("mobility.cat-cow", {"reps": 10}, {"reps": 12}, {"reps": 14}),
    ("balance.tandem-stance", {"level": 1, "hold_seconds": 20}, {"level": 1, "hold_seconds": 25},
     {"level": 2, "hold_seconds": 20}),
    ("breathing.long-exhale", {"minutes": 5}, {"minutes": 5}, {"minutes": 8}),
    ("daily.sleep-routine", {}, {}, {}),
    ("education.what-is-pain", {}, None, None),
    ("strength.step-up", None, {"sets": 2, "reps": 10}, {"sets": 2, "reps": 12}),
)


def story_plan(mode: str, *, age: int = 45, weeks: int = 3, log: tuple = (), exposure: dict | None = None,
               current: int = 0) -> PlanView:
    phases = []
    for n in range(3):
        items = []
        for k, (key, *doses) in enumerate(ITEMS):
            dose = doses[n]
            if dose is None:
                continue
            b = block(key)
            items.append(PlanItemView(id=(n + 1) * 100 + k, position=len(items), block=b,
                                      dosage=b.dosage.merged(dose)))
        phases.append(PhaseView(id=11 + n, position=n, name=f"Fase {n + 1}", weeks=weeks, items=tuple(items)))
    entries = []
    for day, action in log:
        before = ()
        if action in ("step-back", "restart"):  # as accepted: the items stepped back, the dosages before kept
            phase = phases[current]
            before = tuple((i.id, i.dosage) for i in phase.items)
            items = tuple(replace(i, dosage=step_back(i.block, i.dosage)) for i in phase.items)
            phases[current] = replace(phase, items=items)
        entries.append(ReviewEntry(START + dt.timedelta(days=day), action, before))
    plan = PlanView(id=1, title="Story", goal="", language="en", status=PlanStatus.ACTIVE,
                    mode=ProgressionMode(mode), weekly_cap_pct=10, version=1, is_template=False,
                    phases=tuple(phases), start_date=START, patient_birth_date=dt.date(2026 - age, 1, 1),
                    current_phase_id=11 + current, review_log=tuple(entries))
    if exposure:
        ladder = new_ladder(exposure["activity"], 90, exposure["rungs"])  # since: set by the first move-on
        ladder = replace(ladder, rungs=tuple(replace(r, practised=True) for r in ladder.rungs))
        plan = replace(plan, exposure=ladder)
    return plan


def c(day: int, pain: int, morning: str = "same", *, mp: int | None = None, done: int = 5, planned: int = 5,
      flags: tuple[str, ...] | None = (), harm: int | None = None) -> CheckInView:
    """A check-in `day` days after the start (flags: () answered no; None not asked)."""
    return CheckInView(id=day + 1, plan_id=1, date=START + dt.timedelta(days=day), pain_during=pain,
                       next_morning=NextMorning(morning), sessions_done=done, sessions_planned=planned,
                       morning_pain=mp, red_flags=flags, expected_harm=harm)


def days(first: int, last: int, every: int, pain: int, morning: str = "same", **kw) -> list[CheckInView]:
    return [c(d, pain, morning, **kw) for d in range(first, last + 1, every)]


def on(day: int) -> dt.date:
    return START + dt.timedelta(days=day)


def dose(d: Dosage | None) -> dict | None:
    return None if d is None else d.to_dict()
