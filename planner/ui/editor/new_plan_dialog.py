"""New plan for a patient: blank (with a number of empty phases) or from a template; Enter creates it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import HerstelplanError
from planner.domain.model import PatientView, PlanView
from planner.domain.plan_words import patient_title, phase_name
from planner.i18n import _, language_label, ngettext
from planner.services import library as library_service
from planner.services import plans as plan_service
from planner.ui.common.icons import icon
from planner.ui.editor.fields import ErrorLabel, set_invalid

if TYPE_CHECKING:
    from planner.services.database import Database

BLANK = -1


class NewPlanDialog(QDialog):
    """After accept(), `result_plan` is the new plan (already saved)."""

    def __init__(self, db: Database, patient: PatientView, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.patient = patient
        self.result_plan: PlanView | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("newPlanDialog")
        self.setWindowTitle(_("New plan for %(name)s") % {"name": patient.name})
        self.setMinimumSize(520, 460)

        self.templates = QListWidget(objectName="templateList")
        self.templates.setAlternatingRowColors(True)
        blank = QListWidgetItem(icon("plan-new"), _("Blank plan — you add the phases and blocks"))
        blank.setData(Qt.ItemDataRole.UserRole, BLANK)
        self.templates.addItem(blank)
        own = [t for t in library_service.list_templates(self.db) if t.language == patient.language]
        other = [t for t in library_service.list_templates(self.db) if t.language != patient.language]
        for summary in own + other:
            phases = ngettext("%(n)d phase", "%(n)d phases", summary.phases) % {"n": summary.phases}
            text = f"{summary.title}  ·  {phases}"
            if summary.language != patient.language:
                text += f"  ·  {language_label(summary.language)}"
            item = QListWidgetItem(icon("template"), text)
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, summary.title)
            self.templates.addItem(item)
        self.templates.setCurrentRow(1 if own else 0)
        self.templates.itemActivated.connect(lambda _item: self.accept())

        self.title = QLineEdit(objectName="planTitle")
        self.title_error = ErrorLabel(self)
        self.start = QDateEdit(QDate.currentDate(), objectName="planStart")
        self.start.setCalendarPopup(True)
        self.start.setDisplayFormat("dd-MM-yyyy")
        self.phases = QSpinBox(objectName="planPhases")
        self.phases.setRange(1, 8)
        self.phases.setValue(3)
        self._title_touched = False
        self.title.textEdited.connect(self._title_edited)
        self.templates.currentItemChanged.connect(lambda *_: self._template_changed())

        form = QFormLayout()
        title_box = QVBoxLayout()
        title_box.setSpacing(2)
        title_box.addWidget(self.title)
        title_box.addWidget(self.title_error)
        form.addRow(_("&Title"), title_box)
        form.addRow(_("&Starts on"), self.start)
        form.addRow(_("&Phases (blank plan)"), self.phases)
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label and isinstance(label.widget(), QLabel) and field:
                target = field.widget() or field.layout().itemAt(0).widget()
                label.widget().setBuddy(target)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Create plan"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        heading = QLabel(_("Start from a &template or a blank plan:"))
        heading.setBuddy(self.templates)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.templates, 1)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._template_changed()
        self.templates.setFocus()

    def _title_edited(self) -> None:
        self._title_touched = True
        self.title_error.show_problem(None)
        set_invalid(self.title, False)

    def template_id(self) -> int:
        item = self.templates.currentItem()
        return int(item.data(Qt.ItemDataRole.UserRole)) if item else BLANK

    def _template_changed(self) -> None:
        blank = self.template_id() == BLANK
        self.phases.setEnabled(blank)
        if not self._title_touched:
            item = self.templates.currentItem()
            # Names the program makes are in the plan's language (the patient's), not the UI's.
            self.title.setText(patient_title(self.patient.name, self.patient.language) if blank or item is None
                               else item.data(Qt.ItemDataRole.UserRole + 1))

    def accept(self) -> None:
        title = self.title.text().strip()
        if not title:
            self.title_error.show_problem(_("A title is required."))
            set_invalid(self.title, True)
            self.title.setFocus()
            return
        start = self.start.date().toPython()
        try:
            if self.template_id() == BLANK:
                phases = [{"name": phase_name(n + 1, self.patient.language), "weeks": 2}
                          for n in range(self.phases.value())]
                self.result_plan = plan_service.create_plan(
                    self.db, patient_id=self.patient.id, title=title, start_date=start, phases=phases,
                    language=self.patient.language)
            else:
                self.result_plan = plan_service.create_from_template(
                    self.db, self.template_id(), patient_id=self.patient.id, start_date=start, title=title)
        except HerstelplanError as error:
            from planner.ui.common.errors import describe

            self.title_error.show_problem(describe(error))
            return
        super().accept()


