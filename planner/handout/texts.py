"""The handout's own words: English message ids, worded in the handout's language by its catalogue.

The handout's language is chosen per plan, independent of the window's, so `Words(lang)` words these
ids through `planner.i18n.translation(lang)`: a language adds its words to its catalogue
(`resources/locale/<code>/LC_MESSAGES/herstelplan.po`), never here. The ids are marked `N_` so Babel
extracts them, or `pmsg("handout", ...)` where the window uses the same English with another
translation. Placeholders are `{name}`; numbers are filled in as the language writes them. Dates, month
and day names come from Babel for the language's locale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from planner.domain.kinds import Kind
from planner.domain.messages import Msg
from planner.domain.thresholds import PAIN_LIMIT_DEFAULT, PainBands
from planner.handout import rules_texts
from planner.i18n import N_, long_date, number, translation, word
from planner.languages import DEFAULT_LANGUAGE, codes, language

_EN: dict[str, Any] = {
    "cover_title": N_("Your recovery plan"),
    "not_reviewed": N_("This translation has not yet been checked by a therapist who speaks {language}."),
    "goal_label": N_("Your goal"),
    "towards_label": N_("What you are working towards"),
    "gained_label": N_("What you have gained"),
    "gain_harder": N_("At the start, {activity} was hard: {first} out of 10. Now it is {last} out of 10."),
    "gain_harder_same": N_("{activity}: {last} out of 10, the same as at the start. You are holding on to it."),
    "gain_able": N_("At the start, you could do {activity} {first} out of 10. Now it is {last} out of 10."),
    "gain_able_same": N_("{activity}: {last} out of 10, the same as at the start. You are holding on to it."),
    "plan_label": N_("Your plan at a glance"),
    "therapist_label": N_("Your therapist"),
    "clinic_label": N_("Clinic"),
    "phone_label": N_("Phone"),
    "email_label": N_("E-mail"),
    "address_label": N_("Address"),
    "made_on": N_("Made on {date}"),
    "starts_on": N_("Your plan starts on {date}."),
    "how_title": N_("How to use this booklet"),
    "week": N_("week"),
    "weeks_one": N_("week {a}"),
    "weeks_range": N_("weeks {a}–{b}"),
    "phase_n": N_("Phase {n}"),
    "phase_n_of": N_("Phase {n} of {total}"),
    "you_are_here": N_("You are here"),
    "changes_title": N_("What changed since your last visit?"),
    "why_title": N_("Why this works"),
    "why_intro": [
        N_("Pain that lasts a long time usually does not mean that something is damaged. Often the "
        "alarm in your nervous system is set too sensitive. It then warns you at an ordinary "
        "movement."),
        N_("You can set that alarm calmer again. Explanation, slow breathing and safe movement help. "
        "Above all, repeating them often, in small steps."),
    ],
    "why_pillars": [
        (N_("Understand"), N_("Knowing what pain is makes you less afraid.")),
        (N_("Breathe"), N_("Slow breathing out calms your body quickly.")),
        (N_("Move"), N_("Small, calm movements send safe signals.")),
        (N_("Build up"), N_("Step by step a little more, as planned.")),
    ],
    "why_expect_title": N_("What can you expect?"),
    "tl_title": N_("The pain traffic light"),
    "tl_intro": N_("A little pain during your exercises is allowed. The pain traffic light helps you "
    "choose: carry on, keep it the same, or take a step back. Watch two things: the pain while "
    "you exercise and how you feel the next morning. The next morning counts most."),
    "tl_col_light": "",
    "tl_col_when": N_("How much pain?"),
    "tl_col_do": N_("What do you do?"),
    "tl_green": N_("Green"),
    "tl_green_when": N_("While exercising. By the next morning it is back to what you are used to."),
    "tl_green_range": N_("pain 0–{green}"),
    "tl_green_do": N_("Carry on as planned."),
    "tl_green_more": N_("You may build up as your plan says."),
    "tl_amber": N_("Amber"),
    "tl_amber_when": N_("While exercising."),
    "tl_amber_range": N_("pain {amber_from}–{amber}"),
    "tl_amber_do": N_("Keep it the same."),
    "tl_amber_more": N_("Do the same exercises, but don't make them harder yet."),
    "tl_red": N_("Red"),
    "tl_red_when": N_("While exercising. Or: more pain or stiffness than usual the next morning."),
    "tl_red_range": N_("pain {red_from}–10"),
    "tl_red_do": N_("Take a step back."),
    "tl_red_more": N_("Do keep moving. Below you can read how."),
    "tl_back_title": N_("What is a step back?"),
    "tl_call_title": N_("When do you call your therapist?"),
    "focus_label": N_("What this phase is about"),
    "move_on_title": N_("When do you move on to phase {n}?"),
    "move_on_last": N_("When have you finished this phase?"),
    "move_on_note": N_("Your therapist will talk this through with you."),
    "dose_label": N_("How often:"),
    "level_label": N_("How you do it now:"),
    "safety_label": N_("Take care:"),
    "note_label": N_("From your therapist:"),
    "steps_label": N_("What you can do"),
    "education_more": N_("You can read more under 'Why this works'."),
    "daily_more": N_("Explanation and tips are under 'In daily life'."),
    "no_blocks": N_("There are no exercises in this phase yet. Your therapist will add them."),
    "daily_title": N_("In daily life"),
    "daily_intro": N_("Your recovery does not only happen during your exercises. What you do during "
    "the rest of the day counts too."),
    "daily_in_phase": N_("In phase {n}:"),
    "tips_title": N_("Small things that help"),
    "tips": [
        N_("Change your position often. Sitting for a long time? Stand up every half hour."),
        N_("Take a calm walk every day."),
        N_("Go to bed and get up at regular times."),
        N_("Take a moment to relax every day."),
        N_("Spread heavy jobs over the week. Do something you enjoy now and then."),
    ],
    "contact_title": N_("Contact"),
    "contact_intro": N_("Any questions? Feel free to call or e-mail."),
    "next_title": N_("Your next appointment"),
    "next_none": N_("Write your next appointment here:"),
    "next_at": N_("{date} at {time}"),
    "weekday_date": N_("{weekday} {date}"),
    "bring": N_("Bring this booklet and your diary to your appointment."),
    "diary_title": N_("Diary week {week}"),
    "diary_phase": N_("Phase {n}: {name}"),
    "diary_dates": N_("{start} to {end}"),
    "diary_how": N_("Tick a box when you have done the exercise. For pain, write a number from 0 to "
    "10. 0 is no pain, 10 is the worst pain you can imagine."),
    "diary_exercise": N_("Exercise"),
    "diary_pain_during": N_("Pain during exercise (0–10)"),
    "diary_pain_morning": N_("Pain the next morning (0–10)"),
    "diary_legend": N_("0–{green} green: carry on. {amber_from}–{amber} amber: keep it the same. Above {amber} or worse the next "
    "morning: red, take a step back."),
    "diary_notes": N_("Notes and questions for your therapist:"),
    "diary_nothing": N_("No exercises in this week."),
    "footer_page": N_("page {page} of {total}"),
    "meta_subject": N_("Exercise plan and diary"),
    "kinds": {
        Kind.EDUCATION: N_("Understanding"),
        Kind.BREATHING: N_("Breathing"),
        Kind.MOBILITY: N_("Moving freely"),
        Kind.BALANCE: N_("Balance"),
        Kind.STRENGTH: N_("Strength"),
        Kind.DAILY: N_("Daily life"),
    },
}

_TABLE: dict[str, Any] = {**_EN, **rules_texts.EN}


class Words:
    """The fixed handout texts in one language, with dates and numbers as that language writes them.

    `w["key"]` is the text (or the list, tuple or mapping of texts) of `key`; `w("key", name=...)`
    fills in its placeholders."""

    def __init__(self, lang: str):
        self.lang = lang if lang in codes() else DEFAULT_LANGUAGE
        self._tr = translation(self.lang)
        self._locale = language(self.lang).locale

    def _word(self, value: Any) -> Any:
        if isinstance(value, str):
            return self._tr.gettext(value) if value else ""
        if isinstance(value, Msg):
            return word(value, self.lang)
        if isinstance(value, list):
            return [self._word(item) for item in value]
        if isinstance(value, tuple):
            return tuple(self._word(item) for item in value)
        if isinstance(value, dict):
            return {name: self._word(item) for name, item in value.items()}
        return value

    def __getitem__(self, key: str) -> Any:
        if key == "days_short":  # 'ma'..'zo' / 'Mon'..'Sun', Monday first; Babel loads on first use
            from babel.dates import get_day_names

            names = get_day_names("abbreviated", locale=self._locale)
            return tuple(names[day] for day in range(7))
        return self._word(_TABLE[key])

    def fill(self, text: str, **values: Any) -> str:
        """`text` with its placeholders filled in; numbers as the language writes them."""
        if not values:
            return text
        return text.format(**{name: number(value, self.lang) if isinstance(value, int | float)
                              and not isinstance(value, bool) else value for name, value in values.items()})

    def __call__(self, key: str, **values: Any) -> str:
        """The text for `key` with its placeholders filled in."""
        return self.fill(self[key], **values)

    def lines(self, key: str, **values: Any) -> list[str]:
        """The list of texts of `key`, each with its placeholders filled in."""
        return [self.fill(line, **values) for line in self[key]]

    def table(self) -> dict[str, Any]:
        """Every key's text in this language (for the tests and the checks)."""
        return {key: self[key] for key in (*_TABLE, "days_short")}

    def light(self, key: str, limit: int = PAIN_LIMIT_DEFAULT) -> str:
        """A traffic-light text with the bands of pain limit `limit` (thresholds.PainBands) filled in."""
        bands = PainBands(limit)
        return self(key, green=bands.green_max, amber_from=bands.amber_min, amber=bands.amber_max,
                    red_from=bands.red_min)

    def weeks(self, first: int, count: int) -> str:
        """'week 3' or 'week 3–6'."""
        if count <= 1:
            return self("weeks_one", a=first)
        return self("weeks_range", a=first, b=first + count - 1)

    def kind(self, kind: Kind) -> str:
        return str(self._word(_TABLE["kinds"][kind]))

    def date(self, day: dt.date, *, weekday: bool = False) -> str:
        """'3 december 2026' / '3 December 2026', optionally with the weekday ('dinsdag 3 december 2026')."""
        text = long_date(day, self.lang)
        if weekday:
            from babel.dates import format_date

            text = self("weekday_date", weekday=format_date(day, "EEEE", locale=self._locale), date=text)
        return text

    def short_date(self, day: dt.date) -> str:
        """'3 dec' / '3 Dec' (unambiguous in every language, unlike 3/12)."""
        from babel.dates import format_date

        return format_date(day, "d MMM", locale=self._locale)

    def appointment(self, when: dt.datetime | dt.date) -> str:
        """'dinsdag 3 december 2026 om 14:30'."""
        if isinstance(when, dt.datetime):
            from babel.dates import format_time

            return self("next_at", date=self.date(when.date(), weekday=True),
                        time=format_time(when.time(), "short", locale=self._locale))
        return self.date(when, weekday=True)


class _Tables(Mapping[str, dict[str, Any]]):
    """Every shipped language's worded table, by language code (read on use)."""

    def __getitem__(self, lang: str) -> dict[str, Any]:
        if lang not in codes():
            raise KeyError(lang)
        return Words(lang).table()

    def __iter__(self) -> Iterator[str]:
        return iter(codes())

    def __len__(self) -> int:
        return len(codes())


TABLES: Mapping[str, dict[str, Any]] = _Tables()
