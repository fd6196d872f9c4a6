"""The summary for the patient file, the research CSV and the handout's goals and gains."""

from __future__ import annotations

import csv
import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pytest

from planner.domain.wizard import WizardRequest
from planner.services import checkins, measure_report, measures, patients, plans, wizard

INTAKE = dt.date(2026, 1, 5)
FOLLOW = dt.date(2026, 2, 2)
TODAY = dt.date(2026, 3, 2)
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def worked(db):
    """Intake and two follow-ups for a patient with low back pain."""
    patient = patients.create_patient(db, name="Anna Bakker", language="nl")
    plan = wizard.create_plan_with_wizard(
        db, patient.id, WizardRequest(title="Rug in beweging", region="lower-back", weeks=8, phases=2),
        start_date=INTAKE)
    plans.update_plan(db, plan.id, goal="Weer 30 minuten wandelen",
                      next_appointment=dt.datetime(2026, 3, 9, 10, 30))
    nprs = measures.define_measure(db, patient.id, "nprs", started_on=INTAKE)
    walk = measures.define_measure(db, patient.id, "psk", label="10 minuten wandelen", started_on=INTAKE)
    bend = measures.define_measure(db, patient.id, "psk", label="Bukken", started_on=INTAKE)
    gpe = measures.define_measure(db, patient.id, "gpe", started_on=INTAKE)
    for date, values in ((INTAKE, (6, 7, 8)), (FOLLOW, (5, 5, 9)), (TODAY, (4, 4, 9))):
        for measure, value in zip((nprs, walk, bend), values, strict=True):
            measures.record_score(db, measure.id, date, value, today=TODAY)
    measures.record_score(db, gpe.id, TODAY, 2, today=TODAY)
    return patient, plan


def test_the_summary_reads_line_by_line_in_dutch_and_english(db, worked):
    """Fixed labels, intake and now, the change and whether it passed the line; advice from the review."""
    patient, plan = worked
    advice = checkins.progress_overview(db, plan.id).advice
    phase = checkins.progress_overview(db, plan.id)
    current = phase.plan.phases[phase.current_phase]
    nl = measure_report.plan_summary(db, plan.id, lang="nl").splitlines()
    assert nl[:10] == [
        "Plan: Rug in beweging",
        "Doel: Weer 30 minuten wandelen",
        f"Huidige fase: {phase.current_phase + 1}/2 {current.name}",
        "Metingen (intake -> nu):",
        "- NPRS, gemiddelde pijn in de afgelopen 24 uur (0-10), lager is beter: 6 (2026-01-05) -> 4 "
        "(2026-03-02); verandering -2: een echte verbetering (grens 2)",
        '- PSK, moeite met een activiteit (0-10, 10 = onmogelijk): "10 minuten wandelen", lager is beter: '
        "7 (2026-01-05) -> 4 (2026-03-02); verandering -3: een echte verbetering (grens 3, geleend)",
        '- PSK, moeite met een activiteit (0-10, 10 = onmogelijk): "Bukken", lager is beter: '
        "8 (2026-01-05) -> 9 (2026-03-02); verandering +1: minder dan een echte verandering (grens 3, geleend)",
        "- GPE, verandering sinds de start (1-7): veel verbeterd (2026-03-02): verbeterd",
        "- PSK, gemiddelde van de activiteiten: 7,5 -> 6,5; verandering -1: minder dan een echte verandering "
        "(grens 2, geleend)",
        f"Laatste advies: {advice.headline('nl')}",
    ]
    assert nl[10:-1] == [f"- {r}" for r in advice.reasons("nl")]
    assert nl[-1] == "Volgende afspraak: 2026-03-09 10:30"
    en = measure_report.plan_summary(db, plan.id, lang="en").splitlines()
    assert en[0] == "Plan: Rug in beweging" and en[1] == "Goal: Weer 30 minuten wandelen"
    assert en[4] == ("- NPRS, average pain over the last 24 hours (0-10), lower is better: 6 (2026-01-05) -> 4 "
                     "(2026-03-02); change -2: a real improvement (line 2)")
    assert en[7] == "- GPE, change since the start (1-7): much improved (2026-03-02): improved"
    assert en[8] == ("- PSK, mean of the activities: 7.5 -> 6.5; change -1: less than a real change "
                     "(line 2, borrowed)")
    assert en[-1] == "Next appointment: 2026-03-09 10:30"
    assert "<" not in "".join(nl + en)  # plain text, no markup


def test_the_csv_has_a_row_per_score_with_direction_and_no_name(db, worked):
    patient, _plan = worked
    text = measure_report.scores_csv(db, patient.id)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == ["date", "instrument", "item", "score", "direction", "unit", "answer"]
    assert len(rows) == 10 and "Anna" not in text
    gpe = [r for r in rows if r["instrument"] == "gpe"]
    assert gpe == [{"date": "2026-03-02", "instrument": "gpe", "item": "", "score": "2", "direction": "none",
                    "unit": "1-7", "answer": "much improved"}]
    assert {r["direction"] for r in rows if r["instrument"] == "psk"} == {"lower"}


def test_goals_are_the_patients_activities_and_gains_leave_out_what_got_worse(db, worked):
    patient, _plan = worked
    goals, gains = measure_report.goals_and_gains(db, patient.id)
    assert goals == ("10 minuten wandelen", "Bukken")
    assert [(g.activity, g.first, g.last) for g in gains] == [("10 minuten wandelen", 7, 4)]


def test_summary_and_measures_from_the_command_line(db_path, worked):
    _patient, plan = worked
    env_db = ["--database", f"sqlite:///{db_path}"]
    out = subprocess.run([sys.executable, str(ROOT / "main.py"), "summary", str(plan.id), "--lang", "en", *env_db],
                         capture_output=True, text=True, timeout=60, check=True).stdout
    assert out.startswith("Plan: Rug in beweging\nGoal: Weer 30 minuten wandelen\n")
    csv_out = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "measures", str(_patient.id), "--csv", *env_db],
        capture_output=True, timeout=60, check=True).stdout.decode("utf-8")
    assert csv_out.splitlines()[0] == "date,instrument,item,score,direction,unit,answer"
    bad = subprocess.run([sys.executable, str(ROOT / "main.py"), "measure", str(_patient.id), "--instrument",
                          "nprs", "--score", "12", *env_db], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "range" in bad.stderr
