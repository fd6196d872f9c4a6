"""Graded exposure (Vlaeyen): a ladder for one feared activity, inside a plan of either mode.

The patient rates the feared activity and its rungs 0-100; the ladder starts at the rung rated
about 30. The first time at each rung is practised in the practice (the therapist ticks it). The
patient moves on when the harm they expect from the rung has fallen by at least half since the first
rating at that rung, or to 20 or below. The ratings of a rung are those after the day the patient
moved on to it (`since`; that day's rating still belonged to the rung before).
Pain bands do not drive the ladder; red flags stop it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from planner.domain.messages import Msg, msg, worded
from planner.domain.model import CheckInView, ExposureLadder, Rung
from planner.domain.thresholds import (
    EXPOSURE_MOVE_ON_MAX,
    EXPOSURE_MOVE_ON_SHARE,
    EXPOSURE_START_RATING,
)


def start_rung(ratings: Sequence[int]) -> int:
    """The rung rated closest to about 30 (the lower one on a tie)."""
    if not ratings:
        return 0
    return min(range(len(ratings)), key=lambda i: (abs(ratings[i] - EXPOSURE_START_RATING), ratings[i]))


def new_ladder(activity: str, activity_rating: int, rungs: Sequence[tuple[str, int]], *,
               since: dt.date | None = None) -> ExposureLadder:
    """A ladder in rating order, starting at the rung rated about 30."""
    ordered = sorted(rungs, key=lambda r: r[1])
    ladder = tuple(Rung(name, rating) for name, rating in ordered)
    return ExposureLadder(activity, activity_rating, ladder, start_rung([r.rating for r in ladder]), since)


def ladder_for(table: dict[str, Any], activity: str, rating: int, lang: str, *,
               since: dt.date | None = None) -> ExposureLadder | None:
    """The ladder for a known `activity` from the library's exposure table (`exposure.json`): the
    activity rated `rating` by the patient, each rung first rated as its share of that (None when the
    table does not know the activity)."""
    entry = (table.get("activities") or {}).get(activity)
    if not isinstance(entry, dict) or not entry.get("rungs"):
        return None
    lang = lang if lang in entry.get("name", {}) else "en"
    rungs = [(str(r[lang] if lang in r else r["en"]), max(0, min(100, round(rating * float(r["share"])))))
             for r in entry["rungs"]]
    return new_ladder(str(entry["name"][lang]), rating, rungs, since=since)


@dataclass(frozen=True, slots=True)
class ExposureStatus:
    rung: int
    rung_name: str
    first: int | None  # the first expected-harm rating at this rung
    latest: int | None
    practised: bool  # the first time at this rung was done in the practice
    move_on: bool
    next_rung: int | None
    reason_message: Msg

    def reason(self, lang: str) -> str:
        """Why, worded in `lang`."""
        return worded(self.reason_message, lang)


def exposure_status(ladder: ExposureLadder, checkins: Sequence[CheckInView], *, stopped: bool = False) -> ExposureStatus:
    """Where the patient is on the ladder and whether to move on (never when `stopped`: a red flag)."""
    rung = ladder.rungs[ladder.current]
    ratings = [c.expected_harm for c in sorted(checkins, key=lambda c: (c.date, c.id))
               if c.expected_harm is not None and (ladder.since is None or c.date > ladder.since)]
    first = ratings[0] if ratings else None
    latest = ratings[-1] if ratings else None
    nxt = ladder.current + 1 if ladder.current + 1 < len(ladder.rungs) else None
    fallen = first is not None and latest is not None and len(ratings) >= 2 and (
        latest <= first * EXPOSURE_MOVE_ON_SHARE or latest <= EXPOSURE_MOVE_ON_MAX)
    move = fallen and rung.practised and not stopped and nxt is not None
    if stopped:
        why = msg("Ladder paused: the red flag comes first.")
    elif not rung.practised:
        why = msg("Rung ‘{rung}’: practise it once together in the practice first.", rung=rung.name)
    elif move:
        assert nxt is not None  # `move` needs a next rung
        why = msg("Expected harm of ‘{rung}’ fell from {first} to {latest}: on to ‘{next}’ (first together in the "
                  "practice).", rung=rung.name, first=first, latest=latest, next=ladder.rungs[nxt].name)
    elif fallen and nxt is None:
        why = msg("Top rung reached: the feared activity is done.")
    else:
        why = msg("Rung ‘{rung}’: expected harm now {latest}; move on when it has halved or is {most} or lower.",
                  rung=rung.name, latest="–" if latest is None else latest, most=EXPOSURE_MOVE_ON_MAX)
    return ExposureStatus(ladder.current, rung.name, first, latest, rung.practised, move, nxt if move else None, why)
