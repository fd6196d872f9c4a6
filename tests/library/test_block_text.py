"""The domain function behind the handout and the inspector: a block's texts at the level in use,
its numbers from the dosage (planner/domain/block_text.py)."""

from __future__ import annotations

import json

import pytest

from planner.domain.block_text import fill, shown, shown_for, unfilled
from planner.domain.dosage import Dosage
from planner.domain.kinds import Kind
from planner.domain.model import BlockInfo, BlockText, Level, LevelText
from planner.domain.thresholds import PAIN_LIMIT_DEFAULT, PainBands
from planner.languages import codes
from planner.paths import LIBRARY_DIR


def library_block(key: str) -> BlockInfo:
    kind = key.split(".")[0]
    data = json.loads((LIBRARY_DIR / "blocks" / kind / f"{key}.json").read_text(encoding="utf-8"))
    texts = {lang: BlockText(title=t["title"], purpose=t["purpose"], steps=tuple(t["steps"]), safety=t["safety"],
                             body=tuple(t["body"])) for lang, t in data["text"].items()}
    return BlockInfo(id=1, key=key, kind=Kind(kind), builtin=True, version=data["version"], regions=(), equipment=(),
                     illustration=data["illustration"], dosage=Dosage.from_dict(data["dosage"]),
                     levels=tuple(Level.from_data(level) for level in data["levels"]), texts=texts)


def test_placeholders_read_as_everyday_words():
    dosage = Dosage(reps=1, hold_seconds=60, minutes=1, load_kg=1.5, inhale_seconds=4, exhale_seconds=7, times_per_day=2)
    assert fill("Doe dit {reps}. Houd {hold_seconds} vast. Ga {minutes} door.", dosage, "nl") == (
        "Doe dit 1 keer. Houd 1 minuut vast. Ga 1 minuut door.")
    assert fill("Hold {load_kg} in each hand, {times_per_day}.", dosage, "en") == "Hold 1.5 kilos in each hand, twice a day."
    assert fill("Neem {load_kg}.", dosage, "nl") == "Neem 1,5 kilo."
    assert fill("In {inhale_seconds}, out {exhale_seconds}: {breaths_per_minute}.", dosage, "en") == (
        "In 4 counts, out 7 counts: 5 times a minute.")


def test_a_missing_value_reads_as_words_and_a_typed_brace_stays():
    assert fill("Houd dit {hold_seconds} vast.", Dosage(), "nl") == "Houd dit even vast."
    assert fill("Hold {load_kg} in each hand.", Dosage(), "en") == "Hold a light weight in each hand."
    assert fill("Schrijf {naam} op, of {", Dosage(), "nl") == "Schrijf {naam} op, of {"
    assert unfilled("Hold {hold_seconds}, {reps}.", Dosage(reps=3)) == {"hold_seconds"}


def test_pain_thresholds_come_from_the_plan_bands():
    text = "Groen is {green_max} of lager, oranje {amber_min} of {amber_max}, rood boven {pain_limit}."
    assert fill(text, Dosage(), "nl") == (
        f"Groen is {PAIN_LIMIT_DEFAULT - 2} of lager, oranje {PAIN_LIMIT_DEFAULT - 1} of {PAIN_LIMIT_DEFAULT}, "
        f"rood boven {PAIN_LIMIT_DEFAULT}.")
    assert fill(text, Dosage(), "nl", PainBands(4)) == "Groen is 2 of lager, oranje 3 of 4, rood boven 4."


def test_long_exhale_says_what_the_dosage_line_says():
    """Issue 12, finding 2: 'count to 6 ... 6 times a minute' next to '4 in, 7 out'."""
    block = library_block("breathing.long-exhale")
    text = shown_for(block, block.dosage.merged({"exhale_seconds": 7}), "en")
    joined = " ".join(text.steps)
    assert "for 4 counts" in joined and "for 7 counts" in joined and "6" not in joined
    assert "about 5 times a minute" in joined


def test_balance_steps_hold_as_long_as_the_dosage():
    """Issue 12: balance steps said 30 seconds where the hold is 20."""
    block = library_block("balance.weight-shift")
    joined = " ".join(shown_for(block, block.dosage.merged({"hold_seconds": 20}), "nl").steps)
    assert "20 seconden" in joined and "30" not in joined


def test_shoulder_press_weight_comes_from_the_dosage():
    block = library_block("strength.shoulder-press")
    assert "Hold 2 kilos in each hand." in shown_for(block, block.dosage.merged({"load_kg": 2}), "en").steps[0]
    assert "1 kilo" not in " ".join(shown_for(block, block.dosage.merged({"load_kg": 2}), "en").steps)


@pytest.mark.parametrize("lang", codes())
def test_the_easiest_knee_plank_is_the_counter_with_its_own_picture(lang):
    block = library_block("strength.knee-plank")
    easy = shown_for(block, block.dosage.merged({"level": 0}), lang)
    basic = shown_for(block, block.dosage, lang)
    assert easy.level == 0 and basic.level == 1
    assert easy.level_label == block.levels[0].text(lang)
    assert easy.steps != basic.steps and easy.safety != basic.safety
    assert easy.title == {"nl": "Plank tegen het aanrecht", "en": "Plank at the counter",
                          "tr": "Mutfak tezgâhında dirsekler üstünde durma"}[lang] != basic.title
    assert {"nl": "aanrecht", "en": "counter", "tr": "tezgâh"}[lang] in easy.steps[0]
    assert "15" in easy.steps[-1]  # the hold, from the dosage
    assert easy.illustration == block.illustration  # no level picture recorded: the block's own


def test_a_level_falls_back_to_the_block_and_records_its_picture():
    texts = {"nl": BlockText(title="Blok", steps=("Stap een.", "Stap twee."), safety="Let op.")}
    levels = (Level({"nl": "Makkelijk", "en": "Easy"}, texts={"nl": LevelText(safety="Eigen let op.")},
                    illustration="blok.level-0.svg"),
              Level({"nl": "Basis", "en": "Basic"}))
    easy = shown(texts, levels, 0, Dosage(level=0), "nl", illustration="blok.svg")
    assert easy.steps == ("Stap een.", "Stap twee.") and easy.safety == "Eigen let op."
    assert easy.illustration == "blok.level-0.svg"
    basic = shown(texts, levels, 1, Dosage(level=1), "nl", illustration="blok.svg")
    assert basic.safety == "Let op." and basic.illustration == "blok.svg" and basic.level_label == "Basis"
    assert shown(texts, levels, 7, Dosage(), "nl").level is None  # out of range: no level, the block's text


def test_a_third_language_is_data_only():
    """Languages are keys of a map: a German text and level text need no code (the numbers are worded in
    English until the word table in block_text has German units)."""
    texts = {"de": BlockText(title="Brücke", steps=("Leg dich hin.", "Heb das Becken.")),
             "nl": BlockText(title="Brug", steps=("Ga liggen.", "Til op."))}
    levels = (Level.from_data({"nl": "Klein", "en": "Small",
                               "text": {"de": {"steps": ["Leg dich hin.", "Heb es {reps} ein wenig."]}}}),)
    text = shown(texts, levels, 0, Dosage(reps=8), "de")
    assert text.title == "Brücke" and text.steps == ("Leg dich hin.", "Heb es 8 times ein wenig.")


def test_a_therapists_block_with_one_set_of_steps_keeps_working():
    """Own blocks: labels only, no level texts, numbers typed by hand (not placeholders): read as written."""
    block = BlockInfo(id=9, key="custom.9", kind=Kind.STRENGTH, builtin=False, version=1, regions=(), equipment=(),
                      illustration=None, dosage=Dosage(reps=10, level=1),
                      levels=(Level.from_data({"nl": "Licht", "en": "Light"}), Level.from_data({"nl": "Zwaar", "en": "Heavy"})),
                      texts={"nl": BlockText(title="Eigen oefening", steps=("Sta op.", "Doe 12 keer {zo}."), safety="")})
    text = shown_for(block, block.dosage, "en")  # no English: the Dutch text, the English label
    assert text.title == "Eigen oefening" and text.steps == ("Sta op.", "Doe 12 keer {zo}.")
    assert text.level_label == "Heavy" and text.illustration is None


def test_malformed_level_data_never_raises():
    assert Level.from_data("nonsense") == Level()
    level = Level.from_data({"nl": 3, "en": "Easy", "text": {"nl": "x", "en": {"steps": "x", "safety": 4}}})
    assert level.text("en") == "Easy" and level.text("nl") == "" and level.texts == {}
    assert Level.from_data(level.to_data()) == level
    assert level.to_data() == {**dict.fromkeys(codes(), ""), "en": "Easy"}  # the stored form: a label per language code


def test_a_level_label_in_another_language_is_kept():
    """Level labels are keyed by language code: a label in a language this program does not ship
    survives reading and writing (a plan file from a program that has Turkish)."""
    level = Level.from_data({"nl": "Licht", "en": "Light", "tr": "Hafif", "illustration": "x.svg"})
    assert level.text("tr") == "Hafif" and level.illustration == "x.svg"
    assert level.to_data() == {"nl": "Licht", "en": "Light", "tr": "Hafif", "illustration": "x.svg"}


def test_numbers_and_plural_forms_are_worded_per_language():
    """Numbers as the language writes them (Babel: 2,5 / 2.5), plural forms chosen by the count, also
    for a whole number stored as 3.0; the words come from the language's catalogue."""
    import warnings

    from planner.domain.dosage import detail_words, volume_words

    dosage = Dosage(sets=1, load_kg=2.5, reps=1, days_per_week=1)
    assert fill("{sets}, {load_kg}", dosage, "nl") == "1 serie, 2,5 kilo"
    assert fill("{sets}, {load_kg}", dosage, "en") == "1 set, 2.5 kilos"
    assert volume_words(dosage, "nl") == "1 herhaling, 1 dag per week"
    assert volume_words(dosage, "en") == "1 repetition, 1 day a week"
    assert detail_words(dosage, "nl") == ["Gewicht: 2,5 kg"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert fill("{minutes} {reps}", Dosage(minutes=3.0, reps=2.0), "nl") == "3 minuten 2 keer"
        assert fill("{minutes} {reps}", Dosage(minutes=3.0, reps=2.0), "en") == "3 minutes twice"
