"""Dosage of a block in a plan: the numbers, their sensible ranges, and how they read in plain words."""

from __future__ import annotations

import math
from collections.abc import Hashable
from dataclasses import dataclass, fields, replace
from functools import cache
from typing import Any, cast

from planner.domain.kinds import Kind

# Sensible ranges; a value outside is refused with a message at the field.
RANGES: dict[str, tuple[float, float]] = {
    "sets": (1, 10),
    "reps": (1, 100),
    "hold_seconds": (1, 600),
    "minutes": (1, 240),
    "rest_seconds": (0, 600),
    "times_per_day": (1, 12),
    "days_per_week": (1, 7),
    "load_kg": (0, 200),
    "effort": (0, 10),
    "pain_limit": (0, 10),
    "breaths_per_minute": (3, 30),
    "inhale_seconds": (1, 15),
    "exhale_seconds": (1, 20),
    "level": (0, 20),
}

FIELD_LABELS: dict[str, dict[str, str]] = {
    "sets": {"en": "Sets", "nl": "Series"},
    "reps": {"en": "Repetitions", "nl": "Herhalingen"},
    "hold_seconds": {"en": "Hold (seconds)", "nl": "Vasthouden (seconden)"},
    "minutes": {"en": "Minutes", "nl": "Minuten"},
    "rest_seconds": {"en": "Rest (seconds)", "nl": "Rust (seconden)"},
    "times_per_day": {"en": "Times a day", "nl": "Keer per dag"},
    "days_per_week": {"en": "Days a week", "nl": "Dagen per week"},
    "load_kg": {"en": "Load (kg)", "nl": "Gewicht (kg)"},
    "effort": {"en": "Effort (0–10)", "nl": "Zwaarte (0–10)"},
    "pain_limit": {"en": "Pain limit (0–10)", "nl": "Pijngrens (0–10)"},
    "breaths_per_minute": {"en": "Breaths a minute", "nl": "Ademhalingen per minuut"},
    "inhale_seconds": {"en": "Breathe in (seconds)", "nl": "Inademen (seconden)"},
    "exhale_seconds": {"en": "Breathe out (seconds)", "nl": "Uitademen (seconden)"},
    "level": {"en": "Level", "nl": "Niveau"},
}


@dataclass(frozen=True, slots=True)
class Dosage:
    """How much of a block: every field optional, None means 'does not apply'."""

    sets: int | None = None
    reps: int | None = None
    hold_seconds: int | None = None
    minutes: int | None = None
    rest_seconds: int | None = None
    times_per_day: int | None = None
    days_per_week: int | None = None
    load_kg: float | None = None
    effort: int | None = None
    pain_limit: int | None = None
    breaths_per_minute: int | None = None
    inhale_seconds: int | None = None
    exhale_seconds: int | None = None
    level: int | None = None

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return _field_names(cast(Hashable, cls))

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Dosage:
        """Build from a mapping; unknown keys raise ValueError so typos in content are caught."""
        data = dict(data or {})
        unknown = set(data) - set(cls.field_names())
        if unknown:
            raise ValueError(f"unknown dosage {'field' if len(unknown) == 1 else 'fields'}: {', '.join(sorted(unknown))}")
        return cls(**{k: v for k, v in data.items() if v is not None})

    def to_dict(self) -> dict[str, Any]:
        """The fields that are set, as a plain mapping."""
        return {name: getattr(self, name) for name in self.field_names() if getattr(self, name) is not None}

    def merged(self, override: dict[str, Any] | Dosage | None) -> Dosage:
        """This dosage with the fields set in `override` replaced."""
        if override is None:
            return self
        values = override.to_dict() if isinstance(override, Dosage) else dict(override)
        return replace(self, **values)


@cache
def _field_names(cls: Any) -> tuple[str, ...]:  # a dataclass type
    # Asked for every block and plan item that is read: worth computing once per class.
    return tuple(f.name for f in fields(cls))


def validate(dosage: Dosage) -> dict[str, str]:
    """Map each field whose value is out of range (or not a finite number) to an English message."""
    problems: dict[str, str] = {}
    for name, (low, high) in RANGES.items():
        value = getattr(dosage, name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            problems[name] = "must be a number"
        elif name != "load_kg" and not float(value).is_integer():
            problems[name] = "must be a whole number"
        elif not low <= value <= high:
            problems[name] = f"must be between {low:g} and {high:g}"
    return problems


def _seconds_words(seconds: int, lang: str) -> str:
    if seconds >= 60 and seconds % 60 == 0:
        minutes = seconds // 60
        if lang == "nl":
            return "1 minuut" if minutes == 1 else f"{minutes} minuten"
        return "1 minute" if minutes == 1 else f"{minutes} minutes"
    if lang == "nl":
        return "1 seconde" if seconds == 1 else f"{seconds} seconden"
    return "1 second" if seconds == 1 else f"{seconds} seconds"


def _times(n: int, lang: str) -> str:
    if lang == "nl":
        return f"{n} keer"
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def _kg(value: float) -> str:
    return f"{value:g}"


def volume_words(dosage: Dosage, lang: str) -> str:
    """The main dosage line in everyday words, e.g. '3 keer 10 herhalingen, 2 keer per dag'."""
    nl = lang == "nl"
    parts: list[str] = []
    d = dosage
    if d.reps and d.sets and d.sets > 1:
        parts.append(f"{d.sets} keer {d.reps} herhalingen" if nl else f"{d.sets} sets of {d.reps} repetitions")
    elif d.reps:
        parts.append(f"{d.reps} herhalingen" if nl else f"{d.reps} repetitions")
    if d.hold_seconds:
        hold = _seconds_words(d.hold_seconds, lang)
        if d.reps:
            parts.append(f"houd elke keer {hold} vast" if nl else f"hold each one for {hold}")
        elif d.sets and d.sets > 1:
            parts.append(f"{d.sets} keer {hold} volhouden" if nl else f"{d.sets} times {hold}")
        else:
            parts.append(f"houd {hold} vast" if nl else f"hold for {hold}")
    if d.minutes:
        parts.append(("1 minuut" if d.minutes == 1 else f"{d.minutes} minuten") if nl
                     else ("1 minute" if d.minutes == 1 else f"{d.minutes} minutes"))
    if d.inhale_seconds and d.exhale_seconds:
        parts.append(f"{d.inhale_seconds} tellen in, {d.exhale_seconds} tellen uit" if nl
                     else f"breathe in for {d.inhale_seconds}, out for {d.exhale_seconds}")
    elif d.breaths_per_minute:
        parts.append(f"ongeveer {d.breaths_per_minute} keer ademen per minuut" if nl
                     else f"about {d.breaths_per_minute} breaths a minute")
    if d.times_per_day:
        parts.append(f"{_times(d.times_per_day, lang)} per dag" if nl
                     else f"{_times(d.times_per_day, lang)} a day")
    if d.days_per_week:
        if d.days_per_week == 7:
            parts.append("elke dag" if nl else "every day")
        else:
            parts.append(f"{d.days_per_week} dagen per week" if nl else f"{d.days_per_week} days a week")
    return ", ".join(parts)


def detail_words(dosage: Dosage, lang: str) -> list[str]:
    """Secondary dosage lines: weight, rest, effort and the pain limit, in everyday words."""
    nl = lang == "nl"
    d = dosage
    lines: list[str] = []
    if d.load_kg:
        lines.append(f"Gewicht: {_kg(d.load_kg)} kg" if nl else f"Weight: {_kg(d.load_kg)} kg")
    if d.rest_seconds and (d.sets or 0) > 1:
        rest = _seconds_words(d.rest_seconds, lang)
        lines.append(f"Rust {rest} tussen de series" if nl else f"Rest {rest} between sets")
    if d.effort is not None:
        lines.append(f"Zo zwaar mag het voelen: {d.effort} op 10" if nl
                     else f"How hard it may feel: {d.effort} out of 10")
    if d.pain_limit is not None:
        lines.append(f"Pijn tijdens de oefening: niet hoger dan {d.pain_limit} op 10" if nl
                     else f"Pain during the exercise: no higher than {d.pain_limit} out of 10")
    return lines


def session_seconds(kind: Kind, dosage: Dosage) -> int:
    """A rough estimate of how long one session of this block takes, in seconds."""
    d = dosage
    sets = d.sets or 1
    if kind in (Kind.BREATHING, Kind.DAILY):
        return (d.minutes or 0) * 60
    if kind is Kind.EDUCATION:
        return 0
    per_rep = 4 + (d.hold_seconds or 0) if d.reps else (d.hold_seconds or 0)
    work = sets * (d.reps or 1) * per_rep
    rest = (sets - 1) * (d.rest_seconds if d.rest_seconds is not None else 20)
    return int(work + rest)
