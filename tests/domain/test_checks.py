"""Plan checks: each warning with a worked example, and a sound plan without any."""

from __future__ import annotations

from planner.domain.checks import PlanWarning, check_plan, phase_warnings
from tests.domain.conftest import item, plan


def _sound_phase(offset: int = 0, **bridge: object) -> list:
    return [
        item("education.what-is-pain", 1 + offset),
        item("breathing.long-exhale", 2 + offset),
        item("mobility.pelvic-tilt", 3 + offset),
        item("strength.bridge", 4 + offset, **bridge),
    ]


def _codes(warnings: list[PlanWarning]) -> list[tuple[int, int | None, str]]:
    return [(w.phase_id, w.item_id, w.code) for w in warnings]


def test_a_sound_plan_has_no_warnings():
    """Education, breathing, mobility and strength, growing within the cap: nothing to warn about."""
    p = plan(("Start", 2, _sound_phase()), ("Opbouw", 2, _sound_phase(10, reps=12)))
    assert check_plan(p) == []


def test_too_steep_a_step_names_the_block_and_the_allowed_growth():
    """Bruggetje 2×10 → 3×12 after 2 weeks is +80 %; 10 %/week allows +21 %."""
    p = plan(("Start", 2, _sound_phase()), ("Opbouw", 2, _sound_phase(10, sets=3, reps=12)))
    warnings = check_plan(p)
    assert _codes(warnings) == [(102, 14, "steep-step")]
    assert warnings[0].text("nl") == "Bruggetje: +80 % na 2 weken; bij 10 % per week is +21 % het maximum."
    assert warnings[0].text("en").startswith("Bridge: +80 % after 2 weeks")


def test_a_higher_cap_or_a_longer_phase_allows_a_bigger_step():
    """The same +20 % step is fine after two weeks, too steep after one week at 10 %."""
    assert check_plan(plan(("A", 2, _sound_phase()), ("B", 2, _sound_phase(10, reps=12)))) == []
    def steep(p) -> list[str]:
        return [w.code for w in check_plan(p) if w.code == "steep-step"]
    assert steep(plan(("A", 1, _sound_phase()), ("B", 2, _sound_phase(10, reps=12)))) == ["steep-step"]
    assert steep(plan(("A", 1, _sound_phase()), ("B", 2, _sound_phase(10, reps=12)), cap=20)) == []


def test_too_many_blocks_and_too_long_a_session():
    """Seven exercises in one session, and a session of over 45 minutes, are flagged per phase."""
    many = _sound_phase() + [item(k, 20 + n) for n, k in enumerate(
        ["mobility.cat-cow", "mobility.hip-circles", "strength.clamshell", "balance.tandem-stance"])]
    assert "too-many-blocks" in [w.code for w in check_plan(plan(("Veel", 2, many)))]
    long = [item("education.what-is-pain", 1), item("breathing.long-exhale", 2, minutes=50)]
    warnings = [w for w in check_plan(plan(("Lang", 2, long))) if w.code == "too-long"]
    assert warnings and "50 minuten" in warnings[0].text("nl")


def test_strength_on_consecutive_days_and_a_high_pain_limit():
    """Strength on 5 days a week leaves no 48 hours rest; a pain limit of 7 is in the red."""
    phase = _sound_phase()
    phase[3] = item("strength.bridge", 4, days_per_week=5, pain_limit=7)
    codes = _codes(check_plan(plan(("Start", 2, phase))))
    assert (101, 4, "strength-no-rest") in codes and (101, 4, "pain-limit-high") in codes


def test_a_phase_without_breathing_or_education_is_flagged():
    """Only movement: both missing parts are named, for the whole phase (no item)."""
    warnings = check_plan(plan(("Alleen bewegen", 2, [item("strength.bridge", 1), item("mobility.cat-cow", 2),
                                                      item("mobility.pelvic-tilt", 3)])))
    assert _codes(warnings) == [(101, None, "no-breathing"), (101, None, "no-education")]


def test_phase_warnings_gives_one_phase():
    """The editor can ask for one phase's warnings by index."""
    p = plan(("Start", 2, _sound_phase()), ("Opbouw", 2, _sound_phase(10, sets=3, reps=12)))
    assert phase_warnings(p, 0) == [] and [w.code for w in phase_warnings(p, 1)] == ["steep-step"]
    assert phase_warnings(p, 5) == []


def test_fewer_than_three_exercises_is_flagged_but_education_and_daily_life_do_not_count():
    """Breathing and one mobility block, with two topics and a walk: 2 exercises a session."""
    few = [item("education.what-is-pain", 1), item("education.pacing", 2), item("breathing.long-exhale", 3),
           item("mobility.pelvic-tilt", 4), item("daily.calm-walk", 5)]
    warnings = check_plan(plan(("Weinig", 2, few)))
    assert _codes(warnings) == [(101, None, "too-few-blocks")]
    assert warnings[0].text("nl").startswith("2 oefeningen per keer; 3 tot 6")


def test_a_phase_shorter_than_two_weeks_is_flagged():
    """Three one-week phases in three weeks: at most half as many phases as weeks."""
    p = plan(("A", 1, _sound_phase()), ("B", 2, _sound_phase(10)))
    assert _codes(check_plan(p)) == [(101, None, "short-phase")]


def test_only_load_is_judged_by_the_cap():
    """Sleep routine 10 -> 30 minutes, relaxation 5 -> 20, breathing 3 -> 10: no steep step; walking 5 -> 15 is."""
    def phase(offset: int, walk: int, sleep: int, relax: int, breathe: int) -> list:
        return [item("education.what-is-pain", 1 + offset), item("breathing.long-exhale", 2 + offset, minutes=breathe),
                item("mobility.pelvic-tilt", 3 + offset), item("strength.bridge", 4 + offset),
                item("daily.sleep-routine", 5 + offset, minutes=sleep),
                item("daily.relaxation-moments", 6 + offset, minutes=relax),
                item("daily.calm-walk", 7 + offset, minutes=walk)]
    warnings = check_plan(plan(("A", 3, phase(0, 5, 10, 5, 3)), ("B", 3, phase(10, 15, 30, 20, 10))))
    assert _codes(warnings) == [(102, 17, "steep-step")]
    assert warnings[0].text("en").startswith("Calm walks: +200 % after 3 weeks")


def test_a_first_phase_above_the_basic_level_is_flagged():
    """Bridge at its hardest level, and a balance exercise on its third rung, in phase 1; fine in phase 2."""
    first = _sound_phase()
    first[3] = item("strength.bridge", 4, level=2)
    first.append(item("balance.tandem-stance", 5, level=2))
    warnings = check_plan(plan(("Start", 2, first)))
    assert _codes(warnings) == [(101, 4, "beginner-level"), (101, 5, "beginner-level")]
    assert "level 3 in the first phase; start at level 2 or lower" in warnings[0].text("en")
    later = _sound_phase(10, level=2)
    assert "beginner-level" not in [w.code for w in check_plan(plan(("Start", 2, _sound_phase(level=1)),
                                                                    ("Verder", 2, later)))]
