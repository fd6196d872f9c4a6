"""Plan use cases: building, reordering, undo snapshots, templates and optimistic locking."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.domain.errors import ConflictError, NotFound, ValidationError
from planner.services import library, patients, plan_items, plans


@pytest.fixture
def plan(db):
    patient = patients.create_patient(db, name="Anna Jansen", language="nl")
    return plans.create_plan(
        db, patient_id=patient.id, title="Nek in beweging", goal="Weer fietsen",
        phases=[{"name": "Start", "weeks": 2}, {"name": "Opbouw", "weeks": 3}],
    )


def _keys(db, plan_id):
    return [[item.block.key for item in phase.items] for phase in plans.get_plan(db, plan_id).phases]


def test_add_move_remove_and_restore_items(db, plan):
    """Items keep a clean order through add, move within and between phases, remove and restore."""
    blocks = library.list_blocks(db)[:3]
    phase_a, phase_b = plan.phases
    ids = [plan_items.add_item(db, phase_a.id, block.id)[1] for block in blocks]
    assert _keys(db, plan.id) == [[b.key for b in blocks], []]
    plan_items.move_item(db, ids[2], phase_id=phase_a.id, position=0)
    assert _keys(db, plan.id)[0] == [blocks[2].key, blocks[0].key, blocks[1].key]
    plan_items.move_item(db, ids[0], phase_id=phase_b.id, position=0)
    assert _keys(db, plan.id) == [[blocks[2].key, blocks[1].key], [blocks[0].key]]
    plan_items.update_item(db, ids[1], dosage={"sets": 3}, patient_note="Rustig aan", private_note="privé")
    _, snapshot = plan_items.remove_item(db, ids[1])
    assert _keys(db, plan.id)[0] == [blocks[2].key]
    plan_items.restore_item(db, snapshot)
    restored = plans.get_plan(db, plan.id).phases[0].items[1]
    assert restored.id == ids[1] and restored.dosage.sets == 3
    assert restored.patient_note == "Rustig aan" and restored.private_note == "privé"
    assert [i.position for i in plans.get_plan(db, plan.id).phases[0].items] == [0, 1]


def test_out_of_range_dosage_is_refused_and_nothing_changes(db, plan):
    """A dosage outside its sensible range is refused with the field named; the stored value stays."""
    block = library.list_blocks(db, kind="strength")[0]
    _, item_id = plan_items.add_item(db, plan.phases[0].id, block.id)
    before = plans.get_plan(db, plan.id)
    with pytest.raises(ValidationError) as caught:
        plan_items.update_item(db, item_id, dosage={"sets": 99, "reps": 10})
    assert "sets" in caught.value.problems
    after = plans.get_plan(db, plan.id)
    assert after.phases[0].items[0].dosage == before.phases[0].items[0].dosage
    assert after.version == before.version


def test_every_edit_bumps_the_version_and_stale_versions_conflict(db, plan):
    """A save based on an old version is refused with a conflict instead of overwriting."""
    change = plans.update_plan(db, plan.id, expected_version=plan.version, goal="Weer wandelen")
    assert change.version == plan.version + 1
    with pytest.raises(ConflictError):
        plans.update_plan(db, plan.id, expected_version=plan.version, goal="Mijn versie")
    assert plans.get_plan(db, plan.id).goal == "Weer wandelen"


def test_plan_from_template_copies_phases_and_items(db):
    """A plan made from a template has the template's phases and blocks, as a draft for the patient."""
    template = library.list_templates(db, language="nl")[0]
    patient = patients.create_patient(db, name="Kees Bakker")
    made = plans.create_from_template(db, template.id, patient_id=patient.id, start_date=dt.date(2026, 1, 5))
    source = plans.get_plan(db, template.id)
    assert [p.name for p in made.phases] == [p.name for p in source.phases]
    assert _keys(db, made.id) == _keys(db, template.id)
    assert made.patient_id == patient.id and not made.is_template and made.status.value == "draft"


def test_save_as_template_drops_private_notes(db, plan):
    """A template made from a patient's plan never carries that patient's private notes."""
    block = library.list_blocks(db)[0]
    _, item_id = plan_items.add_item(db, plan.phases[0].id, block.id, private_note="angstig, privé")
    template = plans.duplicate_plan(db, plan.id, as_template=True, title="Nek-sjabloon")
    assert template.is_template and template.patient_id is None
    assert template.phases[0].items[0].private_note == ""


def test_phase_remove_and_restore_round_trip(db, plan):
    """Removing a phase and adding its snapshot back restores it with its items and ids."""
    block = library.list_blocks(db)[0]
    _, item_id = plan_items.add_item(db, plan.phases[0].id, block.id)
    _, snapshot = plans.remove_phase(db, plan.phases[0].id)
    assert [p.name for p in plans.get_plan(db, plan.id).phases] == ["Opbouw"]
    plans.restore_phase(db, plan.id, snapshot)
    again = plans.get_plan(db, plan.id)
    assert [p.name for p in again.phases] == ["Start", "Opbouw"]
    assert again.phases[0].id == plan.phases[0].id and again.phases[0].items[0].id == item_id


def test_missing_ids_raise_not_found(db):
    """Unknown ids give NotFound with a clear message."""
    with pytest.raises(NotFound):
        plans.get_plan(db, 999_999)
    with pytest.raises(NotFound):
        plan_items.remove_item(db, 999_999)


def test_patient_validation_names_the_field(db):
    """An empty name or a birth date in the future is refused at that field."""
    with pytest.raises(ValidationError) as caught:
        patients.create_patient(db, name="  ", birth_date=dt.date.today() + dt.timedelta(days=1))
    assert set(caught.value.problems) == {"name", "birth_date"}


def test_patient_search_ignores_case_and_accents(db):
    """'ozlem' finds 'Özlem' and 'rug' finds a complaint 'Rugpijn'."""
    patients.create_patient(db, name="Özlem Yılmaz", complaint="Rugpijn")
    patients.create_patient(db, name="Piet Smit", complaint="Knie")
    assert [p.name for p in patients.list_patients(db, query="ozlem")] == ["Özlem Yılmaz"]
    assert [p.name for p in patients.list_patients(db, query="RUG")] == ["Özlem Yılmaz"]
