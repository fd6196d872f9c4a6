"""A plan as a value: the one set of types for every copy of a plan that travels as data.

Three uses share them: the undo stack (a removed phase or item is put back exactly: same ids and
private note), the revisions (the plan as handed to the patient, with the block titles and level
words in every language, stored in plan_revisions.snapshot) and plan files (docs/plan-file-format.md,
no ids, no private notes, no dates). Each use fills the fields it needs; `to_data` writes the fields
that are set as JSON-safe data and `from_data` reads them back, so the plan-file object `$.plan` is
exactly `PlanSnapshot.to_data()` of a snapshot without ids and words. The messages the program wrote
(`made`, `made_title`, planner.domain.made_words) travel where they are known and are optional.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from planner.domain.dosage import Dosage
from planner.domain.made_words import MadeWords, made_text, stored_message
from planner.domain.messages import Msg
from planner.domain.model import ExposureLadder
from planner.languages import SOURCE_LANGUAGE

REVISION_FORMAT = 2  # plan_revisions.snapshot: 1 named the block "block_key" and a phase's id "id"

Words = tuple[tuple[str, str], ...]  # (language code, text), one pair per language


def words(mapping: Mapping[str, str]) -> Words:
    return tuple((lang, text) for lang, text in mapping.items() if text)


def _words(value: Any) -> Words:
    return words({str(k): str(v) for k, v in value.items()}) if isinstance(value, Mapping) else ()


def _in(texts: Words, lang: str) -> str:
    """The text in `lang`; else in the source language, else in any (a language added later)."""
    found = dict(texts)
    return found.get(lang) or found.get(SOURCE_LANGUAGE) or next(iter(found.values()), "")


def _id(value: Any) -> int | None:
    return int(value) if isinstance(value, int) and not isinstance(value, bool) else None


@dataclass(frozen=True, slots=True)
class ItemSnapshot:
    """A block in a phase: which block, its dosage and notes; ids for undo, words for revisions."""

    block_key: str = ""
    dosage: Dosage = Dosage()
    patient_note: str = ""
    private_note: str = ""  # undo only: never in a plan file or a revision
    item_id: int | None = None  # undo: the same row back, in the same phase at the same place
    block_id: int | None = None
    phase_id: int | None = None
    position: int | None = None
    kind: str = ""  # revisions: the block's kind, title and level words as the patient read them
    title: Words = ()
    level_text: Words = ()

    def title_in(self, lang: str) -> str:
        return _in(self.title, lang) or self.block_key

    def level_text_in(self, lang: str) -> str:
        return _in(self.level_text, lang)

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"block": self.block_key, "dosage": self.dosage.to_dict(),
                                "patient_note": self.patient_note}
        ids = {"item_id": self.item_id, "block_id": self.block_id, "phase_id": self.phase_id,
               "position": self.position}
        texts = {"private_note": self.private_note, "kind": self.kind, "title": dict(self.title),
                 "level_text": dict(self.level_text)}
        return data | {k: v for k, v in ids.items() if v is not None} | {k: v for k, v in texts.items() if v}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> ItemSnapshot:
        try:
            dosage = Dosage.from_dict(data.get("dosage"))
        except (TypeError, ValueError):
            dosage = Dosage()
        return cls(block_key=str(data.get("block", data.get("block_key", "")) or ""), dosage=dosage,
                   patient_note=str(data.get("patient_note") or ""), private_note=str(data.get("private_note") or ""),
                   item_id=_id(data.get("item_id")), block_id=_id(data.get("block_id")),
                   phase_id=_id(data.get("phase_id")), position=_id(data.get("position")),
                   kind=str(data.get("kind") or ""), title=_words(data.get("title")),
                   level_text=_words(data.get("level_text")))


@dataclass(frozen=True, slots=True)
class PhaseSnapshot:
    name: str
    weeks: int
    focus: str = ""
    criteria: str = ""
    items: tuple[ItemSnapshot, ...] = ()
    phase_id: int | None = None  # undo and revisions
    position: int | None = None  # undo: the same place in the plan
    made: MadeWords = MadeWords()  # the messages the program wrote as name, focus and criteria (optional)

    def name_in(self, lang: str, made_in: tuple[str, ...]) -> str:
        """The name in `lang` when the program made it and it is still as made; else as typed."""
        return made_text(self.made.name, self.name, lang, made_in=made_in)

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.name, "weeks": self.weeks, "focus": self.focus,
                                "criteria": self.criteria, "items": [item.to_data() for item in self.items]}
        ids = {"id": self.phase_id, "position": self.position, "made": self.made.to_data()}
        return data | {k: v for k, v in ids.items() if v is not None}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> PhaseSnapshot:
        return cls(name=str(data.get("name") or ""), weeks=int(data.get("weeks") or 1),
                   focus=str(data.get("focus") or ""), criteria=str(data.get("criteria") or ""),
                   items=tuple(ItemSnapshot.from_data(item) for item in data.get("items") or ()),
                   phase_id=_id(data.get("id")), position=_id(data.get("position")),
                   made=MadeWords.from_data(data.get("made")))


@dataclass(frozen=True, slots=True)
class PlanSnapshot:
    """A plan's content: what a plan file carries, and what a revision keeps of the handed-out plan."""

    title: str
    goal: str = ""
    language: str = ""
    mode: str = ""
    weekly_cap_pct: int = 10
    phases: tuple[PhaseSnapshot, ...] = ()
    current_phase: int | None = None  # index into phases (None: the first)
    exposure: ExposureLadder | None = None  # without its date: a plan file holds no dates
    made_title: Msg | None = None  # the message the program wrote as the title (optional)

    def current(self) -> PhaseSnapshot | None:
        """The phase the patient is in (the first when none is stored; None without phases)."""
        if not self.phases:
            return None
        return self.phases[min(max(self.current_phase or 0, 0), len(self.phases) - 1)]

    def to_data(self) -> dict[str, Any]:
        exposure = None
        if self.exposure is not None:
            exposure = {k: v for k, v in self.exposure.to_json().items() if k != "since"}
        made = {"made_title": self.made_title.to_data()} if self.made_title is not None else {}
        return {"title": self.title, "goal": self.goal, "language": self.language, "mode": self.mode,
                "weekly_cap_pct": self.weekly_cap_pct, "phases": [phase.to_data() for phase in self.phases],
                "current_phase": self.current_phase, "exposure": exposure, **made}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> PlanSnapshot:
        current = data.get("current_phase")
        return cls(title=str(data.get("title") or ""), goal=str(data.get("goal") or ""),
                   language=str(data.get("language") or ""), mode=str(data.get("mode") or ""),
                   weekly_cap_pct=int(data.get("weekly_cap_pct") or 10),
                   phases=tuple(PhaseSnapshot.from_data(phase) for phase in data.get("phases") or ()),
                   current_phase=int(current) if isinstance(current, int) else None,
                   exposure=ExposureLadder.from_json(data.get("exposure")),
                   made_title=stored_message(data.get("made_title")))
