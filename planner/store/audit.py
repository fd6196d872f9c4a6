"""The audit trail: who changed which patient's data, and when."""

from __future__ import annotations

import getpass
import os

from sqlalchemy.orm import Session

from planner.store import tables as t


def current_user() -> str:
    """The OS user (or HERSTELPLAN_USER, e.g. a clinic login) that edits are attributed to."""
    explicit = os.environ.get("HERSTELPLAN_USER")
    if explicit:
        return explicit
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def record(
    session: Session, action: str, *, patient_id: int | None = None, plan_id: int | None = None,
    detail: str = "",
) -> None:
    """Add an audit event to the caller's transaction (so it commits or rolls back with the edit)."""
    session.add(
        t.AuditEvent(user=current_user(), action=action, patient_id=patient_id, plan_id=plan_id, detail=detail)
    )
