"""Every language a library file speaks, it speaks everywhere in that file, in the shape of the English.

A third language is data only (FORMAT.md): a file that gains "tr" in one text must have it in every
language-keyed text of the file (block text, level labels, level texts, template and phase texts,
exposure names and rungs, activity names), with the same fields, the same number of steps, body
paragraphs and level steps as the English, and the same brace placeholders (the dosage words them).
The test reads the languages from the files, so it holds before and after a language is listed in
resources/locale/languages.json.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from planner.paths import LIBRARY_DIR

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
FILES = sorted([*(LIBRARY_DIR / "blocks").glob("*/*.json"), *(LIBRARY_DIR / "templates").glob("*.json"),
                LIBRARY_DIR / "exposure.json", LIBRARY_DIR / "priorities.json"])


def keyed_texts(node: Any, where: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """(where, {language: text}) for every language-keyed object: one with an "en" entry."""
    if isinstance(node, dict):
        if "en" in node:
            yield where, node
        for key, value in node.items():
            if not ("en" in node and key in languages_of(node)):  # a level's own "text" is keyed again
                yield from keyed_texts(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from keyed_texts(value, f"{where}[{index}]")


def languages_of(node: dict[str, Any]) -> set[str]:
    """The language keys of a language-keyed object: two lower-case letters."""
    return {key for key in node if re.fullmatch(r"[a-z]{2}", key)}


def shape_problems(english: Any, other: Any, where: str) -> list[str]:
    if isinstance(english, str):
        if not isinstance(other, str) or (english.strip() and not other.strip()):
            return [f"{where}: empty or not a text"]
        if sorted(PLACEHOLDER.findall(english)) != sorted(PLACEHOLDER.findall(other)):
            return [f"{where}: placeholders {PLACEHOLDER.findall(english)} in English, "
                    f"{PLACEHOLDER.findall(other)} here"]
        return []
    if isinstance(english, list):
        if not isinstance(other, list) or len(other) != len(english):
            return [f"{where}: {len(english)} items in English, {len(other) if isinstance(other, list) else '?'} here"]
        return [p for n, (a, b) in enumerate(zip(english, other, strict=True))
                for p in shape_problems(a, b, f"{where}[{n}]")]
    if isinstance(english, dict):
        if not isinstance(other, dict) or set(other) != set(english):
            return [f"{where}: fields {sorted(english)} in English, {sorted(other) if isinstance(other, dict) else '?'}"
                    " here"]
        return [p for key in english for p in shape_problems(english[key], other[key], f"{where}.{key}")]
    return []


def parity_problems(data: Any) -> list[str]:
    texts = list(keyed_texts(data))
    spoken = set().union(*(languages_of(node) for _, node in texts)) if texts else set()
    problems = []
    for where, node in texts:
        for lang in sorted(spoken):
            if lang not in node:
                problems.append(f"{where or '.'}: no {lang!r}")
            elif lang != "en":
                problems += shape_problems(node["en"], node[lang], f"{where or '.'}.{lang}")
    return problems


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_language_of_a_file_is_complete_and_shaped_like_the_english(path: Path):
    problems = parity_problems(json.loads(path.read_text(encoding="utf-8")))
    assert not problems, "\n".join(problems)


def test_the_parity_check_finds_a_missing_step_a_lost_placeholder_and_a_missing_label():
    block = {"text": {"en": {"title": "Walk", "steps": ["Walk for {minutes}.", "Rest."], "safety": "", "body": []},
                      "tr": {"title": "Yürüyüş", "steps": ["Yürüyün."], "safety": "", "body": []}},
             "levels": [{"en": "Slow", "tr": "Yavaş"}, {"en": "Fast"}]}
    problems = parity_problems(block)
    assert len(problems) == 2, problems
    assert any("2 items in English, 1 here" in p for p in problems)
    assert any("no 'tr'" in p for p in problems)
    block["text"]["tr"]["steps"] = ["Yürüyün.", "Dinlenin."]
    assert any("placeholders" in p for p in parity_problems(block))
    block["text"]["tr"]["steps"] = ["{minutes} boyunca yürüyün.", "Dinlenin."]
    block["levels"][1]["tr"] = "Hızlı"
    assert parity_problems(block) == []
