"""The review of a plan from its check-ins, in the spec's order, for both modes.

CLINICAL.md, "The decisions the program follows": red flags stop everything; pain-contingent
plans step back, continue or progress (a half step when at least half the check-ins were amber);
time-contingent plans keep their quotas whatever the pain and hold only for a red flag or three
worse mornings on consecutive days, and repeat a week whose quota was missed. Every number comes
from `planner.domain.thresholds`. The result says what to do (`outcome`, `step`) and why (reasons
in Dutch and English); `planner.domain.roadmap` turns it into a proposal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from planner.domain import checkin_signals as signals
from planner.domain.model import CheckInView, NextMorning, PlanView, ProgressionMode, ReviewEntry
from planner.domain.monitoring import Light, checkin_light
from planner.domain.review_words import counted, flag_words, outcome_headline
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
    """What the check-ins say: the outcome, the step, the colour of the newest check-in, the reasons."""

    outcome: Outcome
    light: Light | None
    step: Step | None = None
    reasons_nl: tuple[str, ...] = ()
    reasons_en: tuple[str, ...] = ()
    flags: tuple[RedFlag, ...] = ()
    restart: bool = False  # a step back after a break (75 % of the last dose)
    resume: bool = False  # back to the dose before the flare
    move_on_due: bool = False  # time-contingent: the phase's weeks are done
    checkins_used: int = 0
    facts: dict = field(default_factory=dict, hash=False)

    @property
    def kind(self) -> Outcome:  # the name the screens use
        return self.outcome

    def reasons(self, lang: str) -> tuple[str, ...]:
        return self.reasons_nl if lang == "nl" else self.reasons_en

    def headline(self, lang: str) -> str:
        return outcome_headline(self.outcome, self.step, self.flags, lang)


class _Reasons:
    def __init__(self) -> None:
        self.nl: list[str] = []
        self.en: list[str] = []

    def add(self, nl: str, en: str) -> None:
        self.nl.append(nl)
        self.en.append(en)


def _day(date: dt.date, lang: str) -> str:
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    return f"{date.day}-{date.month}" if lang == "nl" else f"{date.day} {months[date.month - 1]}"


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
        result = replace(result, reasons_nl=(*result.reasons_nl, "Deze week is niet naar alarmsignalen gevraagd: "
                                             "vraag dat voor je verder opbouwt."),
                         reasons_en=(*result.reasons_en, "Red flags were not asked this week: ask before "
                                     "progressing."))
    if newest is None or newest.confidence is None:
        return result
    if newest.confidence <= LOW_CONFIDENCE:
        nl = f"Vertrouwen in bewegen is laag ({newest.confidence}/10): leg uit waarom het veilig is."
        en = f"Confidence in moving is low ({newest.confidence}/10): explain why it is safe."
    else:
        nl, en = f"Vertrouwen in bewegen: {newest.confidence}/10.", f"Confidence in moving: {newest.confidence}/10."
    return replace(result, reasons_nl=(*result.reasons_nl, nl), reasons_en=(*result.reasons_en, en))


def _review(plan: PlanView, checkins: Sequence[CheckInView], *, today: dt.date,
            older: bool | None, bands: PainBands) -> Review:
    older = older_adult(plan, today) if older is None else older
    chk = sorted((c for c in checkins if c.date <= today), key=lambda c: (c.date, c.id))
    r = _Reasons()
    if not chk:
        r.add("Nog geen check-ins: noteer eerst hoe het oefenen gaat.",
              "No check-ins yet: first record how the exercises are going.")
        return Review(Outcome.CONTINUE, None, None, tuple(r.nl), tuple(r.en))
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
        nl, en = flag_words(flags)
        r.add(nl, en)
        return Review(Outcome.STOP, reasons_nl=tuple(r.nl), reasons_en=tuple(r.en), flags=flags, **common)

    # Data older than the window never drives a step back: too little to judge.
    if (today - newest.date).days > STALE_DAYS:
        r.add(f"De laatste check-in is {(today - newest.date).days} dagen oud: te weinig om te beoordelen. "
              "Vraag eerst hoe het nu gaat.",
              f"The last check-in is {(today - newest.date).days} days old: too little to judge. "
              "First ask how things are now.")
        return Review(Outcome.CONTINUE, reasons_nl=tuple(r.nl), reasons_en=tuple(r.en), **common)

    # A break of 14 days or more without sessions (as reported): restart at 75 % of the last dose.
    pause = signals.break_days([c for c in chk if since is None or c.date > since], plan.start_date)
    if pause is not None and pause >= BREAK_DAYS:
        r.add(f"{pause} dagen geen oefeningen gedaan: opnieuw beginnen op ongeveer driekwart van de laatste "
              "hoeveelheid.",
              f"{pause} days without exercises: restart at about three quarters of the last amount.")
        return Review(Outcome.STEP_BACK, reasons_nl=tuple(r.nl), reasons_en=tuple(r.en), restart=True, **common)
    # A gap between check-ins is not proof of a break: too little to judge.
    if len(chk) >= 2 and (newest.date - chk[-2].date).days >= BREAK_DAYS and (since is None or since < newest.date):
        gap = (newest.date - chk[-2].date).days
        r.add(f"{gap} dagen geen check-in: te weinig om te beoordelen. Vraag of er geoefend is; na "
              f"{BREAK_DAYS} dagen of meer zonder oefenen opnieuw beginnen op driekwart.",
              f"{gap} days without a check-in: too little to judge. Ask whether the sessions went on; after "
              f"{BREAK_DAYS} days or more without sessions, restart at three quarters.")
        return Review(Outcome.CONTINUE, reasons_nl=tuple(r.nl), reasons_en=tuple(r.en), **common)

    if plan.mode is ProgressionMode.TIME:
        return _time(plan, chk, considered, today, older, r, common)
    return _pain(plan, chk, considered, today, older, bands, r, common)


def _pain(plan: PlanView, chk: list[CheckInView], considered: list[CheckInView], today: dt.date, older: bool,
          bands: PainBands, r: _Reasons, common: dict) -> Review:
    newest = chk[-1]
    lights = [(c, checkin_light(c, bands)) for c in considered]
    pains = ", ".join(str(c.pain_during) for c in considered[-7:]) or "–"
    r.add(f"Pijn tijdens het oefenen: {pains} (groen 0 t/m {bands.green_max}, oranje {bands.amber_min} of "
          f"{bands.amber_max}, rood boven {bands.amber_max}).",
          f"Pain during the exercises: {pains} (green 0-{bands.green_max}, amber {bands.amber_min} or "
          f"{bands.amber_max}, red above {bands.amber_max}).")
    last_back = _last(plan.review_log, STEP_BACK_ACTIONS)
    after_back = [c for c in chk if last_back is None or c.date > last_back.date]
    trend = signals.morning_trend(after_back, newest.date)

    for c, lt in lights[-7:]:
        if lt is Light.RED and c.pain_during > bands.amber_max:
            r.add(f"{_day(c.date, 'nl')}: rood, pijn {c.pain_during} tijdens het oefenen is te veel.",
                  f"{_day(c.date, 'en')}: red, pain {c.pain_during} during the exercises is too much.")
        elif lt is Light.RED:
            r.add(f"{_day(c.date, 'nl')}: rood, de ochtend erna was het slechter dan normaal.",
                  f"{_day(c.date, 'en')}: red, the next morning was worse than usual.")

    # 2. Step back.
    recent_reds = [c for c, lt in lights if lt is Light.RED and (newest.date - c.date).days < RECENT_DAYS]
    triggers: list[tuple[str, str]] = []
    if considered and lights[-1][1] is Light.RED and lights[-1][0] is newest:
        triggers.append(("De nieuwste check-in is rood.", "The newest check-in is red."))
    if len(recent_reds) >= RED_COUNT_STEP_BACK:
        triggers.append(counted("%(n)d red check-in in the last %(days)d days.",
                                "%(n)d red check-ins in the last %(days)d days.", len(recent_reds), days=RECENT_DAYS))
    if trend is not None and trend >= TREND_STEP_BACK_RISE:
        triggers.append((f"De ochtendpijn is deze week gemiddeld {trend:.1f} hoger dan de week ervoor.",
                         f"Morning pain this week is on average {trend:.1f} higher than the week before."))
    if triggers:
        for nl, en in triggers:
            r.add(nl, en)
        if last_back is not None and (today - last_back.date).days < SECOND_STEP_BACK_REVIEW_DAYS:
            r.add(f"Al een stap terug op {_day(last_back.date, 'nl')}: geen tweede verlaging, maar samen bekijken.",
                  f"Already a step back on {_day(last_back.date, 'en')}: not another cut, but a review together.")
            return Review(Outcome.REVIEW, reasons_nl=tuple(r.nl), reasons_en=tuple(r.en), **common)
        r.add("Een stap terug: oefeningen op een ladder een niveau lager, de rest ongeveer driekwart. Blijf bewegen.",
              "Step back: exercises on a ladder one level down, the rest about three quarters. Keep moving.")
        return Review(Outcome.STEP_BACK, reasons_nl=tuple(r.nl), reasons_en=tuple(r.en), **common)

    # An open step back: it lasts at least 7 days; after 2 settled check-ins the dose returns.
    last_resume = _last(plan.review_log, ("resume",))
    if last_back is not None and (last_resume is None or last_resume.date < last_back.date):
        settled = [c for c, lt in lights if c.next_morning.settled and lt is not Light.RED]
        days = (today - last_back.date).days
        if days >= STEP_BACK_MIN_DAYS and len(settled) >= SETTLED_TO_RESUME:
            r.add(*counted("%(n)d settled check-in after the step back: back to the amount before the flare "
                           "(no more), for a week.",
                           "%(n)d settled check-ins after the step back: back to the amount before the flare "
                           "(no more), for a week.", len(settled)))
            return Review(Outcome.CONTINUE, reasons_nl=tuple(r.nl), reasons_en=tuple(r.en), resume=True, **common)
        r.add(f"De stap terug loopt sinds {_day(last_back.date, 'nl')}: minstens {STEP_BACK_MIN_DAYS} dagen en "
              f"{SETTLED_TO_RESUME} rustige check-ins.",
              f"The step back runs since {_day(last_back.date, 'en')}: at least {STEP_BACK_MIN_DAYS} days and "
              f"{SETTLED_TO_RESUME} settled check-ins.")
        return Review(Outcome.CONTINUE, reasons_nl=tuple(r.nl), reasons_en=tuple(r.en), **common)
    if last_resume is not None and (today - last_resume.date).days < RESUME_HOLD_DAYS:
        r.add("Een week op de hoeveelheid van voor de opvlamming; daarna gaat het plan verder.",
              "A week at the amount before the flare; then the plan goes on.")
        return Review(Outcome.CONTINUE, reasons_nl=tuple(r.nl), reasons_en=tuple(r.en), **common)

    # 3. Too little to judge.
    answered = [c for c in considered if c.next_morning is not NextMorning.UNKNOWN]
    span = (newest.date - considered[0].date).days if considered else 0
    sessions = signals.newest_week_sessions(considered)
    done, planned = sessions if sessions is not None else (0, 0)
    low = planned > 0 and done / planned < MIN_ADHERENCE
    if planned:
        r.add(f"Gedaan deze kalenderweek: {done} van {planned} keer ({round(100 * done / planned)} %).",
              f"Done this calendar week: {done} of {planned} sessions ({round(100 * done / planned)} %).")
    elif sessions is None:
        r.add("Niet bekend hoeveel keer er geoefend is: vraag het na.",
              "Not known how many sessions were done: ask.")
    if len(answered) < MIN_CHECKINS_TO_JUDGE or span < MIN_SPAN_DAYS:
        r.add(f"Nog te weinig om te beoordelen (minstens {MIN_CHECKINS_TO_JUDGE} check-ins met de ochtend erna, "
              f"over {MIN_SPAN_DAYS} dagen): zo doorgaan.",
              f"Too little to judge yet (at least {MIN_CHECKINS_TO_JUDGE} check-ins with the next morning, over "
              f"{MIN_SPAN_DAYS} days): continue as planned.")
        return Review(Outcome.CONTINUE, reasons_nl=tuple(r.nl), reasons_en=tuple(r.en), **common)
    if low:
        r.add("Minder dan 60 % gedaan: zo doorgaan, en bespreek wat in de weg zat.",
              "Fewer than 60 % of the sessions done: continue, and talk about what got in the way.")
        return Review(Outcome.CONTINUE, reasons_nl=tuple(r.nl), reasons_en=tuple(r.en), **common)
    if trend is not None and trend >= TREND_NO_PROGRESS_RISE:
        r.add(f"De ochtendpijn steeg met {trend:.1f}: deze keer geen stap verder.",
              f"Morning pain rose by {trend:.1f}: no step forward this time.")
        return Review(Outcome.CONTINUE, reasons_nl=tuple(r.nl), reasons_en=tuple(r.en), **common)

    # 4. Progress.
    unsettled = [c for c in considered if not c.next_morning.settled]
    reds = [c for c, lt in lights if lt is Light.RED]
    if not unsettled and not reds:
        ambers = [c for c, lt in lights if lt is Light.AMBER]
        half = older or len(ambers) >= HALF_STEP_AMBER_SHARE * len(considered)
        r.add(f"{span + 1} dagen lang elke ochtend rustig en geen rood.",
              f"Every morning settled and no red for {span + 1} days.")
        if ambers:
            r.add(*counted("%(n)d check-in amber: mild pain during movement is allowed and helps recovery.",
                           "%(n)d check-ins amber: mild pain during movement is allowed and helps recovery.",
                           len(ambers)))
        if half:
            r.add("Een halve stap verder" + (" (65 jaar of ouder: halve stappen)." if older else "."),
                  "Half a step forward" + (" (65 or over: half steps)." if older else "."))
        else:
            r.add("Een hele stap verder.", "A full step forward.")
        return Review(Outcome.PROGRESS, step=Step.HALF if half else Step.FULL, reasons_nl=tuple(r.nl),
                      reasons_en=tuple(r.en), **common)
    if unsettled:
        r.add("Niet elke ochtend was rustig (of het is niet bekend): zo doorgaan.",
              "Not every morning was settled (or it is not known): continue as planned.")
    return Review(Outcome.CONTINUE, reasons_nl=tuple(r.nl), reasons_en=tuple(r.en), **common)


def _bad_days(n: int) -> tuple[str, str]:
    """The bad-day sentence, worded for the count (only one bad day is "expected")."""
    if n == 1:
        return counted("%(n)d bad day: that is expected and does not change the schedule.",
                       "%(n)d bad days: that is expected and does not change the schedule.", n)
    return counted("%(n)d bad day: keep to the quota; talk about what is going on if it stays like this.",
                   "%(n)d bad days: keep to the quota; talk about what is going on if it stays like this.", n)


def _time(plan: PlanView, chk: list[CheckInView], considered: list[CheckInView], today: dt.date, older: bool,
          r: _Reasons, common: dict) -> Review:
    newest = chk[-1]
    phase = current_phase(plan, today)
    r.add("Tijdgebonden: houd je aan de hoeveelheid van deze week, ook op een slechte dag; niet meer op een goede dag.",
          "Time-contingent: keep to this week's quota, also on a bad day; no more on a good day.")
    bad = [c for c in considered if checkin_light(c) is Light.RED]
    if bad:
        r.add(*_bad_days(len(bad)))
    week = [c for c in considered if (newest.date - c.date).days < RECENT_DAYS]
    high = len(week) >= MIN_CHECKINS_TO_JUDGE and all(c.pain_during > DEFAULT_BANDS.amber_max for c in week)
    if high:
        r.add("Pijn hoog bij elke sessie: bespreek dit. De hoeveelheden blijven.",
              "Pain high at every session: discuss. The quotas stay.")
    # Three worse mornings on consecutive days: hold this week's quota for one more week (at most once).
    if signals.worse_run(considered) >= WORSE_MORNINGS_TO_HOLD:
        previous = _last(plan.review_log)
        if previous is not None and previous.action == "hold" and (today - previous.date).days <= 2 * RECENT_DAYS:
            r.add(f"Weer {WORSE_MORNINGS_TO_HOLD} ochtenden achter elkaar slechter, vlak na een week aanhouden: "
                  "niet nog een week aanhouden, maar samen bekijken.",
                  f"{WORSE_MORNINGS_TO_HOLD} worse mornings in a row again, right after a held week: not another "
                  "hold, but a review together.")
            return Review(Outcome.REVIEW, reasons_nl=tuple(r.nl), reasons_en=tuple(r.en), **common)
        r.add(f"{WORSE_MORNINGS_TO_HOLD} ochtenden achter elkaar slechter: de hoeveelheid van deze week blijft nog een "
              "week; daarna schuift het schema een week op.",
              f"{WORSE_MORNINGS_TO_HOLD} worse mornings in a row: this week's quota stays one more week; then the "
              "schedule moves one week later.")
        return Review(Outcome.HOLD, reasons_nl=tuple(r.nl), reasons_en=tuple(r.en), **common)
    # A missed quota: fewer than half of the calendar week's planned sessions: repeat the week.
    sessions = signals.newest_week_sessions(considered)
    done, planned = sessions if sessions is not None else (0, 0)
    if planned:
        r.add(f"Deze kalenderweek gedaan: {done} van {planned} keer.",
              f"This calendar week done: {done} of {planned} sessions.")
    elif sessions is None:
        r.add("Niet bekend hoeveel keer er geoefend is: vraag het na.", "Not known how many sessions were done: ask.")
    if planned and done < QUOTA_MISSED_SHARE * planned:
        previous = _last(plan.review_log)
        if previous is not None and previous.action == "repeat" and (today - previous.date).days < 2 * RECENT_DAYS + 1:
            r.add("Twee weken achter elkaar minder dan de helft gedaan: samen bekijken wat in de weg zit.",
                  "Fewer than half done two weeks in a row: review together what gets in the way.")
            return Review(Outcome.REVIEW, reasons_nl=tuple(r.nl), reasons_en=tuple(r.en), **common)
        r.add("Minder dan de helft gedaan: deze week herhalen, zonder inhalen.",
              "Fewer than half done: repeat this week, without catching up.")
        return Review(Outcome.HOLD, reasons_nl=tuple(r.nl), reasons_en=tuple(r.en),
                      facts={"repeat": True}, **common)
    started = phase_started(plan, today)
    weeks_in = schedule_week(plan, today)
    if phase is not None and started is not None and weeks_in >= max(phase.weeks, MIN_PHASE_WEEKS):
        if high:
            r.add(f"De weken van ‘{phase.name}’ zijn gedaan, maar met zo veel pijn nog niet naar een zwaardere fase: "
                  "eerst samen bespreken.",
                  f"The weeks of ‘{phase.name}’ are done, but with this much pain not yet on to a heavier phase: "
                  "discuss first.")
            return Review(Outcome.CONTINUE, reasons_nl=tuple(r.nl), reasons_en=tuple(r.en),
                          facts={"stay_phase": True}, **common)
        step = Step.HALF if older else Step.FULL
        r.add(f"De {phase.weeks} weken van ‘{phase.name}’ zijn gedaan: volgens schema naar de volgende fase.",
              f"The {phase.weeks} weeks of ‘{phase.name}’ are done: on schedule to the next phase.")
        if older:
            r.add("65 jaar of ouder: halve stappen.", "65 or over: half steps.")
        return Review(Outcome.PROGRESS, step=step, reasons_nl=tuple(r.nl), reasons_en=tuple(r.en),
                      move_on_due=True, **common)
    r.add(f"Week {weeks_in + 1} van de fase: zo doorgaan volgens schema.",
          f"Week {weeks_in + 1} of the phase: continue on schedule.")
    return Review(Outcome.CONTINUE, reasons_nl=tuple(r.nl), reasons_en=tuple(r.en), **common)


def advise(checkins: Sequence[CheckInView], *, today: dt.date | None = None, plan: PlanView | None = None) -> Review:
    """The review for the screens: with a plan the full review; without one a pain-contingent read."""
    today = today or dt.date.today()
    if plan is None:
        from planner.domain.model import PlanStatus

        plan = PlanView(id=0, title="", goal="", language="en", status=PlanStatus.ACTIVE,
                        mode=ProgressionMode.PAIN, weekly_cap_pct=10, version=1, is_template=False, phases=())
    return review_plan(plan, checkins, today=today)
