"""The review of a plan and accepting its proposal (the GUI and the command line use these).

`plan_review` reads the plan and its check-ins in one snapshot and returns the review, the
proposal and the exposure ladder's status. `accept_review` applies the proposal in one transaction
(item dosages, the current phase, the review log, the ladder's rung) and returns the plan's
review state before and after, so the window can undo and redo it (`restore_review_state`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select

from planner.domain.errors import NotFound
from planner.domain.exposure import ExposureStatus, exposure_status
from planner.domain.measures import SPECS, Instrument, ScorePoint, nprs_rise
from planner.domain.messages import msg
from planner.domain.model import CheckInView, PlanView
from planner.domain.review import Outcome, Review, review_plan
from planner.domain.review_words import nprs_rise_words
from planner.domain.roadmap import Action, Proposal, accepted_entry, propose
from planner.domain.schedule import current_index, older_adult
from planner.services.changes import PlanChanged
from planner.services.plan_rows import changed as _changed
from planner.services.plan_rows import load_plan as _load
from planner.services.plan_rows import touch as _touch
from planner.store import tables as t
from planner.store.engine import Database
from planner.store.views import DOSAGE_COLUMNS, checkin_view, plan_view


@dataclass(frozen=True, slots=True)
class PlanReview:
    plan: PlanView
    checkins: tuple[CheckInView, ...]
    review: Review
    proposal: Proposal
    exposure: ExposureStatus | None
    today: dt.date


def with_nprs_rise(review: Review, nprs: Sequence[ScorePoint], today: dt.date) -> Review:
    """The review with a reason added when NPRS rose by the line for a real change since the last
    measurement (scores up to `today`); the advice itself stays as the check-ins say."""
    points = sorted((p for p in nprs if p.date <= today), key=lambda p: p.date)
    rise = nprs_rise(points)
    line = SPECS[Instrument.NPRS].real_change
    if rise is None or line is None:
        return review
    return review.adding(nprs_rise_words(points[-2].value, points[-1].value, line))


def review_of(plan: PlanView, checkins: tuple[CheckInView, ...], today: dt.date,
              nprs: Sequence[ScorePoint] = ()) -> PlanReview:
    """The review and proposal of a plan already read (pure); `nprs`: the patient's NPRS scores."""
    older = older_adult(plan, today)
    review = with_nprs_rise(review_plan(plan, checkins, today=today, older=older), nprs, today)
    proposal = propose(plan, review, today=today, older=older)
    status = None
    if plan.exposure is not None and plan.exposure.rungs:
        status = exposure_status(plan.exposure, [c for c in checkins if c.date <= today],
                                 stopped=review.outcome is Outcome.STOP)
    return PlanReview(plan, checkins, review, proposal, status, today)


def plan_review(db: Database, plan_id: int, *, today: dt.date | None = None) -> PlanReview:
    today = today or dt.date.today()
    with db.reading() as session:
        row = _load(session, plan_id)
        plan = plan_view(row)
        checkins = tuple(checkin_view(c) for c in sorted(row.checkins, key=lambda c: (c.date, c.id)))
        nprs = nprs_points(session, row.patient_id)
    return review_of(plan, checkins, today, nprs)


def nprs_points(session: Any, patient_id: int | None) -> list[ScorePoint]:
    """The patient's NPRS scores (none for a template), read in the caller's snapshot."""
    if patient_id is None:
        return []
    scores = session.scalars(select(t.MeasureScore).join(t.Measure).where(
        t.Measure.patient_id == patient_id, t.Measure.instrument == Instrument.NPRS.value))
    return [ScorePoint(s.date, s.value) for s in scores]


def _state(row: t.Plan) -> dict[str, Any]:
    return {
        "current_phase_id": row.current_phase_id,
        "review_log": list(row.review_log or []),
        "exposure": dict(row.exposure) if row.exposure else None,
        "items": {str(item.id): {name: getattr(item, name) for name in DOSAGE_COLUMNS}
                  for phase in row.phases for item in phase.items},
    }


def _restore(session: Any, row: t.Plan, state: dict[str, Any]) -> None:  # noqa: ARG001 - TODO(engine2): `session` is unused
    row.current_phase_id = state["current_phase_id"]
    row.review_log = list(state["review_log"])
    row.exposure = state["exposure"]
    items = {str(item.id): item for phase in row.phases for item in phase.items}
    for item_id, values in state["items"].items():
        item = items.get(item_id)
        if item is not None:
            for name, value in values.items():
                setattr(item, name, value)


@dataclass(frozen=True, slots=True)
class Accepted:
    change: PlanChanged
    review: PlanReview
    before: dict[str, Any]
    after: dict[str, Any]

    def lines(self, lang: str) -> list[str]:
        """What changed, one line each (for the command line and the window's status)."""
        p = self.review
        out = [p.proposal.summary(lang)]
        for c in p.proposal.items:
            out.append(f"{c.block.key}: {_short(c.before)} -> {_short(c.after)}")
        if p.exposure is not None and p.exposure.move_on:
            out.append(p.exposure.reason(lang))
        return out


def _short(d: Any) -> str:
    return "none" if d is None else ", ".join(f"{k} {v:g}" if isinstance(v, float) else f"{k} {v}"
                                              for k, v in d.to_dict().items())


def accept_review(db: Database, plan_id: int, *, today: dt.date | None = None,
                  expected_version: int | None = None) -> Accepted:
    """Apply the review's proposal as one edit of the plan (see the module docstring)."""
    today = today or dt.date.today()
    current = plan_review(db, plan_id, today=today)
    proposal = current.proposal
    with db.transaction() as session:
        row = _load(session, plan_id)
        before = _state(row)
        _touch(session, row, expected_version if expected_version is not None else current.plan.version,
               "plan.review", f"{current.review.outcome.value}/{proposal.action.value}")
        if row.current_phase_id is None and row.phases:  # from now on the roadmap stores where the patient is
            row.current_phase_id = row.phases[current_index(current.plan, today)].id
        items = {item.id: item for phase in row.phases for item in phase.items}
        for change in proposal.items:
            item = items.get(change.item_id)
            if item is None:
                raise NotFound(msg("An exercise of this proposal is no longer in the plan; review again."))
            if change.after is not None:
                for name in DOSAGE_COLUMNS:
                    setattr(item, name, getattr(change.after, name))
        if proposal.action is Action.MOVE_ON and proposal.to_phase_id is not None:
            row.current_phase_id = proposal.to_phase_id
        entry = accepted_entry(proposal, current.plan, today)
        if entry is not None:
            row.review_log = [*(row.review_log or []), entry.to_json()]
        if (current.exposure is not None and current.exposure.move_on and current.exposure.next_rung is not None
                and current.plan.exposure is not None):
            ladder = replace(current.plan.exposure, current=current.exposure.next_rung, since=today)
            row.exposure = ladder.to_json()
        session.flush()
        after = _state(row)
        return Accepted(_changed(session, row), current, before, after)


def restore_review_state(db: Database, plan_id: int, state: dict[str, Any], *,
                         expected_version: int | None = None) -> PlanChanged:
    """Put the plan's review state back (undo or redo of accepting a review)."""
    with db.transaction() as session:
        row = _load(session, plan_id)
        _touch(session, row, expected_version, "plan.review-undo")
        _restore(session, row, state)
        return _changed(session, row)


def clear_red_flags(db: Database, plan_id: int, *, today: dt.date | None = None,
                    expected_version: int | None = None) -> PlanChanged:
    """The therapist has seen the red flags reported up to `today` and dealt with them: from now on
    only flags reported after today stop the plan (a review-log entry; undoable like a review)."""
    from planner.domain.model import ReviewEntry
    from planner.domain.review import FLAGS_SEEN

    today = today or dt.date.today()
    with db.transaction() as session:
        row = _load(session, plan_id)
        _touch(session, row, expected_version, "plan.red-flag-seen", today.isoformat())
        row.review_log = [*(row.review_log or []), ReviewEntry(today, FLAGS_SEEN).to_json()]
        return _changed(session, row)


def tick_rung(db: Database, plan_id: int, rung: int, *, practised: bool = True,
              expected_version: int | None = None) -> PlanChanged:
    """The therapist's tick: the first time at `rung` of the plan's exposure ladder was done in the practice."""
    from planner.domain.errors import ValidationError
    from planner.domain.model import ExposureLadder

    with db.transaction() as session:
        row = _load(session, plan_id)
        ladder = ExposureLadder.from_json(row.exposure)
        if ladder is None or not 0 <= rung < len(ladder.rungs):
            raise ValidationError({"rung": msg("This plan has no such rung on an exposure ladder.")})
        _touch(session, row, expected_version, "plan.exposure-tick", str(rung))
        rungs = list(ladder.rungs)
        rungs[rung] = replace(rungs[rung], practised=practised)
        row.exposure = replace(ladder, rungs=tuple(rungs)).to_json()
        return _changed(session, row)


def tick_practice(db: Database, plan_id: int, block_key: str, level: int, *, done: bool = True,
                  expected_version: int | None = None) -> PlanChanged:
    """The therapist's tick: balance rung `level` of `block_key` was done safely in the practice."""
    with db.transaction() as session:
        row = _load(session, plan_id)
        _touch(session, row, expected_version, "plan.practice-tick", f"{block_key} {level}")
        ticks = {(str(k), int(lv)) for k, lv in row.practice_ticks or ()}
        ticks = ticks | {(block_key, level)} if done else ticks - {(block_key, level)}
        row.practice_ticks = [list(t_) for t_ in sorted(ticks)]
        return _changed(session, row)
