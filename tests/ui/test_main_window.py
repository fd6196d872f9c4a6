"""The first window shows the patients and the block library from the database."""

from __future__ import annotations

from planner.services import library, patients
from planner.ui.main_window import MainWindow


def test_window_lists_patients_and_library(qtbot, db):
    """Patients and library blocks from the database appear in their lists."""
    patients.create_patient(db, name="Marieke Visser")
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    names = [window.patient_list.item(i).text() for i in range(window.patient_list.count())]
    assert "Marieke Visser" in names
    assert window.library_list.count() == len(library.list_blocks(db))
