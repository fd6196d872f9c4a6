"""Checks on a plan, as warnings the therapist may ignore (never prohibitions).

`check_plan(plan)` returns PlanWarning values (phase, item or None, a stable code, the message
in Dutch and English). Codes:
- steep-step: a block's weekly volume grows faster than the plan's weekly cap, compounded over
  the weeks of the phase before (see planner.domain.volume for "volume");
- too-many-blocks: more than 6 exercise blocks (breathing, mobility, balance, strength) in one
  session (CLINICAL.md: about 3-6 a session);
- too-long: one session of the phase takes more than 45 minutes;
- strength-no-rest: a strength block on more than 3 days a week (48-72 hours rest for the same
  muscles: 2-3 days a week);
- no-breathing / no-education: a phase without breathing or without an explanation;
- pain-limit-high: a pain limit above 5 (the traffic light's red).
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.domain.dosage import session_seconds
from planner.domain.kinds import Kind
from planner.domain.model import PhaseView, PlanItemView, PlanView
from planner.domain.monitoring import AMBER_MAX
from planner.domain.timeline import SESSION_KINDS
from planner.domain.volume import cap_factor, volume_ratio, within_cap

MAX_SESSION_BLOCKS = 6
MAX_SESSION_MINUTES = 45
MAX_STRENGTH_DAYS = 3


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


Warning = PlanWarning  # the name used in the editor's brief


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


def check_phase(phase: PhaseView, previous: PhaseView | None, *, cap_pct: int) -> list[PlanWarning]:
    """The warnings for one phase (compared with the phase before it, when there is one)."""
    warnings: list[PlanWarning] = []
    if previous is not None:
        warnings += _steep_steps(phase, previous, cap_pct)
    session = [i for i in phase.items if i.block.kind in SESSION_KINDS]
    if len(session) > MAX_SESSION_BLOCKS:
        warnings.append(PlanWarning(
            phase.id, None, "too-many-blocks",
            f"{len(session)} oefeningen per keer; 3 tot {MAX_SESSION_BLOCKS} is beter vol te houden.",
            f"{len(session)} exercises a session; 3 to {MAX_SESSION_BLOCKS} are easier to keep up.",
        ))
    minutes = round(sum(session_seconds(i.block.kind, i.dosage) for i in session) / 60)
    if minutes > MAX_SESSION_MINUTES:
        warnings.append(PlanWarning(
            phase.id, None, "too-long",
            f"Eén keer oefenen duurt ongeveer {minutes} minuten; meer dan {MAX_SESSION_MINUTES} is veel.",
            f"One session takes about {minutes} minutes; more than {MAX_SESSION_MINUTES} is a lot.",
        ))
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
        if limit is not None and limit > AMBER_MAX:
            warnings.append(PlanWarning(
                phase.id, item.id, "pain-limit-high",
                f"{item.block.title('nl')}: pijngrens {limit}; boven 5 is rood op het verkeerslicht.",
                f"{item.block.title('en')}: pain limit {limit}; above 5 is red on the traffic light.",
            ))
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
