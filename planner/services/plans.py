"""Plan use cases: create (blank, from a template, as a copy), read, edit a plan and its phases,
templates. The items of a phase have their own module (plan_items.py).

Every mutating call is one transaction, records an audit event, bumps the plan's version and
returns PlanChanged. Pass `expected_version` (the version the user saw) to refuse a save over
another desk's newer edit with a ConflictError.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select

from planner.domain.errors import NotFound, ValidationError
from planner.domain.kinds import LANGUAGES
from planner.domain.made_words import stored_data
from planner.domain.messages import Msg, msg, worded
from planner.domain.model import PlanStatus, PlanSummary, PlanView, ProgressionMode
from planner.domain.plan_words import patient_title_message
from planner.domain.snapshot import PhaseSnapshot
from planner.domain.wizard import MAX_WEEKLY_CAP_PCT
from planner.languages import DEFAULT_LANGUAGE, listed
from planner.services.changes import PlanChanged
from planner.services.plan_rows import (
    changed,
    get_phase,
    item_row,
    load_plan,
    phase_snapshot,
    renumber,
    touch,
)
from planner.store import audit
from planner.store import tables as t
from planner.store.engine import Database
from planner.store.views import DOSAGE_COLUMNS, plan_summary, plan_view

MAX_TITLE = 200
MAX_WEEKS = 52  # of one phase
MAX_TEXT = 20_000
PLAN_FIELDS = ("title", "goal", "language", "start_date", "next_appointment", "status", "mode", "weekly_cap_pct")
PHASE_FIELDS = ("name", "weeks", "focus", "criteria")


def validate_plan_fields(fields: dict[str, Any]) -> dict[str, Msg]:
    problems: dict[str, Msg] = {}
    if "title" in fields:
        title = (fields["title"] or "").strip()
        if not title:
            problems["title"] = msg("A title is required.")
        elif len(title) > MAX_TITLE:
            problems["title"] = msg("At most {n} characters.", n=MAX_TITLE)
    if len(fields.get("goal") or "") > MAX_TEXT:
        problems["goal"] = msg("At most {n} characters.", n=MAX_TEXT)
    if "language" in fields and fields["language"] not in LANGUAGES:
        problems["language"] = msg("Choose one of these languages: {choices}.", choices=listed())
    if "status" in fields:
        try:
            PlanStatus(fields["status"])
        except ValueError:
            problems["status"] = msg("Choose draft, active or finished.")
    if "mode" in fields:
        try:
            ProgressionMode(fields["mode"])
        except ValueError:
            problems["mode"] = msg("Choose time or pain.")
    if "weekly_cap_pct" in fields:
        cap = fields["weekly_cap_pct"]
        if not isinstance(cap, int) or not 1 <= cap <= MAX_WEEKLY_CAP_PCT:
            problems["weekly_cap_pct"] = msg("Between {low} and {high} percent.",
                                             low=1, high=MAX_WEEKLY_CAP_PCT)
    start = fields.get("start_date")
    if start is not None and (not isinstance(start, dt.date) or not 2000 <= start.year <= 2100):
        problems["start_date"] = msg("Not a valid date.")
    return problems


def validate_phase_fields(fields: dict[str, Any]) -> dict[str, Msg]:
    problems: dict[str, Msg] = {}
    if "name" in fields and len(fields["name"] or "") > MAX_TITLE:
        problems["name"] = msg("At most {n} characters.", n=MAX_TITLE)
    if "weeks" in fields:
        weeks = fields["weeks"]
        if not isinstance(weeks, int) or isinstance(weeks, bool) or not 1 <= weeks <= MAX_WEEKS:
            problems["weeks"] = msg("Between {low} and {high} weeks.", low=1, high=MAX_WEEKS)
    for key in ("focus", "criteria"):
        if len(fields.get(key) or "") > MAX_TEXT:
            problems[key] = msg("At most {n} characters.", n=MAX_TEXT)
    return problems


# ---- reading -----------------------------------------------------------------------------------


def get_plan(db: Database, plan_id: int) -> PlanView:
    """The whole plan with phases, items and their blocks, in one read."""
    with db.reading() as session:
        return plan_view(load_plan(session, plan_id))


def list_plans(db: Database, patient_id: int, *, include_archived: bool = False) -> list[PlanSummary]:
    """A patient's plans, most recently changed first."""
    phase_count = (
        select(func.count(t.Phase.id)).where(t.Phase.plan_id == t.Plan.id).correlate(t.Plan).scalar_subquery()
    )
    stmt = (
        select(t.Plan, phase_count)
        .where(t.Plan.patient_id == patient_id)
        .order_by(t.Plan.updated_at.desc(), t.Plan.id.desc())
    )
    if not include_archived:
        stmt = stmt.where(t.Plan.archived.is_(False))
    with db.reading() as session:
        return [plan_summary(row, n) for row, n in session.execute(stmt)]


def plan_version(db: Database, plan_id: int) -> int:
    """The plan's current version (a cheap read to notice another desk's save)."""
    with db.reading() as session:
        version = session.scalar(select(t.Plan.version).where(t.Plan.id == plan_id))
        if version is None:
            raise NotFound(msg("Plan {plan_id} does not exist.", plan_id=str(plan_id)))
        return version


def item_plan_id(db: Database, item_id: int) -> int:
    with db.reading() as session:
        row = session.get(t.PlanItem, item_id)
        if row is None:
            raise NotFound(msg("Plan item {item_id} does not exist.", item_id=str(item_id)))
        return row.phase.plan_id


# ---- plans --------------------------------------------------------------------------------------


def create_plan(
    db: Database,
    *,
    patient_id: int | None,
    title: str,
    goal: str = "",
    language: str | None = None,
    start_date: dt.date | None = None,
    phases: list[dict[str, Any]] | None = None,
    mode: str = "time",  # time-contingent (graded activity): the default for persistent pain
) -> PlanView:
    """A new draft plan for a patient (or a template when patient_id is None)."""
    fields: dict[str, Any] = {"title": title, "goal": goal, "start_date": start_date, "mode": mode}
    if language is not None:
        fields["language"] = language
    problems = validate_plan_fields(fields)
    for phase in phases or []:
        problems.update(validate_phase_fields(phase))
    if problems:
        raise ValidationError(problems)
    with db.transaction() as session:
        patient = None
        if patient_id is not None:
            patient = session.get(t.Patient, patient_id)
            if patient is None:
                raise NotFound(msg("Patient {patient_id} does not exist.", patient_id=str(patient_id)))
        plan = t.Plan(
            patient=patient,
            is_template=patient is None,
            title=title.strip(),
            goal=goal,
            language=language or (patient.language if patient else DEFAULT_LANGUAGE),
            start_date=start_date,
            mode=mode,
        )
        if patient is not None:  # the title the new-plan dialog fills in, left as it was: a made title
            made = patient_title_message(patient.name)
            plan.made_title = stored_data(made) if worded(made, plan.language) == plan.title else None
        for index, phase in enumerate(phases or []):
            plan.phases.append(t.Phase(position=index, **{k: phase[k] for k in PHASE_FIELDS if k in phase}))
        session.add(plan)
        session.flush()
        if patient is not None:
            patient.updated_at = t.utcnow()
        audit.record(session, "plan.create", patient_id=patient_id, plan_id=plan.id)
        session.flush()
        return plan_view(load_plan(session, plan.id))


def _copy_phases(source: t.Plan, target: t.Plan) -> None:
    for phase in source.phases:
        new_phase = t.Phase(
            position=phase.position, name=phase.name, weeks=phase.weeks, focus=phase.focus,
            criteria=phase.criteria, made_words=phase.made_words,
        )
        for item in phase.items:
            new_phase.items.append(_copy_item(item))
        target.phases.append(new_phase)


def _copy_item(item: t.PlanItem) -> t.PlanItem:
    return t.PlanItem(
        position=item.position,
        block_id=item.block_id,
        patient_note=item.patient_note,
        private_note=item.private_note,
        **{name: getattr(item, name) for name in DOSAGE_COLUMNS},
    )


def create_from_template(
    db: Database, template_id: int, *, patient_id: int, start_date: dt.date | None = None,
    title: str | None = None, goal: str | None = None,
) -> PlanView:
    """A new draft plan for a patient with the phases and items of a template."""
    with db.transaction() as session:
        template = load_plan(session, template_id)
        if not template.is_template:
            raise ValidationError({"template": msg("That plan is not a template.")})
        patient = session.get(t.Patient, patient_id)
        if patient is None:
            raise NotFound(msg("Patient {patient_id} does not exist.", patient_id=str(patient_id)))
        plan = t.Plan(
            patient=patient,
            is_template=False,
            title=(title or template.title).strip()[:MAX_TITLE],
            goal=goal if goal is not None else template.goal,
            language=template.language,
            start_date=start_date or dt.date.today(),
            mode=template.mode,
            weekly_cap_pct=template.weekly_cap_pct,
            made_title=template.made_title if title is None else None,
        )
        _copy_phases(template, plan)
        session.add(plan)
        session.flush()
        patient.updated_at = t.utcnow()
        audit.record(session, "plan.from-template", patient_id=patient_id, plan_id=plan.id,
                     detail=template.template_key or str(template.id))
        session.flush()
        return plan_view(load_plan(session, plan.id))


def duplicate_plan(db: Database, plan_id: int, *, as_template: bool = False, title: str | None = None) -> PlanView:
    """A copy of a plan as a new draft for the same patient, or as a clinic template."""
    with db.transaction() as session:
        source = load_plan(session, plan_id)
        copy = t.Plan(
            patient=None if as_template else source.patient,
            is_template=as_template or source.is_template,
            title=(title or source.title).strip()[:MAX_TITLE] or source.title,
            goal="" if as_template else source.goal,
            language=source.language,
            start_date=None if as_template else source.start_date,
            mode=source.mode,
            weekly_cap_pct=source.weekly_cap_pct,
            made_title=source.made_title if title is None else None,
        )
        _copy_phases(source, copy)
        if as_template:  # a template never carries one patient's private notes
            for phase in copy.phases:
                for item in phase.items:
                    item.private_note = ""
        session.add(copy)
        session.flush()
        audit.record(session, "plan.save-as-template" if as_template else "plan.duplicate",
                     patient_id=copy.patient_id, plan_id=copy.id, detail=f"from plan {plan_id}")
        session.flush()
        return plan_view(load_plan(session, copy.id))


def update_plan(db: Database, plan_id: int, *, expected_version: int | None = None, **fields: Any) -> PlanChanged:
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"unknown plan fields: {sorted(unknown)}")
    problems = validate_plan_fields(fields)
    if problems:
        raise ValidationError(problems)
    with db.transaction() as session:
        plan = load_plan(session, plan_id, blocks=False)
        touch(session, plan, expected_version, "plan.update", ", ".join(sorted(fields)))
        for key, value in fields.items():
            setattr(plan, key, value.strip() if key == "title" else value)
        return changed(session, plan)


def archive_plan(db: Database, plan_id: int, *, archived: bool = True) -> PlanChanged:
    with db.transaction() as session:
        plan = load_plan(session, plan_id, blocks=False)
        touch(session, plan, None, "plan.archive" if archived else "plan.restore")
        plan.archived = archived
        return changed(session, plan)


# ---- phases -------------------------------------------------------------------------------------


def add_phase(
    db: Database, plan_id: int, *, position: int | None = None, expected_version: int | None = None,
    **fields: Any,
) -> tuple[PlanChanged, int]:
    """Insert a phase (at the end by default); returns the change and the new phase's id."""
    fields = {"name": "", "weeks": 2, **{k: v for k, v in fields.items() if k in PHASE_FIELDS}}
    return _insert_phase(db, plan_id, PhaseSnapshot(**fields), position, expected_version)


def restore_phase(db: Database, plan_id: int, snapshot: PhaseSnapshot, *,
                  expected_version: int | None = None) -> tuple[PlanChanged, int]:
    """Undo of remove_phase: the same phase with its items back at its place, with the same ids."""
    return _insert_phase(db, plan_id, snapshot, snapshot.position, expected_version)


def _insert_phase(db: Database, plan_id: int, snapshot: PhaseSnapshot, position: int | None,
                  expected_version: int | None) -> tuple[PlanChanged, int]:
    fields = {name: getattr(snapshot, name) for name in PHASE_FIELDS}
    problems = validate_phase_fields(fields)
    if problems:
        raise ValidationError(problems)
    with db.transaction() as session:
        plan = load_plan(session, plan_id, blocks=False)
        touch(session, plan, expected_version, "phase.add")
        phase = t.Phase(id=snapshot.phase_id, made_words=snapshot.made.to_data(), **fields)
        phase.items.extend(item_row(item) for item in snapshot.items)
        renumber(phase.items)
        phases = list(plan.phases)
        index = len(phases) if position is None else max(0, min(position, len(phases)))
        phases.insert(index, phase)
        plan.phases[:] = phases
        renumber(plan.phases)
        session.flush()
        return changed(session, plan), phase.id


def update_phase(db: Database, phase_id: int, *, expected_version: int | None = None, **fields: Any) -> PlanChanged:
    unknown = set(fields) - set(PHASE_FIELDS)
    if unknown:
        raise TypeError(f"unknown phase fields: {sorted(unknown)}")
    problems = validate_phase_fields(fields)
    if problems:
        raise ValidationError(problems)
    with db.transaction() as session:
        phase = get_phase(session, phase_id)
        plan = load_plan(session, phase.plan_id, blocks=False)
        touch(session, plan, expected_version, "phase.update", ", ".join(sorted(fields)))
        for key, value in fields.items():
            setattr(phase, key, value)
        return changed(session, plan)


def remove_phase(db: Database, phase_id: int, *, expected_version: int | None = None) -> tuple[PlanChanged, PhaseSnapshot]:
    """Delete a phase with its items; returns the snapshot that restore_phase puts back exactly."""
    with db.transaction() as session:
        phase = get_phase(session, phase_id)
        plan = load_plan(session, phase.plan_id, blocks=False)
        touch(session, plan, expected_version, "phase.remove", phase.name)
        snapshot = phase_snapshot(phase)
        plan.phases.remove(phase)
        session.delete(phase)
        renumber(plan.phases)
        return changed(session, plan), snapshot


def move_phase(db: Database, phase_id: int, position: int, *, expected_version: int | None = None) -> PlanChanged:
    with db.transaction() as session:
        phase = get_phase(session, phase_id)
        plan = load_plan(session, phase.plan_id, blocks=False)
        touch(session, plan, expected_version, "phase.move")
        phases = [p for p in plan.phases if p.id != phase_id]
        phases.insert(max(0, min(position, len(phases))), phase)
        plan.phases[:] = phases
        renumber(plan.phases)
        return changed(session, plan)


def duplicate_phase(db: Database, phase_id: int, *, expected_version: int | None = None) -> tuple[PlanChanged, int]:
    """A copy of a phase (with its items) right after it."""
    with db.transaction() as session:
        phase = get_phase(session, phase_id)
        plan = load_plan(session, phase.plan_id, blocks=False)
        touch(session, plan, expected_version, "phase.duplicate", phase.name)
        copy = t.Phase(name=phase.name, weeks=phase.weeks, focus=phase.focus, criteria=phase.criteria,
                       made_words=phase.made_words)
        for item in phase.items:
            copy.items.append(_copy_item(item))
        phases = list(plan.phases)
        phases.insert(phases.index(phase) + 1, copy)
        plan.phases[:] = phases
        renumber(plan.phases)
        session.flush()
        return changed(session, plan), copy.id
