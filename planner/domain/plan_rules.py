"""The plan's rules for the patient, as message data the handout prints (one truth with the review).

`rules_for_patient(mode, bands, older_adult)` returns a list of (key, params): the handout looks
each key up in its own text table (Dutch and English) and fills in the params. Every number comes
from `planner.domain.thresholds`, the same table the review reads, so the advice, the proposal and
the handout cannot say different things. Keys:

- time-contingent plans: `time.keep_quota` (keep to this week's quota, no more on a good day),
  `time.bad_day` (one bad day is expected: keep to the quota), `time.worse_mornings` (after
  {mornings} worse mornings in a row the quota stays {hold_weeks} week; call if unsure),
  `time.missed_week` (fewer than {missed_pct} % of the week's sessions: repeat the week).
- pain-contingent plans: `pain.traffic_light` (green 0-{green_max}, amber {amber_min}-{amber_max},
  red above {amber_max} or a worse next morning), `pain.green` (carry on), `pain.amber` (allowed:
  keep going, mild pain helps recovery), `pain.red` (step back: {step_back_pct} % of the amount or one
  level down; keep moving), `pain.red_twice` (two red days in {recent_days} days: step back).
- pain-contingent also `step_back.amount` ({step_back_pct} %, or one level down, never both).
- both: `break.restart` (after
  {break_days} days without exercises start at {restart_pct} %), `red_flags` (the flags: call today;
  {same_day} same day medical care), and for older adults `older.half_steps` and `older.support`.
"""

from __future__ import annotations

from typing import Any

from planner.domain.model import ProgressionMode
from planner.domain.thresholds import (
    BREAK_DAYS,
    BREAK_RESTART_SHARE,
    DEFAULT_BANDS,
    HOLD_WEEKS,
    QUOTA_MISSED_SHARE,
    RECENT_DAYS,
    RED_COUNT_STEP_BACK,
    STEP_BACK_SHARE,
    WORSE_MORNINGS_TO_HOLD,
    PainBands,
    RedFlag,
)

Rule = tuple[str, dict[str, Any]]


def _pct(share: float) -> int:
    return round(share * 100)


def rules_for_patient(mode: ProgressionMode | str, bands: PainBands = DEFAULT_BANDS,
                      older_adult: bool = False) -> list[Rule]:
    """The rules the handout prints for a plan of `mode` (see the module docstring for the keys)."""
    mode = ProgressionMode(mode)
    rules: list[Rule] = []
    if mode is ProgressionMode.TIME:
        rules += [
            ("time.keep_quota", {}),
            ("time.bad_day", {}),
            ("time.worse_mornings", {"mornings": WORSE_MORNINGS_TO_HOLD, "hold_weeks": HOLD_WEEKS}),
            ("time.missed_week", {"missed_pct": _pct(QUOTA_MISSED_SHARE)}),
        ]
    else:
        light = {"green_max": bands.green_max, "amber_min": bands.amber_min, "amber_max": bands.amber_max}
        rules += [
            ("pain.traffic_light", light),
            ("pain.green", {}),
            ("pain.amber", {"amber_min": bands.amber_min, "amber_max": bands.amber_max}),
            ("pain.red", {"amber_max": bands.amber_max, "step_back_pct": _pct(STEP_BACK_SHARE)}),
            ("pain.red_twice", {"count": RED_COUNT_STEP_BACK, "recent_days": RECENT_DAYS}),
            ("step_back.amount", {"step_back_pct": _pct(STEP_BACK_SHARE)}),
        ]
    rules += [
        ("break.restart", {"break_days": BREAK_DAYS, "restart_pct": _pct(BREAK_RESTART_SHARE)}),
        ("red_flags", {"flags": [f.value for f in RedFlag],
                       "same_day": [f.value for f in RedFlag if f.same_day_medical_care]}),
    ]
    if older_adult:
        rules += [("older.half_steps", {}), ("older.support", {})]
    return rules
