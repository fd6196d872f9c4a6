"""The inspector shows the level in use as the handout prints it: its label and its first step, which
follow the level picker (issue 12: the steps showed the basic level while the easiest was in use)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from planner.services import library, plan_items, plans
from tests.ui.helpers import open_plan


def _item(db, plan_id, item_id):
    return next(i for p in plans.get_plan(db, plan_id).phases for i in p.items if i.id == item_id)


def test_the_level_in_use_shows_its_label_and_first_step(qtbot, window, db, patient_plan):
    block = library.get_block_by_key(db, "strength.knee-plank")
    _, item_id = plan_items.add_item(db, patient_plan.phases[0].id, block.id)
    open_plan(window, plans.get_plan(db, patient_plan.id))
    window.editor.select(("item", item_id))
    page = window.inspector.item_page
    shows = page.level_shows
    assert shows.isVisible()
    assert "level 2, On your forearms and knees on the mat" in shows.toolTip()
    assert "Step 1: Lie on your front on a mat." in shows.text()
    page.level.setFocus()
    qtbot.keyClick(page.level, Qt.Key.Key_Up)  # the easiest level: standing at the counter
    qtbot.waitUntil(lambda: _item(db, patient_plan.id, item_id).dosage.level == 0)
    qtbot.waitUntil(lambda: "level 1, Standing" in shows.toolTip())
    assert "Step 1: Stand facing the kitchen counter" in shows.text()


def test_a_block_without_levels_shows_no_level_line(window, db, patient_plan):
    open_plan(window, patient_plan)
    breathing = next(i for i in patient_plan.phases[0].items if not i.block.levels)
    window.editor.select(("item", breathing.id))
    assert not window.inspector.item_page.level_shows.isVisible()
