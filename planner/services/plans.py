"""Plan use cases: create (blank, from a template, as a copy), edit phases and items, templates.

Every mutating call is one transaction, records an audit event, bumps the plan's version and
returns PlanChanged. Pass `expected_version` (the version the user saw) to refuse a save over
another desk's newer edit with a ConflictError.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from planner.domain.dosage import Dosage, validate
from planner.domain.errors import ConflictError, NotFound, ValidationError
from planner.domain.kinds import LANGUAGES
from planner.domain.messages import Msg, msg
from planner.domain.model import PlanStatus, PlanSummary, PlanView, ProgressionMode
from planner.domain.wizard import MAX_WEEKLY_CAP_PCT
from planner.languages import listed
from planner.services.changes import PlanChanged
from planner.store import audit
from planner.store import tables as t
from planner.store.engine import Database
from planner.store.views import DOSAGE_COLUMNS, item_dosage, plan_summary, plan_view

MAX_TITLE = 200
MAX_WEEKS = 52  # of one phase
MAX_TEXT = 20_000
PLAN_FIELDS = ("title", "goal", "language", "start_date", "next_appointment", "status", "mode", "weekly_cap_pct")
PHASE_FIELDS = ("name", "weeks", "focus", "criteria")


def _plan_query(plan_id: int, *, blocks: bool = True):
    items = selectinload(t.Plan.phases).selectinload(t.Phase.items)
    return (
        select(t.Plan)
        .where(t.Plan.id == plan_id)
        .options(
            items if blocks else items.lazyload(t.PlanItem.block),
            selectinload(t.Plan.patient),
        )
    )


def _load(session: Session, plan_id: int, *, blocks: bool = True) -> t.Plan:
    """The plan with its phases, items and patient; `blocks=False` for an edit, which needs the
    structure but not every item's block with its texts (read on access if an edit does need one)."""
    row = session.scalars(_plan_query(plan_id, blocks=blocks)).first()
    if row is None:
        raise NotFound(msg("Plan {plan_id} does not exist.", plan_id=str(plan_id)))
    return row


def _touch(session: Session, plan: t.Plan, expected_version: int | None, action: str, detail: str = "") -> None:
    """Check the version the user saw, mark the plan changed (bumps its version) and audit it."""
    if expected_version is not None and plan.version != expected_version:
        raise ConflictError.plan_changed(plan.title, plan.version, expected_version)
    now = t.utcnow()
    plan.updated_at = now
    if plan.patient is not None:
        plan.patient.updated_at = now
    audit.record(session, action, patient_id=plan.patient_id, plan_id=plan.id, detail=detail)


def _changed(session: Session, plan: t.Plan) -> PlanChanged:
    session.flush()
    return PlanChanged(plan.id, plan.version)


def _renumber(rows: list[Any]) -> None:
    for index, row in enumerate(rows):
        row.position = index


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
        return plan_view(_load(session, plan_id))


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
            language=language or (patient.language if patient else "nl"),
            start_date=start_date,
            mode=mode,
        )
        for index, phase in enumerate(phases or []):
            plan.phases.append(t.Phase(position=index, **{k: phase[k] for k in PHASE_FIELDS if k in phase}))
        session.add(plan)
        session.flush()
        if patient is not None:
            patient.updated_at = t.utcnow()
        audit.record(session, "plan.create", patient_id=patient_id, plan_id=plan.id)
        session.flush()
        return plan_view(_load(session, plan.id))


def _copy_phases(source: t.Plan, target: t.Plan) -> None:
    for phase in source.phases:
        new_phase = t.Phase(
            position=phase.position, name=phase.name, weeks=phase.weeks, focus=phase.focus,
            criteria=phase.criteria,
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
        template = _load(session, template_id)
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
        )
        _copy_phases(template, plan)
        session.add(plan)
        session.flush()
        patient.updated_at = t.utcnow()
        audit.record(session, "plan.from-template", patient_id=patient_id, plan_id=plan.id,
                     detail=template.template_key or str(template.id))
        session.flush()
        return plan_view(_load(session, plan.id))


def duplicate_plan(db: Database, plan_id: int, *, as_template: bool = False, title: str | None = None) -> PlanView:
    """A copy of a plan as a new draft for the same patient, or as a clinic template."""
    with db.transaction() as session:
        source = _load(session, plan_id)
        copy = t.Plan(
            patient=None if as_template else source.patient,
            is_template=as_template or source.is_template,
            title=(title or source.title).strip()[:MAX_TITLE] or source.title,
            goal="" if as_template else source.goal,
            language=source.language,
            start_date=None if as_template else source.start_date,
            mode=source.mode,
            weekly_cap_pct=source.weekly_cap_pct,
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
        return plan_view(_load(session, copy.id))


def update_plan(db: Database, plan_id: int, *, expected_version: int | None = None, **fields: Any) -> PlanChanged:
    unknown = set(fields) - set(PLAN_FIELDS)
    if unknown:
        raise TypeError(f"unknown plan fields: {sorted(unknown)}")
    problems = validate_plan_fields(fields)
    if problems:
        raise ValidationError(problems)
    with db.transaction() as session:
        plan = _load(session, plan_id, blocks=False)
        _touch(session, plan, expected_version, "plan.update", ", ".join(sorted(fields)))
        for key, value in fields.items():
            setattr(plan, key, value.strip() if key == "title" else value)
        return _changed(session, plan)


def archive_plan(db: Database, plan_id: int, *, archived: bool = True) -> PlanChanged:
    with db.transaction() as session:
        plan = _load(session, plan_id, blocks=False)
        _touch(session, plan, None, "plan.archive" if archived else "plan.restore")
        plan.archived = archived
        return _changed(session, plan)


# ---- phases -------------------------------------------------------------------------------------


def add_phase(
    db: Database, plan_id: int, *, position: int | None = None, expected_version: int | None = None,
    phase_id: int | None = None, items: list[dict[str, Any]] | None = None, **fields: Any,
) -> tuple[PlanChanged, int]:
    """Insert a phase (at the end by default); returns the change and the new phase's id.

    `phase_id` and `items` (snapshots from remove_phase) let undo restore a phase exactly.
    """
    fields = {k: v for k, v in fields.items() if k in PHASE_FIELDS}
    problems = validate_phase_fields(fields)
    if problems:
        raise ValidationError(problems)
    with db.transaction() as session:
        plan = _load(session, plan_id, blocks=False)
        _touch(session, plan, expected_version, "phase.add")
        phase = t.Phase(id=phase_id, **fields)
        for snapshot in items or []:
            phase.items.append(_item_from_snapshot(snapshot))
        _renumber(phase.items)
        phases = list(plan.phases)
        index = len(phases) if position is None else max(0, min(position, len(phases)))
        phases.insert(index, phase)
        plan.phases[:] = phases
        _renumber(plan.phases)
        session.flush()
        return _changed(session, plan), phase.id


def update_phase(db: Database, phase_id: int, *, expected_version: int | None = None, **fields: Any) -> PlanChanged:
    unknown = set(fields) - set(PHASE_FIELDS)
    if unknown:
        raise TypeError(f"unknown phase fields: {sorted(unknown)}")
    problems = validate_phase_fields(fields)
    if problems:
        raise ValidationError(problems)
    with db.transaction() as session:
        phase = _get_phase(session, phase_id)
        plan = _load(session, phase.plan_id, blocks=False)
        _touch(session, plan, expected_version, "phase.update", ", ".join(sorted(fields)))
        for key, value in fields.items():
            setattr(phase, key, value)
        return _changed(session, plan)


def _get_phase(session: Session, phase_id: int) -> t.Phase:
    phase = session.get(t.Phase, phase_id)
    if phase is None:
        raise NotFound(msg("Phase {phase_id} does not exist.", phase_id=str(phase_id)))
    return phase


def phase_snapshot(phase: t.Phase) -> dict[str, Any]:
    return {
        "phase_id": phase.id,
        "position": phase.position,
        **{k: getattr(phase, k) for k in PHASE_FIELDS},
        "items": [item_snapshot(item) for item in phase.items],
    }


def remove_phase(db: Database, phase_id: int, *, expected_version: int | None = None) -> tuple[PlanChanged, dict[str, Any]]:
    """Delete a phase with its items; returns a snapshot that add_phase(**snapshot) restores."""
    with db.transaction() as session:
        phase = _get_phase(session, phase_id)
        plan = _load(session, phase.plan_id, blocks=False)
        _touch(session, plan, expected_version, "phase.remove", phase.name)
        snapshot = phase_snapshot(phase)
        plan.phases.remove(phase)
        session.delete(phase)
        _renumber(plan.phases)
        return _changed(session, plan), snapshot


def move_phase(db: Database, phase_id: int, position: int, *, expected_version: int | None = None) -> PlanChanged:
    with db.transaction() as session:
        phase = _get_phase(session, phase_id)
        plan = _load(session, phase.plan_id, blocks=False)
        _touch(session, plan, expected_version, "phase.move")
        phases = [p for p in plan.phases if p.id != phase_id]
        phases.insert(max(0, min(position, len(phases))), phase)
        plan.phases[:] = phases
        _renumber(plan.phases)
        return _changed(session, plan)


def duplicate_phase(db: Database, phase_id: int, *, expected_version: int | None = None) -> tuple[PlanChanged, int]:
    """A copy of a phase (with its items) right after it."""
    with db.transaction() as session:
        phase = _get_phase(session, phase_id)
        plan = _load(session, phase.plan_id, blocks=False)
        _touch(session, plan, expected_version, "phase.duplicate", phase.name)
        copy = t.Phase(name=phase.name, weeks=phase.weeks, focus=phase.focus, criteria=phase.criteria)
        for item in phase.items:
            copy.items.append(_copy_item(item))
        phases = list(plan.phases)
        phases.insert(phases.index(phase) + 1, copy)
        plan.phases[:] = phases
        _renumber(plan.phases)
        session.flush()
        return _changed(session, plan), copy.id


# ---- items --------------------------------------------------------------------------------------


def item_snapshot(item: t.PlanItem) -> dict[str, Any]:
    """Everything needed to put an item back exactly (same id, place, dosage and notes)."""
    return {
        "item_id": item.id,
        "phase_id": item.phase_id,
        "position": item.position,
        "block_id": item.block_id,
        "dosage": item_dosage(item).to_dict(),
        "patient_note": item.patient_note,
        "private_note": item.private_note,
    }


def _item_from_snapshot(snapshot: dict[str, Any]) -> t.PlanItem:
    return t.PlanItem(
        id=snapshot.get("item_id"),
        block_id=snapshot["block_id"],
        patient_note=snapshot.get("patient_note", ""),
        private_note=snapshot.get("private_note", ""),
        **Dosage.from_dict(snapshot.get("dosage")).to_dict(),
    )


def _check_dosage(dosage: dict[str, Any]) -> Dosage:
    try:
        value = Dosage.from_dict(dosage)
    except (TypeError, ValueError) as error:
        raise ValidationError({"dosage": str(error)}) from error
    problems = validate(value)
    if problems:
        raise ValidationError(problems)
    return value


def add_item(
    db: Database, phase_id: int, block_id: int, *, position: int | None = None,
    dosage: dict[str, Any] | None = None, patient_note: str = "", private_note: str = "",
    item_id: int | None = None, expected_version: int | None = None,
) -> tuple[PlanChanged, int]:
    """Place a block in a phase (with the block's default dosage unless given); returns its id."""
    with db.transaction() as session:
        phase = _get_phase(session, phase_id)
        block = session.get(t.Block, block_id)
        if block is None:
            raise NotFound(msg("Block {block_id} does not exist.", block_id=str(block_id)))
        plan = _load(session, phase.plan_id, blocks=False)
        _touch(session, plan, expected_version, "item.add", block.key)
        values = _check_dosage(dosage if dosage is not None else block.dosage)
        item = t.PlanItem(
            id=item_id, block_id=block.id, patient_note=patient_note, private_note=private_note,
            **values.to_dict(),
        )
        items = list(phase.items)
        items.insert(len(items) if position is None else max(0, min(position, len(items))), item)
        phase.items[:] = items
        _renumber(phase.items)
        session.flush()
        return _changed(session, plan), item.id


def restore_item(db: Database, snapshot: dict[str, Any], *, expected_version: int | None = None) -> PlanChanged:
    """Undo of remove_item: the same item back at the same place."""
    change, _ = add_item(
        db, snapshot["phase_id"], snapshot["block_id"], position=snapshot["position"],
        dosage=snapshot.get("dosage", {}), patient_note=snapshot.get("patient_note", ""),
        private_note=snapshot.get("private_note", ""), item_id=snapshot["item_id"],
        expected_version=expected_version,
    )
    return change


def _get_item(session: Session, item_id: int) -> t.PlanItem:
    item = session.get(t.PlanItem, item_id)
    if item is None:
        raise NotFound(msg("Plan item {item_id} does not exist.", item_id=str(item_id)))
    return item


def get_item_snapshot(db: Database, item_id: int) -> dict[str, Any]:
    with db.reading() as session:
        return item_snapshot(_get_item(session, item_id))


def update_item(
    db: Database, item_id: int, *, dosage: dict[str, Any] | None = None, patient_note: str | None = None,
    private_note: str | None = None, replace_dosage: bool = False, expected_version: int | None = None,
) -> PlanChanged:
    """Change an item's dosage fields (merged, or replaced whole) and/or its notes."""
    with db.transaction() as session:
        item = _get_item(session, item_id)
        plan = _load(session, item.phase.plan_id, blocks=False)
        _touch(session, plan, expected_version, "item.update")
        if dosage is not None:
            current = Dosage() if replace_dosage else item_dosage(item)
            merged = _check_dosage({**current.to_dict(), **dosage})
            for name in DOSAGE_COLUMNS:
                setattr(item, name, getattr(merged, name))
        for name, value in (("patient_note", patient_note), ("private_note", private_note)):
            if value is not None:
                if len(value) > MAX_TEXT:
                    raise ValidationError({name: msg("At most {n} characters.", n=MAX_TEXT)})
                setattr(item, name, value)
        return _changed(session, plan)


def clear_item_fields(db: Database, item_id: int, names: list[str], *, expected_version: int | None = None) -> PlanChanged:
    """Set dosage fields back to 'does not apply'."""
    with db.transaction() as session:
        item = _get_item(session, item_id)
        plan = _load(session, item.phase.plan_id, blocks=False)
        _touch(session, plan, expected_version, "item.update")
        for name in names:
            if name in DOSAGE_COLUMNS:
                setattr(item, name, None)
        return _changed(session, plan)


def move_item(
    db: Database, item_id: int, *, phase_id: int, position: int, expected_version: int | None = None,
) -> PlanChanged:
    """Move an item to `position` in `phase_id` (the same or another phase of the same plan)."""
    with db.transaction() as session:
        item = _get_item(session, item_id)
        source = item.phase
        target = _get_phase(session, phase_id)
        if target.plan_id != source.plan_id:
            raise ValidationError({"phase": msg("An item can only move within its own plan.")})
        plan = _load(session, source.plan_id, blocks=False)
        _touch(session, plan, expected_version, "item.move")
        remaining = [i for i in source.items if i.id != item_id]
        source.items[:] = remaining
        _renumber(source.items)
        items = [i for i in target.items if i.id != item_id]
        items.insert(max(0, min(position, len(items))), item)
        target.items[:] = items
        _renumber(target.items)
        return _changed(session, plan)


def remove_item(db: Database, item_id: int, *, expected_version: int | None = None) -> tuple[PlanChanged, dict[str, Any]]:
    """Delete an item; returns the snapshot that restore_item puts back exactly."""
    with db.transaction() as session:
        item = _get_item(session, item_id)
        phase = item.phase
        plan = _load(session, phase.plan_id, blocks=False)
        _touch(session, plan, expected_version, "item.remove")
        snapshot = item_snapshot(item)
        phase.items.remove(item)
        session.delete(item)
        _renumber(phase.items)
        return _changed(session, plan), snapshot
