"""Domain test helpers: the built-in library read straight from its JSON files (no database)."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache

import pytest

from planner.domain.dosage import Dosage
from planner.domain.kinds import Kind
from planner.domain.model import (
    BlockInfo,
    BlockText,
    CheckInView,
    Level,
    NextMorning,
    PhaseView,
    PlanItemView,
    PlanStatus,
    PlanView,
    ProgressionMode,
)
from planner.domain.priorities import Priorities, parse_priorities
from planner.paths import LIBRARY_DIR


@cache
def library() -> tuple[BlockInfo, ...]:
    """Every built-in block as the services would hand it out (ids in file order)."""
    blocks = []
    for number, path in enumerate(sorted((LIBRARY_DIR / "blocks").glob("*/*.json")), 1):
        data = json.loads(path.read_text(encoding="utf-8"))
        texts = {lang: BlockText(title=t["title"], purpose=t.get("purpose", ""), steps=tuple(t.get("steps", ())),
                                 safety=t.get("safety", ""), body=tuple(t.get("body", ())))
                 for lang, t in data["text"].items()}
        blocks.append(BlockInfo(
            id=number, key=data["key"], kind=Kind(data["kind"]), builtin=True, version=data["version"],
            regions=tuple(data["regions"]), equipment=tuple(data["equipment"]), illustration=None,
            dosage=Dosage.from_dict(data.get("dosage")),
            levels=tuple(Level({"nl": lv["nl"], "en": lv["en"]}) for lv in data.get("levels", ())), texts=texts,
        ))
    return tuple(blocks)


@cache
def priorities() -> Priorities:
    """The library's clinical priorities, read straight from priorities.json."""
    return parse_priorities(json.loads((LIBRARY_DIR / "priorities.json").read_text(encoding="utf-8")))


def block(key: str) -> BlockInfo:
    return next(b for b in library() if b.key == key)


def item(key: str, item_id: int = 0, **dosage: object) -> PlanItemView:
    """A plan item of the built-in block `key`, with its default dosage changed by `dosage`."""
    b = block(key)
    return PlanItemView(id=item_id or b.id, position=0, block=b, dosage=b.dosage.merged(dosage))


def plan(*phases: tuple[str, int, list[PlanItemView]], mode: ProgressionMode = ProgressionMode.PAIN,
         cap: int = 10, start: dt.date | None = None, language: str = "nl") -> PlanView:
    """A plan of (name, weeks, items) phases; phase ids are 101, 102, ..."""
    views = tuple(PhaseView(id=100 + n, position=n - 1, name=name, weeks=weeks, items=tuple(items))
                  for n, (name, weeks, items) in enumerate(phases, 1))
    return PlanView(id=1, title="Test", goal="", language=language, status=PlanStatus.ACTIVE, mode=mode,
                    weekly_cap_pct=cap, version=1, is_template=False, phases=views, start_date=start)


def checkin(day: int, pain: int, morning: str = "same", done: int = 5, planned: int = 5,
            confidence: int | None = None, *, start: dt.date = dt.date(2026, 3, 2)) -> CheckInView:
    """A check-in `day` days after 2 March 2026."""
    return CheckInView(id=day + 1, plan_id=1, date=start + dt.timedelta(days=day), pain_during=pain,
                       next_morning=NextMorning(morning), sessions_done=done, sessions_planned=planned,
                       confidence=confidence)


@pytest.fixture
def blocks() -> tuple[BlockInfo, ...]:
    return library()
