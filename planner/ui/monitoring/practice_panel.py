"""What waits for the therapist's tick "done in the practice", inside the review window (Ctrl+G).

The exposure ladder for the feared activity: its rungs with the patient's 0-100 ratings, the rung the
patient is on ("now"), whether its first time was practised in the practice, and the expected harm
the patient rated at this rung (recorded with the check-ins). Below it the balance rungs ahead that
need the practice first (eyes closed, a soft surface, walking backwards, one leg): the engine does
not climb to them before the tick. Space or a click on a tick box stores it at once; `changed`
tells the review window to review again, and `ticked` lets the main window put it on the plan's undo
stack (`TickCommand`: Ctrl+Z takes the tick back).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import HerstelplanError
from planner.domain.messages import msg
from planner.domain.practice import PracticeRung, practice_rungs
from planner.domain.thresholds import EXPOSURE_SCALE_MAX
from planner.i18n import _, word
from planner.services import review as review_service
from planner.services.changes import PlanChanged
from planner.services.database import Database
from planner.ui.editor.plan_document import CommandFailed, PlanDocument

RUNG_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class TickEdit:
    """One tick as stored: an exposure rung (`rung`) or a balance rung (`block_key`, `level`)."""

    plan_id: int
    done: bool
    text: str
    rung: int | None = None
    block_key: str | None = None
    level: int | None = None

    def store(self, db: Database, *, done: bool, expected_version: int | None = None) -> PlanChanged:
        if self.rung is not None:
            return review_service.tick_rung(db, self.plan_id, self.rung, practised=done,
                                            expected_version=expected_version)
        return review_service.tick_practice(db, self.plan_id, str(self.block_key), int(self.level or 0), done=done,
                                            expected_version=expected_version)


class TickCommand(QUndoCommand):
    """A tick on the plan's undo stack: undo takes it back, redo sets it again (the first redo does
    nothing; the panel has already stored it)."""

    def __init__(self, doc: PlanDocument, edit: TickEdit):
        super().__init__(edit.text)
        self.doc, self.edit, self.first = doc, edit, True

    def _store(self, done: bool) -> None:
        try:
            self.doc.call(lambda db, expected_version=None: self.edit.store(db, done=done,
                                                                             expected_version=expected_version))
        except CommandFailed:
            self.setObsolete(True)

    def redo(self) -> None:
        if self.first:
            self.first = False
            return
        self._store(self.edit.done)

    def undo(self) -> None:
        self._store(not self.edit.done)


def _table(name: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), objectName=name)
    table.setHorizontalHeaderLabels(headers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setMaximumHeight(150)
    return table


def _tick(checked: bool) -> QTableWidgetItem:
    item = QTableWidgetItem(_("done") if checked else "")
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


def _cell(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item


class PracticePanel(QWidget):
    """The exposure ladder and the balance rungs that wait for the practice; ticks are stored at once."""

    changed = Signal(object)  # PlanChanged
    ticked = Signal(object)  # the TickEdit just stored (the window puts it on the undo stack)
    failed = Signal(str)

    TICK_COLUMN_LADDER = 2
    TICK_COLUMN_BALANCE = 2

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.plan_id: int | None = None
        self.version: int | None = None
        self.today: Any = None
        self.rungs: tuple[PracticeRung, ...] = ()
        self._loading = False
        self.ladder_box = QGroupBox(objectName="ladderBox")
        self.ladder_table = _table("ladderTable", [_("Rung"), word(msg("Rating ({low}–{high})", low=0, high=EXPOSURE_SCALE_MAX)), _("Practised in the practice"),
                                                   _("Where")])
        self.harm = QLabel(objectName="harmLabel", wordWrap=True)
        ladder_layout = QVBoxLayout(self.ladder_box)
        ladder_layout.addWidget(self.ladder_table)
        ladder_layout.addWidget(self.harm)
        self.balance_box = QGroupBox(_("Balance rungs that need the practice first"), objectName="balanceBox")
        self.balance_table = _table("balanceTable", [_("Exercise"), _("Rung"), _("Done safely in the practice")])
        balance_layout = QVBoxLayout(self.balance_box)
        balance_layout.addWidget(QLabel(_("The plan climbs to these rungs only after your tick."), wordWrap=True))
        balance_layout.addWidget(self.balance_table)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.ladder_box)
        layout.addWidget(self.balance_box)
        self.ladder_table.itemChanged.connect(self._ladder_ticked)
        self.balance_table.itemChanged.connect(self._balance_ticked)

    def show_review(self, result: Any, lang: str) -> None:
        """Fill both lists from a `services.review.PlanReview`."""
        self._loading = True
        try:
            plan = result.plan
            self.plan_id, self.version, self.today = plan.id, plan.version, result.today
            self._fill_ladder(result, lang)
            self.rungs = practice_rungs(plan, result.today)
            self._fill_balance(lang)
        finally:
            self._loading = False
        self.setVisible(not self.ladder_box.isHidden() or not self.balance_box.isHidden())

    def _fill_ladder(self, result: Any, lang: str) -> None:
        ladder = result.plan.exposure
        self.ladder_box.setVisible(ladder is not None and bool(ladder.rungs))
        if ladder is None:
            self.ladder_table.setRowCount(0)
            return
        self.ladder_box.setTitle(_("Graded exposure: %(activity)s (rated %(rating)d)")
                                 % {"activity": ladder.activity, "rating": ladder.activity_rating})
        self.ladder_table.setRowCount(len(ladder.rungs))
        for row, rung in enumerate(ladder.rungs):
            self.ladder_table.setItem(row, 0, _cell(rung.name))
            self.ladder_table.setItem(row, 1, _cell(str(rung.rating)))
            tick = _tick(rung.practised)
            tick.setData(RUNG_ROLE, row)
            self.ladder_table.setItem(row, self.TICK_COLUMN_LADDER, tick)
            self.ladder_table.setItem(row, 3, _cell(_("◀ now") if row == ladder.current else ""))
        self.ladder_table.setCurrentCell(ladder.current, self.TICK_COLUMN_LADDER)
        status = result.exposure
        if status is None:
            self.harm.setText("")
            return
        shown = {"first": "–" if status.first is None else status.first,
                 "latest": "–" if status.latest is None else status.latest}
        self.harm.setText(_("Expected harm at this rung (from the check-ins): first %(first)s, now %(latest)s.")
                          % shown + " " + status.reason(lang))

    def _fill_balance(self, lang: str) -> None:
        self.balance_box.setVisible(bool(self.rungs))
        self.balance_table.setRowCount(len(self.rungs))
        for row, rung in enumerate(self.rungs):
            self.balance_table.setItem(row, 0, _cell(rung.block.title(lang)))
            self.balance_table.setItem(row, 1, _cell(_("%(n)d. %(rung)s") % {"n": rung.level + 1,
                                                                          "rung": rung.label(lang)}))
            tick = _tick(rung.ticked)
            tick.setData(RUNG_ROLE, row)
            self.balance_table.setItem(row, self.TICK_COLUMN_BALANCE, tick)
        if self.rungs:
            self.balance_table.setCurrentCell(0, self.TICK_COLUMN_BALANCE)

    def _store(self, edit: TickEdit) -> None:
        try:
            change = edit.store(self.db, done=edit.done, expected_version=self.version)
        except HerstelplanError as error:
            self.failed.emit(word(error.message))
            return
        self.ticked.emit(edit)
        self.changed.emit(change)

    def _ladder_ticked(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != self.TICK_COLUMN_LADDER or self.plan_id is None:
            return
        done = item.checkState() == Qt.CheckState.Checked
        rung = int(item.data(RUNG_ROLE))
        self._store(TickEdit(self.plan_id, done, _("Practised in the practice"), rung=rung))

    def _balance_ticked(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != self.TICK_COLUMN_BALANCE or self.plan_id is None:
            return
        done = item.checkState() == Qt.CheckState.Checked
        rung = self.rungs[int(item.data(RUNG_ROLE))]
        self._store(TickEdit(self.plan_id, done, _("Done safely in the practice"), block_key=rung.block.key,
                             level=rung.level))
