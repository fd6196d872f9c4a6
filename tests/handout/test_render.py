"""The renderer on hand-built plans: paper sizes, large print, page numbers, determinism, and the
parts that only show with certain input (changes, appointment, empty plan, no clinic)."""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import sys
from dataclasses import replace

import pytest
from reportlab.lib.pagesizes import A4, LETTER

from planner.domain import glossary
from planner.domain.model import ClinicInfo
from planner.handout import styles
from planner.handout.document import render
from planner.handout.model import HandoutOptions
from tests.handout.helpers import font_sizes, item, page_texts, plan, reader, text


@pytest.mark.parametrize(("paper", "size"), [("a4", A4), ("letter", LETTER)])
def test_every_page_has_the_chosen_paper_size(paper, size):
    """A4 by default and Letter on request: every page's MediaBox has that size."""
    pdf = reader(render(plan(phases=2), HandoutOptions(paper=paper)))
    for page in pdf.pages:
        box = page.mediabox
        assert float(box.width) == pytest.approx(size[0], abs=0.01)
        assert float(box.height) == pytest.approx(size[1], abs=0.01)


def test_default_paper_is_a4():
    """HandoutOptions() prints on A4."""
    page = reader(render(plan(), HandoutOptions())).pages[0]
    assert float(page.mediabox.width) == pytest.approx(A4[0], abs=0.01)


def test_no_text_below_12_pt_and_body_is_12_pt():
    """Normal print: every font size in the PDF is at least 12 pt and most text is exactly 12 pt."""
    sizes = font_sizes(render(plan(phases=2), HandoutOptions()))
    assert sizes and min(sizes) >= 12
    assert statistics.mode(sizes) == 12


def test_large_print_is_at_least_14_pt_and_headings_scale():
    """Large print: nothing below 14 pt, body 14 pt, headings larger than in normal print, more pages."""
    many = plan(items=tuple(item(f"Oefening {n}") for n in range(6)))
    normal = render(many, HandoutOptions())
    large = render(many, HandoutOptions(large_print=True))
    sizes = font_sizes(large)
    assert min(sizes) >= 14 and statistics.mode(sizes) == 14
    assert max(sizes) > max(font_sizes(normal))
    big, small = styles.build(large_print=True), styles.build()
    assert big.h1.fontSize > small.h1.fontSize and big.h3.fontSize > small.h3.fontSize
    assert big.body.fontSize == 14 and small.body.fontSize == 12
    assert len(reader(large).pages) > len(reader(normal).pages)


def test_page_numbers_count_all_pages_in_both_languages():
    """'pagina i van N' / 'page i of N' on every page with the right N."""
    for lang, words in (("nl", "pagina {i} van {n}"), ("en", "page {i} of {n}")):
        pages = page_texts(render(plan(phases=2), HandoutOptions(lang=lang)))
        for i, page in enumerate(pages, 1):
            assert words.format(i=i, n=len(pages)) in page


def test_same_input_gives_the_same_bytes():
    """Rendering the same plan twice gives identical bytes (invariant mode, no clock, no randomness)."""
    sample = plan(phases=2)
    assert render(sample, HandoutOptions()) == render(sample, HandoutOptions())
    assert render(sample, HandoutOptions(lang="en")) != render(sample, HandoutOptions())


def test_same_bytes_in_another_process():
    """A fresh interpreter (other hash seed) renders the very same bytes."""
    script = (
        "import sys, hashlib\n"
        "from tests.handout.helpers import plan\n"
        "from planner.handout.document import render\n"
        "from planner.handout.model import HandoutOptions\n"
        "sys.stdout.write(hashlib.sha256(render(plan(phases=2), HandoutOptions())).hexdigest())\n"
    )
    import hashlib

    here = hashlib.sha256(render(plan(phases=2), HandoutOptions())).hexdigest()
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120,
                          env={"PYTHONHASHSEED": "12345", "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert done.stdout == here


def test_changes_since_last_visit_show_only_when_there_are_some():
    """The 'what changed' section lists the changes, and is absent when there are none."""
    without = text(render(plan(), HandoutOptions()))
    assert "Wat is er veranderd" not in without
    changed = plan(changes=("Bruggetje: nu 3 keer 10 herhalingen", "Nieuw: op één been staan"))
    flat = text(render(changed, HandoutOptions()))
    assert "Wat is er veranderd sinds je vorige bezoek?" in flat
    assert "Bruggetje: nu 3 keer 10 herhalingen" in flat and "Nieuw: op één been staan" in flat


def test_next_appointment_is_written_out_or_left_to_fill_in():
    """A planned appointment prints as weekday, date and time; without one there is room to write it."""
    flat = text(render(plan(), HandoutOptions()))
    assert "dinsdag 10 maart 2026 om 14:30" in flat
    flat = text(render(plan(), HandoutOptions(lang="en")))
    assert "Tuesday 10 March 2026 at 14:30" in flat
    flat = text(render(plan(next_appointment=None), HandoutOptions()))
    assert "Schrijf hier je volgende afspraak op:" in flat


def test_plan_without_phases_clinic_or_dates_still_renders():
    """An empty plan with no clinic, goal or start date gives a valid handout without empty labels."""
    bare = plan(phases=0, clinic=ClinicInfo(), goal="", start_date=None, next_appointment=None)
    flat = text(render(bare, HandoutOptions()))
    assert "Jouw herstelplan" in flat and "Het pijnstoplicht" in flat
    assert "Telefoon:" not in flat and "Jouw doel" not in flat and "Dagboek" not in flat
    assert "Telefoonnummer van je therapeut:" in flat  # a line to write it on


def test_phase_without_items_says_so():
    """A phase with no blocks yet tells the patient the therapist will add them."""
    flat = text(render(plan(items=()), HandoutOptions()))
    assert "In deze fase staan nog geen oefeningen" in flat


def test_weeks_and_dates_of_each_phase_are_shown():
    """Each phase says which weeks it covers and, with a start date, the dates."""
    flat = text(render(plan(phases=2), HandoutOptions(full=True)))
    assert "week 1–2 · 2 maart 2026 – 15 maart 2026" in flat
    assert "week 3–4 · 16 maart 2026 – 29 maart 2026" in flat


def test_diary_page_has_the_weeks_days_and_rows():
    """The diary page has a grid per week with dated days, the done / pain / worse-morning / morning-pain
    rows and a 'something new?' row (a box a day), and names the red flags with 'call your therapist
    today' once on the page."""
    pages = page_texts(render(plan(), HandoutOptions()))
    diary = [page for page in pages if page.startswith("Dagboek: fase 1")]
    assert len(diary) == 1
    first = diary[0]
    assert "Week 1" in first and "Week 2" in first
    assert "ma 2 di 3 wo 4 do 5 vr 6 za 7 zo 8" in first
    for row in ("Gedaan", "Pijn tijdens", "Ochtend slechter", "Pijn 's ochtends"):
        assert first.count(row) == 2 + 1  # each week, and the line that says how to fill it in
    assert first.count("Iets nieuws?") == 2 + 1  # a row in each week, and the box with the signs
    assert first.count("vandaag je therapeut") == 1
    for sign in glossary.red_flags_short("nl"):
        assert first.count(sign) == 1, sign


def test_diary_weeks_follow_the_current_phase():
    """With the patient in phase 2, the diary covers that phase's weeks (or --diary-weeks from there)."""
    flat = text(render(plan(phases=2, current_phase=1), HandoutOptions()))
    assert "Dagboek: fase 2" in flat and "Week 3" in flat and "Week 4" in flat and "Week 1 " not in flat
    flat = text(render(plan(phases=2, current_phase=1), HandoutOptions(diary_weeks=3)))
    assert "Week 5" in flat
    assert "Dagboek" not in text(render(plan(), HandoutOptions(diary_weeks=0)))


def test_current_phase_is_marked_on_the_cover_and_its_page():
    """'Hier ben je nu' marks the current phase on the timeline and on its own section."""
    pages = page_texts(render(plan(phases=3, current_phase=1), HandoutOptions()))
    assert "Hier ben je nu" in pages[0]
    marked = [p for p in pages if "Fase 2 van 3 · → Hier ben je nu" in p]
    assert len(marked) == 1 and "Fase naam 2" in marked[0]


def test_issue_date_is_the_plans_own():
    """The cover shows the issue date given in the plan, not today's date."""
    flat = text(render(plan(issued=dt.date(2025, 1, 31)), HandoutOptions()))
    assert "Gemaakt op 31 januari 2025" in flat


def test_unknown_language_falls_back_to_dutch():
    """A language the handout does not know prints in Dutch rather than failing."""
    assert "Jouw herstelplan" in text(render(plan(), replace(HandoutOptions(), lang="fr")))


def test_renders_from_several_threads_at_once_are_identical():
    """Two threads rendering at the same time (preview and export) get the same bytes as one alone."""
    from concurrent.futures import ThreadPoolExecutor

    sample = plan(phases=2)
    alone = render(sample, HandoutOptions())
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: render(sample, HandoutOptions()), range(4)))
    assert all(result == alone for result in results)
