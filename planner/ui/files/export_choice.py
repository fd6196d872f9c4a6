"""Before an export: the desk handout (the default) or the whole booklet, and large print, which is
pre-selected for a patient aged 65 or over (CLINICAL.md, "Older adults")."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import HerstelplanError
from planner.domain.messages import msg
from planner.domain.model import PlanView
from planner.domain.schedule import is_older_adult
from planner.domain.thresholds import OLDER_ADULT_AGE
from planner.handout.model import HandoutOptions
from planner.i18n import _, word
from planner.services import patients as patient_service

if TYPE_CHECKING:
    from planner.services.database import Database


def older_patient(db: Database, plan: PlanView, *, today: dt.date | None = None) -> bool:
    """Whether the plan's patient is an older adult (thresholds.OLDER_ADULT_AGE or over)."""
    if plan.patient_id is None:
        return False
    try:
        patient = patient_service.get_patient(db, plan.patient_id)
    except HerstelplanError:
        return False
    return is_older_adult(patient.birth_date, today or dt.date.today())


class ExportChoiceDialog(QDialog):
    """What to export: the desk handout (the current phase, the default) or the whole booklet, and
    large print (pre-selected for a patient aged 65 or over)."""

    def __init__(self, parent: QWidget | None, options: HandoutOptions, *, older: bool):
        super().__init__(parent, objectName="exportChoice")
        self._options = options
        self.setWindowTitle(_("Export handout"))
        self.desk_radio = QRadioButton(_("&Desk handout: the current phase, the next one in short, "
                                         "and one diary page"), objectName="deskRadio")
        self.full_radio = QRadioButton(_("&Whole booklet: every phase in full"), objectName="fullRadio")
        (self.full_radio if options.full else self.desk_radio).setChecked(True)
        self.large_print_check = QCheckBox(_("&Large print (for readers with poor eyesight)"),
                                           objectName="exportLargePrint")
        self.large_print_check.setChecked(options.large_print or older)
        self.older_hint = QLabel(word(msg("Large print is chosen because the patient is {age} or over.",
                                             age=OLDER_ADULT_AGE)),
                                 objectName="olderHint", wordWrap=True)
        self.older_hint.setVisible(older and not options.large_print)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Choose file…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        for widget in (self.desk_radio, self.full_radio, self.large_print_check, self.older_hint, buttons):
            layout.addWidget(widget)

    def options(self) -> HandoutOptions:
        """The options with the choices made here."""
        return replace(self._options, full=self.full_radio.isChecked(),
                       large_print=self.large_print_check.isChecked())


def choose_options(parent: QWidget | None, options: HandoutOptions, *, older: bool) -> HandoutOptions | None:
    """Ask desk handout or whole booklet, and large print; None when the user cancelled."""
    dialog = ExportChoiceDialog(parent, options, older=older)
    return dialog.options() if dialog.exec() == QDialog.DialogCode.Accepted.value else None
