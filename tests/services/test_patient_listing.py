"""The patient list at scale: plain-column reads give the same patients as reading each one, and a
patient's position in the (searched) list is known without reading everyone before it."""

from __future__ import annotations

import datetime as dt

from planner.services import patients


def _clinic(db, count: int = 40):
    made = []
    for n in range(count):
        made.append(patients.create_patient(
            db, name=f"{'Özlem' if n % 3 == 0 else 'Jan'} Visser {n}", complaint="Nekpijn" if n % 2 else "Lage rugpijn",
            birth_date=dt.date(1960 + n % 30, 1 + n % 12, 1)))
    patients.archive_patient(db, made[5].id)
    return made


def test_the_list_equals_reading_each_patient(db):
    """Every listed patient equals get_patient of it, newest activity first, archived ones left out."""
    made = _clinic(db)
    listed = patients.list_patients(db)
    assert [p.id for p in listed] == [p.id for p in reversed(made) if p.id != made[5].id]
    for patient in listed:
        assert patient == patients.get_patient(db, patient.id)


def test_position_is_the_row_in_the_list(db):
    """patient_position is the patient's row in list_patients for the same search (None when not shown)."""
    made = _clinic(db)
    for query in ("", "ozlem", "NEK", "jan rug"):
        listed = [p.id for p in patients.list_patients(db, query=query)]
        for patient in made:
            expected = listed.index(patient.id) if patient.id in listed else None
            assert patients.patient_position(db, patient.id, query=query) == expected, (query, patient.name)
    assert patients.patient_position(db, made[5].id) is None  # archived
    assert patients.patient_position(db, 999_999) is None
