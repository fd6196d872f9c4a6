"""Checks on a plan, as warnings the therapist may ignore (never prohibitions).

`check_plan(plan)` returns PlanWarning values (phase, item or None, a stable code, the message,
worded where it is shown). Every number comes from `planner.domain.thresholds`. Codes:
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
from planner.domain.messages import ByLanguage, Msg, msg, nmsg, percent, worded
from planner.domain.model import BlockInfo, PhaseView, PlanItemView, PlanView
from planner.domain.thresholds import (
    MIN_PHASE_WEEKS,
    OLDER_ADULT_STRENGTH_REST_HOURS,
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
REST_HOURS = OLDER_ADULT_STRENGTH_REST_HOURS
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
    message: Msg

    def text(self, lang: str) -> str:
        """The message worded in `lang`."""
        return worded(self.message, lang)


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
        warnings.append(PlanWarning(
            phase.id, item.id, "steep-step",
            nmsg("{title}: +{growth} after {n} week; at {cap} a week +{allowed} is the maximum.",
                 "{title}: +{growth} after {n} weeks; at {cap} a week +{allowed} is the maximum.", previous.weeks,
                 title=ByLanguage(item.block.title), growth=percent(pct), cap=percent(cap_pct),
                 allowed=percent(allowed)),
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
            msg("{title}: level {level} in the first phase; start at level {basic} or lower.",
                title=ByLanguage(item.block.title), level=level + 1, basic=basic + 1),
        ))
    return warnings


def _session_size(phase: PhaseView) -> list[PlanWarning]:
    count = sum(1 for i in phase.items if i.block.kind in SESSION_KINDS)
    if count > MAX_SESSION_BLOCKS:
        return [PlanWarning(
            phase.id, None, "too-many-blocks",
            msg("{count} exercises a session; {low} to {high} are easier to keep up.", count=count,
                low=MIN_SESSION_BLOCKS, high=MAX_SESSION_BLOCKS),
        )]
    if count < MIN_SESSION_BLOCKS:
        return [PlanWarning(
            phase.id, None, "too-few-blocks",
            nmsg("{n} exercise a session; {low} to {high} combine breathing, movement and strength.",
                 "{n} exercises a session; {low} to {high} combine breathing, movement and strength.", count,
                 low=MIN_SESSION_BLOCKS, high=MAX_SESSION_BLOCKS),
        )]
    return []


def _item_warnings(phase: PhaseView) -> list[PlanWarning]:
    warnings = []
    for item in phase.items:
        days = item.dosage.days_per_week
        if item.block.kind is Kind.STRENGTH and days is not None and days > MAX_STRENGTH_DAYS:
            warnings.append(PlanWarning(
                phase.id, item.id, "strength-no-rest",
                msg("{title}: strength on {days} days a week; the same muscles need {rest_min} to {rest_max} hours "
                    "of rest ({days_min} or {days_max} days a week).", title=ByLanguage(item.block.title), days=days,
                    rest_min=REST_HOURS[0], rest_max=REST_HOURS[1], days_min=MAX_STRENGTH_DAYS - 1,
                    days_max=MAX_STRENGTH_DAYS),
            ))
        limit = item.dosage.pain_limit
        if limit is not None and limit > PAIN_LIMIT_DEFAULT:
            warnings.append(PlanWarning(
                phase.id, item.id, "pain-limit-high",
                msg("{title}: pain limit {limit}; above {default} is red on the traffic light.",
                    title=ByLanguage(item.block.title), limit=limit, default=PAIN_LIMIT_DEFAULT),
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
            nmsg("This phase lasts {n} week; a phase lasts at least {weeks} weeks, so there is time to get used to "
                 "it and to judge it.",
                 "This phase lasts {n} weeks; a phase lasts at least {weeks} weeks, so there is time to get used to "
                 "it and to judge it.", phase.weeks, weeks=MIN_PHASE_WEEKS),
        ))
    warnings += _session_size(phase)
    session = [i for i in phase.items if i.block.kind in SESSION_KINDS]
    minutes = round(sum(session_seconds(i.block.kind, i.dosage) for i in session) / 60)
    if minutes > MAX_SESSION_MINUTES:
        warnings.append(PlanWarning(
            phase.id, None, "too-long",
            msg("One session takes about {minutes} minutes; more than {most} is a lot.", minutes=minutes,
                most=MAX_SESSION_MINUTES),
        ))
    warnings += _item_warnings(phase)
    kinds = {i.block.kind for i in phase.items}
    if Kind.BREATHING not in kinds:
        warnings.append(PlanWarning(phase.id, None, "no-breathing", msg("This phase has no breathing exercise.")))
    if Kind.EDUCATION not in kinds:
        warnings.append(PlanWarning(phase.id, None, "no-education", msg("This phase has no explanation (education).")))
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
