"""Messages as stored data (`Msg.to_data` / `Msg.from_data`): what the program wrote into a plan is
kept as a message next to its text, so a handout in another language can word it anew."""

from __future__ import annotations

import json

import pytest

from planner.domain.made_words import MadeWords, made_text
from planner.domain.messages import Joined, Msg, msg, nmsg, pmsg, worded
from planner.domain.model import ProgressionMode
from planner.domain.plan_words import phase_criteria_message, wizard_phase_messages


@pytest.mark.parametrize("message", [
    msg("Understand and start calmly"),
    msg("Building up {number}", number=2),
    nmsg("{n} week", "{n} weeks", 3, days=2),
    pmsg("phase", "Building up"),
    msg("{title}: now {now} (was {was})", title=msg("Plan for your knee"), now=1.5, was="3 x 10"),
    msg("Outer {inner}", inner=nmsg("{n} day", "{n} days", 1, extra=msg("Deep {x}", x=0))),
])
def test_a_message_survives_json_and_words_the_same(message):
    data = json.loads(json.dumps(message.to_data()))
    back = Msg.from_data(data)
    assert back == message
    for lang in ("nl", "en"):
        assert worded(back, lang) == worded(message, lang)


def test_only_what_is_set_is_written():
    assert msg("Building up").to_data() == {"id": "Building up"}
    assert nmsg("{n} week", "{n} weeks", 2).to_data() == {"id": "{n} week", "params": {"n": 2},
                                                         "plural": "{n} weeks", "count": 2}


@pytest.mark.parametrize("bad", [
    None, "text", [], {}, {"id": 3}, {"id": "x", "params": []}, {"id": "x", "params": {"a": [1]}},
    {"id": "x", "count": "2"}, {"id": "x", "plural": 2}, {"id": "x", "context": 1}, {"id": "x", "count": True},
    {"id": "x" * 5000},
    {"id": "x", "params": {"a": {"id": "y", "params": {"b": {"id": "z", "params": {"c": {"id": "w", "params": {
        "d": {"id": "v", "params": {"e": {"id": "u"}}}}}}}}}}},  # nested too deeply
])
def test_damaged_data_is_refused_with_a_value_error(bad):
    with pytest.raises(ValueError):
        Msg.from_data(bad)


def test_a_parameter_that_is_not_data_cannot_be_stored():
    with pytest.raises(ValueError):
        msg("{a}", a=Joined(("x", "y"))).to_data()


def test_made_words_of_a_phase_round_trip_and_damaged_parts_are_dropped():
    name, focus = wizard_phase_messages(1, 3, balance=True)
    made = MadeWords(name=name, focus=focus, criteria=phase_criteria_message(ProgressionMode.TIME, 3))
    assert MadeWords.from_data(json.loads(json.dumps(made.to_data()))) == made
    assert MadeWords().to_data() is None and MadeWords.from_data(None) == MadeWords()
    assert MadeWords.from_data({"name": {"id": 3}, "focus": focus.to_data(), "other": 1}) == MadeWords(focus=focus)
    assert MadeWords.from_data("junk") == MadeWords()


def test_made_text_words_the_message_only_while_the_text_is_what_the_program_made():
    name = msg("Building up")
    dutch = worded(name, "nl")
    assert dutch != "Building up"
    assert made_text(name, dutch, "en", made_in="nl") == "Building up"
    assert made_text(name, "Building up", "nl", made_in="en") == dutch
    # the plan's language was changed after the wizard: the text is still the program's
    assert made_text(name, dutch, "en", made_in=("en", "nl")) == "Building up"
    assert made_text(name, dutch, "en", made_in="en") == dutch
    # typed by the therapist: as typed, in every language
    for lang in ("nl", "en"):
        assert made_text(name, "Rustig opbouwen", lang, made_in="nl") == "Rustig opbouwen"
    assert made_text(None, dutch, "en", made_in="nl") == dutch
