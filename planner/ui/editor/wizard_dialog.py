"""New plan with the wizard: goal, region, weeks, phases and mode in; a complete plan previewed live.

`WizardDialog(db, patient_id, parent)`; "Create plan" saves it as a draft for the patient and
emits `created(PlanView)`. Time-contingent (graded activity) is the default mode for persistent
pain; in that mode the baseline fields appear: the plan starts a little below what the patient
can do on an average day. The title the dialog proposes is in the plan's handout language, not
the program's (until the therapist types one).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain.dosage import volume_words
from planner.domain.errors import HerstelplanError, ValidationError
from planner.domain.kinds import LANGUAGES, REGIONS
from planner.domain.model import PlanView, ProgressionMode
from planner.domain.plan_words import region_title
from planner.domain.schedule import is_older_adult
from planner.domain.thresholds import QUOTA_START_SHARE
from planner.domain.wizard import Baseline, WizardRequest
from planner.i18n import N_, _, current_language, language_label, word
from planner.services import library, patients
from planner.services import wizard as wizard_service
from planner.services.database import Database
from planner.ui.common.labels import kind_name, region_name

NOT_MEASURED = 0
FIELD_NAMES = {"title": N_("Title"), "region": N_("Region"), "weeks": N_("Weeks"), "phases": N_("Phases"),
               "weekly_cap_pct": N_("Weekly cap"), "strength_reps": N_("Repetitions in a row"), "feared": N_("Rating"),
               "balance_seconds": N_("Seconds standing steady"), "walk_minutes": N_("Minutes of walking"),
               "template": N_("Template")}


class WizardDialog(QDialog):
    """Generate a whole plan for a patient from a few answers."""

    created = Signal(object)  # PlanView

    def __init__(self, db: Database, patient_id: int, parent: QWidget | None = None, *,
                 today: dt.date | None = None):
        super().__init__(parent)
        self.db, self.patient_id = db, patient_id
        self.today = today or dt.date.today()
        self.plan: PlanView | None = None
        self.draft: PlanView | None = None
        self.patient = patients.get_patient(db, patient_id)
        self.setObjectName("wizardDialog")
        self.setWindowTitle(_("New plan with the wizard: %(name)s") % {"name": self.patient.name})
        self.resize(1180, 700)
        self._build()
        self.preview()

    def _build(self) -> None:
        self.title = QLineEdit(objectName="titleEdit", maxLength=200)
        self.goal = QLineEdit(objectName="goalEdit")
        self.goal.setPlaceholderText(_("The patient's own goal, in their words"))
        self.region = QComboBox(objectName="regionCombo")
        for region in REGIONS:
            self.region.addItem(region_name(region), region)
        self.region.setCurrentIndex(max(self.region.findData(self.patient.region or "lower-back"), 0))
        self._title_touched = False
        self.title.textEdited.connect(self._title_edited)
        self.weeks = QSpinBox(objectName="weeksSpin", minimum=1, maximum=52, value=8, suffix=_(" weeks"))
        self.phases = QSpinBox(objectName="phasesSpin", minimum=1, maximum=6, value=3)
        self.mode = QComboBox(objectName="modeCombo")
        self.mode.addItem(_("Time-contingent: steps on schedule from a measured baseline"), ProgressionMode.TIME.value)
        self.mode.addItem(_("Pain-contingent: a step only when the traffic light is green"), ProgressionMode.PAIN.value)
        self.cap = QSpinBox(objectName="capSpin", minimum=1, maximum=50, value=10, suffix=" %")
        self.language = QComboBox(objectName="languageCombo")
        for lang in LANGUAGES:
            self.language.addItem(language_label(lang), lang)
        self.language.setCurrentIndex(max(self.language.findData(self.patient.language), 0))
        self._retitle()
        self.template = QComboBox(objectName="templateCombo")
        self.template.addItem(_("No template: pick exercises by region"), None)
        for summary in library.list_templates(self.db):
            self.template.addItem(summary.title, summary.id)
        self.start = QDateEdit(objectName="startEdit", calendarPopup=True, displayFormat="dd-MM-yyyy")
        self.start.setDate(QDate(self.today.year, self.today.month, self.today.day))
        form = QFormLayout()
        for label, widget in ((_("Title"), self.title), (_("Goal"), self.goal), (_("Complaint region"), self.region),
                              (_("Length"), self.weeks), (_("Phases"), self.phases), (_("Progression"), self.mode),
                              (_("Weekly cap"), self.cap), (_("Handout language"), self.language),
                              (_("Template"), self.template), (_("Start date"), self.start)):
            form.addRow(label, widget)
        self.baseline_box = QGroupBox(_("Baseline: what the patient can do on an average day"), objectName="baselineBox")
        self.strength_reps = self._baseline_spin("strengthSpin", 100)
        self.balance_seconds = self._baseline_spin("balanceSpin", 600)
        self.walk_minutes = self._baseline_spin("walkSpin", 240)
        baseline = QFormLayout(self.baseline_box)
        baseline.addRow(_("Repetitions in a row (first strength exercise)"), self.strength_reps)
        baseline.addRow(_("Seconds standing steady (balance)"), self.balance_seconds)
        baseline.addRow(_("Minutes of calm walking"), self.walk_minutes)
        baseline.addRow(QLabel(_("The plan starts at {share} of this and rises on schedule.").format(
            share=f"{QUOTA_START_SHARE[0]:.0%}–{QUOTA_START_SHARE[1]:.0%}".replace("%", " %")), wordWrap=True))
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.baseline_box)
        left.addStretch(1)
        self.tree = QTreeWidget(objectName="previewTree")
        self.tree.setHeaderLabels([_("Phase / exercise"), _("Kind"), _("Dosage")])
        self.tree.setColumnWidth(0, 270)
        self.tree.setColumnWidth(1, 110)
        self.warnings = QLabel(objectName="warningsLabel", wordWrap=True)
        self.error = QLabel(objectName="errorLabel", wordWrap=True)
        self.error.setStyleSheet("color: #b3261e")
        right = QVBoxLayout()
        right.addWidget(QLabel(_("Preview")))
        right.addWidget(self.tree, 1)
        right.addWidget(self.warnings)
        right.addWidget(self.error)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addLayout(right, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.create_button = buttons.addButton(_("Create plan"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.create_button.setObjectName("createButton")
        self.create_button.setDefault(True)
        buttons.accepted.connect(self.create_plan)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(buttons)
        for widget in (self.title, self.goal):
            widget.textEdited.connect(self.preview)
        for combo in (self.region, self.language):
            combo.currentIndexChanged.connect(self._retitle)
        for combo in (self.region, self.mode, self.language, self.template):
            combo.currentIndexChanged.connect(self.preview)
        for spin in (self.weeks, self.phases, self.cap, self.strength_reps, self.balance_seconds, self.walk_minutes):
            spin.valueChanged.connect(self.preview)

    def _title_edited(self) -> None:
        self._title_touched = True

    def _retitle(self) -> None:
        """Propose a title in the plan's language ('Plan voor je knie') until the therapist types one."""
        if not self._title_touched and self.language.currentData():
            self.title.setText(region_title(self.region.currentData(), self.language.currentData()))

    def _baseline_spin(self, name: str, high: int) -> QSpinBox:
        spin = QSpinBox(objectName=name, minimum=NOT_MEASURED, maximum=high)
        spin.setSpecialValueText(_("not measured"))
        return spin

    def request(self) -> WizardRequest:
        """The dialog's answers as a request for the wizard."""
        def value(spin: QSpinBox) -> int | None:
            return None if spin.value() == NOT_MEASURED else spin.value()

        return WizardRequest(
            title=self.title.text(), goal=self.goal.text(), region=self.region.currentData(),
            weeks=self.weeks.value(), phases=self.phases.value(), mode=ProgressionMode(self.mode.currentData()),
            language=self.language.currentData(), weekly_cap_pct=self.cap.value(),
            baseline=Baseline(value(self.strength_reps), value(self.balance_seconds), value(self.walk_minutes)),
            older_adult=is_older_adult(self.patient.birth_date, self.start.date().toPython()),
        )

    def _problem_text(self, error: HerstelplanError) -> str:
        if isinstance(error, ValidationError):
            return "; ".join(f"{_(FIELD_NAMES.get(k, k))}: {word(v)}" for k, v in error.problems.items())
        return word(error.message)

    def preview(self) -> None:
        """Generate the plan for the current answers and show it (nothing is saved)."""
        self.baseline_box.setVisible(self.mode.currentData() == ProgressionMode.TIME.value)
        self.tree.clear()
        self.draft = None
        try:
            draft, warnings = wizard_service.preview_plan(self.db, self.request(), template_id=self.template.currentData())
        except HerstelplanError as error:
            self.error.setText(self._problem_text(error))
            self.warnings.clear()
            self.create_button.setEnabled(False)
            return
        self.error.clear()
        self.create_button.setEnabled(True)
        self.draft = draft
        lang = draft.language  # the patient's words, as on the handout
        first_week = 1
        for phase in draft.phases:
            weeks = _("week %(first)d–%(last)d") % {"first": first_week, "last": first_week + phase.weeks - 1}
            top = QTreeWidgetItem([f"{phase.position + 1}. {phase.name}", "", weeks])
            first_week += phase.weeks
            for item in phase.items:
                level = item.block.levels[item.dosage.level].text(lang) if (
                    item.block.levels and item.dosage.level is not None) else ""
                words = " · ".join(w for w in (volume_words(item.dosage, lang), level) if w)
                top.addChild(QTreeWidgetItem([item.block.title(lang), kind_name(item.block.kind), words]))
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        if warnings:
            self.warnings.setText("⚠ " + "\n⚠ ".join(w.text(current_language()) for w in warnings))
        else:
            self.warnings.setText(_("The plan passes every check."))

    def create_plan(self) -> None:
        """Save the plan as a draft for the patient and close."""
        try:
            start = self.start.date()
            self.plan = wizard_service.create_plan_with_wizard(
                self.db, self.patient_id, self.request(), template_id=self.template.currentData(),
                start_date=dt.date(start.year(), start.month(), start.day()))
        except HerstelplanError as error:
            self.error.setText(_("The plan was not created: %(problem)s") % {"problem": self._problem_text(error)})
            return
        self.created.emit(self.plan)
        self.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Enter creates the plan from any field (the tree has nothing to do with Enter)."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.create_button.isEnabled():
            self.create_plan()
            return
        super().keyPressEvent(event)
