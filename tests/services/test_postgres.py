"""The same services on a real PostgreSQL server (the clinic set-up with several desks)."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from planner.domain.errors import ConflictError
from planner.handout.model import HandoutOptions
from planner.services import handouts, library, patients, plan_items, plans
from planner.services.database import open_database
from planner.services.demo import ensure_demo

pytestmark = pytest.mark.postgres


def test_full_flow_on_postgres(pg_url, tmp_path):
    """Seed, demo plan, edits and a handout export all work on PostgreSQL."""
    db = open_database(pg_url)
    try:
        assert len(library.list_blocks(db)) >= 10
        plan_id = ensure_demo(db)
        assert ensure_demo(db) == plan_id
        plan = plans.get_plan(db, plan_id)
        block = library.list_blocks(db, query="ADEM")[0]
        plan_items.add_item(db, plan.phases[0].id, block.id, expected_version=plan.version)
        out = handouts.export_handout(db, plan_id, tmp_path / "h.pdf", HandoutOptions(lang="nl"))
        text = "".join(page.extract_text() for page in PdfReader(out).pages)
        assert block.title("nl").split()[0] in text
        assert [p.name for p in patients.list_patients(db, query="jannie")]
    finally:
        db.dispose()


def test_two_desks_conflict_on_postgres(pg_url):
    """Two desks editing the same plan: the second save gets a conflict, not a silent overwrite."""
    desk_a, desk_b = open_database(pg_url), open_database(pg_url)
    try:
        patient = patients.create_patient(desk_a, name="Two Desks")
        plan = plans.create_plan(desk_a, patient_id=patient.id, title="Shared plan")
        seen_by_b = plans.get_plan(desk_b, plan.id).version
        plans.update_plan(desk_a, plan.id, expected_version=plan.version, goal="A's goal")
        with pytest.raises(ConflictError):
            plans.update_plan(desk_b, plan.id, expected_version=seen_by_b, goal="B's goal")
        assert plans.get_plan(desk_b, plan.id).goal == "A's goal"
    finally:
        desk_a.dispose()
        desk_b.dispose()
