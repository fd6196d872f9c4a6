"""What a block says at the level in use, with its numbers taken from the dosage.

A block's steps and safety cue are written once, for the basic level; a rung of its ladder may have
its own steps, safety cue and picture where it differs (standing at the counter is not lying on the
floor). Numbers are never written into a step: a step names them through placeholders such as
``{reps}`` or ``{hold_seconds}``, and `fill` words them from the item's dosage ("20 seconden",
"10 times") through the catalogue of the language, numbers as that language writes them. Pain thresholds come from the plan's pain bands (`planner.domain.thresholds`), never
from the text. A placeholder whose value is missing reads as everyday words ("even", "a few times");
an unknown one, or a brace a therapist typed, is left as it stands.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from planner.domain.dosage import Dosage, plural_count, seconds_msg, times_msg
from planner.domain.messages import Msg, msg, nmsg
from planner.domain.model import BlockInfo, BlockText, Level
from planner.domain.thresholds import DEFAULT_BANDS, PAIN_SCALE_MAX, PainBands
from planner.i18n import N_, number, translation, word

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def _breaths(d: Dosage) -> int | None:
    """Breaths a minute: from the counts in and out when both are set (so the two never disagree)."""
    if d.inhale_seconds and d.exhale_seconds:
        return max(1, round(60 / (d.inhale_seconds + d.exhale_seconds)))
    return d.breaths_per_minute


_Words = Callable[[Dosage, PainBands], "Msg | int | None"]

#: Every placeholder a text may use, and what it reads as (a message or a number); None: not set.
WORDS: dict[str, _Words] = {
    "reps": lambda d, b: times_msg(d.reps) if d.reps else None,
    "sets": lambda d, b: nmsg("{n} set", "{n} sets", plural_count(d.sets), n=d.sets) if d.sets else None,
    "hold_seconds": lambda d, b: seconds_msg(d.hold_seconds) if d.hold_seconds else None,
    "rest_seconds": lambda d, b: seconds_msg(d.rest_seconds) if d.rest_seconds else None,
    "minutes": lambda d, b: (nmsg("{n} minute", "{n} minutes", plural_count(d.minutes), n=d.minutes)
                             if d.minutes else None),
    "inhale_seconds": lambda d, b: (nmsg("{n} count", "{n} counts", plural_count(d.inhale_seconds),
                                         n=d.inhale_seconds) if d.inhale_seconds else None),
    "exhale_seconds": lambda d, b: (nmsg("{n} count", "{n} counts", plural_count(d.exhale_seconds),
                                         n=d.exhale_seconds) if d.exhale_seconds else None),
    "breaths_per_minute": lambda d, b: (msg("{times} a minute", times=times_msg(n))
                                        if (n := _breaths(d)) else None),
    "times_per_day": lambda d, b: (msg("{times} a day", times=times_msg(d.times_per_day))
                                   if d.times_per_day else None),
    "load_kg": lambda d, b: (nmsg("{n} kilo", "{n} kilos", plural_count(d.load_kg), n=d.load_kg)
                             if d.load_kg else None),
    "effort": lambda d, b: (msg("{n} out of {top}", n=d.effort, top=PAIN_SCALE_MAX)
                            if d.effort is not None else None),
    # the pain scale and the plan's bands (the plan's limit, or the item's own where the therapist set one)
    "scale": lambda d, b: msg("from {low} to {top}", low=0, top=PAIN_SCALE_MAX),
    "pain_limit": lambda d, b: b.limit,
    "green_max": lambda d, b: b.green_max,
    "amber_min": lambda d, b: b.amber_min,
    "amber_max": lambda d, b: b.amber_max,
}

#: What a placeholder reads as when the dosage does not set it (a therapist took the field away).
FALLBACK: dict[str, str] = {
    "reps": N_("a few times"),
    "sets": N_("a few sets"),
    "hold_seconds": N_("for a moment"),
    "rest_seconds": N_("for a moment"),
    "minutes": N_("a few minutes"),
    "inhale_seconds": N_("calmly"),
    "exhale_seconds": N_("for longer"),
    "breaths_per_minute": N_("calmly"),
    "times_per_day": N_("a few times a day"),
    "load_kg": N_("a light weight"),
    "effort": N_("not too hard"),
}


def placeholders(text: str) -> set[str]:
    """The known placeholder names used in `text`."""
    return {name for name in PLACEHOLDER.findall(text) if name in WORDS}


def unknown_placeholders(text: str) -> set[str]:
    """Names in braces that are not placeholders (a typo in content: `{rep}`)."""
    return {name for name in PLACEHOLDER.findall(text) if name not in WORDS}


def unfilled(text: str, dosage: Dosage, bands: PainBands = DEFAULT_BANDS) -> set[str]:
    """The placeholders of `text` that `dosage` leaves without a value."""
    return {name for name in placeholders(text) if WORDS[name](dosage, bands) is None}


def fill(text: str, dosage: Dosage, lang: str, bands: PainBands = DEFAULT_BANDS) -> str:
    """`text` with every placeholder worded from the dosage (or the pain bands) in `lang`."""
    if "{" not in text:
        return text

    def worded(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in WORDS:
            return match.group(0)
        value = WORDS[name](dosage, bands)
        if value is None:
            return translation(lang).gettext(FALLBACK[name]) if name in FALLBACK else ""
        return word(value, lang) if isinstance(value, Msg) else number(value, lang)

    return PLACEHOLDER.sub(worded, text)


@dataclass(frozen=True, slots=True)
class ShownText:
    """A block as it reads at one level: every placeholder filled."""

    title: str
    purpose: str
    level_label: str  # "" when the block has no ladder or no level is set
    steps: tuple[str, ...]
    safety: str
    body: tuple[str, ...]
    illustration: str | None  # the level's own picture where it has one, else the block's
    level: int | None = None


def _text_language(texts: Mapping[str, BlockText], lang: str) -> str:
    """The language the block's text is read in: `lang`, or the first one with a title."""
    own = texts.get(lang)
    if own is not None and own.title:
        return lang
    return next((other for other, text in texts.items() if text.title), lang)


def level_in_use(levels: Sequence[Level], level: int | None) -> int | None:
    """The 0-based level in use, or None when there is no ladder or the index is out of range."""
    if level is None or not 0 <= level < len(levels):
        return None
    return level


def shown(texts: Mapping[str, BlockText], levels: Sequence[Level], level: int | None, dosage: Dosage,
          lang: str, *, illustration: str | None = None, bands: PainBands = DEFAULT_BANDS,
          fallback_title: str = "") -> ShownText:
    """What a block says at `level` with `dosage`, in `lang` (or the language it is written in).

    The level's own steps, safety cue and title replace the block's where the level has them; anything the
    level leaves out is the block's. A therapist's block without level texts reads as before.
    """
    text_lang = _text_language(texts, lang)
    base = texts.get(text_lang) or BlockText(title=fallback_title)
    index = level_in_use(levels, level)
    rung = levels[index] if index is not None else None
    own = rung.texts.get(text_lang) if rung is not None else None
    steps = own.steps if own is not None and own.steps else base.steps
    safety = own.safety if own is not None and own.safety.strip() else base.safety
    picture = rung.illustration if rung is not None and rung.illustration else illustration
    title = own.title if own is not None and own.title.strip() else base.title
    return ShownText(
        title=title or fallback_title,
        purpose=fill(base.purpose, dosage, lang, bands),
        level_label=fill(rung.text(lang) or rung.text(text_lang), dosage, lang, bands) if rung is not None else "",
        steps=tuple(fill(step, dosage, lang, bands) for step in steps),
        safety=fill(safety, dosage, lang, bands),
        body=tuple(fill(paragraph, dosage, lang, bands) for paragraph in base.body),
        illustration=picture,
        level=index,
    )


def shown_for(block: BlockInfo, dosage: Dosage, lang: str, bands: PainBands = DEFAULT_BANDS) -> ShownText:
    """`shown` for a library block with an item's dosage (its level is the dosage's). A pain limit the
    therapist set on the item itself words the thresholds instead of the plan's."""
    if dosage.pain_limit is not None:
        bands = PainBands(dosage.pain_limit)
    return shown(block.texts, block.levels, dosage.level, dosage, lang, illustration=block.illustration,
                 bands=bands, fallback_title=block.key)
