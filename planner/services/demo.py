"""The demo patient and plan: something to look at and export on a fresh install.

Jannie de Vries, 72, has had low back pain for 8 months and is afraid to bend. Her plan is the one
a physiotherapist would give her, made by the same wizard the therapist uses: time-contingent
(graded activity, the default for persistent pain) from a walking baseline of 10 minutes, with
bending as the feared activity, so the exercises by clinical priority are bending practice
(reaching forward, the hip-hinge block when the library has one), sit-to-stand, the bridge and
gentle back mobility, breathing in every phase and a walking quota; half steps, as she is over
65. The exposure ladder for bending is added by `add_demo_exposure` (see there).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from planner.domain.errors import HerstelplanError
from planner.domain.messages import msg
from planner.domain.model import ExposureLadder, PlanStatus, ProgressionMode
from planner.domain.wizard import Baseline, WizardRequest
from planner.languages import DEFAULT_LANGUAGE, SOURCE_LANGUAGE
from planner.services import wizard
from planner.services.patients import search_text as patient_search_text
from planner.store import tables as t
from planner.store.engine import LOCK_DEMO, Database, one_at_a_time
from planner.store.library import read_demo

DEMO_NAME = "Demo: Jannie de Vries"
DEMO_BIRTH_DATE = dt.date(1954, 3, 12)
DEMO_FEARED = ("bending", 60)  # the activity she fears and the harm she expects from it (0-100)
DEMO_BASELINE_WALK = 10  # minutes she walks on an average day
DEMO_PRIVATE_NOTE = "PRIVATE: check fear-avoidance score next visit"


def demo_texts(lang: str) -> dict[str, str]:
    """The demo patient's words in `lang` (`resources/library/demo.json`; English for a language
    without an entry): the plan's title, her goal, her complaint and the private note."""
    languages = read_demo().get("languages", {})
    found = languages.get(lang) or languages.get(SOURCE_LANGUAGE) or {}
    return {key: str(found.get(key, "")) for key in ("title", "goal", "complaint", "private_notes")}


def demo_request(lang: str = DEFAULT_LANGUAGE) -> WizardRequest:
    """The wizard's answers for the demo plan."""
    texts = demo_texts(lang)
    activity, rating = DEMO_FEARED
    return WizardRequest(
        title=texts["title"], goal=texts["goal"], region="lower-back", weeks=8, phases=3,
        mode=ProgressionMode.TIME, language=lang, baseline=Baseline(walk_minutes=DEMO_BASELINE_WALK),
        activity=activity, feared_rating=rating,
    )


def add_demo_exposure(db: Database, plan_id: int) -> None:
    """The demo's graded-exposure ladder for bending (issue 11, item 4): rungs rated 0-100,
    starting at the rung rated about 30."""
    attach_bending_ladder(db, plan_id)


def ensure_demo(db: Database, *, lang: str = DEFAULT_LANGUAGE) -> int:
    """Create the demo patient with her plan unless it exists; return the plan's id."""
    with db.transaction() as session:
        one_at_a_time(session, LOCK_DEMO)  # ten desks starting the demo together make one patient
        patient = session.scalars(select(t.Patient).where(t.Patient.name == DEMO_NAME)).first()
        if patient is not None and patient.plans:
            return patient.plans[0].id
        if patient is None:
            texts = demo_texts(lang)
            patient = t.Patient(
                name=DEMO_NAME, birth_date=DEMO_BIRTH_DATE, complaint=texts["complaint"],
                region="lower-back", language=lang, private_notes=texts["private_notes"],
            )
            patient.search_text = patient_search_text(patient)
            session.add(patient)
            session.flush()
        patient_id = patient.id
    plan = wizard.create_plan_with_wizard(db, patient_id, demo_request(lang), start_date=dt.date.today())
    with db.transaction() as session:
        row = session.get(t.Plan, plan.id)
        assert row is not None  # created just above
        row.status = PlanStatus.ACTIVE.value
        first = min(row.phases, key=lambda p: p.position)
        next(i for i in sorted(first.items, key=lambda i: i.position) if i.block.kind != "education").private_note = \
            DEMO_PRIVATE_NOTE
    add_demo_exposure(db, plan.id)
    return plan.id


# ---- graded exposure for the demo patient (issue 11; the planbuilder's demo calls this) ---------

def bending_ladder(lang: str, since: dt.date | None = None) -> ExposureLadder:
    """The demo patient's exposure ladder for bending (the library's table, `exposure.json`), her
    rating of bending (`DEMO_FEARED`) as the activity's: starting at the rung rated about 30."""
    from planner.domain.exposure import ladder_for
    from planner.store.library import read_exposure

    activity, rating = DEMO_FEARED
    ladder = ladder_for(read_exposure(), activity, rating, lang, since=since)
    if ladder is None:
        raise HerstelplanError(msg("The library's exposure table has no ladder for “{activity}”.",
                                   activity=activity))
    return ladder


def attach_bending_ladder(db: Database, plan_id: int) -> None:
    """Give a plan the demo's bending ladder (from the plan's start date), unless it has one."""
    with db.transaction() as session:
        plan = session.get(t.Plan, plan_id)
        if plan is None or plan.exposure:
            return
        ladder = bending_ladder(plan.language)  # every rating counts until the first move-on
        plan.exposure = ladder.to_json() if ladder is not None else None
