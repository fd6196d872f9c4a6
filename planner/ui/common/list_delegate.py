"""A two-line list row (title in bold, a grey subtitle, an icon on the left) for patients and plans."""

from __future__ import annotations

from PySide6 import QtWidgets
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem

SUBTITLE_ROLE = Qt.ItemDataRole.UserRole + 50

_Index = QModelIndex | QPersistentModelIndex


class TwoLineDelegate(QStyledItemDelegate):
    def __init__(self, parent=None, *, icon_size: int = 22):
        super().__init__(parent)
        self.icon_size = icon_size

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: ARG002, N802 - Qt's signature
        metrics = QFontMetrics(option.font)
        return QSize(200, metrics.height() * 2 + 12)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        text = option.text
        option.text = ""
        option.icon = QIcon()
        QStyle = QtWidgets.QStyle  # noqa: N806 - not at import: creating the QStyle type costs ~10 ms of start-up
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        rect = option.rect.adjusted(8, 5, -8, -5)
        decoration = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(decoration, QIcon | QPixmap):
            pix = decoration.pixmap(self.icon_size, self.icon_size) if isinstance(decoration, QIcon) else decoration
            y = rect.top() + (rect.height() - self.icon_size) // 2
            painter.drawPixmap(rect.left(), y, pix)
            rect.setLeft(rect.left() + self.icon_size + 8)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        group = QPalette.ColorGroup.Active if option.state & QStyle.StateFlag.State_Active else QPalette.ColorGroup.Inactive
        colour = option.palette.color(group, QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        bold = QFont(option.font)
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        painter.save()
        painter.setFont(bold)
        painter.setPen(colour)
        top = QRect(rect.left(), rect.top(), rect.width(), metrics.height())
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width()))
        subtitle = index.data(SUBTITLE_ROLE) or ""
        painter.setFont(option.font)
        if not selected:
            colour = option.palette.color(group, QPalette.ColorRole.PlaceholderText)
        painter.setPen(colour)
        plain = QFontMetrics(option.font)
        bottom = QRect(rect.left(), top.bottom() + 2, rect.width(), plain.height())
        painter.drawText(bottom, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         plain.elidedText(str(subtitle), Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()
