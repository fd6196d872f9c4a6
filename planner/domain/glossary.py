"""One word per concept in each language, and the synonyms that must not be used for it.

A patient who reads "pijnstoplicht" on one page and "verkeerslicht" on the next wonders whether they
are two things; so each concept has exactly one word per language, and a test fails on a forbidden one.
The words and the forbidden synonyms are data, keyed by language (`resources/locale/glossary.json`):
a language adds its entry there. The red-flag signs and the step back are message ids, worded once in
plain words by each language's catalogue.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from planner.domain.messages import Msg, msg
from planner.domain.thresholds import STEP_BACK_SHARE, RedFlag
from planner.i18n import N_, translation
from planner.i18n import word as word_message
from planner.languages import language
from planner.paths import LOCALE_DIR


@dataclass(frozen=True, slots=True)
class Term:
    """A concept's one word in each language, and regexes (case-insensitive) that must not occur,
    both keyed by language code."""

    key: str
    words: Mapping[str, str]
    forbidden: Mapping[str, tuple[str, ...]]

    def word(self, lang: str) -> str:
        return self.words.get(lang, "")


@cache
def terms() -> tuple[Term, ...]:
    """Every concept, in the order of the glossary file."""
    data = json.loads((LOCALE_DIR / "glossary.json").read_text(encoding="utf-8"))["languages"]
    keys = list(dict.fromkeys(key for entries in data.values() for key in entries))
    return tuple(Term(key,
                      words={lang: entries[key]["word"] for lang, entries in data.items() if key in entries},
                      forbidden={lang: tuple(entries[key].get("forbidden", ())) for lang, entries in data.items()
                                 if key in entries})
                 for key in keys)


def word(key: str, lang: str) -> str:
    """The one word for concept `key` in `lang` ("" when the glossary has none)."""
    return next(term.word(lang) for term in terms() if term.key == key)


def forbidden_in(text: str, lang: str) -> list[tuple[str, str]]:
    """(concept, the forbidden word found) for every forbidden synonym in `text`."""
    found = []
    for term in terms():
        for pattern in term.forbidden.get(lang, ()):
            for match in re.finditer(pattern, text, flags=re.IGNORECASE):
                found.append((term.key, match.group(0)))
    return found


# How much less a step back is, in words, for the share of the last amount that is kept.
_LESS_WORDS: dict[float, str] = {
    0.75: N_("a quarter less"),
    0.5: N_("half as much"),
}


def step_back_msg(lang: str, share: float = STEP_BACK_SHARE) -> Msg:
    """The step back as a message ('a quarter less'); a share without words as a percentage."""
    known = _LESS_WORDS.get(round(share, 2))
    if known is not None:
        return msg(known)
    from babel.numbers import format_percent

    return msg("{percent} less", percent=format_percent(1 - share, locale=language(lang).locale))


def step_back_words(lang: str, share: float = STEP_BACK_SHARE) -> str:
    """'een kwart minder' / 'a quarter less' for the step-back share of the threshold table."""
    return word_message(step_back_msg(lang, share), lang)


# The "something new?" signs in plain words (CLINICAL.md, "Red flags stop everything").
RED_FLAG_WORDS: dict[RedFlag, str] = {
    RedFlag.SADDLE: N_("numbness around your buttocks or between your legs"),
    RedFlag.BLADDER_BOWEL: N_("a sudden change in passing water or in your bowels"),
    RedFlag.SPREADING_WEAKNESS: N_("an arm or leg gets weaker or more numb"),
    RedFlag.FEVER: N_("a fever"),
    RedFlag.WEIGHT_LOSS: N_("losing weight without knowing why"),
    RedFlag.NIGHT_PAIN: N_("constant pain at night, whatever you do"),
    RedFlag.FALL: N_("a fall in which you got hurt"),
    RedFlag.CHEST: N_("chest pain or very short of breath"),
}


# The same signs in a few words, for the "something new?" line of every diary week.
RED_FLAG_SHORT: dict[RedFlag, str] = {
    RedFlag.SADDLE: N_("numb between your legs"),
    RedFlag.BLADDER_BOWEL: N_("bladder or bowels changed"),
    RedFlag.SPREADING_WEAKNESS: N_("arm or leg weaker"),
    RedFlag.FEVER: N_("fever"),
    RedFlag.WEIGHT_LOSS: N_("weight loss"),
    RedFlag.NIGHT_PAIN: N_("constant night pain"),
    RedFlag.FALL: N_("hurt in a fall"),
    RedFlag.CHEST: N_("chest pain or breathless"),
}


def red_flags(lang: str, *, same_day_care: bool | None = None) -> list[str]:
    """The red-flag signs in `lang`, in table order; `same_day_care` filters on the GP-today ones."""
    tr = translation(lang)
    return [tr.gettext(words) for flag, words in RED_FLAG_WORDS.items()
            if same_day_care is None or flag.same_day_medical_care == same_day_care]


def red_flags_short(lang: str) -> list[str]:
    """The red-flag signs in a few words each, in table order."""
    tr = translation(lang)
    return [tr.gettext(words) for words in RED_FLAG_SHORT.values()]
