"""Translated names for the domain's vocabularies: kinds, regions, equipment, statuses, dosage fields."""

from __future__ import annotations

from planner.domain.dosage import FIELD_LABELS
from planner.domain.kinds import Kind
from planner.domain.model import PlanStatus
from planner.i18n import N_, SUPPORTED, _, translation

_KINDS = {
    Kind.EDUCATION: N_("Education"),
    Kind.BREATHING: N_("Breathing"),
    Kind.MOBILITY: N_("Mobility"),
    Kind.BALANCE: N_("Balance"),
    Kind.STRENGTH: N_("Strength"),
    Kind.DAILY: N_("Daily life"),
}

_REGIONS = {
    "neck": N_("Neck"),
    "shoulder": N_("Shoulder"),
    "upper-back": N_("Upper back"),
    "lower-back": N_("Lower back"),
    "hip": N_("Hip"),
    "knee": N_("Knee"),
    "ankle": N_("Ankle"),
    "whole-body": N_("Whole body"),
}

_EQUIPMENT = {
    "chair": N_("Chair"),
    "wall": N_("Wall"),
    "mat": N_("Mat"),
    "band": N_("Elastic band"),
    "weights": N_("Weights"),
    "step": N_("Step"),
    "towel": N_("Towel"),
    "cushion": N_("Cushion"),
    "table": N_("Table"),
}

_STATUS = {
    PlanStatus.DRAFT: N_("Draft"),
    PlanStatus.ACTIVE: N_("Active"),
    PlanStatus.FINISHED: N_("Finished"),
}

# What every block but education is, in the therapist's own word: `oefening knie` finds the knee exercises.
_EXERCISE = N_("Exercise")

# Colours per kind: distinct in hue and lightness, so they also differ in grey; always paired with an icon.
KIND_COLOURS = {
    Kind.EDUCATION: "#3f6fb5",
    Kind.BREATHING: "#23867a",
    Kind.MOBILITY: "#4f8f2f",
    Kind.BALANCE: "#8552b0",
    Kind.STRENGTH: "#c56a1c",
    Kind.DAILY: "#9a7a2e",
}


def kind_name(kind: Kind | str) -> str:
    return _(_KINDS.get(Kind(kind), str(kind)))


def region_name(region: str) -> str:
    return _(_REGIONS[region]) if region in _REGIONS else region


def equipment_name(equipment: str) -> str:
    return _(_EQUIPMENT[equipment]) if equipment in _EQUIPMENT else equipment


def status_name(status: PlanStatus | str) -> str:
    return _(_STATUS.get(PlanStatus(status), str(status)))


def field_label(name: str) -> str:
    """The dosage field's label in the UI language."""
    label = FIELD_LABELS.get(name)
    return _(label) if label else name


def block_words(kind: Kind | str, regions: tuple[str, ...] | list[str],
                equipment: tuple[str, ...] | list[str]) -> dict[str, list[str]]:
    """A block's kind, body regions and equipment named in every language (for the search, which
    finds Dutch and English words whatever the program's language)."""
    out: dict[str, list[str]] = {}
    kind_text = _KINDS.get(Kind(kind))
    for lang in SUPPORTED:
        tr = translation(lang).gettext
        names = [tr(kind_text)] if kind_text else []
        if Kind(kind) is not Kind.EDUCATION:
            names.append(tr(_EXERCISE))
        names += [tr(_REGIONS[r]) for r in regions if r in _REGIONS]
        names += [tr(_EQUIPMENT[e]) for e in equipment if e in _EQUIPMENT]
        out[lang] = names
    return out
