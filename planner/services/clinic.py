"""Clinic details (shared by every desk): read and change."""

from __future__ import annotations

from typing import Any

from planner.domain.errors import ValidationError
from planner.domain.messages import msg
from planner.domain.model import ClinicInfo
from planner.store import tables as t
from planner.store.engine import Database
from planner.store.views import clinic_view

MAX_FIELD = 500  # characters in one field of the clinic's details

FIELDS = ("name", "therapist", "phone", "email", "address")


def get_clinic(db: Database) -> ClinicInfo:
    with db.reading() as session:
        return clinic_view(session.get(t.Clinic, 1))


def update_clinic(db: Database, *, logo: bytes | None = None, logo_mime: str | None = None,
                  clear_logo: bool = False, **fields: Any) -> ClinicInfo:
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise TypeError(f"unknown clinic fields: {sorted(unknown)}")
    too_long = msg("At most {n} characters.", n=MAX_FIELD)
    problems = {k: too_long for k, v in fields.items() if len(v or "") > MAX_FIELD}
    email = fields.get("email")
    if email and ("@" not in email or " " in email.strip()):
        problems["email"] = msg("Not a valid e-mail address.")
    if problems:
        raise ValidationError(problems)
    with db.transaction() as session:
        row = session.get(t.Clinic, 1)
        if row is None:
            row = t.Clinic(id=1)
            session.add(row)
        for key, value in fields.items():
            setattr(row, key, (value or "").strip())
        if clear_logo:
            row.logo, row.logo_mime = None, None
        elif logo is not None:
            row.logo, row.logo_mime = logo, logo_mime or "image/png"
        session.flush()
        return clinic_view(row)
