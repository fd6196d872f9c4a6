"""Handout use cases: describe a plan for the patient (never the private notes) and render it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from planner.domain.block_text import shown_for
from planner.domain.dosage import Dosage
from planner.domain.made_words import made_languages, made_text
from planner.domain.measures import Better
from planner.domain.model import ClinicInfo, PhaseView, PlanItemView, PlanView, ProgressionMode
from planner.domain.quotas import phase_quotas
from planner.domain.schedule import current_index, older_adult
from planner.domain.thresholds import PAIN_LIMIT_DEFAULT
from planner.handout.document import render
from planner.handout.model import (
    HandoutGain,
    HandoutItem,
    HandoutOptions,
    HandoutPhase,
    HandoutPlan,
)
from planner.handout.texts import Words
from planner.languages import codes
from planner.paths import ILLUSTRATIONS_DIR
from planner.services import clinic as clinic_service
from planner.services import library as library_service
from planner.services import plans as plan_service
from planner.services import revisions
from planner.services.files import write_atomically
from planner.services.measure_report import goals_and_gains
from planner.services.pictures import usable as usable_picture
from planner.store.engine import Database


def _item(item: PlanItemView, lang: str, image: bytes | None,
          week_amounts: Sequence[Dosage] = ()) -> HandoutItem:
    block = item.block
    text = shown_for(block, item.dosage, lang)  # the level in use, its numbers from the dosage
    illustration = None
    # only a file name: a stored value can never point outside the illustrations folder
    for name in (text.illustration, block.illustration):
        path = ILLUSTRATIONS_DIR / Path(name).name if name else None
        if path is not None and path.is_file():
            illustration = path
            break
    return HandoutItem(
        kind=block.kind,
        title=text.title,
        purpose=text.purpose,
        steps=text.steps,
        safety=text.safety,
        body=text.body,
        dosage=item.dosage,
        level_text=text.level_label,
        patient_note=item.patient_note,
        illustration=illustration,
        image=image,
        week_amounts=tuple(week_amounts),
    )


@cache
def _program_phase_name() -> re.Pattern[str]:
    """"Phase 2", "Fase 2": the phase names the program makes, in every shipped language."""
    words = {Words(code)["phase_n"] for code in codes()}
    return re.compile("|".join(r"\s*".join(re.escape(part) for part in template.split()).replace(
        re.escape("{n}"), r"(\d{1,2})") for template in sorted(words)), re.IGNORECASE)


def phase_name(name: str, lang: str) -> str:
    """A phase's name for the handout: a name the program made ("Phase 2", "Fase 2") worded in the
    handout's language; a name the therapist typed as typed."""
    made = _program_phase_name().fullmatch(name.strip())
    return Words(lang)("phase_n", n=int(next(g for g in made.groups() if g))) if made else name


def plan_title(plan: PlanView, lang: str) -> str:
    """The plan's title for a handout (and its file name) in `lang`: worded anew when the program
    made it and it was left as made; a title the therapist typed as typed."""
    return made_text(plan.made_title, plan.title, lang, made_in=made_languages(plan.language))


def phase_words(plan: PlanView, phase: PhaseView, lang: str) -> tuple[str, str, str]:
    """A phase's name, focus and criteria for a handout in `lang`: what the program made worded in
    `lang` (while the text is still what it made), what the therapist typed as typed."""
    made, where = phase.made, made_languages(plan.language)
    name = phase_name(made_text(made.name, phase.name, lang, made_in=where), lang)  # typed "Phase 2" too
    return (name, made_text(made.focus, phase.focus, lang, made_in=where),
            made_text(made.criteria, phase.criteria, lang, made_in=where))


def describe(plan: PlanView, clinic: ClinicInfo, *, lang: str, images: dict[int, bytes] | None = None,
             current_phase: int = 0, today: dt.date | None = None,
             changes: Sequence[str] = (), goals: Sequence[str] = (),
             gains: Sequence[HandoutGain] = ()) -> HandoutPlan:
    """The patient's view of a plan: everything the handout shows, and no private note.

    `images` maps block ids to the therapist's own pictures; `changes` are the lines of "what
    changed since your last visit", already in the patient's language.
    """
    images = images or {}
    phases = []
    week = 1
    today = today or dt.date.today()
    older = older_adult(plan, today)
    for phase in plan.phases:
        # graded activity: each week's agreed amount, the very quotas the review works from
        quotas = phase_quotas(plan, phase, older_adult=older) if plan.mode is ProgressionMode.TIME else {}
        name, focus, criteria = phase_words(plan, phase, lang)
        phases.append(
            HandoutPhase(
                name=name,
                weeks=phase.weeks,
                first_week=week,
                focus=focus,
                criteria=criteria,
                items=tuple(_item(item, lang, images.get(item.block.id), quotas.get(item.id, ()))
                            for item in phase.items),
            )
        )
        week += phase.weeks
    return HandoutPlan(
        patient_name=plan.patient_name,
        title=plan_title(plan, lang),
        goal=plan.goal,
        phases=tuple(phases),
        clinic=clinic,
        start_date=plan.start_date,
        next_appointment=plan.next_appointment,
        current_phase=min(max(current_phase, 0), max(len(phases) - 1, 0)),
        issued=today,
        changes=tuple(line for line in changes if line.strip()),
        mode=str(plan.mode),
        # a plan-wide pain limit, once the plan stores one; the table's default until then
        pain_limit=getattr(plan, "pain_limit", None) or PAIN_LIMIT_DEFAULT,
        has_ladder=plan.exposure is not None,
        goals=tuple(goals),
        gains=tuple(gains),
    )


def current_phase(plan: PlanView, today: dt.date) -> int:
    """The phase the handout treats as current ("you are here", the diary, the desk handout's phase).

    The roadmap's current phase (stored by the review), the same one the review and the editor show.
    """
    return current_index(plan, today)


def handout_input(db: Database, plan_id: int, options: HandoutOptions, *, today: dt.date | None = None,
                  changes: Sequence[str] | None = None) -> HandoutPlan:
    """Load everything one handout needs (a few queries, no per-row queries in the renderer).

    The current phase (the diary's weeks, "you are here") follows from the plan's dates on `today`.
    `changes` defaults to what changed since the handout the patient was last given.
    """
    today = today or dt.date.today()
    plan = plan_service.get_plan(db, plan_id)
    clinic = clinic_service.get_clinic(db)
    images: dict[int, bytes] = {}
    for phase in plan.phases:
        for item in phase.items:
            if item.block.has_image and item.block.id not in images:
                found = library_service.block_image(db, item.block.id)
                if found and usable_picture(found[0]):  # a damaged or huge picture never breaks a handout
                    images[item.block.id] = found[0]
    current = current_phase(plan, today)
    if changes is None:
        changes = revisions.changes_since_last_revision(db, plan_id, options.lang, current_phase=current,
                                                        today=today)
    goals: tuple[str, ...] = ()
    gains: tuple[HandoutGain, ...] = ()
    if plan.patient_id is not None:  # the patient's own activities (PSK/PSFS): goals and what they gained
        goals, scored = goals_and_gains(db, plan.patient_id)
        gains = tuple(HandoutGain(g.activity, g.first, g.last, g.better is Better.HIGHER) for g in scored)
    return describe(plan, clinic, lang=options.lang, images=images, today=today, changes=changes,
                    current_phase=current, goals=goals, gains=gains)


def render_handout(db: Database, plan_id: int, options: HandoutOptions) -> bytes:
    """The plan's handout as PDF bytes."""
    return render(handout_input(db, plan_id, options), options)


def export_handout(db: Database, plan_id: int, out: Path, options: HandoutOptions) -> Path:
    """Render the plan's handout, write it to `out`, and remember the plan as given to the patient
    (the next handout's "what changed since your last visit" starts from here)."""
    data = render_handout(db, plan_id, options)
    write_atomically(Path(out), data)
    handout_given(db, plan_id, reason="export")
    return Path(out)


def handout_given(db: Database, plan_id: int, *, reason: str) -> None:
    """Snapshot the plan as the patient now has it (after an export or a print)."""
    revisions.snapshot_plan(db, plan_id, reason=reason)
