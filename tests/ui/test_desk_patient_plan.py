"""Issue 13, findings 1 and 10 (archived patients): the patient shown is always the patient of the
open plan; a single click or Enter opens a plan; archived patients can be seen and brought back.
Every step is a click or a key on the real widgets."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QListView

from planner.services import patients, plans
from planner.ui.common.list_delegate import SUBTITLE_ROLE
from tests.ui.helpers import open_plan

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def click_row(qtbot, view: QListView, row: int) -> None:
    """A left click in the middle of the list's row `row`."""
    index = view.model().index(row, 0)
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def offered_names(monkeypatch) -> list[str]:
    """The file names the export dialog offers (the dialog itself is answered with Cancel)."""
    offered: list[str] = []

    def ask(_parent, _title, path, *_args, **_kwargs):
        offered.append(path)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    return offered


def test_clicking_another_patient_switches_the_open_plan_and_the_file_name(qtbot, window, db, patient_plan,
                                                                          monkeypatch):
    """Anna's plan is open; a click on Jan shows Jan's plan, and Ctrl+E offers Jan's name, never Anna's."""
    jan = patients.create_patient(db, name="Jan de Vries", language="nl", complaint="Knie")
    jan_plan = plans.create_plan(db, patient_id=jan.id, title="Knie sterker", language="nl",
                                 phases=[{"name": "Start", "weeks": 2}])
    open_plan(window, patient_plan)
    assert window.doc.plan.patient_id == patient_plan.patient_id

    click_row(qtbot, window.patients.list, window.patients.model.row_of(jan.id))
    assert "Jan de Vries" in window.patients.plans_heading.text()
    assert window.doc.plan is not None and window.doc.plan.id == jan_plan.id
    assert "Anna" not in window.windowTitle()
    offered = offered_names(monkeypatch)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    assert len(offered) == 1 and "Jan de Vries" in offered[0] and "Anna" not in offered[0]


def test_a_patient_without_plans_closes_the_open_plan(qtbot, window, db, patient_plan, monkeypatch):
    """Clicking a patient who has no plan leaves no plan open: Ctrl+E cannot make Anna's handout."""
    piet = patients.create_patient(db, name="Piet Bakker", language="nl", complaint="Nek")
    open_plan(window, patient_plan)
    click_row(qtbot, window.patients.list, window.patients.model.row_of(piet.id))
    assert window.doc.plan is None
    assert not window.actions["export"].isEnabled()
    offered = offered_names(monkeypatch)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    assert offered == []


def test_a_new_patient_never_shows_beside_the_previous_patients_plan(qtbot, window, db, patient_plan):
    """Adding a patient (Ctrl+N) selects them; the previous patient's plan closes."""
    from tests.ui.helpers import dialog

    open_plan(window, patient_plan)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    form = dialog(qtbot, "patientDialog")
    qtbot.waitUntil(lambda: form.name.hasFocus())
    qtbot.keyClicks(form.name, "Karin Vos")
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Karin Vos" in window.patients.plans_heading.text())
    assert window.doc.plan is None


def test_a_single_click_or_enter_opens_a_plan(qtbot, window, db, patient_plan):
    """One click on the second plan opens it; Enter on the first opens that one."""
    second = plans.create_plan(db, patient_id=patient_plan.patient_id, title="Tweede plan", language="nl",
                               phases=[{"name": "Start", "weeks": 2}])
    open_plan(window, patient_plan)
    plan_list = window.patients.plan_list
    window.patients._show_plans()
    row = window.patients.plans_model.row_of(second.id)
    click_row(qtbot, plan_list, row)
    assert window.doc.plan.id == second.id
    other = window.patients.plans_model.row_of(patient_plan.id)
    plan_list.setFocus()
    plan_list.setCurrentIndex(plan_list.model().index(other, 0))
    qtbot.keyClick(plan_list, Qt.Key.Key_Return)
    assert window.doc.plan.id == patient_plan.id


def test_archived_patients_can_be_shown_and_brought_back(qtbot, window, db, patient_plan):
    """Archive Anna; a click on "Show archived" lists her, marked as archived; a click on "Bring back"
    returns her to the list (and the box off shows the usual list with her in it)."""
    from PySide6.QtWidgets import QToolButton

    anna = patient_plan.patient_id
    patients.archive_patient(db, anna)
    window.patients.model.reload()
    assert window.patients.model.row_of(anna) is None
    box = window.patients.show_archived
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert box.isChecked() and window.actions["show_archived"].isChecked()
    row = window.patients.model.row_of(anna)
    assert row is not None
    subtitle = window.patients.model.index(row).data(SUBTITLE_ROLE)
    assert "archived" in str(subtitle).lower()
    click_row(qtbot, window.patients.list, row)
    restore = window.actions["restore_patient"]
    qtbot.waitUntil(restore.isEnabled)
    button = next(b for b in window.patients.findChildren(QToolButton) if b.defaultAction() is restore)
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not patients.get_patient(db, anna).archived)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert not box.isChecked()
    assert window.patients.model.row_of(anna) is not None


def test_opening_another_patients_plan_shows_that_patient(qtbot, window, db, patient_plan):
    """A plan opened from elsewhere (an import, the wizard) brings its patient into view with it."""
    jan = patients.create_patient(db, name="Jan de Vries", language="nl", complaint="Knie")
    jan_plan = plans.create_plan(db, patient_id=jan.id, title="Knie sterker", language="nl",
                                 phases=[{"name": "Start", "weeks": 2}])
    open_plan(window, patient_plan)
    window.patients.model.reload()
    window.open_plan(jan_plan.id)
    assert window.patients.current_patient().id == jan.id
    assert window.patients.selected_plan_id() == jan_plan.id
    assert window.doc.plan.id == jan_plan.id
