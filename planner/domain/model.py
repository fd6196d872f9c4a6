"""Frozen views of library blocks, patients and plans that the services hand to the UI and CLI."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from planner.domain.dosage import Dosage
from planner.domain.kinds import LANGUAGES, Kind
from planner.domain.made_words import MadeWords
from planner.domain.messages import Msg
from planner.languages import DEFAULT_LANGUAGE


class PlanStatus(StrEnum):
    DRAFT = "draft"
    ACTIVE = "active"
    FINISHED = "finished"


class ProgressionMode(StrEnum):
    TIME = "time"  # graded activity: planned steps per week, from a baseline
    PAIN = "pain"  # pain-contingent: steps when the next mornings settle and nothing is red


class NextMorning(StrEnum):
    """The next morning compared with a usual one; a missing answer is unknown, never settled."""

    BETTER = "better"
    SAME = "same"
    WORSE = "worse"
    UNKNOWN = "unknown"

    @property
    def settled(self) -> bool:
        return self in (NextMorning.BETTER, NextMorning.SAME)


@dataclass(frozen=True, slots=True)
class BlockText:
    """The patient-facing texts of a block in one language."""

    title: str
    purpose: str = ""
    steps: tuple[str, ...] = ()
    safety: str = ""
    body: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LevelText:
    """What one rung says differently from the block, in one language: empty means the block's own."""

    steps: tuple[str, ...] = ()
    safety: str = ""
    title: str = ""  # only where the block's title names another position ("Plank op je knieën")


_LEVEL_KEYS = ("text", "illustration")  # the stored level's other keys; every other key is a language


@dataclass(frozen=True, slots=True)
class Level:
    """One rung on a block's ladder: its label per language (`labels`, keyed by language code) and,
    where it differs from the block, its own steps and safety cue per language (`texts`) and picture."""

    labels: dict[str, str] = field(default_factory=dict, hash=False)
    texts: dict[str, LevelText] = field(default_factory=dict, hash=False)
    illustration: str | None = None

    def text(self, lang: str) -> str:
        """The label in `lang` ("" when the level has none in that language)."""
        return self.labels.get(lang, "")

    def to_data(self) -> dict[str, Any]:
        """The stored form, the inverse of `from_data`: `{"nl": label, "en": label, ...}` with every
        shipped language's label (empty when missing), any other language's, then `text`, `illustration`."""
        data: dict[str, Any] = {lang: self.labels.get(lang, "") for lang in LANGUAGES}
        data.update(self.labels)
        if self.texts:
            data["text"] = {lang: {"steps": list(own.steps), "safety": own.safety, "title": own.title}
                            for lang, own in self.texts.items()}
        if self.illustration:
            data["illustration"] = self.illustration
        return data

    @classmethod
    def from_data(cls, data: Any) -> Level:
        """From a stored level object (`{"nl", "en", ..., "text"?, "illustration"?}`: a label under each
        language code); malformed parts are left out, never raised: a level is read for every block the
        program shows."""
        if not isinstance(data, dict):
            return cls()
        texts: dict[str, LevelText] = {}
        raw = data.get("text")
        for lang, own in (raw.items() if isinstance(raw, dict) else ()):
            if not isinstance(own, dict):
                continue
            steps = own.get("steps")
            steps = tuple(s for s in steps if isinstance(s, str) and s.strip()) if isinstance(steps, list) else ()
            safety = value if isinstance(value := own.get("safety"), str) else ""
            title = value if isinstance(value := own.get("title"), str) else ""
            if steps or safety.strip() or title.strip():
                texts[str(lang)] = LevelText(steps=steps, safety=safety, title=title)
        picture = data.get("illustration")
        labels = {str(lang): label for lang, label in data.items()
                  if lang not in _LEVEL_KEYS and isinstance(label, str) and label}
        return cls(labels=labels, texts=texts, illustration=picture if isinstance(picture, str) and picture else None)


@dataclass(frozen=True, slots=True)
class BlockInfo:
    """A library block as the UI, CLI and handout see it."""

    id: int
    key: str
    kind: Kind
    builtin: bool
    version: int
    regions: tuple[str, ...]
    equipment: tuple[str, ...]
    illustration: str | None
    dosage: Dosage
    levels: tuple[Level, ...]
    texts: dict[str, BlockText] = field(hash=False)
    has_image: bool = False
    archived: bool = False
    progression: str | None = None  # the block file's "progression" (None: derived from kind and key)

    def text(self, lang: str) -> BlockText:
        """Texts in `lang`, falling back to the other language when that one is empty."""
        own = self.texts.get(lang)
        if own is not None and own.title:
            return own
        for other in self.texts.values():
            if other.title:
                return other
        return BlockText(title=self.key)

    def title(self, lang: str) -> str:
        return self.text(lang).title


@dataclass(frozen=True, slots=True)
class PlanItemView:
    """A block placed in a phase, with its own dosage and notes."""

    id: int
    position: int
    block: BlockInfo
    dosage: Dosage
    patient_note: str = ""
    private_note: str = ""


@dataclass(frozen=True, slots=True)
class PhaseView:
    id: int
    position: int
    name: str
    weeks: int
    focus: str = ""
    criteria: str = ""
    items: tuple[PlanItemView, ...] = ()
    made: MadeWords = MadeWords()  # the messages the program wrote as name, focus and criteria


@dataclass(frozen=True, slots=True)
class PlanView:
    """A whole plan (or template) with its phases and items, fully loaded."""

    id: int
    title: str
    goal: str
    language: str
    status: PlanStatus
    mode: ProgressionMode
    weekly_cap_pct: int
    version: int
    is_template: bool
    phases: tuple[PhaseView, ...]
    patient_id: int | None = None
    patient_name: str = ""
    start_date: dt.date | None = None
    next_appointment: dt.datetime | None = None
    template_key: str | None = None
    updated_at: dt.datetime | None = None
    current_phase_id: int | None = None  # where the patient is on the roadmap (None: the first phase)
    review_log: tuple[ReviewEntry, ...] = ()  # accepted reviews: step backs, holds, moves on
    exposure: ExposureLadder | None = None  # graded exposure for one feared activity
    patient_birth_date: dt.date | None = None
    practice_ticks: frozenset[tuple[str, int]] = frozenset()  # (block key, level) done safely in the practice
    made_title: Msg | None = None  # the message the program wrote as the title (None: typed or not kept)

    @property
    def total_weeks(self) -> int:
        return sum(phase.weeks for phase in self.phases)


@dataclass(frozen=True, slots=True)
class PlanSummary:
    """One line in a patient's list of plans."""

    id: int
    title: str
    status: PlanStatus
    start_date: dt.date | None
    updated_at: dt.datetime | None
    phases: int
    is_template: bool = False
    language: str = DEFAULT_LANGUAGE


@dataclass(frozen=True, slots=True)
class PatientView:
    id: int
    name: str
    birth_date: dt.date | None = None
    complaint: str = ""
    region: str = ""
    language: str = DEFAULT_LANGUAGE
    private_notes: str = ""
    archived: bool = False
    updated_at: dt.datetime | None = None
    fell_last_year: bool = False  # a fall in the last 12 months (balance safety)
    fears_falling: bool = False


@dataclass(frozen=True, slots=True)
class ClinicInfo:
    name: str = ""
    therapist: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    logo: bytes | None = None


@dataclass(frozen=True, slots=True)
class CheckInView:
    id: int
    plan_id: int
    date: dt.date
    pain_during: int
    next_morning: NextMorning
    sessions_done: int
    sessions_planned: int
    confidence: int | None = None
    note: str = ""
    morning_pain: int | None = None  # optional, 0-10
    red_flags: tuple[str, ...] | None = None  # None: not asked; (): no; else the RedFlag values
    expected_harm: int | None = None  # the patient's rating of the current exposure rung, 0-100


@dataclass(frozen=True, slots=True)
class ReviewEntry:
    """One accepted review: what was done on which date, and the dosages before (for a resume)."""

    date: dt.date
    action: str  # "step-back", "resume", "hold", "repeat", "move-on", "stay", "restart"
    before: tuple[tuple[int, Dosage], ...] = ()  # (item id, dosage before) for step backs

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "action": self.action,
                "before": [[item_id, d.to_dict()] for item_id, d in self.before]}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReviewEntry:
        return cls(dt.date.fromisoformat(data["date"]), str(data["action"]),
                   tuple((int(i), Dosage.from_dict(d)) for i, d in data.get("before", [])))


@dataclass(frozen=True, slots=True)
class Rung:
    """One rung of an exposure ladder: the activity step, the patient's 0-100 rating, and whether
    the first time was done safely in the practice."""

    name: str
    rating: int
    practised: bool = False


@dataclass(frozen=True, slots=True)
class ExposureLadder:
    """Graded exposure for one feared activity (Vlaeyen): rungs in order, the current one, since when."""

    activity: str
    activity_rating: int
    rungs: tuple[Rung, ...]
    current: int = 0
    since: dt.date | None = None

    def to_json(self) -> dict[str, Any]:
        return {"activity": self.activity, "activity_rating": self.activity_rating, "current": self.current,
                "since": self.since.isoformat() if self.since else None,
                "rungs": [{"name": r.name, "rating": r.rating, "practised": r.practised} for r in self.rungs]}

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> ExposureLadder | None:
        if not data:
            return None
        since = data.get("since")
        return cls(str(data["activity"]), int(data.get("activity_rating", 100)),
                   tuple(Rung(str(r["name"]), int(r["rating"]), bool(r.get("practised"))) for r in data["rungs"]),
                   int(data.get("current", 0)), dt.date.fromisoformat(since) if since else None)
