"""What the handout renderer needs, and nothing more: no ids, no database, no private notes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from planner.domain.dosage import Dosage
from planner.domain.kinds import Kind


@dataclass(frozen=True, slots=True)
class HandoutOptions:
    """How to print: language (nl/en), paper (a4/letter), large print, diary pages (None: the current phase's weeks)."""

    lang: str = "nl"
    paper: str = "a4"  # "a4" or "letter"
    large_print: bool = False
    diary_weeks: int | None = None  # None: one page per week of the current phase


@dataclass(frozen=True, slots=True)
class HandoutItem:
    """One block as the patient sees it, in the handout's language. Deliberately has no private note."""

    kind: Kind
    title: str
    purpose: str
    steps: tuple[str, ...]
    safety: str
    body: tuple[str, ...]
    dosage: Dosage
    level_text: str = ""
    patient_note: str = ""
    illustration: Path | None = None  # an SVG from resources/illustrations
    image: bytes | None = None  # the therapist's own picture (PNG/JPEG), already scaled


@dataclass(frozen=True, slots=True)
class HandoutPhase:
    """A phase: its name, length, first plan week (1-based), focus, criteria to move on, and items."""

    name: str
    weeks: int
    first_week: int
    focus: str
    criteria: str
    items: tuple[HandoutItem, ...]


@dataclass(frozen=True, slots=True)
class HandoutClinic:
    """The clinic details printed on the cover and the contact page."""

    name: str = ""
    therapist: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    logo: bytes | None = None


@dataclass(frozen=True, slots=True)
class HandoutPlan:
    """Everything one handout shows; `current_phase` is a 0-based index into `phases`."""

    patient_name: str
    title: str
    goal: str
    phases: tuple[HandoutPhase, ...]
    clinic: HandoutClinic
    start_date: dt.date | None = None
    next_appointment: dt.datetime | None = None
    current_phase: int = 0
    issued: dt.date = field(default_factory=dt.date.today)
    changes: tuple[str, ...] = ()  # "what changed since your last visit", in the patient's language
