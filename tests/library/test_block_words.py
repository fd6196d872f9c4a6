"""One word per concept and one set of thresholds in the library's blocks.

The plan's pain rule (planner/domain/thresholds.py) is printed once by the handout, so a block carries
no pain limit of its own and no sentence such as "no higher than 3 out of 10". The words follow the
handout's glossary: pijnstoplicht / pain traffic light, opvlamming / flare-up, stap terug / step back,
dagboek / diary, een kwart minder / a quarter less. Daily-life and education texts promise no growth
of their own: the plan sets the minutes.
"""

from __future__ import annotations

import re

import pytest

from tests.library.library_texts import BLOCK_FILES, block_id, load, patient_texts

FORBIDDEN = {
    "nl": {
        r"verkeerslicht": "pijnstoplicht",
        r"(?<!pijn)stoplicht": "pijnstoplicht",
        r"opleving": "opvlamming",
        r"opflakkering": "opvlamming",
        r"logboek": "dagboek",
        r"drie ?kwart|een derde minder|de helft van je": "een kwart minder",
        r"stapje terug": "stap terug",
        r"minuten langer|langer per keer": "the plan sets the minutes",
        r"\bop 10\b|(?:hoger|meer) dan (?:\d|drie|vijf)": "the plan's rule, printed once",
    },
    "en": {
        r"(?<!pain )traffic light": "pain traffic light",
        r"flare(?!-up)|flaring": "flare-up",
        r"logbook|\blog\b": "diary",
        r"three quarters|a third less|\bhalf of your": "a quarter less",
        r"minutes longer|longer each time": "the plan sets the minutes",
        r"out of 10|(?:above|higher than|more than) (?:\d|three|five)\b": "the plan's rule, printed once",
    },
}


def word_problems(data: dict) -> list[str]:
    problems = []
    for lang, where, text in patient_texts(data):
        for pattern, instead in FORBIDDEN.get(lang, {}).items():
            if found := re.search(pattern, text, re.IGNORECASE):
                problems.append(f"{lang} {where}: {found.group(0)!r} (use: {instead}): {text!r}")
    return problems


@pytest.mark.parametrize("path", BLOCK_FILES, ids=block_id)
def test_one_word_per_concept(path):
    """No forbidden synonym, step-back amount or growth promise in any text of the block."""
    problems = word_problems(load(path))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", BLOCK_FILES, ids=block_id)
def test_no_pain_limit_of_its_own(path):
    """A block's default dosage leaves the pain limit to the plan (thresholds.PAIN_LIMIT_DEFAULT)."""
    assert "pain_limit" not in load(path).get("dosage", {})


def test_the_word_check_catches_the_old_words():
    old = {"text": {"nl": {"purpose": "", "steps": ["Volg je plan voor een opleving."],
                           "safety": "Blijf in het groen van het verkeerslicht.", "body": []},
                    "en": {"purpose": "", "steps": ["Then walk 2 to 5 minutes longer each time."],
                           "safety": "If the pain goes above 3 out of 10, stop.", "body": []}},
           "levels": []}
    assert len(word_problems(old)) == 4
    fine = {"text": {"nl": {"purpose": "", "steps": ["Kijk op je pijnstoplicht."], "safety": "", "body": []},
                     "en": {"purpose": "", "steps": ["Follow your flare-up plan."], "safety": "", "body": []}},
            "levels": []}
    assert word_problems(fine) == []
