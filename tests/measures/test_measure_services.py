"""Outcome measures as use cases: define, score, edit, undo, replace an activity; export and erase."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from planner.domain.errors import ValidationError
from planner.domain.measures import Better, Instrument
from planner.services import measures, patients, privacy
from planner.store import tables as t

TODAY = dt.date(2026, 3, 16)
INTAKE = dt.date(2026, 1, 5)


@pytest.fixture
def patient(db):
    return patients.create_patient(db, name="Anna Bakker", language="nl")


def test_standard_instruments_fix_their_direction_and_scores_carry_it(db, patient):
    """Every score stores its instrument and direction; PSK and PSFS run in opposite directions."""
    psk = measures.define_measure(db, patient.id, "psk", label="10 minuten wandelen", started_on=INTAKE)
    psfs = measures.define_measure(db, patient.id, "psfs", label="Traplopen", started_on=INTAKE,
                                   better="lower")  # a wrong direction from a caller is ignored
    s1 = measures.record_score(db, psk.id, INTAKE, 7, today=TODAY)
    s2 = measures.record_score(db, psfs.id, INTAKE, 3, today=TODAY)
    assert (s1.instrument, s1.better) == (Instrument.PSK, Better.LOWER)
    assert (s2.instrument, s2.better) == (Instrument.PSFS, Better.HIGHER)


def test_bad_scores_are_refused_with_what_to_do_and_nothing_is_saved(db, patient):
    nprs = measures.define_measure(db, patient.id, "nprs", started_on=INTAKE)
    for date, value in ((INTAKE, 11), (TODAY + dt.timedelta(days=1), 3)):
        with pytest.raises(ValidationError):
            measures.record_score(db, nprs.id, date, value, today=TODAY)
    with pytest.raises(ValidationError):
        measures.define_measure(db, patient.id, "nprs")  # one NPRS series per patient
    with pytest.raises(ValidationError):
        measures.define_measure(db, patient.id, "custom", label="6MWT")  # no direction
    assert measures.list_measures(db, patient.id)[0].scores == ()


def test_gpe_is_asked_at_follow_ups_only(db, patient):
    nprs = measures.define_measure(db, patient.id, "nprs", started_on=INTAKE)
    gpe = measures.define_measure(db, patient.id, "gpe", started_on=INTAKE)
    with pytest.raises(ValidationError):
        measures.record_score(db, gpe.id, INTAKE, 2, today=TODAY)  # nothing measured before
    measures.record_score(db, nprs.id, INTAKE, 6, today=TODAY)
    with pytest.raises(ValidationError):
        measures.record_score(db, gpe.id, INTAKE, 2, today=TODAY)  # at intake
    assert measures.record_score(db, gpe.id, TODAY, 2, today=TODAY).value == 2


def test_edit_delete_and_undo_keep_the_same_score(db, patient):
    nprs = measures.define_measure(db, patient.id, "nprs", started_on=INTAKE)
    score = measures.record_score(db, nprs.id, INTAKE, 6, today=TODAY)
    edited = measures.update_score(db, score.id, date=INTAKE, value=5, today=TODAY)
    assert edited.value == 5
    gone = measures.delete_score(db, score.id)
    assert measures.list_measures(db, patient.id)[0].scores == ()
    back = measures.restore_score(db, gone)
    assert back.id == score.id and back.value == 5


def test_a_replaced_activity_ends_its_series_and_a_new_one_starts(db, patient):
    old = measures.define_measure(db, patient.id, "psk", label="Fietsen", started_on=INTAKE)
    measures.record_score(db, old.id, INTAKE, 8, today=TODAY)
    new = measures.replace_activity(db, old.id, "Boodschappen tillen", on=dt.date(2026, 2, 2))
    with pytest.raises(ValidationError):
        measures.record_score(db, new.id, INTAKE, 5, today=TODAY)  # before the new series began
    with pytest.raises(ValidationError):
        measures.record_score(db, old.id, TODAY, 5, today=TODAY)  # the old line is closed
    measures.record_score(db, new.id, TODAY, 5, today=TODAY)
    series = {m.label: m for m in measures.list_measures(db, patient.id)}
    assert [s.value for s in series["Fietsen"].points] == [8]
    assert [s.value for s in series["Boodschappen tillen"].points] == [5]
    assert series["Boodschappen tillen"].replaces_id == old.id


def test_scores_link_to_the_plan_current_on_their_date(db, patient):
    from planner.domain.wizard import WizardRequest
    from planner.services import wizard

    plan = wizard.create_plan_with_wizard(
        db, patient.id, WizardRequest(title="Rug", region="lower-back", weeks=6, phases=2),
        start_date=dt.date(2026, 2, 1))
    nprs = measures.define_measure(db, patient.id, "nprs", started_on=INTAKE)
    before = measures.record_score(db, nprs.id, INTAKE, 6, today=TODAY)
    during = measures.record_score(db, nprs.id, TODAY, 4, today=TODAY)
    assert before.plan_id is None and during.plan_id == plan.id


def test_measures_are_in_the_patient_export_and_gone_after_erase(db, patient, tmp_path):
    psk = measures.define_measure(db, patient.id, "psk", label="Traplopen", started_on=INTAKE)
    measures.record_score(db, psk.id, INTAKE, 7, today=TODAY)
    exported = privacy.export_patient(db, patient.id, tmp_path)
    text = (exported.folder / "patient.json").read_text(encoding="utf-8")
    assert "Traplopen" in text and "measure_scores" in text
    privacy.erase_patient(db, patient.id, backup=False)
    with db.reading() as session:
        assert session.scalar(select(func.count()).select_from(t.Measure)) == 0
        assert session.scalar(select(func.count()).select_from(t.MeasureScore)) == 0


@pytest.mark.postgres
def test_measures_round_trip_and_erase_on_postgres(pg_url):
    """The same series, scores, replacement and erase on the clinic's PostgreSQL server."""
    from planner.services.database import open_database

    db = open_database(pg_url)
    try:
        patient = patients.create_patient(db, name="Postgres Measures")
        psfs = measures.define_measure(db, patient.id, "psfs", label="Traplopen", started_on=INTAKE)
        score = measures.record_score(db, psfs.id, INTAKE, 3, today=TODAY)
        measures.record_visit(db, patient.id, TODAY, {psfs.id: 6.0}, today=TODAY)
        gone = measures.delete_score(db, score.id)
        measures.restore_score(db, gone)
        (series,) = measures.list_measures(db, patient.id)
        assert [(s.value, s.better) for s in series.scores] == [(3, Better.HIGHER), (6, Better.HIGHER)]
        privacy.erase_patient(db, patient.id, backup=False)
        with db.reading() as session:
            assert session.scalar(select(func.count()).select_from(t.MeasureScore)
                                  .join(t.Measure).where(t.Measure.patient_id == patient.id)) == 0
    finally:
        db.dispose()


def test_plan_files_hold_no_measures(db, patient, tmp_path):
    """A plan file goes to other clinics: the patient's measures never travel with it."""
    from planner.domain.wizard import WizardRequest
    from planner.services import transfer, wizard

    plan = wizard.create_plan_with_wizard(
        db, patient.id, WizardRequest(title="Knie", region="knee", weeks=6, phases=2), start_date=INTAKE)
    psk = measures.define_measure(db, patient.id, "psk", label="Fietsen naar de markt", started_on=INTAKE)
    measures.record_score(db, psk.id, INTAKE, 7, today=TODAY)
    out = transfer.export_plan_file(db, plan.id, tmp_path / "plan.json")
    text = out.read_text(encoding="utf-8")
    assert "Fietsen naar de markt" not in text and "measure" not in text
