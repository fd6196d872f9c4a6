"""The rules of the plan's own mode, one set of numbers from the threshold table, the red flags,
the education blocks' safety lines (finding 5) and the contact lines."""

from __future__ import annotations

from dataclasses import replace

import pytest

from planner.domain import glossary
from planner.domain import thresholds as th
from planner.domain.dosage import Dosage
from planner.domain.kinds import Kind
from planner.domain.model import ClinicInfo
from planner.handout import diary
from planner.handout.document import render
from planner.handout.model import HandoutOptions
from planner.languages import codes
from planner.services import handouts
from tests.handout.helpers import item, page_texts, plan, text


def _flat(sample, **options) -> str:
    return text(render(sample, HandoutOptions(**options)))


@pytest.mark.parametrize("full", [False, True])
def test_pain_contingent_plan_explains_the_pain_traffic_light_only(full):
    """A pain-contingent plan prints the pain traffic light with the bands of the plan's limit and
    never the graded-activity rules."""
    flat = _flat(plan(), full=full)
    bands = th.PainBands(th.PAIN_LIMIT_DEFAULT)
    assert "Het pijnstoplicht" in flat
    assert f"Groen: pijn 0–{bands.green_max}" in flat and f"Oranje: pijn {bands.amber_min}–{bands.amber_max}" in flat
    assert f"Rood: pijn {bands.red_min}–10" in flat
    assert "afgesproken hoeveelheid" not in flat.lower()


@pytest.mark.parametrize("full", [False, True])
def test_time_contingent_plan_explains_the_agreed_amount_only(full):
    """Graded activity: keep to the agreed amount, a bad day is expected, never more on a good day,
    three worse mornings; no pain traffic light; the diary prints each week's amount."""
    flat = _flat(plan(mode="time"), full=full)
    assert "Je afgesproken hoeveelheid" in flat
    assert "Een slechte dag hoort erbij" in flat and "Een goede dag? Doe dan toch niet meer" in flat
    assert f"{th.WORSE_MORNINGS_TO_HOLD} ochtenden achter elkaar" in flat
    assert "pijnstoplicht" not in flat.lower() and "Groen: pijn" not in flat and "Oranje" not in flat
    diary_pages = [page for page in page_texts(render(plan(mode="time"), HandoutOptions(full=full)))
                   if "Dagboek:" in page]
    diary_text = " ".join(diary_pages)
    assert diary_pages and "Je afgesproken hoeveelheid Week 1 Week 2" in diary_text  # the weeks side by side
    # the same amount in both weeks: printed once, across the weeks
    assert diary_text.count("Bruggetje: 2 keer 10 herhalingen, 3 dagen per week") == 1


def test_week_amount_is_one_switchable_function():
    """Each week's agreed amount comes from diary.week_amount (the item's dosage until the engine's quotas)."""
    sample = plan()
    phase = sample.phases[0]
    assert diary.week_amount(phase.items[0], 1) == phase.items[0].dosage


def test_graded_exposure_rule_only_with_a_ladder():
    """The ladder rule is printed only for a plan that holds a ladder, with its numbers from the table."""
    assert "trede" not in _flat(plan())
    flat = _flat(plan(has_ladder=True))
    assert "Je trap voor een spannende activiteit" in flat and f"{th.EXPOSURE_MOVE_ON_MAX} of lager is op 100" in flat


def test_pain_limit_is_printed_once_and_beside_an_exercise_only_where_it_differs():
    """The plan's limit is printed once as the rule; an exercise with the same limit prints none, one
    with another limit prints its own."""
    same = item("Gelijk", dosage=Dosage(reps=10, pain_limit=th.PAIN_LIMIT_DEFAULT))
    other = item("Anders", dosage=Dosage(reps=10, pain_limit=3))
    none = item("Zonder", dosage=Dosage(reps=10))
    flat = _flat(plan(items=(same, other, none)))
    assert flat.count(f"Je pijngrens is {th.PAIN_LIMIT_DEFAULT}") == 1
    assert flat.count("niet hoger dan") == 1 and "niet hoger dan 3 op 10" in flat


def test_lower_plan_limit_moves_the_bands():
    """A plan limit of 4 gives green 0–2, amber 3–4, red 5–10 on the pain traffic light and in the diary."""
    flat = _flat(plan(pain_limit=4))
    assert "Groen: pijn 0–2" in flat and "Oranje: pijn 3–4" in flat and "Rood: pijn 5–10" in flat
    assert "Je pijngrens is 4" in flat and "0–2 groen" in flat


@pytest.mark.parametrize("lang", codes())
def test_step_back_and_calling_use_the_threshold_table(lang):
    """The step back is 'a quarter less' (STEP_BACK_SHARE), lasts STEP_BACK_MIN_DAYS, and 'call' comes
    after CALL_AFTER_DAYS; no other fraction or period is printed for them."""
    flat = _flat(plan(), lang=lang)
    assert glossary.step_back_words(lang) in flat
    days = {"nl": "dagen", "en": "days", "tr": "gün"}[lang]
    call = {"nl": f"{th.CALL_AFTER_DAYS} dagen na een stap terug",
            "en": f"still red {th.CALL_AFTER_DAYS} days after a step back",
            "tr": f"Geri adımdan {th.CALL_AFTER_DAYS} gün sonra hâlâ kırmızı"}[lang]
    assert call in flat
    assert f"{th.STEP_BACK_MIN_DAYS} {days}" in flat
    for wrong in ("derde", "a third", "drie kwart", "three quarters", "helft van je oefeningen",
                  "half of your exercises", "langer dan een week", "more than a week", "een paar dagen"):
        assert wrong not in flat, wrong


@pytest.mark.parametrize("lang", codes())
def test_red_flags_are_named_with_call_today_and_same_day_care(lang):
    """Every red flag is named in plain words, with 'call your therapist today', and the saddle and
    bladder/bowel signs send to the GP the same day; each diary week asks 'something new?'."""
    flat = _flat(plan(), lang=lang)
    for sign in glossary.red_flags(lang):
        assert sign[0].upper() + sign[1:] in flat, sign
    call = {"nl": "Bel vandaag je therapeut", "en": "Call your therapist today",
            "tr": "Bugün fizyoterapistinizi arayın"}[lang]
    same_day = {"nl": "dezelfde dag naar je huisarts", "en": "GP or the out-of-hours GP service the same day",
                "tr": "aynı gün aile hekiminizi arayın"}[lang]
    assert call in flat and same_day in flat
    new = {"nl": "Iets nieuws?", "en": "Something new?", "tr": "Yeni bir şey?"}[lang]
    assert flat.count(new) == 2 + 1 + 1  # two diary weeks, the diary's box with the signs, the rules page


def test_education_safety_lines_are_printed_desk_and_full(db, demo_id):
    """Finding 5: the safety line of every education block in the handout is printed (desk: the
    current phase's blocks; full: all of them)."""
    options = HandoutOptions()
    described = handouts.handout_input(db, demo_id, options)
    for full in (False, True):
        flat = text(render(described, HandoutOptions(full=full)))
        phases = described.phases if full else (described.phases[described.current_phase],)
        safety = [i.safety for p in phases for i in p.items if i.kind is Kind.EDUCATION and i.safety.strip()]
        assert safety, "the demo's education blocks have safety lines"
        for line in safety:
            assert " ".join(line.split()) in flat, line


def test_education_safety_line_in_a_hand_built_plan():
    """An education block's safety line prints in the desk handout and in the whole booklet."""
    lesson = item("Uitleg over pijn", kind=Kind.EDUCATION, body=("Pijn is een alarm.",),
                  safety="Wekenlang somber? Ga naar je huisarts.")
    for full in (False, True):
        assert "Wekenlang somber? Ga naar je huisarts." in _flat(plan(items=(lesson, item())), full=full)


@pytest.mark.parametrize("full", [False, True])
def test_without_a_clinic_phone_there_is_a_line_to_write_one(full):
    """No phone number: 'Telefoonnummer van je therapeut:' with a line; with one: the number, no line."""
    without = _flat(replace(plan(), clinic=ClinicInfo(name="Praktijk")), full=full)
    assert "Telefoonnummer van je therapeut:" in without
    with_phone = _flat(plan(), full=full)
    assert "Telefoonnummer van je therapeut:" not in with_phone and "030 123 45 67" in with_phone
