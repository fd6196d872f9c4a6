"""The pain traffic light: check-ins turned into advice (progress, hold, step back) with reasons.

One scale everywhere, the same as the patient's education text:
green = pain during 0-3 and the next morning the same or better; amber = pain 4 or 5 (still
acceptable: keep the load the same); red = pain above 5, or the next morning worse than usual.

Advice from the check-ins of the last two weeks (up to the newest one):
- step back when the newest check-in is red, or two in the last 7 days are;
- hold when the last 7 days had any amber or red, when there are fewer than two check-ins or they
  span less than a week ("green for a week"), when less than 60 % of the planned sessions were
  done (the load was not tried often enough to judge), or when the newest check-in is more than
  three weeks old;
- progress otherwise.
More pain never gives a more progressive advice (tested as a property).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from planner.domain.model import CheckInView, NextMorning

GREEN_MAX = 3
AMBER_MAX = 5
WINDOW_DAYS = 14
RECENT_DAYS = 7
GREEN_SPAN_DAYS = 6  # first to last check-in: a week of days
MIN_ADHERENCE = 0.6
STALE_DAYS = 21
LOW_CONFIDENCE = 3


class Light(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


class AdviceKind(StrEnum):
    STEP_BACK = "step-back"
    HOLD = "hold"
    PROGRESS = "progress"

    @property
    def rank(self) -> int:
        """0 step back < 1 hold < 2 progress: how progressive the advice is."""
        return {"step-back": 0, "hold": 1, "progress": 2}[self.value]


def light(pain_during: int, next_morning: NextMorning | str) -> Light:
    """The colour of one check-in."""
    if pain_during > AMBER_MAX or NextMorning(next_morning) is NextMorning.WORSE:
        return Light.RED
    if pain_during > GREEN_MAX:
        return Light.AMBER
    return Light.GREEN


def checkin_light(checkin: CheckInView) -> Light:
    return light(checkin.pain_during, checkin.next_morning)


@dataclass(frozen=True, slots=True)
class Advice:
    """What the check-ins say about the next step, with the reasons in both languages."""

    kind: AdviceKind
    light: Light | None
    reasons_nl: tuple[str, ...]
    reasons_en: tuple[str, ...]
    checkins_used: int = 0

    def reasons(self, lang: str) -> tuple[str, ...]:
        return self.reasons_nl if lang == "nl" else self.reasons_en

    def headline(self, lang: str) -> str:
        nl = lang == "nl"
        return {
            AdviceKind.PROGRESS: "Advies: een stap verder" if nl else "Advice: progress",
            AdviceKind.HOLD: "Advies: zo doorgaan, niet zwaarder maken" if nl else "Advice: hold, keep the load the same",
            AdviceKind.STEP_BACK: "Advies: een stap terug, en blijven bewegen" if nl else "Advice: step back, and keep moving",
        }[self.kind]


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


def adherence(checkins: Sequence[CheckInView]) -> tuple[int, int]:
    """Sessions done and planned, summed over the check-ins."""
    return sum(c.sessions_done for c in checkins), sum(c.sessions_planned for c in checkins)


def recent_window(checkins: Sequence[CheckInView]) -> list[CheckInView]:
    """The check-ins of the two weeks up to the newest one, oldest first."""
    ordered = sorted(checkins, key=lambda c: (c.date, c.id))
    if not ordered:
        return []
    newest = ordered[-1].date
    return [c for c in ordered if (newest - c.date).days < WINDOW_DAYS]


def advise(checkins: Sequence[CheckInView], *, today: dt.date | None = None) -> Advice:
    """Advice from the recent check-ins (see the module docstring for the rules)."""
    reasons = _Reasons()
    window = recent_window(checkins)
    if not window:
        reasons.add("Nog geen check-ins: noteer eerst hoe het oefenen gaat.",
                    "No check-ins yet: first record how the exercises are going.")
        return Advice(AdviceKind.HOLD, None, tuple(reasons.nl), tuple(reasons.en), 0)
    newest = window[-1]
    recent = [c for c in window if (newest.date - c.date).days < RECENT_DAYS]
    lights = [checkin_light(c) for c in recent]
    reds = [c for c in recent if checkin_light(c) is Light.RED]
    ambers = [c for c in recent if checkin_light(c) is Light.AMBER]
    pains = ", ".join(str(c.pain_during) for c in window[-7:])
    reasons.add(f"Pijn tijdens het oefenen: {pains} (groen 0 t/m 3, oranje 4 of 5, rood boven 5).",
                f"Pain during the exercises: {pains} (green 0-3, amber 4 or 5, red above 5).")
    for c in reds[-3:]:
        if c.pain_during > AMBER_MAX:
            reasons.add(f"{_day(c.date, 'nl')}: rood, pijn {c.pain_during} tijdens het oefenen is te veel.",
                        f"{_day(c.date, 'en')}: red, pain {c.pain_during} during the exercises is too much.")
        if NextMorning(c.next_morning) is NextMorning.WORSE:
            reasons.add(f"{_day(c.date, 'nl')}: rood, de ochtend erna was het slechter dan normaal.",
                        f"{_day(c.date, 'en')}: red, the next morning was worse than usual.")
    if not any(NextMorning(c.next_morning) is NextMorning.WORSE for c in recent):
        reasons.add("De ochtend erna was steeds gelijk of beter: het lichaam herstelt op tijd.",
                    "The next morning was always the same or better: the body recovers in time.")
    if ambers:
        reasons.add(f"{len(ambers)} keer oranje (pijn 4 of 5): nog goed, maar houd de belasting gelijk.",
                    f"{len(ambers)} time(s) amber (pain 4 or 5): still fine, but keep the load the same.")

    if lights[-1] is Light.RED or len(reds) >= 2:
        kind = AdviceKind.STEP_BACK
        reasons.add("Terug naar het laatste niveau dat goed ging, met ongeveer 75 % van de hoeveelheid.",
                    "Back to the last level that went well, at about 75 % of the amount.")
    elif reds or ambers:
        kind = AdviceKind.HOLD
    else:
        span = (newest.date - window[0].date).days
        if len(window) < 2 or span < GREEN_SPAN_DAYS:
            kind = AdviceKind.HOLD
            reasons.add("Nog geen week groen: wacht met zwaarder maken tot het een week groen is.",
                        "Not green for a week yet: wait a week of green before adding load.")
        else:
            kind = AdviceKind.PROGRESS
            reasons.add(f"Al {span + 1} dagen groen: klaar voor een kleine stap verder.",
                        f"Green for {span + 1} days: ready for a small step forward.")
    done, planned = adherence(window)
    if planned > 0:
        pct = round(100 * done / planned)
        reasons.add(f"Gedaan: {done} van {planned} keer ({pct} %).", f"Done: {done} of {planned} sessions ({pct} %).")
        if done / planned < MIN_ADHERENCE:
            if kind is AdviceKind.PROGRESS:
                kind = AdviceKind.HOLD
            reasons.add("Te weinig gedaan om de belasting te beoordelen: bespreek wat in de weg zat.",
                        "Too few sessions to judge the load: talk about what got in the way.")
    if newest.confidence is not None:
        if newest.confidence <= LOW_CONFIDENCE:
            reasons.add(f"Vertrouwen in bewegen is laag ({newest.confidence}/10): leg uit waarom het veilig is.",
                        f"Confidence in moving is low ({newest.confidence}/10): explain why it is safe.")
        else:
            reasons.add(f"Vertrouwen in bewegen: {newest.confidence}/10.",
                        f"Confidence in moving: {newest.confidence}/10.")
    if today is not None and (today - newest.date).days > STALE_DAYS:
        if kind is not AdviceKind.HOLD:
            kind = AdviceKind.HOLD
        age = (today - newest.date).days
        reasons.add(f"De laatste check-in is {age} dagen oud: vraag eerst hoe het nu gaat.",
                    f"The last check-in is {age} days old: first ask how things are now.")
    overall = Light.RED if reds else Light.AMBER if ambers else Light.GREEN
    return Advice(kind, overall, tuple(reasons.nl), tuple(reasons.en), len(window))
