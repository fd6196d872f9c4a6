"""Where the patient is: the plan editor marks the current phase with a "now" badge (and a green number),
it moves when a review moves the patient on, templates have none; the review window names it too."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from planner.domain.model import ProgressionMode
from planner.domain.wizard import Baseline, WizardRequest
from planner.services import checkins, patients, plans, wizard
from planner.services.review import accept_review
from planner.ui.editor.plan_delegate import NOW_FILL
from planner.ui.editor.plan_model import CURRENT_ROLE
from planner.ui.monitoring.review_dialog import ReviewDialog
from tests.ui.helpers import open_plan

START = dt.date(2026, 3, 2)
TODAY = START + dt.timedelta(days=15)


def _plan(db):
    patient = patients.create_patient(db, name="Joke Smit", language="en", birth_date=dt.date(1975, 1, 1))
    plan = wizard.create_plan_with_wizard(
        db, patient.id, WizardRequest(title="Back", region="lower-back", weeks=6, phases=3, mode=ProgressionMode.PAIN,
                                      language="en", baseline=Baseline(walk_minutes=10)), start_date=START)
    for day in range(0, 15, 3):
        checkins.record_checkin(db, plan.id, date=START + dt.timedelta(days=day), pain_during=2, next_morning="same",
                                sessions_done=5, sessions_planned=5, red_flags=[], today=TODAY)
    return plan


def _badge_pixels(tree, row: int) -> int:
    """How many pixels of the "now" colour the card of phase `row` shows."""
    image = tree.viewport().grab().toImage()
    rect = tree.visualRect(tree.model().index(row, 0)).intersected(image.rect())  # the part in view
    wanted = NOW_FILL.rgb()
    return sum(1 for x in range(rect.left(), rect.right(), 2) for y in range(rect.top(), rect.bottom(), 2)
               if QColor(image.pixel(x, y)).rgb() == wanted)


def test_the_editor_marks_the_current_phase_and_the_mark_moves_on(qtbot, window, db):
    plan = _plan(db)
    open_plan(window, plan)
    model, tree = window.editor.model, window.editor.tree
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    assert [model.index(r, 0).data(CURRENT_ROLE) for r in range(3)] == [True, False, False]
    assert "now" in model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)  # for screen readers
    assert _badge_pixels(tree, 0) > 20 and _badge_pixels(tree, 1) == 0 and _badge_pixels(tree, 2) == 0

    accept_review(db, plan.id, today=TODAY)  # two green weeks: on to phase 2
    assert plans.get_plan(db, plan.id).current_phase_id == plan.phases[1].id
    window.doc.reload()
    qtbot.waitUntil(lambda: model.index(1, 0).data(CURRENT_ROLE) is True)
    assert not model.index(0, 0).data(CURRENT_ROLE)
    qtbot.waitUntil(lambda: _badge_pixels(tree, 1) > 20)
    assert _badge_pixels(tree, 0) == 0


def test_a_template_has_no_current_phase(qtbot, window, db, template):
    window.editor.model.set_plan(plans.get_plan(db, template.id))
    model = window.editor.model
    assert model.rowCount() > 0
    assert not any(model.index(r, 0).data(CURRENT_ROLE) for r in range(model.rowCount()))


def test_the_review_window_says_where_the_patient_is(qtbot, db, english):
    plan = _plan(db)
    dialog = ReviewDialog(db, plan.id, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.where.text() == f"Now in phase 1 of 3: {plan.phases[0].name}"
    accept_review(db, plan.id, today=TODAY)
    dialog.load()
    assert dialog.where.text() == f"Now in phase 2 of 3: {plan.phases[1].name}"
