"""Read the built-in block files as the patient reads them: every text of every level in every language."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from planner.paths import LIBRARY_DIR

BLOCK_FILES = sorted((LIBRARY_DIR / "blocks").glob("*/*.json"))


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def block_id(path: Path) -> str:
    return path.stem


def languages(data: dict[str, Any]) -> list[str]:
    return sorted(data["text"])


def patient_texts(data: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(language, where, text) for every patient-facing text of a block: purpose, steps, safety, body,
    each level's label, and each level's own steps and safety cue."""
    for lang, text in data["text"].items():
        yield lang, "purpose", text.get("purpose", "")
        for n, step in enumerate(text.get("steps", []), 1):
            yield lang, f"step {n}", step
        yield lang, "safety", text.get("safety", "")
        for n, paragraph in enumerate(text.get("body", []), 1):
            yield lang, f"body {n}", paragraph
    for index, level in enumerate(data.get("levels", [])):
        for lang in data["text"]:
            yield lang, f"level {index} label", level.get(lang, "")
        for lang, own in (level.get("text") or {}).items():
            for n, step in enumerate(own.get("steps", []), 1):
                yield lang, f"level {index} step {n}", step
            if own.get("safety"):
                yield lang, f"level {index} safety", own["safety"]
