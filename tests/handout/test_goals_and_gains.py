"""Issue 16: the patient's own activities on the cover as what they work towards, and what they have
gained in their own words: only what improved or stayed the same, never a lecture about what got worse."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from planner.domain.wizard import WizardRequest
from planner.handout.model import HandoutOptions
from planner.services import handouts, measures, patients, wizard

INTAKE = dt.date(2026, 1, 5)
NOW = dt.date(2026, 2, 2)


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_goals_and_gains_on_the_cover_in_both_languages(db):
    patient = patients.create_patient(db, name="Kees Jansen", language="nl")
    plan = wizard.create_plan_with_wizard(
        db, patient.id, WizardRequest(title="Rug", region="lower-back", weeks=6, phases=2), start_date=INTAKE)
    walk = measures.define_measure(db, patient.id, "psk", label="10 minuten wandelen", started_on=INTAKE)
    bend = measures.define_measure(db, patient.id, "psk", label="Sokken aantrekken", started_on=INTAKE)
    stairs = measures.define_measure(db, patient.id, "psfs", label="Traplopen", started_on=INTAKE)
    for measure, first, last in ((walk, 7, 3), (bend, 5, 8), (stairs, 4, 4)):
        measures.record_score(db, measure.id, INTAKE, first, today=NOW)
        measures.record_score(db, measure.id, NOW, last, today=NOW)
    nl = _text(handouts.render_handout(db, plan.id, HandoutOptions(lang="nl")))
    assert "Hier werk je naartoe" in nl and "Sokken aantrekken" in nl and "Traplopen" in nl
    assert ("Bij de start was 10 minuten wandelen moeilijk: 7 van de 10. Nu is het 3 van de 10." in nl)
    assert "Traplopen: 4 van de 10, net als bij de start." in nl
    assert "Bij de start was Sokken aantrekken" not in nl  # it got harder: not a line on the handout
    en = _text(handouts.render_handout(db, plan.id, HandoutOptions(lang="en")))
    assert "What you are working towards" in en and "What you have gained" in en
    assert "At the start, 10 minuten wandelen was hard: 7 out of 10. Now it is 3 out of 10." in en


def test_no_measures_no_goal_section(db):
    patient = patients.create_patient(db, name="Zonder Metingen", language="en")
    plan = wizard.create_plan_with_wizard(
        db, patient.id, WizardRequest(title="Knee", region="knee", weeks=4, phases=2, language="en"),
        start_date=INTAKE)
    text = _text(handouts.render_handout(db, plan.id, HandoutOptions(lang="en")))
    assert "working towards" not in text and "What you have gained" not in text
