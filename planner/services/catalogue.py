"""Machine-readable listings of the library and templates (for `library --json`, `templates --json`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from planner.domain.kinds import LANGUAGES
from planner.services.library import list_blocks
from planner.store import tables as t
from planner.store.engine import Database
from planner.store.views import item_dosage


def library_listing(db: Database) -> list[dict[str, Any]]:
    """Every block: key, kind, titles, tags, default dosage, illustration and which texts are filled."""
    out = []
    for block in list_blocks(db, include_archived=True):
        texts = {}
        for lang in LANGUAGES:
            text = block.texts.get(lang)
            texts[lang] = {
                "title": bool(text and text.title),
                "purpose": bool(text and text.purpose),
                "steps": len(text.steps) if text else 0,
                "safety": bool(text and text.safety),
                "body": len(text.body) if text else 0,
            }
        out.append(
            {
                "key": block.key,
                "kind": block.kind.value,
                "builtin": block.builtin,
                "version": block.version,
                "title": {lang: (block.texts[lang].title if lang in block.texts else "") for lang in LANGUAGES},
                "regions": list(block.regions),
                "equipment": list(block.equipment),
                "dosage": block.dosage.to_dict(),
                "levels": len(block.levels),
                "illustration": block.illustration,
                "texts": texts,
            }
        )
    return out


def template_listing(db: Database) -> list[dict[str, Any]]:
    """Every template with its phases; built-in templates grouped by key with both languages."""
    stmt = (
        select(t.Plan)
        .where(t.Plan.is_template.is_(True), t.Plan.archived.is_(False))
        .options(selectinload(t.Plan.phases).selectinload(t.Phase.items))
        .order_by(t.Plan.template_key, t.Plan.id)
    )
    grouped: dict[str, dict[str, Any]] = {}
    with db.reading() as session:
        for plan in session.scalars(stmt):
            key, lang = (plan.template_key.rsplit(":", 1) if plan.template_key else (f"clinic.{plan.id}", plan.language))
            entry = grouped.setdefault(key, {"key": key, "builtin": plan.template_key is not None,
                                             "id": {}, "title": {}, "goal": {}, "phases": []})
            entry["id"][lang] = plan.id
            entry["title"][lang] = plan.title
            entry["goal"][lang] = plan.goal
            for index, phase in enumerate(plan.phases):
                if index >= len(entry["phases"]):
                    entry["phases"].append({"weeks": phase.weeks, "name": {}, "focus": {}, "criteria": {},
                                            "items": [{"block": item.block.key, "dosage": item_dosage(item).to_dict()}
                                                      for item in phase.items]})
                target = entry["phases"][index]
                target["name"][lang] = phase.name
                target["focus"][lang] = phase.focus
                target["criteria"][lang] = phase.criteria
    return list(grouped.values())
