"""The demo plan is one a physiotherapist would give a 72-year-old with low back pain and fear of bending."""

from __future__ import annotations

from planner.domain.checks import check_plan
from planner.domain.kinds import Kind
from planner.domain.model import PlanStatus, ProgressionMode
from planner.services import patients, plans
from planner.services.demo import DEMO_PRIVATE_NOTE, ensure_demo


def test_finding_7_the_demo_plan_is_time_contingent_bending_practice_walking_and_sit_to_stand(db):
    """No ankle circles, ankle pumps or band pull-apart; bending practice, sit-to-stand, walking, breathing."""
    plan_id = ensure_demo(db)
    assert ensure_demo(db) == plan_id  # idempotent
    plan = plans.get_plan(db, plan_id)
    assert plan.mode is ProgressionMode.TIME and plan.status is PlanStatus.ACTIVE and len(plan.phases) == 3
    keys = {i.block.key for p in plan.phases for i in p.items}
    assert not keys & {"mobility.ankle-circles", "mobility.ankle-pumps", "strength.band-pull-apart"}
    assert {"strength.sit-to-stand", "balance.reach-out", "daily.calm-walk"} <= keys
    assert "education.pain-traffic-light" not in keys  # a time-contingent plan explains its own rules
    for phase in plan.phases:
        assert any(i.block.kind is Kind.BREATHING for i in phase.items)
        assert any(i.block.key == "daily.calm-walk" for i in phase.items)
    walks = [next(i for i in p.items if i.block.key == "daily.calm-walk").dosage.minutes for p in plan.phases]
    assert walks == [8, 8, 9]  # 80 % of her 10-minute baseline, then half steps (she is 72): +5 % a week
    assert check_plan(plan) == []
    notes = [i.private_note for p in plan.phases for i in p.items if i.private_note]
    assert notes == [DEMO_PRIVATE_NOTE]
    patient = patients.get_patient(db, plan.patient_id)
    assert patient.region == "lower-back" and "bukken" in patient.complaint


def test_the_demo_patients_words_are_data_per_language(db, monkeypatch):
    """The demo's title, goal, complaint and private note come from resources/library/demo.json, keyed
    by language code: a language adds its entry there; one without an entry gets the English words."""
    from planner.services import demo

    assert demo.demo_texts("nl")["title"] == "Rug in beweging" and demo.demo_texts("en")["title"] == "Back on the move"
    assert demo.demo_texts("xx") == demo.demo_texts("en")
    words = {"title": "Bel hareketi", "goal": "Torunumla 30 dakika yürümek", "complaint": "Bel ağrısı",
             "private_notes": "Demo (özel)."}
    monkeypatch.setattr(demo, "read_demo", lambda: {"languages": {"tr": words}})
    plan = plans.get_plan(db, ensure_demo(db, lang="tr"))
    assert plan.title == words["title"] and plan.goal == words["goal"]
    patient = patients.get_patient(db, plan.patient_id)
    assert patient.complaint == words["complaint"] and patient.private_notes == words["private_notes"]
    assert [p.id for p in patients.list_patients(db, query="ağrısı")] == [patient.id]  # found by her own words
