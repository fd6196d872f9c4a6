"""The one table of clinical thresholds and amounts.

Every number the program uses to judge a check-in, size a step or word a rule for the patient
lives here, and only here: the advice, the proposals, the plan checks, the inspector, the handout
texts and the tests read it. Source: CLINICAL.md, "The decisions the program follows" (second
edition): Silbernagel 2007 after Thomeé 1997 for the pain bands, Lindström 1992 / Lambeek 2007 for
graded activity, Vlaeyen for graded exposure.

Changing a value here changes every screen and every page at once; a test reads the handout and
the advice against this table.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

# --- One pain scale -------------------------------------------------------------------------
#: Default pain limit L during exercise (0-10). Green below L-1, amber L-1..L, red above L.
PAIN_LIMIT_DEFAULT = 5
#: Width of the amber band just under the limit: amber = L-1 .. L.
AMBER_WIDTH = 2
PAIN_SCALE_MAX = 10


@dataclass(frozen=True, slots=True)
class PainBands:
    """The traffic light for one pain limit: 0..green_max green, ..amber_max amber, above red."""

    limit: int = PAIN_LIMIT_DEFAULT

    @property
    def green_max(self) -> int:
        return max(self.limit - AMBER_WIDTH, -1)

    @property
    def amber_min(self) -> int:
        return self.green_max + 1

    @property
    def amber_max(self) -> int:
        return self.limit

    @property
    def red_min(self) -> int:
        return self.limit + 1


DEFAULT_BANDS = PainBands()

# --- Review windows ----------------------------------------------------------------------------
#: The "recent" window for counting red check-ins and adherence.
RECENT_DAYS = 7
#: Two red check-ins within RECENT_DAYS (after the last step back) mean a step back.
RED_COUNT_STEP_BACK = 2
#: Morning-pain trend: compare the mean of the last 7 days with the 7 days before.
TREND_WINDOW_DAYS = 7
#: Each trend window needs at least this many morning-pain ratings.
TREND_MIN_RATINGS = 3
#: A rise of the 7-day mean morning pain by this much or more: step back.
TREND_STEP_BACK_RISE = 2
#: A rise of this much (but less than the step-back rise): no progress this time.
TREND_NO_PROGRESS_RISE = 1

# --- Too little to judge -----------------------------------------------------------------------
#: Fewer check-ins with a morning answer than this: too little to judge.
MIN_CHECKINS_TO_JUDGE = 3
#: Less than this many days between the first and the newest check-in: too little to judge.
MIN_SPAN_DAYS = 7
#: The newest check-in older than this: too little to judge.
STALE_DAYS = 14
#: Fewer than this share of planned sessions done: too little to judge (adherence).
MIN_ADHERENCE = 0.6

# --- Progress -----------------------------------------------------------------------------------
#: At least this share of amber check-ins (with settled mornings, none red) gives a half step.
HALF_STEP_AMBER_SHARE = 0.5
#: The weekly cap on growth of load, a heuristic the therapist may change per plan.
WEEKLY_CAP_PCT = 10
#: Age from which a patient counts as an older adult: half steps, large print, support in reach.
OLDER_ADULT_AGE = 65
#: Hours between strength sessions for the same muscles for older adults.
OLDER_ADULT_STRENGTH_REST_HOURS = (48, 72)

# --- Step back ----------------------------------------------------------------------------------
#: Volume-dosed blocks step back to this share of the last tolerated amount (rounded down to the
#: block's step, and at least one step less).
STEP_BACK_SHARE = 0.75
#: At most one step back in this many days.
STEP_BACK_MIN_DAYS = 7
#: A second step back within this many days is "review with the therapist", not another cut.
SECOND_STEP_BACK_REVIEW_DAYS = 14
#: Settled check-ins after a step back before the dose returns to where it was before the flare.
SETTLED_TO_RESUME = 2
#: The restored dose is held this many days before the plan goes on.
RESUME_HOLD_DAYS = 7
#: The patient's rule for calling: still red this many days after a step back (a step back lasts
#: at least STEP_BACK_MIN_DAYS, so this is the first moment it has had its chance).
CALL_AFTER_DAYS = STEP_BACK_MIN_DAYS

# --- Breaks -------------------------------------------------------------------------------------
#: Days without sessions after which the plan restarts lower.
BREAK_DAYS = 14
#: The restart dose after a break, as a share of the last dose.
BREAK_RESTART_SHARE = 0.75

# --- Time-contingent plans (graded activity) ----------------------------------------------------
#: First quota as a share of the baseline (what the patient manages on an average day).
QUOTA_START_SHARE = (0.7, 0.8)
#: The quota is held (for at most one week) after a worse morning on this many consecutive days.
WORSE_MORNINGS_TO_HOLD = 3
#: Weeks a quota is held at most before the schedule goes on (one week later, no catching up).
HOLD_WEEKS = 1
#: A week's quota is missed when fewer than this share of planned sessions were done.
QUOTA_MISSED_SHARE = 0.5
#: A quota missed this many weeks in a row: review with the therapist.
QUOTA_MISSED_REVIEW = 2
#: Sessions over which the baseline is measured.
BASELINE_SESSIONS = 3

# --- Graded exposure ----------------------------------------------------------------------------
EXPOSURE_SCALE_MAX = 100
#: The ladder starts at the rung rated about this (expected harm 0-100).
EXPOSURE_START_RATING = 30
#: Move on when the expected harm has fallen to this share of its first rating, or below ...
EXPOSURE_MOVE_ON_SHARE = 0.5
#: ... or to this value or below.
EXPOSURE_MOVE_ON_MAX = 20

# --- The roadmap --------------------------------------------------------------------------------
#: Minimum weeks in a phase before moving on; also the shortest phase (phases <= weeks / 2).
MIN_PHASE_WEEKS = 2
#: First-week dose of an exercise in the next phase: at most the last tolerated dose + this share.
MOVE_ON_CAP_PCT = 10
#: Exercises a session (breathing, mobility, balance and strength count).
SESSION_EXERCISES = (3, 6)


class Progression(StrEnum):
    """How a block progresses: only load grows by percentage."""

    VOLUME = "volume"  # repetitions, sets, holds, minutes: grows within the weekly cap
    LEVEL = "level"  # a ladder of variants: one rung at a time
    RUNG = "rung"  # an exposure ladder: moves by the expected-harm rule
    NONE = "none"  # education, sleep, relaxation, breathing: repeated or replaced by the therapist


class RedFlag(StrEnum):
    """The "something new?" question of every check-in and diary week."""

    SADDLE = "saddle"
    BLADDER_BOWEL = "bladder-bowel"
    SPREADING_WEAKNESS = "spreading-weakness"
    FEVER = "fever"
    WEIGHT_LOSS = "weight-loss"
    NIGHT_PAIN = "night-pain"
    FALL = "fall"
    CHEST = "chest"

    @property
    def same_day_medical_care(self) -> bool:
        """Saddle numbness or a bladder/bowel change: GP or out-of-hours GP post the same day."""
        return self in (RedFlag.SADDLE, RedFlag.BLADDER_BOWEL)

# --- Plan checks (warnings, never blocks) -------------------------------------------------------
#: One session of a phase taking longer than this many minutes is a lot.
SESSION_MINUTES_MAX = 45
#: Strength for the same muscles on at most this many days a week (48-72 hours rest: 2-3 days).
STRENGTH_DAYS_MAX = 3

# --- Step sizes (added for the review engine) ----------------------------------------------------
#: A half step grows by this share of a full step (older adults always take half steps).
HALF_STEP_SHARE = 0.5
#: The smallest change of each volume field ("the block's step"): a step back rounds down to it and
#: is at least one of it less; a half step is at least one of it more.
VOLUME_STEP = {"reps": 1, "hold_seconds": 5, "minutes": 1}
#: Holds under this many seconds step by 1 s instead of VOLUME_STEP["hold_seconds"].
SMALL_HOLD_SECONDS = 10
#: The smallest amount of each volume field (the floor of a step back).
VOLUME_FLOOR = {"reps": 1, "hold_seconds": 5, "minutes": 1}
#: Days of the data window a review looks back from the newest check-in.
WINDOW_DAYS = 14
#: Confidence in moving (0-10) at or below this is named as low in the review's reasons.
LOW_CONFIDENCE = 3

#: The most diary pages (weeks) one handout prints: half a year (settings, the `export` command).
DIARY_WEEKS_MAX = 26
