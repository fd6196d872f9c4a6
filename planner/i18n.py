"""One translation path for every layer: gettext catalogues managed with Babel.

English is the source language: message ids are English text with brace placeholders. Each shipped
language (`resources/locale/languages.json`) has one catalogue,
`resources/locale/<code>/LC_MESSAGES/herstelplan.po`, extracted and updated with `make messages` and
compiled to `.mo` by Babel (`make compile-messages`, part of every install and the bundle). A
catalogue whose `.mo` is missing or older than its `.po` is compiled in memory by Babel at first use,
so a source checkout never shows stale words.

The window's language is process-wide (`set_language`, `_`); the handout and the command line word in
the plan's language with `translation(lang)` and `word(message, lang)`. Numbers and dates are
formatted by Babel for the language's locale (`number`, `day_month`, `long_date`).
"""

from __future__ import annotations

import datetime as dt
import gettext as _gettext
import io
from functools import cache
from typing import Any

from planner.domain.messages import ByLanguage, Joined, Msg
from planner.languages import SOURCE_LANGUAGE, codes, language
from planner.paths import LOCALE_DIR

DOMAIN = "herstelplan"
SUPPORTED: tuple[str, ...] = codes()

__all__ = ["DOMAIN", "N_", "SOURCE_LANGUAGE", "SUPPORTED", "_", "current_language", "day_month",
           "language_label", "long_date", "ngettext", "number", "pgettext", "set_language", "translation",
           "word"]


def _compiled(code: str) -> _gettext.NullTranslations:
    po = LOCALE_DIR / code / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo = po.with_suffix(".mo")
    if mo.is_file() and (not po.is_file() or mo.stat().st_mtime >= po.stat().st_mtime):
        with mo.open("rb") as fp:
            return _gettext.GNUTranslations(fp)
    if not po.is_file():
        return _gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fp:
        catalog = read_po(fp, locale=code, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return _gettext.GNUTranslations(buffer)


@cache
def translation(lang: str) -> _gettext.NullTranslations:
    """The catalogue of `lang` (English and unknown codes: the identity)."""
    if lang == SOURCE_LANGUAGE or lang not in SUPPORTED:
        return _gettext.NullTranslations()
    return _compiled(lang)


_current: _gettext.NullTranslations = _gettext.NullTranslations()
_language = SOURCE_LANGUAGE


def set_language(lang: str) -> None:
    """Switch the window's language for the whole process."""
    global _current, _language
    _language = lang if lang in SUPPORTED else SOURCE_LANGUAGE
    _current = translation(_language)


def current_language() -> str:
    return _language


def _(message: str) -> str:
    return _current.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _current.pgettext(context, message)


def N_(message: str) -> str:  # noqa: N802 - the conventional name for 'mark for translation'
    """Mark a string for extraction without translating it now."""
    return message


# --- numbers, dates and messages, worded for a language --------------------------------------------


def number(value: float, lang: str | None = None) -> str:
    """`value` as the language writes it (Dutch: 1,5; English: 1.5), without needless decimals."""
    from babel.numbers import format_decimal

    return format_decimal(value, format="#,##0.##", locale=language(lang or _language).locale)


def day_month(date: dt.date, lang: str | None = None) -> str:
    """"4 december" / "4 December": a day in the diary or the review."""
    from babel.dates import format_date

    return format_date(date, format="d MMMM", locale=language(lang or _language).locale)


def long_date(date: dt.date, lang: str | None = None) -> str:
    """"4 december 2026": a date on the handout's cover."""
    from babel.dates import format_date

    return format_date(date, format="long", locale=language(lang or _language).locale)


def _param(value: Any, lang: str) -> Any:
    if isinstance(value, Msg):
        return word(value, lang)
    if isinstance(value, ByLanguage):
        return value.pick(lang)
    if isinstance(value, Joined):
        return value.separator.join(str(_param(part, lang)) for part in value.parts)
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return number(value, lang)
    if isinstance(value, dt.date):
        return day_month(value, lang)
    return value


def word(message: Msg | str, lang: str | None = None) -> str:
    """A message in `lang` (default: the window's language), its parameters filled in and worded in
    the same language: numbers by Babel, dates as day and month, nested messages recursively."""
    lang = lang or _language
    if isinstance(message, str):
        return message
    tr = _current if lang == _language else translation(lang)
    if message.plural is not None and message.count is not None:
        text = tr.ngettext(message.id, message.plural, message.count)
    elif message.context is not None:
        text = tr.pgettext(message.context, message.id)
    else:
        text = tr.gettext(message.id)
    if not message.params:
        return text
    return text.format(**{name: _param(value, lang) for name, value in message.params})


def language_label(code: str) -> str:
    """A language as the choosers show it: its own name, and until a therapist who speaks it has
    checked it, "(not yet reviewed)" in the window's language."""
    lang = language(code)
    if lang.reviewed:
        return lang.name
    return _("{language} (not yet reviewed)").format(language=lang.name)
