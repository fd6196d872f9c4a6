"""One set of plan snapshots (planner.domain.snapshot) for undo, revisions and plan files."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from planner.domain.model import ProgressionMode
from planner.domain.snapshot import REVISION_FORMAT, ItemSnapshot, PhaseSnapshot, PlanSnapshot
from planner.domain.wizard import WizardRequest
from planner.services import patients, plan_items, plans, revisions, transfer, wizard
from planner.store import tables as t
from planner.store import transfer as files

TODAY = dt.date(2026, 3, 16)


@pytest.fixture
def plan(db):
    patient = patients.create_patient(db, name="Els Bakker", language="nl")
    made = wizard.create_plan_with_wizard(
        db, patient.id, WizardRequest(title="Rug", region="lower-back", weeks=4, phases=2, mode=ProgressionMode.PAIN),
        start_date=TODAY - dt.timedelta(days=10))
    item = made.phases[0].items[0]
    plan_items.update_item(db, item.id, patient_note="Rustig aan", private_note="Alleen voor mij")
    return plans.get_plan(db, made.id)


def _content(snapshot: PlanSnapshot) -> list[tuple[str, int, list[tuple[str, dict]]]]:
    """What the patient is given, without ids, notes or words: phases, blocks and amounts."""
    return [(phase.name, phase.weeks, [(item.block_key, item.dosage.to_dict()) for item in phase.items])
            for phase in snapshot.phases]


def test_the_plan_file_the_revision_and_undo_hold_one_kind_of_snapshot(db, plan):
    """The plan file's `$.plan` and a stored revision read back as the same PlanSnapshot content,
    and undo gets the same item and phase types, with the ids and private note it needs."""
    data = transfer.export_data(db, plan.id)
    assert (data["format"], data["version"]) == (files.FORMAT, files.VERSION)  # the snapshot is the file's plan
    from_file = PlanSnapshot.from_data(data["plan"])
    assert from_file.to_data() == data["plan"]  # the file's plan object is exactly the snapshot as data
    assert all(set(item) == {"block", "dosage", "patient_note"} for phase in data["plan"]["phases"]
               for item in phase["items"])  # no ids, no private note, no words in a plan file

    revisions.snapshot_plan(db, plan.id, reason="handout", current_phase=0)
    with db.reading() as session:
        stored = session.scalars(select(t.PlanRevision).where(t.PlanRevision.plan_id == plan.id)).one().snapshot
    assert stored["format"] == REVISION_FORMAT
    from_revision = PlanSnapshot.from_data(stored)
    assert _content(from_revision) == _content(from_file)
    first = from_revision.phases[0].items[0]
    assert first.item_id == plan.phases[0].items[0].id and first.title_in("nl") and not first.private_note

    _, removed = plan_items.remove_item(db, plan.phases[0].items[0].id)
    assert isinstance(removed, ItemSnapshot)
    assert (removed.item_id, removed.private_note, removed.patient_note) == (first.item_id, "Alleen voor mij", "Rustig aan")
    plan_items.restore_item(db, removed)
    _, phase = plans.remove_phase(db, plan.phases[1].id)
    assert isinstance(phase, PhaseSnapshot) and phase.phase_id == plan.phases[1].id
    plans.restore_phase(db, plan.id, phase)
    assert _content(PlanSnapshot.from_data(transfer.export_data(db, plan.id)["plan"])) == _content(from_file)
    assert plans.get_plan(db, plan.id).phases[0].items[0].private_note == "Alleen voor mij"


def test_a_plan_file_round_trips_through_the_snapshot(db, plan, tmp_path):
    """Written, read (checked) and imported, the file gives the same snapshot as data."""
    out = transfer.export_plan_file(db, plan.id, tmp_path / "plan.json")
    copy = transfer.import_data(db, transfer.read_file(out))
    again = transfer.export_data(db, copy.id)
    assert PlanSnapshot.from_data(again["plan"]) == PlanSnapshot.from_data(transfer.check(transfer.export_data(db, plan.id))["plan"])
