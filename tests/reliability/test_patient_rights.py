"""The patient's rights: everything about them exported; erased completely, with no trace in the file."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.domain.errors import NotFound
from planner.services import audit as audit_service
from planner.services import checkins, library, maintenance, patients, plan_items, plans, privacy

ROOT = Path(__file__).resolve().parents[2]
NAME = "Gerarda Zwaluwstaart"  # unusual on purpose: found nowhere else in the file
GOAL = "Samen met Kees de Veluwezoom fietsen"


@pytest.fixture
def patient_id(db) -> int:
    """A patient with two plans, items with notes, a check-in, and a second patient who must stay."""
    patient = patients.create_patient(db, name="Gerarda Oudenaam", birth_date=dt.date(1958, 4, 3),
                                      complaint="Schouderpijn", private_notes="Woont alleen")
    patients.update_patient(db, patient.id, name=NAME)  # the old name lingers in free space until a VACUUM
    blocks = library.list_blocks(db, kind="mobility")[:2]
    for title in ("Schouder los", "Schouder sterk"):
        plan = plans.create_plan(db, patient_id=patient.id, title=title, goal=GOAL,
                                 phases=[{"name": "Start", "weeks": 2}, {"name": "Verder", "weeks": 3}])
        for block in blocks:
            plan_items.add_item(db, plan.phases[0].id, block.id, patient_note="Voor Gerarda",
                           private_note="Zwaluwstaart privé")
    checkins.record_checkin(db, plan.id, date=dt.date.today(), pain_during=3, next_morning="same",
                            sessions_done=4, sessions_planned=5, note="Ging goed")
    other = patients.create_patient(db, name="Blijft Bestaan")
    plans.create_plan(db, patient_id=other.id, title="Ander plan", phases=[{"name": "Een", "weeks": 1}])
    return patient.id


def test_export_holds_everything_about_the_patient(db, patient_id, tmp_path):
    """patient.json has the patient, plans, phases, items, check-ins and audit trail; one handout per plan."""
    done = privacy.export_patient(db, patient_id, tmp_path)
    assert oct(done.folder.stat().st_mode & 0o777) == "0o700"
    assert NAME not in done.folder.name  # folder names show up in listings
    data = json.loads((done.folder / "patient.json").read_text(encoding="utf-8"))
    patient = data["patient"]
    assert patient["name"] == NAME and patient["private_notes"] == "Woont alleen"
    assert patient["birth_date"] == "1958-04-03"
    assert [p["title"] for p in patient["plans"]] == ["Schouder los", "Schouder sterk"]
    items = [i for p in patient["plans"] for ph in p["phases"] for i in ph["plan_items"]]
    assert len(items) == 4 and all(i["private_note"] == "Zwaluwstaart privé" for i in items)
    assert all(i["block"]["key"] for i in items)
    assert [c["note"] for p in patient["plans"] for c in p["checkins"]] == ["Ging goed"]
    actions = [event["action"] for event in data["audit_trail"]]
    assert actions[0] == "patient.create" and "checkin.add" in actions and actions[-1] == "patient.export"
    assert "Blijft Bestaan" not in json.dumps(data)
    pdfs = sorted(p for p in done.files if p.suffix == ".pdf")
    assert len(pdfs) == 2
    for pdf in pdfs:
        assert oct(pdf.stat().st_mode & 0o777) == "0o600"
        text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
        assert "Gerarda" in text and "Zwaluwstaart privé" not in text  # the handout never shows private notes


def _files(db_path: Path) -> list[Path]:
    return [p for p in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")) if p.exists()]


def test_erase_leaves_no_trace_in_the_database_files(db, db_path, patient_id):
    """After erasing, no row refers to the patient and the name (also a former one), goal and notes
    are in none of the database's files (main file, WAL, shared memory), in any common encoding, even
    while another program keeps the database open."""
    other_desk = sqlite3.connect(db_path)  # keeps the WAL from being removed when we close ours
    other_desk.execute("SELECT count(*) FROM blocks").fetchone()
    assert any(NAME.encode() in p.read_bytes() for p in _files(db_path))  # the search works
    erased = privacy.erase_patient(db, patient_id)
    assert erased.scrubbed
    assert erased.rows["patients"] == 1 and erased.rows["plans"] == 2 and erased.rows["checkins"] == 1
    assert erased.rows["plan_items"] == 4 and erased.rows["audit_events"] >= 8
    assert "nine weeks" in erased.message()
    with pytest.raises(NotFound):
        patients.get_patient(db, patient_id)
    secrets = [NAME, "Oudenaam", "Zwaluwstaart", "gerarda", "Veluwezoom", "Woont alleen", "Schouder los",
               "Voor Gerarda"]
    assert Path(f"{db_path}-wal").exists()
    for path in _files(db_path):
        raw = path.read_bytes()
        for secret in secrets:
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                assert secret.encode(encoding) not in raw, (path.name, secret, encoding)
    other_desk.close()
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*) FROM audit_events WHERE patient_id = ?", (patient_id,)).fetchone()[0] == 0
        assert con.execute("SELECT name FROM patients").fetchall() == [("Blijft Bestaan",)]
        assert [r[0] for r in con.execute("SELECT action FROM audit_events")][-1] == "patient.erase"
    finally:
        con.close()


def test_erase_is_preceded_by_a_backup(db, patient_id, _private_data_dir):
    """Erasing makes a verified backup first (it expires by rotation)."""
    erased = privacy.erase_patient(db, patient_id)
    assert erased.backup is not None and "before-erase" in erased.backup.name
    assert [b.reason for b in maintenance.list_backups()].count("before-erase") == 1


def test_the_audit_trail_per_patient(db, patient_id):
    """Who did what and when, per patient, newest first, in words."""
    trail = audit_service.patient_trail(db, patient_id)
    assert trail[0].action == "checkin.add" and trail[-1].action == "patient.create"
    assert {entry.user for entry in trail} == {"test-therapist"}
    assert trail[-1].description == "Patient added"
    assert any(entry.plan_title == "Schouder sterk" for entry in trail)
    assert all(entry.at <= dt.datetime.now(dt.UTC).replace(tzinfo=None) for entry in trail)


def test_what_changed_since_a_visit(db, patient_id):
    """The trail lists a plan's edits after a moment (for 'what changed since your last visit')."""
    plan = plans.list_plans(db, patient_id)[0]
    since = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    plans.update_plan(db, plan.id, goal="Nieuw doel")
    changes = audit_service.plan_changes_since(db, plan.id, since)
    assert [c.action for c in changes] == ["plan.update"]


def _run(*args: str, db_path: Path):
    env = {**os.environ, "HERSTELPLAN_DATABASE_URL": f"sqlite:///{db_path}"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_cli_export_and_erase(db, db_path, patient_id, tmp_path):
    """`export-patient ID --out DIR` writes the files; `erase-patient ID` needs --yes, then erases."""
    db.dispose()
    done = _run("export-patient", str(patient_id), "--out", str(tmp_path), db_path=db_path)
    assert done.returncode == 0, done.stderr
    assert any(line.endswith("patient.json") for line in done.stdout.splitlines())
    refused = _run("erase-patient", str(patient_id), db_path=db_path)
    assert refused.returncode == 2 and "--yes" in refused.stderr
    assert _run("check", db_path=db_path).returncode == 0
    erased = _run("erase-patient", str(patient_id), "--yes", db_path=db_path)
    assert erased.returncode == 0, erased.stderr
    assert "erased" in erased.stdout and "rotation" in erased.stdout
    again = _run("erase-patient", str(patient_id), "--yes", db_path=db_path)
    assert again.returncode == 1 and "does not exist" in again.stderr
