"""User text prints exactly as typed: markup is text, scripts round-trip, undrawable characters are
replaced visibly, very long texts split across pages, and nothing is loaded through markup."""

from __future__ import annotations

import re
from dataclasses import fields, replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.domain.kinds import Kind
from planner.domain.model import ClinicInfo
from planner.handout import fonts, markup
from planner.handout.document import render
from planner.handout.model import HandoutItem, HandoutOptions, HandoutPhase
from tests.handout.helpers import item, page_texts, plan, reader, text

HOSTILE = [
    "<b>vet</b> & co",
    "</para><para>nieuw",
    "<img src=\"/etc/passwd\"/> plaatje",
    "<font size=200>groot</font>",
    "&amp; &lt; &#65; &nbsp;",
    "<a href=\"http://example.invalid/x\">link</a>",
    "<br/> <seq id=x/> <onDraw name=x/>",
]


def test_markup_in_every_user_field_prints_as_typed():
    """Markup-like text in name, goal, titles, steps, notes, phase and clinic fields prints literally."""
    hostile = " | ".join(HOSTILE)
    items = (item(title=f"Titel {hostile}", purpose=hostile, steps=(hostile, "gewoon"), safety=hostile,
                  patient_note=hostile, level_text=hostile),
             item(title=f"Uitleg {hostile}", kind=Kind.EDUCATION, body=(hostile,)),
             item(title=f"Dagelijks {hostile}", kind=Kind.DAILY, body=(hostile,)))
    sample = plan(items=items, patient_name=f"Naam {hostile}", goal=hostile, title=hostile,
                  changes=(hostile,),
                  clinic=ClinicInfo(name=hostile, therapist=hostile, phone=hostile, email=hostile, address=hostile))
    sample = replace(sample, phases=(replace(sample.phases[0], name=f"Fase {hostile}", focus=hostile,
                                             criteria=hostile),))
    data = render(sample, HandoutOptions())
    flat = text(data)
    for fragment in HOSTILE:
        assert flat.count(" ".join(fragment.split())) >= 10, fragment
    pdf = reader(data)
    assert all(not page.images for page in pdf.pages)  # <img> loaded nothing
    assert b"/URI" not in data and b"/Annot" not in data  # <a href> made no link


def test_markup_helper_escapes_and_keeps_line_breaks():
    """markup.text escapes &, < and > and turns line breaks into <br/>."""
    assert markup.text("a < b & c > d") == "a &lt; b &amp; c &gt; d"
    assert markup.text("een\ntwee\r\ndrie") == "een<br/>twee<br/>drie"


def test_a_5000_character_note_splits_across_pages():
    """A 5,000-character note (and goal) prints completely, split over pages, without crashing."""
    words = " ".join(f"woord{n}" for n in range(700))
    note = words[:5000]
    long = item(patient_note=note, purpose=note, steps=(note,))
    data = render(plan(items=(long,), goal=note), HandoutOptions())
    pages = page_texts(data)
    flat = " ".join(pages)
    last = note.split()[-2]
    assert flat.count("woord0 ") >= 3 and flat.count(f"{last} ") >= 3
    holders = [i for i, page in enumerate(pages) if "woord350" in page]
    assert len(pages) >= 8 and len(holders) >= 3


def test_everything_huge_still_renders():
    """Every user field at 5,000 characters (titles, names, phase names, clinic) gives a PDF, not an error."""
    huge = ("Heel lang " * 500)[:5000]
    big = item(title=huge, purpose=huge, steps=(huge,) * 3, safety=huge, level_text=huge, patient_note=huge)
    sample = plan(items=(big, big), patient_name=huge, title=huge, goal=huge, changes=(huge,),
                  clinic=ClinicInfo(name=huge, therapist=huge, phone=huge, email=huge, address=huge))
    sample = replace(sample, phases=tuple(replace(p, name=huge, focus=huge, criteria=huge) for p in sample.phases))
    data = render(sample, HandoutOptions(large_print=True, paper="letter"))
    assert len(reader(data).pages) > 10


def test_greek_and_cyrillic_round_trip_in_regular_and_bold():
    """Greek and Cyrillic in the (bold) name, titles and notes print and extract back unchanged."""
    greek, cyrillic = "Γιώργος Παπαδόπουλος", "Ёжик в тумане: щи да каша"
    sample = plan(patient_name=greek, items=(item(title=cyrillic, patient_note=f"{greek} — {cyrillic}"),),
                  goal="Ξανά περπάτημα · Снова гулять")
    flat = text(render(sample, HandoutOptions()))
    for word in (greek, cyrillic, "Ξανά περπάτημα", "Снова гулять"):
        assert word in flat
    assert "Łódź, Ærø, Şişli, Ő" in text(render(plan(goal="Łódź, Ærø, Şişli, Ő"), HandoutOptions()))


def test_characters_outside_the_font_are_replaced_visibly():
    """A character DejaVu cannot draw (CJK) becomes '□'; control characters vanish; no crash."""
    sample = plan(patient_name="Li 李小龙", goal="start\x00\x07 einde", items=(item(patient_note="Tab\tnaar 漢字"),))
    flat = text(render(sample, HandoutOptions()))
    assert "Li □□□" in flat and "李" not in flat
    assert "start einde" in flat
    assert "Tab naar □□" in flat
    assert fonts.printable("Ω ж é ✓ ☐") == "Ω ж é ✓ ☐"


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300), st.text(max_size=80))
def test_any_text_renders(note, name):
    """Arbitrary Unicode (surrogates, controls, emoji, markup) in a note and a name never breaks the export."""
    sample = plan(patient_name=name, items=(item(title=name or "x", patient_note=note),), start_date=None)
    data = render(sample, HandoutOptions(diary_weeks=1))
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF")


def test_handout_item_has_no_field_for_private_notes():
    """The renderer's input cannot even carry a private note: HandoutItem has no such field."""
    names = {f.name for f in fields(HandoutItem)} | {f.name for f in fields(HandoutPhase)}
    assert not any(re.search("private|therapist_note|internal", name) for name in names)


def test_characters_beyond_the_basic_plane_extract_back():
    """Characters above U+FFFF that the font has (😀, 𝕏) print and extract back (screen readers
    read the same text); those it lacks become '□'."""
    sample = plan(items=(item(patient_note="Goed gedaan 😀 en 𝕏 en \U000c0745 einde"),))
    flat = text(render(sample, HandoutOptions()))
    assert "Goed gedaan 😀 en 𝕏 en □ einde" in flat


def test_invisible_format_characters_are_dropped():
    """Soft hyphens, zero-width joiners and byte-order marks are dropped, so a line break never
    shows a stray hyphen and copied text equals what was typed."""
    assert fonts.printable("Fysio\u00adtherapie\u200b De\ufeff Linde\u2060") == "Fysiotherapie De Linde"
    long_name = ("Fysio\u00adtherapeutisch\u00adcentrum " * 30).strip()
    flat = text(render(plan(clinic=ClinicInfo(name=long_name)), HandoutOptions()))
    assert "Fysiotherapeutischcentrum Fysiotherapeutischcentrum" in flat and "Fysio-" not in flat
