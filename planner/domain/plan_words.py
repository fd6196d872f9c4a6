"""Words the program writes into a plan: phase names, focus, criteria and titles.

Always in the PLAN's language (its handout language), never the program's UI language: a plan
made while the program speaks English for a Dutch patient is Dutch throughout (issue 12, item 4).
Numbers come from `planner.domain.thresholds`.
"""

from __future__ import annotations

from planner.domain.model import ProgressionMode
from planner.domain.thresholds import DEFAULT_BANDS, MIN_PHASE_WEEKS, WORSE_MORNINGS_TO_HOLD

# A body region as a title says it to the patient: "Plan voor je knie" / "Plan for your knee".
_REGION_WORDS: dict[str, tuple[str, str]] = {
    "neck": ("je nek", "your neck"),
    "shoulder": ("je schouder", "your shoulder"),
    "upper-back": ("je bovenrug", "your upper back"),
    "lower-back": ("je onderrug", "your lower back"),
    "hip": ("je heup", "your hip"),
    "knee": ("je knie", "your knee"),
    "ankle": ("je enkel", "your ankle"),
    "whole-body": ("je hele lijf", "your whole body"),
}


def _pick(lang: str, nl: str, en: str) -> str:
    return nl if lang == "nl" else en


def region_title(region: str, lang: str) -> str:
    """A plan's default title for a region: 'Plan voor je knie' / 'Plan for your knee'."""
    nl, en = _REGION_WORDS.get(region, (region, region))
    return _pick(lang, f"Plan voor {nl}", f"Plan for {en}")


def patient_title(name: str, lang: str) -> str:
    """A blank plan's default title: 'Plan voor Jannie' / 'Plan for Jannie'."""
    return _pick(lang, f"Plan voor {name}", f"Plan for {name}")


def phase_name(number: int, lang: str) -> str:
    """A new phase's default name, numbered from 1: 'Fase 2' / 'Phase 2'."""
    return _pick(lang, f"Fase {number}", f"Phase {number}")


def wizard_phase(index: int, count: int, lang: str, *, balance: bool) -> tuple[str, str]:
    """Name and focus of phase `index` (0-based) of `count` in a wizard plan."""
    if index == 0:
        return (_pick(lang, "Begrijpen en rustig beginnen", "Understand and start calmly"),
                _pick(lang, "Begrijpen wat pijn is, rustig ademen en veilig bewegen.",
                      "Understanding pain, calm breathing and safe movement."))
    if index == count - 1 and count >= 3:
        return (_pick(lang, "Terug naar je dagelijkse leven", "Back to daily life"),
                _pick(lang, "Dezelfde oefeningen, iets meer, en je eigen doel oefenen.",
                      "The same exercises, a little more, and practising your own goal."))
    number = f" {index}" if count > 3 else ""
    extra = _pick(lang, " en balans", " and balance") if balance else ""
    return (_pick(lang, f"Opbouwen{number}", f"Building up{number}"),
            _pick(lang, f"Stap voor stap meer kracht{extra}.", f"Step by step more strength{extra}."))


def phase_criteria(mode: ProgressionMode, weeks: int, lang: str, *, last: bool = False) -> str:
    """When the patient moves on from a phase, in the rules of the plan's own mode (CLINICAL.md).

    The last phase has nothing to move on to: it says how the plan ends instead.
    """
    week_nl = "1 week" if weeks == 1 else f"{weeks} weken"
    week_en = "1 week" if weeks == 1 else f"{weeks} weeks"
    if last:
        return _pick(lang, f"Na {week_nl} bespreek je met je therapeut hoe je zelf verdergaat. "
                           "Houd je oefeningen tot dan vol.",
                     f"After {week_en} you and your therapist talk about how you carry on yourself. "
                     "Keep up your exercises until then.")
    if mode is ProgressionMode.TIME:
        return _pick(
            lang,
            f"Volgens schema: na {week_nl} ga je verder. Houd je aan je hoeveelheden, ook op een slechte dag. "
            f"Was de ochtend {WORSE_MORNINGS_TO_HOLD} dagen achter elkaar slechter? Dan blijven je hoeveelheden "
            "een week gelijk.",
            f"On schedule: you move on after {week_en}. Keep to your amounts, also on a bad day. "
            f"Was the morning worse {WORSE_MORNINGS_TO_HOLD} days in a row? Then your amounts stay the same for a week.",
        )
    limit = DEFAULT_BANDS.limit
    return _pick(
        lang,
        f"Na minstens {MIN_PHASE_WEEKS} weken ga je verder als de ochtend erna een week lang steeds "
        f"gewoon was. De pijn tijdens het oefenen blijft dan {limit} of lager.",
        f"After at least {MIN_PHASE_WEEKS} weeks you move on when, for a week, every next morning was as usual. "
        f"Pain during the exercises then stays at {limit} or lower.",
    )
