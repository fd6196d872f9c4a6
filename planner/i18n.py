"""gettext for every layer: `from planner.i18n import _`.

English is the source language. Translations live as plain `.po` files in
`resources/locale/<lang>/*.po` (one file per area: ui.po, handout.po, ...); they are parsed at
start (a few milliseconds, no compile step, no generated files to keep in sync).
The UI language is process-wide (`set_language`); the handout asks for its own language with
`translation(lang)`, independent of the UI.
"""

from __future__ import annotations

import ast
import gettext as _gettext
from functools import cache
from pathlib import Path

from planner.paths import LOCALE_DIR

SOURCE_LANGUAGE = "en"
SUPPORTED = ("nl", "en")


class PoTranslations(_gettext.NullTranslations):
    """Translations read from .po files: msgctxt, plurals (Dutch/English rule: n != 1), fuzzy skipped."""

    def __init__(self, catalog: dict[tuple[str | None, str], list[str]]):
        super().__init__()
        self._catalog = catalog

    def gettext(self, message: str) -> str:
        found = self._catalog.get((None, message))
        return found[0] if found and found[0] else message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        found = self._catalog.get((None, singular))
        index = 0 if n == 1 else 1
        if found and len(found) > index and found[index]:
            return found[index]
        return singular if n == 1 else plural

    def pgettext(self, context: str, message: str) -> str:
        found = self._catalog.get((context, message))
        return found[0] if found and found[0] else message


def parse_po(text: str) -> dict[tuple[str | None, str], list[str]]:
    """Parse the subset of the PO format that Babel and Poedit write."""
    catalog: dict[tuple[str | None, str], list[str]] = {}
    entry: dict[str, str] = {}
    fuzzy = False
    current: str | None = None

    def flush() -> None:
        nonlocal entry, fuzzy
        msgid = entry.get("msgid")
        if msgid and not fuzzy:
            forms = [entry[k] for k in sorted(k for k in entry if k.startswith("msgstr"))]
            catalog[(entry.get("msgctxt"), msgid)] = forms
        entry, fuzzy = {}, False

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
            current = None
            continue
        if line.startswith("#,") and "fuzzy" in line:
            fuzzy = True
            continue
        if line.startswith("#"):
            continue
        if line.startswith('"'):
            if current is not None:
                entry[current] += ast.literal_eval(line)
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and "msgstr" in entry:
            flush()
        if keyword.startswith("msgstr["):
            keyword = f"msgstr{int(keyword[7:-1]):02d}"
        current = keyword
        entry[current] = ast.literal_eval(rest)
    flush()
    return catalog


@cache
def translation(lang: str) -> _gettext.NullTranslations:
    """The translations for `lang` (English: the identity)."""
    if lang == SOURCE_LANGUAGE or lang not in SUPPORTED:
        return _gettext.NullTranslations()
    catalog: dict[tuple[str | None, str], list[str]] = {}
    folder = Path(LOCALE_DIR) / lang
    for path in sorted(folder.glob("*.po")):
        catalog.update(parse_po(path.read_text(encoding="utf-8")))
    return PoTranslations(catalog)


_current: _gettext.NullTranslations = _gettext.NullTranslations()
_language = SOURCE_LANGUAGE


def set_language(lang: str) -> None:
    """Switch the UI language for the whole process."""
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
