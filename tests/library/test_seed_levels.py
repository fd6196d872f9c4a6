"""Seeding stores each level's own texts and picture; a newer block version updates a stored copy;
a therapist's own blocks keep working with labels only."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from planner.domain.block_text import shown_for
from planner.paths import LIBRARY_DIR
from planner.services import library as library_service
from planner.store import tables as t
from planner.store.library import level_data, load_json_files, seed


def test_a_level_picture_is_recorded_only_when_the_file_exists(tmp_path: Path):
    (tmp_path / "strength.demo.level-0.svg").write_text("<svg/>", encoding="utf-8")
    levels = [{"nl": "Makkelijk", "en": "Easy", "text": {"nl": {"steps": ["a", "b"]}, "en": {"steps": ["c", "d"]}}},
              {"nl": "Basis", "en": "Basic"}]
    stored = level_data("strength.demo", levels, tmp_path)
    assert stored[0]["illustration"] == "strength.demo.level-0.svg"
    assert "illustration" not in stored[1]
    assert stored[0]["text"]["en"] == {"steps": ["c", "d"]}
    copied = level_data("custom.7", stored, tmp_path)  # a copy of a built-in keeps the level's picture
    assert copied[0]["illustration"] == "strength.demo.level-0.svg"


def test_a_level_text_in_a_language_not_shipped_is_not_stored(tmp_path: Path):
    """Like the labels and the block's texts: a language the library holds before the program ships it
    (its texts written ahead) is left out, so a copy of the block goes through a plan file."""
    levels = [{"nl": "Makkelijk", "en": "Easy", "xx": "Kolay",
               "text": {"nl": {"steps": ["a", "b"]}, "en": {"steps": ["c", "d"]}, "xx": {"steps": ["e", "f"]}}}]
    stored = level_data("strength.demo", levels, tmp_path)
    assert set(stored[0]["text"]) == {"nl", "en"}
    assert "xx" not in stored[0]


def test_a_malformed_level_is_refused():
    with pytest.raises(ValueError):
        level_data("strength.demo", [{"nl": "x", "en": "y", "text": ["steps"]}])


def test_seeded_blocks_carry_their_level_texts_and_no_pain_limit(db):
    plank = library_service.get_block_by_key(db, "strength.knee-plank")
    assert "aanrecht" in plank.levels[0].texts["nl"].steps[0]
    assert plank.levels[0].texts["en"].safety
    assert plank.dosage.pain_limit is None
    easy = shown_for(plank, plank.dosage.merged({"level": 0}), "en")
    assert "counter" in easy.steps[0] and easy.level_label.startswith("Standing")


def test_a_higher_version_updates_a_stored_copy(db):
    with db.transaction() as session:
        row = session.scalars(select(t.Block).where(t.Block.key == "strength.sit-to-stand")).one()
        row.version = 1
        row.levels = [{"nl": "Oud", "en": "Old"}] * 3
    with db.transaction() as session:
        report = seed(session, LIBRARY_DIR)
    assert report.blocks_updated == 1
    block = library_service.get_block_by_key(db, "strength.sit-to-stand")
    assert block.levels[0].text("en").startswith("Pushing up") and "armrests" in block.levels[0].texts["en"].steps[0]


def test_every_file_seeds_and_every_level_text_is_stored(db):
    files = load_json_files(LIBRARY_DIR / "blocks")
    own = sum(1 for _, data in files for level in data.get("levels", []) if level.get("text"))
    stored = sum(1 for block in library_service.list_blocks(db)
                 for level in library_service.get_block_by_key(db, block.key).levels if level.texts)
    assert own == stored and own >= 40


def test_a_therapists_block_and_a_copy_keep_working(db):
    own = library_service.create_custom_block(db, {
        "kind": "strength", "regions": ["knee"], "equipment": [], "dosage": {"reps": 8, "level": 0},
        "levels": [{"nl": "Licht", "en": "Light"}, {"nl": "Zwaar", "en": "Heavy"}],
        "text": {"nl": {"title": "Traplopen", "purpose": "", "steps": ["Ga voor de trap staan.", "Loop 3 treden op."],
                        "safety": "", "body": []}},
    })
    text = shown_for(own, own.dosage, "nl")
    assert text.steps == ("Ga voor de trap staan.", "Loop 3 treden op.") and text.level_label == "Licht"
    plank = library_service.get_block_by_key(db, "strength.knee-plank")
    copy = library_service.duplicate_block(db, plank.id)
    assert copy.levels == plank.levels
    assert shown_for(copy, copy.dosage.merged({"level": 0}), "nl").steps == shown_for(
        plank, plank.dosage.merged({"level": 0}), "nl").steps
