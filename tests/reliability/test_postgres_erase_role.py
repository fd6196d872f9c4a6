"""Erase on PostgreSQL as a role that does not own the tables: the server would skip VACUUM FULL
with only a warning, so what could not be scrubbed is said plainly and the command fails (issue 14: 7)."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from planner.services import patients, plans, privacy
from planner.services.database import open_database

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def desk_role(pg_url):
    """The URL of a desk role that may read and write every row but owns no table."""
    open_database(pg_url).dispose()  # the tables, owned by the administrator
    role = f"desk_{uuid.uuid4().hex[:8]}"
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE ROLE "{role}" LOGIN'))
        connection.execute(text(f'GRANT USAGE ON SCHEMA public TO "{role}"'))
        connection.execute(text(f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "{role}"'))
        connection.execute(text(f'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO "{role}"'))
    try:
        yield pg_url.replace("postgres@", f"{role}@", 1)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP OWNED BY "{role}"'))
            connection.execute(text(f'DROP ROLE "{role}"'))
        admin.dispose()


def _patient_with_plan(db) -> int:
    gone = patients.create_patient(db, name="Niet Eigenaar", private_notes="Privé notitie")
    plans.create_plan(db, patient_id=gone.id, title="Plan", phases=[{"name": "Een", "weeks": 2}])
    return gone.id


@pytest.mark.postgres
def test_erase_as_a_non_owner_says_what_could_not_be_scrubbed(desk_role):
    db = open_database(desk_role)
    try:
        patient_id = _patient_with_plan(db)
        erased = privacy.erase_patient(db, patient_id)
        assert not erased.scrubbed
        assert "patients" in erased.unscrubbed and "VACUUM FULL" in erased.unscrubbed
        assert "may not rewrite" in erased.unscrubbed
        assert patient_id not in [p.id for p in patients.list_patients(db)]  # the rows are gone
    finally:
        db.dispose()


@pytest.mark.postgres
def test_the_command_exits_non_zero_as_a_non_owner(desk_role):
    db = open_database(desk_role)
    try:
        patient_id = _patient_with_plan(db)
    finally:
        db.dispose()
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "erase-patient", str(patient_id), "--yes", "--database", desk_role],
        capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)}, cwd=ROOT)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "VACUUM FULL" in done.stderr and "Traceback" not in done.stderr
    assert "erased" in done.stdout


@pytest.mark.postgres
def test_erase_as_the_owner_scrubs(pg_url):
    db = open_database(pg_url)
    try:
        erased = privacy.erase_patient(db, _patient_with_plan(db))
        assert erased.scrubbed and erased.unscrubbed == ""
    finally:
        db.dispose()


def test_run_again_after_an_unscrubbed_sqlite_erase_cleans_the_file(db, db_path, monkeypatch):
    """Finding 11: the advice 'run the command again' works: the patient is gone, the file is cleaned."""
    patient_id = _patient_with_plan(db)
    real = privacy._scrub_sqlite
    monkeypatch.setattr(privacy, "_scrub_sqlite", lambda db_: False)  # another program was reading
    erased = privacy.erase_patient(db, patient_id, backup=False)
    assert not erased.scrubbed and f"erase-patient {patient_id} --yes" in erased.unscrubbed
    monkeypatch.setattr(privacy, "_scrub_sqlite", real)
    db.dispose()
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "erase-patient", str(patient_id), "--yes"],
                          capture_output=True, text=True, timeout=120, cwd=ROOT,
                          env={**os.environ, "HERSTELPLAN_DATABASE_URL": f"sqlite:///{db_path}"})
    assert "does not exist (any more)" in done.stderr and "was cleaned" in done.stderr
    assert b"Niet Eigenaar" not in db_path.read_bytes()
