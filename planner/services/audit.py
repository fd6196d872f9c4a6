"""Reading the audit trail (NEN 7513): who did what to which patient's data, and when.

Events are written by `planner.store.audit.record` inside the transaction of every edit; this
module only reads them: per patient for the audit view, per plan since a date for "what changed
since your last visit".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select

from planner.domain.errors import NotFound
from planner.domain.messages import msg
from planner.i18n import N_, _
from planner.store import tables as t
from planner.store.engine import Database

# What each recorded action means, in words a therapist reads (translated when shown).
ACTIONS: dict[str, str] = {
    "patient.create": N_("Patient added"),
    "patient.update": N_("Patient details changed"),
    "patient.archive": N_("Patient archived"),
    "patient.restore": N_("Patient taken out of the archive"),
    "patient.export": N_("All data of the patient exported"),
    "plan.create": N_("Plan created"),
    "plan.from-template": N_("Plan created from a template"),
    "plan.duplicate": N_("Plan copied"),
    "plan.save-as-template": N_("Plan saved as a template"),
    "plan.update": N_("Plan details changed"),
    "plan.archive": N_("Plan archived"),
    "plan.restore": N_("Plan taken out of the archive"),
    "plan.export": N_("Plan exported to a file"),
    "plan.import": N_("Plan imported from a file"),
    "phase.add": N_("Phase added"),
    "phase.update": N_("Phase changed"),
    "phase.remove": N_("Phase removed"),
    "phase.move": N_("Phase moved"),
    "phase.duplicate": N_("Phase copied"),
    "item.add": N_("Exercise added"),
    "item.update": N_("Exercise changed"),
    "item.move": N_("Exercise moved"),
    "item.remove": N_("Exercise removed"),
    "plan.snapshot": N_("Plan handed to the patient (snapshot kept)"),
    "plan.wizard": N_("Plan created with the plan wizard"),
    "handout.export": N_("Handout made"),
    "checkin.add": N_("Check-in recorded"),
    "checkin.delete": N_("Check-in removed"),
    "database.restore": N_("Database restored from a backup"),
    "patient.erase": N_("Patient erased"),
}


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One event of the trail, ready to show."""

    at: dt.datetime  # UTC, naive (as stored)
    user: str
    action: str
    description: str
    plan_id: int | None
    plan_title: str
    detail: str

    def local_time(self) -> dt.datetime:
        """`at` in this computer's time zone, for display."""
        return self.at.replace(tzinfo=dt.UTC).astimezone()


def describe(action: str) -> str:
    """The action in the UI language (unknown actions are shown as recorded)."""
    known = ACTIONS.get(action)
    return _(known) if known else action


def patient_trail(db: Database, patient_id: int, *, limit: int | None = None) -> list[AuditEntry]:
    """Every event about a patient or one of their plans, newest first."""
    with db.reading() as session:
        if session.get(t.Patient, patient_id) is None:
            raise NotFound(msg("Patient {patient_id} does not exist.", patient_id=str(patient_id)))
        titles = dict(session.execute(select(t.Plan.id, t.Plan.title).where(t.Plan.patient_id == patient_id)).all())
        stmt = (
            select(t.AuditEvent)
            .where(or_(t.AuditEvent.patient_id == patient_id, t.AuditEvent.plan_id.in_(list(titles) or [-1])))
            .order_by(t.AuditEvent.at.desc(), t.AuditEvent.id.desc())
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        return [_entry(row, titles) for row in session.scalars(stmt)]


def plan_changes_since(db: Database, plan_id: int, since: dt.datetime) -> list[AuditEntry]:
    """The edits of one plan after `since` (UTC, naive), oldest first: "what changed since your last visit"."""
    with db.reading() as session:
        plan = session.get(t.Plan, plan_id)
        if plan is None:
            raise NotFound(msg("Plan {plan_id} does not exist.", plan_id=str(plan_id)))
        stmt = (
            select(t.AuditEvent)
            .where(t.AuditEvent.plan_id == plan_id, t.AuditEvent.at > since)
            .order_by(t.AuditEvent.at, t.AuditEvent.id)
        )
        return [_entry(row, {plan.id: plan.title}) for row in session.scalars(stmt)]


def _entry(row: t.AuditEvent, titles: dict[int, str]) -> AuditEntry:
    return AuditEntry(
        at=row.at,
        user=row.user,
        action=row.action,
        description=describe(row.action),
        plan_id=row.plan_id,
        plan_title=titles.get(row.plan_id, "") if row.plan_id is not None else "",
        detail=row.detail,
    )
