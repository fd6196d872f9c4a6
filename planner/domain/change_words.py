"""Changes in a dosage put into words: compact for the therapist, everyday words for the patient.

The therapist's shorthand ('2×10 → 3×9') and the patient's words ('3 keer 12 herhalingen') are
messages, worded where they are shown (`planner.i18n.word`); `amount_words` and `frequency_words`
word them for a plan's language.
"""

from __future__ import annotations

from planner.domain.dosage import Dosage
from planner.domain.messages import ByLanguage, Msg, msg, nmsg, percent, worded
from planner.domain.model import BlockInfo


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


def _level_words(block: BlockInfo, level: int | None) -> ByLanguage | str:
    if level is None or not 0 <= level < len(block.levels):
        return ""
    return ByLanguage(block.levels[level].text)


def _joined(parts: list[Msg | str]) -> Msg | str:
    """The parts of a change one after the other, separated by '; '."""
    if not parts:
        return ""
    out = parts[0]
    for part in parts[1:]:
        out = msg("{first}; {next}", first=out, next=part)
    return out


def describe_change(block: BlockInfo, before: Dosage | None, after: Dosage) -> Msg | str:
    """What changes between two dosages of a block, in the therapist's shorthand.

    Example: '2×10 → 3×9; niveau 2 → 3: Zonder handen'. Empty when nothing changes.
    """
    if before is None:
        return msg("new: {what}", what=amount_short(after) or ByLanguage(block.title))
    parts: list[Msg | str] = []
    old, new = amount_short(before), amount_short(after)
    if old != new and (old or new):
        parts.append(f"{old or '–'} → {new or '–'}")
    if (before.level or 0) != (after.level or 0) and block.levels:
        parts.append(msg("level {old} → {new}: {text}", old=(before.level or 0) + 1, new=(after.level or 0) + 1,
                         text=_level_words(block, after.level)))
    if before.load_kg != after.load_kg:
        parts.append(msg("{old} → {new} kg", old=before.load_kg or 0, new=after.load_kg or 0))
    if before.exhale_seconds != after.exhale_seconds and after.exhale_seconds:
        parts.append(msg("exhale {old} → {new} s", old=before.exhale_seconds or "–", new=after.exhale_seconds))
    if before.times_per_day != after.times_per_day:
        parts.append(msg("{old}×/day → {new}×/day", old=before.times_per_day or 1, new=after.times_per_day or 1))
    if before.days_per_week != after.days_per_week:
        parts.append(msg("{old} d/wk → {new} d/wk", old=before.days_per_week or 7, new=after.days_per_week or 7))
    return _joined(parts)


def growth_words(ratio: float | None, *, factor: float, weeks: int, cap_pct: int) -> Msg | str:
    """'+21 % (max. +21 % in 2 weeks at 10 % a week)' — how much a step grows against what the cap allows."""
    if ratio is None:
        return ""
    pct = round((ratio - 1) * 100)
    allowed = round((factor - 1) * 100)
    return nmsg("{sign}{pct} (max. +{allowed} in {n} week at {cap} a week)",
                "{sign}{pct} (max. +{allowed} in {n} weeks at {cap} a week)", weeks,
                sign="+" if pct >= 0 else "−", pct=percent(abs(pct)), allowed=percent(allowed), cap=percent(cap_pct))


# ---- patient words (for 'what changed since your last visit') --------------------------------


def amount_message(dosage: Dosage, *, short: bool = False) -> Msg | str:
    """The amount in everyday words: '3 keer 12 herhalingen' (short: '3 keer 12')."""
    d = dosage
    sets = d.sets or 1
    if d.reps:
        if sets > 1:
            if short:
                return msg("{sets} sets of {reps}", sets=sets, reps=d.reps)
            return nmsg("{sets} sets of {n} repetition", "{sets} sets of {n} repetitions", d.reps, sets=sets)
        return nmsg("{n} repetition", "{n} repetitions", d.reps)
    if d.hold_seconds:
        seconds = nmsg("{n} second", "{n} seconds", d.hold_seconds)
        if sets > 1:
            return msg("{sets} times {seconds}", sets=sets, seconds=seconds)
        return seconds
    if d.minutes:
        return nmsg("{n} minute", "{n} minutes", d.minutes)
    return ""


def amount_words(dosage: Dosage, lang: str, *, short: bool = False) -> str:
    """`amount_message` worded in `lang`."""
    return worded(amount_message(dosage, short=short), lang)


def frequency_messages(dosage: Dosage) -> list[Msg]:
    """'2 keer per dag', '3 dagen per week' in everyday words (none when not set)."""
    parts: list[Msg] = []
    if dosage.times_per_day:
        n = dosage.times_per_day
        parts.append({1: msg("once a day"), 2: msg("twice a day")}.get(
            n, nmsg("{n} time a day", "{n} times a day", n)))
    if dosage.days_per_week:
        n = dosage.days_per_week
        parts.append(msg("every day") if n == 7 else nmsg("{n} day a week", "{n} days a week", n))
    return parts


def frequency_words(dosage: Dosage, lang: str) -> str:
    """'2 keer per dag, 3 dagen per week' in everyday words ('' when not set)."""
    return ", ".join(worded(part, lang) for part in frequency_messages(dosage))
