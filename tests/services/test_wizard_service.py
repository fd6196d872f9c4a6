"""The wizard as a use case: preview with checks, create in one transaction, templates as a start."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.errors import NotFound, ValidationError
from planner.domain.model import ProgressionMode
from planner.domain.wizard import Baseline, WizardRequest
from planner.services import library, patients, plan_items, plans, wizard


def test_preview_and_create_give_the_same_complete_plan(db):
    """The preview (no warnings) is what gets saved, with mode, cap and start date."""
    patient = patients.create_patient(db, name="Henk Smit", language="nl", region="knee")
    request = WizardRequest(title="Knie", goal="Fietsen naar de markt", region="knee", weeks=8, phases=3,
                            mode=ProgressionMode.TIME, weekly_cap_pct=15, baseline=Baseline(walk_minutes=20))
    draft, warnings = wizard.preview_plan(db, request)
    assert warnings == []
    plan = wizard.create_plan_with_wizard(db, patient.id, request, start_date=dt.date(2026, 4, 1))
    stored = plans.get_plan(db, plan.id)
    assert stored.mode is ProgressionMode.TIME and stored.weekly_cap_pct == 15
    assert stored.start_date == dt.date(2026, 4, 1) and stored.goal == "Fietsen naar de markt"
    assert [[(i.block.key, i.dosage) for i in p.items] for p in stored.phases] == \
        [[(i.block.key, i.dosage) for i in p.items] for p in draft.phases]
    assert [p.name for p in stored.phases] == [p.name for p in draft.phases]


def test_invalid_requests_and_unknown_patients_are_refused(db):
    """A request with problems raises ValidationError; nothing is created for an unknown patient."""
    with pytest.raises(ValidationError):
        wizard.preview_plan(db, WizardRequest(title="", region="elbow"))
    with pytest.raises(NotFound):
        wizard.create_plan_with_wizard(db, 999_999, WizardRequest(title="X"))


def test_a_template_is_the_starting_point(db):
    """The template's first phase starts the plan; the wizard adds what is missing (breathing)."""
    template = plans.create_plan(db, patient_id=None, title="Eigen sjabloon", phases=[{"name": "Start", "weeks": 2}])
    for key in ("education.pacing", "mobility.neck-turn", "strength.band-row"):
        plan_items.add_item(db, template.phases[0].id, library.get_block_by_key(db, key).id)
    draft, _ = wizard.preview_plan(db, WizardRequest(title="Nek", region="neck", weeks=4, phases=2),
                                   template_id=template.id)
    first = [i.block.key for i in draft.phases[0].items]
    assert {"education.pacing", "mobility.neck-turn", "strength.band-row"} <= set(first)
    assert first[0] == "education.pacing" and first[1].startswith("breathing.")  # explanation, then breathing
    patient = patients.create_patient(db, name="Iris")
    with pytest.raises(ValidationError):
        wizard.preview_plan(db, WizardRequest(title="X"), template_id=wizard.create_plan_with_wizard(
            db, patient.id, WizardRequest(title="Y")).id)
