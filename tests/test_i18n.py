"""The one translation path: Babel catalogues per shipped language, messages worded where shown."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from babel.messages.pofile import read_po

from planner import i18n
from planner.domain.messages import MessageError, msg, nmsg, pmsg
from planner.languages import codes, language, languages
from planner.paths import LOCALE_DIR

PLACEHOLDER = re.compile(r"\{\w*\}")


def _catalogue(code: str):
    with (LOCALE_DIR / code / "LC_MESSAGES" / f"{i18n.DOMAIN}.po").open("rb") as fp:
        return read_po(fp, locale=code)


def test_the_shipped_languages_are_data():
    """languages.json lists the languages; English is the source, every other one has a catalogue."""
    assert "en" in codes() and "nl" in codes()
    assert i18n.SUPPORTED == codes()
    for lang in languages():
        assert lang.bcp47.startswith(lang.code) and lang.locale.startswith(lang.code)
        if lang.code != "en":
            assert (LOCALE_DIR / lang.code / "LC_MESSAGES" / f"{i18n.DOMAIN}.po").is_file(), lang.code
    assert language("xx").code == "en"


@pytest.mark.parametrize("code", [c for c in codes() if c != "en"])
def test_every_catalogue_passes_babels_checks_and_keeps_placeholders(code):
    """Babel's own checks (python-format, plural forms) pass, and each translation keeps exactly the
    brace placeholders of its English id: a renamed placeholder would raise a KeyError when shown."""
    catalogue = _catalogue(code)
    problems = [(m.id, [str(e) for e in errors]) for m, errors in catalogue.check()]
    assert not problems
    for message in catalogue:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = set(PLACEHOLDER.findall(ids[-1])) | set(PLACEHOLDER.findall(ids[0]))
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for form in strings:
            if form:
                assert set(PLACEHOLDER.findall(form)) <= wanted, (code, message.id, form)


def test_a_message_is_worded_in_the_language_asked_with_its_numbers_and_dates():
    n = nmsg("{n} check-in", "{n} check-ins", 3)
    assert i18n.word(n, "en") == "3 check-ins"
    assert i18n.word(nmsg("{n} check-in", "{n} check-ins", 1), "en") == "1 check-in"
    assert i18n.number(1.5, "nl") == "1,5" and i18n.number(1.5, "en") == "1.5"
    assert i18n.number(2.0, "nl") == "2"
    assert i18n.day_month(dt.date(2026, 3, 4), "nl") == "4 maart"
    assert i18n.day_month(dt.date(2026, 3, 4), "en") == "4 March"
    nested = msg("Before {when}: {what}", when=dt.date(2026, 3, 4), what=msg("Patients"))
    assert i18n.word(nested, "nl") == "Before 4 maart: Patiënten"  # the id is untranslated, its parts are
    assert i18n.word(pmsg("menu", "Unknown words"), "nl") == "Unknown words"


def test_an_error_carries_its_message_and_is_worded_where_it_is_shown():
    error = MessageError(msg("Patients"))
    assert str(error) == "Patients"
    assert i18n.word(error.message, "nl") == "Patiënten"


def test_a_language_not_yet_reviewed_says_so_where_it_is_chosen(monkeypatch):
    from planner import languages as languages_module

    fake = languages_module.Language("tr", "Türkçe", "tr_TR", "tr-TR", reviewed=False)
    monkeypatch.setattr(i18n, "language", lambda code: fake)
    assert i18n.language_label("tr") == "Türkçe (not yet reviewed)"
    assert i18n.language_label("nl") == "Türkçe (not yet reviewed)"  # the fake answers every code
    monkeypatch.undo()
    assert i18n.language_label("nl") == "Nederlands"


def test_a_stale_compiled_catalogue_is_not_used(tmp_path, monkeypatch):
    """A .mo older than its .po is compiled again in memory: a source checkout never shows old words."""
    folder = tmp_path / "nl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "herstelplan.po").write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                                           'msgid "Patients"\nmsgstr "Cliënten"\n', encoding="utf-8")
    (folder / "herstelplan.mo").write_bytes(b"stale")
    import os

    os.utime(folder / "herstelplan.mo", (0, 0))
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    assert i18n._compiled("nl").gettext("Patients") == "Cliënten"
