"""The plan's own fields above the cards: title, start date, the patient's goal, status and the
handout's language. A commit becomes an undo command through the document; one focus period of
typing (or of changing the date) is one undo step."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QGridLayout, QLabel, QWidget

from planner.domain.kinds import LANGUAGES
from planner.domain.model import PlanStatus, PlanView
from planner.i18n import _, language_label
from planner.ui.common.labels import status_name
from planner.ui.editor.commands import SetFieldCommand
from planner.ui.editor.fields import CommitLineEdit, ErrorLabel, new_token, set_invalid
from planner.ui.editor.plan_document import PlanDocument

NO_DATE = QDate(2000, 1, 1)


class DateField(QDateEdit):
    """A date with 'not set'; one focus period of changes is one undo step."""

    def __init__(self, parent: QWidget | None = None, **kwargs):
        super().__init__(parent, **kwargs)
        self.token = new_token()
        self.setCalendarPopup(True)
        self.setDisplayFormat("dd-MM-yyyy")
        self.setMinimumDate(NO_DATE)
        self.setMaximumDate(QDate(2100, 12, 31))
        self.setSpecialValueText(_("not set"))

    def focusOutEvent(self, event) -> None:  # noqa: N802
        super().focusOutEvent(event)
        self.token = new_token()

    def value(self) -> dt.date | None:
        return None if self.date() == NO_DATE else self.date().toPython()

    def set_value(self, value: dt.date | None) -> None:
        self.blockSignals(True)
        self.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)
        self.blockSignals(False)


class PlanHeader(QWidget):
    def __init__(self, doc: PlanDocument, parent: QWidget | None = None):
        super().__init__(parent)
        self.doc = doc
        self.patient_label = QLabel(objectName="planPatient")
        self.patient_label.setStyleSheet("font-size: 15pt; font-weight: 600; color: #1f2a30;")
        self.title = CommitLineEdit(objectName="planTitleField")
        self.title.setPlaceholderText(_("Title of the plan"))
        self.title_error = ErrorLabel(self)
        self.goal = CommitLineEdit(objectName="planGoalField")
        self.goal.setPlaceholderText(_("The patient's own goal, in their words"))
        self.start = DateField(objectName="planStartField")
        self.status = QComboBox(objectName="planStatusField")
        for status in PlanStatus:
            self.status.addItem(status_name(status), status.value)
        self.language = QComboBox(objectName="planLanguageField")
        for lang in LANGUAGES:
            self.language.addItem(language_label(lang), lang)
        self.language.setToolTip(_("The language of the patient's handout"))
        self.language.activated.connect(lambda _i: self.commit("language", self.language.currentData(), new_token()))
        self.title.committed.connect(self._title_committed)
        self.goal.committed.connect(lambda text, token: self.commit("goal", text, token))
        self.start.dateChanged.connect(lambda _d: self.commit("start_date", self.start.value(), self.start.token))
        self.status.activated.connect(lambda _i: self.commit("status", self.status.currentData(), new_token()))

        grid = QGridLayout(self)
        grid.setContentsMargins(14, 10, 14, 6)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.patient_label, 0, 0, 1, 4)
        for row, col, text, widget in ((1, 0, _("&Title"), self.title), (1, 2, _("&Starts"), self.start),
                                       (3, 0, _("&Goal"), self.goal), (3, 2, _("Stat&us"), self.status),
                                       (4, 2, _("&Handout in"), self.language)):
            label = QLabel(text)
            label.setBuddy(widget)
            grid.addWidget(label, row, col)
            grid.addWidget(widget, row, col + 1)
        grid.addWidget(self.title_error, 2, 1)
        grid.setColumnStretch(1, 1)
        for first, second in ((self.title, self.start), (self.start, self.goal), (self.goal, self.status),
                              (self.status, self.language)):
            QWidget.setTabOrder(first, second)

    def show_plan(self, plan: PlanView) -> None:
        who = plan.patient_name
        self.patient_label.setText(_("Plan for %(name)s") % {"name": who} if who else _("Template"))
        self.title.set_value(plan.title)
        self.goal.set_value(plan.goal)
        self.start.set_value(plan.start_date)
        self.status.setCurrentIndex(max(0, self.status.findData(plan.status.value)))
        self.language.setCurrentIndex(max(0, self.language.findData(plan.language)))

    def flush(self) -> None:
        self.title.flush()
        self.goal.flush()

    def _title_committed(self, text: str, token: int) -> None:
        if not text.strip():
            self.title_error.show_problem(_("A title is required; the plan keeps its old title until you type one."))
            set_invalid(self.title, True)
            return
        self.title_error.show_problem(None)
        set_invalid(self.title, False)
        self.commit("title", text, token)

    def commit(self, field: str, value: Any, token: int) -> None:
        plan = self.doc.plan
        if plan is None:
            return
        old = getattr(plan, field)
        if isinstance(old, PlanStatus):
            old = old.value
        if old != value:
            self.doc.push(SetFieldCommand(self.doc, ("plan", plan.id), field=field, old=old, new=value, token=token))
