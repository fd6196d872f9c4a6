"""The six built-in templates meet the program's own standard (issue 11, finding 6).

Read straight from their JSON files (no database): every template, in both languages, passes
`check_plan` (3-6 exercises a session, breathing in every phase, no step beyond the weekly cap,
beginner levels first, phases of at least 2 weeks), exercises carry over from phase to phase
unless replaced, and the last phase keeps its exercises.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from planner.domain.checks import check_plan
from planner.domain.kinds import Kind
from planner.domain.model import PhaseView, PlanItemView, PlanStatus, PlanView, ProgressionMode
from planner.domain.thresholds import SESSION_EXERCISES
from planner.domain.timeline import SESSION_KINDS
from planner.languages import codes
from planner.paths import LIBRARY_DIR
from tests.domain.conftest import block

TEMPLATES = sorted((LIBRARY_DIR / "templates").glob("*.json"))


def template_plan(path, lang: str) -> PlanView:
    data = json.loads(path.read_text(encoding="utf-8"))
    ids = iter(range(1, 10_000))
    phases = []
    for position, phase in enumerate(data["phases"]):
        items = []
        for n, entry in enumerate(phase["items"]):
            b = block(entry["block"])
            items.append(PlanItemView(id=next(ids), position=n, block=b, dosage=b.dosage.merged(entry.get("dosage"))))
        text = phase["text"][lang]
        phases.append(PhaseView(id=100 + position, position=position, name=text["name"], weeks=phase["weeks"],
                                focus=text["focus"], criteria=text["criteria"], items=tuple(items)))
    return PlanView(id=1, title=data["text"][lang]["title"], goal=data["text"][lang]["goal"], language=lang,
                    status=PlanStatus.DRAFT, mode=ProgressionMode(data.get("mode", "pain")), weekly_cap_pct=10,
                    version=1, is_template=True, phases=tuple(phases))


@pytest.mark.parametrize("lang", codes())
@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_every_template_passes_its_checks(path, lang):
    """check_plan finds nothing, in either language."""
    plan = template_plan(path, lang)
    assert [(w.code, w.text("en")) for w in check_plan(plan)] == []


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_exercises_carry_over_unless_replaced(path):
    """At most one exercise a phase is replaced, never dropped; walking stays; the last phase holds 3-6 exercises."""
    plan = template_plan(path, "nl")
    for before, after in zip(plan.phases, plan.phases[1:], strict=False):
        later = {i.block.key for i in after.items}
        dropped = [i.block.key for i in before.items if i.block.kind is not Kind.EDUCATION and i.block.key not in later]
        assert len(dropped) <= 1, f"{after.name}: {dropped} left out"
        count = Counter(i.block.kind in SESSION_KINDS for i in before.items)[True]
        assert sum(i.block.kind in SESSION_KINDS for i in after.items) >= count, f"{after.name}: fewer exercises"
        walks = [i for i in before.items if i.block.key == "daily.calm-walk"]
        assert all(w.block.key in later for w in walks), f"{after.name}: walking dropped"
    last = plan.phases[-1]
    low, high = SESSION_EXERCISES
    assert low <= sum(i.block.kind in SESSION_KINDS for i in last.items) <= high


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.stem)
def test_criteria_carry_no_pain_number_of_their_own(path):
    """The plan's pain limit comes from thresholds.py: no "no higher than 3 out of 10" in the phases."""
    data = json.loads(path.read_text(encoding="utf-8"))
    for phase in data["phases"]:
        for lang in codes():
            text = " ".join(phase["text"][lang].values()).lower()
            for forbidden in ("op 10", "out of 10", "0 tot", "0 to ", "pijn tot", "pain up to"):
                assert forbidden not in text, (lang, text)


def test_widespread_pain_walking_grows_by_small_steps():
    """Finding 6: the widespread-pain template went from a 5- to a 15-minute walk in 3 weeks; now within the cap."""
    path = next(p for p in TEMPLATES if p.stem == "template.widespread-fatigue")
    plan = template_plan(path, "en")
    walks = [next(i for i in p.items if i.block.key == "daily.calm-walk").dosage.minutes for p in plan.phases]
    assert walks[0] == 5 and all(b <= a * 1.1 ** 3 for a, b in zip(walks, walks[1:], strict=False))
