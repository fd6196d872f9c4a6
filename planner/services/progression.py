"""Progression use cases: propose the next phase or a step back, add a reviewed proposal, checks.

Proposals are read-only (no transaction held while the therapist reviews them); adding one is a
single transaction that checks the plan version the therapist saw.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.domain.checks import PlanWarning, check_plan
from planner.domain.dosage import validate
from planner.domain.errors import NotFound, ValidationError
from planner.domain.kinds import Kind
from planner.domain.messages import Msg, msg
from planner.domain.model import BlockInfo, PlanView
from planner.domain.proposals import PhaseProposal, ProposalKind, propose_next
from planner.domain.proposals import propose_step_back as _domain_step_back
from planner.domain.review import Review as Advice
from planner.domain.review import review_plan
from planner.domain.timeline import current_phase_index
from planner.services.changes import PlanChanged
from planner.services.plan_rows import changed, load_plan, renumber, touch
from planner.services.plans import MAX_TITLE, MAX_WEEKS
from planner.store import tables as t
from planner.store.engine import Database
from planner.store.views import block_view, checkin_view, plan_view


def education_pool(session: Session) -> list[BlockInfo]:
    """Every education block in the library (the topics a plan can move on to)."""
    rows = session.scalars(select(t.Block).where(t.Block.kind == Kind.EDUCATION.value, t.Block.archived.is_(False)))
    return [block_view(row) for row in rows]


def _read(db: Database, plan_id: int, today: dt.date | None) -> tuple[PlanView, Advice, list[BlockInfo]]:
    with db.reading() as session:
        plan_row = load_plan(session, plan_id)
        plan = plan_view(plan_row)
        checkins = [checkin_view(c) for c in plan_row.checkins]
        pool = education_pool(session)
    return plan, review_plan(plan, checkins, today=today or dt.date.today()), pool


def default_phase_id(plan: PlanView, today: dt.date | None = None) -> int:
    """The phase a proposal starts from by default: the one the patient is in now."""
    if not plan.phases:
        raise ValidationError({"phase": msg("This plan has no phases yet: add a phase first.")})
    return plan.phases[current_phase_index(plan, today)].id


def propose_next_phase(db: Database, plan_id: int, phase_id: int | None = None, *, force: bool = False,
                       today: dt.date | None = None) -> PhaseProposal:
    """The next phase after `phase_id` (default: the current phase), as the plan's mode calls for.

    Pain-contingent plans get a hold or step-back proposal unless the light is green or `force`.
    Moving on before the phase's planned end measures the cap over the weeks done and shortens
    the phase to them when the proposal is applied (so the new phase is the current one).
    """
    today = today or dt.date.today()
    plan, advice, pool = _read(db, plan_id, today)
    phase_id = phase_id if phase_id is not None else default_phase_id(plan, today)
    return propose_next(plan, phase_id, advice, education_pool=pool, force=force, today=today)


def propose_step_back(db: Database, plan_id: int, phase_id: int | None = None, *,
                      tolerated_phase_id: int | None = None, today: dt.date | None = None) -> PhaseProposal:
    """A flare-up phase after `phase_id`: back to the tolerated phase's level at about 75 %."""
    today = today or dt.date.today()
    plan, _, pool = _read(db, plan_id, today)
    phase_id = phase_id if phase_id is not None else default_phase_id(plan, today)
    return _domain_step_back(plan, phase_id, tolerated_phase_id=tolerated_phase_id, education_pool=pool,
                             today=today)


def current_advice(db: Database, plan_id: int, *, today: dt.date | None = None) -> Advice:
    """The traffic light's advice from the plan's check-ins."""
    return _read(db, plan_id, today)[1]


def _check_proposal(proposal: PhaseProposal, plan_id: int) -> None:
    problems: dict[str, Msg | str] = {}
    if proposal.plan_id != plan_id:
        problems["plan"] = msg("This proposal belongs to another plan.")
    name = proposal.name.strip()
    if not name:
        problems["name"] = msg("The new phase needs a name.")
    elif len(name) > MAX_TITLE:
        problems["name"] = msg("At most {n} characters.", n=MAX_TITLE)
    if not 1 <= proposal.weeks <= MAX_WEEKS:
        problems["weeks"] = msg("Between {low} and {high} weeks.", low=1, high=MAX_WEEKS)
    if not proposal.included():
        problems["items"] = msg("Choose at least one exercise for the new phase.")
    for item in proposal.included():
        for field, message in validate(item.after).items():
            problems[f"{item.block.title('en')} {field}"] = message
    if problems:
        raise ValidationError(problems)


def apply_proposal(db: Database, plan_id: int, proposal: PhaseProposal,
                   expected_version: int | None) -> tuple[PlanChanged, int]:
    """Add the (reviewed, possibly edited) proposal as a new phase right after its source phase.

    Returns the change and the new phase's id. Refuses with ConflictError when the plan changed
    since `expected_version`, and with ValidationError when a dosage is out of range.
    """
    _check_proposal(proposal, plan_id)
    action = {ProposalKind.PROGRESS: "phase.progress", ProposalKind.HOLD: "phase.hold",
              ProposalKind.STEP_BACK: "phase.step-back"}[proposal.kind]
    with db.transaction() as session:
        plan = load_plan(session, plan_id)
        source = next((p for p in plan.phases if p.id == proposal.source_phase_id), None)
        if source is None:
            raise NotFound(msg("The phase this proposal started from no longer exists; make a new proposal."))
        if expected_version is not None and plan.version != expected_version:
            touch(session, plan, expected_version, action, proposal.name)  # refuses with ConflictError
        # The roadmap: a phase inserted after the current one is where the patient goes now.
        goes_there = plan.current_phase_id in (None, source.id) and (
            proposal.source_weeks is not None or current_is_source(plan_view(plan), source.id))
        if proposal.source_weeks is not None:  # moving on early: the new phase starts now
            source.weeks = max(1, min(proposal.source_weeks, source.weeks))
        phase = t.Phase(name=proposal.name.strip(), weeks=proposal.weeks, focus=proposal.focus,
                        criteria=proposal.criteria, made_words=proposal.made.to_data())
        for item in proposal.included():
            if session.get(t.Block, item.block.id) is None:
                raise NotFound(msg("The block “{title}” no longer exists; make a new proposal.",
                                   title=item.block.title(plan.language)))
            phase.items.append(t.PlanItem(block_id=item.block.id, patient_note=item.patient_note,
                                          private_note=item.private_note, **item.after.to_dict()))
        renumber(phase.items)
        phases = list(plan.phases)
        phases.insert(phases.index(source) + 1, phase)
        plan.phases[:] = phases
        renumber(plan.phases)
        phase.plan_id = plan.id
        session.add(phase)
        session.flush()  # the new phase's id, before the plan row is written (once)
        if goes_there:
            plan.current_phase_id = phase.id
        touch(session, plan, expected_version, action, proposal.name)
        return changed(session, plan), phase.id


def plan_warnings(db: Database, plan_id: int) -> list[PlanWarning]:
    """The checks' warnings for a stored plan (the editor can also call check_plan on its PlanView)."""
    with db.reading() as session:
        return check_plan(plan_view(load_plan(session, plan_id)))


def current_is_source(plan: PlanView, source_id: int, today: dt.date | None = None) -> bool:
    """Whether `source_id` is the patient's current phase (stored, or by the plan's dates)."""
    return bool(plan.phases) and plan.phases[current_phase_index(plan, today)].id == source_id
