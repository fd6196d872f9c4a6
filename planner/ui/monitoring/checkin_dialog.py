"""Fast check-in entry at the desk: a patient's paper diary typed in row by row.

One row of fields (date, pain during, next morning, sessions done of planned, confidence, note);
Tab moves along the row, Enter saves it and starts the next row (the next day, the same planned
sessions). The saved check-ins and the traffic light's advice update as you type.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import HerstelplanError, ValidationError
from planner.domain.model import CheckInView, NextMorning
from planner.domain.monitoring import checkin_light
from planner.i18n import N_, _, current_language
from planner.services import checkins, plans, progression
from planner.services.database import Database
from planner.ui.monitoring.chart import LIGHT_COLOURS, advice_html

NOT_ENTERED = -1
FIELD_NAMES = {
    "date": N_("Date"), "pain_during": N_("Pain during"), "next_morning": N_("Next morning"),
    "sessions_done": N_("Done"), "sessions_planned": N_("Planned"), "confidence": N_("Confidence"), "note": N_("Note"),
}


def morning_name(value: NextMorning) -> str:
    return {NextMorning.BETTER: _("Better"), NextMorning.SAME: _("Same"), NextMorning.WORSE: _("Worse")}[value]


def light_name(light) -> str:  # noqa: ANN001
    return {"green": _("green"), "amber": _("amber"), "red": _("red")}[light.value]


class MorningKeys(QObject):
    """One key picks the next morning at once: the first letter of a choice, or + = -."""

    SYMBOLS = {"+": NextMorning.BETTER, "=": NextMorning.SAME, "-": NextMorning.WORSE}

    def eventFilter(self, combo: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and isinstance(combo, QComboBox) and event.text():
            key = event.text().lower()
            for index in range(combo.count()):
                value = NextMorning(combo.itemData(index))
                if key == self._letter(combo.itemText(index)) or self.SYMBOLS.get(key) is value:
                    combo.setCurrentIndex(index)
                    return True
        return False

    @staticmethod
    def _letter(text: str) -> str:
        return text[:1].lower()


class CheckInDialog(QDialog):
    """Record check-ins for one plan; `saved` is emitted with each new CheckInView."""

    saved = Signal(object)

    def __init__(self, db: Database, plan_id: int, parent: QWidget | None = None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.db, self.plan_id = db, plan_id
        self.today = today or dt.date.today()
        self._deleted: CheckInView | None = None
        self.setObjectName("checkInDialog")
        plan = plans.get_plan(db, plan_id)
        self.setWindowTitle(_("Check-ins: %(plan)s") % {"plan": plan.title})
        self.resize(860, 560)
        self._build()
        self.planned.setValue(checkins.planned_sessions(db, plan_id, on=self.today))
        self._reset_row(self.today)
        self.refresh()

    # ---- layout ----------------------------------------------------------------------------------

    def _build(self) -> None:
        self.date = QDateEdit(objectName="dateEdit", calendarPopup=True)
        self.date.setDisplayFormat("dd-MM-yyyy")
        self.date.setMaximumDate(QDate(self.today.year, self.today.month, self.today.day).addDays(1))
        self.pain = QSpinBox(objectName="painSpin", minimum=NOT_ENTERED, maximum=10)
        self.pain.setSpecialValueText("–")
        self.pain.setToolTip(_("Pain during the exercises, 0 (none) to 10: green 0–3, amber 4–5, red above 5"))
        self.morning = QComboBox(objectName="morningCombo")
        for value in NextMorning:
            self.morning.addItem(morning_name(value), value)
        self.morning.setToolTip(_("The next morning compared with usual: type b, s or w (or + = -)"))
        self._morning_keys = MorningKeys(self)
        self.morning.installEventFilter(self._morning_keys)
        self.done_spin = QSpinBox(objectName="doneSpin", minimum=0, maximum=checkins.MAX_SESSIONS)
        self.planned = QSpinBox(objectName="plannedSpin", minimum=0, maximum=checkins.MAX_SESSIONS)
        self.confidence = QSpinBox(objectName="confidenceSpin", minimum=NOT_ENTERED, maximum=10)
        self.confidence.setSpecialValueText("–")
        self.confidence.setToolTip(_("Confidence in moving, 0 (very afraid) to 10 (fully confident); – = not asked"))
        self.note = QLineEdit(objectName="noteEdit", maxLength=checkins.MAX_NOTE)
        self.note.setPlaceholderText(_("What the patient wrote or said"))
        self.save_button = QPushButton(_("Save and next (Enter)"), objectName="saveButton")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_row)
        row = QGridLayout()
        fields = [(_("Date"), self.date), (_("Pain during (0–10)"), self.pain), (_("Next morning"), self.morning),
                  (_("Done"), self.done_spin), (_("of planned"), self.planned), (_("Confidence (0–10)"), self.confidence),
                  (_("Note"), self.note)]
        for column, (text, widget) in enumerate(fields):
            label = QLabel(text)
            label.setBuddy(widget)
            row.addWidget(label, 0, column)
            row.addWidget(widget, 1, column)
        row.addWidget(self.save_button, 1, len(fields))
        row.setColumnStretch(len(fields) - 1, 1)
        self.error = QLabel(objectName="errorLabel", wordWrap=True)
        self.error.setStyleSheet("color: #b3261e")
        self.table = QTableWidget(0, 7, objectName="checkinTable")
        self.table.setHorizontalHeaderLabels([_("Date"), _("Pain"), _("Light"), _("Next morning"), _("Done"),
                                              _("Confidence"), _("Note")])
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.delete_button = QPushButton(_("Delete selected check-in"), objectName="deleteButton")
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button = QPushButton(_("Undo delete"), objectName="undoButton", enabled=False)
        self.undo_button.clicked.connect(self.undo_delete)
        self.advice = QLabel(objectName="adviceLabel", wordWrap=True)
        self.advice.setTextFormat(Qt.TextFormat.RichText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            button.setAutoDefault(False)
        self.save_button.setAutoDefault(True)
        QShortcut(QKeySequence.StandardKey.Undo, self, activated=self.undo_delete)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.advice)
        layout.addWidget(buttons)
        chain = [w for _t, w in fields] + [self.save_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # ---- behaviour -------------------------------------------------------------------------------

    def _reset_row(self, date: dt.date) -> None:
        self.date.setDate(QDate(date.year, date.month, date.day))
        self.pain.setValue(NOT_ENTERED)
        self.morning.setCurrentIndex(list(NextMorning).index(NextMorning.SAME))
        self.done_spin.setValue(self.planned.value())
        self.confidence.setValue(NOT_ENTERED)
        self.note.clear()
        self.date.setFocus()
        self.date.setSelectedSection(QDateEdit.Section.DaySection)

    def values(self) -> dict:
        """The row as the service's keyword arguments."""
        qdate = self.date.date()
        return {
            "date": dt.date(qdate.year(), qdate.month(), qdate.day()),
            "pain_during": self.pain.value() if self.pain.value() != NOT_ENTERED else None,
            "next_morning": self.morning.currentData(),
            "sessions_done": self.done_spin.value(),
            "sessions_planned": self.planned.value(),
            "confidence": None if self.confidence.value() == NOT_ENTERED else self.confidence.value(),
            "note": self.note.text(),
        }

    def save_row(self) -> None:
        """Save the row (Enter); on success the next row starts on the next day."""
        values = self.values()
        if values["pain_during"] is None:
            self._show_problem(ValidationError({"pain_during": "Enter the pain score (0 to 10)."}), self.pain)
            return
        try:
            saved = checkins.record_checkin(self.db, self.plan_id, today=self.today, **values)
        except HerstelplanError as error:
            self._show_problem(error)
            return
        self.error.clear()
        self.saved.emit(saved)
        self.refresh()
        self._reset_row(min(saved.date + dt.timedelta(days=1), self.today))

    def _show_problem(self, error: HerstelplanError, focus: QWidget | None = None) -> None:
        if isinstance(error, ValidationError):
            lines = [f"{_(FIELD_NAMES.get(name, name))}: {_(message)}" for name, message in error.problems.items()]
            self.error.setText(_("Not saved. Please correct:") + " " + " ".join(lines))
            focus = focus or {"date": self.date, "pain_during": self.pain, "next_morning": self.morning,
                              "sessions_done": self.done_spin, "sessions_planned": self.planned,
                              "confidence": self.confidence, "note": self.note}.get(next(iter(error.problems)))
        else:
            self.error.setText(_("Not saved: %(error)s") % {"error": str(error)})
        if focus is not None:
            focus.setFocus()

    def refresh(self) -> None:
        """Reload the saved check-ins (newest first) and the advice."""
        rows = list(reversed(checkins.list_checkins(self.db, self.plan_id)))
        self.rows = rows
        self.table.setRowCount(len(rows))
        for n, c in enumerate(rows):
            light = checkin_light(c)
            cells = [f"{c.date:%d-%m-%Y}", str(c.pain_during), light_name(light), morning_name(c.next_morning),
                     f"{c.sessions_done}/{c.sessions_planned}", "–" if c.confidence is None else str(c.confidence),
                     c.note]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 2:
                    cell.setForeground(QColor(LIGHT_COLOURS[light]))
                self.table.setItem(n, column, cell)
        self.table.resizeColumnsToContents()
        advice = progression.current_advice(self.db, self.plan_id, today=self.today)
        self.advice.setText(advice_html(advice, current_language()))

    def delete_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            self.error.setText(_("Select a check-in in the list first."))
            return
        try:
            self._deleted = checkins.delete_checkin(self.db, self.rows[row].id)
        except HerstelplanError as error:
            self._show_problem(error)
            return
        self.undo_button.setEnabled(True)
        self.refresh()

    def undo_delete(self) -> None:
        if self._deleted is None:
            return
        try:
            checkins.restore_checkin(self.db, self._deleted)
        except HerstelplanError as error:
            self._show_problem(error)
            return
        self._deleted = None
        self.undo_button.setEnabled(False)
        self.refresh()
