"""The desk handout (the default) and the whole booklet (`full`) of the demo plan: page budget in
every phase, what each holds, and the page rules a reader notices (half-full pages, a heading
alone at the bottom, a page of a few lines)."""

from __future__ import annotations

import datetime as dt
import statistics

import pytest

from planner.domain.kinds import Kind
from planner.handout import styles
from planner.handout.document import render
from planner.handout.model import HandoutOptions
from planner.languages import codes
from planner.services import handouts, plans, revisions
from planner.services.demo import ensure_demo
from planner.store import tables
from tests.handout.helpers import font_sizes, page_texts, reader, text
from tests.handout.layout import fill, page_lines

DESK_PAGES = {False: 8, True: 12}  # issue 12: at most 8 A4 pages at 12 pt, 12 in large print
# Pages that begin a section (its heading first): the page before may be the short end of its section.
SECTION_STARTS = ("Fase ", "Phase ", "Dagboek", "Diary", "Het pijnstoplicht", "The pain traffic light",
                  "Je afgesproken hoeveelheid", "Your agreed amount", "Waarom dit werkt", "Why this works",
                  "In het dagelijks leven", "In daily life", "Contact")


def _demo_on(db, plan_id: int, phase: int, options: HandoutOptions):
    """The demo plan's handout input on the first day of `phase` (0-based)."""
    plan = plans.get_plan(db, plan_id)
    today = plan.start_date + dt.timedelta(weeks=sum(p.weeks for p in plan.phases[:phase]))
    return handouts.handout_input(db, plan_id, options, today=today)


def _demo_stored(db, plan_id: int, phase: int, options: HandoutOptions):
    """The demo plan's handout as `python main.py export` prints it on the day `python main.py demo`
    made it, with `phase` (0-based) stored as the current phase, as an accepted review stores it,
    after the patient was given the previous phase's handout: the 'what changed' list is on it, and
    without clinic details the lines to write them in."""
    plan = plans.get_plan(db, plan_id)
    if phase > 0:
        revisions.snapshot_plan(db, plan_id, reason="export", current_phase=phase - 1)
    with db.transaction() as session:
        session.get(tables.Plan, plan_id).current_phase_id = plan.phases[phase].id
    return handouts.handout_input(db, plan_id, options, today=plan.start_date)


@pytest.fixture
def bare_demo_id(db) -> int:
    """The demo plan as `python main.py demo` makes it: no clinic details, no next appointment."""
    return ensure_demo(db)


@pytest.mark.parametrize("large", [False, True])
@pytest.mark.parametrize("lang", codes())
def test_desk_handout_fits_the_page_budget_in_every_phase(db, demo_id, lang, large):
    """Whichever phase is current, the demo's desk handout has at most 8 A4 pages (12 in large print):
    the current phase by the calendar, with the clinic filled in."""
    for phase in range(3):
        options = HandoutOptions(lang=lang, large_print=large)
        data = render(_demo_on(db, demo_id, phase, options), options)
        count = len(reader(data).pages)
        assert count <= DESK_PAGES[large], f"phase {phase + 1}: {count} pages"


@pytest.mark.parametrize("large", [False, True])
@pytest.mark.parametrize("lang", codes())
def test_desk_handout_fits_the_page_budget_with_the_phase_stored_as_current(db, bare_demo_id, lang, large):
    """The same budget for the demo as the command line makes and exports it, each phase stored as
    the current one (the 'what changed' list and the write-in lines for the clinic included)."""
    for phase in range(3):
        options = HandoutOptions(lang=lang, large_print=large)
        described = _demo_stored(db, bare_demo_id, phase, options)
        assert described.current_phase == phase and (phase == 0 or described.changes)
        count = len(reader(render(described, options)).pages)
        assert count <= DESK_PAGES[large], f"phase {phase + 1}: {count} pages"


@pytest.mark.parametrize("phase", [1, 2])
@pytest.mark.parametrize("lang", codes())
def test_desk_handout_of_the_demo_in_phases_2_and_3_fits_8_pages(db, demo_id, lang, phase):
    """Phases 2 and 3 hold six exercises and three weeks of agreed amounts: still 8 pages at 12 pt."""
    options = HandoutOptions(lang=lang)
    assert len(reader(render(_demo_on(db, demo_id, phase, options), options)).pages) <= DESK_PAGES[False]


def test_cli_export_of_the_demo_with_phase_2_stored_as_current_fits_8_pages(db_path, tmp_path):
    """`python main.py demo`, phase 2 stored as current, `export ID --out f.pdf`: at most 8 A4 pages,
    the diary is phase 2's, and the body is 12 pt although the demo patient is 72 (the command line
    prints what it is told; only the export dialog pre-selects large print)."""
    from planner.services.database import open_database
    from tests.cli.test_cli import run

    url = f"sqlite:///{db_path}"
    plan_id = run("demo", database=db_path).stdout.strip()
    first, out = tmp_path / "first.pdf", tmp_path / "f.pdf"
    assert run("export", plan_id, "--out", str(first), "--database", url).returncode == 0  # phase 1 given
    database = open_database(url, daily_backup=False)
    try:
        phase_2 = plans.get_plan(database, int(plan_id)).phases[1].id
        with database.transaction() as session:
            session.get(tables.Plan, int(plan_id)).current_phase_id = phase_2
    finally:
        database.dispose()
    assert run("export", plan_id, "--out", str(out), "--database", url).returncode == 0
    assert len(reader(out).pages) <= DESK_PAGES[False]
    flat = text(out)
    assert "Dagboek: fase 2" in flat and "Hierna: fase 3" in flat and "Nieuwe fase: Opbouwen" in flat
    assert statistics.mode(font_sizes(out.read_bytes())) == styles.BODY_PT


def test_desk_holds_the_current_phase_in_full_and_the_next_as_a_preview(db, demo_id):
    """Desk, phase 2 current: its exercises with steps, phase 3 named with its new exercises, phase 1 not
    in full; one diary page for phase 2; the roadmap marks where the patient is."""
    options = HandoutOptions()
    plan = _demo_on(db, demo_id, 1, options)
    flat = text(render(plan, options))
    current, following, previous = plan.phases[1], plan.phases[2], plan.phases[0]
    for item in current.items:
        assert item.title in flat
        for step in item.steps:
            assert " ".join(step.split()) in flat
    assert f"Hierna: fase 3, {following.name}" in flat
    carried = {item.title for item in current.items}  # exercises carry over: those print in full already
    for item in following.items:
        if item.kind is not Kind.EDUCATION:
            assert item.title in flat  # named in the preview
        if item.title in carried:
            continue
        for step in item.steps:
            assert " ".join(step.split()) not in flat  # but not in full
    for item in previous.items:
        if item.title not in {i.title for i in current.items}:
            assert item.title not in flat
    assert "Fase 2 van 3 · → Hier ben je nu" in flat and "→ Hier ben je nu" in page_texts(render(plan, options))[0]
    last_week = current.first_week + current.weeks - 1
    assert "Dagboek: fase 2, Opbouw" in flat and f"Week {current.first_week}" in flat and f"Week {last_week}" in flat
    assert f"Week {last_week + 1}" not in flat


def test_full_booklet_has_every_phase_in_full(db, demo_id):
    """`full`: every phase's section with its steps, daily life and contact; the diary for the current phase."""
    options = HandoutOptions(full=True)
    plan = _demo_on(db, demo_id, 0, options)
    data = render(plan, options)
    flat = text(data)
    for number, phase in enumerate(plan.phases, 1):
        assert f"Fase {number} van 3" in flat and phase.name in flat
        for item in phase.items:
            if item.kind not in (Kind.EDUCATION, Kind.DAILY):
                assert " ".join(item.steps[0].split()) in flat
    assert "In het dagelijks leven" in flat and "Contact" in flat
    assert "Dagboek: fase 1" in flat and "Week 3" not in flat
    assert len(reader(data).pages) > len(reader(render(plan, HandoutOptions())).pages)


def test_cli_export_full_and_desk(db_path, tmp_path):
    """`export ID --out f.pdf` writes the desk handout; `--full` the whole booklet (more pages)."""
    from tests.cli.test_cli import run

    plan_id = run("demo", database=db_path).stdout.strip()
    desk, full = tmp_path / "desk.pdf", tmp_path / "full.pdf"
    url = f"sqlite:///{db_path}"
    assert run("export", plan_id, "--out", str(desk), "--database", url).returncode == 0
    assert run("export", plan_id, "--out", str(full), "--full", "--large-print", "--database", url).returncode == 0
    assert len(reader(desk).pages) <= DESK_PAGES[False] < len(reader(full).pages)
    assert "Hierna: fase 2" in text(desk) and "Hierna" not in text(full)


def _check_pages(data: bytes, *, large: bool, where: str) -> None:
    """Every page but the last of a section is at least half full; no page ends with a heading; every
    page has more than a few lines."""
    st = styles.build(large_print=large)
    pages = page_lines(data, large_print=large)
    for number, lines in enumerate(pages, 1):
        here = f"{where}, page {number}"
        assert len(lines) >= 6, f"{here}: only {len(lines)} lines"
        lowest = min(lines, key=lambda line: line.y)
        assert lowest.size <= st.size + 0.5, f"{here} ends with a heading: {lowest.text!r}"
        last_of_section = number == len(pages) or pages[number][0].text.startswith(SECTION_STARTS)
        if not last_of_section:
            used = fill(lines, page_height=st.page[1], top=st.top, bottom=st.bottom)
            assert used >= 0.5, f"{here} is {used:.0%} full"


@pytest.mark.parametrize("full", [False, True])
@pytest.mark.parametrize("large", [False, True])
def test_pages_are_half_full_no_heading_ends_a_page_no_page_of_a_few_lines(db, demo_id, large, full):
    """The page rules, checked on the demo with each phase current (by the calendar, clinic filled in)."""
    for phase in range(3):
        options = HandoutOptions(large_print=large, full=full)
        _check_pages(render(_demo_on(db, demo_id, phase, options), options), large=large,
                     where=f"phase {phase + 1} current")


@pytest.mark.parametrize("phase", [0, 1, 2])
@pytest.mark.parametrize("lang", codes())
@pytest.mark.parametrize("large", [False, True])
def test_page_rules_hold_with_the_phase_stored_as_current(db, bare_demo_id, large, lang, phase):
    """The same rules for the desk handout as the command line exports it, each phase stored as current
    (the 'what changed' list and the write-in lines make other pages)."""
    options = HandoutOptions(lang=lang, large_print=large)
    _check_pages(render(_demo_stored(db, bare_demo_id, phase, options), options), large=large,
                 where=f"{lang}, phase {phase + 1} stored as current")


@pytest.mark.parametrize("phase", [1, 2])
def test_demo_diary_is_one_page_with_the_weeks_side_by_side_and_unchanged_amounts_once(db, demo_id, phase):
    """Phases 2 and 3 have three weeks of agreed amounts: one diary page at 12 pt, the weeks side by side
    in one table, and an amount that does not change (breathing, the balance hold) printed once."""
    from planner.handout.diary import row_words

    options = HandoutOptions()
    described = _demo_on(db, demo_id, phase, options)
    diary = [page for page in page_texts(render(described, options)) if page.startswith("Dagboek: fase")]
    assert len(diary) == 1
    current = described.phases[phase]
    weeks = [f"Week {week}" for week in range(current.first_week, current.first_week + current.weeks)]
    assert f"Je afgesproken hoeveelheid {' '.join(weeks)}" in diary[0]
    for item in current.items:
        if item.kind in (Kind.BREATHING, Kind.BALANCE):  # no weekly amount: once, across the weeks
            assert diary[0].count(f"{item.title}: {row_words(item.dosage, 'nl')}") == 1, item.title
        elif item.week_amounts and item.kind is not Kind.EDUCATION:
            assert diary[0].count(item.title) == 1, item.title  # one line, not one per week
    assert diary[0].count("Iets nieuws?") == len(weeks) + 1  # each week asks; the signs are named once
