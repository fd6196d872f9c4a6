"""Plan files and the patient's rights in the window: export/import plan files, export a patient's
data, erase a patient after typing their name."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from planner.domain.errors import NotFound
from planner.i18n import set_language
from planner.services import patients, plans
from planner.ui.files.transfer_dialog import EraseDialog, TransferActions
from tests.reliability.plan_files import valid_document
from tests.ui.helpers import dialog as find_dialog
from tests.ui.helpers import open_plan


def _count(db_path: Path, table: str) -> int:
    con = sqlite3.connect(db_path)
    try:
        return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 - fixed names
    finally:
        con.close()


@pytest.fixture
def actions(qtbot, db, english):
    return TransferActions(db)


def test_export_a_plan_file(qtbot, db, actions, patient_plan, tmp_path, monkeypatch):
    """Export plan file…: the file dialog suggests a name from the title; the file is a valid plan file."""
    suggested: list[str] = []

    def save_as(_parent, _title, start, _filter):
        suggested.append(start)
        return str(tmp_path / "out.json"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    with qtbot.waitSignal(actions.exported) as done:
        actions.export_plan(patient_plan.id)
    assert suggested[0].endswith("test-template-calm-start.json")
    data = json.loads(Path(done.args[0]).read_text(encoding="utf-8"))
    assert data["format"] == "herstelplan-plan" and len(data["plan"]["phases"]) == 3


def test_import_a_template_file(qtbot, db, db_path, actions, tmp_path, monkeypatch):
    """Import…: a template file becomes a clinic template, even with a patient selected."""
    path = tmp_path / "in.json"
    path.write_text(json.dumps(valid_document()), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    patient = patients.create_patient(db, name="Geselecteerd")
    with qtbot.waitSignal(actions.imported) as done:
        actions.import_plan(patient.id)
    plan = done.args[0]
    assert plan.is_template and plan.title == "Nek in beweging"
    assert plans.get_plan(db, plan.id).phases[0].items[1].block.has_image


def test_import_a_plan_file_for_the_selected_patient(qtbot, db, actions, tmp_path, monkeypatch):
    """A plan file (kind 'plan') becomes a draft plan of the selected patient."""
    doc = valid_document()
    doc["kind"] = "plan"
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    patient = patients.create_patient(db, name="Krijgt Plan")
    with qtbot.waitSignal(actions.imported) as done:
        actions.import_plan(patient.id)
    assert done.args[0].patient_id == patient.id and not done.args[0].is_template


def test_a_bad_file_shows_the_field_and_changes_nothing(qtbot, db, db_path, actions, tmp_path, monkeypatch):
    """A file with a wrong field shows a message naming it (JSON path); no plan is added."""
    doc = valid_document()
    doc["plan"]["phases"][1]["weeks"] = 0
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    before = _count(db_path, "plans")
    actions.import_plan()
    box = actions.last_message
    assert box is not None and box.objectName() == "transferProblem" and box.isVisible()
    assert "$.plan.phases[1].weeks" in box.text() and "Nothing was changed" in box.text()
    assert _count(db_path, "plans") == before
    box.close()


def test_export_a_patients_data(qtbot, db, actions, patient_plan, tmp_path, monkeypatch):
    """Export data…: a new private folder with patient.json and the handouts; the message says where."""
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    with qtbot.waitSignal(actions.patient_exported) as done:
        actions.export_patient(patient_plan.patient_id)
    folder = Path(done.args[0])
    assert (folder / "patient.json").exists() and list(folder.glob("handout-plan-*.pdf"))
    assert str(folder) in actions.last_message.text()
    actions.last_message.close()


def test_erase_needs_the_name_typed_then_erases(qtbot, db, db_path, patient_plan, english):
    """The Erase button stays off until the patient's name is typed exactly; then the patient and every
    record about them are gone, and the dialog says what remains in backups."""
    patient = patients.get_patient(db, patient_plan.patient_id)
    dialog = EraseDialog(db, patient)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "1 plan" in dialog.findChild(type(dialog.message), "eraseWhat").text()
    assert not dialog.erase_button.isEnabled()
    qtbot.keyClicks(dialog.typed, "Anna de Boe")
    assert not dialog.erase_button.isEnabled()
    qtbot.keyClicks(dialog.typed, "r")
    assert dialog.erase_button.isEnabled()
    with qtbot.waitSignal(dialog.erased):
        qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    with pytest.raises(NotFound):
        patients.get_patient(db, patient.id)
    assert _count(db_path, "plans WHERE patient_id IS NOT NULL") == 0
    assert "nine weeks" in dialog.message.text() and dialog.close_button.text() == "Close"


def test_erase_dialog_in_dutch(qtbot, db, patient_plan):
    """The erase dialog speaks Dutch with the Dutch UI."""
    set_language("nl")
    try:
        dialog = EraseDialog(db, patients.get_patient(db, patient_plan.patient_id))
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "Patiënt wissen"
        assert dialog.erase_button.text() == "Definitief wissen"
        assert "Dit kun je niet terugdraaien" in dialog.findChild(type(dialog.message), "eraseWhat").text()
    finally:
        set_language("en")


def test_window_import_export_and_erase(qtbot, window, db, db_path, patient_plan, tmp_path, monkeypatch):
    """Through the window: Export plan file… on the open plan, Import… it back as a draft for the
    selected patient, then Patient → Erase patient… removes the patient and closes the plan."""
    open_plan(window, patient_plan)
    window._update_actions()
    out = tmp_path / "plan.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.actions["export_plan_file"].trigger()
    assert json.loads(out.read_text())["kind"] == "plan"
    assert "plan.json" in window.statusBar().currentMessage()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    window.actions["import_plan"].trigger()
    assert len(plans.list_plans(db, patient_plan.patient_id)) == 2
    assert window.doc.plan is not None and window.doc.plan.id != patient_plan.id  # the import is opened
    window.actions["erase_patient"].trigger()
    dialog = find_dialog(qtbot, "eraseDialog")
    qtbot.keyClicks(dialog.typed, "Anna de Boer")
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    assert window.doc.plan is None
    assert window.patients.model.rowCount() == 0
    assert _count(db_path, "patients") == 0 and _count(db_path, "plans WHERE patient_id IS NOT NULL") == 0
    dialog.close()
