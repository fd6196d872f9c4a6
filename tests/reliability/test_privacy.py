"""Privacy: private files and folders, no network at all, no patient data in logs or error texts."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from planner.paths import data_dir, default_database_path
from planner.services import maintenance, patients, privacy
from planner.services.database import open_database

ROOT = Path(__file__).resolve().parents[2]


def mode(path: Path) -> str:
    return oct(stat.S_IMODE(path.stat().st_mode))


def test_data_folder_database_wal_backups_and_log_are_private(_private_data_dir):
    """A first start creates the data folder 0700 and the database, its WAL and shared memory 0600;
    backups and the log are 0600 in 0700 folders."""
    os.umask(0o022)  # a normal desktop umask: the program must not depend on a strict one
    db = open_database()
    try:
        patients.create_patient(db, name="Modes")
        path = default_database_path()
        assert mode(data_dir()) == "0o700"
        assert mode(path) == "0o600"
        assert mode(Path(f"{path}-wal")) == "0o600" and mode(Path(f"{path}-shm")) == "0o600"
        made = maintenance.backup(db)
        assert mode(made) == "0o600" and mode(made.parent) == "0o700"
        log = privacy.configure_logging()
        assert mode(log) == "0o600" and mode(log.parent) == "0o700"
    finally:
        db.dispose()


def test_an_existing_database_readable_by_others_is_made_private(db_path):
    """Opening a database that others could read takes their permissions away (its WAL too)."""
    db_path.chmod(0o644)
    open_database(f"sqlite:///{db_path}", daily_backup=False).dispose()
    assert mode(db_path) == "0o600"


def test_a_database_in_a_new_folder_gets_a_private_folder(tmp_path):
    """`--database sqlite:///new/folder/x.sqlite3` creates the folder 0700."""
    path = tmp_path / "new" / "folder" / "x.sqlite3"
    open_database(f"sqlite:///{path}").dispose()
    assert mode(path.parent) == "0o700" and mode(path) == "0o600"


@pytest.fixture(scope="module")
def offline_session(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """One full session in a fresh interpreter with the network blocked (see offline_session.py)."""
    folder = tmp_path_factory.mktemp("offline")
    out = folder / "out"
    out.mkdir()
    env = {**os.environ, "HERSTELPLAN_DATA_DIR": str(folder / "data"), "PYTHONPATH": str(ROOT)}
    env.pop("HERSTELPLAN_DATABASE_URL", None)
    done = subprocess.run([sys.executable, "-m", "tests.reliability.offline_session", str(out)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return {**json.loads(done.stdout.strip().splitlines()[-1]), "out": out}


def test_a_full_session_works_with_the_network_blocked(offline_session):
    """Open, edit, check-in, handout, plan file, patient export, import, backup and restore all work
    with sockets unavailable, and nothing even tried to use the network (PostgreSQL's driver is
    never loaded for a SQLite database)."""
    assert offline_session["attempts"] == []
    assert offline_session["psycopg_loaded"] is False
    out = offline_session["out"]
    assert (out / "handout.pdf").read_bytes().startswith(b"%PDF")
    assert json.loads((out / "plan.json").read_text())["format"] == "herstelplan-plan"
    assert list(out.glob("herstelplan-patient-*/patient.json"))


def test_the_log_holds_no_patient_data(offline_session):
    """After a session logged at DEBUG (with refused edits and a bad import), the log file has lines
    but no name, complaint, note or goal of the patient."""
    log = Path(offline_session["log_file"]).read_text(encoding="utf-8")
    assert "session starts" in log and "refused: ValidationError" in log
    for secret in ("Odilia", "Heupklachten", "dansen", "Privé"):
        assert secret not in log
    assert mode(Path(offline_session["log_file"])) == "0o600"


def test_database_errors_never_carry_the_values(db):
    """A failing statement's error text shows the SQL, never the bound values (names, notes)."""
    patient = patients.create_patient(db, name="Parameter Petronella")
    with pytest.raises(IntegrityError) as caught, db.transaction() as session:
        session.execute(text("INSERT INTO patients (id, name, complaint, region, language, private_notes, "
                             "search_text, archived, created_at, updated_at) VALUES (:id, :name, '', '', 'nl', "
                             "'', '', 0, '2026-01-01', '2026-01-01')"), {"id": patient.id, "name": "Petronella"})
    assert "Petronella" not in str(caught.value)
    assert "hidden due to hide_parameters" in str(caught.value)
