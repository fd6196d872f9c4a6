"""Plan files and the patient's rights in the window: import or export a plan or template file,
export everything about a patient, erase a patient after typing their name.

Problems (a wrong field in a file, a folder that cannot be written) are shown in a message that
names what is wrong; nothing is changed by a file that is refused.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import HerstelplanError
from planner.domain.model import PatientView
from planner.i18n import N_, _, ngettext, word
from planner.services import plans as plan_service
from planner.services import privacy, transfer
from planner.services.changes import PatientChanged, PlanChanged
from planner.services.database import Database
from planner.ui.common.desk import Desk

FILE_FILTER = N_("Herstelplan plan files (*.json);;All files (*)")


def _documents() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)


def file_name_for(title: str) -> str:
    """A safe file name from a plan title ('Nek in beweging' -> 'nek-in-beweging.json')."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]
    return f"{slug or 'plan'}.json"


class TransferActions(QObject):
    """Import/export of plan files and the patient export, with their messages.

    Signals carry the result: `imported(PlanView)`, `exported(Path)`, `patient_exported(Path)`.
    `last_message` is the box shown last (tests and screen readers look at it).
    """

    imported = Signal(object)
    exported = Signal(object)
    patient_exported = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.parent_widget = parent
        self.last_message: QMessageBox | None = None

    def _show(self, title: str, text: str, *, problem: bool) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning if problem else QMessageBox.Icon.Information, title, text,
                          QMessageBox.StandardButton.Ok, self.parent_widget)
        box.setObjectName("transferProblem" if problem else "transferDone")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.last_message = box
        box.open()

    def import_plan(self, patient_id: int | None = None) -> None:
        """Choose a plan file and import it. A template file becomes a clinic template; a plan file
        becomes a draft plan for `patient_id` (the selected patient), or a template when none is."""
        chosen, _filter = QFileDialog.getOpenFileName(self.parent_widget, _("Import plan or template"),
                                                      _documents(), _(FILE_FILTER))
        if not chosen:
            return
        try:
            doc = transfer.read_file(Path(chosen))
            target = patient_id if doc["kind"] == "plan" else None
            plan = transfer.import_data(self.db, doc, patient_id=target)
        except (HerstelplanError, OSError) as error:
            self._show(_("Import plan"), _describe(error), problem=True)
            return
        self.imported.emit(plan)

    def export_plan(self, plan_id: int) -> None:
        """Choose where to save the plan file of `plan_id` and write it."""
        plan = plan_service.get_plan(self.db, plan_id)
        suggested = str(Path(_documents()) / file_name_for(plan.title))
        chosen, _filter = QFileDialog.getSaveFileName(self.parent_widget, _("Export plan file"), suggested,
                                                      _(FILE_FILTER))
        if not chosen:
            return
        try:
            out = transfer.export_plan_file(self.db, plan_id, Path(chosen))
        except (HerstelplanError, OSError) as error:
            self._show(_("Export plan file"), _describe(error), problem=True)
            return
        self.exported.emit(out)

    def export_patient(self, patient_id: int) -> None:
        """Choose a folder and write everything about the patient into a new folder inside it."""
        chosen = QFileDialog.getExistingDirectory(self.parent_widget, _("Export all data of the patient to…"),
                                                  _documents())
        if not chosen:
            return
        try:
            done = privacy.export_patient(self.db, patient_id, Path(chosen))
        except (HerstelplanError, OSError) as error:
            self._show(_("Export patient data"), _describe(error), problem=True)
            return
        count = len(done.files) - 1
        self._show(_("Export patient data"), ngettext(
            "Everything about the patient is in %(folder)s: their data (patient.json) and %(n)d handout. "
            "The folder holds health data: give it to the patient and delete your copy.",
            "Everything about the patient is in %(folder)s: their data (patient.json) and %(n)d handouts. "
            "The folder holds health data: give it to the patient and delete your copy.", count)
            % {"folder": done.folder, "n": count}, problem=False)
        self.patient_exported.emit(done.folder)


def _describe(error: BaseException) -> str:
    if isinstance(error, OSError):
        where = f" ({error.filename})" if error.filename else ""
        return _("The file could not be read or written%(where)s: %(reason)s") % {
            "where": where, "reason": error.strerror or error}
    return word(error.message) if isinstance(error, HerstelplanError) else str(error)


class EraseDialog(QDialog):
    """Erase a patient for good: says what will go, needs the patient's name typed, then erases.

    `erased(patient_id)` fires after the patient is gone.
    """

    erased = Signal(int)

    def __init__(self, db: Database, patient: PatientView, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.patient = patient
        self.setObjectName("eraseDialog")
        self.setWindowTitle(_("Erase patient"))
        self.setMinimumWidth(520)
        counts = privacy.erasure_preview(db, patient.id)
        layout = QVBoxLayout(self)
        plans = counts.get("plans", 0)
        what = QLabel(_(
            "This erases %(name)s and everything about them from the database: %(plans)s, their "
            "check-ins, notes and the audit trail of their records (%(records)d records in all). "
            "This cannot be undone.") % {
                "name": patient.name,
                "plans": ngettext("%(n)d plan", "%(n)d plans", plans) % {"n": plans},
                "records": sum(counts.values())}, objectName="eraseWhat")
        what.setWordWrap(True)
        layout.addWidget(what)
        backups = QLabel(_(
            "A backup is made first. That backup and older ones still hold the patient until the "
            "rotation deletes them (within nine weeks)."), objectName="eraseBackups")
        backups.setWordWrap(True)
        layout.addWidget(backups)
        layout.addWidget(QLabel(_("Type the patient's name to confirm:"), objectName="eraseTypeLabel"))
        self.typed = QLineEdit(objectName="eraseTyped")
        self.typed.setPlaceholderText(patient.name)
        self.typed.textChanged.connect(self._update)
        layout.addWidget(self.typed)
        self.message = QLabel(objectName="eraseMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.erase_button = QPushButton(_("Erase for good"), objectName="eraseButton")
        self.erase_button.setEnabled(False)
        self.erase_button.setAutoDefault(False)
        buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.setObjectName("eraseCancel")
        self.erase_button.clicked.connect(self.erase)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _update(self) -> None:
        self.erase_button.setEnabled(self.typed.text().strip() == self.patient.name.strip())

    def erase(self) -> None:
        if self.typed.text().strip() != self.patient.name.strip():
            return
        try:
            done = privacy.erase_patient(self.db, self.patient.id)
        except HerstelplanError as error:
            self.message.setText(_("Nothing was erased: %(reason)s") % {"reason": word(error.message)})
            return
        text = done.message()
        if not done.scrubbed:
            text += " " + done.unscrubbed
        self.message.setText(text)
        self.typed.setEnabled(False)
        self.erase_button.setEnabled(False)
        self.close_button.setText(_("Close"))
        self.erased.emit(self.patient.id)


def _actions(desk: Desk) -> TransferActions:
    """The file actions for one use; they go when the window does, or after the next use."""
    actions = TransferActions(desk.db, desk.widget)
    actions.exported.connect(lambda path: desk.say(_("Plan file saved as %(path)s") % {"path": path}))
    return actions


def import_plan(desk: Desk) -> None:
    """File → Import plan or template…: a plan file becomes a draft for the shown patient (and opens),
    a template file a clinic template."""
    patient = desk.current_patient()
    actions = _actions(desk)

    def imported(plan) -> None:
        desk.bus.publish(PlanChanged(plan.id, plan.version))
        if plan.is_template:
            desk.say(_("Imported the template “%(title)s”; it is offered for new plans.") % {"title": plan.title})
        else:
            desk.bus.publish(PatientChanged(plan.patient_id))
            desk.open_plan(plan.id)

    actions.imported.connect(imported)
    actions.import_plan(patient.id if patient is not None else None)
    actions.deleteLater()


def export_plan_file(desk: Desk) -> None:
    """File → Export plan file…: the open plan (or the one selected in the patient's list)."""
    plan_id = desk.current_plan_id()
    if plan_id is not None:
        desk.flush()
        actions = _actions(desk)
        actions.export_plan(plan_id)
        actions.deleteLater()


def export_patient(desk: Desk) -> None:
    """Patient → Export data…: everything about the shown patient, into a folder."""
    patient = desk.current_patient()
    if patient is not None:
        desk.flush()
        actions = _actions(desk)
        actions.export_patient(patient.id)
        actions.deleteLater()


def erase_patient(desk: Desk) -> None:
    """Patient → Erase patient…: after typing their name; their open plan closes."""
    patient = desk.current_patient()
    if patient is None:
        return
    desk.flush()
    dialog = EraseDialog(desk.db, patient, desk.widget)

    def erased(patient_id: int) -> None:
        plan = desk.plan
        if plan is not None and plan.patient_id == patient_id:
            desk.forget_plan(plan.id)
        desk.bus.publish(PatientChanged(patient_id))

    dialog.erased.connect(erased)
    desk.show_dialog(dialog)
