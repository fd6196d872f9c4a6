"""Add or edit a patient: each field says what is wrong right under it; nothing is saved until the
whole form is right."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import ValidationError
from planner.domain.kinds import LANGUAGES, REGIONS
from planner.domain.model import PatientView
from planner.i18n import _, language_label, word
from planner.languages import DEFAULT_LANGUAGE
from planner.services import patients as patient_service
from planner.ui.common.formatting import date_input_text, parse_date
from planner.ui.common.labels import region_name
from planner.ui.editor.fields import ErrorLabel, set_invalid

if TYPE_CHECKING:
    from planner.services.database import Database


class PatientDialog(QDialog):
    """`patient` None: a new patient. After accept(), `result_patient` holds the saved patient."""

    def __init__(self, db: Database, patient: PatientView | None = None, parent: QWidget | None = None,
                 *, default_language: str = DEFAULT_LANGUAGE):
        super().__init__(parent)
        self.db = db
        self.patient = patient
        self.result_patient: PatientView | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("patientDialog")
        self.setWindowTitle(_("New patient") if patient is None else _("Edit patient"))
        self.setMinimumWidth(460)

        self.name = QLineEdit(objectName="patientName")
        self.name.setPlaceholderText(_("First name and surname"))
        self.birth = QLineEdit(objectName="patientBirth")
        self.birth.setPlaceholderText(_("dd-mm-yyyy (optional)"))
        self.language = QComboBox(objectName="patientLanguage")
        for lang in LANGUAGES:
            self.language.addItem(language_label(lang), lang)
        self.complaint = QLineEdit(objectName="patientComplaint")
        self.complaint.setPlaceholderText(_("e.g. low back pain for 8 months"))
        self.region = QComboBox(objectName="patientRegion")
        self.region.addItem(_("— not set —"), "")
        for region in REGIONS:
            self.region.addItem(region_name(region), region)
        self.notes = QPlainTextEdit(objectName="patientNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(_("Only for you; never printed on a handout"))
        self.notes.setFixedHeight(90)
        self.fell = QCheckBox(_("Fell in the last 12 months"), objectName="patientFell")
        self.fears_falling = QCheckBox(_("Fears falling"), objectName="patientFearsFalling")
        self.errors = {key: ErrorLabel(self) for key in ("name", "birth_date", "language", "complaint",
                                                          "region", "private_notes")}

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, widget, key in (
            (_("&Name"), self.name, "name"),
            (_("&Date of birth"), self.birth, "birth_date"),
            (_("Handout &language"), self.language, "language"),
            (_("&Complaint"), self.complaint, "complaint"),
            (_("Body &region"), self.region, "region"),
            (_("&Private notes"), self.notes, "private_notes"),
        ):
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(self.errors[key])
            caption = QLabel(label)
            caption.setBuddy(widget)
            form.addRow(caption, column)
        balance = QHBoxLayout()
        balance.addWidget(self.fell)
        balance.addWidget(self.fears_falling)
        form.addRow(QLabel(_("Balance safety")), balance)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(
            _("Add patient") if patient is None else _("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.language.setCurrentIndex(max(0, self.language.findData(default_language)))
        if patient is not None:
            self.name.setText(patient.name)
            self.birth.setText(date_input_text(patient.birth_date))
            self.language.setCurrentIndex(max(0, self.language.findData(patient.language)))
            self.complaint.setText(patient.complaint)
            self.region.setCurrentIndex(max(0, self.region.findData(patient.region)))
            self.notes.setPlainText(patient.private_notes)
            self.fell.setChecked(patient.fell_last_year)
            self.fears_falling.setChecked(patient.fears_falling)
        self._tried = False
        self.name.textEdited.connect(self._recheck)
        self.birth.textEdited.connect(self._recheck)
        self.birth.editingFinished.connect(self._check_birth_now)
        self.name.setFocus()

    def values(self) -> tuple[dict, dict[str, str]]:
        """The fields as the service wants them, and problems found before asking the service."""
        problems: dict[str, str] = {}
        birth_text = self.birth.text().strip()
        birth = parse_date(birth_text) if birth_text else None
        if birth_text and birth is None:
            problems["birth_date"] = _("Not a date. Type it as day-month-year, e.g. 25-12-1960.")
        fields = {
            "name": self.name.text(),
            "birth_date": birth,
            "language": self.language.currentData(),
            "complaint": self.complaint.text().strip(),
            "region": self.region.currentData() or "",
            "private_notes": self.notes.toPlainText(),
            "fell_last_year": self.fell.isChecked(),
            "fears_falling": self.fears_falling.isChecked(),
        }
        for key, message in patient_service.validate_patient(fields, today=dt.date.today()).items():
            problems.setdefault(key, word(message))
        return fields, problems

    def _show(self, problems: dict[str, str]) -> None:
        widgets = {"name": self.name, "birth_date": self.birth, "language": self.language,
                   "complaint": self.complaint, "region": self.region, "private_notes": self.notes}
        for key, label in self.errors.items():
            label.show_problem(problems.get(key))
            set_invalid(widgets[key], key in problems)

    def _recheck(self) -> None:
        if self._tried:
            self._show(self.values()[1])
        else:  # before the first Save, only clear problems as they are fixed
            problems = self.values()[1]
            self._show({k: v for k, v in problems.items() if self.errors[k].isVisible()})

    def _check_birth_now(self) -> None:
        problems = self.values()[1]
        self.errors["birth_date"].show_problem(problems.get("birth_date"))
        set_invalid(self.birth, "birth_date" in problems)

    def accept(self) -> None:
        self._tried = True
        fields, problems = self.values()
        self._show(problems)
        if problems:
            first = next(k for k in ("name", "birth_date", "language", "complaint", "region", "private_notes")
                         if k in problems)
            {"name": self.name, "birth_date": self.birth}.get(first, self.name).setFocus()
            return
        try:
            if self.patient is None:
                self.result_patient = patient_service.create_patient(self.db, **fields)
            else:
                self.result_patient = patient_service.update_patient(self.db, self.patient.id, **fields)
        except ValidationError as error:
            self._show({k: word(v) for k, v in error.problems.items()})
            return
        super().accept()
