"""Services added for the editor: the cheap version read that notices another desk's save."""

from __future__ import annotations

import pytest

from planner.domain.errors import NotFound
from planner.services import patients, plans


def test_plan_version_follows_every_save(db):
    """plan_version returns the stored version, which grows with each edit, and refuses unknown plans."""
    patient = patients.create_patient(db, name="Kees Smit")
    plan = plans.create_plan(db, patient_id=patient.id, title="Schouder", phases=[{"name": "Start", "weeks": 2}])
    assert plans.plan_version(db, plan.id) == plan.version
    change = plans.update_plan(db, plan.id, goal="Weer zwemmen")
    assert plans.plan_version(db, plan.id) == change.version > plan.version
    with pytest.raises(NotFound):
        plans.plan_version(db, 999_999)
