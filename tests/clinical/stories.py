"""The table of patient stories: mode, age, dated check-ins in; advice, step, proposal action and a
physiotherapist's one-line reason out. Day 0 is the plan's start (Monday 2 March 2026); phases are
3 weeks; `today` is the day of the review; `log` holds reviews accepted earlier (day, action).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tests.clinical.helpers import c, days


@dataclass(frozen=True)
class Story:
    name: str
    mode: str
    age: int
    checkins: list
    today: int
    advice: str
    step: str | None
    action: str
    reason: str
    log: tuple = ()
    current: int = 0
    exposure: dict | None = None
    expect_exposure_move: bool | None = None
    extra: dict = field(default_factory=dict)


LADDER = {"activity": "bending", "rungs": [("bend to the knees", 30), ("pick up a sock", 50),
                                           ("pick up a crate", 80)]}

STORIES = [
    # ---- pain-contingent -------------------------------------------------------------------------
    Story("green week, one week in", "pain", 45, days(0, 7, 2, 2) + [c(7, 2)], 8, "progress", "full", "stay",
          "A week green with settled mornings: a small step, but not yet two weeks in the phase."),
    Story("green two weeks", "pain", 45, days(0, 14, 3, 2) + [c(14, 2)], 15, "progress", "full", "move-on",
          "Two weeks green and settled: move on to the planned next phase."),
    Story("finding 2: amber four days, mornings the same", "pain", 45, [c(0, 4), c(3, 4), c(6, 4), c(9, 4)], 10,
          "progress", "half", "stay",
          "Pain 4 is acceptable and mornings are settled: a half step, not standing still."),
    Story("amber two weeks settled", "pain", 45, days(0, 15, 3, 4), 16, "progress", "half", "move-on",
          "Mostly amber with settled mornings for two weeks: half a step into the next phase."),
    Story("mostly green, one amber", "pain", 45, [c(0, 2), c(3, 4), c(6, 2), c(9, 3)], 10, "progress", "full",
          "stay", "Mostly green, one amber day, settled mornings: a full step."),
    Story("newest red by pain", "pain", 45, [c(0, 2), c(3, 3), c(6, 7)], 7, "step-back", None, "step-back",
          "Pain 7 during the exercises is above the limit: step back and keep moving."),
    Story("newest red by a worse morning", "pain", 45, [c(0, 2), c(3, 3), c(6, 3, "worse")], 7, "step-back",
          None, "step-back", "Worse the next morning: the load was too much, step back."),
    Story("two reds in seven days, newest green", "pain", 45, [c(0, 2), c(4, 6), c(6, 7), c(8, 2)], 9,
          "step-back", None, "step-back", "Two red days within a week: step back even though today was fine."),
    Story("red flag on a green day", "pain", 45, [c(0, 2), c(3, 2), c(6, 2, flags=("fever",))], 7, "stop", None,
          "none", "Fever is a red flag: no progression, call the therapist today."),
    Story("saddle numbness", "pain", 45, [c(0, 2), c(2, 3, flags=("saddle",))], 3, "stop", None, "none",
          "Saddle numbness: medical care the same day, nothing else matters now."),
    Story("finding 3: morning pain creeps up by 2", "pain", 45,
          [c(d, 2, mp=2) for d in (0, 2, 4)] + [c(d, 2, mp=m) for d, m in ((7, 4), (9, 4), (11, 5))], 12,
          "step-back", None, "step-back",
          "Morning pain rose two points in a week although pain during is low: step back."),
    Story("morning pain up by 1", "pain", 45,
          [c(d, 2, mp=2) for d in (0, 2, 4)] + [c(d, 2, mp=3) for d in (7, 9, 11)], 12, "continue", None, "none",
          "Morning pain up one point: hold off progressing this time."),
    Story("two check-ins only", "pain", 45, [c(0, 2), c(7, 2)], 8, "continue", None, "none",
          "Two check-ins are too few to judge: continue as planned."),
    Story("three check-ins in four days", "pain", 45, [c(0, 2), c(2, 2), c(4, 2)], 5, "continue", None, "none",
          "Less than a week of data: continue as planned."),
    Story("too few sessions done", "pain", 45, days(0, 9, 3, 2, done=2, planned=5), 10, "continue", None, "none",
          "Only 40 % of the sessions done: continue and talk about what got in the way."),
    Story("newest check-in three weeks old", "pain", 45, days(0, 9, 3, 2), 31, "continue", None, "none",
          "The last news is three weeks old: ask how things are before changing anything."),
    Story("a morning not known", "pain", 45, [c(0, 2), c(3, 2, "unknown"), c(6, 2), c(9, 2)], 10, "continue",
          None, "none", "An unknown morning is not a settled one: continue."),
    Story("step back followed by settled days", "pain", 45, [c(4, 7), c(9, 2), c(11, 2)], 14, "continue", None,
          "stay", "Two settled check-ins a week after the step back: back to the dose before the flare.",
          log=((6, "step-back"),)),
    Story("step back, one settled day so far", "pain", 45, [c(4, 7), c(9, 2)], 14, "continue", None, "none",
          "One settled day after the step back is not enough yet: stay at the lower dose.",
          log=((6, "step-back"),)),
    Story("second step back within 14 days", "pain", 45, [c(4, 7), c(10, 7)], 11, "review", None, "none",
          "A second flare within two weeks: not another cut, look at it together.",
          log=((6, "step-back"),)),
    Story("a new flare after more than 14 days", "pain", 45, [c(4, 7), c(9, 2), c(13, 2), c(17, 2), c(21, 7)], 22, "step-back", None,
          "step-back", "A new flare three weeks after the last step back: step back again.",
          log=((6, "step-back"),)),
    Story("break of 14 days", "pain", 45, [c(0, 2), c(3, 2), c(10, 2, done=0), c(17, 2, done=0)], 18,
          "step-back", None, "step-back",
          "Two diary weeks with no sessions done: restart at three quarters of the last dose."),
    Story("a gap in check-ins is not a break", "pain", 45, [c(0, 2), c(3, 2), c(20, 2)], 21, "continue", None,
          "none", "No check-ins for 17 days is not proof of a break: too little to judge, ask first."),
    Story("a red check-in 29 days old", "pain", 45, [c(0, 2), c(3, 2), c(6, 7)], 35, "continue", None, "none",
          "The red day is four weeks old: ask how things are now before any step back."),
    Story("fever seen by the therapist, green since", "pain", 45,
          [c(0, 2, flags=("fever",))] + days(2, 12, 2, 2), 13, "progress", "full", "stay",
          "The therapist saw the fever flag; six green check-ins since: a small step.",
          log=((1, "flags-seen"),)),
    Story("fever not yet seen, green since", "pain", 45, [c(0, 2, flags=("fever",))] + days(2, 12, 2, 2), 13,
          "stop", None, "none", "The fever flag was not dealt with yet: it still stops the plan."),
    Story("a new flag after the therapist saw the last", "pain", 45,
          [c(0, 2, flags=("fever",))] + days(2, 8, 2, 2) + [c(10, 2, flags=("night-pain",))], 11, "stop", None,
          "none", "Constant night pain is new since the fever was seen: stop again.", log=((1, "flags-seen"),)),
    Story("older adult green two weeks", "pain", 72, days(0, 15, 3, 2), 16, "progress", "half", "move-on",
          "At 72 the steps are half steps, even when every day was green."),
    Story("older adult mostly amber", "pain", 72, [c(0, 4), c(3, 5), c(6, 4), c(9, 2)], 10, "progress", "half",
          "stay", "Older and mostly amber: still a half step, not a quarter."),
    Story("amber and red in one week", "pain", 45, [c(0, 4), c(2, 5), c(4, 6)], 5, "step-back", None,
          "step-back", "Amber then red in the same week: the newest is red, so step back."),
    Story("one red ten days ago, settled since", "pain", 45, [c(0, 7), c(3, 2), c(6, 2), c(10, 2)], 11,
          "continue", None, "none", "One red day ten days ago and settled since: no step back, but no step up yet."),
    Story("a week after the resume", "pain", 45, [c(4, 7), c(15, 2), c(17, 2)], 18, "continue", None, "none",
          "Back at the dose before the flare for a week before the plan goes on.",
          log=((6, "step-back"), (14, "resume"))),
    # ---- time-contingent -------------------------------------------------------------------------
    Story("finding 1: one bad day in graded activity", "time", 45, [c(0, 3), c(1, 3), c(2, 7, "worse")], 3,
          "continue", None, "none", "One bad day is expected in graded activity: keep to the quota."),
    Story("three worse mornings in a row", "time", 45, [c(5, 3, "worse"), c(6, 4, "worse"), c(7, 3, "worse")], 8,
          "hold", None, "stay", "Three worse mornings on consecutive days: hold this week's quota one more week."),
    Story("three worse mornings, not in a row", "time", 45, [c(3, 3, "worse"), c(5, 3, "worse"), c(7, 3, "worse")],
          8, "continue", None, "none", "Worse mornings on separate days are not a reason to hold: keep to the quota."),
    Story("quota missed", "time", 45, days(7, 13, 2, 3, done=1, planned=5), 14, "hold", None, "stay",
          "Fewer than half the sessions done: repeat this week, no catching up."),
    Story("quota missed twice", "time", 45, days(8, 13, 2, 3, done=1, planned=5), 14, "review", None, "none",
          "The quota was missed two weeks in a row: talk about what gets in the way.",
          log=((7, "repeat"),)),
    Story("red flag in graded activity", "time", 45, [c(0, 2), c(3, 2, flags=("chest",))], 4, "stop", None,
          "none", "Chest pain or breathlessness stops the plan: call today."),
    Story("phase done on schedule", "time", 45, days(14, 20, 2, 3), 21, "progress", "full", "move-on",
          "Three weeks done on schedule: move on to the next planned phase."),
    Story("older adult, phase done", "time", 70, days(14, 20, 2, 3), 21, "progress", "half", "move-on",
          "Phase done on schedule; at 70 the next phase starts with half a step."),
    Story("high pain holds the move-on, quotas stay", "time", 45, days(14, 20, 2, 8), 21, "continue", None, "stay",
          "Pain 8 at every session: keep the quotas, but talk before moving on to a heavier phase."),
    Story("break of 14 days in graded activity", "time", 45, [c(0, 3), c(8, 3, done=0), c(15, 3, done=0)], 16,
          "step-back", None, "step-back", "Over two weeks without exercise: restart at three quarters of the last quota."),
    Story("a gap in check-ins in graded activity", "time", 45, [c(0, 3), c(16, 3)], 17, "continue", None, "none",
          "Sixteen days without news is not a break: ask whether the sessions went on."),
    Story("a second hold right after a hold", "time", 45,
          [c(15, 3, "worse"), c(16, 4, "worse"), c(17, 3, "worse")], 18, "review", None, "none",
          "Worse mornings again right after a held week: a quota is held at most one week; look together.",
          log=((14, "hold"),)),
    Story("sessions not reported are not missed", "time", 45, days(7, 13, 2, 3, done=0, planned=0), 14,
          "continue", None, "none", "The diary does not say how many sessions: unknown, not missed and not done."),
    Story("adherence per calendar week", "time", 45, [c(4, 3, done=0, planned=5), c(7, 3, done=2, planned=2)], 8,
          "continue", None, "none", "This calendar week both planned sessions were done: no repeat."),
    Story("last phase done", "time", 45, days(56, 62, 2, 3), 63, "progress", "full", "none",
          "The last phase is done: talk about the goal rather than add load.", current=2),
    Story("a hold moved the schedule", "time", 45, days(15, 20, 2, 3), 21, "continue", None, "none",
          "A held week moves the schedule one week later: not yet time to move on.", log=((14, "hold"),)),
    # ---- exposure ---------------------------------------------------------------------------------
    Story("exposure: expected harm halved", "pain", 45, [c(0, 2, harm=60), c(4, 2, harm=40), c(8, 2, harm=25)],
          9, "progress", "full", "stay", "Expected harm of bending fell from 60 to 25: on to the next rung.",
          exposure=LADDER, expect_exposure_move=True),
    Story("exposure: harm still high", "time", 45, [c(0, 3, harm=60), c(4, 3, harm=45)], 5, "continue", None,
          "none", "Expected harm fell only a quarter: stay on this rung.", exposure=LADDER,
          expect_exposure_move=False),
    Story("exposure paused by a red flag", "pain", 45,
          [c(0, 2, harm=60), c(4, 2, harm=20, flags=("spreading-weakness",))], 5, "stop", None, "none",
          "Spreading weakness comes first: the ladder waits.", exposure=LADDER, expect_exposure_move=False),
]
STORIES = [s for s in STORIES if not s.extra.get("skip")]
