"""The words of a review: the headline per outcome and the red-flag message, in Dutch and English."""

from __future__ import annotations

from collections.abc import Sequence

from planner.domain.thresholds import RedFlag
from planner.i18n import translation

FLAG_NAMES = {
    RedFlag.SADDLE: ("gevoelloosheid in het zitvlak of de lies", "numbness in the seat or groin"),
    RedFlag.BLADDER_BOWEL: ("een verandering bij plassen of ontlasting", "a change in bladder or bowel control"),
    RedFlag.SPREADING_WEAKNESS: ("zwakte of gevoelloosheid die zich uitbreidt", "weakness or numbness that spreads"),
    RedFlag.FEVER: ("koorts", "fever"),
    RedFlag.WEIGHT_LOSS: ("onverklaard gewichtsverlies", "unexplained weight loss"),
    RedFlag.NIGHT_PAIN: ("constante pijn 's nachts", "constant pain at night"),
    RedFlag.FALL: ("een val met letsel", "a fall with injury"),
    RedFlag.CHEST: ("pijn op de borst of kortademigheid", "chest pain or breathlessness"),
}


def counted(singular: str, plural: str, n: int, **values: object) -> tuple[str, str]:
    """A sentence with a count, in Dutch and English: the English message ids (with `%(n)d` and named
    placeholders, never an f-string) and their Dutch plural forms live in `resources/locale/nl`."""
    args = {"n": n, **values}
    return (translation("nl").ngettext(singular, plural, n) % args,
            translation("en").ngettext(singular, plural, n) % args)


def nprs_rise_words(previous: float, latest: float, line: float) -> tuple[str, str]:
    """The reason for a real rise of NPRS since the last measurement (issue 16): named, but the
    advice still follows the diary."""
    a, b, n = f"{previous:g}", f"{latest:g}", f"{line:g}"
    return (f"NPRS gestegen van {a} naar {b} sinds de vorige meting: minstens {n} punten, een echte verandering. "
            "Bespreek het samen; het advies volgt het dagboek.",
            f"NPRS rose from {a} to {b} since the last measurement: at least {n} points, a real change. "
            "Talk it through; the advice follows the diary.")


def flag_name(flag: RedFlag, lang: str) -> str:
    nl, en = FLAG_NAMES[flag]
    return nl if lang == "nl" else en


def flag_words(flags: Sequence[RedFlag]) -> tuple[str, str]:
    """The stop message naming the flags: same-day medical care for saddle or bladder/bowel."""
    names_nl = ", ".join(flag_name(f, "nl") for f in flags)
    names_en = ", ".join(flag_name(f, "en") for f in flags)
    if any(f.same_day_medical_care for f in flags):
        return (f"Alarmsignaal: {names_nl}. Vandaag nog medische zorg: huisarts of huisartsenpost. "
                "Niet verder opbouwen.",
                f"Red flag: {names_en}. Medical care today: the GP or the out-of-hours GP post. No progression.")
    return (f"Alarmsignaal: {names_nl}. Bel vandaag je therapeut. Niet verder opbouwen.",
            f"Red flag: {names_en}. Call your therapist today. No progression.")


def outcome_headline(outcome, step, flags: Sequence[RedFlag], lang: str) -> str:
    nl = lang == "nl"
    value = outcome.value
    if value == "progress":
        half = step is not None and step.value == "half"
        if nl:
            return "Advies: een halve stap verder" if half else "Advies: een stap verder"
        return "Advice: progress, half a step" if half else "Advice: progress"
    if value == "stop":
        return (("Stop: " if nl else "Stop: ") + ", ".join(flag_name(f, lang) for f in flags)) if flags else "Stop"
    return {
        "continue": ("Advies: zo doorgaan", "Advice: continue"),
        "hold": ("Advies: deze week nog een week aanhouden", "Advice: hold this week's quota one more week"),
        "step-back": ("Advies: een stap terug, en blijven bewegen", "Advice: step back, and keep moving"),
        "review": ("Samen bekijken met de therapeut", "Review with the therapist"),
    }[value][0 if nl else 1]
