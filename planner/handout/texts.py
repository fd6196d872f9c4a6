"""The handout's own words in Dutch (B1, "je" form) and English, independent of the UI language.

The handout language is chosen per patient, so these texts live in a small table here rather
than in the process-wide UI catalogue. Both languages must have exactly the same keys (a test
checks it). Placeholders use `%(name)s` / `%(name)d`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from planner.domain.kinds import Kind
from planner.domain.thresholds import PAIN_LIMIT_DEFAULT, PainBands
from planner.handout import rules_texts

_NL: dict[str, Any] = {
    # cover
    "cover_title": "Jouw herstelplan",
    "goal_label": "Jouw doel",
    "towards_label": "Hier werk je naartoe",
    "gained_label": "Wat je al gewonnen hebt",
    "gain_harder": "Bij de start was %(activity)s moeilijk: %(first)s van de 10. Nu is het %(last)s van de 10.",
    "gain_harder_same": "%(activity)s: %(last)s van de 10, net als bij de start. Je houdt het vast.",
    "gain_able": "Bij de start kon je %(activity)s voor %(first)s van de 10. Nu is dat %(last)s van de 10.",
    "gain_able_same": "%(activity)s: %(last)s van de 10, net als bij de start. Je houdt het vast.",
    "plan_label": "Zo ziet je plan eruit",
    "therapist_label": "Je therapeut",
    "clinic_label": "Praktijk",
    "phone_label": "Telefoon",
    "email_label": "E-mail",
    "address_label": "Adres",
    "made_on": "Gemaakt op %(date)s",
    "starts_on": "Je plan begint op %(date)s.",
    "how_title": "Zo gebruik je dit boekje",
    # timeline
    "week": "week",
    "weeks_one": "week %(a)d",
    "weeks_range": "week %(a)d–%(b)d",
    "phase_n": "Fase %(n)d",
    "phase_n_of": "Fase %(n)d van %(total)d",
    "you_are_here": "Hier ben je nu",
    # what changed
    "changes_title": "Wat is er veranderd sinds je vorige bezoek?",
    # why this works
    "why_title": "Waarom dit werkt",
    "why_intro": [
        "Pijn die lang blijft, betekent meestal niet dat er iets kapot is. Vaak staat het alarm "
        "in je zenuwstelsel te gevoelig. Het waarschuwt dan al bij een gewone beweging.",
        "Dat alarm kun je weer rustiger afstellen. Dat lukt met uitleg, rustig ademen en veilig "
        "bewegen. En vooral door het vaak te herhalen, in kleine stapjes.",
    ],
    "why_pillars": [
        ("Begrijpen", "Weten wat pijn is, maakt je minder bang."),
        ("Ademen", "Rustig uitademen kalmeert je lichaam snel."),
        ("Bewegen", "Kleine, rustige bewegingen geven veilige signalen."),
        ("Opbouwen", "Stap voor stap iets meer, volgens je plan."),
    ],
    "why_expect_title": "Wat mag je verwachten?",
    # pain traffic light
    "tl_title": "Het pijnstoplicht",
    "tl_intro": "Een beetje pijn tijdens het oefenen mag. Het pijnstoplicht helpt je kiezen: doorgaan, "
    "hetzelfde houden of een stap terug. Let op twee dingen: de pijn tijdens het oefenen en "
    "hoe je je de volgende ochtend voelt. De ochtend erna telt het zwaarst.",
    "tl_col_light": "",
    "tl_col_when": "Hoeveel pijn?",
    "tl_col_do": "Wat doe je?",
    "tl_green": "Groen",
    "tl_green_when": "Tijdens het oefenen. De volgende ochtend is het weer zoals je gewend bent.",
    "tl_green_range": "pijn 0–%(green)d",
    "tl_green_do": "Ga door zoals gepland.",
    "tl_green_more": "Je mag opbouwen zoals in je plan staat.",
    "tl_amber": "Oranje",
    "tl_amber_when": "Tijdens het oefenen.",
    "tl_amber_range": "pijn %(amber_from)d–%(amber)d",
    "tl_amber_do": "Houd het hetzelfde.",
    "tl_amber_more": "Doe dezelfde oefeningen, maar maak ze nog niet zwaarder.",
    "tl_red": "Rood",
    "tl_red_when": "Tijdens het oefenen. Of: de volgende ochtend meer pijn of stijfheid dan normaal.",
    "tl_red_range": "pijn %(red_from)d–10",
    "tl_red_do": "Doe een stap terug.",
    "tl_red_more": "Blijf wel bewegen. Hieronder lees je hoe.",
    "tl_back_title": "Wat is een stap terug?",
    "tl_call_title": "Wanneer bel je je therapeut?",
    # phases and blocks
    "focus_label": "Waar gaat het om?",
    "move_on_title": "Wanneer ga je door naar fase %(n)d?",
    "move_on_last": "Wanneer heb je deze fase afgerond?",
    "move_on_note": "Je therapeut bespreekt dit met je.",
    "dose_label": "Zo vaak:",
    "level_label": "Zo doe je het nu:",
    "safety_label": "Let op:",
    "note_label": "Van je therapeut:",
    "steps_label": "Wat kun je doen?",
    "education_more": "Meer uitleg staat bij 'Waarom dit werkt'.",
    "daily_more": "Uitleg en tips staan bij 'In het dagelijks leven'.",
    "no_blocks": "In deze fase staan nog geen oefeningen. Je therapeut vult ze aan.",
    # daily life
    "daily_title": "In het dagelijks leven",
    "daily_intro": "Je herstel gebeurt niet alleen tijdens je oefeningen. Ook wat je de rest van "
    "de dag doet, telt mee.",
    "daily_in_phase": "In fase %(n)d:",
    "tips_title": "Kleine dingen die helpen",
    "tips": [
        "Wissel vaak van houding. Zit je lang? Sta elk half uur even op.",
        "Maak elke dag een rustige wandeling.",
        "Ga op vaste tijden naar bed en sta op vaste tijden op.",
        "Neem elke dag een moment om te ontspannen.",
        "Verdeel zware klussen over de week. Doe af en toe iets wat je leuk vindt.",
    ],
    # contact
    "contact_title": "Contact",
    "contact_intro": "Heb je vragen? Bel of mail gerust.",
    "next_title": "Je volgende afspraak",
    "next_none": "Schrijf hier je volgende afspraak op:",
    "next_at": "%(date)s om %(time)s",
    "bring": "Neem dit boekje en je dagboek mee naar je afspraak.",
    # diary
    "diary_title": "Dagboek week %(week)d",
    "diary_phase": "Fase %(n)d: %(name)s",
    "diary_dates": "%(start)s tot en met %(end)s",
    "diary_how": "Zet een vinkje in een hokje als je de oefening gedaan hebt. Schrijf bij pijn een "
    "cijfer van 0 tot 10. 0 is geen pijn, 10 is de ergste pijn die je kunt bedenken.",
    "diary_exercise": "Oefening",
    "diary_pain_during": "Pijn tijdens het oefenen (0–10)",
    "diary_pain_morning": "Pijn de ochtend erna (0–10)",
    "diary_legend": "0–%(green)d groen: ga door. %(amber_from)d–%(amber)d oranje: houd het hetzelfde. Hoger dan %(amber)d of slechter "
    "de ochtend erna: rood, doe een stap terug.",
    "diary_notes": "Opmerkingen en vragen voor je therapeut:",
    "diary_nothing": "Geen oefeningen in deze week.",
    "days_short": ("ma", "di", "wo", "do", "vr", "za", "zo"),
    # page
    "footer_page": "pagina %(page)d van %(total)d",
    "meta_subject": "Oefenplan en dagboek",
    "kinds": {
        Kind.EDUCATION: "Uitleg",
        Kind.BREATHING: "Ademhaling",
        Kind.MOBILITY: "Soepel bewegen",
        Kind.BALANCE: "Balans",
        Kind.STRENGTH: "Kracht",
        Kind.DAILY: "Dagelijks leven",
    },
    "months": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
               "september", "oktober", "november", "december"),
    "months_short": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "weekdays": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
}

_EN: dict[str, Any] = {
    "cover_title": "Your recovery plan",
    "goal_label": "Your goal",
    "towards_label": "What you are working towards",
    "gained_label": "What you have gained",
    "gain_harder": "At the start, %(activity)s was hard: %(first)s out of 10. Now it is %(last)s out of 10.",
    "gain_harder_same": "%(activity)s: %(last)s out of 10, the same as at the start. You are holding on to it.",
    "gain_able": "At the start, you could do %(activity)s %(first)s out of 10. Now it is %(last)s out of 10.",
    "gain_able_same": "%(activity)s: %(last)s out of 10, the same as at the start. You are holding on to it.",
    "plan_label": "Your plan at a glance",
    "therapist_label": "Your therapist",
    "clinic_label": "Clinic",
    "phone_label": "Phone",
    "email_label": "E-mail",
    "address_label": "Address",
    "made_on": "Made on %(date)s",
    "starts_on": "Your plan starts on %(date)s.",
    "how_title": "How to use this booklet",
    "week": "week",
    "weeks_one": "week %(a)d",
    "weeks_range": "weeks %(a)d–%(b)d",
    "phase_n": "Phase %(n)d",
    "phase_n_of": "Phase %(n)d of %(total)d",
    "you_are_here": "You are here",
    "changes_title": "What changed since your last visit?",
    "why_title": "Why this works",
    "why_intro": [
        "Pain that lasts a long time usually does not mean that something is damaged. Often the "
        "alarm in your nervous system is set too sensitive. It then warns you at an ordinary "
        "movement.",
        "You can set that alarm calmer again. Explanation, slow breathing and safe movement help. "
        "Above all, repeating them often, in small steps.",
    ],
    "why_pillars": [
        ("Understand", "Knowing what pain is makes you less afraid."),
        ("Breathe", "Slow breathing out calms your body quickly."),
        ("Move", "Small, calm movements send safe signals."),
        ("Build up", "Step by step a little more, as planned."),
    ],
    "why_expect_title": "What can you expect?",
    "tl_title": "The pain traffic light",
    "tl_intro": "A little pain during your exercises is allowed. The pain traffic light helps you "
    "choose: carry on, keep it the same, or take a step back. Watch two things: the pain while "
    "you exercise and how you feel the next morning. The next morning counts most.",
    "tl_col_light": "",
    "tl_col_when": "How much pain?",
    "tl_col_do": "What do you do?",
    "tl_green": "Green",
    "tl_green_when": "While exercising. By the next morning it is back to what you are used to.",
    "tl_green_range": "pain 0–%(green)d",
    "tl_green_do": "Carry on as planned.",
    "tl_green_more": "You may build up as your plan says.",
    "tl_amber": "Amber",
    "tl_amber_when": "While exercising.",
    "tl_amber_range": "pain %(amber_from)d–%(amber)d",
    "tl_amber_do": "Keep it the same.",
    "tl_amber_more": "Do the same exercises, but don't make them harder yet.",
    "tl_red": "Red",
    "tl_red_when": "While exercising. Or: more pain or stiffness than usual the next morning.",
    "tl_red_range": "pain %(red_from)d–10",
    "tl_red_do": "Take a step back.",
    "tl_red_more": "Do keep moving. Below you can read how.",
    "tl_back_title": "What is a step back?",
    "tl_call_title": "When do you call your therapist?",
    "focus_label": "What this phase is about",
    "move_on_title": "When do you move on to phase %(n)d?",
    "move_on_last": "When have you finished this phase?",
    "move_on_note": "Your therapist will talk this through with you.",
    "dose_label": "How often:",
    "level_label": "How you do it now:",
    "safety_label": "Take care:",
    "note_label": "From your therapist:",
    "steps_label": "What you can do",
    "education_more": "You can read more under 'Why this works'.",
    "daily_more": "Explanation and tips are under 'In daily life'.",
    "no_blocks": "There are no exercises in this phase yet. Your therapist will add them.",
    "daily_title": "In daily life",
    "daily_intro": "Your recovery does not only happen during your exercises. What you do during "
    "the rest of the day counts too.",
    "daily_in_phase": "In phase %(n)d:",
    "tips_title": "Small things that help",
    "tips": [
        "Change your position often. Sitting for a long time? Stand up every half hour.",
        "Take a calm walk every day.",
        "Go to bed and get up at regular times.",
        "Take a moment to relax every day.",
        "Spread heavy jobs over the week. Do something you enjoy now and then.",
    ],
    "contact_title": "Contact",
    "contact_intro": "Any questions? Feel free to call or e-mail.",
    "next_title": "Your next appointment",
    "next_none": "Write your next appointment here:",
    "next_at": "%(date)s at %(time)s",
    "bring": "Bring this booklet and your diary to your appointment.",
    "diary_title": "Diary week %(week)d",
    "diary_phase": "Phase %(n)d: %(name)s",
    "diary_dates": "%(start)s to %(end)s",
    "diary_how": "Tick a box when you have done the exercise. For pain, write a number from 0 to "
    "10. 0 is no pain, 10 is the worst pain you can imagine.",
    "diary_exercise": "Exercise",
    "diary_pain_during": "Pain during exercise (0–10)",
    "diary_pain_morning": "Pain the next morning (0–10)",
    "diary_legend": "0–%(green)d green: carry on. %(amber_from)d–%(amber)d amber: keep it the same. Above %(amber)d or worse the next "
    "morning: red, take a step back.",
    "diary_notes": "Notes and questions for your therapist:",
    "diary_nothing": "No exercises in this week.",
    "days_short": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "footer_page": "page %(page)d of %(total)d",
    "meta_subject": "Exercise plan and diary",
    "kinds": {
        Kind.EDUCATION: "Understanding",
        Kind.BREATHING: "Breathing",
        Kind.MOBILITY: "Moving freely",
        Kind.BALANCE: "Balance",
        Kind.STRENGTH: "Strength",
        Kind.DAILY: "Daily life",
    },
    "months": ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"),
    "months_short": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "weekdays": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}

TABLES: dict[str, dict[str, Any]] = {"nl": {**_NL, **rules_texts.NL}, "en": {**_EN, **rules_texts.EN}}


class Words:
    """The fixed handout texts of one language, with date formatting in that language."""

    def __init__(self, lang: str):
        self.lang = lang if lang in TABLES else "nl"
        self._table = TABLES[self.lang]

    def __getitem__(self, key: str) -> Any:
        return self._table[key]

    def __call__(self, key: str, **values: Any) -> str:
        """The text for `key` with its placeholders filled in."""
        text = self._table[key]
        return text % values if values else text

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
        return self._table["kinds"][kind]

    def date(self, day: dt.date, *, weekday: bool = False) -> str:
        """'3 december 2026' / '3 December 2026', optionally with the weekday in front."""
        text = f"{day.day} {self._table['months'][day.month - 1]} {day.year}"
        if weekday:
            text = f"{self._table['weekdays'][day.weekday()]} {text}"
        return text

    def short_date(self, day: dt.date) -> str:
        """'3 dec' / '3 Dec' (unambiguous in both languages, unlike 3/12)."""
        return f"{day.day} {self._table['months_short'][day.month - 1]}"

    def appointment(self, when: dt.datetime | dt.date) -> str:
        """'dinsdag 3 december 2026 om 14:30'."""
        if isinstance(when, dt.datetime):
            return self("next_at", date=self.date(when.date(), weekday=True), time=when.strftime("%H:%M"))
        return self.date(when, weekday=True)
