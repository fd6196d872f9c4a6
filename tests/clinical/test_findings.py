"""Findings 5 and 8 of issue 11 (1-4 are in the story table and test_review_service.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from planner.domain import thresholds
from planner.domain.monitoring import AMBER_MAX, GREEN_MAX
from planner.domain.plan_rules import rules_for_patient
from planner.domain.proposals import propose_step_back
from planner.domain.quotas import weekly_quotas
from planner.domain.steps import block_progression, step_up
from planner.domain.thresholds import Progression
from tests.clinical.helpers import story_plan
from tests.domain.conftest import item, library

NOT_LOAD = ("daily.sleep-routine", "daily.relaxation-moments", "breathing.long-exhale", "breathing.body-scan",
            "education.what-is-pain")


@pytest.mark.parametrize("key", NOT_LOAD)
def test_finding_5_sleep_relaxation_breathing_and_education_are_never_grown(key):
    """'sleep-routine' and relaxation minutes were made 10 % bigger; now they never grow by the cap."""
    it = item(key, minutes=10) if key.startswith(("daily", "breathing")) else item(key)
    assert block_progression(it.block) is Progression.NONE
    assert step_up(it.block, it.dosage, cap_pct=10, weeks=4, half=False) == it.dosage
    assert set(map(str, weekly_quotas(it, 6))) == {str(it.dosage)}


def test_every_built_in_block_has_a_way_to_progress_and_only_load_grows():
    kinds = {b.key: block_progression(b) for b in library()}
    assert {k for k, p in kinds.items() if p is Progression.NONE} >= set(NOT_LOAD)
    assert kinds["balance.tandem-stance"] is Progression.LEVEL
    assert kinds["daily.calm-walk"] is Progression.VOLUME and kinds["strength.bridge"] is Progression.VOLUME


def test_finding_8_one_table_for_bands_and_step_back_amounts():
    """The traffic light, the step-back amount and the rules the handout prints come from thresholds.py."""
    assert (GREEN_MAX, AMBER_MAX) == (thresholds.DEFAULT_BANDS.green_max, thresholds.DEFAULT_BANDS.amber_max)
    pain = dict(rules_for_patient("pain"))
    assert pain["pain.traffic_light"] == {"green_max": 3, "amber_min": 4, "amber_max": 5}
    assert pain["step_back.amount"]["step_back_pct"] == round(thresholds.STEP_BACK_SHARE * 100) == 75
    plan = story_plan("pain")
    text = propose_step_back(plan, plan.phases[0].id).summary("en")
    assert "75 %" in text and "third" not in text and "half" not in text


def test_finding_8_no_other_domain_module_writes_the_step_back_share_or_the_bands():
    """No copy of 0.75 / 0.8 or of the 3/5 band edges in the engine's modules."""
    domain = Path(thresholds.__file__).parent
    for name in ("monitoring.py", "progression.py", "proposals.py", "review.py", "roadmap.py", "steps.py",
                 "quotas.py", "exposure.py", "plan_rules.py", "schedule.py"):
        source = (domain / name).read_text(encoding="utf-8")
        code = "\n".join(line.split("#")[0] for line in source.splitlines())
        assert not re.search(r"=\s*0\.(75|8)\b", code), name
        assert not re.search(r"\b(GREEN_MAX|AMBER_MAX)\s*=\s*\d", code), name


def test_balance_rungs_that_need_the_practice_wait_for_the_therapists_tick():
    """Tandem stance at rung 4 (head turns), hold at the top: rung 5 (eyes closed) only after the tick."""
    from planner.domain.steps import needs_practice

    it = item("balance.tandem-stance", level=3, hold_seconds=30)
    assert needs_practice(it.block, 4) and not needs_practice(it.block, 1)
    waiting = step_up(it.block, it.dosage, cap_pct=10, weeks=2, half=False)
    assert waiting.level == 3 and waiting != it.dosage  # another bout or a longer hold instead
    ticked = step_up(it.block, it.dosage, cap_pct=10, weeks=2, half=False,
                     ticked=frozenset({("balance.tandem-stance", 4)}))
    assert ticked.level == 4
