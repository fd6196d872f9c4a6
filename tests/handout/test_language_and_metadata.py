"""The plan's language everywhere (finding 4): the handout's own words, names the program made, the
PDF's /Lang and title."""

from __future__ import annotations

from dataclasses import replace

import pytest

from planner.handout.document import render
from planner.handout.model import HandoutOptions
from planner.handout.texts import TABLES
from planner.languages import codes
from planner.services import handouts, plans
from tests.handout.helpers import page_texts, plan, reader, text


def _own_sentences(lang: str) -> list[str]:
    """The handout's fixed texts in `lang` that are long enough to be unmistakably that language and
    differ from every other language's text (placeholders cut off)."""
    found = []
    for key, value in TABLES[lang].items():
        for item in value if isinstance(value, list | tuple) else [value]:
            if not isinstance(item, str):
                continue
            head = item.split("{")[0].split("<b>")[0].strip()
            if len(head) >= 14 and all(head not in str(TABLES[other].get(key)) for other in codes() if other != lang):
                found.append(head)
    return found


@pytest.mark.parametrize("full", [False, True])
@pytest.mark.parametrize("lang", codes())
def test_handout_has_no_fixed_words_of_the_other_language(db, demo_id, lang, full):
    """Finding 4: the words the handout makes are in the handout's language only (the demo, desk and full)."""
    flat = text(handouts.render_handout(db, demo_id, HandoutOptions(lang=lang, full=full)))
    foreign = [sentence for other in codes() if other != lang for sentence in _own_sentences(other) if sentence in flat]
    assert not foreign, foreign


@pytest.mark.parametrize("lang", codes())
def test_program_made_phase_names_are_worded_in_the_handouts_language(lang):
    """A phase the program named 'Phase 2' (English UI) prints as 'Fase 2' on a Dutch handout and the
    other way round; names the therapist typed print as typed."""
    from planner.services.handouts import phase_name

    assert phase_name("Phase 2", "nl") == "Fase 2" and phase_name("Fase 3", "en") == "Phase 3"
    assert phase_name("Phase two of my plan", "nl") == "Phase two of my plan"
    assert phase_name("Rust en uitleg", "en") == "Rust en uitleg"


def test_english_ui_plan_prints_dutch_phase_names_on_a_dutch_handout(db, demo_id):
    """A plan whose phases are stored as 'Phase 1..3' (made by the English wizard) prints 'Fase 2 van 3'
    and 'Fase 2', never 'Phase 2', on the Dutch handout."""
    plan_view = plans.get_plan(db, demo_id)
    for number, phase in enumerate(plan_view.phases, 1):
        plans.update_phase(db, phase.id, name=f"Phase {number}")
    flat = text(handouts.render_handout(db, demo_id, HandoutOptions(lang="nl", full=True)))
    assert "Fase 2 van 3" in flat and "Phase" not in flat


@pytest.mark.parametrize(("lang", "title", "tag"), [("nl", "Jouw herstelplan", "nl-NL"),
                                                     ("en", "Your recovery plan", "en-GB")])
def test_pdf_says_its_language_and_title_in_the_plans_language(lang, title, tag):
    """/Lang in the catalogue and the document title in the handout's language (read back with pypdf)."""
    pdf = reader(render(plan(title="Rug"), HandoutOptions(lang=lang)))
    assert pdf.trailer["/Root"]["/Lang"] == tag
    assert pdf.metadata.title == f"{title}: Rug"
    assert reader(render(replace(plan(), title=""), HandoutOptions(lang=lang))).metadata.title == title


def _languages_with(monkeypatch, *, reviewed_nl: bool = True, extra=()):
    """languages.json as the program reads it, with Dutch's `reviewed` flag and extra languages."""
    from planner import languages

    shipped = tuple(replace(lang, reviewed=reviewed_nl) if lang.code == "nl" else lang
                    for lang in languages.languages())
    monkeypatch.setattr(languages, "languages", lambda: (*shipped, *extra))


@pytest.mark.parametrize("full", [False, True])
def test_a_handout_in_a_language_not_yet_reviewed_says_so_on_its_cover(monkeypatch, full):
    """Issue 15: a handout in a language whose `reviewed` is false says on its cover, in that language
    and with the language's own name, that no therapist who speaks it has checked it yet."""
    options = HandoutOptions(lang="nl", full=full)
    note = "Deze vertaling is nog niet nagekeken door een therapeut die Nederlands spreekt."
    assert note not in text(render(plan(), options))  # Dutch is reviewed: no note
    _languages_with(monkeypatch, reviewed_nl=False)
    pages = [" ".join(page.split()) for page in page_texts(render(plan(), options))]
    assert note in pages[0] and not any(note in page for page in pages[1:])
    assert note not in text(render(plan(), HandoutOptions(lang="en", full=full)))


def test_a_language_that_is_only_data_prints_with_its_own_tag_dates_and_note(monkeypatch):
    """A language listed in languages.json without any code (here without a catalogue either): its
    handout has its BCP 47 tag as /Lang, its dates from Babel, and the not-reviewed note."""
    from planner.languages import Language

    _languages_with(monkeypatch, extra=(Language("de", "Deutsch", "de_DE", "de-DE", reviewed=False),))
    data = render(plan(), HandoutOptions(lang="de"))
    assert reader(data).trailer["/Root"]["/Lang"] == "de-DE"
    flat = text(data)
    assert "2. März 2026" in flat  # the plan's start and issue date, worded by Babel for de_DE
    assert "who speaks Deutsch" in flat  # no German catalogue: the English id, with its name


@pytest.mark.parametrize("full", [False, True])
def test_english_export_of_the_dutch_demo_words_the_phases_the_wizard_made_in_english(db, demo_id, full):
    """Finding 4: 'an English export of a Dutch plan is English except what the therapist typed'. The
    demo's phases were named by the wizard (not typed): 'Opbouwen' and 'Volgens schema' are Dutch."""
    flat = text(handouts.render_handout(db, demo_id, HandoutOptions(lang="en", full=full)))
    for dutch in ("Opbouwen", "Begrijpen en rustig beginnen", "Volgens schema", "Terug naar je dagelijkse leven"):
        assert dutch not in flat, dutch
