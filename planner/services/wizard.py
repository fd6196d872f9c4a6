"""The plan wizard as use cases: preview a generated plan (with its checks) and create it."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from planner.domain.checks import PlanWarning, check_plan
from planner.domain.errors import NotFound, ValidationError
from planner.domain.made_words import stored_data
from planner.domain.messages import msg
from planner.domain.model import PlanView
from planner.domain.schedule import is_older_adult
from planner.domain.wizard import WizardRequest, generate_plan, validate_request
from planner.services import library
from planner.services.plan_rows import load_plan
from planner.store import audit
from planner.store import tables as t
from planner.store.engine import Database
from planner.store.views import plan_view


def _template(db: Database, template_id: int | None) -> PlanView | None:
    if template_id is None:
        return None
    with db.reading() as session:
        template = plan_view(load_plan(session, template_id))
    if not template.is_template:
        raise ValidationError({"template": msg("That plan is not a template.")})
    return template


def preview_plan(db: Database, request: WizardRequest, *, template_id: int | None = None) -> tuple[PlanView, list[PlanWarning]]:
    """The plan the wizard would create (not saved) and the checks' warnings for it."""
    problems = validate_request(request)
    if problems:
        raise ValidationError(problems)
    draft = generate_plan(request, library.list_blocks(db), priorities=library.clinical_priorities(),
                          template=_template(db, template_id))
    return draft, check_plan(draft)


def create_plan_with_wizard(db: Database, patient_id: int, request: WizardRequest, *,
                            template_id: int | None = None, start_date: dt.date | None = None) -> PlanView:
    """Generate the plan and save it as a draft for the patient, in one transaction.

    An older patient (65 or over at the start) gets half steps, whatever the request says.
    """
    start_date = start_date or dt.date.today()
    with db.reading() as session:
        row = session.get(t.Patient, patient_id)
        if row is None:
            raise NotFound(msg("Patient {patient_id} does not exist.", patient_id=str(patient_id)))
        if is_older_adult(row.birth_date, start_date):
            request = replace(request, older_adult=True)
    draft, _ = preview_plan(db, request, template_id=template_id)
    with db.transaction() as session:
        patient = session.get(t.Patient, patient_id)
        if patient is None:
            raise NotFound(msg("Patient {patient_id} does not exist.", patient_id=str(patient_id)))
        plan = t.Plan(
            patient=patient, is_template=False, title=draft.title, goal=draft.goal, language=draft.language,
            start_date=start_date, status="draft", mode=draft.mode.value,
            weekly_cap_pct=draft.weekly_cap_pct, made_title=stored_data(draft.made_title),
        )
        for phase in draft.phases:
            phase_row = t.Phase(position=phase.position, name=phase.name, weeks=phase.weeks, focus=phase.focus,
                                criteria=phase.criteria, made_words=phase.made.to_data())
            for item in phase.items:
                phase_row.items.append(t.PlanItem(position=item.position, block_id=item.block.id,
                                            **item.dosage.to_dict()))
            plan.phases.append(phase_row)
        session.add(plan)
        if request.activity and request.feared_rating is not None:  # a ladder for the feared activity
            from planner.domain.exposure import ladder_for
            from planner.store.library import read_exposure

            ladder = ladder_for(read_exposure(), request.activity, request.feared_rating, draft.language)
            plan.exposure = ladder.to_json() if ladder is not None else None
        session.flush()
        patient.updated_at = t.utcnow()
        audit.record(session, "plan.wizard", patient_id=patient_id, plan_id=plan.id,
                     detail=f"{request.region}, {request.weeks} wk, {request.phases} phases, {request.mode.value}")
        session.flush()
        return plan_view(load_plan(session, plan.id))
