"""The inspector: only the dosage fields that fit the block's kind, values outside the sensible
ranges refused at the field and never stored, the level picker, and the two notes."""

from __future__ import annotations

from PySide6.QtCore import Qt

from planner.domain.kinds import DOSAGE_FIELDS, Kind
from planner.services import library, plan_items, plans
from tests.ui.helpers import open_plan

CTRL = Qt.KeyboardModifier.ControlModifier


def _item(db, plan_id, item_id):
    return next(i for p in plans.get_plan(db, plan_id).phases for i in p.items if i.id == item_id)


def _add(db, plan, key):
    block = library.get_block_by_key(db, key)
    _, item_id = plan_items.add_item(db, plan.phases[0].id, block.id)
    return item_id


def test_fields_follow_the_kind_of_block(window, db, patient_plan):
    """Strength shows its ladder and strength fields; breathing its own; education says it has none."""
    strength = _add(db, patient_plan, "strength.sit-to-stand")
    open_plan(window, plans.get_plan(db, patient_plan.id))
    page = window.inspector.item_page
    window.editor.select(("item", strength))
    assert list(page.numbers) == [n for n in DOSAGE_FIELDS[Kind.STRENGTH] if n != "level"]
    assert page.level.count() == 3 and not page.no_dosage.isVisible()
    breathing = patient_plan.phases[0].items[1]
    window.editor.select(("item", breathing.id))
    assert list(page.numbers) == list(DOSAGE_FIELDS[Kind.BREATHING])
    assert page.numbers["minutes"].text() == str(breathing.dosage.minutes)
    education = patient_plan.phases[0].items[0]
    window.editor.select(("item", education.id))
    assert page.numbers == {} and page.no_dosage.isVisible()


def test_out_of_range_values_are_named_and_never_stored(qtbot, window, db, patient_plan):
    """150 repetitions shows 'between 1 and 100' under the field; leaving it says it was not saved."""
    item_id = _add(db, patient_plan, "strength.sit-to-stand")
    open_plan(window, plans.get_plan(db, patient_plan.id))
    window.editor.select(("item", item_id))
    reps = window.inspector.item_page.numbers["reps"]
    before = _item(db, patient_plan.id, item_id)
    reps.setFocus()
    reps.selectAll()
    qtbot.keyClicks(reps, "150")
    assert reps.error.isVisible() and reps.error.text() == "Must be between 1 and 100."
    reps.flush()
    window.inspector.item_page.patient_note.setFocus()  # leave the field
    assert reps.text() == str(before.dosage.reps)
    assert "“150” was not saved" in reps.error.text()
    assert _item(db, patient_plan.id, item_id) == before
    reps.setFocus()
    reps.selectAll()
    qtbot.keyClicks(reps, "2.5")
    assert reps.error.text() == "Use a whole number."
    reps.selectAll()
    qtbot.keyClicks(reps, "tien")
    assert "Type a number" in reps.error.text()
    reps.selectAll()
    qtbot.keyClicks(reps, "12")
    assert not reps.error.isVisible()
    qtbot.waitUntil(lambda: _item(db, patient_plan.id, item_id).dosage.reps == 12)


def test_empty_means_does_not_apply_and_arrows_step(qtbot, window, db, patient_plan):
    """Clearing a field stores 'not used'; Up raises the value by one and saves; load takes a comma."""
    item_id = _add(db, patient_plan, "strength.sit-to-stand")
    open_plan(window, plans.get_plan(db, patient_plan.id))
    window.editor.select(("item", item_id))
    numbers = window.inspector.item_page.numbers
    rest = numbers["rest_seconds"]
    rest.setFocus()
    rest.selectAll()
    qtbot.keyClick(rest, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: _item(db, patient_plan.id, item_id).dosage.rest_seconds is None)
    sets = numbers["sets"]
    start = _item(db, patient_plan.id, item_id).dosage.sets
    sets.setFocus()
    qtbot.keyClick(sets, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: _item(db, patient_plan.id, item_id).dosage.sets == start + 1)
    load = numbers["load_kg"]
    load.setFocus()
    load.selectAll()
    qtbot.keyClicks(load, "2,5")
    qtbot.waitUntil(lambda: _item(db, patient_plan.id, item_id).dosage.load_kg == 2.5)
    assert "Weight: 2.5 kg" in window.inspector.item_page.reads.text()


def test_level_picker_uses_the_blocks_ladder(qtbot, window, db, patient_plan):
    """Choosing a level stores its index; the plan row then names that level."""
    item_id = _add(db, patient_plan, "strength.sit-to-stand")
    open_plan(window, plans.get_plan(db, patient_plan.id))
    window.editor.select(("item", item_id))
    level = window.inspector.item_page.level
    block = library.get_block_by_key(db, "strength.sit-to-stand")
    assert level.itemText(2).endswith(block.levels[2].text("en"))
    level.setFocus()
    qtbot.keyClick(level, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: _item(db, patient_plan.id, item_id).dosage.level == 2)
    text = window.editor.model.data(window.editor.model.index_of("item", item_id), Qt.ItemDataRole.UserRole + 4)
    assert text.startswith("level 3:")
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: _item(db, patient_plan.id, item_id).dosage.level == 1)
    assert level.currentIndex() == 1


def test_notes_for_the_patient_and_the_private_note(qtbot, window, db, patient_plan):
    """Both notes are saved; the private one is marked as never printed."""
    open_plan(window, patient_plan)
    item = patient_plan.phases[0].items[0]
    window.editor.select(("item", item.id))
    page = window.inspector.item_page
    labels = [w.text() for w in page.findChildren(type(page.title)) if w.buddy() is page.private_note]
    assert labels == ["Private note — never printed"]
    page.private_note.setFocus()
    qtbot.keyClicks(page.private_note, "Angst voor bukken")
    page.patient_note.setFocus()
    qtbot.keyClicks(page.patient_note, "Lees dit twee keer")
    window.inspector.flush()
    stored = _item(db, patient_plan.id, item.id)
    assert (stored.private_note, stored.patient_note) == ("Angst voor bukken", "Lees dit twee keer")
