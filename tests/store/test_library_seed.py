"""Seeding the built-in library: idempotent, by key, updates built-ins, never touches own blocks."""

from __future__ import annotations

import json
import shutil
from collections import Counter

from sqlalchemy import func, select

from planner.domain.kinds import Kind
from planner.paths import LIBRARY_DIR
from planner.services import library as library_service
from planner.store import library
from planner.store import tables as t


def _counts(db):
    with db.reading() as session:
        return (
            session.scalar(select(func.count()).select_from(t.Block)),
            session.scalar(select(func.count()).select_from(t.Plan).where(t.Plan.is_template)),
        )


def test_seeding_twice_adds_nothing_the_second_time(db):
    """A second start finds everything in place and changes nothing."""
    before = _counts(db)
    with db.transaction() as session:
        report = library.seed(session)
    assert (report.blocks_added, report.blocks_updated, report.templates_added) == (0, 0, 0)
    assert _counts(db) == before


def test_at_least_two_blocks_of_every_kind_are_seeded(db):
    """The first window already has content of every kind."""
    kinds = Counter(block.kind for block in library_service.list_blocks(db))
    for kind in Kind:
        assert kinds[kind] >= 2, kind


def test_a_new_version_updates_built_ins_but_never_own_blocks(db, tmp_path):
    """A higher version in the file updates the built-in copy; a therapist's duplicate stays as it was."""
    first = library_service.list_blocks(db, kind="strength")[0]
    own = library_service.duplicate_block(db, first.id)
    lib = tmp_path / "library"
    shutil.copytree(LIBRARY_DIR, lib)
    path = next(p for p in (lib / "blocks").rglob("*.json") if json.loads(p.read_text())["key"] == first.key)
    data = json.loads(path.read_text())
    data["version"] = data.get("version", 1) + 1
    data["text"]["en"]["title"] = "Renamed by a library update"
    path.write_text(json.dumps(data))
    with db.transaction() as session:
        report = library.seed(session, lib)
    assert report.blocks_updated == 1
    assert library_service.get_block(db, first.id).title("en") == "Renamed by a library update"
    assert library_service.get_block(db, own.id).title("en") == first.title("en")
    assert library_service.get_block(db, own.id).builtin is False


def test_a_broken_library_file_is_skipped_not_fatal(db, tmp_path):
    """One malformed file does not stop the others from loading."""
    lib = tmp_path / "library"
    (lib / "blocks" / "strength").mkdir(parents=True)
    (lib / "templates").mkdir()
    (lib / "blocks" / "strength" / "bad.json").write_text("{not json")
    (lib / "blocks" / "strength" / "odd.json").write_text(json.dumps({"key": "strength.odd", "kind": "nonsense"}))
    with db.transaction() as session:
        report = library.seed(session, lib)
    assert report.blocks_added == 0
    assert any("odd" in s for s in report.skipped)


def test_templates_are_seeded_in_both_languages(db):
    """Every built-in template exists once per handout language."""
    nl = library_service.list_templates(db, language="nl")
    en = library_service.list_templates(db, language="en")
    assert len(nl) == len(en)
