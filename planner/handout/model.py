"""What the handout renderer needs, and nothing more: no ids, no database, no private notes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from planner.domain.dosage import Dosage
from planner.domain.kinds import Kind
from planner.domain.model import ClinicInfo
from planner.domain.thresholds import PAIN_LIMIT_DEFAULT
from planner.languages import DEFAULT_LANGUAGE


@dataclass(frozen=True, slots=True)
class HandoutOptions:
    """How to print: language (a code of languages.json), paper (a4/letter), large print, the weeks the diary covers
    (None: the current phase's weeks), and the whole booklet (`full`) instead of the desk handout."""

    lang: str = DEFAULT_LANGUAGE
    paper: str = "a4"  # "a4" or "letter"
    large_print: bool = False
    diary_weeks: int | None = None  # None: the weeks of the current phase
    full: bool = False  # False: the desk handout (current phase in full, next one as a preview)


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
    week_amounts: tuple[Dosage, ...] = ()  # graded activity: the agreed amount for each week of its phase


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
class HandoutGain:
    """One activity the patient scored at the start and now, on its own scale (PSK: 10 = impossible;
    PSFS: 10 = able as before)."""

    activity: str
    first: float
    last: float
    higher_is_better: bool


@dataclass(frozen=True, slots=True)
class HandoutPlan:
    """Everything one handout shows; `current_phase` is a 0-based index into `phases`."""

    patient_name: str
    title: str
    goal: str
    phases: tuple[HandoutPhase, ...]
    clinic: ClinicInfo  # printed on the cover and the contact page
    start_date: dt.date | None = None
    next_appointment: dt.datetime | None = None
    current_phase: int = 0
    issued: dt.date = field(default_factory=dt.date.today)
    changes: tuple[str, ...] = ()  # "what changed since your last visit", in the patient's language
    mode: str = "pain"  # "pain" (pain-contingent) or "time" (graded activity): which rules the handout explains
    pain_limit: int = PAIN_LIMIT_DEFAULT  # the plan's rule, printed once
    has_ladder: bool = False  # a graded-exposure ladder in the plan (its rule is explained only then)
    goals: tuple[str, ...] = ()  # the activities the patient chose (PSK/PSFS), in their own words
    gains: tuple[HandoutGain, ...] = ()  # only what improved or stayed the same

    @property
    def time_contingent(self) -> bool:
        return self.mode == "time"
