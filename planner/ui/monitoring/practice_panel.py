"""What waits for the therapist's tick "done in the practice", inside the review window (Ctrl+G).

The exposure ladder for the feared activity: its rungs with the patient's 0-100 ratings, the rung the
patient is on ("now"), whether its first time was practised in the practice, and the expected harm
the patient rated at this rung (recorded with the check-ins). Below it the balance rungs ahead that
need the practice first (eyes closed, a soft surface, walking backwards, one leg): the engine does
not climb to them before the tick. Space or a click on a tick box stores it at once; `changed`
tells the review window to review again.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
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
from planner.domain.practice import PracticeRung, practice_rungs
from planner.i18n import _
from planner.services import practice as practice_service
from planner.services.database import Database

RUNG_ROLE = Qt.ItemDataRole.UserRole + 1


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
        self.ladder_table = _table("ladderTable", [_("Rung"), _("Rating (0–100)"), _("Practised in the practice"),
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

    def _store(self, call: Any) -> None:
        try:
            change = call()
        except HerstelplanError as error:
            self.failed.emit(str(error))
            return
        self.changed.emit(change)

    def _ladder_ticked(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != self.TICK_COLUMN_LADDER or self.plan_id is None:
            return
        done = item.checkState() == Qt.CheckState.Checked
        rung = int(item.data(RUNG_ROLE))
        self._store(lambda: practice_service.tick_current_rung(self.db, self.plan_id, rung=rung, practised=done,
                                                               expected_version=self.version))

    def _balance_ticked(self, item: QTableWidgetItem) -> None:
        if self._loading or item.column() != self.TICK_COLUMN_BALANCE or self.plan_id is None:
            return
        done = item.checkState() == Qt.CheckState.Checked
        rung = self.rungs[int(item.data(RUNG_ROLE))]
        self._store(lambda: practice_service.tick_balance_item(
            self.db, rung.item_id, level=rung.level, done=done, today=self.today,
            expected_version=self.version).change)
