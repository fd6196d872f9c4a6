"""The plan wizard: goal, region, weeks and phases in; the plan a physiotherapist would write out.

Exercises are chosen by clinical priority (`planner.domain.priorities`, data in the library):
per region and, when given, the goal or feared activity, best first; a block that needs another
first (overhead work after the rotator cuff) waits until that one was in an earlier phase. Only
when the priorities run dry (a clinic's own library, little equipment) does the wizard fall back
to blocks made for the region, then a neighbouring one, then whole-body blocks.

The plan follows CLINICAL.md: explain first (two topics in phase 1, a new topic every phase, the
topics of the plan's own mode), breathing in every phase, 3-6 exercises a session (breathing,
mobility, balance and strength count), every exercise at a beginner's level in phase 1 (the
easiest rung of its ladder), and exercises carry over from phase to phase unless replaced: each
later phase is the one before one step further within the weekly cap (compounded over that
phase's weeks), and a new block comes in only where it fits. Breathing, education, sleep and
relaxation are repeated, never grown by the cap; older adults (65 or over) get half steps.
Time-contingent plans start a little below the
measured baseline; pain-contingent plans start from the library's light defaults. A phase lasts
at least 2 weeks, so a plan has at most half as many phases as weeks.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from planner.domain.checks import grows_by_cap
from planner.domain.dosage import Dosage
from planner.domain.kinds import REGIONS, Kind
from planner.domain.made_words import MadeWords
from planner.domain.messages import Msg, msg, worded
from planner.domain.model import (
    BlockInfo,
    PhaseView,
    PlanItemView,
    PlanStatus,
    PlanView,
    ProgressionMode,
)
from planner.domain.plan_words import (
    phase_criteria_message,
    region_title_message,
    wizard_phase_messages,
)
from planner.domain.priorities import Priorities
from planner.domain.progression import progress_dosage
from planner.domain.quotas import minute_schedule
from planner.domain.thresholds import MIN_PHASE_WEEKS, QUOTA_START_SHARE, SESSION_EXERCISES
from planner.domain.timeline import SESSION_KINDS
from planner.domain.volume import cap_factor

NEIGHBOURS: dict[str, tuple[str, ...]] = {
    "neck": ("shoulder", "upper-back"),
    "shoulder": ("neck", "upper-back"),
    "upper-back": ("neck", "shoulder", "lower-back"),
    "lower-back": ("hip", "upper-back"),
    "hip": ("lower-back", "knee"),
    "knee": ("hip", "ankle"),
    "ankle": ("knee",),
    "whole-body": (),
}
BASELINE_START = QUOTA_START_SHARE[1]  # start a little below what the patient manages on an average day
MIN_EXERCISES, MAX_EXERCISES = SESSION_EXERCISES
MAX_PHASES = 6
MAX_WEEKS = 52
MAX_TITLE = 200  # characters
MAX_WEEKLY_CAP_PCT = 50  # the highest weekly increase a therapist may set


@dataclass(frozen=True, slots=True)
class Baseline:
    """What the patient can do on an average day (time-contingent plans); None = not measured."""

    strength_reps: int | None = None  # repetitions in a row of the first strength exercise
    balance_seconds: int | None = None  # seconds standing steady in the balance exercise
    walk_minutes: int | None = None  # minutes of calm walking


@dataclass(frozen=True, slots=True)
class WizardRequest:
    title: str = ""  # empty: a title in the plan's language, e.g. "Plan voor je knie"
    goal: str = ""
    region: str = "lower-back"
    weeks: int = 8
    phases: int = 3
    mode: ProgressionMode = ProgressionMode.TIME  # time-contingent: the default for persistent pain
    language: str = "nl"
    weekly_cap_pct: int = 10
    baseline: Baseline = field(default_factory=Baseline)
    equipment: frozenset[str] | None = None  # None: any equipment is fine
    activity: str | None = None  # a goal or feared activity the priorities know (e.g. "bending")
    feared_rating: int | None = None  # the patient's 0-100 rating of that activity (for an exposure ladder)
    older_adult: bool = False  # 65 or over: half steps (half the weekly cap's growth)

    def plan_title(self) -> str:
        """The title as given, or one made in the plan's language."""
        return self.title.strip() or worded(region_title_message(self.region), self.language)

    def made_title(self) -> Msg | None:
        """The message of the title when the program made it (also when the wizard's form filled it in
        and the therapist left it as it was); None for a title the therapist typed."""
        message = region_title_message(self.region)
        return message if self.plan_title() == worded(message, self.language) else None


def max_phases(weeks: int) -> int:
    """At most half as many phases as weeks (a phase lasts at least 2 weeks), and at most 6."""
    return min(MAX_PHASES, weeks // MIN_PHASE_WEEKS)


def validate_request(request: WizardRequest) -> dict[str, Msg]:
    """Field -> what is wrong, as a message (empty when the request can be generated)."""
    problems: dict[str, Msg] = {}
    if len(request.title) > MAX_TITLE:
        problems["title"] = msg("At most {n} characters.", n=MAX_TITLE)
    if request.region not in REGIONS:
        problems["region"] = msg("Choose a body region.")
    if not MIN_PHASE_WEEKS <= request.weeks <= MAX_WEEKS:
        problems["weeks"] = msg("Between {low} and {high} weeks.", low=MIN_PHASE_WEEKS, high=MAX_WEEKS)
    elif not 1 <= request.phases <= max_phases(request.weeks):
        problems["phases"] = msg("{phases} phases in {weeks} weeks: a phase lasts at least {min} weeks, so "
                                 "at most {max} phases.", phases=request.phases, weeks=request.weeks,
                                 min=MIN_PHASE_WEEKS, max=max_phases(request.weeks))
    if not 1 <= request.weekly_cap_pct <= MAX_WEEKLY_CAP_PCT:
        problems["weekly_cap_pct"] = msg("Between {low} and {high} percent.", low=1, high=MAX_WEEKLY_CAP_PCT)
    for name, high in (("strength_reps", 100), ("balance_seconds", 600), ("walk_minutes", 240)):
        value = getattr(request.baseline, name)
        if value is not None and not 1 <= value <= high:
            problems[name] = msg("Between {low} and {high} (or leave it empty).", low=1, high=high)
    if request.feared_rating is not None and not 0 <= request.feared_rating <= 100:
        problems["feared"] = msg("A rating from {low} to {high}.", low=0, high=100)
    return problems


def fit(block: BlockInfo, region: str) -> int:
    """How well a block fits a region: 3 exact, 2 neighbouring, 1 whole-body, 0 not at all."""
    if region in block.regions:
        return 3
    if any(r in block.regions for r in NEIGHBOURS.get(region, ())):
        return 2
    if "whole-body" in block.regions:
        return 1
    return 0


class _Picker:
    """Chooses blocks by clinical priority, each block at most once in a plan."""

    def __init__(self, blocks: Sequence[BlockInfo], request: WizardRequest, priorities: Priorities):
        allowed = request.equipment
        self.blocks = {b.key: b for b in blocks
                       if not b.archived and (allowed is None or set(b.equipment) <= set(allowed))}
        self.request, self.priorities = request, priorities
        self.used: set[str] = set()
        self.earlier: set[str] = set()  # keys in phases before the one being built

    def _ok(self, key: str) -> bool:
        return key in self.blocks and key not in self.used and self.priorities.allowed(key, self.earlier)

    def pick(self, kind: Kind, *, fallback: bool = False) -> BlockInfo | None:
        """The most wanted unused block of `kind`; with `fallback`, else the best region fit."""
        req = self.request
        for key in self.priorities.order(kind, req.region, req.activity):
            if self._ok(key) and self.blocks[key].kind is kind:
                return self._take(key)
        if not fallback and (req.region in self.priorities.regions):
            return None
        rest = [b for b in self.blocks.values() if b.kind is kind and self._ok(b.key) and fit(b, req.region)]
        if not rest:
            return None
        return self._take(min(rest, key=lambda b: (-fit(b, req.region), len(b.regions), b.key)).key)

    def _take(self, key: str) -> BlockInfo:
        self.used.add(key)
        return self.blocks[key]

    def topics(self) -> list[BlockInfo]:
        """Education blocks in the teaching order of the plan's mode, then the rest by key."""
        order = self.priorities.education.get(self.request.mode, ())
        rank = {key: i for i, key in enumerate(order)}
        pool = [b for b in self.blocks.values() if b.kind is Kind.EDUCATION]
        if order:  # the other mode's own topics (the traffic light in a time plan) stay out
            pool = [b for b in pool if b.key in rank or b.builtin is False]
        return sorted(pool, key=lambda b: (rank.get(b.key, len(rank)), b.key))


def phase_weeks(weeks: int, phases: int) -> list[int]:
    """Spread the weeks over the phases; later phases get the extra weeks."""
    base, extra = divmod(weeks, phases)
    return [base + (1 if i >= phases - extra else 0) for i in range(phases)]


def start_dosage(block: BlockInfo, request: WizardRequest, priorities: Priorities, *,
                 first_strength: bool = False) -> Dosage:
    """A block's first dosage: its easiest rung, the region's start amount, or a little below the baseline."""
    d = priorities.start(block.key, request.region)
    d = block.dosage.merged(d) if d is not None else block.dosage
    if block.levels and block.kind in (Kind.STRENGTH, Kind.MOBILITY, Kind.BALANCE):
        d = replace(d, level=0)  # beginners start with the easiest variant
    base = request.baseline if request.mode is ProgressionMode.TIME else Baseline()
    if block.kind is Kind.STRENGTH and first_strength and base.strength_reps and d.reps:
        d = replace(d, reps=min(12, max(5, int(base.strength_reps * BASELINE_START))))
    if block.kind is Kind.BALANCE and base.balance_seconds and d.hold_seconds:
        d = replace(d, hold_seconds=min(60, max(5, int(base.balance_seconds * BASELINE_START))))
    if block.kind is Kind.DAILY and base.walk_minutes and block.key == _walk_key(priorities, request):
        d = replace(d, minutes=max(1, int(base.walk_minutes * BASELINE_START)))
    return d


def _walk_key(priorities: Priorities, request: WizardRequest) -> str:
    walks = priorities.order(Kind.DAILY, request.region, request.activity)
    return walks[0] if walks else "daily.calm-walk"


def _step(item: PlanItemView, factor: float) -> Dosage:
    """The item one step further within `factor`; what is not load stays as it is."""
    if not grows_by_cap(item.block):
        return item.dosage
    return progress_dosage(item.block.kind, item.dosage, levels=len(item.block.levels), factor=factor).after


def _carry(item: PlanItemView, factor: float, week: int, started: dict[str, tuple[int, int]],
           request: WizardRequest) -> Dosage:
    """The item in the next phase: minutes (walking) follow the plan-wide quota schedule from their
    first amount (so small amounts grow too), within the cap from the phase before; the rest one step."""
    first = started.get(item.block.key)
    d = item.dosage
    if first is None or not first[0] or not grows_by_cap(item.block) or not d.minutes or d.reps or d.hold_seconds:
        return _step(item, factor)
    start, since = first
    planned = minute_schedule(start, week - since + 1, cap_pct=request.weekly_cap_pct,
                              older_adult=request.older_adult)[-1]
    return replace(d, minutes=max(d.minutes, min(planned, int(d.minutes * factor + 1e-9))))


def _count(items: Sequence[PlanItemView]) -> int:
    return sum(1 for i in items if i.block.kind in SESSION_KINDS)


def generate_plan(request: WizardRequest, blocks: Sequence[BlockInfo], *, priorities: Priorities | None = None,
                  template: PlanView | None = None) -> PlanView:
    """A complete draft plan (id 0, negative ids for phases and items) for `request`.

    With a `template`, its phases give the exercises (carried over from phase to phase and
    stepped up within the cap); breathing and education are added when it lacks them.
    """
    priorities = priorities or Priorities()
    ids = itertools.count(1)
    picker = _Picker(blocks, request, priorities)
    topics = picker.topics()
    lang, count = request.language, request.phases
    weeks = phase_weeks(request.weeks, count)
    strength_added = 0

    def new(block: BlockInfo, dosage: Dosage | None = None) -> PlanItemView:
        nonlocal strength_added
        if dosage is None:
            dosage = start_dosage(block, request, priorities, first_strength=block.kind is Kind.STRENGTH
                                  and strength_added == 0)
        strength_added += block.kind is Kind.STRENGTH
        picker.used.add(block.key)
        return PlanItemView(id=-next(ids), position=0, block=block, dosage=dosage)

    def add(items: list[PlanItemView], kind: Kind, *, fallback: bool = False) -> bool:
        if _count(items) >= MAX_EXERCISES and kind in SESSION_KINDS:
            return False
        block = picker.pick(kind, fallback=fallback)
        if block is not None:
            items.append(new(block))
        return block is not None

    def topic(items: list[PlanItemView], n: int = 1) -> None:
        for t in [t for t in topics if t.key not in picker.used][:n]:
            items.insert(sum(i.block.kind is Kind.EDUCATION for i in items), new(t))

    def fill(items: list[PlanItemView]) -> None:
        """Breathing in every phase and at least 3 exercises, from the fallbacks when needed."""
        if not any(i.block.kind is Kind.BREATHING for i in items):
            add(items, Kind.BREATHING, fallback=True)
        for kind in (Kind.MOBILITY, Kind.STRENGTH, Kind.BALANCE, Kind.BREATHING):
            while _count(items) < MIN_EXERCISES and add(items, kind, fallback=True):
                pass

    phases: list[PhaseView] = []
    items: list[PlanItemView] = []
    started: dict[str, tuple[int, int]] = {}  # block key -> (first minutes, the week it came in)
    for index in range(count):
        if index == 0:
            if template is not None and template.phases:
                items = [new(i.block, i.dosage) for i in template.phases[0].items]
            else:
                topic(items, 2)
                add(items, Kind.BREATHING)
                add(items, Kind.MOBILITY)
                add(items, Kind.MOBILITY)
                add(items, Kind.STRENGTH)
                if count == 1:
                    add(items, Kind.STRENGTH)
                    add(items, Kind.BALANCE)
                add(items, Kind.DAILY)
            if not any(i.block.kind is Kind.EDUCATION for i in items):
                topic(items)
        else:
            previous = phases[-1]
            picker.earlier |= {i.block.key for i in previous.items}
            cap = request.weekly_cap_pct / 2 if request.older_adult else request.weekly_cap_pct
            factor = cap_factor(cap, previous.weeks)
            carried = [i for i in previous.items if i.block.kind is not Kind.EDUCATION]
            model = template.phases[index] if template is not None and index < len(template.phases) else None
            if model is not None:  # the template's phase says what stays and what comes in
                wanted = {i.block.key for i in model.items}
                carried = [i for i in carried if i.block.key in wanted]
            items = [replace(i, id=-next(ids), dosage=_carry(i, factor, sum(weeks[:index]), started,
                                                             request)) for i in carried]
            if model is not None:
                have = {i.block.key for i in items}
                items += [new(i.block, i.dosage) for i in model.items
                          if i.block.key not in have and i.block.key not in picker.used]
            elif template is None and index == 1:
                topic(items)
                add(items, Kind.STRENGTH)
                add(items, Kind.BALANCE)
            elif template is None and index == 2:
                topic(items)
                _replace_second_mobility(items, picker, new)
            else:
                topic(items)
            if not any(i.block.kind is Kind.EDUCATION for i in items):
                topic(items)
        fill(items)
        for i in items:
            started.setdefault(i.block.key, (i.dosage.minutes or 0, sum(weeks[:index])))
        name, focus = wizard_phase_messages(index, count, balance=any(i.block.kind is Kind.BALANCE for i in items))
        criteria = phase_criteria_message(request.mode, weeks[index], last=index == count - 1)
        phases.append(PhaseView(  # the text in the plan's language, and the messages it came from
            id=-next(ids), position=index, name=worded(name, lang), weeks=weeks[index], focus=worded(focus, lang),
            criteria=worded(criteria, lang), made=MadeWords(name=name, focus=focus, criteria=criteria),
            items=tuple(replace(i, position=n) for n, i in enumerate(_ordered(items))),
        ))
    return PlanView(
        id=0, title=request.plan_title(), goal=request.goal, language=lang, status=PlanStatus.DRAFT,
        mode=request.mode, weekly_cap_pct=request.weekly_cap_pct, version=0, is_template=False,
        phases=tuple(phases), made_title=request.made_title(),
    )


def _replace_second_mobility(items: list[PlanItemView], picker: _Picker,
                             new: Callable[[BlockInfo], PlanItemView]) -> None:
    """Phase 3: the next strength exercise replaces the second mobility exercise (when there is one)."""
    mobility = [i for i in items if i.block.kind is Kind.MOBILITY]
    if len(mobility) < 2:
        return
    block = picker.pick(Kind.STRENGTH)
    if block is None:
        return
    items[items.index(mobility[1])] = new(block)


_KIND_ORDER = {kind: n for n, kind in enumerate(
    (Kind.EDUCATION, Kind.BREATHING, Kind.MOBILITY, Kind.BALANCE, Kind.STRENGTH, Kind.DAILY))}


def _ordered(items: list[PlanItemView]) -> list[PlanItemView]:
    """Explanation first, then breathing, mobility, balance, strength and daily life (stable)."""
    return sorted(items, key=lambda i: _KIND_ORDER.get(i.block.kind, len(_KIND_ORDER)))
