"""A plan's rows inside one transaction, for every use case that changes or reads a plan.

`load_plan` reads the plan with its phases, items and patient; `touch` checks the version the user
saw, marks the plan changed (its version goes up) and records the audit event; `changed` is what
the use case returns. `item_snapshot`/`phase_snapshot` copy rows into the shared snapshot types
(planner.domain.snapshot) so that undo puts them back exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, selectinload

from planner.domain.dosage import Dosage
from planner.domain.errors import ConflictError, NotFound
from planner.domain.made_words import MadeWords
from planner.domain.messages import msg
from planner.domain.snapshot import ItemSnapshot, PhaseSnapshot
from planner.services.changes import PlanChanged
from planner.store import audit
from planner.store import tables as t
from planner.store.views import item_dosage


def plan_query(plan_id: int, *, blocks: bool = True) -> Select[t.Plan]:
    items = selectinload(t.Plan.phases).selectinload(t.Phase.items)
    return (
        select(t.Plan)
        .where(t.Plan.id == plan_id)
        .options(
            items if blocks else items.lazyload(t.PlanItem.block),
            selectinload(t.Plan.patient),
        )
    )


def load_plan(session: Session, plan_id: int, *, blocks: bool = True) -> t.Plan:
    """The plan with its phases, items and patient; `blocks=False` for an edit, which needs the
    structure but not every item's block with its texts (read on access if an edit does need one)."""
    row = session.scalars(plan_query(plan_id, blocks=blocks)).first()
    if row is None:
        raise NotFound(msg("Plan {plan_id} does not exist.", plan_id=str(plan_id)))
    return row


def touch(session: Session, plan: t.Plan, expected_version: int | None, action: str, detail: str = "") -> None:
    """Check the version the user saw, mark the plan changed (bumps its version) and audit it."""
    if expected_version is not None and plan.version != expected_version:
        raise ConflictError.plan_changed(plan.title, plan.version, expected_version)
    now = t.utcnow()
    plan.updated_at = now
    if plan.patient is not None:
        plan.patient.updated_at = now
    audit.record(session, action, patient_id=plan.patient_id, plan_id=plan.id, detail=detail)


def changed(session: Session, plan: t.Plan) -> PlanChanged:
    session.flush()
    return PlanChanged(plan.id, plan.version)


def renumber(rows: Sequence[Any]) -> None:
    """Positions 0, 1, 2, ... in list order (phases in a plan, items in a phase)."""
    for index, row in enumerate(rows):
        row.position = index


def get_phase(session: Session, phase_id: int) -> t.Phase:
    phase = session.get(t.Phase, phase_id)
    if phase is None:
        raise NotFound(msg("Phase {phase_id} does not exist.", phase_id=str(phase_id)))
    return phase


def get_item(session: Session, item_id: int) -> t.PlanItem:
    item = session.get(t.PlanItem, item_id)
    if item is None:
        raise NotFound(msg("Plan item {item_id} does not exist.", item_id=str(item_id)))
    return item


# ---- rows <-> snapshots (undo) ------------------------------------------------------------------


def item_snapshot(item: t.PlanItem) -> ItemSnapshot:
    """Everything needed to put an item back exactly (same id, place, dosage and notes)."""
    return ItemSnapshot(item_id=item.id, phase_id=item.phase_id, position=item.position, block_id=item.block_id,
                        dosage=item_dosage(item), patient_note=item.patient_note, private_note=item.private_note)


def phase_snapshot(phase: t.Phase) -> PhaseSnapshot:
    return PhaseSnapshot(phase_id=phase.id, position=phase.position, name=phase.name, weeks=phase.weeks,
                         focus=phase.focus, criteria=phase.criteria, made=MadeWords.from_data(phase.made_words),
                         items=tuple(item_snapshot(item) for item in phase.items))


def item_row(snapshot: ItemSnapshot, dosage: Dosage | None = None) -> t.PlanItem:
    """A new row for `snapshot` (its id when it has one); `dosage` replaces the snapshot's."""
    return t.PlanItem(id=snapshot.item_id, block_id=snapshot.block_id, patient_note=snapshot.patient_note,
                      private_note=snapshot.private_note, **(dosage or snapshot.dosage).to_dict())
