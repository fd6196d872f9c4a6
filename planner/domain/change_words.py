"""Changes in a dosage put into words: compact for the therapist, everyday words for the patient."""

from __future__ import annotations

from planner.domain.dosage import Dosage
from planner.domain.model import BlockInfo


def _num(value: float, lang: str) -> str:
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "nl" else text


def amount_short(dosage: Dosage) -> str:
    """The amount of one session in the therapist's shorthand: '2×10', '3×20 s', '5 min'."""
    d = dosage
    sets = d.sets or 1
    if d.reps:
        text = f"{sets}×{d.reps}"
        return f"{text} ({d.hold_seconds} s)" if d.hold_seconds else text
    if d.hold_seconds:
        return f"{sets}×{d.hold_seconds} s"
    if d.minutes:
        return f"{d.minutes} min"
    return ""


def level_text(block: BlockInfo, level: int | None, lang: str) -> str:
    """The words of a rung on the block's ladder ('' when the block has no ladder)."""
    if level is None or not 0 <= level < len(block.levels):
        return ""
    return block.levels[level].text(lang)


def describe_change(block: BlockInfo, before: Dosage | None, after: Dosage, lang: str) -> str:
    """What changes between two dosages of a block, in the therapist's shorthand.

    Example: '2×10 → 3×9; niveau 2 → 3: Zonder handen'. Empty when nothing changes.
    """
    nl = lang == "nl"
    if before is None:
        return ("nieuw: " if nl else "new: ") + (amount_short(after) or block.title(lang))
    parts: list[str] = []
    old, new = amount_short(before), amount_short(after)
    if old != new and (old or new):
        parts.append(f"{old or '–'} → {new or '–'}")
    if (before.level or 0) != (after.level or 0) and block.levels:
        word = "niveau" if nl else "level"
        parts.append(f"{word} {(before.level or 0) + 1} → {(after.level or 0) + 1}: {level_text(block, after.level, lang)}")
    if before.load_kg != after.load_kg:
        parts.append(f"{_num(before.load_kg or 0, lang)} → {_num(after.load_kg or 0, lang)} kg")
    if before.exhale_seconds != after.exhale_seconds and after.exhale_seconds:
        word = "uitademing" if nl else "exhale"
        parts.append(f"{word} {before.exhale_seconds or '–'} → {after.exhale_seconds} s")
    if before.times_per_day != after.times_per_day:
        unit = "×/dag" if nl else "×/day"
        parts.append(f"{before.times_per_day or 1}{unit} → {after.times_per_day or 1}{unit}")
    if before.days_per_week != after.days_per_week:
        unit = "dg/wk" if nl else "d/wk"
        parts.append(f"{before.days_per_week or 7} {unit} → {after.days_per_week or 7} {unit}")
    return "; ".join(parts)


def growth_words(ratio: float | None, *, factor: float, weeks: int, cap_pct: int, lang: str) -> str:
    """'+21 % (max. +21 % in 2 weeks)' — how much a step grows against what the cap allows."""
    if ratio is None:
        return ""
    nl = lang == "nl"
    pct = round((ratio - 1) * 100)
    allowed = round((factor - 1) * 100)
    sign = "+" if pct >= 0 else "−"
    weeks_word = ("week" if weeks == 1 else "weken") if nl else ("week" if weeks == 1 else "weeks")
    if nl:
        return f"{sign}{abs(pct)} % (max. +{allowed} % in {weeks} {weeks_word} bij {cap_pct} % per week)"
    return f"{sign}{abs(pct)} % (max. +{allowed} % in {weeks} {weeks_word} at {cap_pct} % a week)"


# ---- patient words (for 'what changed since your last visit') --------------------------------


def amount_words(dosage: Dosage, lang: str, *, short: bool = False) -> str:
    """The amount in everyday words: '3 keer 12 herhalingen' (short: '3 keer 12')."""
    nl = lang == "nl"
    d = dosage
    sets = d.sets or 1
    if d.reps:
        if sets > 1:
            if short:
                return f"{sets} keer {d.reps}" if nl else f"{sets} sets of {d.reps}"
            return f"{sets} keer {d.reps} herhalingen" if nl else f"{sets} sets of {d.reps} repetitions"
        return f"{d.reps} herhalingen" if nl else f"{d.reps} repetitions"
    if d.hold_seconds:
        seconds = f"{d.hold_seconds} seconden" if nl else f"{d.hold_seconds} seconds"
        if sets > 1:
            return f"{sets} keer {seconds}" if nl else f"{sets} times {seconds}"
        return seconds
    if d.minutes:
        if nl:
            return "1 minuut" if d.minutes == 1 else f"{d.minutes} minuten"
        return "1 minute" if d.minutes == 1 else f"{d.minutes} minutes"
    return ""


def frequency_words(dosage: Dosage, lang: str) -> str:
    """'2 keer per dag, 3 dagen per week' in everyday words ('' when not set)."""
    nl = lang == "nl"
    parts: list[str] = []
    if dosage.times_per_day:
        n = dosage.times_per_day
        if nl:
            parts.append(f"{n} keer per dag")
        else:
            parts.append({1: "once a day", 2: "twice a day"}.get(n, f"{n} times a day"))
    if dosage.days_per_week:
        n = dosage.days_per_week
        if n == 7:
            parts.append("elke dag" if nl else "every day")
        else:
            parts.append(f"{n} dagen per week" if nl else f"{n} days a week")
    return ", ".join(parts)
