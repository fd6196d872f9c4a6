"""The shipped languages, read from `resources/locale/languages.json`: adding one is data only.

English is the source language of every message id; Dutch is the default for patients and plans.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from planner.paths import LOCALE_DIR

SOURCE_LANGUAGE = "en"
DEFAULT_LANGUAGE = "nl"


@dataclass(frozen=True, slots=True)
class Language:
    code: str  # "nl": the key in catalogues, library texts, plans and plan files
    name: str  # its own name for itself ("Nederlands", "Türkçe"), never translated
    locale: str  # for Babel's numbers and dates ("nl_NL")
    bcp47: str  # for the PDF's /Lang ("nl-NL")
    reviewed: bool  # checked by a therapist who speaks it
    stemmer: str = ""  # Snowball stemmer name for the library search


@cache
def languages() -> tuple[Language, ...]:
    data = json.loads((LOCALE_DIR / "languages.json").read_text(encoding="utf-8"))
    return tuple(Language(code=d["code"], name=d["name"], locale=d["locale"], bcp47=d["bcp47"],
                          reviewed=bool(d.get("reviewed", False)), stemmer=d.get("stemmer", ""))
                 for d in data["languages"])


def codes() -> tuple[str, ...]:
    """Every shipped language's code, in menu order."""
    return tuple(lang.code for lang in languages())


def language(code: str) -> Language:
    """The language `code`; the source language for an unknown code."""
    for lang in languages():
        if lang.code == code:
            return lang
    return language(SOURCE_LANGUAGE)


def listed() -> str:
    """Every shipped language as a choice is offered in a message: "Nederlands (nl), English (en)"."""
    return ", ".join(f"{lang.name} ({lang.code})" for lang in languages())
