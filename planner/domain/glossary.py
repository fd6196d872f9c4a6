"""One word per concept, in Dutch and English, and the synonyms that must not be used for it.

Pure data: the handout, the library texts, the templates and the tests read it. A patient who
reads "pijnstoplicht" on one page and "verkeerslicht" on the next wonders whether they are two
things; so each concept has exactly one word per language, and a test fails on a forbidden one.
The red-flag signs are worded here too, once, in plain words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from planner.domain.thresholds import STEP_BACK_SHARE, RedFlag


@dataclass(frozen=True, slots=True)
class Term:
    """A concept's one word in each language, and regexes (case-insensitive) that must not occur."""

    key: str
    nl: str
    en: str
    forbidden_nl: tuple[str, ...] = ()
    forbidden_en: tuple[str, ...] = ()

    def word(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


TERMS: tuple[Term, ...] = (
    Term("traffic_light", "pijnstoplicht", "pain traffic light",
         forbidden_nl=(r"verkeerslicht", r"(?<!pijn)stoplicht"),
         forbidden_en=(r"stop ?light", r"traffic signal")),
    Term("flare_up", "opvlamming", "flare-up",
         forbidden_nl=(r"opleving", r"opflakkering")),
    Term("step_back", "stap terug", "step back"),
    Term("diary", "dagboek", "diary",
         forbidden_nl=(r"logboek",),
         forbidden_en=(r"log ?book",)),
    Term("agreed_amount", "afgesproken hoeveelheid", "agreed amount",
         forbidden_nl=(r"\bquotum\b", r"\bquota\b"),
         forbidden_en=(r"\bquotas?\b",)),
)

BY_KEY: dict[str, Term] = {term.key: term for term in TERMS}


def word(key: str, lang: str) -> str:
    """The one word for concept `key` in `lang` ('nl' or 'en')."""
    return BY_KEY[key].word(lang)


def forbidden_in(text: str, lang: str) -> list[tuple[str, str]]:
    """(concept, the forbidden word found) for every forbidden synonym in `text`."""
    found = []
    for term in TERMS:
        for pattern in term.forbidden_nl if lang == "nl" else term.forbidden_en:
            for match in re.finditer(pattern, text, flags=re.IGNORECASE):
                found.append((term.key, match.group(0)))
    return found


# How much less a step back is, in words, for the share of the last amount that is kept.
_LESS_WORDS: dict[float, tuple[str, str]] = {
    0.75: ("een kwart minder", "a quarter less"),
    0.5: ("de helft minder", "half as much"),
}


def step_back_words(lang: str, share: float = STEP_BACK_SHARE) -> str:
    """'een kwart minder' / 'a quarter less' for the step-back share of the threshold table."""
    nl, en = _LESS_WORDS.get(round(share, 2), (f"{round((1 - share) * 100)} % minder",
                                               f"{round((1 - share) * 100)} % less"))
    return nl if lang == "nl" else en


# The "something new?" signs in plain words (CLINICAL.md, "Red flags stop everything").
RED_FLAG_WORDS: dict[RedFlag, tuple[str, str]] = {
    RedFlag.SADDLE: ("een doof gevoel rond je billen of in je kruis",
                     "numbness around your buttocks or between your legs"),
    RedFlag.BLADDER_BOWEL: ("plassen of poepen gaat ineens anders",
                            "a sudden change in passing water or in your bowels"),
    RedFlag.SPREADING_WEAKNESS: ("een arm of been wordt zwakker of dover",
                                 "an arm or leg gets weaker or more numb"),
    RedFlag.FEVER: ("koorts", "a fever"),
    RedFlag.WEIGHT_LOSS: ("afvallen zonder dat je weet waarom", "losing weight without knowing why"),
    RedFlag.NIGHT_PAIN: ("'s nachts steeds pijn, wat je ook doet", "constant pain at night, whatever you do"),
    RedFlag.FALL: ("gevallen en daarbij gewond geraakt", "a fall in which you got hurt"),
    RedFlag.CHEST: ("pijn op de borst of erg benauwd", "chest pain or very short of breath"),
}


# The same signs in a few words, for the "something new?" line of every diary week.
RED_FLAG_SHORT: dict[RedFlag, tuple[str, str]] = {
    RedFlag.SADDLE: ("doof in je kruis", "numb between your legs"),
    RedFlag.BLADDER_BOWEL: ("plassen of poepen anders", "bladder or bowels changed"),
    RedFlag.SPREADING_WEAKNESS: ("arm of been zwakker", "arm or leg weaker"),
    RedFlag.FEVER: ("koorts", "fever"),
    RedFlag.WEIGHT_LOSS: ("afvallen zonder reden", "weight loss"),
    RedFlag.NIGHT_PAIN: ("'s nachts steeds pijn", "constant night pain"),
    RedFlag.FALL: ("gewond bij een val", "hurt in a fall"),
    RedFlag.CHEST: ("pijn op de borst of benauwd", "chest pain or breathless"),
}


def red_flags(lang: str, *, same_day_care: bool | None = None) -> list[str]:
    """The red-flag signs in `lang`, in table order; `same_day_care` filters on the GP-today ones."""
    index = 0 if lang == "nl" else 1
    return [words[index] for flag, words in RED_FLAG_WORDS.items()
            if same_day_care is None or flag.same_day_medical_care == same_day_care]


def red_flags_short(lang: str) -> list[str]:
    """The red-flag signs in a few words each, in table order."""
    index = 0 if lang == "nl" else 1
    return [words[index] for words in RED_FLAG_SHORT.values()]
