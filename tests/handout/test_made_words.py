"""Names the program made (phase names, focus, criteria, the plan's title) are stored as messages
next to their text and worded in the HANDOUT's language, as long as the text is still what the program
made; what the therapist typed prints as typed (issue 12, finding 4)."""

from __future__ import annotations

import json

import pytest

from planner.domain.errors import HerstelplanError
from planner.domain.made_words import MadeWords
from planner.domain.messages import worded
from planner.domain.plan_words import region_title
from planner.domain.snapshot import PhaseSnapshot
from planner.domain.wizard import WizardRequest
from planner.handout.model import HandoutOptions
from planner.languages import codes
from planner.services import handouts, patients, plans, transfer, wizard
from planner.services.plan_file_check import TransferError
from planner.store.transfer import VERSION as FILE_VERSION
from tests.handout.helpers import text

DUTCH_MADE = ("Opbouwen", "Begrijpen en rustig beginnen", "Volgens schema", "Terug naar je dagelijkse leven",
              "Stap voor stap meer kracht")


def test_the_demo_stores_what_the_wizard_made(db, demo_id):
    plan = plans.get_plan(db, demo_id)
    assert all(phase.made.name is not None and phase.made.criteria is not None for phase in plan.phases)
    assert [worded(phase.made.name, "nl") for phase in plan.phases] == [phase.name for phase in plan.phases]


def test_an_edited_phase_name_prints_as_typed_in_every_language(db, demo_id):
    phase = plans.get_plan(db, demo_id).phases[1]
    plans.update_phase(db, phase.id, name="Sterker worden met Jannie", criteria="Als de knie rustig blijft.")
    for lang in codes():
        flat = text(handouts.render_handout(db, demo_id, HandoutOptions(lang=lang, full=True)))
        assert "Sterker worden met Jannie" in flat and "Als de knie rustig blijft." in flat, lang


@pytest.mark.skipif("tr" not in codes(), reason="Turkish is not a shipped language on this branch")
@pytest.mark.parametrize("full", [False, True])
def test_the_turkish_handout_of_the_demo_has_no_dutch_phase_names(db, demo_id, full):
    flat = text(handouts.render_handout(db, demo_id, HandoutOptions(lang="tr", full=full)))
    for dutch in DUTCH_MADE:
        assert dutch not in flat, dutch


def _english_plan(db) -> int:
    patient = patients.create_patient(db, name="Ann Smith", language="en")
    made = wizard.create_plan_with_wizard(db, patient.id, WizardRequest(region="knee", language="en", phases=3))
    return made.id


def test_a_plan_made_in_english_and_printed_in_dutch_has_dutch_phase_names_and_title(db):
    plan_id = _english_plan(db)
    plan = plans.get_plan(db, plan_id)
    assert plan.title == "Plan for your knee" and plan.made_title is not None
    assert plan.phases[0].name == "Understand and start calmly"
    flat = text(handouts.render_handout(db, plan_id, HandoutOptions(lang="nl", full=True)))
    for english in ("Understand and start calmly", "Building up", "Back to daily life", "On schedule",
                    "Plan for your knee"):
        assert english not in flat, english
    assert "Begrijpen en rustig beginnen" in flat and "Opbouwen" in flat
    assert region_title("knee", "nl") in flat
    assert handouts.plan_title(plan, "nl") == region_title("knee", "nl")


def test_a_typed_title_is_kept_and_a_made_one_follows_the_file_name_language(db):
    plan_id = _english_plan(db)
    plan = plans.get_plan(db, plan_id)
    assert handouts.plan_title(plan, "en") == "Plan for your knee"
    plans.update_plan(db, plan_id, title="Knee plan for Ann")
    plan = plans.get_plan(db, plan_id)
    assert handouts.plan_title(plan, "nl") == "Knee plan for Ann"
    flat = text(handouts.render_handout(db, plan_id, HandoutOptions(lang="nl")))
    assert "Knee plan for Ann" in flat


def test_a_copy_of_a_plan_keeps_its_made_words(db, demo_id):
    original = plans.get_plan(db, demo_id)
    copy = plans.duplicate_plan(db, demo_id)
    assert [p.made for p in plans.get_plan(db, copy.id).phases] == [p.made for p in original.phases]


def test_the_demo_on_a_database_without_made_words_prints_as_before(db, demo_id):
    """A plan from before migration 0004 (no made words): the stored text prints as it did."""
    from sqlalchemy import text as sql

    with db.engine.begin() as connection:
        connection.execute(sql("UPDATE phases SET made_words = NULL"))
        connection.execute(sql("UPDATE plans SET made_title = NULL"))
    plan = plans.get_plan(db, demo_id)
    assert all(phase.made.name is None for phase in plan.phases)
    dutch = text(handouts.render_handout(db, demo_id, HandoutOptions(lang="nl", full=True)))
    english = text(handouts.render_handout(db, demo_id, HandoutOptions(lang="en", full=True)))
    for phase in plan.phases:
        assert phase.name in dutch
    assert "Opbouwen" in english  # as before: the stored Dutch text


def test_undo_of_a_removed_phase_puts_its_made_words_back(db, demo_id):
    phase = plans.get_plan(db, demo_id).phases[1]
    _changed, snapshot = plans.remove_phase(db, phase.id)
    assert snapshot.made == phase.made and PhaseSnapshot.from_data(snapshot.to_data()).made == phase.made
    plans.restore_phase(db, demo_id, snapshot)
    assert plans.get_plan(db, demo_id).phases[1].made == phase.made


def test_a_plan_file_carries_the_made_words_and_one_without_them_still_imports(db, demo_id):
    doc = transfer.export_data(db, demo_id)
    assert doc["version"] == FILE_VERSION == 3  # new optional fields raise the version (docs/plan-file-format.md)
    assert all("made" in phase for phase in doc["plan"]["phases"])
    original = plans.get_plan(db, demo_id)
    imported = transfer.import_data(db, json.loads(json.dumps(doc)), backup=False)
    assert [p.made for p in imported.phases] == [p.made for p in original.phases]
    for phase in doc["plan"]["phases"]:
        del phase["made"]
    older = transfer.import_data(db, doc, backup=False)
    assert [p.name for p in older.phases] == [p.name for p in original.phases]
    assert all(p.made == MadeWords() for p in older.phases)


def test_a_plan_file_with_a_damaged_made_word_is_refused_with_its_place(db, demo_id):
    doc = transfer.export_data(db, demo_id)
    doc["plan"]["phases"][0]["made"]["name"] = {"id": ["not", "text"]}
    with pytest.raises(TransferError) as caught:
        transfer.import_data(db, doc, backup=False)
    assert "$.plan.phases[0].made.name" in str(caught.value)


def test_what_changed_names_a_new_made_phase_in_the_handouts_language(db, demo_id):
    """The revision carries the made words: 'New phase: Building up' on the English handout of a Dutch plan."""
    from planner.services import revisions

    revisions.snapshot_plan(db, demo_id, reason="export", current_phase=0)
    lines = revisions.changes_since_last_revision(db, demo_id, "en", current_phase=1)
    assert any("Building up" in line for line in lines) and not any("Opbouwen" in line for line in lines)


def test_the_export_file_name_words_a_made_title_in_the_handouts_language(db):
    from planner.ui.files.export import default_file_name

    plan = plans.get_plan(db, _english_plan(db))
    assert default_file_name(plan) == "Plan for your knee - Ann Smith.pdf"
    assert default_file_name(plan, "nl") == f"{region_title('knee', 'nl')} - Ann Smith.pdf"


def test_a_phase_the_review_adds_is_worded_in_the_handouts_language(db, demo_id):
    """A step back accepted on a Dutch plan ('Rustiger aan'): the English handout says 'Easing off'."""
    from planner.domain.messages import msg
    from planner.services import progression

    first = plans.get_plan(db, demo_id).phases[0]
    proposal = progression.propose_step_back(db, demo_id, first.id)
    assert proposal.name == worded(msg("Easing off"), "nl") != "Easing off"
    progression.apply_proposal(db, demo_id, proposal, None)
    added = plans.get_plan(db, demo_id).phases[1]
    assert added.made == proposal.made
    english = text(handouts.render_handout(db, demo_id, HandoutOptions(lang="en", full=True)))
    assert "Easing off" in english and proposal.name not in english


def test_a_blank_plan_keeps_the_title_the_new_plan_dialog_made(db):
    """'Plan voor Ann' (made for a Dutch patient) is 'Plan for Ann' on an English handout; a typed one stays."""
    from planner.domain.plan_words import patient_title

    patient = patients.create_patient(db, name="Ann", language="nl")
    made = plans.create_plan(db, patient_id=patient.id, title=patient_title("Ann", "nl"),
                             phases=[{"name": "Fase 1", "weeks": 2}])
    assert handouts.plan_title(made, "en") == "Plan for Ann" != made.title
    typed = plans.create_plan(db, patient_id=patient.id, title="Knie na de val")
    assert typed.made_title is None and handouts.plan_title(typed, "en") == "Knie na de val"


def test_a_format_2_file_with_made_words_is_refused_and_without_them_still_reads(db, demo_id):
    """Made words are format 3 (new optional fields raise the version): a format 2 file holding them
    is refused with its place, the same file without them imports."""
    from planner.services import transfer

    doc = transfer.export_data(db, demo_id)
    assert doc["version"] == 3 and doc["plan"]["phases"][0].get("made")
    old = {**doc, "version": 2}
    with pytest.raises(HerstelplanError, match=r"\$\.plan\.phases\[0\]\.made"):
        transfer.check(old)
    plain = {**old, "plan": {k: v for k, v in doc["plan"].items() if k != "made_title"}}
    plain["plan"]["phases"] = [{k: v for k, v in p.items() if k != "made"} for p in doc["plan"]["phases"]]
    checked = transfer.check(plain)
    assert checked["plan"]["made_title"] is None and not any("made" in p for p in checked["plan"]["phases"])
