"""'What changed since your last visit' in the patient's words, from two plan snapshots."""

from __future__ import annotations

from planner.domain.revisions import changes_between as messages
from planner.domain.revisions import snapshot
from planner.domain.snapshot import PlanSnapshot
from planner.i18n import word
from tests.domain.conftest import item, plan


def _visit(*items, name: str = "Opbouw") -> PlanSnapshot:
    return snapshot(plan((name, 2, list(items))), current_phase=0)


def changes_between(old: PlanSnapshot, new: PlanSnapshot, lang: str) -> list[str]:
    """The messages worded in `lang`, as the handout prints them."""
    return [word(line, lang) for line in messages(old, new, lang)]


def test_more_sets_and_reps_read_like_the_handout():
    """Bruggetje 2×10 → 3×12: 'Bruggetje: nu 3 keer 12 herhalingen (was 2 keer 10)'."""
    old = _visit(item("strength.bridge", 1))
    new = _visit(item("strength.bridge", 1, sets=3, reps=12))
    assert changes_between(old, new, "nl") == ["Bruggetje: nu 3 keer 12 herhalingen (was 2 keer 10)"]
    assert changes_between(old, new, "en") == ["Bridge: now 3 sets of 12 repetitions (was 2 sets of 10)"]


def test_new_removed_level_breathing_and_frequency_changes():
    """A new block, a dropped one, a harder level, a longer exhale and a walk on more days."""
    old = _visit(item("strength.bridge", 1), item("mobility.cat-cow", 2), item("breathing.long-exhale", 3),
                 item("daily.calm-walk", 4))
    new = _visit(item("strength.bridge", 1, level=2), item("breathing.long-exhale", 3, exhale_seconds=7, level=1),
                 item("daily.calm-walk", 4, days_per_week=7), item("balance.tandem-stance", 5))
    lines = changes_between(old, new, "nl")
    assert "Bruggetje: een stap moeilijker: Bovenin even stil blijven, heel langzaam zakken" in lines
    breathing = [line for line in lines if line.startswith("Rustig ademen")]
    assert breathing == ["Rustig ademen met een lange uitademing: een stap moeilijker: Uitademen duidelijk langer dan inademen",
                         "Rustig ademen met een lange uitademing: nu 4 tellen in, 7 tellen uit (was 4 in, 6 uit)"]
    assert "Rustig wandelen: nu 1 keer per dag, elke dag (was 1 keer per dag, 5 dagen per week)" in lines
    assert "Nieuw: Staan met je voeten achter elkaar, 4 keer 20 seconden" in lines
    assert lines[-1] == "Niet meer nodig: Bolle en holle rug"


def test_breathing_without_a_ladder_names_the_counts_and_topics_are_new_to_read():
    """A longer exhale reads as counts; a new topic is 'new to read', an old one is not 'stopped'."""
    old = _visit(item("education.what-is-pain", 1), item("breathing.belly-sitting", 2))
    new = _visit(item("education.pacing", 3), item("breathing.belly-sitting", 2, exhale_seconds=8))
    assert changes_between(old, new, "en") == [
        "Belly breathing sitting: now breathe in for 4, out for 8 (was 4 in, 6 out)",
        "New to read: Spreading your load wisely",
    ]


def test_a_new_phase_is_announced_first():
    """Moving on to the next phase names the new phase, then the changes."""
    p = plan(("Start", 2, [item("strength.bridge", 1)]), ("Opbouw", 3, [item("strength.bridge", 11, reps=12)]))
    lines = changes_between(snapshot(p, current_phase=0), snapshot(p, current_phase=1), "nl")
    assert lines == ["Nieuwe fase: Opbouw (3 weken)", "Bruggetje: nu 2 keer 12 herhalingen (was 2 keer 10)"]


def test_nothing_changed_gives_no_lines():
    """The same plan twice: nothing to tell."""
    visit = _visit(item("strength.bridge", 1))
    assert changes_between(visit, visit, "nl") == []


def test_a_weight_reads_in_the_languages_own_numbers():
    """Numbers are parameters worded per language: 2,5 kg in Dutch, 2.5 kg in English."""
    old = _visit(item("strength.bridge", 1, load_kg=2.5))
    new = _visit(item("strength.bridge", 1, load_kg=5.0))
    assert changes_between(old, new, "nl") == ["Bruggetje: gewicht nu 5 kg (was 2,5 kg)"]
    assert changes_between(old, new, "en") == ["Bridge: weight now 5 kg (was 2.5 kg)"]


def test_a_stored_revision_reads_back_as_the_same_snapshot():
    """The revision is stored as data (to_data) and read back (from_data) unchanged; a revision
    stored in format 1 (before the typed snapshots) reads the same."""
    visit = _visit(item("strength.bridge", 1, sets=3), item("education.what-is-pain", 2))
    assert PlanSnapshot.from_data(visit.to_data()) == visit
    first = visit.phases[0].items[0]
    format_1 = {"format": 1, "title": visit.title, "goal": visit.goal, "current_phase": 0, "phases": [
        {"id": phase.phase_id, "name": phase.name, "weeks": phase.weeks, "items": [
            {"item_id": i.item_id, "block_key": i.block_key, "kind": i.kind, "title": dict(i.title),
             "level_text": dict(i.level_text), "dosage": i.dosage.to_dict()} for i in phase.items]}
        for phase in visit.phases]}
    old = PlanSnapshot.from_data(format_1)
    assert old.phases[0].items[0] == first
    new = _visit(item("strength.bridge", 1, sets=4), item("education.what-is-pain", 2))
    assert changes_between(old, new, "en") == changes_between(visit, new, "en")


def test_a_language_added_later_reads_old_revisions():
    """A snapshot stored before a language was shipped has no words in it: the titles fall back to
    English and an unchanged rung is not told as a change."""
    old = _visit(item("strength.bridge", 1, level=1))
    english_only = PlanSnapshot.from_data({**old.to_data(), "phases": [
        {**phase.to_data(), "items": [{**i.to_data(), "title": {"en": i.title_in("en")},
                                       "level_text": {"en": i.level_text_in("en")}} for i in phase.items]}
        for phase in old.phases]})
    assert changes_between(english_only, old, "nl") == []
    assert english_only.phases[0].items[0].title_in("nl") == "Bridge"
