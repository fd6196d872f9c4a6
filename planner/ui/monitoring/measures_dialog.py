"""The outcome measures of one patient: a chart per measure, the scores, recording a visit, adding
an activity, and the summary for the patient file. Every edit is an undo command."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import HerstelplanError
from planner.domain.measures import Instrument
from planner.i18n import _, current_language, word
from planner.services import measure_report, measures
from planner.services.database import Database
from planner.ui.monitoring.measure_chart import MeasureChart, measure_name
from planner.ui.monitoring.measure_forms import MeasureForm, VisitForm

CHART_COLUMNS = 2


class _Command(QUndoCommand):
    """An edit as two callables, `do` and `undo`; a refusal (another desk changed the same scores)
    is reported, never raised into Qt's event loop."""

    def __init__(self, text: str, do: Callable[[], None], undo: Callable[[], None],
                 report: Callable[[str], None]):
        super().__init__(text)
        self._do, self._undo, self._report = do, undo, report

    def _run(self, step: Callable[[], None]) -> None:
        try:
            step()
        except HerstelplanError as error:
            self._report(word(error.message))
            self.setObsolete(True)

    def redo(self) -> None:
        self._run(self._do)

    def undo(self) -> None:
        self._run(self._undo)


class MeasuresPanel(QWidget):
    """Charts and scores of one patient's measures; the buttons act on them."""

    def __init__(self, db: Database, patient_id: int, *, plan_id: int | None = None,
                 today: dt.date | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.patient_id, self.plan_id = db, patient_id, plan_id
        self.today = today or dt.date.today()
        self.setObjectName("measuresPanel")
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(lambda _index: self.refresh())
        self.charts: list[MeasureChart] = []
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(self.grid_host)
        self.table = QTableWidget(0, 4, objectName="scoreTable")
        self.table.setHorizontalHeaderLabels([_("Date"), _("Measure"), _("Score"), _("Which way is better")])
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, header.ResizeMode.Stretch if column == 1
                                        else header.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.status = QLabel(objectName="measuresStatus", wordWrap=True)
        self.record_button = QPushButton(_("Record measurement…"), objectName="recordButton")
        self.add_button = QPushButton(_("Add activity or measure…"), objectName="addMeasureButton")
        self.delete_button = QPushButton(_("Delete score"), objectName="deleteScoreButton")
        self.replace_button = QPushButton(_("Replace activity…"), objectName="replaceActivityButton")
        self.replace_button.setToolTip(_("The old activity's line ends here and the new one starts"))
        self.copy_button = QPushButton(_("Copy summary"), objectName="copySummaryButton")
        self.copy_button.setEnabled(plan_id is not None)
        self.copy_button.setToolTip(_("Plain text for the clinic's patient file"))
        self.record_button.clicked.connect(self.record_visit)
        self.add_button.clicked.connect(self.add_measure)
        self.delete_button.clicked.connect(self.delete_selected)
        self.replace_button.clicked.connect(self.replace_selected)
        self.copy_button.clicked.connect(self.copy_summary)
        for keys, slot in ((QKeySequence.StandardKey.Undo, self.undo_stack.undo),
                           (QKeySequence.StandardKey.Redo, self.undo_stack.redo)):
            QShortcut(keys, self, activated=slot)
        buttons = QHBoxLayout()
        for button in (self.record_button, self.add_button, self.delete_button, self.replace_button,
                       self.copy_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 3)
        layout.addWidget(self.table, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        self.refresh()

    # --- reading ----------------------------------------------------------------------------------

    def refresh(self) -> None:
        try:
            self.series = measures.list_measures(self.db, self.patient_id)
        except HerstelplanError as error:
            self.status.setText(word(error.message))
            return
        for chart in self.charts:
            chart.setParent(None)
            chart.deleteLater()
        order = list(Instrument)
        shown = sorted((m for m in self.series if m.scores or m.active),
                       key=lambda m: (order.index(m.instrument), m.position, m.id))
        self.charts = [MeasureChart(m, self.grid_host) for m in shown]
        for n, chart in enumerate(self.charts):
            self.grid.addWidget(chart, n // CHART_COLUMNS, n % CHART_COLUMNS)
        rows = sorted(((s, m) for m in self.series for s in m.scores), key=lambda p: (p[0].date, p[0].id))
        self.table.setRowCount(len(rows))
        self.score_ids = []
        self.score_measures: list[measures.MeasureView] = []
        for row, (score, measure) in enumerate(rows):
            cells = (score.date.isoformat(), measure_name(measure), f"{score.value:g}",
                     _(measure_report.DIRECTION[score.better]) if measure_report.DIRECTION[score.better] else "")
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
            self.score_ids.append(score.id)
            self.score_measures.append(measure)
        self.delete_button.setEnabled(bool(rows))

    def _follow_up(self) -> bool:
        return any(s for m in self.series if m.instrument is not Instrument.GPE for s in m.scores)

    # --- edits, each an undo command ---------------------------------------------------------------

    def _push(self, command: _Command) -> None:
        """Put an edit that already ran on the undo stack (its first redo does nothing)."""
        self.undo_stack.push(command)

    def record_visit(self) -> None:
        """One visit's scores in a form; saved in one transaction, undone as one edit."""
        active = tuple(m for m in self.series if m.active)
        if not active:
            self.status.setText(_("Add a measure first (for example NPRS or an activity)."))
            return
        form = VisitForm(active, today=self.today, follow_up=self._follow_up(), submit=self._save_visit,
                         parent=self)
        form.open()

    def _save_visit(self, date: dt.date, values: dict[int, float]) -> None:
        saved = measures.record_visit(self.db, self.patient_id, date, values, today=self.today)
        state: dict = {"scores": saved, "first": True}

        def do(state=state) -> None:
            if not state.pop("first", False):
                state["scores"] = measures.restore_scores(self.db, state["scores"])

        def undo(state=state) -> None:
            state["scores"] = measures.delete_scores(self.db, tuple(s.id for s in state["scores"]))

        self._push(_Command(_("Record measurement"), do, undo, self.status.setText))
        self.status.setText(_("%(n)d scores saved for %(date)s.") % {"n": len(saved), "date": date.isoformat()})

    def add_measure(self) -> None:
        MeasureForm(self._save_measure, self).open()

    def _save_measure(self, form: MeasureForm) -> None:
        line = form.line.value() or None
        created = measures.define_measure(
            self.db, self.patient_id, form.chosen(), label=form.label.text(), unit=form.unit.text(),
            better=form.better.currentData(), real_change=float(line) if line else None,
            started_on=self.today)
        state: dict = {"measure": created, "first": True}

        def do(state=state) -> None:
            if not state.pop("first", False):
                m = state["measure"]
                state["measure"] = measures.define_measure(
                    self.db, self.patient_id, m.instrument, label=m.label, unit=m.unit, better=m.better,
                    real_change=m.real_change, started_on=m.started_on)

        def undo(state=state) -> None:
            measures.delete_measure(self.db, state["measure"].id)

        self._push(_Command(_("Add measure"), do, undo, self.status.setText))

    def delete_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            self.status.setText(_("Select a score in the table first."))
            return
        try:
            state = {"score": measures.delete_score(self.db, self.score_ids[row]), "first": True}
        except HerstelplanError as error:
            self.status.setText(word(error.message))
            self.refresh()
            return

        def do(state=state) -> None:
            if not state.pop("first", False):
                state["score"] = measures.delete_score(self.db, state["score"].id)

        def undo(state=state) -> None:
            state["score"] = measures.restore_score(self.db, state["score"])

        self._push(_Command(_("Delete score"), do, undo, self.status.setText))

    def replace_selected(self) -> None:
        """Replace the PSK/PSFS activity of the selected score: its series ends, a new one starts."""
        row = self.table.currentRow()
        measure = self.score_measures[row] if 0 <= row < len(self.score_measures) else None
        if measure is None or measure.instrument not in (Instrument.PSK, Instrument.PSFS) or not measure.active:
            self.status.setText(_("Select a score of a current PSK or PSFS activity first."))
            return
        ask = QInputDialog(self, objectName="replaceActivityDialog")
        ask.setWindowTitle(_("Replace activity"))
        ask.setLabelText(_("The new activity, in the patient's words (replaces \"%(old)s\"):")
                         % {"old": measure.label})

        def chosen(text: str) -> None:
            try:
                measures.replace_activity(self.db, measure.id, text, on=self.today)
            except HerstelplanError as error:
                self.status.setText(word(error.message))
                return
            self.status.setText(_("From now on the patient scores \"%(new)s\".") % {"new": text.strip()})
            self.refresh()

        ask.textValueSelected.connect(chosen)
        ask.open()

    def copy_summary(self) -> None:
        if self.plan_id is None:
            return
        try:
            text = measure_report.plan_summary(self.db, self.plan_id, lang=current_language())
        except HerstelplanError as error:
            self.status.setText(word(error.message))
            return
        QGuiApplication.clipboard().setText(text)
        self.status.setText(_("The summary is on the clipboard: paste it into the patient file."))


class MeasuresDialog(QDialog):
    """The outcome measures of the open plan's patient."""

    def __init__(self, db: Database, patient_id: int, parent: QWidget | None = None, *,
                 plan_id: int | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.setObjectName("measuresDialog")
        self.setWindowTitle(_("Outcome measures"))
        self.resize(900, 720)
        self.panel = MeasuresPanel(db, patient_id, plan_id=plan_id, today=today, parent=self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(buttons)
