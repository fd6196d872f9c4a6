"""Any plan the format allows prints (finding 7): 52 phases, 40 exercises in a phase, 5,000-character
notes; right-to-left names and notes in reading order (finding 8); pictures at least 6 cm wide."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from bidi import get_display
from reportlab.lib.units import cm

from planner.domain.dosage import Dosage
from planner.domain.kinds import Kind
from planner.handout import images, styles
from planner.handout.document import render
from planner.handout.model import HandoutOptions, HandoutPhase
from tests.handout.helpers import item, page_texts, plan, reader, text
from tests.handout.layout import drawn_strings

NOTE = ("Doe dit rustig aan en let op je adem. " * 140)[:5000]


def _phases(count: int, items_each: int = 3) -> tuple[HandoutPhase, ...]:
    built, week = [], 1
    for index in range(count):
        items = tuple(item(f"Oefening {index + 1}.{n + 1}") for n in range(items_each))
        built.append(HandoutPhase(name=f"Stap {index + 1}", weeks=1, first_week=week, focus="Rustig.",
                                  criteria="Een week groen.", items=items))
        week += 1
    return tuple(built)


@pytest.mark.parametrize("full", [False, True])
@pytest.mark.parametrize("current", [0, 30, 51])
def test_a_plan_of_52_phases_prints(full, current):
    """52 phases (the cover timeline raised a LayoutError from 21 on): desk and full, any phase current;
    the cover's roadmap shows the phases around the current one, the full booklet prints all 52."""
    sample = plan(phases=0)
    sample = type(sample)(**{**{f: getattr(sample, f) for f in sample.__dataclass_fields__},
                             "phases": _phases(52, 1), "current_phase": current})
    data = render(sample, HandoutOptions(full=full))
    flat = text(data)
    assert f"Fase {current + 1} van 52" in flat and "Je plan heeft 52 fases" in flat
    assert "Hier ben je nu" in page_texts(data)[0]  # the roadmap shows the phases around the current one
    if full:
        assert "Stap 52" in flat and "Stap 1 " in flat
    else:
        assert len(reader(data).pages) < 12


def test_52_phase_plan_through_the_services_and_the_patient_export(db, tmp_path):
    """A stored plan of 52 phases exports as a handout and in the patient's data export."""
    from planner.services import handouts, patients, plans, privacy

    patient = patients.create_patient(db, name="Lange Plan").id
    phases = [{"name": f"Deel {number + 1}", "weeks": 2} for number in range(52)]
    plan_id = plans.create_plan(db, patient_id=patient, title="Lang", start_date=dt.date(2026, 1, 5),
                                phases=phases).id
    assert len(plans.get_plan(db, plan_id).phases) == 52
    out = handouts.export_handout(db, plan_id, tmp_path / "lang.pdf", HandoutOptions(full=True))
    assert "Deel 52" in text(out)
    tmp_export = tmp_path / "export"
    tmp_export.mkdir()
    done = privacy.export_patient(db, patient, tmp_export)
    assert [path for path in done.files if path.suffix == ".pdf"]


@pytest.mark.parametrize("large", [False, True])
def test_forty_exercises_in_a_phase_print(large):
    """40 exercises in one phase: all printed, desk and full, normal and large print."""
    many = tuple(item(f"Oefening {n + 1}") for n in range(40))
    for full in (False, True):
        flat = text(render(plan(items=many), HandoutOptions(full=full, large_print=large)))
        assert all(f"Oefening {n + 1} " in flat or f"Oefening {n + 1}" in flat for n in range(40))
        assert "Oefening 40" in flat


def test_five_thousand_character_notes_print_in_full():
    """A 5,000-character note for the patient (on an exercise and on an education block) prints in full."""
    lesson = item("Uitleg", kind=Kind.EDUCATION, body=("Pijn is een alarm.",), patient_note=NOTE)
    whole = " ".join(NOTE.split())
    for sample in (plan(items=(item(patient_note=NOTE),)), plan(items=(lesson,)), plan(goal=NOTE)):
        for full in (False, True):
            flat = re.sub(r" ?pagina \d+ van \d+ Jannie de Vries · Praktijk De Linde ?", " ",
                          text(render(sample, HandoutOptions(full=full))))
            assert whole in " ".join(flat.split())


HEBREW = "שרה כהן"
ARABIC = "مريم أحمد"


@pytest.mark.parametrize("full", [False, True])
def test_right_to_left_names_and_notes_print_in_reading_order(full):
    """Hebrew and Arabic (name, title, note) are drawn in visual order by the bidirectional algorithm,
    Arabic in its joined letter forms, so a viewer shows them in reading order."""
    import arabic_reshaper

    note = f"Oefen samen met {HEBREW}"
    sample = plan(patient_name=HEBREW, title=ARABIC, items=(item(patient_note=note),))
    data = render(sample, HandoutOptions(full=full))
    drawn = drawn_strings(data)
    assert get_display(HEBREW) in drawn and HEBREW not in drawn  # placed right to left on the page
    assert get_display(arabic_reshaper.reshape(ARABIC)) in drawn  # joined forms, right to left
    assert any(f"Oefen samen met {get_display(HEBREW)}" in line for line in drawn)  # Latin keeps its order
    flat = text(data)  # a reader (pypdf, a screen reader) gets the reading order back
    assert HEBREW in flat and f"Oefen samen met {HEBREW}" in flat


def test_visual_order_of_mixed_text():
    """markup.visual leaves left-to-right text alone and reorders only lines with right-to-left script."""
    from planner.handout.markup import visual

    assert visual("Jannie de Vries") == "Jannie de Vries"
    assert visual("שלום") == "םולש"
    assert visual("Week 3: שלום\nGewoon") == "Week 3: םולש\nGewoon"


@pytest.mark.parametrize("large", [False, True])
@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_pictures_are_at_least_6_cm_wide(monkeypatch, paper, large):
    """Every picture the handout draws (exercise, education, daily life) is at least 6 cm wide."""
    st = styles.build(paper=paper, large_print=large)
    assert st.picture_width >= 6 * cm and st.side_picture_width >= 6 * cm
    widths: list[float] = []
    real = images.picture

    def spy(image, illustration, width, height):
        widths.append(width)
        return real(image, illustration, width, height)

    monkeypatch.setattr(images, "picture", spy)
    items = (item(), item("Uitleg", kind=Kind.EDUCATION, body=("Pijn is een alarm.",)),
             item("Wandelen", kind=Kind.DAILY, dosage=Dosage(minutes=10)))
    for full in (False, True):
        render(plan(items=items), HandoutOptions(paper=paper, large_print=large, full=full))
    assert widths and min(widths) >= 6 * cm - 0.01


def test_timeline_of_52_rows_splits_over_pages_instead_of_failing():
    """The timeline flowable splits between rows, each part with its own week axis (no LayoutError)."""
    from reportlab.platypus import SimpleDocTemplate

    from planner.handout.flowables import Timeline, TimelineRow

    st = styles.build()
    rows = [TimelineRow(label=f"Fase {n + 1}", first_week=n + 1, weeks=1, weeks_text=f"week {n + 1}")
            for n in range(52)]
    timeline = Timeline(rows, total_weeks=52, week_word="week", st=st)
    first, rest = timeline.split(st.width, st.height)
    assert len(first.rows) + len(rest.rows) == 52 and first.wrap(st.width, st.height)[1] <= st.height
    import io

    SimpleDocTemplate(io.BytesIO()).build([Timeline(rows, total_weeks=52, week_word="week", st=st)])
