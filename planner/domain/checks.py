"""Checks on a plan, as warnings the therapist may ignore (never prohibitions).

`check_plan(plan)` returns PlanWarning values (phase, item or None, a stable code, the message
in Dutch and English). Every number comes from `planner.domain.thresholds`. Codes:
- steep-step: a block's weekly volume grows faster than the plan's weekly cap, compounded over
  the weeks of the phase before (see planner.domain.volume for "volume"). Only load is judged:
  education, breathing, sleep and relaxation are repeated, lengthened or replaced, never grown
  by the cap (CLINICAL.md, "What does not progress by percentage");
- too-many-blocks / too-few-blocks: more than 6 or fewer than 3 exercises (breathing,
  mobility, balance, strength) in one session; education and daily life do not count;
- too-long: one session of the phase takes more than 45 minutes;
- strength-no-rest: a strength block on more than 3 days a week (48-72 hours rest for the same
  muscles: 2-3 days a week);
- no-breathing / no-education: a phase without breathing or without an explanation;
- pain-limit-high: a pain limit above the default limit (the traffic light's red);
- short-phase: a phase shorter than 2 weeks (so a plan has at most half as many phases as weeks);
- beginner-level: in the first phase, an exercise above its block's basic level (the level the
  library gives it by default), which a beginner cannot be expected to do.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.domain.dosage import session_seconds
from planner.domain.kinds import Kind
from planner.domain.model import BlockInfo, PhaseView, PlanItemView, PlanView
from planner.domain.thresholds import (
    MIN_PHASE_WEEKS,
    PAIN_LIMIT_DEFAULT,
    SESSION_EXERCISES,
    SESSION_MINUTES_MAX,
    STRENGTH_DAYS_MAX,
    Progression,
)
from planner.domain.timeline import SESSION_KINDS
from planner.domain.volume import cap_factor, volume_ratio, within_cap

MIN_SESSION_BLOCKS, MAX_SESSION_BLOCKS = SESSION_EXERCISES
MAX_SESSION_MINUTES = SESSION_MINUTES_MAX
MAX_STRENGTH_DAYS = STRENGTH_DAYS_MAX
# Blocks of these kinds never grow by percentage; nor do the daily-life habits below (sleep,
# relaxation, pacing, breaks), until blocks say for themselves how they progress (a
# `progression` field, issue 11 item 7).
_NOT_LOAD_KINDS = frozenset({Kind.EDUCATION, Kind.BREATHING})
_NOT_LOAD_BLOCKS = frozenset({"daily.sleep-routine", "daily.relaxation-moments", "daily.spread-the-load",
                              "daily.change-posture", "daily.screen-breaks"})


def progression_of(block: BlockInfo) -> Progression:
    """How a block progresses: its own `progression` when it says so, otherwise by kind."""
    own = getattr(block, "progression", None)
    if own:
        return Progression(own)
    if block.kind in _NOT_LOAD_KINDS or block.key in _NOT_LOAD_BLOCKS:
        return Progression.NONE
    if block.kind is Kind.BALANCE:
        return Progression.LEVEL
    return Progression.VOLUME


def grows_by_cap(block: BlockInfo) -> bool:
    """True for load (judged by the weekly cap); False for what is repeated or replaced."""
    return progression_of(block) is not Progression.NONE


@dataclass(frozen=True, slots=True)
class PlanWarning:
    """One warning: where (phase, item or None for the whole phase), what (code) and why (words)."""

    phase_id: int
    item_id: int | None
    code: str
    message_nl: str
    message_en: str

    def text(self, lang: str) -> str:
        """The message in `lang` ('nl' or 'en')."""
        return self.message_nl if lang == "nl" else self.message_en

    @property
    def message(self) -> str:
        """The English message (use `text(lang)` for the UI or handout language)."""
        return self.message_en


def _pair(items: tuple[PlanItemView, ...], earlier: tuple[PlanItemView, ...]) -> list[tuple[PlanItemView, PlanItemView]]:
    pool: dict[int, list[PlanItemView]] = {}
    for item in earlier:
        pool.setdefault(item.block.id, []).append(item)
    pairs = []
    for item in items:
        if pool.get(item.block.id):
            pairs.append((item, pool[item.block.id].pop(0)))
    return pairs


def _steep_steps(phase: PhaseView, previous: PhaseView, cap_pct: int) -> list[PlanWarning]:
    factor = cap_factor(cap_pct, previous.weeks)
    warnings = []
    for item, before in _pair(phase.items, previous.items):
        if not grows_by_cap(item.block):
            continue
        ratio = volume_ratio(item.block.kind, before.dosage, item.dosage)
        if within_cap(ratio, factor):
            continue
        assert ratio is not None
        pct, allowed = round((ratio - 1) * 100), round((factor - 1) * 100)
        nl_title, en_title = item.block.title("nl"), item.block.title("en")
        warnings.append(PlanWarning(
            phase.id, item.id, "steep-step",
            f"{nl_title}: +{pct} % na {previous.weeks} weken; bij {cap_pct} % per week is +{allowed} % het maximum.",
            f"{en_title}: +{pct} % after {previous.weeks} weeks; at {cap_pct} % a week +{allowed} % is the maximum.",
        ))
    return warnings


def _basic_level(block: BlockInfo) -> int:
    return block.dosage.level or 0


def _beginner_levels(phase: PhaseView) -> list[PlanWarning]:
    warnings = []
    for item in phase.items:
        level, basic = item.dosage.level, _basic_level(item.block)
        if not item.block.levels or level is None or level <= basic:
            continue
        warnings.append(PlanWarning(
            phase.id, item.id, "beginner-level",
            f"{item.block.title('nl')}: niveau {level + 1} in de eerste fase; begin op niveau {basic + 1} of lager.",
            f"{item.block.title('en')}: level {level + 1} in the first phase; start at level {basic + 1} or lower.",
        ))
    return warnings


def _session_size(phase: PhaseView) -> list[PlanWarning]:
    count = sum(1 for i in phase.items if i.block.kind in SESSION_KINDS)
    if count > MAX_SESSION_BLOCKS:
        return [PlanWarning(
            phase.id, None, "too-many-blocks",
            f"{count} oefeningen per keer; {MIN_SESSION_BLOCKS} tot {MAX_SESSION_BLOCKS} is beter vol te houden.",
            f"{count} exercises a session; {MIN_SESSION_BLOCKS} to {MAX_SESSION_BLOCKS} are easier to keep up.",
        )]
    if count < MIN_SESSION_BLOCKS:
        nl, en = ("oefening", "exercise") if count == 1 else ("oefeningen", "exercises")
        return [PlanWarning(
            phase.id, None, "too-few-blocks",
            f"{count} {nl} per keer; {MIN_SESSION_BLOCKS} tot {MAX_SESSION_BLOCKS} geeft ademhaling, "
            "bewegen en kracht samen.",
            f"{count} {en} a session; {MIN_SESSION_BLOCKS} to {MAX_SESSION_BLOCKS} combine breathing, "
            "movement and strength.",
        )]
    return []


def _item_warnings(phase: PhaseView) -> list[PlanWarning]:
    warnings = []
    for item in phase.items:
        days = item.dosage.days_per_week
        if item.block.kind is Kind.STRENGTH and days is not None and days > MAX_STRENGTH_DAYS:
            warnings.append(PlanWarning(
                phase.id, item.id, "strength-no-rest",
                f"{item.block.title('nl')}: kracht op {days} dagen per week; dezelfde spieren hebben 48 tot 72 uur "
                "rust nodig (2 of 3 dagen per week).",
                f"{item.block.title('en')}: strength on {days} days a week; the same muscles need 48 to 72 hours "
                "of rest (2 or 3 days a week).",
            ))
        limit = item.dosage.pain_limit
        if limit is not None and limit > PAIN_LIMIT_DEFAULT:
            warnings.append(PlanWarning(
                phase.id, item.id, "pain-limit-high",
                f"{item.block.title('nl')}: pijngrens {limit}; boven {PAIN_LIMIT_DEFAULT} is rood op het verkeerslicht.",
                f"{item.block.title('en')}: pain limit {limit}; above {PAIN_LIMIT_DEFAULT} is red on the traffic light.",
            ))
    return warnings


def check_phase(phase: PhaseView, previous: PhaseView | None, *, cap_pct: int) -> list[PlanWarning]:
    """The warnings for one phase (compared with the phase before it; without one it is the first)."""
    warnings: list[PlanWarning] = []
    if previous is not None:
        warnings += _steep_steps(phase, previous, cap_pct)
    else:
        warnings += _beginner_levels(phase)
    if phase.weeks < MIN_PHASE_WEEKS:
        warnings.append(PlanWarning(
            phase.id, None, "short-phase",
            f"Deze fase duurt {phase.weeks} week; een fase duurt minstens {MIN_PHASE_WEEKS} weken, "
            "zodat er tijd is om te wennen en te beoordelen.",
            f"This phase lasts {phase.weeks} week; a phase lasts at least {MIN_PHASE_WEEKS} weeks, "
            "so there is time to get used to it and to judge it.",
        ))
    warnings += _session_size(phase)
    session = [i for i in phase.items if i.block.kind in SESSION_KINDS]
    minutes = round(sum(session_seconds(i.block.kind, i.dosage) for i in session) / 60)
    if minutes > MAX_SESSION_MINUTES:
        warnings.append(PlanWarning(
            phase.id, None, "too-long",
            f"Eén keer oefenen duurt ongeveer {minutes} minuten; meer dan {MAX_SESSION_MINUTES} is veel.",
            f"One session takes about {minutes} minutes; more than {MAX_SESSION_MINUTES} is a lot.",
        ))
    warnings += _item_warnings(phase)
    kinds = {i.block.kind for i in phase.items}
    if Kind.BREATHING not in kinds:
        warnings.append(PlanWarning(phase.id, None, "no-breathing",
                                    "Deze fase heeft geen ademhalingsoefening.", "This phase has no breathing exercise."))
    if Kind.EDUCATION not in kinds:
        warnings.append(PlanWarning(phase.id, None, "no-education",
                                    "Deze fase heeft geen uitleg.", "This phase has no explanation (education)."))
    return warnings


def check_plan(plan: PlanView) -> list[PlanWarning]:
    """All warnings for a plan, phase by phase in plan order."""
    warnings: list[PlanWarning] = []
    previous: PhaseView | None = None
    for phase in plan.phases:
        warnings += check_phase(phase, previous, cap_pct=plan.weekly_cap_pct)
        previous = phase
    return warnings


def phase_warnings(plan: PlanView, index: int) -> list[PlanWarning]:
    """The warnings for phase `index` of the plan (compared with the phase before it)."""
    if not 0 <= index < len(plan.phases):
        return []
    previous = plan.phases[index - 1] if index > 0 else None
    return check_phase(plan.phases[index], previous, cap_pct=plan.weekly_cap_pct)
