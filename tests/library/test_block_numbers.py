"""Numbers come from the dosage: no count, time or weight is written into a block's text.

Every step of every level of every block, in every language (and the purpose, safety cue, body and
level labels) is read. A digit that is not a placeholder fails, and so does a number word used as a
dose ("zes tellen", "twice"). A placeholder fails when the block's default dosage cannot fill it, or
when it is not a placeholder at all (a typo such as `{rep}`).
"""

from __future__ import annotations

import re

import pytest

from planner.domain.block_text import PLACEHOLDER, placeholders, unfilled, unknown_placeholders
from planner.domain.dosage import Dosage
from tests.library.library_texts import BLOCK_FILES, block_id, load, patient_texts

NUMBER_WORDS = {
    "nl": "twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|vijftien|twintig|dertig|veertig|vijftig|"
          "zestig|honderd|anderhalve|anderhalf",
    "en": "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|"
          "hundred",
}
UNITS = {
    "nl": "seconde|seconden|minuut|minuten|uur|keer|herhaling|herhalingen|tel|tellen|kilo|kg|ademhaling|"
          "ademhalingen|dag|dagen|week|weken|procent|series",
    "en": "second|seconds|minute|minutes|hour|hours|time|times|repetition|repetitions|count|counts|kilo|kilos|kg|"
          "breath|breaths|day|days|week|weeks|percent|sets",
}
#: A number word as a dose: the word, at most one word between (e.g. "rustige"), then a unit.
DOSE_WORD = {lang: re.compile(rf"\b(?:{NUMBER_WORDS[lang]})\b(?:\s+\w+)?\s+(?:{UNITS[lang]})\b", re.IGNORECASE)
             for lang in NUMBER_WORDS}
ALWAYS_A_DOSE = {"nl": re.compile(r"\b(?:tweemaal|driemaal)\b", re.I), "en": re.compile(r"\b(?:twice|thrice)\b", re.I)}


def number_problems(data: dict) -> list[str]:
    problems = []
    for lang, where, text in patient_texts(data):
        bare = PLACEHOLDER.sub("", text)
        if re.search(r"\d", bare):
            problems.append(f"{lang} {where}: a digit outside a placeholder: {text!r}")
        for pattern in (DOSE_WORD.get(lang), ALWAYS_A_DOSE.get(lang)):
            if pattern is not None and (found := pattern.search(bare)):
                problems.append(f"{lang} {where}: a number word as a dose ({found.group(0)!r}): {text!r}")
    return problems


@pytest.mark.parametrize("path", BLOCK_FILES, ids=block_id)
def test_no_number_is_written_into_a_text(path):
    """Counts, seconds, minutes and weights in a block's texts all come from placeholders."""
    problems = number_problems(load(path))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", BLOCK_FILES, ids=block_id)
def test_every_placeholder_is_known_and_filled_by_the_default_dosage(path):
    """A placeholder names a dosage field the block's default dosage sets (or a pain threshold)."""
    data = load(path)
    dosage = Dosage.from_dict(data.get("dosage"))
    problems = []
    for lang, where, text in patient_texts(data):
        if unknown := unknown_placeholders(text):
            problems.append(f"{lang} {where}: unknown placeholder(s) {sorted(unknown)}")
        if empty := unfilled(text, dosage):
            problems.append(f"{lang} {where}: the default dosage does not fill {sorted(empty)}")
    assert not problems, "\n".join(problems)


def test_the_number_check_catches_what_the_issue_found():
    """The check is not empty: the old texts of long-exhale, a balance block and shoulder-press fail."""
    old = {"text": {
        "nl": {"purpose": "", "steps": ["Adem langzaam uit en tel tot 6.", "Ga zo 30 seconden door."],
               "safety": "Wordt de pijn hoger dan 3 op 10? Stop.", "body": []},
        "en": {"purpose": "", "steps": ["That is about six breaths a minute.", "Breathe out long, twice."],
               "safety": "", "body": []},
    }, "levels": [{"nl": "Met 2 kilo in elke hand", "en": "Holding for five counts"}]}
    problems = number_problems(old)
    assert len(problems) == 7, problems
    fine = {"text": {"nl": {"purpose": "", "steps": ["Houd dit {hold_seconds} vast.", "Op één been, twee handen."],
                            "safety": "", "body": []}}, "levels": []}
    assert number_problems(fine) == []


@pytest.mark.parametrize("path", [p for p in BLOCK_FILES if p.parent.name == "daily"], ids=block_id)
def test_daily_life_texts_leave_the_amount_to_the_plan(path):
    """A daily-life block is printed once, above its amount for every phase: its steps say "the minutes in
    your plan" rather than one phase's minutes (only the pause between parts is named)."""
    data = load(path)
    used = {name for _, _, text in patient_texts(data) for name in placeholders(text)}
    assert used <= {"rest_seconds"}, sorted(used)
