"""The tree view that shows the plan's cards: the delegate paints whole rows (no branch lines, no
style highlight outside the cards); Enter asks the inspector to take the focus."""

from __future__ import annotations

from PySide6 import QtWidgets
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem, QTreeView, QWidget

_Index = QModelIndex | QPersistentModelIndex


class PlanTree(QTreeView):
    edit_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("planTree")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(0)
        self.setItemsExpandable(False)
        self.setExpandsOnDoubleClick(False)
        self.setUniformRowHeights(False)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.DoubleClicked)
        self.setFrameShape(QTreeView.Shape.NoFrame)
        self.setStyleSheet("QTreeView#planTree { background: #f7f9fa; }")

    def drawRow(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:  # noqa: N802
        opt = QStyleOptionViewItem(option)
        opt.rect.setLeft(0)
        opt.rect.setRight(self.viewport().width())
        QStyle = QtWidgets.QStyle  # noqa: N806 - made on first use, not at start-up (~10 ms)
        opt.state &= ~QStyle.StateFlag.State_Selected
        opt.state &= ~QStyle.StateFlag.State_HasFocus
        if self.selectionModel() is not None and self.selectionModel().isSelected(index):
            opt.state |= QStyle.StateFlag.State_Selected
        if index == self.currentIndex() and self.hasFocus():
            opt.state |= QStyle.StateFlag.State_HasFocus
        self.itemDelegate().paint(painter, opt, index)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            self.edit_requested.emit()
            return
        super().keyPressEvent(event)
