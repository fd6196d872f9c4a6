"""The handout prints the level in use: its steps, its safety cue, its label, its numbers from the item's
dosage, and its own picture when one is drawn (issue 12, findings 1 and 2)."""

from __future__ import annotations

import datetime as dt

from planner.domain.model import ClinicInfo
from planner.handout.model import HandoutOptions
from planner.paths import ILLUSTRATIONS_DIR
from planner.services import handouts, library, patients, plan_items, plans
from tests.handout.helpers import text


def _plan(db, items):
    patient = patients.create_patient(db, name="Kees Jansen", language="nl")
    plan = plans.create_plan(db, patient_id=patient.id, title="Rug", language="nl", start_date=dt.date(2026, 12, 1),
                             phases=[{"name": "Start", "weeks": 2}])
    for key, dosage in items:
        block = library.get_block_by_key(db, key)
        plan_items.add_item(db, plan.phases[0].id, block.id, dosage={**block.dosage.to_dict(), **dosage})
    return plans.get_plan(db, plan.id)


def test_the_easiest_level_prints_its_own_steps_and_numbers(db):
    plan = _plan(db, [("strength.knee-plank", {"level": 0, "hold_seconds": 20}),
                      ("breathing.long-exhale", {"exhale_seconds": 7}),
                      ("strength.sit-to-stand", {"level": 0})])
    described = handouts.describe(plan, ClinicInfo(), lang="nl")
    plank, breathing, stand = described.phases[0].items
    assert plank.level_text.startswith("Staand") and "aanrecht" in plank.steps[0]
    assert "20 seconden" in plank.steps[-1] and "buik" not in " ".join(plank.steps)
    assert "7 tellen" in " ".join(breathing.steps) and "6" not in " ".join(breathing.steps)
    assert "armleuningen" in " ".join(stand.steps) and "armen voor je borst" not in " ".join(stand.steps)
    assert plank.illustration is not None and plank.illustration.name in (
        "strength.knee-plank.level-0.svg", "strength.knee-plank.svg")
    pdf = text(handouts.render_handout(db, plan.id, HandoutOptions(lang="nl")))
    assert "Ga voor het aanrecht staan" in pdf and "Ga op je buik liggen" not in pdf
    assert "{" not in pdf


def test_a_level_picture_is_used_when_it_exists_else_the_blocks(db):
    plan = _plan(db, [("strength.knee-plank", {"level": 0})])
    item = handouts.describe(plan, ClinicInfo(), lang="en").phases[0].items[0]
    own = ILLUSTRATIONS_DIR / "strength.knee-plank.level-0.svg"
    expected = own if own.is_file() else ILLUSTRATIONS_DIR / "strength.knee-plank.svg"
    assert item.illustration == expected
