"""Handout use cases: describe a plan for the patient (never the private notes) and render it."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from planner.domain.model import ClinicInfo, PlanItemView, PlanView
from planner.handout.document import render
from planner.handout.model import (
    HandoutClinic,
    HandoutItem,
    HandoutOptions,
    HandoutPhase,
    HandoutPlan,
)
from planner.paths import ILLUSTRATIONS_DIR
from planner.services import clinic as clinic_service
from planner.services import library as library_service
from planner.services import plans as plan_service
from planner.store.engine import Database


def _item(item: PlanItemView, lang: str, image: bytes | None) -> HandoutItem:
    block = item.block
    text = block.text(lang)
    level = item.dosage.level
    level_text = block.levels[level].text(lang) if level is not None and 0 <= level < len(block.levels) else ""
    illustration = ILLUSTRATIONS_DIR / block.illustration if block.illustration else None
    if illustration is not None and not illustration.is_file():
        illustration = None
    return HandoutItem(
        kind=block.kind,
        title=text.title,
        purpose=text.purpose,
        steps=text.steps,
        safety=text.safety,
        body=text.body,
        dosage=item.dosage,
        level_text=level_text,
        patient_note=item.patient_note,
        illustration=illustration,
        image=image,
    )


def describe(plan: PlanView, clinic: ClinicInfo, *, lang: str, images: dict[int, bytes] | None = None,
             current_phase: int = 0, today: dt.date | None = None) -> HandoutPlan:
    """The patient's view of a plan: everything the handout shows, and no private note."""
    images = images or {}
    phases = []
    week = 1
    for phase in plan.phases:
        phases.append(
            HandoutPhase(
                name=phase.name,
                weeks=phase.weeks,
                first_week=week,
                focus=phase.focus,
                criteria=phase.criteria,
                items=tuple(_item(item, lang, images.get(item.block.id)) for item in phase.items),
            )
        )
        week += phase.weeks
    return HandoutPlan(
        patient_name=plan.patient_name,
        title=plan.title,
        goal=plan.goal,
        phases=tuple(phases),
        clinic=HandoutClinic(
            name=clinic.name, therapist=clinic.therapist, phone=clinic.phone, email=clinic.email,
            address=clinic.address, logo=clinic.logo,
        ),
        start_date=plan.start_date,
        next_appointment=plan.next_appointment,
        current_phase=min(current_phase, max(len(phases) - 1, 0)),
        issued=today or dt.date.today(),
    )


def handout_input(db: Database, plan_id: int, options: HandoutOptions) -> HandoutPlan:
    """Load everything one handout needs (a few queries, no per-row queries in the renderer)."""
    plan = plan_service.get_plan(db, plan_id)
    clinic = clinic_service.get_clinic(db)
    images: dict[int, bytes] = {}
    for phase in plan.phases:
        for item in phase.items:
            if item.block.has_image and item.block.id not in images:
                found = library_service.block_image(db, item.block.id)
                if found:
                    images[item.block.id] = found[0]
    return describe(plan, clinic, lang=options.lang, images=images)


def render_handout(db: Database, plan_id: int, options: HandoutOptions) -> bytes:
    return render(handout_input(db, plan_id, options), options)


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` via a temporary file in the same folder, so a crash leaves no half file."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_handout(db: Database, plan_id: int, out: Path, options: HandoutOptions) -> Path:
    """Render the plan's handout and write it to `out`."""
    data = render_handout(db, plan_id, options)
    write_atomically(Path(out), data)
    return Path(out)
