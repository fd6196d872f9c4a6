"""The patient's rights (GDPR/AVG articles 15, 17 and 20) and keeping their data out of logs.

- `export_patient`: everything stored about one patient as JSON (found by following every foreign
  key from the patient, so tables added later are included), plus each plan's handout as PDF.
- `erase_patient`: every row about the patient, their plans, check-ins, snapshots and audit
  events, in one transaction after a verified backup; then the SQLite file is vacuumed and its
  write-ahead log emptied so no trace is left in the file. Backups made earlier still hold the
  patient until the rotation deletes them (nine weeks at most); the message says so.
- `configure_logging`: a private log file in which SQL parameters (names, notes) never appear.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import logging
import logging.handlers
import os
import shutil
import tempfile
from dataclasses import dataclass
from io import TextIOWrapper
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Table, delete, or_, select, text
from sqlalchemy.orm import Session

from planner.domain.errors import HerstelplanError, NotFound
from planner.domain.messages import msg
from planner.handout.model import HandoutOptions
from planner.i18n import _
from planner.paths import log_dir
from planner.store import audit
from planner.store import backup as backups
from planner.store import tables as t
from planner.store.engine import Database

log = logging.getLogger(__name__)

EXPORT_FORMAT = "herstelplan-patient-export"
_SKIP = {"audit_events"}  # gathered separately: events name a plan without a foreign key


@dataclass(frozen=True, slots=True)
class PatientExport:
    folder: Path
    files: tuple[Path, ...]


@dataclass(frozen=True, slots=True)
class Erasure:
    """What erasing removed: rows per table; the backup made first; whether the file was scrubbed."""

    patient_id: int
    rows: dict[str, int]
    backup: Path | None
    scrubbed: bool
    unscrubbed: str = ""  # what could not be scrubbed and what to do, when not `scrubbed`

    def message(self) -> str:
        """The sentence for the therapist, including what remains in older backups."""
        total = sum(self.rows.values())
        text_ = _("The patient and everything about them (%(n)d records) were erased from the database.") % {
            "n": total}
        if self.backup is not None:
            text_ += " " + _(
                "Backups made before now, including the one made just before erasing, still hold this "
                "patient until the rotation deletes them (within nine weeks)."
            )
        return text_


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode("ascii")}
    return value


def _children(parent: Table) -> list[tuple[Table, str]]:
    """(table, column) pairs whose foreign key points at `parent`'s id."""
    out = []
    for table in t.Base.metadata.sorted_tables:
        if table.name in _SKIP:
            continue
        for fk in table.foreign_keys:
            if fk.column.table is parent and fk.column.name == "id" and table is not parent:
                out.append((table, fk.parent.name))
    return out


def _gather(session: Session, table: Table, row: dict[str, Any], counts: dict[str, int]) -> dict[str, Any]:
    """`row` as JSON with every row that points at it nested under the child table's name."""
    out = {key: _jsonable(value) for key, value in row.items()}
    if table.name == "plan_items" and row.get("block_id") is not None:
        block = session.get(t.Block, row["block_id"])
        if block is not None:
            out["block"] = {"key": block.key, "title": {x.lang: x.title for x in block.texts}}
    for child, column in _children(table):
        rows = session.execute(select(child).where(child.c[column] == row["id"]).order_by(child.c.id)).mappings()
        listed = [_gather(session, child, dict(r), counts) for r in rows]
        counts[child.name] = counts.get(child.name, 0) + len(listed)
        out[child.name] = listed
    return out


def _audit_rows(session: Session, patient_id: int, plan_ids: list[int]) -> list[t.AuditEvent]:
    return list(session.scalars(
        select(t.AuditEvent)
        .where(or_(t.AuditEvent.patient_id == patient_id, t.AuditEvent.plan_id.in_(plan_ids or [-1])))
        .order_by(t.AuditEvent.at, t.AuditEvent.id)
    ))


def patient_data(session: Session, patient_id: int) -> tuple[dict[str, Any], dict[str, int]]:
    """Everything about one patient as a JSON-ready dict, and the number of rows per table."""
    patients = cast(Table, t.Patient.__table__)
    row = session.execute(select(patients).where(patients.c.id == patient_id)).mappings().first()
    if row is None:
        raise NotFound(msg("Patient {patient_id} does not exist.", patient_id=str(patient_id)))
    counts = {"patients": 1}
    patient = _gather(session, patients, dict(row), counts)
    plan_ids = [plan["id"] for plan in patient.get("plans", [])]
    events = _audit_rows(session, patient_id, plan_ids)
    counts["audit_events"] = len(events)
    trail = [{"at": _jsonable(e.at), "user": e.user, "action": e.action, "plan_id": e.plan_id,
              "detail": e.detail} for e in events]
    return {"patient": patient, "audit_trail": trail}, counts


def erasure_preview(db: Database, patient_id: int) -> dict[str, int]:
    """How many records erasing the patient would remove, per table (for the confirmation)."""
    with db.reading() as session:
        _data, counts = patient_data(session, patient_id)
    return {name: n for name, n in counts.items() if n}


def _write(path: Path, data: bytes) -> Path:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    return path


def _handouts(db: Database, plans: list[dict[str, Any]]) -> list[tuple[str, bytes]]:
    """Every plan's handout, rendered before anything is written (a failing one stops the export)."""
    from planner.services import handouts

    out = []
    for plan in plans:
        try:
            pdf = handouts.render_handout(db, plan["id"], HandoutOptions(lang=plan["language"]))
        except HerstelplanError:
            raise
        except Exception as error:
            log.exception("the handout of plan %s could not be made", plan["id"])
            raise HerstelplanError(
                msg("The handout of plan {plan} could not be made ({reason}); nothing was exported.",
                    plan=str(plan["id"]), reason=type(error).__name__)
            ) from error
        out.append((f"handout-plan-{plan['id']}.pdf", pdf))
    return out


def _write_folder(final: Path, files: list[tuple[str, bytes]]) -> tuple[Path, ...]:
    """All files or none: written into a private temporary folder next to `final`, fsynced, and
    renamed to `final` only when every file is complete."""
    partial = Path(tempfile.mkdtemp(prefix=f".{final.name}.", suffix=".partial", dir=final.parent))
    try:
        partial.chmod(0o700)
        for name, data in files:
            _write(partial / name, data)
        folder_fd = os.open(partial, os.O_RDONLY)
        try:
            os.fsync(folder_fd)
        finally:
            os.close(folder_fd)
        partial.rename(final)
    except BaseException as error:
        shutil.rmtree(partial, ignore_errors=True)
        if isinstance(error, OSError):
            raise HerstelplanError(
                msg("The export could not be written to {folder}: {reason}. Nothing was exported; "
                    "free some disk space or choose another folder.", folder=str(final.parent), reason=error.strerror or error)
            ) from error
        raise
    return tuple(final / name for name, _data in files)


def export_patient(db: Database, patient_id: int, out_dir: Path, *, now: dt.datetime | None = None) -> PatientExport:
    """Write `patient.json` and one handout PDF per plan into a new private folder inside `out_dir`.

    All or nothing: every handout is rendered first and the files are written into a temporary
    folder that is renamed when complete; the audit event ("exported") is committed only then. The
    folder is named after the patient's number and the time, never their name (folder names end up
    in file listings and logs).
    """
    now = now or dt.datetime.now()
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise HerstelplanError(msg("The folder {folder} does not exist.", folder=str(out_dir)))
    final = out_dir / f"herstelplan-patient-{patient_id}-{now:%Y%m%d-%H%M%S}"
    if final.exists():
        raise HerstelplanError(msg("{folder} already exists; try again in a second.", folder=str(final)))
    written: tuple[Path, ...] = ()
    try:
        with db.transaction() as session:
            if session.get(t.Patient, patient_id) is None:
                raise NotFound(msg("Patient {patient_id} does not exist.", patient_id=str(patient_id)))
            audit.record(session, "patient.export", patient_id=patient_id)
            session.flush()  # the export lists itself in the trail it carries (rolled back on failure)
            data, _counts = patient_data(session, patient_id)
            document = {"format": EXPORT_FORMAT, "version": 1,
                        "exported_at": now.isoformat(timespec="seconds"), **data}
            text_ = json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False)
            files = [("patient.json", text_.encode("utf-8")), *_handouts(db, data["patient"].get("plans", []))]
            written = _write_folder(final, files)
    except BaseException:
        if written:  # the audit event could not be committed: no export without its record
            shutil.rmtree(final, ignore_errors=True)
        raise
    return PatientExport(final, written)


def _fts_tables(session: Session) -> list[str]:
    rows = session.execute(text(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND lower(sql) LIKE '%using fts5%'"))
    return [row[0] for row in rows]


def _scrub_sqlite(db: Database) -> bool:
    """Leave no deleted content in the file: empty the WAL, VACUUM, empty the WAL again."""
    db.dispose()  # idle pooled connections would keep the write-ahead log from being emptied
    raw = db.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        cursor.execute("VACUUM")
        busy = cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        cursor.close()
    finally:
        raw.close()
    db.dispose()
    return bool(busy == 0)


def _scrub_postgres(db: Database, tables: list[str]) -> bool:
    """VACUUM FULL rewrites the tables, so deleted rows do not linger in their files."""
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        for name in tables:
            connection.exec_driver_sql(f'VACUUM FULL "{name}"')
    return True


def _not_vacuumable(db: Database, tables: list[str]) -> tuple[str, list[str]]:
    """This role, and the tables it may not VACUUM FULL (the server would skip them with a warning):
    it must own them, own the database, be a superuser or (PostgreSQL 17) hold MAINTAIN."""
    query = text(
        "SELECT c.relname FROM pg_class c WHERE c.relname = ANY(:names) AND c.relkind = 'r' "
        "AND c.relnamespace = to_regnamespace(current_schema())::oid "
        "AND NOT (pg_has_role(current_user, c.relowner, 'USAGE') "
        "OR pg_has_role(current_user, (SELECT datdba FROM pg_database WHERE datname = current_database()), 'USAGE') "
        "OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) "
        "OR (current_setting('server_version_num')::int >= 170000 "
        "    AND has_table_privilege(c.oid, 'MAINTAIN')))"
    )
    with db.engine.connect() as connection:
        found = sorted(row[0] for row in connection.execute(query, {"names": tables}))
        role = connection.execute(text("SELECT current_user")).scalar()
    return str(role), found


def erase_patient(db: Database, patient_id: int, *, backup: bool = True) -> Erasure:
    """Erase a patient completely (after a verified backup), then scrub the database file."""
    from planner.services import maintenance

    with db.reading() as session:
        if session.get(t.Patient, patient_id) is None:
            raise NotFound(msg("Patient {patient_id} does not exist.", patient_id=str(patient_id)))
    tables = [table.name for table in t.Base.metadata.sorted_tables]
    role, refused = ("", []) if db.is_sqlite else _not_vacuumable(db, tables)  # known before anything is deleted
    made = maintenance.backup(db, reason="before-erase") if backup and db.sqlite_path is not None else None
    with db.transaction() as session:
        if db.is_sqlite:
            session.execute(text("PRAGMA secure_delete = ON"))
        _data, counts = patient_data(session, patient_id)
        plan_ids = list(session.scalars(select(t.Plan.id).where(t.Plan.patient_id == patient_id)))
        session.execute(delete(t.AuditEvent).where(
            or_(t.AuditEvent.patient_id == patient_id, t.AuditEvent.plan_id.in_(plan_ids or [-1]))))
        session.delete(session.get(t.Patient, patient_id))
        session.flush()
        if db.is_sqlite:
            for name in _fts_tables(session):  # merge full-text segments so no old token survives
                if name.isidentifier():  # a table name from sqlite_master, checked: no quoting tricks
                    session.execute(text(f'INSERT INTO "{name}"("{name}") VALUES (\'optimize\')'))  # noqa: S608
        audit.record(session, "patient.erase", detail=f"{sum(counts.values())} records")
    unscrubbed = ""
    if db.is_sqlite:
        scrubbed = _scrub_sqlite(db)
        if not scrubbed:
            unscrubbed = _(
                "The database file could not be cleaned completely because another program is reading "
                "it: deleted data stays in the file's free space until it is. Close Herstelplan "
                "everywhere, then run `python main.py erase-patient %(id)d --yes` again: it cleans the "
                "file even though the patient is gone.") % {"id": patient_id}
    else:
        touched = [name for name, n in counts.items() if n] + ["audit_events"]
        _scrub_postgres(db, [name for name in touched if name not in refused])
        left = [name for name in touched if name in refused]
        scrubbed = not left
        if left:
            unscrubbed = _(
                "The rows were deleted, but the database role %(role)s may not rewrite the tables "
                "%(tables)s, so the deleted data (names, notes) stays in the server's table files. "
                "Ask the database owner to run VACUUM FULL on these tables.") % {
                "role": role, "tables": ", ".join(left)}
    if made is not None:
        backups.rotate(made.parent)
    return Erasure(patient_id, {k: v for k, v in counts.items() if v}, made, scrubbed, unscrubbed)


def scrub_after_erase(db: Database, patient_id: int) -> str:
    """Run again after an erase that could not clean the SQLite file: the patient is gone, so clean
    the file now. Returns the sentence for the user."""
    if not db.is_sqlite:
        raise NotFound(msg("Patient {patient_id} does not exist.", patient_id=str(patient_id)))
    if not _scrub_sqlite(db):
        raise HerstelplanError(msg("Patient {id} does not exist (any more), and the database file still cannot be "
                                   "cleaned because another program is reading it. Close Herstelplan everywhere "
                                   "and try again.", id=str(patient_id)))
    return _("Patient %(id)d does not exist (any more); the database file was cleaned of deleted data.") % {
        "id": patient_id}


class _PrivateLogFile(logging.handlers.RotatingFileHandler):
    """A rotating log whose files (also the ones started at each rotation) are 0600."""

    def _open(self) -> TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return cast(TextIOWrapper, os.fdopen(fd, self.mode, encoding=self.encoding, errors=self.errors))  # text mode


def configure_logging(*, level: int = logging.INFO, folder: Path | None = None) -> Path:
    """Log to a private, rotating file in the log folder; SQL and its parameters are never logged
    (engines also hide parameters from error texts). Returns the log file's path."""
    folder = folder or log_dir()
    path = folder / "herstelplan.log"
    handler = _PrivateLogFile(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(level)
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    logging.getLogger("svglib").setLevel(logging.WARNING)
    return path
