"""Plan files (see docs/plan-file-format.md) to and from rows: one plan or template with its phases,
items and the custom blocks they use. Parsing and checking the file happen before this, in
`planner.services.transfer`; these functions work inside the caller's transaction.
"""

from __future__ import annotations

import base64
from dataclasses import replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from planner.domain.dosage import Dosage
from planner.domain.errors import NotFound
from planner.domain.kinds import LANGUAGES
from planner.domain.made_words import MadeWords, stored_data, stored_message
from planner.domain.messages import msg
from planner.domain.model import ExposureLadder, Level
from planner.domain.snapshot import ItemSnapshot, PhaseSnapshot, PlanSnapshot
from planner.store import tables as t
from planner.store.library import apply_block_data
from planner.store.views import DOSAGE_COLUMNS, item_dosage

FORMAT = "herstelplan-plan"
VERSION = 3  # 2: the plan's current phase, its exposure ladder and a block's progression; 3: made words
TEXT_FIELDS = ("title", "purpose", "steps", "safety", "body")


class UnknownBlock(Exception):
    """An item names a library block this database does not have (carries the item's JSON path)."""

    def __init__(self, path: str, key: str):
        super().__init__(path, key)
        self.path, self.key = path, key


def _has_text(text: t.BlockText) -> bool:
    return any((text.title, text.purpose, text.safety, *(text.steps or []), *(text.body or [])))


def block_data(row: t.Block) -> dict[str, Any]:
    """A therapist's own block as the file embeds it (no database ids)."""
    texts = {text.lang: text for text in row.texts}
    data: dict[str, Any] = {
        "key": row.key,
        "kind": row.kind,
        "origin": row.origin_key,
        "regions": list(row.regions or []),
        "equipment": list(row.equipment or []),
        "illustration": row.illustration,
        "dosage": Dosage.from_dict(row.dosage).to_dict(),
        "levels": [Level.from_data(lv).to_data() for lv in row.levels or []],  # with a level's own texts
        "text": {
            lang: {
                "title": texts[lang].title,
                "purpose": texts[lang].purpose,
                "steps": list(texts[lang].steps or []),
                "safety": texts[lang].safety,
                "body": list(texts[lang].body or []),
            }
            for lang in LANGUAGES
            if lang in texts and _has_text(texts[lang])  # a language the block was never written in: left out
        },
        "image": None,
    }
    if row.image is not None:
        data["image"] = {"mime": row.image_mime or "image/png", "data": base64.b64encode(row.image).decode("ascii")}
    if row.progression:
        data["progression"] = row.progression
    return data


def export_plan(session: Session, plan_id: int, *, generator: str) -> dict[str, Any]:
    """The plan file for one plan or template: no patient, no private notes, no dates."""
    plan = session.scalars(
        select(t.Plan).where(t.Plan.id == plan_id).options(selectinload(t.Plan.phases).selectinload(t.Phase.items))
    ).first()
    if plan is None:
        raise NotFound(msg("Plan {plan_id} does not exist.", plan_id=str(plan_id)))
    custom = {item.block.key: item.block for phase in plan.phases for item in phase.items if not item.block.builtin}
    content = PlanSnapshot(  # no ids, private notes or dates
        title=plan.title,
        goal=plan.goal if plan.is_template else "",  # a patient's goal is in their own words
        language=plan.language,
        mode=plan.mode,
        weekly_cap_pct=plan.weekly_cap_pct,
        phases=tuple(
            PhaseSnapshot(name=phase.name, weeks=phase.weeks, focus=phase.focus, criteria=phase.criteria,
                          made=MadeWords.from_data(phase.made_words),
                          items=tuple(ItemSnapshot(block_key=item.block.key, dosage=item_dosage(item),
                                                   patient_note=item.patient_note) for item in phase.items))
            for phase in plan.phases
        ),
        current_phase=next((i for i, p in enumerate(plan.phases) if p.id == plan.current_phase_id), None),
        exposure=ExposureLadder.from_json(plan.exposure),
        made_title=stored_message(plan.made_title),
    )
    return {
        "format": FORMAT,
        "version": VERSION,
        "kind": "template" if plan.is_template else "plan",
        "generator": generator,
        "plan": content.to_data(),
        "blocks": [block_data(row) for row in custom.values()],
    }


_NO_TEXT = {"title": "", "purpose": "", "steps": [], "safety": "", "body": []}


def _comparable(data: dict[str, Any]) -> dict[str, Any]:
    """A block without its key, every language present (a one-language file compares equal to the
    block it made before, whose other language is empty)."""
    out = {k: v for k, v in data.items() if k != "key"}
    texts = out.get("text") or {}
    out["text"] = {lang: {**_NO_TEXT, **texts.get(lang, {})} for lang in LANGUAGES}
    return out


def _import_block(session: Session, data: dict[str, Any], existing: list[t.Block]) -> t.Block:
    """The therapist's block for an embedded one: an identical existing copy, else a new block."""
    wanted = _comparable(data)
    for row in existing:
        if _comparable(block_data(row)) == wanted:
            return row
    row = t.Block(key="custom.pending", builtin=False, origin_key=data.get("origin"))
    apply_block_data(row, {**data, "version": 1})
    image = data.get("image")
    if image:
        row.image = base64.b64decode(image["data"])
        row.image_mime = image["mime"]
    session.add(row)
    session.flush()
    row.key = f"custom.{row.id}"
    session.flush()
    existing.append(row)
    return row


def import_plan(session: Session, doc: dict[str, Any], *, patient: t.Patient | None) -> t.Plan:
    """Create the plan of a checked plan file: for `patient`, or a clinic template when None.

    Items name built-in blocks by key (they must exist here) or embedded custom blocks, which
    become the therapist's own blocks (an identical one already here is reused). Raises
    UnknownBlock for a key this database does not have; the caller's transaction then rolls back.
    """
    embedded = {block["key"]: block for block in doc["blocks"]}
    library = {row.key: row for row in session.scalars(select(t.Block).where(t.Block.builtin.is_(True)))}
    own = list(session.scalars(select(t.Block).where(t.Block.builtin.is_(False))))
    resolved: dict[str, t.Block] = {}
    data = PlanSnapshot.from_data(doc["plan"])
    plan = t.Plan(
        patient=patient,
        is_template=patient is None,
        title=data.title,
        goal=data.goal,
        language=data.language,
        mode=data.mode,
        weekly_cap_pct=data.weekly_cap_pct,
        status="draft",
        made_title=stored_data(data.made_title),
    )
    session.add(plan)  # in the session before any flush below (embedded blocks are flushed for their ids)
    for p_index, phase_data in enumerate(data.phases):
        phase = t.Phase(
            position=p_index, name=phase_data.name, weeks=phase_data.weeks,
            focus=phase_data.focus, criteria=phase_data.criteria, made_words=phase_data.made.to_data(),
        )
        for i_index, item_data in enumerate(phase_data.items):
            key = item_data.block_key
            block = resolved.get(key)
            if block is None:
                if key in embedded:
                    block = _import_block(session, embedded[key], own)
                elif key in library:
                    block = library[key]
                else:
                    raise UnknownBlock(f"$.plan.phases[{p_index}].items[{i_index}].block", key)
                resolved[key] = block
            phase.items.append(t.PlanItem(
                position=i_index, block=block, patient_note=item_data.patient_note,
                **{name: getattr(item_data.dosage, name) for name in DOSAGE_COLUMNS},
            ))
        plan.phases.append(phase)
    session.flush()
    current = data.current_phase
    if current is not None and 0 <= current < len(plan.phases):
        plan.current_phase_id = plan.phases[current].id
    if data.exposure is not None:
        plan.exposure = replace(data.exposure, since=None).to_json()
    if current is not None or data.exposure is not None:
        session.flush()
    return plan
