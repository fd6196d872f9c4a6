"""The main window: patients on the left, the block library on the right (first version)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QLabel, QListWidget, QListWidgetItem, QMainWindow

from planner.services import library, patients
from planner.services.database import Database


class MainWindow(QMainWindow):
    first_paint = Signal()

    def __init__(self, db: Database, parent: QObject | None = None):
        super().__init__(parent)
        self.db = db
        self._painted = False
        self.setWindowTitle("Herstelplan")
        self.resize(1280, 800)
        self.patient_list = QListWidget(objectName="patientList")
        self.library_list = QListWidget(objectName="libraryList")
        self._add_dock("Patients", self.patient_list, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._add_dock("Library", self.library_list, Qt.DockWidgetArea.RightDockWidgetArea)
        placeholder = QLabel("Choose a patient to see their plans.")
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(placeholder)
        self.refresh()

    def _add_dock(self, title: str, widget, area) -> None:  # noqa: ANN001
        dock = QDockWidget(title, self)
        dock.setObjectName(f"{title.lower()}Dock")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)

    def refresh(self) -> None:
        self.patient_list.clear()
        for patient in patients.list_patients(self.db, limit=500):
            item = QListWidgetItem(patient.name)
            item.setData(Qt.ItemDataRole.UserRole, patient.id)
            self.patient_list.addItem(item)
        self.library_list.clear()
        for block in library.list_blocks(self.db):
            item = QListWidgetItem(f"{block.title('nl')}  ·  {block.kind.value}")
            item.setData(Qt.ItemDataRole.UserRole, block.id)
            self.library_list.addItem(item)

    def event(self, event: QEvent) -> bool:
        result = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_paint.emit()
        return result
