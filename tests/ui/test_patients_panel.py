"""The patients panel: the add/edit dialog that validates at the field, archive, search as you type,
paged loading for a large clinic, and a patient's plans (open, duplicate, archive, new)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from planner.services import patients, plans
from planner.ui.patients.patient_models import PatientListModel, PlanListModel
from tests.ui.helpers import activate, dialog, open_plan

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_dialog_shows_each_problem_at_its_field_and_stores_nothing(qtbot, window, db):
    """An empty name and a future birth date are named under their fields; nothing is saved until fixed."""
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    form = dialog(qtbot, "patientDialog")
    qtbot.keyClicks(form.birth, "31-12-2999")
    qtbot.mouseClick(form.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert form.errors["name"].isVisible() and "required" in form.errors["name"].text()
    assert "future" in form.errors["birth_date"].text()
    assert patients.list_patients(db) == []
    qtbot.keyClicks(form.name, "Jeroen van Dijk")
    assert not form.errors["name"].isVisible()  # the problem clears as it is fixed
    form.birth.clear()
    qtbot.keyClicks(form.birth, "12-3-1961")
    form.language.setCurrentIndex(form.language.findData("en"))
    form.region.setCurrentIndex(form.region.findData("knee"))
    qtbot.keyClicks(form.notes, "Bang om te vallen")
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(patients.list_patients(db)))
    stored = patients.list_patients(db)[0]
    assert (stored.name, stored.birth_date, stored.language, stored.region, stored.private_notes) == \
        ("Jeroen van Dijk", dt.date(1961, 3, 12), "en", "knee", "Bang om te vallen")
    assert window.patients.current_patient().id == stored.id


def test_a_date_that_is_not_a_date_is_named(qtbot, window, db):
    """Typing something that is not a date says how to type one; the patient is not saved."""
    window.patients.new_patient()
    form = dialog(qtbot, "patientDialog")
    qtbot.keyClicks(form.name, "Piet")
    qtbot.keyClicks(form.birth, "gisteren")
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    assert "day-month-year" in form.errors["birth_date"].text()
    assert patients.list_patients(db) == []
    form.reject()


def test_edit_and_archive_a_patient(qtbot, window, db):
    """Ctrl+I edits the selected patient; archiving asks first and hides the patient."""
    patient = patients.create_patient(db, name="Els Kok", complaint="Heup")
    window.patients.model.reload()
    window.patients.select_patient(patient.id)
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
    form = dialog(qtbot, "patientDialog")
    assert form.name.text() == "Els Kok"
    form.name.selectAll()
    qtbot.keyClicks(form.name, "Els Kok-de Wit")
    qtbot.keyClick(form.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: patients.get_patient(db, patient.id).name == "Els Kok-de Wit")
    model = window.patients.model
    assert model.data(model.index(0)) == "Els Kok-de Wit"
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Delete, CTRL | SHIFT)
    question = dialog(qtbot, "archivePatientQuestion")
    question.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: patients.get_patient(db, patient.id).archived)
    assert window.patients.model.rowCount() == 0
    assert window.patients.current_patient() is None


def test_search_as_you_type_ignores_case_and_accents(qtbot, window, db):
    """Typing filters on name and complaint, whatever the case or accents."""
    for name, complaint in (("José Müller", "Schouderpijn"), ("Anna Jansen", "Nekpijn"), ("Bram Öz", "Knie")):
        patients.create_patient(db, name=name, complaint=complaint)
    search = window.patients.search
    window.patients.focus_search()
    qtbot.keyClicks(search, "muller")
    model = window.patients.model
    assert [model.data(model.index(r)) for r in range(model.rowCount())] == ["José Müller"]
    search.clear()
    qtbot.keyClicks(search, "NEK")
    assert [model.data(model.index(r)) for r in range(model.rowCount())] == ["Anna Jansen"]
    search.clear()
    qtbot.keyClicks(search, "xyz")
    assert model.rowCount() == 0 and window.patients.empty.isVisible()
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert model.rowCount() == 3


def test_a_large_clinic_loads_patients_in_pages(qtbot, window, db):
    """With 250 patients the list reads 100 at first and more as the view scrolls down."""
    for n in range(250):
        patients.create_patient(db, name=f"Patiënt {n:03d}")
    window.patients.model.reload()
    model = window.patients.model
    assert model.rowCount() == 100 and model.canFetchMore()
    assert model.data(model.index(0)) == "Patiënt 249"  # newest activity first
    window.patients.list.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() >= 200)
    window.patients.select_patient(patients.list_patients(db)[-1].id)  # loads until found
    assert model.rowCount() == 250 and not model.canFetchMore()


def test_plans_list_open_duplicate_and_archive(qtbot, window, db, patient_plan):
    """A patient's plans show status and dates; Enter opens; duplicate opens the copy; archive hides it."""
    window.patients.model.reload()
    window.patients.select_patient(patient_plan.patient_id)
    listing = window.patients.plans_model
    assert listing.rowCount() == 1
    assert "Draft" in listing.data(listing.index(0), Qt.ItemDataRole.UserRole + 50)
    window.patients.plan_list.setFocus()
    qtbot.keyClick(window.patients.plan_list, Qt.Key.Key_Return)
    assert window.doc.plan.id == patient_plan.id
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL)
    qtbot.waitUntil(lambda: len(plans.list_plans(db, patient_plan.patient_id)) == 2)
    copy_id = window.doc.plan.id
    assert copy_id != patient_plan.id and listing.rowCount() == 2
    assert [len(p.items) for p in window.doc.plan.phases] == [len(p.items) for p in patient_plan.phases]
    qtbot.keyClick(window, Qt.Key.Key_Backspace, CTRL | SHIFT)
    question = dialog(qtbot, "archivePlanQuestion")
    question.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: [p.id for p in plans.list_plans(db, patient_plan.patient_id)] == [patient_plan.id])
    assert window.doc.plan is None and listing.rowCount() == 1


def test_blank_plan_with_three_phases(qtbot, window, db):
    """New plan → Blank with 3 phases and a title opens an empty three-phase plan."""
    patient = patients.create_patient(db, name="Tom Brouwer", language="nl")
    window.patients.model.reload()
    window.patients.select_patient(patient.id)
    window.patients.new_plan()
    form = dialog(qtbot, "newPlanDialog")
    form.templates.setCurrentRow(0)  # Blank plan
    form.title.clear()
    qtbot.keyClick(form.templates, Qt.Key.Key_Return)
    assert form.isVisible() and form.title_error.isVisible()  # a title is required
    qtbot.keyClicks(form.title, "Schouder in beweging")
    qtbot.keyClick(form.title, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.doc.plan is not None)
    plan = plans.get_plan(db, window.doc.plan.id)
    assert plan.title == "Schouder in beweging" and [p.name for p in plan.phases] == ["Fase 1", "Fase 2", "Fase 3"]  # the plan is Dutch
    assert plan.language == "nl" and plan.start_date == dt.date.today()


def test_patient_models_pass_the_model_tester(qtmodeltester, db, patient_plan):
    """The paged patient model and the plan list model keep Qt's model rules."""
    for n in range(5):
        patients.create_patient(db, name=f"P{n}")
    model = PatientListModel(db, page_size=3)
    model.set_query("")
    qtmodeltester.check(model)
    model.fetchMore()
    qtmodeltester.check(model)
    plan_model = PlanListModel()
    plan_model.set_plans(plans.list_plans(db, patient_plan.patient_id))
    qtmodeltester.check(plan_model)


def test_open_plan_helper(window, patient_plan):
    """Opening a plan shows its phases in the editor and its title in the window title."""
    open_plan(window, patient_plan)
    assert window.editor.model.rowCount() == 3
    assert patient_plan.title in window.windowTitle()
