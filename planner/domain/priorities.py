"""Clinical priorities: which exercises a physiotherapist would choose first, per region and goal.

The data lives in the library (`resources/library/priorities.json`, described in FORMAT.md) and
is read through the store; this module holds its shape and the questions the wizard asks of it.
A region lists, per kind, block keys from most to least wanted; an activity (a goal or feared
activity such as bending) puts its own keys in front. `requires` keeps a block out of a plan
until one of the blocks it names was in an earlier phase (no overhead work before the rotator
cuff has been trained). Keys the library does not hold are passed over, so a clinic whose
library lacks a block still gets a plan.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from planner.domain.dosage import Dosage
from planner.domain.kinds import REGIONS, Kind
from planner.domain.model import ProgressionMode

PICKED_KINDS = (Kind.BREATHING, Kind.MOBILITY, Kind.STRENGTH, Kind.BALANCE, Kind.DAILY)


@dataclass(frozen=True, slots=True)
class Choice:
    """Block keys per kind in order of clinical priority, and start dosages that differ from the block's."""

    order: Mapping[Kind, tuple[str, ...]] = field(default_factory=dict)
    start: Mapping[str, Dosage] = field(default_factory=dict)

    def keys(self, kind: Kind) -> tuple[str, ...]:
        return tuple(self.order.get(kind, ()))


@dataclass(frozen=True, slots=True)
class Activity:
    """A goal or feared activity the wizard knows (bending, lifting, ...): its name and priorities."""

    key: str
    name: Mapping[str, str]
    choice: Choice

    def title(self, lang: str) -> str:
        return self.name.get(lang) or self.name.get("en") or self.key


@dataclass(frozen=True, slots=True)
class Priorities:
    """The whole priorities file, parsed."""

    regions: Mapping[str, Choice] = field(default_factory=dict)
    activities: Mapping[str, Activity] = field(default_factory=dict)
    education: Mapping[ProgressionMode, tuple[str, ...]] = field(default_factory=dict)
    requires: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    version: int = 0

    def order(self, kind: Kind, region: str, activity: str | None = None) -> tuple[str, ...]:
        """Keys of `kind` for a region (and an activity's first), best first, without repeats."""
        keys: list[str] = []
        if activity is not None and activity in self.activities:
            keys += self.activities[activity].choice.keys(kind)
        if region in self.regions:
            keys += self.regions[region].keys(kind)
        return tuple(dict.fromkeys(keys))

    def start(self, key: str, region: str) -> Dosage | None:
        """The region's start dosage for a block (None: the block's own)."""
        choice = self.regions.get(region)
        return choice.start.get(key) if choice else None

    def allowed(self, key: str, earlier: set[str] | frozenset[str]) -> bool:
        """True when the block needs nothing first, or one of its prerequisites was in an earlier phase."""
        needed = self.requires.get(key)
        return not needed or any(k in earlier for k in needed)


def _keys(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(k, str) and k for k in value):
        raise ValueError(f"{where}: a list of block keys is expected")
    return tuple(value)


def _choice(data: Mapping[str, Any], where: str) -> Choice:
    order = {kind: _keys(data[kind.value], f"{where}.{kind.value}") for kind in PICKED_KINDS if kind.value in data}
    start = data.get("start", {})
    if not isinstance(start, dict):
        raise ValueError(f"{where}.start: an object of block key -> dosage is expected")
    return Choice(order=order, start={key: Dosage.from_dict(d) for key, d in start.items()})


def parse_priorities(data: Mapping[str, Any]) -> Priorities:
    """Priorities from the file's JSON; a malformed file raises ValueError naming the place."""
    regions = {}
    for region, entry in dict(data.get("regions", {})).items():
        if region not in REGIONS:
            raise ValueError(f"regions.{region}: unknown region")
        regions[region] = _choice(entry, f"regions.{region}")
    activities = {}
    for key, entry in dict(data.get("activities", {})).items():
        name = entry.get("name", {})
        if not isinstance(name, dict):
            raise ValueError(f"activities.{key}.name: an object of language -> name is expected")
        activities[key] = Activity(key=key, name=dict(name), choice=_choice(entry, f"activities.{key}"))
    education = {ProgressionMode(mode): _keys(keys, f"education.{mode}")
                 for mode, keys in dict(data.get("education", {})).items()}
    requires = {key: _keys(keys, f"requires.{key}") for key, keys in dict(data.get("requires", {})).items()}
    return Priorities(regions=regions, activities=activities, education=education, requires=requires,
                      version=int(data.get("version", 0)))
