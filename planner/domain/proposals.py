"""Proposals for the next phase: progress, hold or step back, per item before -> after with reasons.

A proposal is frozen; the therapist reviews and edits it (`with_item`) before a service adds it
to the plan as a new phase right after the phase it came from.
A phase is inserted only when the therapist asks; it follows the review's outcome in either mode
(see `propose_next`). Moving on along the planned phases is `planner.domain.roadmap`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from planner.domain.change_words import describe_change, growth_words
from planner.domain.dosage import Dosage
from planner.domain.errors import NotFound
from planner.domain.kinds import Kind
from planner.domain.made_words import MadeWords
from planner.domain.messages import ByLanguage, Msg, msg, nmsg, percent, worded
from planner.domain.model import BlockInfo, PhaseView, PlanItemView, PlanView, ProgressionMode
from planner.domain.plan_words import phase_criteria, phase_criteria_message
from planner.domain.progression import StepStatus, progress_dosage, step_back_dosage
from planner.domain.review import Outcome, Review
from planner.domain.steps import block_progression, needs_practice
from planner.domain.thresholds import (
    MIN_PHASE_WEEKS,
    STEP_BACK_SHARE,
    Progression,
)
from planner.domain.timeline import weeks_done
from planner.domain.volume import cap_factor, volume_ratio

EDUCATION_ORDER = (
    "education.what-is-pain",
    "education.pain-traffic-light",
    "education.movement-is-safe",
    "education.what-to-expect",
    "education.strength-is-safe",
    "education.flare-ups",
    "education.pacing",
    "education.breathing-and-nerves",
    "education.pain-alarm",
    "education.neuroplasticity",
    "education.own-goals",
    "education.stress-and-tension",
    "education.sleep",
    "education.new-movement-habits",
)
FLARE_UP_TOPIC = "education.flare-ups"
STEP_BACK_WEEKS = MIN_PHASE_WEEKS
STEP_PCT = round(STEP_BACK_SHARE * 100)


class ProposalKind(StrEnum):
    PROGRESS = "progress"
    HOLD = "hold"
    STEP_BACK = "step-back"


@dataclass(frozen=True, slots=True)
class ItemProposal:
    """One block in the proposed phase: its dosage now (None when new) and proposed, and why."""

    block: BlockInfo
    before: Dosage | None
    after: Dosage
    reason_message: Msg | str = ""
    source_item_id: int | None = None
    replaces: BlockInfo | None = None
    patient_note: str = ""
    private_note: str = ""
    include: bool = True

    def reason(self, lang: str) -> str:
        """Why, worded in `lang`."""
        return worded(self.reason_message, lang)

    @property
    def ratio(self) -> float | None:
        """Growth of the weekly volume (after / before), None when not comparable."""
        if self.before is None or self.replaces is not None:
            return None
        return volume_ratio(self.block.kind, self.before, self.after)


@dataclass(frozen=True, slots=True)
class PhaseProposal:
    """A whole proposed phase, ready for review."""

    kind: ProposalKind
    plan_id: int
    source_phase_id: int
    name: str
    weeks: int
    focus: str
    criteria: str
    items: tuple[ItemProposal, ...]
    cap_pct: int
    factor: float
    summary_messages: tuple[Msg, ...] = ()  # sentences
    tolerated_phase_id: int | None = None
    source_weeks: int | None = None  # the source phase is shortened to this (moving on early)
    made: MadeWords = MadeWords()  # the messages of name, focus and criteria (worded anew on a handout)

    def summary(self, lang: str) -> str:
        """The summary worded in `lang`, its sentences one after the other."""
        return " ".join(worded(m, lang) for m in self.summary_messages)

    def with_item(self, index: int, **changes: Any) -> PhaseProposal:
        """A copy with item `index` changed (e.g. after=..., include=False)."""
        items = list(self.items)
        items[index] = replace(items[index], **changes)
        return replace(self, items=tuple(items))

    def included(self) -> tuple[ItemProposal, ...]:
        return tuple(item for item in self.items if item.include)


def education_sequence(pool: Iterable[BlockInfo]) -> list[BlockInfo]:
    """Education blocks in teaching order: the built-in order first, then the rest by key."""
    rank = {key: i for i, key in enumerate(EDUCATION_ORDER)}
    blocks = [b for b in pool if b.kind is Kind.EDUCATION and not b.archived]
    return sorted(blocks, key=lambda b: (rank.get(b.key, len(rank)), b.key))


def progress_items(
    items: Sequence[PlanItemView], *, weeks: int, cap_pct: int, used_keys: set[str],
    education_pool: Sequence[BlockInfo] = (), ticked: frozenset[tuple[str, int]] = frozenset(),
) -> tuple[ItemProposal, ...]:
    """Every load item one step further (within the cap over `weeks`); education moves to a new topic.

    `used_keys` are the block keys already in the plan; topics chosen here are added to it. What is not
    load (breathing, sleep, relaxation) stays as it is, and a balance rung that needs the practice
    first is not climbed before the therapist ticked it (`ticked`), as in the roadmap's steps.
    """
    factor = cap_factor(cap_pct, weeks)
    topics = education_sequence(education_pool)
    out: list[ItemProposal] = []
    for item in items:
        block, before = item.block, item.dosage
        common: dict[str, Any] = {"source_item_id": item.id, "patient_note": item.patient_note, "private_note": item.private_note}
        if block.kind is Kind.EDUCATION:
            nxt = next((t for t in topics if t.key not in used_keys), None)
            if nxt is None:
                out.append(ItemProposal(block, before, before, msg("No new topic left: repeat this topic."), **common))
                continue
            used_keys.add(nxt.key)
            out.append(ItemProposal(nxt, before, nxt.dosage, msg("Next topic, after ‘{title}’.",
                                                                 title=ByLanguage(block.title)),
                                    replaces=block, source_item_id=item.id))
            continue
        if block_progression(block) in (Progression.NONE, Progression.RUNG):
            out.append(ItemProposal(block, before, before,
                                    msg("Stays the same: repeat, lengthen or replace it by your choice; it does not "
                                        "grow by itself."), **common))
            continue
        result = progress_dosage(block.kind, before, levels=len(block.levels), factor=factor)
        climbed = (result.after.level or 0) > (before.level or 0)
        if climbed and needs_practice(block, result.after.level or 0) and (block.key, result.after.level) not in ticked:
            result = progress_dosage(block.kind, before, levels=(before.level or 0) + 1, factor=factor)
        after = result.after
        ratio = volume_ratio(block.kind, before, after)

        out.append(ItemProposal(block, before, after, _progress_reason(block, before, after, ratio, result.status,
                                                                       factor=factor, weeks=weeks, cap_pct=cap_pct),
                                **common))
    return tuple(out)


def _progress_reason(block: BlockInfo, before: Dosage, after: Dosage, ratio: float | None, status: StepStatus, *,
                     factor: float, weeks: int, cap_pct: int) -> Msg | str:
    if status is StepStatus.AT_TOP:
        return msg("Top of this exercise's steps: choose a harder exercise or add weight.")
    if status is StepStatus.CAPPED:
        return msg("Stays the same: the smallest step grows faster than {pct} % a week.", pct=cap_pct)
    change = describe_change(block, before, after)
    if ratio is None or abs(ratio - 1) < 0.005:  # a longer exhale or a new rung at the same volume
        return change
    return msg("{change}, {growth}", change=change,
               growth=growth_words(ratio, factor=factor, weeks=weeks, cap_pct=cap_pct))


def _phase(plan: PlanView, phase_id: int) -> tuple[int, PhaseView]:
    for index, phase in enumerate(plan.phases):
        if phase.id == phase_id:
            return index, phase
    raise NotFound(msg("Phase {phase} is not part of plan {plan}.", phase=str(phase_id), plan=str(plan.id)))


def _made(name: Msg, focus: Msg, mode: ProgressionMode, weeks: int, lang: str) -> dict[str, Any]:
    """A proposed phase's name, focus and criteria in the plan's language, and the messages they came from."""
    criteria = phase_criteria_message(mode, weeks)
    return {"name": worded(name, lang), "focus": worded(focus, lang), "criteria": worded(criteria, lang),
            "made": MadeWords(name=name, focus=focus, criteria=criteria)}


def criteria_text(mode: ProgressionMode, weeks: int, lang: str) -> str:
    """When to move on from a phase, in the plan's language and mode: the plan's own words
    (`plan_words.phase_criteria`), so the proposal, the editor and the handout say the same."""
    return phase_criteria(mode, weeks, lang)


def _early(phase: PhaseView, done: int | None) -> tuple[Msg, ...]:
    if done is None:
        return ()
    return (nmsg("‘{phase}’ is shortened to {n} week (as long as it has been done): the new phase starts now.",
                 "‘{phase}’ is shortened to {n} weeks (as long as it has been done): the new phase starts now.", done,
                 phase=phase.name),)


def propose_progress(plan: PlanView, phase_id: int, *, education_pool: Sequence[BlockInfo] = (),
                     note: Msg | None = None, today: dt.date | None = None) -> PhaseProposal:
    """The next phase: every block one step up within the weekly cap over the weeks done.

    Moving on before the phase's planned end (`today` inside it) measures the cap over the whole
    weeks actually done, and the proposal shortens the phase to them so the new phase starts now.
    """
    _, phase = _phase(plan, phase_id)
    done = weeks_done(plan, phase_id, today)
    weeks = done or phase.weeks
    used = {item.block.key for p in plan.phases for item in p.items}
    items = progress_items(phase.items, weeks=weeks, cap_pct=plan.weekly_cap_pct, used_keys=used,
                           education_pool=education_pool, ticked=plan.practice_ticks)
    factor = cap_factor(plan.weekly_cap_pct, weeks)
    changed = sum(1 for i in items if i.after != i.before or i.replaces is not None)
    allowed = round((factor - 1) * 100)
    summary = nmsg("{changed} of {parts} parts one step further; no exercise grows by more than {cap} % a week "
                   "(after {n} week at most +{allowed} %).",
                   "{changed} of {parts} parts one step further; no exercise grows by more than {cap} % a week "
                   "(after {n} weeks at most +{allowed} %).", weeks,
                   changed=changed, parts=len(items), cap=plan.weekly_cap_pct, allowed=allowed)
    lang = plan.language
    return PhaseProposal(
        kind=ProposalKind.PROGRESS, plan_id=plan.id, source_phase_id=phase.id,
        **_made(msg("Next step"), msg("A little more load, step by step."), plan.mode, phase.weeks, lang),
        weeks=phase.weeks, items=items, cap_pct=plan.weekly_cap_pct,
        factor=factor, summary_messages=(*((note,) if note else ()), summary, *_early(phase, done)),
        source_weeks=done,
    )


def propose_hold(plan: PlanView, phase_id: int, advice: Review | None = None, *,
                 today: dt.date | None = None) -> PhaseProposal:
    """A phase with the same dosages: keep the load the same until the light is green."""
    _, phase = _phase(plan, phase_id)
    done = weeks_done(plan, phase_id, today)
    items = tuple(
        ItemProposal(i.block, i.dosage, i.dosage, msg("Stays the same."), source_item_id=i.id,
                     patient_note=i.patient_note, private_note=i.private_note)
        for i in phase.items
    )
    if plan.mode is ProgressionMode.TIME:
        summary = msg("Hold: the same exercises and amounts for one more week; then the schedule goes on.")
    else:
        summary = msg("Hold: the same exercises and amounts until the traffic light has been green for a week.")
    headline = (msg("{headline}.", headline=advice.headline_message),) if advice is not None else ()
    lang, weeks = plan.language, min(phase.weeks, 2)
    return PhaseProposal(
        kind=ProposalKind.HOLD, plan_id=plan.id, source_phase_id=phase.id,
        **_made(msg("Keep it steady"), msg("Keep doing the same, calmly and regularly."), plan.mode, weeks, lang),
        weeks=weeks, items=items, cap_pct=plan.weekly_cap_pct,
        factor=cap_factor(plan.weekly_cap_pct, done or phase.weeks),
        summary_messages=(*headline, summary, *_early(phase, done)), source_weeks=done,
    )


def _pair_by_block(items: Sequence[PlanItemView], earlier: Sequence[PlanItemView]) -> list[PlanItemView | None]:
    pool: dict[int, list[PlanItemView]] = {}
    for item in earlier:
        pool.setdefault(item.block.id, []).append(item)
    return [pool[item.block.id].pop(0) if pool.get(item.block.id) else None for item in items]


def _step_back_reason(item: PlanItemView, after: Dosage, earlier: PlanItemView | None) -> Msg | str:
    if after == item.dosage:
        return msg("Stays the same: this helps during a flare-up.")
    change = describe_change(item.block, item.dosage, after)
    if earlier is None:
        return msg("{change} (about {share} of now)", change=change, share=percent(STEP_PCT))
    ratio = volume_ratio(item.block.kind, earlier.dosage, after)
    pct = round(100 * ratio) if ratio else STEP_PCT
    return msg("{change} (level that went well, {share} of it)", change=change, share=percent(pct))


def propose_step_back(plan: PlanView, phase_id: int, *, tolerated_phase_id: int | None = None,
                      education_pool: Sequence[BlockInfo] = (), today: dt.date | None = None) -> PhaseProposal:
    """After a flare-up: the last tolerated level at about 75 % of its volume, and keep moving.

    `tolerated_phase_id` defaults to the phase before `phase_id` (none for the first phase: then
    the current levels are kept at about 75 %). The flare-up topic is added when not yet taught.
    """
    index, phase = _phase(plan, phase_id)
    tolerated: PhaseView | None = None
    if tolerated_phase_id is not None:
        tolerated = _phase(plan, tolerated_phase_id)[1]
    elif index > 0:
        tolerated = plan.phases[index - 1]
    pairs = _pair_by_block(phase.items, tolerated.items if tolerated else ())
    items: list[ItemProposal] = []
    for item, earlier in zip(phase.items, pairs, strict=True):
        after = step_back_dosage(item.block.kind, item.dosage, earlier.dosage if earlier else None)

        items.append(ItemProposal(item.block, item.dosage, after, _step_back_reason(item, after, earlier),
                                  source_item_id=item.id, patient_note=item.patient_note,
                                  private_note=item.private_note))
    taught = {i.block.key for p in plan.phases for i in p.items}
    flare = next((b for b in education_pool if b.key == FLARE_UP_TOPIC), None)
    if flare is not None and FLARE_UP_TOPIC not in taught:
        items.append(ItemProposal(flare, None, flare.dosage, msg("New: an explanation of flare-ups.")))
    summary = msg("Back to the level of ‘{phase}’ at about {share} of the amount. Breathing and education stay; "
                  "moving on helps recovery.", phase=tolerated.name if tolerated else phase.name,
                  share=percent(STEP_PCT))
    done = weeks_done(plan, phase_id, today)
    lang, weeks = plan.language, min(max(phase.weeks, 1), STEP_BACK_WEEKS)
    return PhaseProposal(
        kind=ProposalKind.STEP_BACK, plan_id=plan.id, source_phase_id=phase.id,
        **_made(msg("Easing off"), msg("After a flare-up: back to what went well, a little less, and keep moving."),
                plan.mode, weeks, lang),
        weeks=weeks, items=tuple(items), cap_pct=plan.weekly_cap_pct,
        factor=cap_factor(plan.weekly_cap_pct, phase.weeks), summary_messages=(summary, *_early(phase, done)),
        tolerated_phase_id=tolerated.id if tolerated else None, source_weeks=done,
    )


def propose_next(plan: PlanView, phase_id: int, advice: Review, *, education_pool: Sequence[BlockInfo] = (),
                 force: bool = False, today: dt.date | None = None) -> PhaseProposal:
    """A phase to insert after `phase_id` when the therapist asks for one, true to the review.

    Both modes: a step only when the review's outcome is progress (or `force`, the therapist's
    decision); a step back when it is step back; otherwise a hold (the same dosages). The roadmap
    (moving on to the planned next phase) is `planner.domain.roadmap`; this only inserts.
    """
    if force or advice.outcome is Outcome.PROGRESS:
        note = msg("{headline}.", headline=advice.headline_message)
        if advice.outcome is not Outcome.PROGRESS:
            note = msg("A step up by the therapist's choice.")
        return propose_progress(plan, phase_id, education_pool=education_pool, note=note, today=today)
    if advice.outcome is Outcome.STEP_BACK:
        return propose_step_back(plan, phase_id, education_pool=education_pool, today=today)
    return propose_hold(plan, phase_id, advice, today=today)


def plan_with_proposal(plan: PlanView, proposal: PhaseProposal) -> PlanView:
    """The plan as it would be with the proposal added (new ids are negative), for the checks."""
    index, _ = _phase(plan, proposal.source_phase_id)
    items = tuple(
        PlanItemView(id=-(n + 1), position=n, block=item.block, dosage=item.after, patient_note=item.patient_note)
        for n, item in enumerate(proposal.included())
    )
    new_phase = PhaseView(id=-1, position=index + 1, name=proposal.name, weeks=proposal.weeks,
                          focus=proposal.focus, criteria=proposal.criteria, items=items, made=proposal.made)
    phases = list(plan.phases)
    if proposal.source_weeks is not None:
        phases[index] = replace(phases[index], weeks=proposal.source_weeks)
    phases.insert(index + 1, new_phase)
    return replace(plan, phases=tuple(replace(p, position=i) for i, p in enumerate(phases)))
