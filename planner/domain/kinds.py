"""The kinds of block and the vocabularies for body regions and equipment."""

from __future__ import annotations

from enum import StrEnum

from planner.languages import codes


class Kind(StrEnum):
    EDUCATION = "education"
    BREATHING = "breathing"
    MOBILITY = "mobility"
    BALANCE = "balance"
    STRENGTH = "strength"
    DAILY = "daily"


KIND_ORDER: tuple[Kind, ...] = tuple(Kind)

REGIONS: tuple[str, ...] = (
    "neck",
    "shoulder",
    "upper-back",
    "lower-back",
    "hip",
    "knee",
    "ankle",
    "whole-body",
)

EQUIPMENT: tuple[str, ...] = (
    "chair",
    "wall",
    "mat",
    "band",
    "weights",
    "step",
    "towel",
    "cushion",
    "table",
)

LANGUAGES: tuple[str, ...] = codes()  # data: resources/locale/languages.json

# Which dosage fields make sense for each kind: the inspector shows these, the handout words them.
DOSAGE_FIELDS: dict[Kind, tuple[str, ...]] = {
    Kind.EDUCATION: (),
    Kind.BREATHING: (
        "minutes",
        "breaths_per_minute",
        "inhale_seconds",
        "exhale_seconds",
        "times_per_day",
        "days_per_week",
    ),
    Kind.MOBILITY: ("sets", "reps", "hold_seconds", "times_per_day", "days_per_week", "pain_limit"),
    Kind.BALANCE: ("level", "sets", "hold_seconds", "times_per_day", "days_per_week", "pain_limit"),
    Kind.STRENGTH: (
        "level",
        "sets",
        "reps",
        "hold_seconds",
        "load_kg",
        "effort",
        "rest_seconds",
        "days_per_week",
        "pain_limit",
    ),
    Kind.DAILY: ("minutes", "times_per_day", "days_per_week", "pain_limit"),
}
