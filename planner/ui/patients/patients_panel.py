"""The patients dock: search as you type, a paged list (newest activity first), and below it the
selected patient's plans with open, duplicate, archive and new plan."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.model import PatientView
from planner.i18n import _
from planner.services.changes import PatientChanged, PlanChanged
from planner.ui.common.ask_archive import ask_archive
from planner.ui.common.bus import ChangeBus
from planner.ui.common.icons import icon
from planner.ui.common.list_delegate import TwoLineDelegate
from planner.ui.common.search_field import SearchField
from planner.ui.common.service_calls import patient_service, plan_service
from planner.ui.patients.patient_models import ID_ROLE, PatientListModel, PlanListModel

if TYPE_CHECKING:
    from planner.services.database import Database


class PatientsPanel(QWidget):
    patient_selected = Signal(int)  # -1: none
    plan_activated = Signal(int)
    plan_archived = Signal(int)
    archived_shown = Signal(bool)

    db: Database  # given at construction or to `load` (the window is built before the database opens)

    def __init__(self, db: Database | None, bus: ChangeBus, parent: QWidget | None = None, *, load: bool = True):
        """`load=False` (or no `db` yet): show the panel empty; `load(db)` reads the patients later."""
        super().__init__(parent)
        self.setObjectName("patientsPanel")
        self.loaded = False
        if db is not None:
            self.db = db
        self.bus = bus
        self.model = PatientListModel(db, parent=self)
        self.plans_model = PlanListModel(self)
        self._current_id: int | None = None

        self.search = SearchField(objectName="patientSearch", enter_moves_down=True)
        self.search.setPlaceholderText(_("Search name or complaint (Ctrl+L)"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(self._search)
        self.search.move_down.connect(self._enter_list)

        self.show_archived = QCheckBox(_("Show archived patients"), objectName="showArchived")
        self.show_archived.setToolTip(_("List the archived patients too, to look them up or bring one back"))
        self.show_archived.toggled.connect(self.set_show_archived)

        self.list = QListView(objectName="patientList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(TwoLineDelegate(self.list, icon_size=0))
        self.list.setUniformItemSizes(True)
        self.list.setAlternatingRowColors(True)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.activated.connect(lambda _index: self.plan_list.setFocus())
        self.empty = QLabel(objectName="patientsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #5f6b73; padding: 12px;")

        self.plans_heading = QLabel(_("Plans"), objectName="plansHeading")
        self.plans_heading.setStyleSheet("font-weight: 600; padding-top: 4px;")
        self.plan_list = QListView(objectName="planList")
        self.plan_list.setModel(self.plans_model)
        self.plan_list.setItemDelegate(TwoLineDelegate(self.plan_list, icon_size=16))
        self.plan_list.activated.connect(self._plan_activated)
        self.plan_list.clicked.connect(self._plan_activated)  # one click opens, as Enter does
        self.plan_buttons = QHBoxLayout()
        self.plan_buttons.setContentsMargins(0, 0, 0, 0)
        self.patient_buttons = QHBoxLayout()
        self.patient_buttons.setContentsMargins(0, 0, 0, 0)

        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.search)
        top_layout.addWidget(self.list, 1)
        top_layout.addWidget(self.empty)
        top_layout.addWidget(self.show_archived)
        top_layout.addLayout(self.patient_buttons)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.plans_heading)
        bottom_layout.addWidget(self.plan_list, 1)
        bottom_layout.addLayout(self.plan_buttons)
        self.splitter = QSplitter(Qt.Orientation.Vertical, objectName="patientsSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)
        self.setTabOrder(self.search, self.list)
        self.setTabOrder(self.list, self.plan_list)

        bus.patient_changed.connect(self._patient_changed)
        bus.plan_changed.connect(self._plan_changed)
        if load and db is not None:
            self.load()
        else:
            self.empty.setText(_("Opening the database…"))

    def load(self, db: Database | None = None) -> None:
        """Read the first page of patients (matching what was typed meanwhile, if anything); `db`: the
        database, when the panel was made before it opened."""
        if db is not None:
            self.db = self.model.db = db
        if self.loaded:
            return
        self.loaded = True
        if self.search.text():
            self._search(self.search.text())
            return
        self.model.set_query("")
        self._update_empty()
        self._show_plans()

    # -- buttons (actions come from the main window's registry) -----------------------------------
    def add_buttons(self, patient_actions: list[QAction], plan_actions: list[QAction],
                    archived_actions: list[QAction] = ()) -> None:
        """Buttons for the actions; `archived_actions` show only while the archived patients are listed."""
        self._archived_buttons = []
        for actions, row in ((patient_actions, self.patient_buttons), (plan_actions, self.plan_buttons)):
            for n, action in enumerate(actions):  # the first with its text, the others as icons (tooltips):
                row.addWidget(self._button(action, text=n == 0))  # the pane stays narrow at 1280 px
            if row is self.patient_buttons:
                for action in archived_actions:
                    button = self._button(action, text=True)
                    button.setVisible(self.show_archived.isChecked())
                    self._archived_buttons.append(button)
                    row.addWidget(button)
            row.addStretch(1)

    def _button(self, action: QAction, *, text: bool) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon if text
                                  else Qt.ToolButtonStyle.ToolButtonIconOnly)
        button.setAutoRaise(True)
        return button

    # -- archived patients ------------------------------------------------------------------------
    def set_show_archived(self, on: bool) -> None:
        """List the archived patients too (marked "Archived"), or only the current ones."""
        if self.show_archived.isChecked() != on:
            self.show_archived.setChecked(on)  # comes back here through `toggled`
            return
        if self.model.include_archived == on:
            return
        for button in getattr(self, "_archived_buttons", []):
            button.setVisible(on)
        self.model.include_archived = on
        keep = self._current_id
        self.model.reload()
        self._update_empty()
        self._select_after_reload(keep)
        self.archived_shown.emit(on)

    def restore_patient(self) -> None:
        """Bring the selected archived patient back into the list of current patients."""
        patient = self.current_patient()
        if patient is None or not patient.archived:
            return
        patient_service().archive_patient(self.db, patient.id, archived=False)
        self.bus.publish(PatientChanged(patient.id))
        self.select_patient(patient.id)

    # -- patients -------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _search(self, text: str) -> None:
        if not self.loaded:  # typed before the database opened: `load` searches for it
            return
        keep = self._current_id
        self.model.set_query(text)
        self._update_empty()
        self._select_after_reload(keep)

    def _select_after_reload(self, keep: int | None) -> None:
        """After the list changed: the same patient when still listed, else the first, else none."""
        row = self.model.row_of(keep) if keep is not None else None
        if row is not None:
            self.list.setCurrentIndex(self.model.index(row))
        elif self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(0))
        else:
            self._set_current(None)

    def _update_empty(self) -> None:
        empty = self.model.rowCount() == 0
        if empty:
            self.empty.setText(_("No patient matches “%(query)s”.") % {"query": self.search.text()}
                               if self.search.text() else _("No patients yet. Add one with Ctrl+N."))
        self.empty.setVisible(empty)

    def _enter_list(self) -> None:
        if self.model.rowCount():
            if not self.list.currentIndex().isValid():
                self.list.setCurrentIndex(self.model.index(0))
            self.list.setFocus()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._set_current(current.data(ID_ROLE) if current.isValid() else None)

    def _set_current(self, patient_id: int | None) -> None:
        if patient_id == self._current_id:
            return
        self._current_id = patient_id
        self._show_plans()
        self.patient_selected.emit(-1 if patient_id is None else patient_id)

    def current_patient(self) -> PatientView | None:
        index = self.list.currentIndex()
        if not index.isValid() or self._current_id is None:
            return None
        return self.model.patient(index.row())

    def select_patient(self, patient_id: int) -> bool:
        """Make `patient_id` current, loading more rows or clearing the search when needed."""
        row = self.model.row_of(patient_id)
        if row is None and self.model.canFetchMore():
            position = patient_service().patient_position(self.db, patient_id, query=self.model.query,
                                                        include_archived=self.model.include_archived)
            if position is not None:  # far down the list: load through it in one go
                self.model.show_through(position)
                row = self.model.row_of(patient_id)
        if row is None and self.search.text():
            self.search.clear()
            return self.select_patient(patient_id)
        if row is None:
            return False
        index = self.model.index(row)
        self.list.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list.scrollTo(index)
        return True

    def _patient_changed(self, patient_id: int) -> None:  # noqa: ARG002 - Qt's signature
        self.model.reload()
        self._update_empty()
        if self._current_id is not None:
            row = self.model.row_of(self._current_id)
            if row is None:
                self._current_id = None
                self._show_plans()
                self.patient_selected.emit(-1)
            else:
                self.list.selectionModel().setCurrentIndex(self.model.index(row),
                                                           QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def new_patient(self) -> None:
        # Dialogs load when first opened, not while the window starts.
        from planner.ui.patients.patient_dialog import PatientDialog

        dialog = PatientDialog(self.db, parent=self.window())
        dialog.accepted.connect(lambda: self._saved(dialog.result_patient))
        dialog.open()

    def edit_patient(self) -> None:
        patient = self.current_patient()
        if patient is None:
            return
        from planner.ui.patients.patient_dialog import PatientDialog

        dialog = PatientDialog(self.db, patient, parent=self.window())
        dialog.accepted.connect(lambda: self._saved(dialog.result_patient))
        dialog.open()

    def _saved(self, patient: PatientView | None) -> None:
        if patient is None:
            return
        self.bus.publish(PatientChanged(patient.id))
        self.select_patient(patient.id)

    def archive_patient(self) -> None:
        patient = self.current_patient()
        if patient is None:
            return
        def archive() -> None:
            patient_service().archive_patient(self.db, patient.id)
            self.bus.publish(PatientChanged(patient.id))

        ask_archive(self.window(), _("Archive patient"),
                          _("Archive %(name)s? The patient and their plans are hidden from the list; "
                            "nothing is deleted.") % {"name": patient.name},
                          "archivePatientQuestion", archive)

    # -- plans ----------------------------------------------------------------------------------
    def _show_plans(self) -> None:
        patient = self.current_patient()
        if patient is None:
            self.plans_model.set_plans([])
            self.plans_heading.setText(_("Plans"))
            return
        self.plans_heading.setText(_("Plans of %(name)s") % {"name": patient.name})
        self.plans_model.set_plans(plan_service().list_plans(self.db, patient.id))
        if self.plans_model.rowCount():
            self.plan_list.setCurrentIndex(self.plans_model.index(0))

    def _plan_changed(self, plan_id: int, _version: int) -> None:  # noqa: ARG002 - Qt's signature
        if self._current_id is None:
            return
        selected = self.selected_plan_id()
        self.plans_model.set_plans(plan_service().list_plans(self.db, self._current_id))
        row = self.plans_model.row_of(selected) if selected is not None else None
        if row is not None:
            self.plan_list.setCurrentIndex(self.plans_model.index(row))
        elif self.plans_model.rowCount():
            self.plan_list.setCurrentIndex(self.plans_model.index(0))

    def select_plan(self, plan_id: int) -> None:
        row = self.plans_model.row_of(plan_id)
        if row is not None:
            self.plan_list.setCurrentIndex(self.plans_model.index(row))

    def selected_plan_id(self) -> int | None:
        index = self.plan_list.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def open_selected_plan(self) -> None:
        plan_id = self.selected_plan_id()
        if plan_id is not None:
            self.plan_activated.emit(plan_id)

    def _plan_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.plan_activated.emit(index.data(ID_ROLE))

    def new_plan(self) -> None:
        QMessageBox = QtWidgets.QMessageBox  # noqa: N806 - its Python type is made on first use, not at start-up
        patient = self.current_patient()
        if patient is None:
            QMessageBox.information(self.window(), _("New plan"), _("Choose or add a patient first (Ctrl+N)."))
            return
        from planner.ui.editor.new_plan_dialog import NewPlanDialog

        dialog = NewPlanDialog(self.db, patient, self.window())

        def created() -> None:
            plan = dialog.result_plan
            if plan is not None:
                self.bus.publish(PlanChanged(plan.id, plan.version))
                self.select_plan(plan.id)
                self.plan_activated.emit(plan.id)

        dialog.accepted.connect(created)
        dialog.open()

    def duplicate_plan(self, plan_id: int) -> None:
        copy = plan_service().duplicate_plan(self.db, plan_id, title=None)
        self.bus.publish(PlanChanged(copy.id, copy.version))
        self.select_plan(copy.id)
        self.plan_activated.emit(copy.id)

    def archive_plan(self, plan_id: int) -> None:
        summary = self.plans_model.plan(self.plans_model.row_of(plan_id) or 0)
        title = summary.title if summary and summary.id == plan_id else ""

        def archive() -> None:
            change = plan_service().archive_plan(self.db, plan_id)
            self.plan_archived.emit(plan_id)
            self.bus.publish(change)

        ask_archive(self.window(), _("Archive plan"),
                          _("Archive the plan “%(title)s”? It is hidden from the list; nothing is deleted.")
                          % {"title": title},
                          "archivePlanQuestion", archive)
