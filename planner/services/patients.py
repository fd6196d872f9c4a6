"""Patient use cases: list and search, create, edit, archive."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import and_, func, or_, select

from planner.domain.errors import NotFound, ValidationError
from planner.domain.kinds import LANGUAGES
from planner.domain.messages import Msg, msg
from planner.domain.model import PatientView
from planner.domain.text import fold
from planner.languages import listed
from planner.store import audit
from planner.store import tables as t
from planner.store.engine import Database
from planner.store.views import patient_view

EDITABLE = ("name", "birth_date", "complaint", "region", "language", "private_notes", "fell_last_year",
            "fears_falling")
MAX_NAME = 200
MAX_TEXT = 20_000
EARLIEST_BIRTH_YEAR = 1900


def validate_patient(fields: dict[str, Any], *, today: dt.date | None = None) -> dict[str, Msg]:
    """Field -> problem for patient fields; empty when everything is acceptable."""
    today = today or dt.date.today()
    problems: dict[str, Msg] = {}
    if "name" in fields:
        name = (fields["name"] or "").strip()
        if not name:
            problems["name"] = msg("A name is required.")
        elif len(name) > MAX_NAME:
            problems["name"] = msg("At most {n} characters.", n=MAX_NAME)
    birth = fields.get("birth_date")
    if birth is not None:
        if not isinstance(birth, dt.date):
            problems["birth_date"] = msg("Not a valid date.")
        elif birth > today:
            problems["birth_date"] = msg("The date of birth cannot be in the future.")
        elif birth.year < EARLIEST_BIRTH_YEAR:
            problems["birth_date"] = msg("The date of birth must be after {year}.",
                                         year=str(EARLIEST_BIRTH_YEAR))
    if "language" in fields and fields["language"] not in LANGUAGES:
        problems["language"] = msg("Choose one of these languages: {choices}.", choices=listed())
    for key in ("complaint", "private_notes", "region"):
        if len(fields.get(key) or "") > MAX_TEXT:
            problems[key] = msg("At most {n} characters.", n=MAX_TEXT)
    return problems


def search_text(row: t.Patient) -> str:
    """What the patient search looks in: name, complaint and region, folded."""
    return fold(f"{row.name} {row.complaint} {row.region}")


def list_patients(
    db: Database, *, query: str = "", include_archived: bool = False, limit: int | None = None,
    offset: int = 0,
) -> list[PatientView]:
    """Patients matching `query` (name or complaint, any case or accents), newest activity first.
    Read as plain columns (no ORM objects): a search runs on every keystroke."""
    p = t.Patient
    stmt = (select(p.id, p.name, p.birth_date, p.complaint, p.region, p.language, p.private_notes, p.archived,
                   p.updated_at)
            .order_by(t.Patient.updated_at.desc(), t.Patient.id.desc()))
    if not include_archived:
        stmt = stmt.where(t.Patient.archived.is_(False))
    for word in fold(query).split():
        stmt = stmt.where(t.Patient.search_text.contains(word, autoescape=True))
    if limit is not None:
        stmt = stmt.limit(limit).offset(offset)
    with db.reading() as session:
        return [
            PatientView(id=id_, name=name, birth_date=birth, complaint=complaint, region=region, language=language,
                        private_notes=notes, archived=archived, updated_at=updated)
            for id_, name, birth, complaint, region, language, notes, archived, updated in session.execute(stmt)
        ]


def patient_position(db: Database, patient_id: int, *, query: str = "", include_archived: bool = False) -> int | None:
    """The row `patient_id` has in list_patients(query=...) (0 = first), or None when that list does
    not show the patient. One count over the activity index, so a list can jump straight to a patient
    far down (a remembered patient at start-up) instead of paging through everyone before."""
    with db.reading() as session:
        row = session.get(t.Patient, patient_id)
        if row is None or (row.archived and not include_archived):
            return None
        words = fold(query).split()
        if any(word not in (row.search_text or "") for word in words):
            return None
        before = or_(t.Patient.updated_at > row.updated_at,
                     and_(t.Patient.updated_at == row.updated_at, t.Patient.id > row.id))
        stmt = select(func.count()).select_from(t.Patient).where(before)
        if not include_archived:
            stmt = stmt.where(t.Patient.archived.is_(False))
        for word in words:
            stmt = stmt.where(t.Patient.search_text.contains(word, autoescape=True))
        return int(session.scalar(stmt) or 0)


def get_patient(db: Database, patient_id: int) -> PatientView:
    with db.reading() as session:
        row = session.get(t.Patient, patient_id)
        if row is None:
            raise NotFound(msg("Patient {patient_id} does not exist.", patient_id=str(patient_id)))
        return patient_view(row)


def create_patient(db: Database, **fields: Any) -> PatientView:
    """Add a patient; raises ValidationError naming each wrong field."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"unknown patient fields: {sorted(unknown)}")
    fields.setdefault("name", "")
    problems = validate_patient(fields)
    if problems:
        raise ValidationError(problems)
    with db.transaction() as session:
        row = t.Patient(**{k: (v.strip() if isinstance(v, str) and k == "name" else v) for k, v in fields.items()})
        row.search_text = search_text(row)
        session.add(row)
        session.flush()
        audit.record(session, "patient.create", patient_id=row.id)
        return patient_view(row)


def update_patient(db: Database, patient_id: int, **fields: Any) -> PatientView:
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"unknown patient fields: {sorted(unknown)}")
    problems = validate_patient(fields)
    if problems:
        raise ValidationError(problems)
    with db.transaction() as session:
        row = session.get(t.Patient, patient_id)
        if row is None:
            raise NotFound(msg("Patient {patient_id} does not exist.", patient_id=str(patient_id)))
        for key, value in fields.items():
            setattr(row, key, value.strip() if key == "name" else value)
        row.search_text = search_text(row)
        row.updated_at = t.utcnow()
        audit.record(session, "patient.update", patient_id=row.id, detail=", ".join(sorted(fields)))
        session.flush()
        return patient_view(row)


def archive_patient(db: Database, patient_id: int, *, archived: bool = True) -> PatientView:
    with db.transaction() as session:
        row = session.get(t.Patient, patient_id)
        if row is None:
            raise NotFound(msg("Patient {patient_id} does not exist.", patient_id=str(patient_id)))
        row.archived = archived
        audit.record(session, "patient.archive" if archived else "patient.restore", patient_id=row.id)
        session.flush()
        return patient_view(row)
