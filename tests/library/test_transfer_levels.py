"""A plan file keeps the level texts of a therapist's copy of a built-in block (export, then import)."""

from __future__ import annotations

import pytest

from planner.services import library, patients, plan_items, plans, transfer
from planner.services.transfer import TransferError


def test_a_copied_block_keeps_its_level_texts_through_a_plan_file(db, tmp_path):
    plank = library.get_block_by_key(db, "strength.knee-plank")
    copy = library.duplicate_block(db, plank.id)
    patient = patients.create_patient(db, name="Els Visser", language="nl")
    plan = plans.create_plan(db, patient_id=patient.id, title="Romp", language="nl", phases=[{"name": "Start", "weeks": 2}])
    plan_items.add_item(db, plan.phases[0].id, copy.id, dosage={**copy.dosage.to_dict(), "level": 0})
    out = transfer.export_plan_file(db, plan.id, tmp_path / "plan.json")
    doc = transfer.read_file(out)
    assert doc["blocks"][0]["levels"][0]["text"]["nl"]["steps"][0] == plank.levels[0].texts["nl"].steps[0]
    other = patients.create_patient(db, name="Piet Visser", language="nl")
    imported = transfer.import_plan_file(db, out, patient_id=other.id)
    block = imported.phases[0].items[0].block
    assert block.id == copy.id  # the identical copy is found again, not duplicated
    assert block.levels[0].texts["nl"].steps == plank.levels[0].texts["nl"].steps


def test_a_bad_level_text_is_named(db, tmp_path):
    plank = library.get_block_by_key(db, "strength.knee-plank")
    copy = library.duplicate_block(db, plank.id)
    patient = patients.create_patient(db, name="Els Visser", language="nl")
    plan = plans.create_plan(db, patient_id=patient.id, title="Romp", language="nl", phases=[{"name": "Start", "weeks": 2}])
    plan_items.add_item(db, plan.phases[0].id, copy.id)
    doc = transfer.export_data(db, plan.id)
    doc["blocks"][0]["levels"][0]["text"]["nl"]["steps"] = "lie down"
    with pytest.raises(TransferError, match=r"levels\[0\]\.text\.nl\.steps"):
        transfer.check(doc)
