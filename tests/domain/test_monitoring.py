"""The pain traffic light and its advice: worked examples, and monotonic in pain (hypothesis)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from planner.domain.model import CheckInView, NextMorning
from planner.domain.monitoring import AdviceKind, Light, advise, light
from tests.domain.conftest import checkin


def test_light_boundaries_match_the_patient_text():
    """Green 0-3, amber 4-5, red above 5 or a worse next morning."""
    assert [light(p, "same") for p in (0, 3, 4, 5, 6, 10)] == [
        Light.GREEN, Light.GREEN, Light.AMBER, Light.AMBER, Light.RED, Light.RED]
    assert light(1, "worse") is Light.RED
    assert light(3, "better") is Light.GREEN


def test_three_green_check_ins_over_a_week_advise_a_step_forward():
    """Pain 2, 3, 2 over eight days, mornings settled, 14 of 15 sessions: progress, with reasons."""
    advice = advise([checkin(0, 2, done=5), checkin(4, 3, done=4), checkin(7, 2, "better", done=5)])
    assert advice.kind is AdviceKind.PROGRESS and advice.light is Light.GREEN
    nl = "\n".join(advice.reasons("nl"))
    assert "Pijn tijdens het oefenen: 2, 3, 2" in nl
    assert "Al 8 dagen groen" in nl
    assert "Gedaan: 14 van 15 keer (93 %)" in nl
    assert "Green for 8 days" in "\n".join(advice.reasons("en"))
    assert advice.headline("nl") == "Advies: een stap verder"


def test_amber_holds_the_load():
    """One check-in at pain 4 in the last week: hold, and the reason names the amber."""
    advice = advise([checkin(0, 2), checkin(4, 4), checkin(7, 2)])
    assert advice.kind is AdviceKind.HOLD and advice.light is Light.AMBER
    assert any("oranje" in reason for reason in advice.reasons("nl"))


def test_a_red_latest_check_in_advises_a_step_back():
    """Pain 7 at the latest check-in: step back, keep moving."""
    advice = advise([checkin(0, 2), checkin(4, 2), checkin(7, 7)])
    assert advice.kind is AdviceKind.STEP_BACK and advice.light is Light.RED
    assert any("pijn 7" in reason for reason in advice.reasons("nl"))
    assert advice.headline("en") == "Advice: step back, and keep moving"


def test_a_worse_next_morning_counts_as_red():
    """Pain 2 during, but worse the next morning on two days this week: step back."""
    advice = advise([checkin(0, 2, "worse"), checkin(3, 2), checkin(5, 2, "worse"), checkin(6, 2)])
    assert advice.kind is AdviceKind.STEP_BACK
    assert any("ochtend erna" in reason and "slechter" in reason for reason in advice.reasons("nl"))


def test_one_old_red_followed_by_a_green_week_allows_progress():
    """A flare-up ten days ago, then green for a week: progress again."""
    advice = advise([checkin(0, 7), checkin(4, 2), checkin(7, 2), checkin(10, 2)])
    assert advice.kind is AdviceKind.PROGRESS


def test_not_enough_to_judge_holds():
    """No check-ins, a single one, a few days only, or too few sessions done: hold."""
    assert advise([]).kind is AdviceKind.HOLD
    assert advise([checkin(0, 1)]).kind is AdviceKind.HOLD
    assert advise([checkin(0, 1), checkin(3, 1)]).kind is AdviceKind.HOLD
    low = advise([checkin(0, 1, done=1), checkin(7, 1, done=2)])
    assert low.kind is AdviceKind.HOLD
    assert any("in de weg" in reason for reason in low.reasons("nl"))


def test_an_old_check_in_is_not_enough_for_a_step():
    """Green, but the newest check-in is four weeks old: ask first."""
    advice = advise([checkin(0, 1), checkin(7, 1)], today=dt.date(2026, 3, 9) + dt.timedelta(days=28))
    assert advice.kind is AdviceKind.HOLD
    assert any("28 days old" in reason for reason in advice.reasons("en"))


def test_low_confidence_is_named_in_the_reasons():
    """Fear of movement shows in the advice, so the therapist can address it."""
    advice = advise([checkin(0, 1), checkin(7, 1, confidence=2)])
    assert any("Vertrouwen in bewegen is laag (2/10)" in r for r in advice.reasons("nl"))


@st.composite
def diaries(draw):  # noqa: ANN001, ANN201
    days = sorted(draw(st.lists(st.integers(0, 30), min_size=1, max_size=12, unique=True)))
    return [
        checkin(day, draw(st.integers(0, 10)), draw(st.sampled_from(["better", "same", "worse"])),
                done=draw(st.integers(0, 7)), planned=draw(st.integers(0, 7)),
                confidence=draw(st.none() | st.integers(0, 10)))
        for day in days
    ]


def _with_more_pain(diary: list[CheckInView], extra: list[int]) -> list[CheckInView]:
    return [replace(c, pain_during=min(10, c.pain_during + e)) for c, e in zip(diary, extra, strict=False)] + diary[len(extra):]


@settings(max_examples=500, deadline=None)
@given(diaries(), st.lists(st.integers(0, 10), max_size=12), st.none() | st.integers(0, 60))
def test_more_pain_never_gives_a_more_progressive_advice(diary, extra, age):
    """Raising any pain scores (all else equal) never moves the advice towards progress."""
    today = None if age is None else diary[-1].date + dt.timedelta(days=age)
    before = advise(diary, today=today)
    after = advise(_with_more_pain(diary, extra), today=today)
    assert after.kind.rank <= before.kind.rank


@settings(max_examples=300, deadline=None)
@given(diaries(), st.data())
def test_a_worse_morning_never_gives_a_more_progressive_advice(diary, data):
    """Turning any next morning into 'worse' never moves the advice towards progress."""
    index = data.draw(st.integers(0, len(diary) - 1))
    worse = list(diary)
    worse[index] = replace(worse[index], next_morning=NextMorning.WORSE)
    assert advise(worse).kind.rank <= advise(diary).kind.rank
