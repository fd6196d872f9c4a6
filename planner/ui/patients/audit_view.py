"""The audit trail of one patient: who did what to their records, and when (NEN 7513)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.i18n import N_, _
from planner.services import audit
from planner.services import patients as patient_service
from planner.services.audit import AuditEntry
from planner.services.database import Database
from planner.ui.common.desk import Desk

COLUMNS = (N_("When"), N_("Who"), N_("What"), N_("Plan"), N_("Details"))
Index = QModelIndex | QPersistentModelIndex


class AuditModel(QAbstractTableModel):
    """The trail as a table, newest first; one row per event."""

    def __init__(self, entries: list[AuditEntry] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.entries: list[AuditEntry] = list(entries or [])

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return _(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                entry.local_time().strftime("%d-%m-%Y %H:%M:%S"),
                entry.user,
                entry.description,
                entry.plan_title,
                entry.detail,
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return entry.action
        if role == Qt.ItemDataRole.UserRole:
            return entry.at.isoformat()
        return None


class AuditDialog(QDialog):
    """The trail of one patient, with a filter ("plan", a user's name, a word from the details)."""

    def __init__(self, db: Database, patient_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.patient_id = patient_id
        patient = patient_service.get_patient(db, patient_id)
        self.setObjectName("auditDialog")
        self.setWindowTitle(_("Audit trail — %(name)s") % {"name": patient.name})
        self.resize(820, 520)
        layout = QVBoxLayout(self)
        note = QLabel(_("Every change to this patient's records: who made it, what it was and when. "
                        "The trail cannot be edited."), objectName="auditNote")
        note.setWordWrap(True)
        layout.addWidget(note)
        self.filter = QLineEdit(objectName="auditFilter")
        self.filter.setPlaceholderText(_("Filter (who, what, plan, details)"))
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)
        self.model = AuditModel(parent=self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView(objectName="auditTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table, 1)
        self.count = QLabel(objectName="auditCount")
        layout.addWidget(self.count)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.proxy.modelReset.connect(self._count)
        self.proxy.rowsInserted.connect(self._count)
        self.proxy.rowsRemoved.connect(self._count)
        self.proxy.layoutChanged.connect(self._count)
        self.reload()

    def reload(self) -> None:
        self.model.set_entries(audit.patient_trail(self.db, self.patient_id))
        self._count()

    def _count(self) -> None:
        self.count.setText(_("%(shown)d of %(all)d events") % {"shown": self.proxy.rowCount(),
                                                                "all": self.model.rowCount()})


def open_audit_trail(desk: Desk) -> None:
    """View → Activity log and Patient → View audit trail…: the shown patient's trail."""
    patient = desk.current_patient()
    if patient is None:
        desk.say(_("Choose a patient to see their audit trail."), 6000)
        return
    desk.flush()
    desk.show_dialog(AuditDialog(desk.db, patient.id, desk.widget))
