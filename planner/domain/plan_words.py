"""Words the program writes into a plan: phase names, focus, criteria and titles.

Always in the PLAN's language (its handout language), never the program's UI language: a plan
made while the program speaks English for a Dutch patient is Dutch throughout (issue 12, item 4).
The wizard also keeps the message each text came from (`planner.domain.made_words`), so a handout in
another language words it anew while the text is still what the program made.
Numbers come from `planner.domain.thresholds`.
"""

from __future__ import annotations

from planner.domain.messages import Msg, msg, nmsg, worded
from planner.domain.model import ProgressionMode
from planner.domain.thresholds import DEFAULT_BANDS, MIN_PHASE_WEEKS, WORSE_MORNINGS_TO_HOLD

# A body region as a title says it to the patient: "Plan voor je knie" / "Plan for your knee".
_REGION_WORDS: dict[str, Msg] = {
    "neck": msg("Plan for your neck"),
    "shoulder": msg("Plan for your shoulder"),
    "upper-back": msg("Plan for your upper back"),
    "lower-back": msg("Plan for your lower back"),
    "hip": msg("Plan for your hip"),
    "knee": msg("Plan for your knee"),
    "ankle": msg("Plan for your ankle"),
    "whole-body": msg("Plan for your whole body"),
}


def _in(lang: str, message: Msg) -> str:
    return worded(message, lang)


def region_title_message(region: str) -> Msg:
    """A plan's default title for a region, as a message."""
    return _REGION_WORDS.get(region) or msg("Plan for {name}", name=region)


def region_title(region: str, lang: str) -> str:
    """A plan's default title for a region: 'Plan voor je knie' / 'Plan for your knee'."""
    return _in(lang, region_title_message(region))


def patient_title_message(name: str) -> Msg:
    """A blank plan's default title, as a message."""
    return msg("Plan for {name}", name=name)


def patient_title(name: str, lang: str) -> str:
    """A blank plan's default title: 'Plan voor Jannie' / 'Plan for Jannie'."""
    return _in(lang, patient_title_message(name))


def phase_name(number: int, lang: str) -> str:
    """A new phase's default name, numbered from 1: 'Fase 2' / 'Phase 2'."""
    return _in(lang, msg("Phase {number}", number=number))


def wizard_phase_messages(index: int, count: int, *, balance: bool) -> tuple[Msg, Msg]:
    """Name and focus of phase `index` (0-based) of `count` in a wizard plan, as messages."""
    if index == 0:
        return msg("Understand and start calmly"), msg("Understanding pain, calm breathing and safe movement.")
    if index == count - 1 and count >= 3:
        return msg("Back to daily life"), msg("The same exercises, a little more, and practising your own goal.")
    name = msg("Building up {number}", number=index) if count > 3 else msg("Building up")
    focus = msg("Step by step more strength and balance.") if balance else msg("Step by step more strength.")
    return name, focus


def wizard_phase(index: int, count: int, lang: str, *, balance: bool) -> tuple[str, str]:
    """Name and focus of phase `index` (0-based) of `count` in a wizard plan."""
    name, focus = wizard_phase_messages(index, count, balance=balance)
    return _in(lang, name), _in(lang, focus)


def phase_criteria(mode: ProgressionMode, weeks: int, lang: str, *, last: bool = False) -> str:
    """When the patient moves on from a phase, in the rules of the plan's own mode (CLINICAL.md)."""
    return _in(lang, phase_criteria_message(mode, weeks, last=last))


def phase_criteria_message(mode: ProgressionMode, weeks: int, *, last: bool = False) -> Msg:
    """When the patient moves on from a phase, as a message.

    The last phase has nothing to move on to: it says how the plan ends instead.
    """
    if last:
        return nmsg("After {n} week you and your therapist talk about how you carry on yourself. "
                    "Keep up your exercises until then.",
                    "After {n} weeks you and your therapist talk about how you carry on yourself. "
                    "Keep up your exercises until then.", weeks)
    if mode is ProgressionMode.TIME:
        return nmsg("On schedule: you move on after {n} week. Keep to your amounts, also on a bad day. "
                    "Was the morning worse {days} days in a row? Then your amounts stay the same for a week.",
                    "On schedule: you move on after {n} weeks. Keep to your amounts, also on a bad day. "
                    "Was the morning worse {days} days in a row? Then your amounts stay the same for a week.",
                    weeks, days=WORSE_MORNINGS_TO_HOLD)
    return msg("After at least {weeks} weeks you move on when, for a week, every next morning was as usual. "
               "Pain during the exercises then stays at {limit} or lower.",
               weeks=MIN_PHASE_WEEKS, limit=DEFAULT_BANDS.limit)
