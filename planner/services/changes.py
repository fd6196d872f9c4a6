"""Small 'what changed' values that services return; the UI re-broadcasts them as signals."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PlanChanged:
    plan_id: int
    version: int


@dataclass(frozen=True, slots=True)
class PatientChanged:
    patient_id: int


@dataclass(frozen=True, slots=True)
class LibraryChanged:
    block_id: int | None = None
