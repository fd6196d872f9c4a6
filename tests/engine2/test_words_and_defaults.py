"""Second pass on the engine's words and defaults: criteria follow the plan's mode, time-contingent is
the default mode, and reasons with a count use proper plurals from the gettext catalogues."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from planner.domain import plan_words, proposals
from planner.domain.messages import nmsg
from planner.domain.model import ProgressionMode
from planner.domain.review import review_plan
from planner.domain.wizard import WizardRequest
from planner.i18n import word
from planner.services import plans
from tests.clinical.helpers import START, c, story_plan


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("mode", list(ProgressionMode))
def test_phase_criteria_in_proposals_follow_the_plans_mode(mode, lang):
    """One text for "when do you move on": the proposals use the plan words of the plan's mode."""
    assert proposals.criteria_text(mode, 3, lang) == plan_words.phase_criteria(mode, 3, lang)


def test_time_contingent_criteria_never_speak_of_the_traffic_light():
    for lang in ("nl", "en"):
        text = proposals.criteria_text(ProgressionMode.TIME, 2, lang).lower()
        assert "red" not in text and "rood" not in text and "step back" not in text and "stap terug" not in text


def test_a_blank_plan_and_a_wizard_request_are_time_contingent_by_default(db):
    assert WizardRequest().mode is ProgressionMode.TIME
    plan = plans.create_plan(db, patient_id=None, title="Blank")
    assert plan.mode is ProgressionMode.TIME


def test_a_count_uses_the_catalogues_plural_forms():
    def counted(n: int) -> tuple[str, str]:
        message = nmsg("{n} bad day: that is expected and does not change the schedule.",
                       "{n} bad days: that is expected and does not change the schedule.", n)
        return word(message, "nl"), word(message, "en")

    one, three = counted(1), counted(3)
    assert one == ("1 slechte dag: dat hoort erbij en verandert het schema niet.",
                   "1 bad day: that is expected and does not change the schedule.")
    assert three == ("3 slechte dagen: dat hoort erbij en verandert het schema niet.",
                     "3 bad days: that is expected and does not change the schedule.")


def test_review_reasons_with_one_bad_day_say_day_not_days():
    plan = story_plan("time")
    checkins = [c(0, 3), c(1, 3), c(2, 7, "worse")]
    review = review_plan(plan, checkins, today=START + dt.timedelta(days=3))
    assert "1 bad day: that is expected and does not change the schedule." in review.reasons("en")
    assert "1 slechte dag: dat hoort erbij en verandert het schema niet." in review.reasons("nl")


def test_no_reason_text_in_the_engine_guesses_a_plural():
    """No "(s)" / "(en)" plurals left in the engine's texts."""
    domain = Path(proposals.__file__).parent
    for path in domain.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert not re.search(r"[a-z]\((s|en)\)[ :.,]", source), path.name


def test_no_guessed_plural_is_left_in_the_catalogues():
    """"handout(s)", "hand-out(s)", "dag(en)": every count in a message gets its own plural form."""
    from planner.paths import LOCALE_DIR

    for path in Path(LOCALE_DIR).glob("*/LC_MESSAGES/*.po"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith(("msgid", "msgstr", '"')):
                assert not re.search(r"[a-z]\((s|en)\)[ :.,\"]", line), (path.name, line)


def test_a_clinic_template_file_without_a_mode_is_time_contingent(db):
    """The template format's `mode` is optional; left out, the plan is graded activity (the spec's default)."""
    from planner.store.library import _template_rows

    data = {"key": "template.own", "text": {"en": {"title": "Own"}}, "phases": []}
    with db.reading() as session:
        assert _template_rows(session, data, "en").mode == "time"
