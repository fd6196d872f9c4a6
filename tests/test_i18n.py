"""The .po reader: plain entries, plurals, context, multi-line strings and fuzzy entries."""

from __future__ import annotations

from planner import i18n

PO = r'''
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

msgid "Patients"
msgstr "Patiënten"

msgctxt "menu"
msgid "File"
msgstr "Bestand"

msgid "%(n)d block"
msgid_plural "%(n)d blocks"
msgstr[0] "%(n)d blok"
msgstr[1] "%(n)d blokken"

msgid ""
"A long "
"text"
msgstr ""
"Een lange "
"tekst"

#, fuzzy
msgid "Unsure"
msgstr "Onzeker"
'''


def test_po_entries_plurals_context_and_fuzzy():
    """Every kind of entry reads back; fuzzy entries are not used."""
    tr = i18n.PoTranslations(i18n.parse_po(PO))
    assert tr.gettext("Patients") == "Patiënten"
    assert tr.pgettext("menu", "File") == "Bestand"
    assert tr.ngettext("%(n)d block", "%(n)d blocks", 1) == "%(n)d blok"
    assert tr.ngettext("%(n)d block", "%(n)d blocks", 3) == "%(n)d blokken"
    assert tr.gettext("A long text") == "Een lange tekst"
    assert tr.gettext("Unsure") == "Unsure"
    assert tr.gettext("Not translated") == "Not translated"


def test_every_shipped_catalogue_parses_and_keeps_placeholders():
    """Each Dutch translation keeps the named placeholders of its English original."""
    import re

    from planner.paths import LOCALE_DIR

    for path in (LOCALE_DIR / "nl").glob("*.po"):
        for (_, msgid), forms in i18n.parse_po(path.read_text(encoding="utf-8")).items():
            wanted = set(re.findall(r"%\(\w+\)[sd]|\{\w*\}", msgid))
            for form in forms:
                if form:
                    assert set(re.findall(r"%\(\w+\)[sd]|\{\w*\}", form)) == wanted, (path.name, msgid)
