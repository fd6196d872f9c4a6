"""The plan wizard: goal, region, weeks and phases in; a complete, principled plan out.

The plan follows the approach in CLINICAL.md: explain first (two topics in phase 1, a new topic
every phase), safe movement as the base (breathing and two mobility blocks throughout), a
gradual build-up (every later phase is the previous one progressed within the weekly cap),
repetition (the same blocks phase after phase), breathing + mobility + strength combined, and
balance where it fits the region. Each phase has 3-6 exercise blocks a session.

Blocks are picked from the library by region (an exact match first, then a neighbouring region,
then whole-body blocks) and, when given, by the equipment the patient has. Time-contingent plans
start a little below the measured baseline (80 %) and rise on schedule; pain-contingent plans
start from the library's light defaults and move on when the traffic light is green.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from planner.domain.dosage import Dosage
from planner.domain.kinds import REGIONS, Kind
from planner.domain.model import (
    BlockInfo,
    PhaseView,
    PlanItemView,
    PlanStatus,
    PlanView,
    ProgressionMode,
)
from planner.domain.proposals import criteria_text, education_sequence, progress_items

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
BALANCE_REGIONS = frozenset({"neck", "lower-back", "hip", "knee", "ankle", "whole-body"})
PREFERRED = {
    Kind.BREATHING: ("breathing.long-exhale", "breathing.belly-sitting", "breathing.calm-minute"),
    Kind.DAILY: ("daily.calm-walk", "daily.change-posture"),
}
BASELINE_START = 0.8  # start a little below what the patient can do on an average day
PREFER_EXACT = frozenset({Kind.BREATHING})  # daily life: calm walking suits every region
MAX_PHASES = 6


@dataclass(frozen=True, slots=True)
class Baseline:
    """What the patient can do on an average day (time-contingent plans); None = not measured."""

    strength_reps: int | None = None  # repetitions in a row of the first strength exercise
    balance_seconds: int | None = None  # seconds standing steady in the balance exercise
    walk_minutes: int | None = None  # minutes of calm walking


@dataclass(frozen=True, slots=True)
class WizardRequest:
    title: str
    goal: str = ""
    region: str = "lower-back"
    weeks: int = 8
    phases: int = 3
    mode: ProgressionMode = ProgressionMode.PAIN
    language: str = "nl"
    weekly_cap_pct: int = 10
    baseline: Baseline = field(default_factory=Baseline)
    equipment: frozenset[str] | None = None  # None: any equipment is fine


def validate_request(request: WizardRequest) -> dict[str, str]:
    """Field -> what is wrong, in English (empty when the request can be generated)."""
    problems: dict[str, str] = {}
    if not request.title.strip():
        problems["title"] = "A title is required."
    elif len(request.title) > 200:
        problems["title"] = "At most 200 characters."
    if request.region not in REGIONS:
        problems["region"] = "Choose a body region."
    if not 1 <= request.weeks <= 52:
        problems["weeks"] = "Between 1 and 52 weeks."
    if not 1 <= request.phases <= MAX_PHASES:
        problems["phases"] = f"Between 1 and {MAX_PHASES} phases."
    elif request.phases > request.weeks:
        problems["phases"] = "At most one phase per week: fewer phases or more weeks."
    if not 1 <= request.weekly_cap_pct <= 50:
        problems["weekly_cap_pct"] = "Between 1 and 50 percent."
    for name, high in (("strength_reps", 100), ("balance_seconds", 600), ("walk_minutes", 240)):
        value = getattr(request.baseline, name)
        if value is not None and not 1 <= value <= high:
            problems[name] = f"Between 1 and {high} (or leave it empty)."
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
    def __init__(self, blocks: Sequence[BlockInfo], request: WizardRequest):
        self.region = request.region
        allowed = request.equipment
        self.blocks = [
            b for b in blocks
            if not b.archived and (allowed is None or set(b.equipment) <= set(allowed))
        ]
        self.used: set[str] = set()

    def pick(self, kind: Kind) -> BlockInfo | None:
        """The best-fitting unused block of `kind` (None when the library has none)."""
        preferred = PREFERRED.get(kind, ())
        candidates = [b for b in self.blocks if b.kind is kind and b.key not in self.used and fit(b, self.region)]

        def key(b: BlockInfo) -> tuple:
            score = fit(b, self.region)
            if preferred:  # a general favourite unless a block is made for this very region
                rank = preferred.index(b.key) if b.key in preferred else len(preferred)
                exact_first = kind in PREFER_EXACT and score == 3
                return (not exact_first, rank, -score, b.key)
            return (-score, len(b.regions), b.key)

        if not candidates:
            return None
        best = min(candidates, key=key)
        self.used.add(best.key)
        return best


def phase_weeks(weeks: int, phases: int) -> list[int]:
    """Spread the weeks over the phases; later phases get the extra weeks."""
    base, extra = divmod(weeks, phases)
    return [base + (1 if i >= phases - extra else 0) for i in range(phases)]


def _names(index: int, count: int, lang: str, *, balance: bool) -> tuple[str, str]:
    nl = lang == "nl"
    if index == 0:
        return (("Begrijpen en rustig beginnen", "Begrijpen wat pijn is, rustig ademen en veilig bewegen.") if nl
                else ("Understand and start calmly", "Understanding pain, calm breathing and safe movement."))
    if index == count - 1 and count >= 3:
        return (("Terug naar je dagelijkse leven", "Meer belasting en je eigen doel oefenen.") if nl
                else ("Back to daily life", "More load and practising your own goal."))
    number = f" {index}" if count > 3 else ""
    extra = (" en balans" if nl else " and balance") if balance else ""
    return ((f"Opbouwen{number}", f"Stap voor stap meer kracht{extra}.") if nl
             else (f"Building up{number}", f"Step by step more strength{extra}."))


def _start_dosage(block: BlockInfo, request: WizardRequest, *, first_strength: bool) -> Dosage:
    """The block's first dosage: light defaults, or a little below the baseline (time mode)."""
    d = block.dosage
    if block.kind is Kind.STRENGTH and block.levels:
        d = replace(d, level=0)  # beginners start with the easier variant
    base = request.baseline if request.mode is ProgressionMode.TIME else Baseline()
    if block.kind is Kind.STRENGTH and first_strength and base.strength_reps and d.reps:
        d = replace(d, reps=min(12, max(5, int(base.strength_reps * BASELINE_START))))
    if block.kind is Kind.BALANCE and base.balance_seconds and d.hold_seconds:
        d = replace(d, hold_seconds=min(60, max(5, int(base.balance_seconds * BASELINE_START))))
    if block.kind is Kind.DAILY and base.walk_minutes:
        d = replace(d, minutes=max(1, int(base.walk_minutes * BASELINE_START)))
    return d


def generate_plan(request: WizardRequest, blocks: Sequence[BlockInfo], *,
                  template: PlanView | None = None) -> PlanView:
    """A complete draft plan (id 0, negative ids for phases and items) for `request`.

    With a `template`, its first phase is the starting point and blocks from its later phases
    come in when their phase starts; breathing and education are added when it lacks them.
    """
    ids = itertools.count(1)
    picker = _Picker(blocks, request)
    topics = education_sequence(blocks)
    lang, count = request.language, request.phases
    weeks = phase_weeks(request.weeks, count)
    fits_balance = request.region in BALANCE_REGIONS
    strength_added = 0

    def item(block: BlockInfo, dosage: Dosage | None = None) -> PlanItemView:
        nonlocal strength_added
        if dosage is None:
            dosage = _start_dosage(block, request, first_strength=block.kind is Kind.STRENGTH and strength_added == 0)
        if block.kind is Kind.STRENGTH:
            strength_added += 1
        picker.used.add(block.key)
        return PlanItemView(id=-next(ids), position=0, block=block, dosage=dosage)

    def add(items: list[PlanItemView], kind: Kind) -> None:
        block = picker.pick(kind)
        if block is not None:
            items.append(item(block))

    wanted_daily = request.mode is ProgressionMode.TIME and request.baseline.walk_minutes is not None
    first: list[PlanItemView] = []
    if template is not None and template.phases:
        first = [item(i.block, i.dosage) for i in template.phases[0].items]
        if not any(i.block.kind is Kind.EDUCATION for i in first):
            topic = next((t for t in topics if t.key not in picker.used), None)
            if topic is not None:
                first.insert(0, item(topic))
        if not any(i.block.kind is Kind.BREATHING for i in first):
            add(first, Kind.BREATHING)
    else:
        for topic in [t for t in topics if t.key not in picker.used][:2]:
            first.append(item(topic))
        add(first, Kind.BREATHING)
        add(first, Kind.MOBILITY)
        add(first, Kind.MOBILITY)
        add(first, Kind.STRENGTH)
        if count == 1 and fits_balance:
            add(first, Kind.BALANCE)
        if count == 1 or wanted_daily:
            add(first, Kind.DAILY)

    phases: list[PhaseView] = []
    items = first
    for index in range(count):
        if index > 0:
            previous = phases[-1]
            used = {i.block.key for p in phases for i in p.items}
            stepped = progress_items(previous.items, weeks=previous.weeks, cap_pct=request.weekly_cap_pct,
                                     used_keys=used, education_pool=topics)
            items = [item(s.block, s.after) for s in stepped]
            picker.used |= used
            if template is not None and index < len(template.phases):
                items += [item(i.block, i.dosage) for i in template.phases[index].items if i.block.key not in used]
            elif index == 1:
                add(items, Kind.STRENGTH)
                if fits_balance:
                    add(items, Kind.BALANCE)
                if not any(i.block.kind is Kind.DAILY for i in items):
                    add(items, Kind.DAILY)
        name, focus = _names(index, count, lang, balance=fits_balance)
        phases.append(PhaseView(
            id=-next(ids), position=index, name=name, weeks=weeks[index], focus=focus,
            criteria=criteria_text(request.mode, weeks[index], lang),
            items=tuple(replace(i, position=n) for n, i in enumerate(items)),
        ))
    return PlanView(
        id=0, title=request.title.strip(), goal=request.goal, language=lang, status=PlanStatus.DRAFT,
        mode=request.mode, weekly_cap_pct=request.weekly_cap_pct, version=0, is_template=False,
        phases=tuple(phases),
    )
