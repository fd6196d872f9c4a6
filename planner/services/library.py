"""Library use cases: list and search blocks, custom blocks, duplicates, pictures, templates."""

from __future__ import annotations

import logging
from functools import cache
from typing import Any

from sqlalchemy import Select, Text, select, type_coerce

from planner.domain.dosage import Dosage, validate
from planner.domain.errors import NotFound, ValidationError
from planner.domain.kinds import EQUIPMENT, LANGUAGES, REGIONS, Kind
from planner.domain.messages import Msg, msg
from planner.domain.model import BlockInfo, PlanSummary
from planner.domain.priorities import Priorities, parse_priorities
from planner.domain.text import fold
from planner.store import tables as t
from planner.store.engine import Database
from planner.store.library import apply_block_data, block_search_text, read_priorities
from planner.store.views import block_view, block_views, brief_block_views, plan_summary

MAX_TITLE = 200  # characters in a block's title

log = logging.getLogger(__name__)


@cache
def clinical_priorities() -> Priorities:
    """The library's clinical priorities per region and activity (empty when the file is broken)."""
    try:
        return parse_priorities(read_priorities())
    except (ValueError, TypeError, AttributeError) as error:
        log.error("clinical priorities skipped: %s", error)
        return Priorities()


def list_blocks(
    db: Database,
    *,
    query: str = "",
    kind: Kind | str | None = None,
    region: str | None = None,
    equipment: str | None = None,
    include_archived: bool = False,
    brief: bool = False,
) -> list[BlockInfo]:
    """Blocks matching every given filter; `query` ignores case and accents, in both languages.

    Read with plain column selects, not as ORM objects and without the pictures' bytes: the library
    panel reads every block at start, 5,000 in a big clinic. `brief`: only what a list shows and
    searches (titles, purposes, tags, picture), one row per block; dosage, levels, steps, safety and
    body stay empty (several times faster): read one whole block with get_block."""
    blocks, texts = t.Block.__table__, t.BlockText.__table__
    conditions = []
    if kind:
        conditions.append(blocks.c.kind == str(kind))
    if not include_archived:
        conditions.append(blocks.c.archived.is_(False))
    for word in fold(query).split():
        conditions.append(blocks.c.search_text.contains(word, autoescape=True))
    order = (blocks.c.kind, blocks.c.key)
    if brief:
        stmt = _brief_select().where(*conditions).order_by(*order)
        with db.reading() as session:
            found = brief_block_views(session.execute(stmt).all(), LANGUAGES)
    else:
        columns = [column for column in blocks.c if column.key != "image"]
        stmt = select(*columns, blocks.c.image.is_not(None).label("has_image")).where(*conditions).order_by(*order)
        text_stmt = select(texts)
        if conditions:
            text_stmt = text_stmt.join(blocks, blocks.c.id == texts.c.block_id).where(*conditions)
        with db.reading() as session:
            found = block_views(session.execute(stmt).all(), session.execute(text_stmt).all())
    if region:
        found = [b for b in found if region in b.regions]
    if equipment:
        found = [b for b in found if equipment in b.equipment]
    return found


def _brief_select() -> Select[Any]:
    """One row per block: the columns a list needs, then title and purpose in each language (one
    outer join per language). Tags come as stored (JSON text on SQLite): brief_block_views decodes
    each distinct value once."""
    blocks, texts = t.Block.__table__, t.BlockText.__table__
    columns: list[Any] = [blocks.c.id, blocks.c.key, blocks.c.kind, blocks.c.builtin, blocks.c.version,
                          type_coerce(blocks.c.regions, Text), type_coerce(blocks.c.equipment, Text),
                          blocks.c.illustration, blocks.c.archived, blocks.c.image.is_not(None)]
    joined = blocks
    for lang in LANGUAGES:
        text = texts.alias(f"text_{lang}")
        columns += [text.c.title, text.c.purpose]
        joined = joined.outerjoin(text, (text.c.block_id == blocks.c.id) & (text.c.lang == lang))
    return select(*columns).select_from(joined)


def get_block(db: Database, block_id: int) -> BlockInfo:
    with db.reading() as session:
        row = session.get(t.Block, block_id)
        if row is None:
            raise NotFound(msg("Block {block_id} does not exist.", block_id=str(block_id)))
        return block_view(row)


def get_block_by_key(db: Database, key: str) -> BlockInfo:
    with db.reading() as session:
        row = session.scalars(select(t.Block).where(t.Block.key == key)).first()
        if row is None:
            raise NotFound(msg("Block “{key}” does not exist.", key=key))
        return block_view(row)


def block_image(db: Database, block_id: int) -> tuple[bytes, str] | None:
    """The therapist's own picture of a block (bytes and MIME type), if one is attached."""
    with db.reading() as session:
        row = session.get(t.Block, block_id)
        if row is None or row.image is None:
            return None
        return row.image, row.image_mime or "image/png"


def _check_block_data(data: dict[str, Any]) -> None:
    problems: dict[str, Msg | str] = {}
    try:
        Kind(data.get("kind", ""))
    except ValueError:
        problems["kind"] = msg("choose one of: {choices}", choices=", ".join(k.value for k in Kind))
    texts = data.get("text", {})
    if not any(texts.get(lang, {}).get("title", "").strip() for lang in LANGUAGES):
        problems["title"] = msg("a title is required")
    for lang in LANGUAGES:
        if len(texts.get(lang, {}).get("title", "")) > MAX_TITLE:
            problems["title"] = msg("at most {n} characters", n=MAX_TITLE)
    bad_regions = set(data.get("regions", [])) - set(REGIONS)
    if bad_regions:
        problems["regions"] = msg("unknown: {names}", names=", ".join(sorted(bad_regions)))
    bad_equipment = set(data.get("equipment", [])) - set(EQUIPMENT)
    if bad_equipment:
        problems["equipment"] = msg("unknown: {names}", names=", ".join(sorted(bad_equipment)))
    try:
        problems.update(validate(Dosage.from_dict(data.get("dosage"))))
    except (TypeError, ValueError) as error:
        problems["dosage"] = str(error)
    if problems:
        raise ValidationError(problems)


def create_custom_block(db: Database, data: dict[str, Any]) -> BlockInfo:
    """Add a therapist's own block from data in the library file format (key is assigned here)."""
    _check_block_data(data)
    with db.transaction() as session:
        row = t.Block(key="custom.pending", builtin=False)
        apply_block_data(row, {**data, "version": 1})
        session.add(row)
        session.flush()
        row.key = f"custom.{row.id}"
        session.flush()
        return block_view(row)


def duplicate_block(db: Database, block_id: int) -> BlockInfo:
    """A therapist's editable copy of any block (built-in ones stay read-only)."""
    with db.transaction() as session:
        source = session.get(t.Block, block_id)
        if source is None:
            raise NotFound(msg("Block {block_id} does not exist.", block_id=str(block_id)))
        copy = t.Block(
            key="custom.pending",
            kind=source.kind,
            builtin=False,
            version=1,
            origin_key=source.key,
            regions=list(source.regions),
            equipment=list(source.equipment),
            illustration=source.illustration,
            image=source.image,
            image_mime=source.image_mime,
            dosage=dict(source.dosage),
            levels=list(source.levels),
            search_text=source.search_text,
        )
        for text in source.texts:
            copy.texts.append(
                t.BlockText(
                    lang=text.lang,
                    title=text.title,
                    purpose=text.purpose,
                    steps=list(text.steps),
                    safety=text.safety,
                    body=list(text.body),
                )
            )
        session.add(copy)
        session.flush()
        copy.key = f"custom.{copy.id}"
        session.flush()
        return block_view(copy)


def update_custom_block(db: Database, block_id: int, data: dict[str, Any]) -> BlockInfo:
    """Change a therapist's own block; built-in blocks are read-only (duplicate them first)."""
    _check_block_data(data)
    with db.transaction() as session:
        row = session.get(t.Block, block_id)
        if row is None:
            raise NotFound(msg("Block {block_id} does not exist.", block_id=str(block_id)))
        if row.builtin:
            raise ValidationError({"block": msg("built-in blocks are read-only; duplicate it to change it")})
        apply_block_data(row, {**data, "version": row.version + 1})
        session.flush()
        return block_view(row)


def set_block_image(db: Database, block_id: int, image: bytes | None, mime: str | None) -> BlockInfo:
    """Attach (or with None, remove) a therapist's own picture; the caller has checked and scaled it."""
    with db.transaction() as session:
        row = session.get(t.Block, block_id)
        if row is None:
            raise NotFound(msg("Block {block_id} does not exist.", block_id=str(block_id)))
        if row.builtin:
            raise ValidationError({"image": msg("built-in blocks are read-only; duplicate it to change it")})
        row.image = image
        row.image_mime = mime if image is not None else None
        session.flush()
        session.expire(row, ["has_image"])  # computed by the database: read it again
        return block_view(row)


def list_templates(db: Database, *, language: str | None = None) -> list[PlanSummary]:
    """Plan templates (built-in and the clinic's own), optionally in one language."""
    stmt = select(t.Plan).where(t.Plan.is_template.is_(True), t.Plan.archived.is_(False))
    if language:
        stmt = stmt.where(t.Plan.language == language)
    stmt = stmt.order_by(t.Plan.title)
    with db.reading() as session:
        return [plan_summary(row, len(row.phases)) for row in session.scalars(stmt)]


__all__ = [
    "block_image",
    "block_search_text",
    "create_custom_block",
    "duplicate_block",
    "get_block",
    "get_block_by_key",
    "list_blocks",
    "list_templates",
    "set_block_image",
    "update_custom_block",
]
