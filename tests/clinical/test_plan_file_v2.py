"""Plan-file format 2: the current phase and the exposure ladder travel; format 1 files still read."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from planner.domain.errors import HerstelplanError
from planner.domain.exposure import new_ladder
from planner.services import patients, plans, transfer
from planner.store import tables as t
from tests.clinical.test_review_service import _plan


def test_format_2_round_trip_keeps_current_phase_and_ladder(db, tmp_path):
    plan = _plan(db)
    ladder = new_ladder("bending", 90, [("bend to the knees", 30), ("pick up a sock", 55)], since=dt.date(2026, 3, 2))
    with db.transaction() as session:
        row = session.get(t.Plan, plan.id)
        row.current_phase_id = plan.phases[1].id
        row.exposure = ladder.to_json()
    out = transfer.export_plan_file(db, plan.id, tmp_path / "p.json")
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["version"] >= 2 and doc["plan"]["current_phase"] == 1
    assert doc["plan"]["exposure"]["rungs"][0] == {"name": "bend to the knees", "rating": 30, "practised": False}
    assert "since" not in doc["plan"]["exposure"]  # no dates in plan files
    other = patients.create_patient(db, name="Kees")
    copy = transfer.import_data(db, transfer.read_file(out), patient_id=other.id)
    back = plans.get_plan(db, copy.id)
    assert back.current_phase_id == back.phases[1].id
    assert back.exposure.activity == "bending" and [r.rating for r in back.exposure.rungs] == [30, 55]


def test_format_1_files_still_read_and_refuse_format_2_fields(db, tmp_path):
    plan = _plan(db)
    doc = json.loads(transfer.export_plan_file(db, plan.id, tmp_path / "p.json").read_text(encoding="utf-8"))
    doc["version"] = 1
    del doc["plan"]["current_phase"], doc["plan"]["exposure"]
    doc["plan"].pop("made_title", None)  # format 3 fields
    for phase in doc["plan"]["phases"]:
        phase.pop("made", None)
    (tmp_path / "v1.json").write_text(json.dumps(doc), encoding="utf-8")
    imported = transfer.import_data(db, transfer.read_file(tmp_path / "v1.json"), patient_id=None)
    assert len(plans.get_plan(db, imported.id).phases) == len(plan.phases)
    doc["plan"]["current_phase"] = 0
    (tmp_path / "bad.json").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(HerstelplanError) as refused:
        transfer.read_file(tmp_path / "bad.json")
    assert "current_phase" in str(refused.value)


def test_a_bad_ladder_is_refused_naming_the_field(db, tmp_path):
    plan = _plan(db)
    doc = json.loads(transfer.export_plan_file(db, plan.id, tmp_path / "p.json").read_text(encoding="utf-8"))
    doc["plan"]["exposure"] = {"activity": "bending", "rungs": [{"name": "sock", "rating": 130}]}
    (tmp_path / "bad.json").write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(HerstelplanError) as refused:
        transfer.read_file(tmp_path / "bad.json")
    assert "$.plan.exposure.rungs[0].rating" in str(refused.value)
