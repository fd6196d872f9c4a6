"""Two (or five) desks on one real PostgreSQL server: conflicts are explicit, migrations run once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from planner.domain.errors import ConflictError
from planner.services import patients, plans, privacy
from planner.services.database import open_database
from planner.store import migrate

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parents[2]

DESK = """
import sys
from alembic import command
real = command.upgrade
def counting(config, target):
    print("UPGRADE-RAN", flush=True)
    return real(config, target)
command.upgrade = counting
from planner.services.database import open_database
print("READY", flush=True)
sys.stdin.readline()
db = open_database(sys.argv[1])
db.dispose()
print("OPENED", flush=True)
"""


def test_a_second_desk_gets_a_conflict_naming_both_versions(pg_url):
    """Desk B saves over a plan desk A changed meanwhile: refused, and the message names both versions."""
    desk_a, desk_b = open_database(pg_url), open_database(pg_url)
    try:
        patient = patients.create_patient(desk_a, name="Twee Balies")
        plan = plans.create_plan(desk_a, patient_id=patient.id, title="Gedeeld plan")
        seen_by_b = plans.get_plan(desk_b, plan.id).version
        saved_by_a = plans.update_plan(desk_a, plan.id, expected_version=plan.version, goal="A").version
        with pytest.raises(ConflictError) as caught:
            plans.update_plan(desk_b, plan.id, expected_version=seen_by_b, goal="B")
        message = str(caught.value)
        assert f"version {saved_by_a}" in message and f"version {seen_by_b}" in message
        assert "not saved" in message
        assert plans.get_plan(desk_b, plan.id).goal == "A"
    finally:
        desk_a.dispose()
        desk_b.dispose()


def test_five_desks_starting_together_migrate_once_and_all_open(pg_url):
    """Five processes open an empty shared database at the same moment: one upgrade runs, all succeed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    desks = [
        subprocess.Popen([sys.executable, "-c", DESK, pg_url], cwd=ROOT, env=env, text=True,
                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for _ in range(5)
    ]
    for desk in desks:
        assert desk.stdout.readline().strip() == "READY"
    for desk in desks:  # the starting shot, as close together as five pipes allow
        desk.stdin.write("go\n")
        desk.stdin.flush()
    outputs = []
    for desk in desks:
        out, err = desk.communicate(timeout=180)
        assert desk.returncode == 0, err
        outputs.append(out)
    assert sum(out.count("UPGRADE-RAN") for out in outputs) == 1
    assert all("OPENED" in out for out in outputs)
    engine = create_engine(pg_url)
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()
        blocks = connection.execute(text("SELECT count(*), count(DISTINCT key) FROM blocks")).one()
        templates = connection.execute(text("SELECT count(*), count(DISTINCT template_key) FROM plans "
                                            "WHERE template_key IS NOT NULL")).one()
    engine.dispose()
    assert blocks[0] == blocks[1] > 0  # the library was seeded once, not five times
    assert templates[0] == templates[1]


def test_erasing_a_patient_on_postgres(pg_url):
    """Erase works on the server too: every row about the patient is gone, other patients stay."""
    db = open_database(pg_url)
    try:
        keep = patients.create_patient(db, name="Blijft")
        gone = patients.create_patient(db, name="Weg Ermee")
        plan = plans.create_plan(db, patient_id=gone.id, title="Plan", phases=[{"name": "Een", "weeks": 2}])
        plans.update_plan(db, plan.id, goal="Doel van Weg Ermee")
        erased = privacy.erase_patient(db, gone.id)
        assert erased.rows["patients"] == 1 and erased.rows["plans"] == 1 and erased.backup is None
        with db.engine.connect() as connection:
            assert connection.execute(text("SELECT count(*) FROM plans WHERE id = :id"), {"id": plan.id}).scalar() == 0
            assert connection.execute(
                text("SELECT count(*) FROM audit_events WHERE patient_id = :p OR plan_id = :q"),
                {"p": gone.id, "q": plan.id}).scalar() == 0
        assert [p.name for p in patients.list_patients(db)] == [keep.name]
    finally:
        db.dispose()
