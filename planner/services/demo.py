"""The demo patient and plan: something to look at and export on a fresh install."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from planner.domain.dosage import Dosage
from planner.store import tables as t
from planner.store.engine import LOCK_DEMO, Database, one_at_a_time

DEMO_NAME = "Demo: Jannie de Vries"

# (block key, dosage override) per phase; keys that are not in the library are passed over.
_PHASES: list[dict] = [
    {
        "name": {"nl": "Rust en uitleg", "en": "Calm and understanding"},
        "weeks": 2,
        "focus": {"nl": "Begrijpen wat pijn is, rustig ademen en veilig bewegen.",
                  "en": "Understanding pain, calm breathing and safe movement."},
        "criteria": {"nl": "Twee weken groen op het pijnstoplicht en de oefeningen 5 dagen per week gedaan.",
                     "en": "Two weeks green on the pain traffic light and exercises done 5 days a week."},
        "kinds": ["education", "education", "breathing", "mobility", "mobility", "strength"],
    },
    {
        "name": {"nl": "Opbouw", "en": "Building up"},
        "weeks": 4,
        "focus": {"nl": "Stap voor stap meer kracht en balans.", "en": "Step by step more strength and balance."},
        "criteria": {"nl": "Alle oefeningen gaan met pijn tot 3 en de ochtend erna is rustig.",
                     "en": "All exercises go with pain up to 3 and the next morning is settled."},
        "kinds": ["education", "breathing", "mobility", "balance", "strength", "strength"],
    },
    {
        "name": {"nl": "Terug naar je dagelijkse leven", "en": "Back to daily life"},
        "weeks": 4,
        "focus": {"nl": "Meer belasting en je eigen doel oefenen.", "en": "More load and practising your own goal."},
        "criteria": {"nl": "Je doet je doel-activiteit zonder terugval.", "en": "You do your goal activity without a setback."},
        "kinds": ["mobility", "balance", "strength", "strength", "daily"],
    },
]


def _pick_blocks(session, kinds: list[str], used: set[int]) -> list[t.Block]:  # noqa: ANN001
    chosen: list[t.Block] = []
    for kind in kinds:
        row = session.scalars(
            select(t.Block)
            .where(t.Block.kind == kind, t.Block.builtin.is_(True), t.Block.id.not_in(used or {-1}))
            .order_by(t.Block.key)
        ).first()
        if row is not None:
            used.add(row.id)
            chosen.append(row)
    return chosen


def ensure_demo(db: Database, *, lang: str = "nl") -> int:
    """Create the demo patient with a three-phase plan unless it exists; return the plan's id."""
    with db.transaction() as session:
        one_at_a_time(session, LOCK_DEMO)  # ten desks starting the demo together make one patient
        patient = session.scalars(select(t.Patient).where(t.Patient.name == DEMO_NAME)).first()
        if patient is not None and patient.plans:
            return patient.plans[0].id
        if patient is None:
            patient = t.Patient(
                name=DEMO_NAME, birth_date=dt.date(1954, 3, 12), complaint="Lage rugpijn, al 8 maanden",
                region="lower-back", language=lang, private_notes="Demo: angst voor bukken (privé).",
                search_text="demo jannie de vries lage rugpijn",
            )
            session.add(patient)
        plan = t.Plan(
            patient=patient, title="Rug in beweging" if lang == "nl" else "Back on the move",
            goal="Weer 30 minuten wandelen met mijn kleinzoon" if lang == "nl"
            else "Walk for 30 minutes with my grandson again",
            language=lang, start_date=dt.date.today(), status="active",
        )
        session.add(plan)
        used: set[int] = set()
        for p_index, spec in enumerate(_PHASES):
            phase = t.Phase(position=p_index, name=spec["name"][lang], weeks=spec["weeks"],
                            focus=spec["focus"][lang], criteria=spec["criteria"][lang])
            for i_index, block in enumerate(_pick_blocks(session, spec["kinds"], used)):
                dosage = Dosage.from_dict(block.dosage)
                item = t.PlanItem(position=i_index, block=block, **dosage.to_dict())
                if i_index == 0:
                    item.private_note = "PRIVATE: check fear-avoidance score next visit"
                phase.items.append(item)
            plan.phases.append(phase)
        session.add(plan)
        session.flush()
        return plan.id
