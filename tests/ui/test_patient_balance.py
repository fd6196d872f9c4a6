"""The patient record's balance safety (issue 11): "fell in the last 12 months" and "fears falling"."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from planner.services import patients
from planner.ui.patients.patient_dialog import PatientDialog


def test_ticking_fell_and_fears_falling_is_saved(qtbot, db, english):
    patient = patients.create_patient(db, name="Gerrit Jansen")
    dialog = PatientDialog(db, patient)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    for box in (dialog.fell, dialog.fears_falling):
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    stored = patients.get_patient(db, patient.id)
    assert (stored.fell_last_year, stored.fears_falling) == (True, True)
    again = PatientDialog(db, stored)
    qtbot.addWidget(again)
    assert again.fell.isChecked() and again.fears_falling.isChecked()
