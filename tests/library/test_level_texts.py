"""Every level of a block reads as that level: the start position in its steps is the one its label
names (standing at the counter is not lying on the floor), through the same domain function the
handout and the inspector use."""

from __future__ import annotations

import re

import pytest

from planner.domain.block_text import shown
from planner.domain.dosage import Dosage
from planner.domain.model import BlockText, Level
from tests.library.library_texts import BLOCK_FILES, block_id, load

#: Position words: a level label that names one must find it in the steps it prints.
POSITIONS = {
    "nl": {
        "lying": (r"\bliggend\b|\bop je (rug|buik|zij)\b", r"\blig|liggen\b"),
        "sitting": (r"\bzittend\b", r"\bzit|zitten\b"),
        "standing": (r"\bstaand\b", r"\bsta\b|staan\b"),
        "counter": (r"\baanrecht\b", r"\baanrecht\b"),
        "armrests": (r"armleuning", r"armleuning"),
        "wall": (r"\bmuur\b", r"\bmuur\b"),
        "one limb": (r"alleen een arm|alleen een been", r"alleen een arm|alleen een been|alleen je"),
        "eyes closed": (r"ogen dicht", r"ogen dicht|sluit je ogen"),
        "head turns": (r"hoofd\b.*\bdraaien", r"\bhoofd\b"),
        "feet together": (r"voeten (tegen|dicht bij) elkaar", r"tegen elkaar|dicht bij elkaar|naast elkaar"),
    },
    "en": {
        "lying": (r"\blying\b", r"\blie\b|\blying\b"),
        "sitting": (r"\bsitting\b", r"\bsit\b"),
        "standing": (r"\bstanding\b", r"\bstand\b"),
        "counter": (r"\bcounter\b", r"\bcounter\b"),
        "armrests": (r"armrest", r"armrest"),
        "wall": (r"\bwall\b", r"\bwall\b"),
        "one limb": (r"only an arm|only a leg", r"only an arm|only a leg|only one|only your"),
        "eyes closed": (r"eyes closed", r"eyes closed|close your eyes"),
        "head turns": (r"turning your head", r"\bhead\b"),
        "feet together": (r"feet (close )?together", r"together|side by side"),
    },
}

#: What a level's label rules out in the steps it prints (eyes closed: no fixed spot to look at).
NOT_WITH = {
    "nl": {r"ogen dicht": r"vast punt", r"zonder steun": r"houd (de leuning|het aanrecht) vast",
           r"voeten (tegen|dicht bij) elkaar": r"iets uit elkaar"},
    "en": {r"eyes closed": r"fixed spot", r"no support": r"hold on to the (backrest|counter)",
           r"feet (close )?together": r"a little apart"},
}


def _block(data: dict) -> tuple[dict[str, BlockText], tuple[Level, ...], Dosage]:
    texts = {lang: BlockText(title=t["title"], purpose=t["purpose"], steps=tuple(t["steps"]), safety=t["safety"],
                             body=tuple(t["body"])) for lang, t in data["text"].items()}
    return texts, tuple(Level.from_data(level) for level in data.get("levels", [])), Dosage.from_dict(data["dosage"])


def level_problems(data: dict) -> list[str]:
    texts, levels, dosage = _block(data)
    problems = []
    for index, level in enumerate(levels):
        for lang, words in POSITIONS.items():
            label = level.text(lang)
            text = shown(texts, levels, index, dosage, lang)
            steps = " ".join(text.steps).lower()
            for name, (in_label, in_steps) in words.items():
                if re.search(in_label, label, re.IGNORECASE) and not re.search(in_steps, steps):
                    problems.append(f"level {index} {lang}: the label says {name} ({label!r}), the steps do not")
            for in_label, not_in_steps in NOT_WITH[lang].items():
                if re.search(in_label, label, re.IGNORECASE) and (found := re.search(not_in_steps, steps)):
                    problems.append(f"level {index} {lang}: the label says {label!r}, a step says {found.group(0)!r}")
    return problems


@pytest.mark.parametrize("path", [p for p in BLOCK_FILES if load(p).get("levels")], ids=block_id)
def test_each_level_prints_the_position_its_label_names(path):
    problems = level_problems(load(path))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", [p for p in BLOCK_FILES if load(p).get("levels")], ids=block_id)
def test_level_texts_are_well_formed(path):
    """Own texts per level: only steps (a start position and at least one movement), a safety cue and
    a title, in the block's languages."""
    data = load(path)
    for index, level in enumerate(data["levels"]):
        own = level.get("text", {})
        assert set(own) <= set(data["text"]), f"level {index}: a language the block does not have"
        assert set(own) in (set(), set(data["text"])), f"level {index}: own text in one language only"
        for lang, parts in own.items():
            assert set(parts) <= {"steps", "safety", "title"} and parts, f"level {index} {lang}: {sorted(parts)}"
            if "steps" in parts:
                assert len(parts["steps"]) >= 2 and all(s.strip() for s in parts["steps"]), f"level {index} {lang}"


@pytest.mark.parametrize(("key", "level", "lang", "first", "absent"), [
    ("strength.knee-plank", 0, "nl", "aanrecht", "buik"),
    ("strength.knee-plank", 0, "en", "counter", "front"),
    ("strength.side-leg-lift", 0, "nl", "stoel", "zij liggen"),
    ("strength.side-leg-lift", 0, "en", "chair", "lie on your side"),
    ("strength.bird-dog", 0, "en", "hands and knees", "right arm forward and your left leg"),
    ("mobility.chin-tuck", 0, "nl", "rug liggen", "stoel"),
    ("mobility.chin-tuck", 0, "en", "lie on your back", "chair"),
    ("strength.sit-to-stand", 0, "nl", "stoel", "armen voor je borst"),
    ("strength.sit-to-stand", 0, "en", "chair", "cross your arms"),
])
def test_the_levels_the_issue_found(key, level, lang, first, absent):
    """The easiest levels named in issue 12 start where their label says and drop the basic level's words."""
    path = next(p for p in BLOCK_FILES if p.stem == key)
    texts, levels, dosage = _block(load(path))
    steps = shown(texts, levels, level, dosage, lang).steps
    assert first in steps[0].lower(), steps[0]
    assert all(absent not in step.lower() for step in steps), steps


def test_the_position_check_catches_a_mismatch():
    data = {"text": {"nl": {"title": "Plank", "purpose": "", "steps": ["Ga op je buik liggen.", "Til je op."],
                            "safety": "", "body": []},
                     "en": {"title": "Plank", "purpose": "", "steps": ["Lie on your front.", "Lift up."],
                            "safety": "", "body": []}},
            "dosage": {}, "levels": [{"nl": "Staand aan het aanrecht", "en": "Standing at the counter"}]}
    assert len(level_problems(data)) == 4
    data["levels"][0]["text"] = {
        "nl": {"steps": ["Ga staan bij het aanrecht.", "Leun op je onderarmen."]},
        "en": {"steps": ["Stand at the kitchen counter.", "Lean on your forearms."]},
    }
    assert level_problems(data) == []
