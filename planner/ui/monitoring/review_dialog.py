"""Review the plan (Ctrl+G): the advice from the check-ins and the roadmap's proposal (move on to the
next planned phase, stay, or step back), item by item now → proposed. Accept applies it as one
edit of the plan that Ctrl+Z undoes (`AcceptReviewCommand`). "Insert a phase instead…" opens the
older dialog that inserts a phase, for when the therapist asks for one. The practice panel shows the
exposure ladder and the balance rungs that wait for the therapist's tick "done in the practice".
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import HerstelplanError
from planner.domain.schedule import current_index
from planner.i18n import N_, _, current_language, word
from planner.services import review as review_service
from planner.services.database import Database
from planner.ui.editor.plan_document import CommandFailed, PlanDocument
from planner.ui.monitoring.chart import advice_html
from planner.ui.monitoring.checkin_dialog import BANNER_STYLE
from planner.ui.monitoring.practice_panel import PracticePanel
from planner.ui.monitoring.progress_dialog import dosage_text

ACTION_NAMES = {"move-on": N_("Move on to the next phase"), "stay": N_("Stay in this phase"),
                "step-back": N_("Step back"), "none": N_("Nothing to change")}


class AcceptReviewCommand(QUndoCommand):
    """An accepted review: undo puts the plan's review state back, redo applies it again. The
    first redo does nothing; the dialog has already applied it."""

    def __init__(self, doc: PlanDocument, plan_id: int, before: dict[str, Any], after: dict[str, Any], text: str):
        super().__init__(text)
        self.doc, self.plan_id, self.before, self.after, self.first = doc, plan_id, before, after, True

    def redo(self) -> None:
        if self.first:
            self.first = False
            return
        try:
            self.doc.call(review_service.restore_review_state, self.plan_id, self.after)
        except CommandFailed:
            self.setObsolete(True)

    def undo(self) -> None:
        try:
            self.doc.call(review_service.restore_review_state, self.plan_id, self.before)
        except CommandFailed:
            self.setObsolete(True)


class ReviewDialog(QDialog):
    """The review and its proposal for one plan; `accepted_review` carries the Accepted result."""

    accepted_review = Signal(object)
    insert_phase = Signal()
    changed = Signal(object)  # a tick "done in the practice" was stored (PlanChanged)
    ticked = Signal(object)  # ... as a TickEdit, for the plan's undo stack

    def __init__(self, db: Database, plan_id: int, parent: QWidget | None = None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.db, self.plan_id, self.today = db, plan_id, today or dt.date.today()
        self.lang = current_language()
        self.setObjectName("reviewDialog")
        self.resize(900, 600)
        self.where = QLabel(objectName="whereLabel", wordWrap=True)
        self.banner = QLabel(objectName="redFlagBanner", wordWrap=True)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.seen_button = QPushButton(_("Red flag seen by the therapist"), objectName="redFlagSeenButton")
        self.seen_button.setToolTip(_("You have dealt with these red flags: from now on only newer ones stop the plan."))
        self.seen_button.clicked.connect(self._flags_seen)
        self.advice = QLabel(objectName="adviceLabel", wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.summary = QLabel(objectName="summaryLabel", wordWrap=True)
        self.exposure = QLabel(objectName="exposureLabel", wordWrap=True)
        self.practice = PracticePanel(db, self)
        self.practice.changed.connect(self._ticked)
        self.practice.ticked.connect(self.ticked)
        self.practice.failed.connect(self._tick_failed)
        self.table = QTableWidget(0, 3, objectName="itemTable")
        self.table.setHorizontalHeaderLabels([_("Exercise"), _("Now"), _("Proposed")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.error = QLabel(objectName="errorLabel", wordWrap=True)
        self.error.setStyleSheet("color: #b3261e")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.accept_button = buttons.addButton(_("Accept"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_button.setObjectName("acceptButton")
        self.insert_button = QPushButton(_("Insert a phase instead…"), objectName="insertButton")
        buttons.addButton(self.insert_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        self.insert_button.clicked.connect(self._insert)
        layout = QVBoxLayout(self)
        for widget in (self.where, self.banner, self.seen_button, self.advice, self.summary, self.exposure,
                       self.practice):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.load()

    def load(self) -> None:
        try:
            self.result = review_service.plan_review(self.db, self.plan_id, today=self.today)
        except HerstelplanError as error:
            self.error.setText(word(error.message))
            self.accept_button.setEnabled(False)
            return
        r, proposal = self.result.review, self.result.proposal
        self.setWindowTitle(_("Review: %(plan)s") % {"plan": self.result.plan.title})
        plan = self.result.plan
        if plan.phases:
            index = current_index(plan, self.today)
            self.where.setText(_("Now in phase %(n)d of %(total)d: %(name)s")
                               % {"n": index + 1, "total": len(plan.phases), "name": plan.phases[index].name})
        self.banner.setVisible(bool(r.flags))
        self.banner.setText("⚠ " + (r.reasons(self.lang)[0] if r.flags else ""))
        self.seen_button.setVisible(bool(r.flags))
        self.advice.setText(advice_html(r, self.lang))
        self.summary.setText(f"<b>{_(ACTION_NAMES[proposal.action.value])}</b>: {proposal.summary(self.lang)}")
        self.exposure.setVisible(self.result.exposure is not None)
        if self.result.exposure is not None:
            self.exposure.setText(self.result.exposure.reason(self.lang))
        self.practice.show_review(self.result, self.lang)
        self.table.setRowCount(len(proposal.items))
        for row, change in enumerate(proposal.items):
            cells = [change.block.title(self.lang), dosage_text(change.block, change.before, self.lang),
                     dosage_text(change.block, change.after, self.lang)]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        changes = proposal.entry is not None or bool(proposal.items) or (
            self.result.exposure is not None and self.result.exposure.move_on)
        self.accept_button.setEnabled(changes)

    def apply(self) -> None:
        try:
            done = review_service.accept_review(self.db, self.plan_id, today=self.today,
                                                expected_version=self.result.plan.version)
        except HerstelplanError as error:
            self.error.setText(word(error.message))
            self.load()
            return
        self.accepted_review.emit(done)
        self.accept()

    def _ticked(self, change: Any) -> None:
        """A tick changes what the engine may propose: review again."""
        self.error.setText("")
        self.changed.emit(change)
        self.load()

    def _tick_failed(self, message: str) -> None:
        self.error.setText(message)
        self.load()

    def _flags_seen(self) -> None:
        """The therapist dealt with the red flags reported so far: review again without them."""
        try:
            review_service.clear_red_flags(self.db, self.plan_id, today=self.today,
                                           expected_version=self.result.plan.version)
        except HerstelplanError as error:
            self.error.setText(word(error.message))
        self.load()

    def _insert(self) -> None:
        self.insert_phase.emit()
        self.reject()
