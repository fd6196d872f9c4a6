"""A whole working session with the network switched off, run in a fresh interpreter by test_privacy.

Socket creation and name lookups raise from the first line on, and an audit hook records any
attempt that slipped past; the session opens a new database in the default place, edits a patient's
plan, records a check-in, exports a handout, a plan file and the patient's data, imports, backs up
and restores, with logging at DEBUG into the program's log file. It prints one JSON line with what
it saw. Usage: python -m tests.reliability.offline_session OUT_DIR
"""

from __future__ import annotations

import json
import logging
import socket
import sys

ATTEMPTS: list[str] = []


def _refuse(*_args, **_kwargs):
    raise OSError("network access is blocked in this test")


def _hook(event: str, args: tuple) -> None:
    if event.startswith(("socket.", "urllib.", "http.", "ftplib.", "smtplib.")):
        ATTEMPTS.append(event)


class _NoSocket(socket.socket):
    """A socket class that cannot be made (subclassing still works, as ssl needs)."""

    def __init__(self, *_args, **_kwargs):
        raise OSError("network access is blocked in this test")


sys.addaudithook(_hook)
socket.socket = _NoSocket  # type: ignore[misc]
socket.create_connection = _refuse  # type: ignore[assignment]
socket.getaddrinfo = _refuse  # type: ignore[assignment]
socket.socketpair = _refuse  # type: ignore[assignment]


def main(out_dir: str) -> None:
    import datetime as dt
    from pathlib import Path

    from planner.domain.errors import HerstelplanError
    from planner.handout.model import HandoutOptions
    from planner.services import (
        checkins,
        handouts,
        library,
        maintenance,
        patients,
        plan_items,
        plans,
        privacy,
        transfer,
    )
    from planner.services.database import open_database

    out = Path(out_dir)
    log_file = privacy.configure_logging(level=logging.DEBUG)
    logging.getLogger("herstelplan.test").info("session starts")
    db = open_database()
    patient = patients.create_patient(db, name="Offline Odilia", complaint="Heupklachten Odilia",
                                      private_notes="Privé over Odilia")
    template = library.list_templates(db, language="nl")[0]
    plan = plans.create_from_template(db, template.id, patient_id=patient.id, goal="Odilia wil dansen")
    item = plan.phases[0].items[0]
    plan_items.update_item(db, item.id, dosage={"sets": 2}, patient_note="Voor Odilia", private_note="Odilia privé")
    checkins.record_checkin(db, plan.id, date=dt.date.today(), pain_during=2, next_morning="better",
                            sessions_done=3, sessions_planned=3, note="Odilia voelt zich goed")
    for bad in (lambda: plan_items.update_item(db, item.id, dosage={"sets": 99}),
                lambda: patients.get_patient(db, 999_999),
                lambda: transfer.import_data(db, transfer.parse(b'{"format": 1}'))):
        try:
            bad()
        except HerstelplanError as error:
            logging.getLogger("herstelplan.test").warning("refused: %s", type(error).__name__)
    handouts.export_handout(db, plan.id, out / "handout.pdf", HandoutOptions(lang="nl"))
    transfer.export_plan_file(db, plan.id, out / "plan.json")
    transfer.import_plan_file(db, out / "plan.json")
    privacy.export_patient(db, patient.id, out)
    made = maintenance.backup(db)
    maintenance.restore_backup(None, made, db=db)
    db.dispose()
    print(json.dumps({
        "attempts": ATTEMPTS,
        "psycopg_loaded": any(name.startswith("psycopg") for name in sys.modules),
        "log_file": str(log_file),
        "database": str(db.sqlite_path),
        "backup": str(made),
    }))


if __name__ == "__main__":
    main(sys.argv[1])
