"""The plan as a roadmap: a review becomes a proposal to move on, stay, or step back.

A plan's phases are planned ahead; one is current. A review does one of (CLINICAL.md, "A plan is a
roadmap"): move on to the next planned phase (only on progress with no step back open, after at
least 2 weeks in the phase; each carried-over exercise's first-week dose at most the last tolerated
dose + 10 %, new exercises at their lowest dose), stay (a small step within the phase on progress,
the dose before the flare on a resume, a held week), or step back. A phase is never inserted here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from planner.domain.dosage import Dosage
from planner.domain.messages import Msg, msg, nmsg, worded
from planner.domain.model import BlockInfo, PlanItemView, PlanView, ProgressionMode, ReviewEntry
from planner.domain.quotas import phase_quotas, quota_in_week
from planner.domain.review import FLAGS_SEEN, STEP_BACK_ACTIONS, Outcome, Review, Step
from planner.domain.schedule import current_index, phase_started, schedule_week
from planner.domain.steps import capped_towards, lowest_dose, restart, step_back, step_up
from planner.domain.thresholds import HALF_STEP_SHARE, MIN_PHASE_WEEKS, MOVE_ON_CAP_PCT


class Action(StrEnum):
    MOVE_ON = "move-on"
    STAY = "stay"
    STEP_BACK = "step-back"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class ItemChange:
    item_id: int
    block: BlockInfo
    before: Dosage | None
    after: Dosage | None


@dataclass(frozen=True, slots=True)
class Proposal:
    """What accepting the review does: the action, the item changes, the phase, the log entry."""

    action: Action
    items: tuple[ItemChange, ...] = ()
    to_phase_id: int | None = None  # move-on: the phase that becomes current
    entry: str | None = None  # the review-log action recorded on accepting (None: nothing)
    summary_message: Msg | None = None

    def summary(self, lang: str) -> str:
        """The summary worded in `lang`."""
        return worded(self.summary_message, lang) if self.summary_message is not None else ""


def _weeks_since_change(plan: PlanView, today: dt.date) -> int:
    dates = [e.date for e in plan.review_log if e.action != FLAGS_SEEN]
    started = phase_started(plan, today)
    if started is not None:
        dates.append(started)
    if not dates:
        return 1
    return max(1, min(MIN_PHASE_WEEKS, (today - max(dates)).days // 7))


def step_back_open(plan: PlanView) -> bool:
    backs = [e.date for e in plan.review_log if e.action in STEP_BACK_ACTIONS]
    resumes = [e.date for e in plan.review_log if e.action == "resume"]
    return bool(backs) and (not resumes or max(resumes) < max(backs))


def _changes(pairs: Iterable[tuple[PlanItemView, Dosage | None]]) -> tuple[ItemChange, ...]:
    return tuple(ItemChange(i.id, i.block, i.dosage, after) for i, after in pairs if after != i.dosage)


def propose(plan: PlanView, review: Review, *, today: dt.date, older: bool = False) -> Proposal:
    """The proposal for `review` (see the module docstring)."""
    if not plan.phases:
        return Proposal(Action.NONE, summary_message=msg("The plan has no phases yet."))
    index = current_index(plan, today)
    phase = plan.phases[index]
    outcome = review.outcome
    if outcome in (Outcome.STOP, Outcome.REVIEW):
        return Proposal(Action.NONE, summary_message=msg("No change: the therapist looks first."))
    if outcome is Outcome.STEP_BACK:
        move = restart if review.restart else step_back
        items = _changes((i, move(i.block, i.dosage)) for i in phase.items)
        return Proposal(Action.STEP_BACK, items, entry="restart" if review.restart else "step-back",
                        summary_message=nmsg("Step back within ‘{phase}’ ({n} exercise).",
                                             "Step back within ‘{phase}’ ({n} exercises).", len(items),
                                             phase=phase.name))
    if outcome is Outcome.HOLD:
        repeat = bool(review.facts.get("repeat"))
        return Proposal(Action.STAY, entry="repeat" if repeat else "hold",
                        summary_message=msg("Repeat this week; the schedule moves one week later.") if repeat
                        else msg("This week's quota stays one more week; the schedule moves one week later."))
    if outcome is Outcome.CONTINUE:
        if review.resume:
            back = max((e for e in plan.review_log if e.action in STEP_BACK_ACTIONS), key=lambda e: e.date)
            before = dict(back.before)
            items = _changes((i, before[i.id]) for i in phase.items if i.id in before)
            return Proposal(Action.STAY, items, entry="resume",
                            summary_message=msg("Back to the amount before the flare, for a week."))
        if review.facts.get("stay_phase"):
            return Proposal(Action.STAY, entry="stay",
                            summary_message=msg("Stay in ‘{phase}’ with the same quotas; discuss the pain first.",
                                                phase=phase.name))
        return Proposal(Action.NONE, summary_message=msg("Continue: no change."))
    # progress
    half = review.step is Step.HALF
    started = phase_started(plan, today)
    weeks_in = (today - started).days // 7 if started is not None else 0
    has_next = index + 1 < len(plan.phases)
    if has_next and not step_back_open(plan) and weeks_in >= MIN_PHASE_WEEKS:
        nxt = plan.phases[index + 1]
        if plan.mode is ProgressionMode.TIME:
            quotas = phase_quotas(plan, phase, older_adult=older)
            week = schedule_week(plan, today) - 1
            last = {i.block.id: quota_in_week(quotas[i.id], week) if i.id in quotas else i.dosage for i in phase.items}
        else:
            last = {i.block.id: i.dosage for i in phase.items}
        cap = MOVE_ON_CAP_PCT * (HALF_STEP_SHARE if half else 1)
        pairs: list[tuple[PlanItemView, Dosage | None]] = []
        for item in nxt.items:
            if item.block.id in last:
                pairs.append((item, capped_towards(item.block, last[item.block.id], item.dosage, cap,
                                                   plan.practice_ticks)))
            else:
                pairs.append((item, lowest_dose(item.block, item.dosage)))
        return Proposal(Action.MOVE_ON, _changes(pairs), to_phase_id=nxt.id, entry="move-on",
                        summary_message=msg("Move on to phase {number}, ‘{phase}’; first week at most {pct} % more "
                                            "than the last amount.", number=index + 2, phase=nxt.name, pct=cap))
    if plan.mode is ProgressionMode.TIME:
        return Proposal(Action.NONE, summary_message=msg("Last phase done: talk about the goal and what comes next."))
    weeks = _weeks_since_change(plan, today)
    items = _changes((i, step_up(i.block, i.dosage, cap_pct=plan.weekly_cap_pct, weeks=weeks, half=half,
                                 ticked=plan.practice_ticks)) for i in phase.items)
    if not items:  # a half step that waits a week: nothing changes, and nothing is logged
        return Proposal(Action.STAY, summary_message=msg("Stay in ‘{phase}’; the half step comes next week.",
                                                         phase=phase.name))
    return Proposal(Action.STAY, items, entry="stay",
                    summary_message=msg("Stay in ‘{phase}’ with a half step.", phase=phase.name) if half
                    else msg("Stay in ‘{phase}’ with a small step.", phase=phase.name))


def accepted_entry(proposal: Proposal, plan: PlanView, today: dt.date) -> ReviewEntry | None:  # noqa: ARG001 - TODO(engine2): `plan` is unused
    """The review-log entry for accepting `proposal` (step backs keep the dosages before)."""
    if proposal.entry is None:
        return None
    before = tuple((c.item_id, c.before) for c in proposal.items if c.before is not None) \
        if proposal.entry in STEP_BACK_ACTIONS else ()
    return ReviewEntry(today, proposal.entry, before)
