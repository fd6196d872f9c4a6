"""The clinical domain says what to tell as messages with parameters (issue 15 item 2): the place that
shows a review, a proposal, a check or a ladder step words it in its own language, with Babel's
numbers and dates, and every message id the domain uses has a Dutch translation."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file

from planner.domain.checks import check_plan
from planner.domain.messages import Msg
from planner.domain.review import review_plan
from planner.domain.review_words import FLAG_NAMES
from planner.domain.roadmap import propose
from planner.domain.thresholds import RedFlag
from planner.i18n import translation, word
from planner.services.review import with_nprs_rise
from tests.clinical.helpers import START, c, on, story_plan

ROOT = Path(__file__).resolve().parents[2]
MODULES = ("planner/domain/review.py", "planner/domain/review_words.py", "planner/domain/proposals.py",
           "planner/domain/checks.py", "planner/domain/exposure.py", "planner/domain/roadmap.py",
           "planner/domain/plan_words.py", "planner/domain/change_words.py", "planner/services/review.py",
           "planner/services/checkins.py", "planner/handout/progress_summary.py")
KEYWORDS = {"msg": None, "nmsg": (1, 2), "pmsg": ((1, "c"), 2), "N_": None, "_": None}


def _ids():
    for module in MODULES:
        for _line, message, _comments, context in extract_from_file("python", ROOT / module, keywords=KEYWORDS):
            yield module, message, context


def test_the_modules_mark_their_messages():
    assert sum(1 for _ in _ids()) >= 120  # the review alone has about fifty


@pytest.mark.parametrize("module", MODULES)
def test_every_message_of_the_clinical_domain_has_a_dutch_translation(module):
    dutch = translation("nl")
    missing = []
    for where, message, context in _ids():
        if where != module:
            continue
        if isinstance(message, tuple):
            worded = (dutch.ngettext(message[0], message[1], 1), dutch.ngettext(message[0], message[1], 2))
            if worded == (message[0], message[1]):
                missing.append(message[0])
        elif context is not None:
            if dutch.pgettext(context, message) == message and message not in DUTCH_AS_ENGLISH:
                missing.append(f"{context}|{message}")
        elif dutch.gettext(message) == message and message not in DUTCH_AS_ENGLISH:
            missing.append(message)
    assert not missing, missing


#: Messages whose Dutch is written the same as the English (placeholders and signs only, and "Stop").
DUTCH_AS_ENGLISH = {"Stop", "Stop: {flags}", "{first}; {next}", "{old} → {new} kg", "{change}, {growth}",
                    "{headline}.", "{n} %", "Check-ins"}


def test_a_review_holds_messages_and_is_worded_in_either_language_with_babels_dates():
    plan = story_plan("pain")
    checkins = [c(0, 2), c(2, 3), c(4, 7)]  # the newest is red
    review = review_plan(plan, checkins, today=START + dt.timedelta(days=5))
    assert review.reason_messages and all(isinstance(m, Msg) for m in review.reason_messages)
    day = START + dt.timedelta(days=4)  # 6 March 2026
    assert f"{day.day} maart: rood, pijn 7 tijdens het oefenen is te veel." in review.reasons("nl")
    assert f"{day.day} March: red, pain 7 during the exercises is too much." in review.reasons("en")
    assert review.headline("nl") == "Advies: een stap terug, en blijven bewegen"
    assert word(review.headline_message, "en") == "Advice: step back, and keep moving"


def test_numbers_in_a_reason_follow_the_language():
    from planner.domain.measures import ScorePoint

    plan = story_plan("pain")
    review = review_plan(plan, [c(0, 2)], today=on(1))
    risen = with_nprs_rise(review, [ScorePoint(on(0), 4.0), ScorePoint(on(1), 6.5)], on(1))
    assert any(r.startswith("NPRS gestegen van 4 naar 6,5") for r in risen.reasons("nl"))
    assert any(r.startswith("NPRS rose from 4 to 6.5") for r in risen.reasons("en"))


def test_proposals_and_checks_are_messages_worded_where_shown():
    plan = story_plan("pain", weeks=1)
    review = review_plan(plan, [], today=on(0))
    proposal = propose(plan, review, today=on(0))
    assert isinstance(proposal.summary_message, Msg)
    assert proposal.summary("nl") == "Zo doorgaan: niets aanpassen."
    short = [w for w in check_plan(plan) if w.code == "short-phase"]
    assert short and isinstance(short[0].message, Msg)
    assert word(short[0].message, "nl").startswith("Deze fase duurt 1 week;")  # a plural form, not "1 weken"
    assert word(short[0].message, "en").startswith("This phase lasts 1 week;")


def test_red_flags_have_the_therapists_words_in_every_language():
    for flag in RedFlag:
        assert word(FLAG_NAMES[flag], "nl") != word(FLAG_NAMES[flag], "en"), flag
    assert word(FLAG_NAMES[RedFlag.FEVER], "nl") == "koorts"
