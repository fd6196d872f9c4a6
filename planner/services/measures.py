"""Outcome-measure use cases: define a series, record, edit, delete and restore scores, replace an
activity, and read everything back per patient. Each call is one transaction with an audit event.

A score is linked to the plan that was current on its date (the patient's newest plan that had
started by then), so a summary can say what was measured during which plan.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import cast

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.domain.errors import NotFound, ValidationError
from planner.domain.measures import (
    MAX_ACTIVITIES,
    SPECS,
    Better,
    Instrument,
    ScorePoint,
    validate_value,
)
from planner.domain.messages import Msg, msg
from planner.store import audit
from planner.store import tables as t
from planner.store.engine import Database

MAX_LABEL = 200
MAX_UNIT = 40


@dataclass(frozen=True, slots=True)
class ScoreView:
    id: int
    measure_id: int
    date: dt.date
    value: float
    instrument: Instrument
    better: Better
    plan_id: int | None


@dataclass(frozen=True, slots=True)
class MeasureView:
    id: int
    patient_id: int
    instrument: Instrument
    label: str
    unit: str
    better: Better
    real_change: float | None
    borrowed: bool
    position: int
    started_on: dt.date
    ended_on: dt.date | None
    replaces_id: int | None
    scores: tuple[ScoreView, ...]

    @property
    def points(self) -> tuple[ScorePoint, ...]:
        return tuple(ScorePoint(s.date, s.value) for s in self.scores)

    @property
    def active(self) -> bool:
        return self.ended_on is None


MESSAGES = {
    "measure.value-range": msg("The score is outside the instrument's range."),
    "measure.gpe-code": msg("A GPE answer is a whole number from {low} to {high}.", low=1, high=7),
    "measure.whole-number": msg("Scores on this scale are whole numbers from {low} to {high}.",
                                low=0, high=10),
}


def _score_view(row: t.MeasureScore) -> ScoreView:
    return ScoreView(row.id, row.measure_id, row.date, row.value, Instrument(row.instrument),
                     Better(row.better), row.plan_id)


def _measure_view(row: t.Measure) -> MeasureView:
    instrument = Instrument(row.instrument)
    spec = SPECS.get(instrument)
    return MeasureView(
        id=row.id, patient_id=row.patient_id, instrument=instrument, label=row.label, unit=row.unit,
        better=Better(row.better), real_change=row.real_change,
        borrowed=bool(spec and spec.borrowed), position=row.position, started_on=row.started_on,
        ended_on=row.ended_on, replaces_id=row.replaces_id,
        scores=tuple(_score_view(s) for s in sorted(row.scores, key=lambda s: (s.date, s.id))),
    )


def _patient(session: Session, patient_id: int) -> t.Patient:
    row = session.get(t.Patient, patient_id)
    if row is None:
        raise NotFound(msg("Patient {patient_id} does not exist.", patient_id=str(patient_id)))
    return row


def _measure(session: Session, measure_id: int) -> t.Measure:
    row = session.get(t.Measure, measure_id)
    if row is None:
        raise NotFound(msg("Measure {measure_id} does not exist.", measure_id=str(measure_id)))
    return row


def define_measure(
    db: Database, patient_id: int, instrument: Instrument | str, *, label: str = "", unit: str = "",
    better: Better | str | None = None, real_change: float | None = None,
    started_on: dt.date | None = None,
) -> MeasureView:
    """Start a series. Standard instruments fix direction and line; own measures name both."""
    instrument = Instrument(instrument)
    label, unit = (label or "").strip(), (unit or "").strip()
    problems: dict[str, Msg] = {}
    spec = SPECS.get(instrument)
    if spec is not None:
        better, real_change = spec.better, spec.real_change
    else:
        try:
            better = Better(better or "")
        except ValueError:
            problems["better"] = msg("Choose whether a lower or a higher score is better.")
        if better is Better.NONE:
            problems["better"] = msg("Choose whether a lower or a higher score is better.")
        if real_change is not None and (not math.isfinite(real_change) or real_change <= 0):
            problems["real_change"] = msg("The line for a real change is a positive number (or leave it empty).")
    if (spec is None or spec.activities) and not label:
        problems["label"] = (msg("Write the activity in the patient's words.") if spec else msg("Give the measure a name."))
    if len(label) > MAX_LABEL:
        problems["label"] = msg("At most {n} characters.", n=MAX_LABEL)
    if len(unit) > MAX_UNIT:
        problems["unit"] = msg("At most {n} characters.", n=MAX_UNIT)
    if problems:
        raise ValidationError(problems)
    with db.transaction() as session:
        _patient(session, patient_id)
        siblings = session.scalars(
            select(t.Measure).where(t.Measure.patient_id == patient_id,
                                    t.Measure.instrument == instrument.value,
                                    t.Measure.ended_on.is_(None))
        ).all()
        if spec is not None and not spec.activities and siblings:
            raise ValidationError({"instrument": msg("This patient already has this measure: add a score to it.")})
        if spec is not None and spec.activities and len(siblings) >= MAX_ACTIVITIES:
            raise ValidationError({"label": msg("At most {n} activities: replace one instead.",
                                                n=MAX_ACTIVITIES)})
        row = t.Measure(
            patient_id=patient_id, instrument=instrument.value, label=label, unit=unit,
            better=Better(cast(Better, better)).value, real_change=real_change, position=len(siblings),
            started_on=started_on or dt.date.today(),
        )
        session.add(row)
        session.flush()
        audit.record(session, "measure.define", patient_id=patient_id, detail=instrument.value)
        return _measure_view(row)


def _current_plan_id(session: Session, patient_id: int, on: dt.date) -> int | None:
    return session.scalar(
        select(t.Plan.id)
        .where(t.Plan.patient_id == patient_id, t.Plan.is_template.is_(False),
               (t.Plan.start_date.is_(None)) | (t.Plan.start_date <= on))
        .order_by(t.Plan.start_date.desc().nulls_last(), t.Plan.id.desc())
        .limit(1)
    )


def _check_score(row: t.Measure, date: dt.date, value: float, *, today: dt.date | None) -> None:
    problems: dict[str, Msg] = {}
    key = validate_value(Instrument(row.instrument), value)
    if key:
        problems["value"] = MESSAGES[key]
    today = today or dt.date.today()
    if date > today:
        problems["date"] = msg("The date is in the future: enter the day it was measured.")
    elif row.replaces_id is not None and date < row.started_on:
        problems["date"] = msg("The date is before this activity replaced the old one: score the old one.")
    elif row.ended_on is not None and date > row.ended_on:
        problems["date"] = msg("This activity was replaced: score the new one instead.")
    spec = SPECS.get(Instrument(row.instrument))
    if spec is not None and spec.follow_up_only:
        first = _first_measured_on(row)
        if first is None or date <= first:
            problems["date"] = msg("GPE asks about change since the start: record it at a follow-up.")
    if problems:
        raise ValidationError(problems)


def _first_measured_on(row: t.Measure) -> dt.date | None:
    """GPE is never asked at intake: the patient's first measurement date of any other measure."""
    session = Session.object_session(row)
    assert session is not None
    return session.scalar(
        select(t.MeasureScore.date).join(t.Measure)
        .where(t.Measure.patient_id == row.patient_id, t.Measure.instrument != Instrument.GPE.value)
        .order_by(t.MeasureScore.date).limit(1)
    )


def record_score(
    db: Database, measure_id: int, date: dt.date, value: float, *, today: dt.date | None = None,
) -> ScoreView:
    with db.transaction() as session:
        row = _measure(session, measure_id)
        _check_score(row, date, value, today=today)
        score = t.MeasureScore(
            measure_id=row.id, date=date, value=float(value), instrument=row.instrument, better=row.better,
            plan_id=_current_plan_id(session, row.patient_id, date),
        )
        session.add(score)
        session.flush()
        audit.record(session, "measure.score", patient_id=row.patient_id, plan_id=score.plan_id,
                     detail=row.instrument)
        return _score_view(score)


def update_score(
    db: Database, score_id: int, *, date: dt.date, value: float, today: dt.date | None = None,
) -> ScoreView:
    with db.transaction() as session:
        score = session.get(t.MeasureScore, score_id)
        if score is None:
            raise NotFound(msg("Score {score_id} does not exist.", score_id=str(score_id)))
        _check_score(score.measure, date, value, today=today)
        score.date, score.value = date, float(value)
        score.plan_id = _current_plan_id(session, score.measure.patient_id, date)
        audit.record(session, "measure.edit", patient_id=score.measure.patient_id, detail=score.instrument)
        session.flush()
        return _score_view(score)


def delete_score(db: Database, score_id: int) -> ScoreView:
    """Delete a score; returns it so an undo can put it back with the same id."""
    with db.transaction() as session:
        score = session.get(t.MeasureScore, score_id)
        if score is None:
            raise NotFound(msg("Score {score_id} does not exist.", score_id=str(score_id)))
        view = _score_view(score)
        audit.record(session, "measure.delete", patient_id=score.measure.patient_id, detail=score.instrument)
        session.delete(score)
        return view


def restore_score(db: Database, view: ScoreView) -> ScoreView:
    """Undo of a delete: the same score back, with the same id."""
    with db.transaction() as session:
        row = _measure(session, view.measure_id)
        score = t.MeasureScore(id=view.id, measure_id=row.id, date=view.date, value=view.value,
                               instrument=row.instrument, better=row.better, plan_id=view.plan_id)
        session.add(score)
        session.flush()
        audit.record(session, "measure.restore", patient_id=row.patient_id, detail=row.instrument)
        return _score_view(score)


def replace_activity(db: Database, measure_id: int, new_label: str, *, on: dt.date) -> MeasureView:
    """End a PSK/PSFS activity's series and start a new one in its place (never mixed in one line)."""
    new_label = (new_label or "").strip()
    if not new_label:
        raise ValidationError({"label": msg("Write the new activity in the patient's words.")})
    if len(new_label) > MAX_LABEL:
        raise ValidationError({"label": msg("At most {n} characters.", n=MAX_LABEL)})
    with db.transaction() as session:
        old = _measure(session, measure_id)
        spec = SPECS.get(Instrument(old.instrument))
        if spec is None or not spec.activities:
            raise ValidationError({"label": msg("Only a PSK or PSFS activity can be replaced.")})
        if old.ended_on is not None:
            raise ValidationError({"label": msg("This activity was already replaced.")})
        if on < old.started_on:
            raise ValidationError({"date": msg("The date is before this activity started.")})
        old.ended_on = on
        new = t.Measure(patient_id=old.patient_id, instrument=old.instrument, label=new_label,
                        unit=old.unit, better=old.better, real_change=old.real_change,
                        position=old.position, started_on=on, replaces_id=old.id)
        session.add(new)
        session.flush()
        audit.record(session, "measure.replace", patient_id=old.patient_id, detail=old.instrument)
        return _measure_view(new)


def list_measures(db: Database, patient_id: int, *, include_ended: bool = True) -> tuple[MeasureView, ...]:
    with db.reading() as session:
        _patient(session, patient_id)
        stmt = select(t.Measure).where(t.Measure.patient_id == patient_id)
        if not include_ended:
            stmt = stmt.where(t.Measure.ended_on.is_(None))
        rows = session.scalars(stmt.order_by(t.Measure.instrument, t.Measure.position, t.Measure.id)).all()
        return tuple(_measure_view(r) for r in rows)


def record_visit(
    db: Database, patient_id: int, date: dt.date, values: dict[int, float], *, today: dt.date | None = None,
) -> tuple[ScoreView, ...]:
    """Record the scores of one visit (measure id -> value) in one transaction: all or nothing."""
    if not values:
        raise ValidationError({"values": msg("Enter at least one score.")})
    with db.transaction() as session:
        _patient(session, patient_id)
        plan_id = _current_plan_id(session, patient_id, date)
        rows = []
        for measure_id, value in values.items():
            row = _measure(session, measure_id)
            if row.patient_id != patient_id:
                raise NotFound(msg("Measure {measure_id} does not belong to patient {patient_id}.",
                                   measure_id=str(measure_id), patient_id=str(patient_id)))
            _check_score(row, date, value, today=today)
            score = t.MeasureScore(measure_id=row.id, date=date, value=float(value), instrument=row.instrument,
                                   better=row.better, plan_id=plan_id)
            session.add(score)
            rows.append(score)
        session.flush()
        audit.record(session, "measure.visit", patient_id=patient_id, plan_id=plan_id,
                     detail=f"{len(rows)} scores")
        return tuple(_score_view(s) for s in rows)


def delete_scores(db: Database, score_ids: tuple[int, ...]) -> tuple[ScoreView, ...]:
    """Delete several scores in one transaction (undo of a visit); returns them for a redo."""
    with db.transaction() as session:
        rows = [session.get(t.MeasureScore, i) for i in score_ids]
        if any(r is None for r in rows):
            raise NotFound(msg("A score of this visit no longer exists."))
        views = tuple(_score_view(r) for r in rows if r is not None)
        for row in rows:
            session.delete(row)
        if rows and rows[0] is not None:
            audit.record(session, "measure.delete", patient_id=rows[0].measure.patient_id,
                         detail=f"{len(rows)} scores")
        return views


def restore_scores(db: Database, views: tuple[ScoreView, ...]) -> tuple[ScoreView, ...]:
    """Redo of a visit after its undo: the same scores back with the same ids."""
    with db.transaction() as session:
        restored = []
        for view in views:
            row = _measure(session, view.measure_id)
            score = t.MeasureScore(id=view.id, measure_id=row.id, date=view.date, value=view.value,
                                   instrument=row.instrument, better=row.better, plan_id=view.plan_id)
            session.add(score)
            restored.append(score)
        session.flush()
        if restored:
            audit.record(session, "measure.restore", patient_id=restored[0].measure.patient_id,
                         detail=f"{len(restored)} scores")
        return tuple(_score_view(s) for s in restored)


def delete_measure(db: Database, measure_id: int) -> MeasureView:
    """Remove a series that has no scores (undo of adding it); a series with scores stays."""
    with db.transaction() as session:
        row = _measure(session, measure_id)
        if row.scores:
            raise ValidationError({"measure": msg("This measure has scores: delete those first.")})
        view = _measure_view(row)
        if row.replaces_id is not None:
            old = session.get(t.Measure, row.replaces_id)
            if old is not None:
                old.ended_on = None
        audit.record(session, "measure.remove", patient_id=row.patient_id, detail=row.instrument)
        session.delete(row)
        return view
