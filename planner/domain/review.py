"""The review of a plan from its check-ins, in the spec's order, for both modes.

CLINICAL.md, "The decisions the program follows": red flags stop everything; pain-contingent
plans step back, continue or progress (a half step when at least half the check-ins were amber);
time-contingent plans keep their quotas whatever the pain and hold only for a red flag or three
worse mornings on consecutive days, and repeat a week whose quota was missed. Every number comes
from `planner.domain.thresholds`. The result says what to do (`outcome`, `step`) and why (reasons
as messages, worded where shown); `planner.domain.roadmap` turns it into a proposal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from planner.domain import checkin_signals as signals
from planner.domain.messages import Joined, Msg, msg, nmsg, percent, worded
from planner.domain.model import CheckInView, NextMorning, PlanView, ProgressionMode, ReviewEntry
from planner.domain.monitoring import Light, checkin_light
from planner.domain.review_words import flag_words, outcome_headline
from planner.domain.schedule import current_phase, older_adult, phase_started, schedule_week
from planner.domain.thresholds import (
    BREAK_DAYS,
    DEFAULT_BANDS,
    HALF_STEP_AMBER_SHARE,
    LOW_CONFIDENCE,
    MIN_ADHERENCE,
    MIN_CHECKINS_TO_JUDGE,
    MIN_PHASE_WEEKS,
    MIN_SPAN_DAYS,
    OLDER_ADULT_AGE,
    PAIN_SCALE_MAX,
    QUOTA_MISSED_SHARE,
    RECENT_DAYS,
    RED_COUNT_STEP_BACK,
    RESUME_HOLD_DAYS,
    SECOND_STEP_BACK_REVIEW_DAYS,
    SETTLED_TO_RESUME,
    STALE_DAYS,
    STEP_BACK_MIN_DAYS,
    TREND_NO_PROGRESS_RISE,
    TREND_STEP_BACK_RISE,
    WINDOW_DAYS,
    WORSE_MORNINGS_TO_HOLD,
    PainBands,
    RedFlag,
)

STEP_BACK_ACTIONS = ("step-back", "restart")
#: Confidence in moving is rated on the same 0-10 scale as pain.
CONFIDENCE_MAX = PAIN_SCALE_MAX
#: The review-log action "the therapist has seen the red flags": only flags reported after it stop.
FLAGS_SEEN = "flags-seen"


class Outcome(StrEnum):
    """The outcomes of a review (CLINICAL.md)."""

    PROGRESS = "progress"
    CONTINUE = "continue"
    HOLD = "hold"
    STEP_BACK = "step-back"
    STOP = "stop"
    REVIEW = "review"

    @property
    def rank(self) -> int:
        """How progressive: stop 0 < step back, review 1 < hold 2 < continue 3 < progress 4."""
        return {"stop": 0, "step-back": 1, "review": 1, "hold": 2, "continue": 3, "progress": 4}[self.value]


class Step(StrEnum):
    FULL = "full"
    HALF = "half"


@dataclass(frozen=True, slots=True)
class Review:
    """What the check-ins say: the outcome, the step, the colour of the newest check-in, the reasons
    (messages, worded where they are shown)."""

    outcome: Outcome
    light: Light | None
    step: Step | None = None
    reason_messages: tuple[Msg, ...] = ()
    flags: tuple[RedFlag, ...] = ()
    restart: bool = False  # a step back after a break (75 % of the last dose)
    resume: bool = False  # back to the dose before the flare
    move_on_due: bool = False  # time-contingent: the phase's weeks are done
    checkins_used: int = 0
    facts: dict[str, Any] = field(default_factory=dict, hash=False)

    @property
    def kind(self) -> Outcome:  # the name the screens use
        return self.outcome

    @property
    def headline_message(self) -> Msg:
        return outcome_headline(self.outcome, self.step, self.flags)

    def reasons(self, lang: str) -> tuple[str, ...]:
        """The reasons worded in `lang`."""
        return tuple(worded(m, lang) for m in self.reason_messages)

    def headline(self, lang: str) -> str:
        return worded(self.headline_message, lang)

    def adding(self, *reasons: Msg) -> Review:
        """The review with `reasons` added after its own."""
        return replace(self, reason_messages=(*self.reason_messages, *reasons))


def _last(log: Sequence[ReviewEntry], actions: tuple[str, ...] | None = None) -> ReviewEntry | None:
    """The newest entry with one of `actions` (None: the newest decision, a seen red flag not counted)."""
    found = [e for e in log if (e.action in actions if actions is not None else e.action != FLAGS_SEEN)]
    return max(found, key=lambda e: e.date) if found else None


def review_plan(plan: PlanView, checkins: Sequence[CheckInView], *, today: dt.date,
                older: bool | None = None, bands: PainBands = DEFAULT_BANDS) -> Review:
    """The review of `plan` on `today` from its check-ins (those dated after today are ignored)."""
    result = _review(plan, checkins, today=today, older=older, bands=bands)
    newest = max((c for c in checkins if c.date <= today), key=lambda c: (c.date, c.id), default=None)
    if newest is not None and result.outcome is not Outcome.STOP and not any(
            c.red_flags is not None for c in checkins
            if c.date <= today and (newest.date - c.date).days < RECENT_DAYS):
        result = result.adding(msg("Red flags were not asked this week: ask before progressing."))
    if newest is None or newest.confidence is None:
        return result
    if newest.confidence <= LOW_CONFIDENCE:
        return result.adding(msg("Confidence in moving is low ({confidence}/{top}): explain why it is safe.",
                                 confidence=newest.confidence, top=CONFIDENCE_MAX))
    return result.adding(msg("Confidence in moving: {confidence}/{top}.", confidence=newest.confidence,
                             top=CONFIDENCE_MAX))


def _review(plan: PlanView, checkins: Sequence[CheckInView], *, today: dt.date,
            older: bool | None, bands: PainBands) -> Review:
    older = older_adult(plan, today) if older is None else older
    chk = sorted((c for c in checkins if c.date <= today), key=lambda c: (c.date, c.id))
    r: list[Msg] = []
    if not chk:
        r.append(msg("No check-ins yet: first record how the exercises are going."))
        return Review(Outcome.CONTINUE, None, None, tuple(r))
    newest = chk[-1]
    colour = checkin_light(newest, bands)
    last_entry = _last(plan.review_log)
    since = last_entry.date if last_entry else None
    considered = [c for c in chk if (since is None or c.date > since) and (newest.date - c.date).days < WINDOW_DAYS]
    common: dict[str, Any] = {"light": colour, "checkins_used": len(considered)}

    # 1. Red flags stop everything (only those reported after the therapist saw the last ones).
    seen = _last(plan.review_log, (FLAGS_SEEN,))
    flags = signals.red_flags_reported([c for c in (*considered, newest) if seen is None or c.date > seen.date])
    if flags:
        r.append(flag_words(flags))
        return Review(Outcome.STOP, reason_messages=tuple(r), flags=flags, **common)

    # Data older than the window never drives a step back: too little to judge.
    if (today - newest.date).days > STALE_DAYS:
        r.append(nmsg("The last check-in is {n} day old: too little to judge. First ask how things are now.",
                      "The last check-in is {n} days old: too little to judge. First ask how things are now.",
                      (today - newest.date).days))
        return Review(Outcome.CONTINUE, reason_messages=tuple(r), **common)

    # A break of 14 days or more without sessions (as reported): restart at 75 % of the last dose.
    pause = signals.break_days([c for c in chk if since is None or c.date > since], plan.start_date)
    if pause is not None and pause >= BREAK_DAYS:
        r.append(nmsg("{n} day without exercises: restart at about three quarters of the last amount.",
                      "{n} days without exercises: restart at about three quarters of the last amount.", pause))
        return Review(Outcome.STEP_BACK, reason_messages=tuple(r), restart=True, **common)
    # A gap between check-ins is not proof of a break: too little to judge.
    if len(chk) >= 2 and (newest.date - chk[-2].date).days >= BREAK_DAYS and (since is None or since < newest.date):
        gap = (newest.date - chk[-2].date).days
        r.append(nmsg("{n} day without a check-in: too little to judge. Ask whether the sessions went on; after "
                      "{days} days or more without sessions, restart at three quarters.",
                      "{n} days without a check-in: too little to judge. Ask whether the sessions went on; after "
                      "{days} days or more without sessions, restart at three quarters.", gap, days=BREAK_DAYS))
        return Review(Outcome.CONTINUE, reason_messages=tuple(r), **common)

    if plan.mode is ProgressionMode.TIME:
        return _time(plan, chk, considered, today, older, r, common)
    return _pain(plan, chk, considered, today, older, bands, r, common)


def _pain(plan: PlanView, chk: list[CheckInView], considered: list[CheckInView], today: dt.date, older: bool,
          bands: PainBands, r: list[Msg], common: dict[str, Any]) -> Review:
    newest = chk[-1]
    lights = [(c, checkin_light(c, bands)) for c in considered]
    pains: Joined | str = Joined(tuple(c.pain_during for c in considered[-7:])) if considered else "–"
    r.append(msg("Pain during the exercises: {pains} (green 0-{green_max}, amber {amber_min} or {amber_max}, "
                 "red above {amber_max}).", pains=pains, green_max=bands.green_max, amber_min=bands.amber_min,
                 amber_max=bands.amber_max))
    last_back = _last(plan.review_log, STEP_BACK_ACTIONS)
    after_back = [c for c in chk if last_back is None or c.date > last_back.date]
    trend = signals.morning_trend(after_back, newest.date)

    for c, lt in lights[-7:]:
        if lt is Light.RED and c.pain_during > bands.amber_max:
            r.append(msg("{day}: red, pain {pain} during the exercises is too much.", day=c.date, pain=c.pain_during))
        elif lt is Light.RED:
            r.append(msg("{day}: red, the next morning was worse than usual.", day=c.date))

    # 2. Step back.
    recent_reds = [c for c, lt in lights if lt is Light.RED and (newest.date - c.date).days < RECENT_DAYS]
    triggers: list[Msg] = []
    if considered and lights[-1][1] is Light.RED and lights[-1][0] is newest:
        triggers.append(msg("The newest check-in is red."))
    if len(recent_reds) >= RED_COUNT_STEP_BACK:
        triggers.append(nmsg("{n} red check-in in the last {days} days.", "{n} red check-ins in the last {days} days.",
                             len(recent_reds), days=RECENT_DAYS))
    if trend is not None and trend >= TREND_STEP_BACK_RISE:
        triggers.append(msg("Morning pain this week is on average {rise} higher than the week before.",
                            rise=round(trend, 1)))
    if triggers:
        r.extend(triggers)
        if last_back is not None and (today - last_back.date).days < SECOND_STEP_BACK_REVIEW_DAYS:
            r.append(msg("Already a step back on {day}: not another cut, but a review together.", day=last_back.date))
            return Review(Outcome.REVIEW, reason_messages=tuple(r), **common)
        r.append(msg("Step back: exercises on a ladder one level down, the rest about three quarters. Keep moving."))
        return Review(Outcome.STEP_BACK, reason_messages=tuple(r), **common)

    # An open step back: it lasts at least 7 days; after 2 settled check-ins the dose returns.
    last_resume = _last(plan.review_log, ("resume",))
    if last_back is not None and (last_resume is None or last_resume.date < last_back.date):
        settled = [c for c, lt in lights if c.next_morning.settled and lt is not Light.RED]
        days = (today - last_back.date).days
        if days >= STEP_BACK_MIN_DAYS and len(settled) >= SETTLED_TO_RESUME:
            r.append(nmsg("{n} settled check-in after the step back: back to the amount before the flare (no more), "
                          "for a week.",
                          "{n} settled check-ins after the step back: back to the amount before the flare (no more), "
                          "for a week.", len(settled)))
            return Review(Outcome.CONTINUE, reason_messages=tuple(r), resume=True, **common)
        r.append(msg("The step back runs since {day}: at least {days} days and {settled} settled check-ins.",
                     day=last_back.date, days=STEP_BACK_MIN_DAYS, settled=SETTLED_TO_RESUME))
        return Review(Outcome.CONTINUE, reason_messages=tuple(r), **common)
    if last_resume is not None and (today - last_resume.date).days < RESUME_HOLD_DAYS:
        r.append(msg("A week at the amount before the flare; then the plan goes on."))
        return Review(Outcome.CONTINUE, reason_messages=tuple(r), **common)

    # 3. Too little to judge.
    answered = [c for c in considered if c.next_morning is not NextMorning.UNKNOWN]
    span = (newest.date - considered[0].date).days if considered else 0
    sessions = signals.newest_week_sessions(considered)
    done, planned = sessions if sessions is not None else (0, 0)
    low = planned > 0 and done / planned < MIN_ADHERENCE
    if planned:
        r.append(nmsg("Done this calendar week: {done} of {n} session ({pct} %).",
                      "Done this calendar week: {done} of {n} sessions ({pct} %).", planned, done=done,
                      pct=round(100 * done / planned)))
    elif sessions is None:
        r.append(msg("Not known how many sessions were done: ask."))
    if len(answered) < MIN_CHECKINS_TO_JUDGE or span < MIN_SPAN_DAYS:
        r.append(msg("Too little to judge yet (at least {checkins} check-ins with the next morning, over {days} days): "
                     "continue as planned.", checkins=MIN_CHECKINS_TO_JUDGE, days=MIN_SPAN_DAYS))
        return Review(Outcome.CONTINUE, reason_messages=tuple(r), **common)
    if low:
        r.append(msg("Fewer than {share} of the sessions done: continue, and talk about what got in the way.",
                     share=percent(round(100 * MIN_ADHERENCE))))
        return Review(Outcome.CONTINUE, reason_messages=tuple(r), **common)
    if trend is not None and trend >= TREND_NO_PROGRESS_RISE:
        r.append(msg("Morning pain rose by {rise}: no step forward this time.", rise=round(trend, 1)))
        return Review(Outcome.CONTINUE, reason_messages=tuple(r), **common)

    # 4. Progress.
    unsettled = [c for c in considered if not c.next_morning.settled]
    reds = [c for c, lt in lights if lt is Light.RED]
    if not unsettled and not reds:
        ambers = [c for c, lt in lights if lt is Light.AMBER]
        half = older or len(ambers) >= HALF_STEP_AMBER_SHARE * len(considered)
        r.append(nmsg("Every morning settled and no red for {n} day.", "Every morning settled and no red for {n} days.",
                      span + 1))
        if ambers:
            r.append(nmsg("{n} check-in amber: mild pain during movement is allowed and helps recovery.",
                          "{n} check-ins amber: mild pain during movement is allowed and helps recovery.", len(ambers)))
        if half:
            r.append(msg("Half a step forward ({age} or over: half steps).", age=OLDER_ADULT_AGE) if older
                     else msg("Half a step forward."))
        else:
            r.append(msg("A full step forward."))
        return Review(Outcome.PROGRESS, step=Step.HALF if half else Step.FULL, reason_messages=tuple(r), **common)
    if unsettled:
        r.append(msg("Not every morning was settled (or it is not known): continue as planned."))
    return Review(Outcome.CONTINUE, reason_messages=tuple(r), **common)


def _bad_days(n: int) -> Msg:
    """The bad-day sentence, worded for the count (only one bad day is "expected")."""
    if n == 1:
        return nmsg("{n} bad day: that is expected and does not change the schedule.",
                    "{n} bad days: that is expected and does not change the schedule.", n)
    return nmsg("{n} bad day: keep to the quota; talk about what is going on if it stays like this.",
                "{n} bad days: keep to the quota; talk about what is going on if it stays like this.", n)


def _time(plan: PlanView, chk: list[CheckInView], considered: list[CheckInView], today: dt.date, older: bool,
          r: list[Msg], common: dict[str, Any]) -> Review:
    newest = chk[-1]
    phase = current_phase(plan, today)
    r.append(msg("Time-contingent: keep to this week's quota, also on a bad day; no more on a good day."))
    bad = [c for c in considered if checkin_light(c) is Light.RED]
    if bad:
        r.append(_bad_days(len(bad)))
    week = [c for c in considered if (newest.date - c.date).days < RECENT_DAYS]
    high = len(week) >= MIN_CHECKINS_TO_JUDGE and all(c.pain_during > DEFAULT_BANDS.amber_max for c in week)
    if high:
        r.append(msg("Pain high at every session: discuss. The quotas stay."))
    # Three worse mornings on consecutive days: hold this week's quota for one more week (at most once).
    if signals.worse_run(considered) >= WORSE_MORNINGS_TO_HOLD:
        previous = _last(plan.review_log)
        if previous is not None and previous.action == "hold" and (today - previous.date).days <= 2 * RECENT_DAYS:
            r.append(msg("{n} worse mornings in a row again, right after a held week: not another hold, but a review "
                         "together.", n=WORSE_MORNINGS_TO_HOLD))
            return Review(Outcome.REVIEW, reason_messages=tuple(r), **common)
        r.append(msg("{n} worse mornings in a row: this week's quota stays one more week; then the schedule moves one "
                     "week later.", n=WORSE_MORNINGS_TO_HOLD))
        return Review(Outcome.HOLD, reason_messages=tuple(r), **common)
    # A missed quota: fewer than half of the calendar week's planned sessions: repeat the week.
    sessions = signals.newest_week_sessions(considered)
    done, planned = sessions if sessions is not None else (0, 0)
    if planned:
        r.append(nmsg("This calendar week done: {done} of {n} session.", "This calendar week done: {done} of {n} sessions.",
                      planned, done=done))
    elif sessions is None:
        r.append(msg("Not known how many sessions were done: ask."))
    if planned and done < QUOTA_MISSED_SHARE * planned:
        previous = _last(plan.review_log)
        if previous is not None and previous.action == "repeat" and (today - previous.date).days < 2 * RECENT_DAYS + 1:
            r.append(msg("Fewer than half done two weeks in a row: review together what gets in the way."))
            return Review(Outcome.REVIEW, reason_messages=tuple(r), **common)
        r.append(msg("Fewer than half done: repeat this week, without catching up."))
        return Review(Outcome.HOLD, reason_messages=tuple(r), facts={"repeat": True}, **common)
    started = phase_started(plan, today)
    weeks_in = schedule_week(plan, today)
    if phase is not None and started is not None and weeks_in >= max(phase.weeks, MIN_PHASE_WEEKS):
        if high:
            r.append(msg("The weeks of ‘{phase}’ are done, but with this much pain not yet on to a heavier phase: "
                         "discuss first.", phase=phase.name))
            return Review(Outcome.CONTINUE, reason_messages=tuple(r), facts={"stay_phase": True}, **common)
        step = Step.HALF if older else Step.FULL
        r.append(nmsg("The {n} week of ‘{phase}’ is done: on schedule to the next phase.",
                      "The {n} weeks of ‘{phase}’ are done: on schedule to the next phase.", phase.weeks,
                      phase=phase.name))
        if older:
            r.append(msg("{age} or over: half steps.", age=OLDER_ADULT_AGE))
        return Review(Outcome.PROGRESS, step=step, reason_messages=tuple(r), move_on_due=True, **common)
    r.append(msg("Week {week} of the phase: continue on schedule.", week=weeks_in + 1))
    return Review(Outcome.CONTINUE, reason_messages=tuple(r), **common)


def advise(checkins: Sequence[CheckInView], *, today: dt.date | None = None, plan: PlanView | None = None) -> Review:
    """The review for the screens: with a plan the full review; without one a pain-contingent read."""
    today = today or dt.date.today()
    if plan is None:
        from planner.domain.model import PlanStatus

        plan = PlanView(id=0, title="", goal="", language="en", status=PlanStatus.ACTIVE,
                        mode=ProgressionMode.PAIN, weekly_cap_pct=10, version=1, is_template=False, phases=())
    return review_plan(plan, checkins, today=today)
