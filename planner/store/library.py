"""Seed the built-in library (blocks and templates from `resources/library/`) into the database.

Idempotent and keyed: a block or template whose file has a higher `version` than the stored copy
is updated; therapist-made and duplicated blocks (builtin = False) are never touched.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.domain.dosage import Dosage
from planner.domain.kinds import LANGUAGES, Kind
from planner.domain.model import ProgressionMode
from planner.domain.text import fold
from planner.domain.thresholds import Progression
from planner.paths import ILLUSTRATIONS_DIR, LIBRARY_DIR
from planner.store import tables as t

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SeedReport:
    blocks_added: int = 0
    blocks_updated: int = 0
    templates_added: int = 0
    templates_updated: int = 0
    skipped: tuple[str, ...] = ()


def load_json_files(folder: Path) -> list[tuple[Path, dict[str, Any]]]:
    """Every *.json below `folder`, parsed; a file that does not parse is logged and left out."""
    out: list[tuple[Path, dict[str, Any]]] = []
    for path in sorted(folder.rglob("*.json")):
        try:
            out.append((path, json.loads(path.read_text(encoding="utf-8"))))
        except (OSError, ValueError) as error:
            log.error("library file %s skipped: %s", path, error)
    return out


def block_search_text(texts: dict[str, dict[str, Any]], regions: list[str], equipment: list[str]) -> str:
    """Folded text over titles, purposes and tags in every language, for accent-free search."""
    parts: list[str] = []
    for lang_texts in texts.values():
        parts.append(lang_texts.get("title", ""))
        parts.append(lang_texts.get("purpose", ""))
    parts.extend(regions)
    parts.extend(equipment)
    return fold(" ".join(p for p in parts if p))


def level_picture(key: str, index: int, folder: Path = ILLUSTRATIONS_DIR) -> str | None:
    """The file name of a level's own picture (`<key>.level-<n>.svg`), when that file exists."""
    name = f"{key}.level-{index}.svg"
    return name if (folder / name).is_file() else None


def level_data(key: str, levels: list[Any], folder: Path = ILLUSTRATIONS_DIR) -> list[dict[str, Any]]:
    """A block file's levels as stored: the labels, the level's own texts per language (only what
    differs from the block), and its own picture when one is drawn; else the block's picture is used."""
    out: list[dict[str, Any]] = []
    for index, level in enumerate(levels):
        if not isinstance(level, dict):
            raise ValueError(f"level {index} must be an object")
        entry: dict[str, Any] = {lang: str(level.get(lang, "")) for lang in LANGUAGES}
        texts = level.get("text")
        if texts is not None:
            if not isinstance(texts, dict) or not all(isinstance(v, dict) for v in texts.values()):
                raise ValueError(f"level {index}: text must map languages to objects")
            entry["text"] = {
                lang: {part: value for part, value in own.items() if part in ("steps", "safety", "title")}
                for lang, own in texts.items() if lang in LANGUAGES  # as the labels: shipped languages only
            }
        picture = level_picture(key, index, folder)
        kept = level.get("illustration")  # a copy of a built-in block keeps its levels' pictures
        if picture is None and isinstance(kept, str) and kept.endswith(".svg") and Path(kept).name == kept:
            picture = kept
        if picture is not None:
            entry["illustration"] = picture
        out.append(entry)
    return out


def apply_block_data(row: t.Block, data: dict[str, Any]) -> None:
    """Copy a block's file data onto its row (fields and texts in both languages)."""
    Kind(data["kind"])
    Dosage.from_dict(data.get("dosage"))  # raises on unknown fields
    row.kind = data["kind"]
    row.version = int(data.get("version", 1))
    row.regions = list(data.get("regions", []))
    row.equipment = list(data.get("equipment", []))
    row.illustration = data.get("illustration")
    row.dosage = dict(data.get("dosage", {}))
    row.levels = level_data(row.key or data.get("key", ""), list(data.get("levels", [])))
    progression = data.get("progression")  # optional: volume, level, rung or none (else from kind and key)
    row.progression = Progression(progression).value if progression else None
    texts = data.get("text", {})
    by_lang = {text.lang: text for text in row.texts}
    for lang in LANGUAGES:
        source = texts.get(lang, {})
        text = by_lang.get(lang)
        if text is None:
            text = t.BlockText(lang=lang)
            row.texts.append(text)
        text.title = source.get("title", "")
        text.purpose = source.get("purpose", "")
        text.steps = list(source.get("steps", []))
        text.safety = source.get("safety", "")
        text.body = list(source.get("body", []))
    row.search_text = block_search_text(texts, row.regions, row.equipment)


def seed_blocks(session: Session, files: list[tuple[Path, dict[str, Any]]]) -> tuple[int, int, list[str]]:
    # A cheap look at keys and versions first: on a normal start nothing is due and no row is loaded.
    # Only the files' own keys (by the unique index), not the clinic's thousands of own blocks.
    keys = [data["key"] for _, data in files if data.get("key")]
    stored = {key: (version, builtin) for key, version, builtin in
              session.execute(select(t.Block.key, t.Block.version, t.Block.builtin).where(t.Block.key.in_(keys)))}
    due = [
        (path, data) for path, data in files
        if not data.get("key") or data["key"] not in stored
        or (stored[data["key"]][1] and stored[data["key"]][0] < int(data.get("version", 1)))
    ]
    if not due:
        return 0, 0, []
    existing = {row.key: row for row in session.scalars(
        select(t.Block).where(t.Block.builtin, t.Block.key.in_([d.get("key") for _, d in due])))}
    added = updated = 0
    skipped: list[str] = []
    for path, data in due:
        key = data.get("key")
        if not key:
            skipped.append(str(path))
            continue
        try:
            row = existing.get(key)
            if row is None:
                if key in stored:  # a therapist's own block already uses this key: leave it alone
                    skipped.append(key)
                    continue
                row = t.Block(key=key, builtin=True)
                apply_block_data(row, data)
                session.add(row)
                added += 1
            else:
                apply_block_data(row, data)
                updated += 1
        except (KeyError, ValueError, TypeError) as error:
            log.error("library block %s skipped: %s", path, error)
            skipped.append(str(path))
    session.flush()
    return added, updated, skipped


def _template_rows(session: Session, data: dict[str, Any], lang: str) -> t.Plan:
    blocks = {row.key: row for row in session.scalars(select(t.Block))}
    texts = data.get("text", {}).get(lang, {})
    plan = t.Plan(
        is_template=True,
        template_key=f"{data['key']}:{lang}",
        template_version=int(data.get("version", 1)),
        title=texts.get("title", data["key"]),
        goal=texts.get("goal", ""),
        language=lang,
        status="draft",
        mode=ProgressionMode(data.get("mode", ProgressionMode.TIME.value)).value,  # time: the default for persistent pain
    )
    for p_index, phase_data in enumerate(data.get("phases", [])):
        ptexts = phase_data.get("text", {}).get(lang, {})
        phase = t.Phase(
            position=p_index,
            name=ptexts.get("name", ""),
            weeks=int(phase_data.get("weeks", 2)),
            focus=ptexts.get("focus", ""),
            criteria=ptexts.get("criteria", ""),
        )
        for i_index, item_data in enumerate(phase_data.get("items", [])):
            block = blocks.get(item_data.get("block", ""))
            if block is None:
                raise ValueError(f"template {data['key']} names unknown block {item_data.get('block')}")
            dosage = Dosage.from_dict(block.dosage).merged(item_data.get("dosage"))
            item = t.PlanItem(position=i_index, block=block, **dosage.to_dict())
            item.patient_note = item_data.get("note", {}).get(lang, "") if item_data.get("note") else ""
            phase.items.append(item)
        plan.phases.append(phase)
    return plan


def seed_templates(session: Session, files: list[tuple[Path, dict[str, Any]]]) -> tuple[int, int, list[str]]:
    versions = {key: version for key, version in session.execute(
        select(t.Plan.template_key, t.Plan.template_version).where(t.Plan.template_key.is_not(None)))}
    added = updated = 0
    skipped: list[str] = []
    for path, data in files:
        for lang in LANGUAGES:
            key = f"{data.get('key')}:{lang}"
            version = int(data.get("version", 1))
            if key in versions and versions[key] >= version:
                continue
            current = session.scalars(select(t.Plan).where(t.Plan.template_key == key)).first()
            try:
                with session.begin_nested():
                    plan = _template_rows(session, data, lang)
                    if current is not None:
                        session.delete(current)
                        session.flush()
                    session.add(plan)
                    session.flush()
            except (KeyError, ValueError, TypeError) as error:
                log.error("library template %s (%s) skipped: %s", path, lang, error)
                skipped.append(key)
                continue
            if current is None:
                added += 1
            else:
                updated += 1
    return added, updated, skipped


def _read_json(name: str, library_dir: Path) -> dict[str, Any]:
    """A library data file as JSON; {} when it is missing or broken (logged)."""
    path = library_dir / name
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        log.error("library file %s skipped: %s", path, error)
        return {}
    return data if isinstance(data, dict) else {}


def read_exposure(library_dir: Path = LIBRARY_DIR) -> dict[str, Any]:
    """The exposure ladders per feared activity (`exposure.json`); {} when missing or broken."""
    return _read_json("exposure.json", library_dir)


def read_demo(library_dir: Path = LIBRARY_DIR) -> dict[str, Any]:
    """The demo patient's words per language (`demo.json`); {} when missing or broken."""
    return _read_json("demo.json", library_dir)


def read_priorities(library_dir: Path = LIBRARY_DIR) -> dict[str, Any]:
    """The clinical priorities file (`priorities.json`, FORMAT.md); {} when it is missing or broken."""
    return _read_json("priorities.json", library_dir)


def seed(session: Session, library_dir: Path = LIBRARY_DIR) -> SeedReport:
    """Load built-in blocks, then templates, into the database within the caller's transaction."""
    b_added, b_updated, b_skipped = seed_blocks(session, load_json_files(library_dir / "blocks"))
    t_added, t_updated, t_skipped = seed_templates(session, load_json_files(library_dir / "templates"))
    return SeedReport(b_added, b_updated, t_added, t_updated, tuple(b_skipped + t_skipped))
