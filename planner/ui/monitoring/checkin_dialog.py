"""Check-ins at the desk: the patient's paper diary typed in a whole week at a time.

The week grid is laid out like the printed diary page (see `planner.ui.monitoring.checkin_grid`). Under it
the week's questions: sessions done of planned, "Something new?" (the red flags: no, not asked, or
yes with which), and a note. Save week (Ctrl+S, or Enter on the button) stores one check-in per
filled day. A red flag shows as a red banner at the top that stays until the therapist has looked
(the review's outcome is no longer stop). The saved check-ins, delete and undo, and the review's
advice are below.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import HerstelplanError, ValidationError
from planner.domain.messages import msg, nmsg
from planner.domain.model import CheckInView, NextMorning
from planner.domain.monitoring import checkin_light
from planner.domain.review_words import flag_name
from planner.domain.thresholds import RedFlag
from planner.i18n import _, current_language, word
from planner.services import checkins, plans
from planner.services.database import Database
from planner.services.review import plan_review
from planner.ui.monitoring.chart import LIGHT_COLOURS, advice_html
from planner.ui.monitoring.checkin_grid import WeekGrid, morning_letter

BANNER_STYLE = "background: #b3261e; color: white; font-weight: bold; padding: 10px; font-size: 14pt;"


def morning_name(value: NextMorning) -> str:
    return {NextMorning.BETTER: _("Better"), NextMorning.SAME: _("Same"), NextMorning.WORSE: _("Worse"),
            NextMorning.UNKNOWN: _("Unknown")}[value]


def light_name(light) -> str:
    return {"green": _("green"), "amber": _("amber"), "red": _("red")}[light.value]


class CheckInDialog(QDialog):
    """Record a diary week of check-ins for one plan; `saved` is emitted with each new CheckInView."""

    saved = Signal(object)

    def __init__(self, db: Database, plan_id: int, parent: QWidget | None = None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.db, self.plan_id = db, plan_id
        self.today = today or dt.date.today()
        self._deleted: CheckInView | None = None
        self.setObjectName("checkInDialog")
        self.plan = plans.get_plan(db, plan_id)
        self.setWindowTitle(_("Check-ins: %(plan)s") % {"plan": self.plan.title})
        self.resize(980, 720)
        self._build()
        self._fill_weeks()
        self.refresh()

    # ---- layout ----------------------------------------------------------------------------------

    def _build(self) -> None:
        self.banner = QLabel(objectName="redFlagBanner", wordWrap=True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        self.week = QComboBox(objectName="weekCombo")
        self.week.currentIndexChanged.connect(self._show_week)
        week_label = QLabel(_("Diary &week"))
        week_label.setBuddy(self.week)
        self.grid = WeekGrid(exposure=self.plan.exposure is not None, parent=self)
        self.done_spin = QSpinBox(objectName="doneSpin", minimum=0, maximum=checkins.MAX_SESSIONS)
        self.planned = QSpinBox(objectName="plannedSpin", minimum=0, maximum=checkins.MAX_SESSIONS)
        self.confidence = QSpinBox(objectName="confidenceSpin", minimum=-1, maximum=10)
        self.confidence.setSpecialValueText("–")
        self.confidence.setToolTip(word(msg("Confidence in moving, {low} (very afraid) to {high} (fully "
                                            "confident); – = not asked", low=0, high=10)))
        self.flags_box = QGroupBox(_("Something new this week? (red flags)"), objectName="flagsBox")
        self.flag_no = QRadioButton(_("No"), objectName="flagNo")
        self.flag_not_asked = QRadioButton(_("Not asked"), objectName="flagNotAsked")
        self.flag_yes = QRadioButton(_("Yes:"), objectName="flagYes")
        self.flag_choice = QButtonGroup(self)
        for button in (self.flag_no, self.flag_not_asked, self.flag_yes):
            self.flag_choice.addButton(button)
        self.flag_not_asked.setChecked(True)
        self.flag_checks: dict[RedFlag, QCheckBox] = {}
        flags = QGridLayout(self.flags_box)
        flags.addWidget(self.flag_no, 0, 0)
        flags.addWidget(self.flag_not_asked, 0, 1)
        flags.addWidget(self.flag_yes, 0, 2)
        for n, flag in enumerate(RedFlag):
            box = QCheckBox(word(flag_name(flag)), objectName=f"flag_{flag.value}")
            box.toggled.connect(lambda on: on and self.flag_yes.setChecked(True))
            self.flag_checks[flag] = box
            flags.addWidget(box, 1 + n // 4, n % 4)
        self.note = QLineEdit(objectName="noteEdit", maxLength=checkins.MAX_NOTE)
        self.note.setPlaceholderText(_("What the patient wrote or said"))
        self.save_button = QPushButton(_("Save week (Ctrl+S)"), objectName="saveButton")
        self.save_button.clicked.connect(self.save_week)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save_week)
        sessions = QHBoxLayout()
        for text, widget in ((_("Sessions done this week"), self.done_spin), (_("of planned"), self.planned),
                             (word(msg("Confidence ({low}–{high})", low=0, high=10)), self.confidence)):
            label = QLabel(text)
            label.setBuddy(widget)
            sessions.addWidget(label)
            sessions.addWidget(widget)
        sessions.addWidget(QLabel(_("Note")))
        sessions.addWidget(self.note, 1)
        sessions.addWidget(self.save_button)
        self.error = QLabel(objectName="errorLabel", wordWrap=True)
        self.error.setStyleSheet("color: #b3261e")
        self.table = QTableWidget(0, 7, objectName="checkinTable")
        self.table.setHorizontalHeaderLabels([_("Date"), _("Pain"), _("Light"), _("Next morning"), _("Morning pain"),
                                              _("Red flags"), _("Note")])
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
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
        self.save_button.setDefault(True)
        QShortcut(QKeySequence.StandardKey.Undo, self, activated=self.undo_delete)
        top = QHBoxLayout()
        top.addWidget(week_label)
        top.addWidget(self.week, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(self.grid, 2)
        layout.addLayout(sessions)
        layout.addWidget(self.flags_box)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.advice)
        layout.addWidget(buttons)

    # ---- weeks -----------------------------------------------------------------------------------

    def _fill_weeks(self) -> None:
        """The plan's diary weeks from its start (or the last 8 weeks) up to the week of today."""
        start = self.plan.start_date or (self.today - dt.timedelta(weeks=8))
        self.week.blockSignals(True)
        self.week.clear()
        first, n = start, 1
        while first <= self.today:
            last = first + dt.timedelta(days=6)
            self.week.addItem(_("Week %(n)d: %(from)s – %(to)s") % {"n": n, "from": f"{first:%d-%m-%Y}",
                                                                      "to": f"{last:%d-%m-%Y}"}, first)
            first, n = first + dt.timedelta(weeks=1), n + 1
        self.week.setCurrentIndex(self.week.count() - 1)
        self.week.blockSignals(False)
        self._show_week()

    def _show_week(self) -> None:
        first = self.week.currentData()
        if first is None:
            return
        saved = {c.date: c for c in checkins.list_checkins(self.db, self.plan_id)}
        self.grid.show_week(first, start=self.plan.start_date, today=self.today, saved=saved)
        self.planned.setValue(checkins.planned_sessions(self.db, self.plan_id, on=first))
        self.done_spin.setValue(self.planned.value())
        self.flag_not_asked.setChecked(True)
        for box in self.flag_checks.values():
            box.setChecked(False)
        self.flag_not_asked.setChecked(True)
        self.note.clear()
        self.confidence.setValue(-1)
        self.grid.setFocus()

    def red_flags(self) -> list[str] | None:
        if self.flag_not_asked.isChecked():
            return None
        if self.flag_no.isChecked():
            return []
        return [flag.value for flag, box in self.flag_checks.items() if box.isChecked()]

    # ---- saving ----------------------------------------------------------------------------------

    def save_week(self) -> None:
        """Store one check-in per filled day; the week's sessions and answers go with the last day."""
        self.grid.setCurrentCell(self.grid.currentRow(), self.grid.currentColumn())  # commit an open editor
        try:
            entries = self.grid.entries()
        except ValueError as problem:
            message, row, column = problem.args
            self.error.setText(_("Not saved. Please correct:") + " " + message)
            self.grid.setCurrentCell(row, column)
            self.grid.setFocus()
            return
        flags = self.red_flags()
        if self.flag_yes.isChecked() and not flags:
            self.error.setText(_("Not saved: tick which red flag, or choose No."))
            return
        if not entries:
            self.error.setText(_("Not saved: type the pain during the exercises for at least one day."))
            self.grid.setFocus()
            return
        done = 0
        for n, entry in enumerate(entries):
            last = n == len(entries) - 1
            try:
                saved = checkins.record_checkin(
                    self.db, self.plan_id, date=entry.date, pain_during=entry.pain, next_morning=entry.morning,
                    morning_pain=entry.morning_pain, expected_harm=entry.harm, red_flags=flags,
                    sessions_done=self.done_spin.value() if last else 0,
                    sessions_planned=self.planned.value() if last else 0,
                    note=self.note.text() if last else "", today=self.today,
                    confidence=self.confidence.value() if last and self.confidence.value() >= 0 else None)
            except HerstelplanError as error:
                self._show_problem(error, entry.date)
                self.refresh()
                return
            done += 1
            self.saved.emit(saved)
        self.error.setText(word(nmsg("{n} check-in saved.", "{n} check-ins saved.", done)))
        self.refresh()
        self._show_week()

    def _show_problem(self, error: HerstelplanError, day: dt.date) -> None:
        if isinstance(error, ValidationError):
            text = " ".join(word(m) for m in error.problems.values())
        else:
            text = word(error.message)
        self.error.setText(_("Not saved (%(day)s): %(error)s") % {"day": f"{day:%d-%m-%Y}", "error": text})

    # ---- the list, the advice and the red-flag alert ---------------------------------------------

    def refresh(self) -> None:
        """Reload the saved check-ins (newest first), the review's advice and the red-flag banner."""
        rows = list(reversed(checkins.list_checkins(self.db, self.plan_id)))
        self.rows = rows
        self.table.setRowCount(len(rows))
        lang = current_language()
        for n, c in enumerate(rows):
            light = checkin_light(c)
            flags = "–" if c.red_flags is None else (", ".join(word(flag_name(RedFlag(f)), lang) for f in c.red_flags)
                                                     or _("no"))
            cells = [f"{c.date:%d-%m-%Y}", str(c.pain_during), light_name(light), morning_name(c.next_morning),
                     "–" if c.morning_pain is None else str(c.morning_pain), flags, c.note]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if column == 2:
                    cell.setForeground(QColor(LIGHT_COLOURS[light]))
                if column == 5 and c.red_flags:
                    cell.setForeground(QColor("#b3261e"))
                self.table.setItem(n, column, cell)
        self.table.resizeColumnsToContents()
        review = plan_review(self.db, self.plan_id, today=self.today).review
        self.advice.setText(advice_html(review, lang))
        if review.flags:
            self.banner.setText("⚠ " + " ".join(review.reasons(lang)[:1]))
            self.banner.show()
            self.setWindowTitle("⚠ " + _("Red flag") + " – " + _("Check-ins: %(plan)s") % {"plan": self.plan.title})
        else:
            self.banner.hide()
            self.setWindowTitle(_("Check-ins: %(plan)s") % {"plan": self.plan.title})

    def delete_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows):
            self.error.setText(_("Select a check-in in the list first."))
            return
        try:
            self._deleted = checkins.delete_checkin(self.db, self.rows[row].id)
        except HerstelplanError as error:
            self.error.setText(word(error.message))
            return
        self.undo_button.setEnabled(True)
        self.refresh()
        self._show_week()

    def undo_delete(self) -> None:
        if self._deleted is None:
            return
        try:
            checkins.restore_checkin(self.db, self._deleted)
        except HerstelplanError as error:
            self.error.setText(word(error.message))
            return
        self._deleted = None
        self.undo_button.setEnabled(False)
        self.refresh()
        self._show_week()


__all__ = ["CheckInDialog", "morning_letter", "morning_name"]
