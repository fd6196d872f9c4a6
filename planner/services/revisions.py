"""Plan versions: snapshot a plan (when a handout is given, or on demand) and say what changed.

The handout calls `changes_since_last_revision` BEFORE `snapshot_plan` (otherwise the newest
snapshot is the plan itself and nothing has changed).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from planner.domain.errors import ValidationError
from planner.domain.messages import msg
from planner.domain.revisions import changes_between, snapshot
from planner.domain.snapshot import REVISION_FORMAT, PlanSnapshot
from planner.domain.timeline import current_phase_index
from planner.i18n import word
from planner.services.plan_rows import load_plan
from planner.store import audit
from planner.store import tables as t
from planner.store.engine import Database
from planner.store.views import plan_view

REASONS = ("handout", "export", "print", "manual", "progress")


@dataclass(frozen=True, slots=True)
class RevisionInfo:
    id: int
    plan_id: int
    created_at: dt.datetime
    reason: str
    current_phase: int
    phase_name: str


def _info(row: t.PlanRevision) -> RevisionInfo:
    snap = PlanSnapshot.from_data(row.snapshot or {})
    index = snap.current_phase or 0
    name = snap.phases[index].name if 0 <= index < len(snap.phases) else ""
    return RevisionInfo(row.id, row.plan_id, row.created_at, row.reason, index, name)


def snapshot_plan(db: Database, plan_id: int, *, reason: str = "manual", current_phase: int | None = None,
                  today: dt.date | None = None) -> RevisionInfo:
    """Store the plan as it is now (`current_phase`: the phase the patient is given; default by date)."""
    if reason not in REASONS:
        raise ValidationError({"reason": msg("Use one of: {choices}.", choices=", ".join(REASONS))})
    with db.transaction() as session:
        plan_row = load_plan(session, plan_id)
        plan = plan_view(plan_row)
        index = current_phase if current_phase is not None else current_phase_index(plan, today)
        index = min(max(index, 0), max(len(plan.phases) - 1, 0))
        row = t.PlanRevision(plan_id=plan_id, reason=reason,
                             snapshot={"format": REVISION_FORMAT, **snapshot(plan, current_phase=index).to_data()})
        session.add(row)
        session.flush()
        audit.record(session, "plan.snapshot", patient_id=plan.patient_id, plan_id=plan_id, detail=reason)
        return _info(row)


def list_revisions(db: Database, plan_id: int) -> list[RevisionInfo]:
    """A plan's snapshots, newest first."""
    stmt = (select(t.PlanRevision).where(t.PlanRevision.plan_id == plan_id)
            .order_by(t.PlanRevision.created_at.desc(), t.PlanRevision.id.desc()))
    with db.reading() as session:
        return [_info(row) for row in session.scalars(stmt)]


def changes_since_last_revision(db: Database, plan_id: int, lang: str, *, current_phase: int | None = None,
                                today: dt.date | None = None) -> list[str]:
    """What changed for the patient since the newest snapshot, in `lang` ([] when there is none).

    Example: ["Bruggetje: nu 3 keer 12 herhalingen (was 2 keer 10)", "Nieuw: Op één been staan, ..."].
    """
    stmt = (select(t.PlanRevision).where(t.PlanRevision.plan_id == plan_id)
            .order_by(t.PlanRevision.created_at.desc(), t.PlanRevision.id.desc()).limit(1))
    with db.reading() as session:
        plan = plan_view(load_plan(session, plan_id))
        last = session.scalars(stmt).first()
        old = PlanSnapshot.from_data(last.snapshot or {}) if last is not None else None
    if old is None:
        return []
    index = current_phase if current_phase is not None else current_phase_index(plan, today)
    return [word(line, lang) for line in changes_between(old, snapshot(plan, current_phase=index), lang)]
