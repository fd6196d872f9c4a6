"""Plan and template files (docs/plan-file-format.md): export one, import one.

Import is strict and all-or-nothing: the file is parsed and checked completely before the
database is touched (planner.services.plan_file_check); then a verified backup is made and the
plan is created in one transaction. A rejected file changes nothing, and the message names the
wrong field as a JSON path (`$.plan.phases[1].items[0].dosage.sets`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from planner import __version__
from planner.domain.errors import NotFound
from planner.domain.messages import msg
from planner.domain.model import PlanView
from planner.services.files import UnreadableFile, read_limited, write_atomically
from planner.services.plan_file_check import MAX_FILE_BYTES, TransferError, check, parse
from planner.store import audit
from planner.store import tables as t
from planner.store import transfer as files
from planner.store.engine import LOCK_IMPORT, Database, one_at_a_time
from planner.store.views import plan_view

__all__ = ["TransferError", "check", "export_data", "export_plan_file", "import_data", "import_plan_file", "parse",
           "read_file"]


def read_file(path: Path) -> Any:
    """Read a plan file and check it without touching the database; returns the parsed document
    (for `import_data`)."""
    try:
        raw = read_limited(Path(path), MAX_FILE_BYTES)
    except UnreadableFile as error:
        raise TransferError("$", error.message, sentence=True) from None
    doc = parse(raw)
    check(doc)
    return doc


# ---- use cases --------------------------------------------------------------------------------


def export_data(db: Database, plan_id: int) -> dict[str, Any]:
    """The plan file's content for one plan or template (recorded in the audit trail)."""
    with db.transaction() as session:
        data = files.export_plan(session, plan_id, generator=f"Herstelplan {__version__}")
        plan = session.get(t.Plan, plan_id)
        audit.record(session, "plan.export", patient_id=plan.patient_id if plan else None, plan_id=plan_id)
    return data


def export_plan_file(db: Database, plan_id: int, out: Path) -> Path:
    """Write the plan (or template) `plan_id` as a plan file to `out`."""
    data = export_data(db, plan_id)
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    return write_atomically(Path(out), text.encode("utf-8"))


def import_data(db: Database, doc: Any, *, patient_id: int | None = None, backup: bool = True) -> PlanView:
    """Import a parsed plan file: as a draft plan for `patient_id`, or as a clinic template."""
    checked = check(doc)
    if backup and db.sqlite_path is not None:
        from planner.services import maintenance

        maintenance.backup(db, reason="before-import")
    with db.transaction() as session:
        one_at_a_time(session, LOCK_IMPORT)  # concurrent imports reuse one copy of a custom block
        patient = None
        if patient_id is not None:
            patient = session.get(t.Patient, patient_id)
            if patient is None:
                raise NotFound(msg("Patient {patient_id} does not exist.", patient_id=str(patient_id)))
            patient.updated_at = t.utcnow()
        try:
            plan = files.import_plan(session, checked, patient=patient)
        except files.UnknownBlock as unknown:
            raise TransferError(
                unknown.path, msg("the block {key} is not in this library", key=unknown.key)
            ) from None
        audit.record(session, "plan.import", patient_id=patient_id, plan_id=plan.id, detail=checked["kind"])
        session.flush()
        session.refresh(plan)
        return plan_view(plan)


def import_plan_file(db: Database, path: Path, *, patient_id: int | None = None) -> PlanView:
    """Import the plan file at `path` (checked completely first; backup; one transaction)."""
    return import_data(db, read_file(path), patient_id=patient_id)
