"""SQLite opened the same way on every connection; writers queue instead of failing."""

from __future__ import annotations

import threading

from planner.services import patients, plans
from planner.services.database import open_database

DESKS, EDITS = 4, 25


def test_concurrent_writers_all_succeed(db, db_path):
    """Four programs on one file, each reading then changing the same plan 25 times at once: every edit
    is stored (BEGIN IMMEDIATE makes them wait their turn; a deferred BEGIN fails with 'locked')."""
    patient = patients.create_patient(db, name="Gedeeld")
    plan = plans.create_plan(db, patient_id=patient.id, title="Samen", phases=[{"name": "Een", "weeks": 1}])
    desks = [open_database(f"sqlite:///{db_path}", seed=False, daily_backup=False) for _ in range(DESKS)]
    start = threading.Barrier(DESKS)
    errors: list[BaseException] = []

    def work(desk) -> None:
        start.wait()
        for _ in range(EDITS):
            try:
                plans.update_phase(desk, plans.get_plan(desk, plan.id).phases[0].id, weeks=2)
            except BaseException as error:  # noqa: BLE001 - collected and reported below
                errors.append(error)

    threads = [threading.Thread(target=work, args=(desk,)) for desk in desks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for desk in desks:
        desk.dispose()
    assert errors == []
    assert plans.get_plan(db, plan.id).version == plan.version + DESKS * EDITS


def test_settings_survive_a_reconnect(db):
    """After the pool is emptied (as a restore or erase does), new connections get the same settings."""
    db.dispose()
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10_000
