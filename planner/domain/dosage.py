"""Dosage of a block in a plan: the numbers, their sensible ranges, and how they read in plain words
(messages with the numbers as parameters, worded in a language by `planner.i18n.word`)."""

from __future__ import annotations

import math
from collections.abc import Hashable
from dataclasses import dataclass, fields, replace
from functools import cache
from typing import Any, cast

from planner.domain.kinds import Kind
from planner.domain.messages import Msg, msg, nmsg
from planner.domain.thresholds import PAIN_SCALE_MAX
from planner.i18n import N_, word

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

#: Each field's label (an English message id; the window words it in its language).
FIELD_LABELS: dict[str, str] = {
    "sets": N_("Sets"),
    "reps": N_("Repetitions"),
    "hold_seconds": N_("Hold (seconds)"),
    "minutes": N_("Minutes"),
    "rest_seconds": N_("Rest (seconds)"),
    "times_per_day": N_("Times a day"),
    "days_per_week": N_("Days a week"),
    "load_kg": N_("Load (kg)"),
    "effort": N_("Effort (0–10)"),
    "pain_limit": N_("Pain limit (0–10)"),
    "breaths_per_minute": N_("Breaths a minute"),
    "inhale_seconds": N_("Breathe in (seconds)"),
    "exhale_seconds": N_("Breathe out (seconds)"),
    "level": N_("Level"),
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


def validate(dosage: Dosage) -> dict[str, Msg]:
    """Map each field whose value is out of range (or not a finite number) to a message."""
    problems: dict[str, Msg] = {}
    for name, (low, high) in RANGES.items():
        value = getattr(dosage, name)
        if value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            problems[name] = msg("must be a number")
        elif name != "load_kg" and not float(value).is_integer():
            problems[name] = msg("must be a whole number")
        elif not low <= value <= high:
            problems[name] = msg("must be between {low} and {high}", low=low, high=high)
    return problems


def plural_count(n: float) -> int:
    """The whole count that chooses a plural form (a stored 3.0 is 3; a fraction reads as more than
    one: '2.5 kilos'); the number itself is shown as it is."""
    return int(n) if float(n).is_integer() else max(2, int(n))


def seconds_msg(seconds: float) -> Msg:
    """'20 seconds', '2 minutes' (whole minutes from 60 seconds on)."""
    if seconds >= 60 and seconds % 60 == 0:
        return nmsg("{n} minute", "{n} minutes", plural_count(seconds // 60), n=seconds // 60)
    return nmsg("{n} second", "{n} seconds", plural_count(seconds), n=seconds)


def times_msg(n: float) -> Msg:
    """'once', 'twice', '3 times' (Dutch: '1 keer', '2 keer', '3 keer')."""
    if n == 1:
        return msg("once")
    if n == 2:
        return msg("twice")
    return nmsg("{n} time", "{n} times", plural_count(n), n=n)


def volume_msgs(dosage: Dosage) -> list[Msg]:
    """The parts of the main dosage line, as messages."""
    parts: list[Msg] = []
    d = dosage
    if d.reps and d.sets and d.sets > 1:
        parts.append(msg("{sets} sets of {reps} repetitions", sets=d.sets, reps=d.reps))
    elif d.reps:
        parts.append(nmsg("{n} repetition", "{n} repetitions", plural_count(d.reps), n=d.reps))
    if d.hold_seconds:
        hold = seconds_msg(d.hold_seconds)
        if d.reps:
            parts.append(msg("hold each one for {hold}", hold=hold))
        elif d.sets and d.sets > 1:
            parts.append(msg("{sets} times {hold}", sets=d.sets, hold=hold))
        else:
            parts.append(msg("hold for {hold}", hold=hold))
    if d.minutes:
        parts.append(nmsg("{n} minute", "{n} minutes", plural_count(d.minutes), n=d.minutes))
    if d.inhale_seconds and d.exhale_seconds:
        parts.append(msg("breathe in for {inhale}, out for {exhale}", inhale=d.inhale_seconds,
                         exhale=d.exhale_seconds))
    elif d.breaths_per_minute:
        parts.append(msg("about {n} breaths a minute", n=d.breaths_per_minute))
    if d.times_per_day:
        parts.append(msg("{times} a day", times=times_msg(d.times_per_day)))
    if d.days_per_week:
        if d.days_per_week == 7:
            parts.append(msg("every day"))
        else:
            parts.append(nmsg("{n} day a week", "{n} days a week", plural_count(d.days_per_week),
                              n=d.days_per_week))
    return parts


def volume_words(dosage: Dosage, lang: str) -> str:
    """The main dosage line in everyday words, e.g. '3 keer 10 herhalingen, 2 keer per dag'."""
    return ", ".join(word(part, lang) for part in volume_msgs(dosage))


def detail_msgs(dosage: Dosage) -> list[Msg]:
    """Secondary dosage lines, as messages: weight, rest, effort and the pain limit."""
    d = dosage
    lines: list[Msg] = []
    if d.load_kg:
        lines.append(msg("Weight: {kg} kg", kg=d.load_kg))
    if d.rest_seconds and (d.sets or 0) > 1:
        lines.append(msg("Rest {rest} between sets", rest=seconds_msg(d.rest_seconds)))
    if d.effort is not None:
        lines.append(msg("How hard it may feel: {effort} out of {top}", effort=d.effort, top=RANGES["effort"][1]))
    if d.pain_limit is not None:
        lines.append(msg("Pain during the exercise: no higher than {limit} out of {top}", limit=d.pain_limit,
                         top=PAIN_SCALE_MAX))
    return lines


def detail_words(dosage: Dosage, lang: str) -> list[str]:
    """Secondary dosage lines in everyday words: weight, rest, effort and the pain limit."""
    return [word(line, lang) for line in detail_msgs(dosage)]


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
