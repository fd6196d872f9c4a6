"""The demo plan's handout end to end: every section, block and dosage line in both languages,
page numbers and footer, metadata, no private notes, and every page renders and is not blank."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from PIL import Image

from planner.domain.dosage import detail_words, volume_words
from planner.domain.kinds import Kind
from planner.domain.messages import Msg
from planner.handout import texts
from planner.handout.model import HandoutOptions
from planner.handout.texts import Words
from planner.languages import codes
from planner.paths import LOCALE_DIR
from planner.services import handouts, plan_items, plans
from tests.handout.helpers import page_texts, reader, text

# The demo plan is time-contingent (graded activity): its handout explains that mode's rules only, so
# the pain traffic light's headings never print (tests/handout/test_rules_and_safety.py covers both modes).
SECTIONS = {
    "nl": ["Jouw herstelplan", "Jouw doel", "Zo ziet je plan eruit", "Waarom dit werkt",
           "Je afgesproken hoeveelheid", "3 ochtenden achter elkaar slechter?", "Wanneer bel je je therapeut?",
           "Je trap voor een spannende activiteit",
           "In het dagelijks leven", "Een opvlamming of een slechte dag", "Contact",
           "Dagboek: fase 1", "Pijn tijdens", "Ochtend slechter", "Pijn 's ochtends", "Fase 1 van 3",
           "Wanneer ga je door naar fase 2?"],
    "en": ["Your recovery plan", "Your goal", "Your plan at a glance", "Why this works",
           "Your agreed amount", "3 worse mornings in a row?", "When do you call your therapist?",
           "Your ladder for a difficult activity", "In daily life", "A flare-up or a bad day", "Contact",
           "Diary: phase 1", "Pain during", "Morning worse", "Morning pain",
           "Phase 1 of 3", "When do you move on to phase 2?"],
    "tr": ["İyileşme planınız", "Hedefiniz", "Planınıza genel bakış", "Bu neden işe yarar",
           "Kararlaştırılan miktarınız", "3 sabah üst üste daha mı kötü?", "Fizyoterapistinizi ne zaman aramalısınız?",
           "Zor bir aktivite için merdiveniniz", "Gündelik yaşamda", "Alevlenme veya kötü bir gün", "İletişim",
           "Günlük: aşama 1", "Egzersizde ağrı", "Sabah daha kötü", "Sabah ağrısı",
           "Aşama 1 (toplam 3)", "2. aşamaya ne zaman geçersiniz?"],
}
TRAFFIC_LIGHT = {"nl": "Het pijnstoplicht", "en": "The pain traffic light", "tr": "Ağrı trafik ışığı"}


@pytest.mark.parametrize("lang", codes())
def test_every_section_block_and_dosage_line_is_in_the_handout(db, demo_id, lang):
    """Each section heading, each block title and each dosage line of the demo plan prints, in nl and en."""
    data = handouts.render_handout(db, demo_id, HandoutOptions(lang=lang, full=True))
    flat = text(data)
    for heading in SECTIONS[lang]:
        assert heading in flat, heading
    assert TRAFFIC_LIGHT[lang] not in flat  # another mode's rules
    plan = plans.get_plan(db, demo_id)
    assert sum(len(phase.items) for phase in plan.phases) >= 15
    for phase in plan.phases:
        name = handouts.phase_words(plan, phase, lang)[0]  # a name the wizard made, in the handout's language
        assert name in flat and (lang == plan.language or phase.name not in flat), name
        for item in phase.items:
            assert item.block.title(lang) in flat, item.block.title(lang)
            if item.block.kind is Kind.EDUCATION:
                continue
            line = volume_words(item.dosage, lang)
            assert line and line in flat, line
            for detail in detail_words(item.dosage, lang):
                assert detail in flat, detail
    assert "Demo: Jannie de Vries" in flat
    assert "Weer 30 minuten wandelen met mijn kleinzoon" in flat
    assert "030 123 45 67" in flat and "info@delinde.nl" in flat


def test_dutch_and_english_handouts_speak_their_own_language(db, demo_id):
    """The English handout has no Dutch fixed words and the Dutch one no English fixed words."""
    nl = text(handouts.render_handout(db, demo_id, HandoutOptions(lang="nl")))
    en = text(handouts.render_handout(db, demo_id, HandoutOptions(lang="en")))
    assert "Je afgesproken hoeveelheid" in nl and "Your agreed amount" not in nl
    assert "Your agreed amount" in en and "Je afgesproken hoeveelheid" not in en
    assert "pagina 1 van" in nl and "page 1 of" in en


def test_education_text_fills_the_why_page(db, demo_id):
    """The body paragraphs of the plan's education blocks are printed under 'Waarom dit werkt'."""
    plan = handouts.handout_input(db, demo_id, HandoutOptions())
    flat = text(handouts.render_handout(db, demo_id, HandoutOptions(full=True)))
    bodies = [p for phase in plan.phases for item in phase.items if item.kind is Kind.EDUCATION for p in item.body]
    assert bodies
    for paragraph in bodies:
        assert " ".join(paragraph.split()) in flat


def test_every_page_has_the_footer_with_page_x_of_n(db, demo_id):
    """Every page's footer names the patient and clinic and says 'pagina i van N'."""
    pages = page_texts(handouts.render_handout(db, demo_id, HandoutOptions(full=True)))
    total = len(pages)
    assert total >= 10
    for number, page in enumerate(pages, 1):
        assert f"pagina {number} van {total}" in page
        assert "Demo: Jannie de Vries · Fysiotherapie De Linde" in page


def test_private_notes_never_reach_the_pdf(db, demo_id):
    """A private therapist note on a plan item (and the patient's private notes) are absent from the PDF."""
    plan = plans.get_plan(db, demo_id)
    item_id = plan.phases[1].items[2].id
    plan_items.update_item(db, item_id, private_note="GEHEIM-7731 vermoedt somatisatie", patient_note="Rustig aan")
    flat = text(handouts.render_handout(db, demo_id, HandoutOptions(full=True)))
    assert "Rustig aan" in flat  # the note for the patient does print
    for secret in ("GEHEIM-7731", "somatisatie", "PRIVATE", "fear-avoidance", "angst voor bukken"):
        assert secret not in flat


def test_metadata_title_author_subject_and_language(db, demo_id):
    """The PDF carries title, author (the clinic), subject and /Lang, and no patient name in metadata."""
    data = handouts.render_handout(db, demo_id, HandoutOptions(lang="en"))
    pdf = reader(data)
    meta = pdf.metadata
    assert meta.title == "Your recovery plan: Rug in beweging"
    assert meta.author == "Fysiotherapie De Linde"
    assert meta.subject == "Exercise plan and diary"
    assert pdf.trailer["/Root"]["/Lang"] == "en-GB"
    assert all("Jannie" not in str(value) for value in meta.values())
    nl = reader(handouts.render_handout(db, demo_id, HandoutOptions(lang="nl")))
    assert nl.trailer["/Root"]["/Lang"] == "nl-NL"


def test_diary_is_one_page_for_the_current_phase_with_its_weeks(db, demo_id):
    """By default the diary is one page for the current phase, a grid per week; --diary-weeks sets the weeks."""
    pages = page_texts(handouts.render_handout(db, demo_id, HandoutOptions()))
    diary = [page for page in pages if page.startswith("Dagboek: fase 1")]
    assert len(diary) == 1
    assert "Week 1" in diary[0] and "Week 2" in diary[0] and "Week 3" not in diary[0]
    flat = text(handouts.render_handout(db, demo_id, HandoutOptions(diary_weeks=3)))
    assert "Week 3" in flat and "Week 4" not in flat


def test_export_writes_the_file_and_pages_render_without_blanks(db, demo_id, tmp_path):
    """export_handout writes a PDF; pdftoppm renders every page and none is blank."""
    out = handouts.export_handout(db, demo_id, tmp_path / "handout.pdf", HandoutOptions())
    count = len(reader(out).pages)
    done = subprocess.run(["pdftoppm", "-r", "30", "-png", str(out), str(tmp_path / "page")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    images = sorted(tmp_path.glob("page-*.png"))
    assert len(images) == count
    for path in images:
        assert _ink(path) > 0.01, f"{path.name} is (nearly) blank"


def _ink(path: Path) -> float:
    """Share of dark pixels in the page body (above the footer)."""
    image = Image.open(path).convert("L")
    width, height = image.size
    body = image.crop((0, 0, width, int(height * 0.88)))
    dark = sum(body.histogram()[:200])
    return dark / (body.size[0] * body.size[1])


def _ids(value: object) -> list[tuple[str | None, str]]:
    """(context, message id) of every text in a table value."""
    if isinstance(value, Msg):
        return [(value.context, value.id)]
    if isinstance(value, str):
        return [(None, value)] if value else []
    if isinstance(value, dict):
        return [found for item in value.values() for found in _ids(item)]
    if isinstance(value, list | tuple):
        return [found for item in value for found in _ids(item)]
    return []


@pytest.mark.parametrize("code", [c for c in codes() if c != "en"])
def test_every_handout_text_is_translated_in_every_shipped_language(code):
    """Every fixed handout text (an English message id) has a translation in each shipped language's
    catalogue, with the same lists and tuples per key (no key missing in one language)."""
    with (LOCALE_DIR / code / "LC_MESSAGES" / "herstelplan.po").open("rb") as fp:
        catalogue = read_po(fp, locale=code)
    missing = [(context, message) for key, value in texts._TABLE.items() for context, message in _ids(value)
               if not (found := catalogue.get(message, context=context)) or not found.string]
    assert not missing
    worded, english = Words(code).table(), Words("en").table()
    assert set(worded) == set(english)
    for key, value in worded.items():
        other = english[key]
        assert type(value) is type(other), key
        if isinstance(value, list | tuple | dict):
            assert len(value) == len(other), key
    assert Words("nl").weeks(3, 4) == "week 3–6" and Words("en").weeks(1, 1) == "week 1"
