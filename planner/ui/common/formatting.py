"""Dates and times as the therapist reads them, in the UI language."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QTime

from planner.i18n import _, current_language
from planner.languages import language


def locale() -> QLocale:
    """Qt's locale of the program's language ("nl_NL", "en_GB": languages.json)."""
    return QLocale(language(current_language()).locale)


def date_text(value: dt.date | None) -> str:
    """'3 nov. 2026' / '3 Nov 2026'; empty for no date."""
    if value is None:
        return ""
    return locale().toString(QDate(value.year, value.month, value.day), "d MMM yyyy")


def changed_text(value: dt.datetime | None, *, now: dt.datetime | None = None) -> str:
    """When something last changed: 'today 14:05', 'yesterday', or a date (stored times are UTC)."""
    if value is None:
        return ""
    local = value.replace(tzinfo=dt.UTC).astimezone()
    today = (now or dt.datetime.now().astimezone()).date()
    if local.date() == today:
        time = locale().toString(QTime(local.hour, local.minute), "HH:mm")
        return _("today %(time)s") % {"time": time}
    if local.date() == today - dt.timedelta(days=1):
        return _("yesterday")
    return date_text(local.date())


def age_years(birth: dt.date | None, *, today: dt.date | None = None) -> int | None:
    if birth is None:
        return None
    today = today or dt.date.today()
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


DATE_INPUT_FORMATS = ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d", "%d-%m-%y", "%d%m%Y")


def parse_date(text: str) -> dt.date | None:
    """A typed date (25-12-1960, 25/12/1960, 1960-12-25, 25121960); None when it is not a date.
    Two-digit years mean the last hundred years (a date of birth is never in the future)."""
    text = text.strip()
    for fmt in DATE_INPUT_FORMATS:
        try:
            value = dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if fmt.endswith("%y") and value > dt.date.today():
            value = value.replace(year=value.year - 100)
        return value
    return None


def date_input_text(value: dt.date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else ""
