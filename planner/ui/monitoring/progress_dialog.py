"""Progress phase and Step back: review (and edit) the proposed next phase before it is added.

`ProgressDialog(db, plan_id, parent)` proposes the next phase as the plan's mode calls for;
`ProgressDialog(db, plan_id, parent, step_back=True)` proposes the flare-up phase. Each row shows a
block now → proposed with the reason; the selected row's dosage can be edited, a row left out.
The checks' warnings for the result show live. "Add phase" saves it in one transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain.change_words import amount_short, level_text
from planner.domain.checks import check_plan
from planner.domain.dosage import RANGES, Dosage
from planner.domain.errors import ConflictError, HerstelplanError, ValidationError
from planner.domain.kinds import DOSAGE_FIELDS, Kind
from planner.domain.messages import msg
from planner.domain.model import BlockInfo, PlanView, ProgressionMode
from planner.domain.proposals import PhaseProposal, plan_with_proposal
from planner.i18n import N_, _, current_language, word
from planner.services import plans, progression
from planner.services.database import Database
from planner.ui.monitoring.chart import advice_html

EDITABLE = ("sets", "reps", "hold_seconds", "minutes", "load_kg", "inhale_seconds", "exhale_seconds",
            "times_per_day", "days_per_week")
FIELD_NAMES = {
    "sets": N_("Sets"), "reps": N_("Repetitions"), "hold_seconds": N_("Hold (seconds)"), "minutes": N_("Minutes"),
    "load_kg": N_("Weight (kg)"), "inhale_seconds": N_("Breathe in (seconds)"), "exhale_seconds": N_("Breathe out (seconds)"),
    "times_per_day": N_("Times a day"), "days_per_week": N_("Days a week"), "level": N_("Level"),
}
COLUMNS = (N_("Use"), N_("Exercise"), N_("Now"), N_("Proposed"), N_("Why"))


def dosage_text(block: BlockInfo, dosage: Dosage | None, lang: str) -> str:
    """A dosage in the therapist's shorthand: '3×8 · Zonder handen · 2 kg'."""
    if dosage is None:
        return "–"
    parts = [amount_short(dosage)]
    if block.levels and dosage.level is not None:
        parts.append(level_text(block, dosage.level, lang))
    if dosage.load_kg:
        parts.append(f"{dosage.load_kg:g} kg")
    if dosage.exhale_seconds and block.kind is Kind.BREATHING and not block.levels:
        parts.append(_("in %(i)s, out %(o)s") % {"i": dosage.inhale_seconds or "–", "o": dosage.exhale_seconds})
    return " · ".join(p for p in parts if p) or "–"


class ProgressDialog(QDialog):
    """Review the proposal for the next phase (or the step back) and add it to the plan."""

    applied = Signal(object, int)  # PlanChanged, the new phase's id
    changed = Signal(object)  # PlanChanged: plan settings or a new phase (for the main window's bus)

    def __init__(self, db: Database, plan_id: int, parent: QWidget | None = None, *, step_back: bool = False,
                 phase_id: int | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.db, self.plan_id, self.step_back, self.today = db, plan_id, step_back, today
        self.lang = current_language()
        self.proposal: PhaseProposal | None = None
        self.new_phase_id: int | None = None
        self._editors: dict[str, QWidget] = {}
        self.setObjectName("stepBackDialog" if step_back else "progressDialog")
        self.resize(980, 720)
        self._build()
        self._load(phase_id)

    # ---- layout ----------------------------------------------------------------------------------

    def _build(self) -> None:
        self.source = QComboBox(objectName="sourceCombo")
        self.tolerated = QComboBox(objectName="toleratedCombo")
        self.mode = QComboBox(objectName="modeCombo")
        self.mode.addItem(_("Pain-contingent: a step when the mornings settle and nothing is red"), ProgressionMode.PAIN.value)
        self.mode.addItem(_("Time-contingent: steps on schedule (graded activity)"), ProgressionMode.TIME.value)
        self.cap = QSpinBox(objectName="capSpin", minimum=1, maximum=50, suffix=" %")
        self.cap.setToolTip(_("No exercise's weekly volume may grow faster than this a week"))
        self.force = QCheckBox(_("Step up anyway (my decision)"), objectName="forceCheck")
        form = QFormLayout()
        form.addRow(_("From phase"), self.source)
        if self.step_back:
            form.addRow(_("Back to the level of"), self.tolerated)
        form.addRow(_("Progression"), self.mode)
        form.addRow(_("Weekly cap"), self.cap)
        if not self.step_back:
            form.addRow("", self.force)
        self.advice = QLabel(objectName="adviceLabel", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.summary = QLabel(objectName="summaryLabel", wordWrap=True)
        self.name = QLineEdit(objectName="nameEdit", maxLength=plans.MAX_TITLE)
        self.weeks = QSpinBox(objectName="weeksSpin", minimum=1, maximum=52, suffix=_(" weeks"))
        phase_form = QFormLayout()
        phase_form.addRow(_("New phase"), self.name)
        phase_form.addRow(_("Length"), self.weeks)
        self.table = QTableWidget(0, len(COLUMNS), objectName="itemTable")
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.editor_box = QGroupBox(_("Proposed dosage of the selected exercise"), objectName="editorBox")
        self.editor_form = QFormLayout(self.editor_box)
        self.warnings = QLabel(objectName="warningsLabel", wordWrap=True)
        self.error = QLabel(objectName="errorLabel", wordWrap=True)
        self.error.setStyleSheet("color: #b3261e")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.addButton(_("Add phase"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setObjectName("applyButton")
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.advice)
        layout.addWidget(self.summary)
        layout.addLayout(phase_form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.editor_box)
        layout.addWidget(self.warnings)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.source.currentIndexChanged.connect(lambda: self._propose(fill_tolerated=True))
        self.tolerated.currentIndexChanged.connect(lambda: self._propose())
        self.force.toggled.connect(lambda: self._propose())
        self.mode.activated.connect(self._settings_changed)
        self.cap.editingFinished.connect(self._settings_changed)
        self.name.textEdited.connect(self._phase_edited)
        self.weeks.valueChanged.connect(self._phase_edited)
        self.table.itemChanged.connect(self._row_checked)
        self.table.currentCellChanged.connect(lambda row, *_args: self._show_editor(row))

    # ---- loading and proposing -------------------------------------------------------------------

    def _load(self, phase_id: int | None = None) -> None:
        self.plan: PlanView = plans.get_plan(self.db, self.plan_id)
        title = _("Step back after a flare-up: %(plan)s") if self.step_back else _("Progress phase: %(plan)s")
        self.setWindowTitle(title % {"plan": self.plan.title})
        if not self.plan.phases:
            self.error.setText(_("This plan has no phases yet: add a phase first."))
            self.apply_button.setEnabled(False)
            return
        for widget in (self.source, self.mode, self.cap):
            widget.blockSignals(True)
        self.source.clear()
        for phase in self.plan.phases:
            self.source.addItem(f"{phase.position + 1}. {phase.name}", phase.id)
        wanted = phase_id if phase_id is not None else progression.default_phase_id(self.plan, self.today)
        self.source.setCurrentIndex(max(self.source.findData(wanted), 0))
        self.mode.setCurrentIndex(self.mode.findData(self.plan.mode.value))
        self.cap.setValue(self.plan.weekly_cap_pct)
        for widget in (self.source, self.mode, self.cap):
            widget.blockSignals(False)
        self._propose(fill_tolerated=True)

    def _fill_tolerated(self) -> None:
        self.tolerated.blockSignals(True)
        self.tolerated.clear()
        index = self.source.currentIndex()
        for phase in self.plan.phases[:index]:
            self.tolerated.addItem(f"{phase.position + 1}. {phase.name}", phase.id)
        self.tolerated.addItem(_("(keep the current levels, less volume)"), None)
        self.tolerated.setCurrentIndex(max(index - 1, 0) if index > 0 else 0)
        self.tolerated.blockSignals(False)

    def _propose(self, *, fill_tolerated: bool = False) -> None:
        if fill_tolerated:
            self._fill_tolerated()
        phase_id = self.source.currentData()
        if phase_id is None:
            return
        try:
            if self.step_back:
                self.proposal = progression.propose_step_back(self.db, self.plan_id, phase_id,
                                                              tolerated_phase_id=self.tolerated.currentData(),
                                                              today=self.today)
            else:
                self.proposal = progression.propose_next_phase(self.db, self.plan_id, phase_id,
                                                               force=self.force.isChecked(), today=self.today)
            advice = progression.current_advice(self.db, self.plan_id, today=self.today)
        except HerstelplanError as error:
            self.error.setText(word(error.message))
            return
        self.advice.setText(advice_html(advice, self.lang))
        self.force.setVisible(advice.kind.value != "progress")  # the therapist may step up anyway, in either mode
        self.name.setText(self.proposal.name)
        self.weeks.blockSignals(True)
        self.weeks.setValue(self.proposal.weeks)
        self.weeks.blockSignals(False)
        summary = self.proposal.summary(self.lang)
        index = self.source.currentIndex()
        if index + 1 < len(self.plan.phases):
            summary += " " + _("The new phase comes before phase %(n)d, ‘%(name)s’.") % {
                "n": index + 2, "name": self.plan.phases[index + 1].name}
        self.summary.setText(summary)
        self._fill_table()
        self._update_warnings()

    def _fill_table(self) -> None:
        assert self.proposal is not None
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.proposal.items))
        for row, item in enumerate(self.proposal.items):
            use = QTableWidgetItem()
            use.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            use.setCheckState(Qt.CheckState.Checked if item.include else Qt.CheckState.Unchecked)
            if item.block.kind is Kind.EDUCATION:
                now = (item.replaces or item.block).title(self.lang) if item.before is not None else "–"
                proposed = item.block.title(self.lang)
            else:
                now = dosage_text(item.block, item.before, self.lang)
                proposed = dosage_text(item.block, item.after, self.lang)
            cells = [use, QTableWidgetItem(item.block.title(self.lang)), QTableWidgetItem(now),
                     QTableWidgetItem(proposed), QTableWidgetItem(item.reason(self.lang))]
            for column, cell in enumerate(cells):
                if column:
                    cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(row, column, cell)
        self.table.resizeColumnToContents(0)
        for column, width in ((1, 200), (2, 190), (3, 190)):
            self.table.setColumnWidth(column, width)
        self.table.blockSignals(False)
        self.table.setCurrentCell(0, 1)
        self._show_editor(0)

    def _settings_changed(self) -> None:
        """Mode or weekly cap changed: save it on the plan (a normal plan edit), then propose again."""
        mode, cap = self.mode.currentData(), self.cap.value()
        if mode == self.plan.mode.value and cap == self.plan.weekly_cap_pct:
            return
        try:
            change = plans.update_plan(self.db, self.plan_id, expected_version=self.plan.version, mode=mode,
                                       weekly_cap_pct=cap)
        except HerstelplanError as error:
            self.error.setText(word(error.message))
            self._load(self.source.currentData())
            return
        self.changed.emit(change)
        self._load(self.source.currentData())

    # ---- editing ---------------------------------------------------------------------------------

    def _phase_edited(self) -> None:
        if self.proposal is not None:
            self.proposal = replace(self.proposal, name=self.name.text(), weeks=self.weeks.value())
            self._update_warnings()

    def _row_checked(self, cell: QTableWidgetItem) -> None:
        if self.proposal is None or cell.column() != 0:
            return
        self.proposal = self.proposal.with_item(cell.row(), include=cell.checkState() == Qt.CheckState.Checked)
        self._update_warnings()

    def _show_editor(self, row: int) -> None:
        while self.editor_form.rowCount():
            self.editor_form.removeRow(0)
        self._editors = {}
        if self.proposal is None or not 0 <= row < len(self.proposal.items):
            return
        item = self.proposal.items[row]
        self.editor_box.setVisible(item.block.kind is not Kind.EDUCATION)
        self.editor_box.setTitle(_("Proposed dosage: %(title)s") % {"title": item.block.title(self.lang)})
        if item.block.levels:
            combo = QComboBox(objectName="levelCombo")
            for n, level in enumerate(item.block.levels):
                combo.addItem(f"{n + 1}. {level.text(self.lang)}", n)
            combo.setCurrentIndex(item.after.level or 0)
            combo.currentIndexChanged.connect(lambda _i, r=row, c=combo: self._edit(r, "level", c.currentData()))
            self.editor_form.addRow(_("Level"), combo)
            self._editors["level"] = combo
        for name in EDITABLE:
            if name not in DOSAGE_FIELDS[item.block.kind]:
                continue
            low, high = RANGES[name]
            value = getattr(item.after, name)
            if name == "load_kg":
                spin: QAbstractSpinBox = QDoubleSpinBox(minimum=0, maximum=high, singleStep=0.5, decimals=1, suffix=" kg")
                spin.setSpecialValueText("–")
                spin.setValue(value or 0)
                spin.valueChanged.connect(lambda v, r=row: self._edit(r, "load_kg", v or None))
            else:
                spin = QSpinBox(minimum=int(low) - 1, maximum=int(high))
                spin.setSpecialValueText("–")
                spin.setValue(int(low) - 1 if value is None else int(value))
                spin.valueChanged.connect(lambda v, r=row, n=name, lo=int(low): self._edit(r, n, None if v < lo else v))
            spin.setObjectName(f"{name}Spin")
            self.editor_form.addRow(_(FIELD_NAMES[name]), spin)
            self._editors[name] = spin

    def _edit(self, row: int, name: str, value: object) -> None:
        assert self.proposal is not None
        item = self.proposal.items[row]
        self.proposal = self.proposal.with_item(row, after=replace(item.after, **{name: value}),
                                                reason_message=msg("Changed by the therapist."))
        edited = self.proposal.items[row]
        self.table.item(row, 3).setText(dosage_text(edited.block, edited.after, self.lang))
        self.table.item(row, 4).setText(edited.reason(self.lang))
        self._update_warnings()

    def _update_warnings(self) -> None:
        if self.proposal is None:
            return
        preview = plan_with_proposal(self.plan, self.proposal)
        index = [p.id for p in preview.phases].index(-1)
        following = preview.phases[index + 1].id if index + 1 < len(preview.phases) else None
        lines = []
        for w in check_plan(preview):
            if w.phase_id == -1:
                lines.append(w.text(self.lang))
            elif w.phase_id == following and w.code == "steep-step":
                lines.append(_("Then on to ‘%(phase)s’: %(warning)s") % {
                    "phase": preview.phases[index + 1].name, "warning": w.text(self.lang)})
        if lines:
            self.warnings.setText("⚠ " + "\n⚠ ".join(lines))
        else:
            self.warnings.setText(_("No warnings for the new phase."))
        self.error.clear()

    # ---- saving ----------------------------------------------------------------------------------

    def apply(self) -> None:
        """Add the reviewed phase; on a conflict or a bad value say why and keep the dialog open."""
        if self.proposal is None:
            return
        try:
            change, phase_id = progression.apply_proposal(self.db, self.plan_id, self.proposal, self.plan.version)
        except ConflictError:
            QMessageBox.warning(self, self.windowTitle(), _(
                "This plan was changed at another desk. The proposal has been made again from the newest "
                "version; please review it once more."))
            self._load(self.source.currentData())
            return
        except ValidationError as error:
            self.error.setText(_("Not added. Please correct:") + " " + "; ".join(
                f"{name}: {word(message)}" for name, message in error.problems.items()))
            return
        except HerstelplanError as error:
            self.error.setText(word(error.message))
            return
        self.new_phase_id = phase_id
        self.applied.emit(change, phase_id)
        self.changed.emit(change)
        self.accept()
