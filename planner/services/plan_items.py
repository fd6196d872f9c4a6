"""Plan use cases for the items of a phase: place a block, change its dosage or notes, move it,
remove it and put it back (undo).

Like every plan edit, each call is one transaction that checks the version the user saw
(`expected_version`), bumps the plan's version, records an audit event and returns PlanChanged.
"""

from __future__ import annotations

from typing import Any

from planner.domain.dosage import Dosage, validate
from planner.domain.errors import NotFound, ValidationError
from planner.domain.messages import msg
from planner.domain.snapshot import ItemSnapshot
from planner.services.changes import PlanChanged
from planner.services.plan_rows import (
    changed,
    get_item,
    get_phase,
    item_snapshot,
    load_plan,
    renumber,
    touch,
)
from planner.services.plans import MAX_TEXT
from planner.store import tables as t
from planner.store.engine import Database
from planner.store.views import DOSAGE_COLUMNS, item_dosage


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
        phase = get_phase(session, phase_id)
        block = session.get(t.Block, block_id)
        if block is None:
            raise NotFound(msg("Block {block_id} does not exist.", block_id=str(block_id)))
        plan = load_plan(session, phase.plan_id, blocks=False)
        touch(session, plan, expected_version, "item.add", block.key)
        values = _check_dosage(dosage if dosage is not None else block.dosage)
        item = t.PlanItem(
            id=item_id, block_id=block.id, patient_note=patient_note, private_note=private_note,
            **values.to_dict(),
        )
        items = list(phase.items)
        items.insert(len(items) if position is None else max(0, min(position, len(items))), item)
        phase.items[:] = items
        renumber(phase.items)
        session.flush()
        return changed(session, plan), item.id


def restore_item(db: Database, snapshot: ItemSnapshot, *, expected_version: int | None = None) -> PlanChanged:
    """Undo of remove_item: the same item back at the same place."""
    if snapshot.phase_id is None or snapshot.block_id is None:
        raise ValueError("an item snapshot from remove_item is needed (with its phase and block)")
    change, _ = add_item(
        db, snapshot.phase_id, snapshot.block_id, position=snapshot.position,
        dosage=snapshot.dosage.to_dict(), patient_note=snapshot.patient_note,
        private_note=snapshot.private_note, item_id=snapshot.item_id, expected_version=expected_version,
    )
    return change


def get_item_snapshot(db: Database, item_id: int) -> ItemSnapshot:
    with db.reading() as session:
        return item_snapshot(get_item(session, item_id))


def update_item(
    db: Database, item_id: int, *, dosage: dict[str, Any] | None = None, patient_note: str | None = None,
    private_note: str | None = None, replace_dosage: bool = False, expected_version: int | None = None,
) -> PlanChanged:
    """Change an item's dosage fields (merged, or replaced whole) and/or its notes."""
    with db.transaction() as session:
        item = get_item(session, item_id)
        plan = load_plan(session, item.phase.plan_id, blocks=False)
        touch(session, plan, expected_version, "item.update")
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
        return changed(session, plan)


def clear_item_fields(db: Database, item_id: int, names: list[str], *, expected_version: int | None = None) -> PlanChanged:
    """Set dosage fields back to 'does not apply'."""
    with db.transaction() as session:
        item = get_item(session, item_id)
        plan = load_plan(session, item.phase.plan_id, blocks=False)
        touch(session, plan, expected_version, "item.update")
        for name in names:
            if name in DOSAGE_COLUMNS:
                setattr(item, name, None)
        return changed(session, plan)


def move_item(
    db: Database, item_id: int, *, phase_id: int, position: int, expected_version: int | None = None,
) -> PlanChanged:
    """Move an item to `position` in `phase_id` (the same or another phase of the same plan)."""
    with db.transaction() as session:
        item = get_item(session, item_id)
        source = item.phase
        target = get_phase(session, phase_id)
        if target.plan_id != source.plan_id:
            raise ValidationError({"phase": msg("An item can only move within its own plan.")})
        plan = load_plan(session, source.plan_id, blocks=False)
        touch(session, plan, expected_version, "item.move")
        remaining = [i for i in source.items if i.id != item_id]
        source.items[:] = remaining
        renumber(source.items)
        items = [i for i in target.items if i.id != item_id]
        items.insert(max(0, min(position, len(items))), item)
        target.items[:] = items
        renumber(target.items)
        return changed(session, plan)


def remove_item(db: Database, item_id: int, *, expected_version: int | None = None) -> tuple[PlanChanged, ItemSnapshot]:
    """Delete an item; returns the snapshot that restore_item puts back exactly."""
    with db.transaction() as session:
        item = get_item(session, item_id)
        phase = item.phase
        plan = load_plan(session, phase.plan_id, blocks=False)
        touch(session, plan, expected_version, "item.remove")
        snapshot = item_snapshot(item)
        phase.items.remove(item)
        session.delete(item)
        renumber(phase.items)
        return changed(session, plan), snapshot
