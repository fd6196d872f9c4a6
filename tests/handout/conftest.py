"""Fixtures for the handout tests: the demo plan in a real database, with a clinic filled in."""

from __future__ import annotations

import datetime as dt

import pytest

from planner.services import clinic, plans
from planner.services.demo import ensure_demo


@pytest.fixture
def demo_id(db) -> int:
    """The demo plan (3 phases, ~17 blocks) with clinic details and a next appointment."""
    plan_id = ensure_demo(db)
    clinic.update_clinic(db, name="Fysiotherapie De Linde", therapist="Anna Bakker", phone="030 123 45 67",
                         email="info@delinde.nl", address="Lindelaan 4, 3511 AB Utrecht")
    plans.update_plan(db, plan_id, next_appointment=dt.datetime(2026, 12, 8, 14, 30))
    return plan_id
