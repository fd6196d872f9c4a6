"""Readability and completeness checks for the built-in library (blocks and templates).

The JSON files are read directly; nothing from the ``planner`` package is imported.
Every test is parametrized per file, so a failure names the file.
"""

import json
import re
from pathlib import Path

import pytest

LIBRARY = Path(__file__).resolve().parents[2] / "resources" / "library"
BLOCKS_DIR = LIBRARY / "blocks"
TEMPLATES_DIR = LIBRARY / "templates"

LANGUAGES = ("nl", "en")
SESSION_KINDS = ("breathing", "mobility", "balance", "strength")  # education and daily life do not count
KINDS = ("education", "breathing", "mobility", "balance", "strength", "daily")
REGIONS = {"neck", "shoulder", "upper-back", "lower-back", "hip", "knee", "ankle", "whole-body"}
EQUIPMENT = {"chair", "wall", "mat", "band", "weights", "step", "towel", "cushion", "table"}
INT_DOSAGE = {
    "sets", "reps", "hold_seconds", "minutes", "rest_seconds", "times_per_day",
    "days_per_week", "effort", "pain_limit", "breaths_per_minute", "inhale_seconds",
    "exhale_seconds", "level",
}
DOSAGE_KEYS = INT_DOSAGE | {"load_kg"}
BLOCK_FIELDS = {
    "key", "kind", "version", "regions", "equipment", "illustration", "dosage", "levels", "text",
}
TEXT_FIELDS = {"title", "purpose", "steps", "safety", "body"}
SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"

MAX_AVG_SENTENCE = 15
MAX_SENTENCE = 25
LONG_WORD_LETTERS = 14
MAX_LONG_WORD_SHARE = 0.05

SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+|\n+")
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")

BLOCK_FILES = sorted(BLOCKS_DIR.glob("*/*.json"))
TEMPLATE_FILES = sorted(TEMPLATES_DIR.glob("*.json"))


def _id(path):
    return str(path.relative_to(LIBRARY))


def _load(path):
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def _block_keys():
    return {path.stem for path in BLOCK_FILES}


def _block_levels():
    levels = {}
    for path in BLOCK_FILES:
        try:
            levels[path.stem] = len(_load(path).get("levels") or [])
        except (OSError, ValueError):
            levels[path.stem] = 0
    return levels


def _patient_texts(data, language):
    """All patient-facing text of one file in one language (titles excluded)."""
    texts = []
    if "phases" in data:
        text = data.get("text", {}).get(language, {})
        texts += [text.get("goal", ""), text.get("description", "")]
        for phase in data.get("phases", []):
            phase_text = phase.get("text", {}).get(language, {})
            texts += [phase_text.get("focus", ""), phase_text.get("criteria", "")]
    else:
        text = data.get("text", {}).get(language, {})
        texts += [text.get("purpose", ""), text.get("safety", "")]
        texts += list(text.get("steps", [])) + list(text.get("body", []))
        for level in data.get("levels", []):  # a level's own steps and safety cue are patient text too
            own = (level.get("text") or {}).get(language, {})
            texts += list(own.get("steps", [])) + [own.get("safety", "")]
    return [t for t in texts if isinstance(t, str) and t.strip()]


def _sentences(texts):
    sentences = []
    for text in texts:
        for part in SENTENCE_SPLIT.split(text.strip()):
            words = WORD.findall(part)
            if words:
                sentences.append((part.strip(), words))
    return sentences


def _letters(word):
    return sum(ch.isalpha() for ch in word)


def _check_readability(path):
    data = _load(path)
    problems = []
    for language in LANGUAGES:
        sentences = _sentences(_patient_texts(data, language))
        assert sentences, f"{language}: no patient text"
        words = [w for _, ws in sentences for w in ws]
        average = len(words) / len(sentences)
        if average > MAX_AVG_SENTENCE:
            problems.append(f"{language}: average sentence length {average:.1f} words")
        for sentence, ws in sentences:
            if len(ws) > MAX_SENTENCE:
                problems.append(f"{language}: {len(ws)}-word sentence: {sentence!r}")
        long_words = [w for w in words if _letters(w) > LONG_WORD_LETTERS]
        share = len(long_words) / len(words)
        if share > MAX_LONG_WORD_SHARE:
            problems.append(f"{language}: {share:.1%} long words {sorted(set(long_words))}")
    return problems


def test_library_has_files():
    """The library holds block and template files to check."""
    assert BLOCK_FILES, "no block files found"
    assert TEMPLATE_FILES, "no template files found"


@pytest.mark.parametrize("path", BLOCK_FILES + TEMPLATE_FILES, ids=_id)
def test_patient_text_is_readable(path):
    """Patient text has short sentences and few long words in both languages."""
    problems = _check_readability(path)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", BLOCK_FILES, ids=_id)
def test_block_is_complete(path):
    """A block has every field, valid vocabulary and dosage, and full text in both languages."""
    data = _load(path)
    kind = path.parent.name
    assert set(data) >= BLOCK_FIELDS, f"missing fields: {sorted(BLOCK_FIELDS - set(data))}"
    assert kind in KINDS, f"unknown kind folder {kind!r}"
    assert data["kind"] == kind, f"kind {data['kind']!r} is not folder {kind!r}"
    assert data["key"] == path.stem, f"key {data['key']!r} is not file name {path.stem!r}"
    assert re.fullmatch(rf"{kind}\.{SLUG}", data["key"]), f"bad key {data['key']!r}"
    assert isinstance(data["version"], int) and data["version"] >= 1, "version must be int >= 1"
    assert data["illustration"] == f"{data['key']}.svg", "illustration must be <key>.svg"

    regions = data["regions"]
    assert isinstance(regions, list) and regions, "regions must be a non-empty list"
    assert set(regions) <= REGIONS, f"unknown regions {sorted(set(regions) - REGIONS)}"
    equipment = data["equipment"]
    assert isinstance(equipment, list), "equipment must be a list"
    assert set(equipment) <= EQUIPMENT, f"unknown equipment {sorted(set(equipment) - EQUIPMENT)}"

    dosage = data["dosage"]
    assert isinstance(dosage, dict), "dosage must be an object"
    assert set(dosage) <= DOSAGE_KEYS, f"unknown dosage keys {sorted(set(dosage) - DOSAGE_KEYS)}"
    for name, value in dosage.items():
        if name == "load_kg":
            assert isinstance(value, (int, float)) and not isinstance(value, bool), name
        else:
            assert isinstance(value, int) and not isinstance(value, bool), f"{name} must be int"
    for name in ("effort", "pain_limit"):
        if name in dosage:
            assert 0 <= dosage[name] <= 10, f"{name} must be 0-10"
    if kind == "education":
        assert dosage == {}, "education blocks have an empty dosage"

    levels = data["levels"]
    assert isinstance(levels, list), "levels must be a list"
    for index, level in enumerate(levels):
        for language in LANGUAGES:
            assert isinstance(level.get(language), str) and level[language].strip(), (
                f"level {index} lacks {language}"
            )
    if kind == "balance":
        assert len(levels) >= 4, "balance needs at least 4 levels"
    if kind == "strength":
        assert len(levels) >= 3, "strength needs at least 3 levels"
        assert "level" in dosage, "strength dosage needs a default level"
    if "level" in dosage:
        assert 0 <= dosage["level"] < len(levels), f"dosage level {dosage['level']} out of range"

    for language in LANGUAGES:
        text = data["text"].get(language)
        assert isinstance(text, dict), f"text.{language} missing"
        assert set(text) >= TEXT_FIELDS, f"text.{language} lacks {sorted(TEXT_FIELDS - set(text))}"
        for field in ("title", "purpose", "safety"):
            assert isinstance(text[field], str) and text[field].strip(), f"{language}.{field} empty"
        steps = text["steps"]
        assert isinstance(steps, list) and len(steps) >= 2, f"{language}: fewer than 2 steps"
        assert all(isinstance(s, str) and s.strip() for s in steps), f"{language}: empty step"
        body = text["body"]
        assert isinstance(body, list), f"{language}.body must be a list"
        assert all(isinstance(p, str) and p.strip() for p in body), f"{language}: empty paragraph"
        if kind == "education":
            assert 3 <= len(body) <= 5, f"{language}: education body needs 3-5 paragraphs"
        elif kind == "daily":
            assert len(body) >= 1, f"{language}: daily body needs a paragraph"
        else:
            assert body == [], f"{language}: body must be empty for {kind}"


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=_id)
def test_template_is_complete(path):
    """A template has 3-4 phases over 6-12 weeks, full text, and refers only to existing blocks."""
    data = _load(path)
    keys = _block_keys()
    levels = _block_levels()
    assert data.get("key") == path.stem, f"key {data.get('key')!r} is not file name {path.stem!r}"
    assert re.fullmatch(rf"template\.{SLUG}", data["key"]), f"bad key {data['key']!r}"
    assert isinstance(data.get("version"), int) and data["version"] >= 1, "version must be int >= 1"
    assert data.get("region") in REGIONS, f"unknown region {data.get('region')!r}"
    assert data.get("mode", "pain") in ("time", "pain"), f"unknown mode {data.get('mode')!r}"
    for language in LANGUAGES:
        text = data["text"].get(language, {})
        for field in ("title", "goal", "description"):
            assert isinstance(text.get(field), str) and text[field].strip(), (
                f"{language}.{field} empty"
            )

    phases = data.get("phases")
    assert isinstance(phases, list) and 3 <= len(phases) <= 4, "a template needs 3-4 phases"
    weeks = 0
    for number, phase in enumerate(phases, start=1):
        assert isinstance(phase.get("weeks"), int) and phase["weeks"] >= 1, f"phase {number} weeks"
        weeks += phase["weeks"]
        for language in LANGUAGES:
            text = phase["text"].get(language, {})
            for field in ("name", "focus", "criteria"):
                assert isinstance(text.get(field), str) and text[field].strip(), (
                    f"phase {number} {language}.{field} empty"
                )
        items = phase.get("items", [])
        exercises = [i for i in items if i.get("block", "").split(".")[0] in SESSION_KINDS]
        assert 3 <= len(exercises) <= 6, f"phase {number} has {len(exercises)} exercises, wants 3-6"
        assert len(items) <= 10, f"phase {number} has {len(items)} items, wants at most 10"
        for item in items:
            block = item.get("block")
            assert block in keys, f"phase {number} refers to missing block {block!r}"
            dosage = item.get("dosage", {})
            assert set(dosage) <= DOSAGE_KEYS, f"{block}: unknown dosage keys {sorted(dosage)}"
            if "level" in dosage:
                assert 0 <= dosage["level"] < levels[block], f"{block}: level out of range"
    assert 6 <= weeks <= 12, f"phases total {weeks} weeks, wants 6-12"
