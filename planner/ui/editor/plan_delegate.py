"""Paints the plan as cards: each phase a header with its number, weeks, minutes and warnings, its
items as rows with picture, kind colour and icon, title and dosage in words. The phase the patient
is in now (the roadmap's current phase) has a green number and a "now" badge."""

from __future__ import annotations

from PySide6 import QtWidgets
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from planner.i18n import _
from planner.ui.common.icons import icon, kind_badge, kind_colour
from planner.ui.common.labels import kind_name
from planner.ui.editor.plan_model import (
    CURRENT_ROLE,
    DOSAGE_ROLE,
    EMPTY_ROLE,
    INFO_ROLE,
    IS_PHASE_ROLE,
    KIND_ROLE,
    LAST_ROLE,
    NOTE_ROLE,
    NUMBER_ROLE,
    THUMB_SIZE,
    WARNINGS_ROLE,
)

_Index = QModelIndex | QPersistentModelIndex
MARGIN_X = 12
GAP = 14
HEADER = 54
EMPTY_EXTRA = 46
ROW = 66
BOTTOM = 10
BORDER = QColor("#cfd8dc")
HEADER_FILL = QColor("#eef3f5")
SELECTED_FILL = QColor("#dcebfb")
SELECTED_BORDER = QColor("#2f6fba")
TEXT = QColor("#1f2a30")
MUTED = QColor("#56636b")
WARN = QColor("#9a5b00")
NOW_FILL = QColor("#2e7d32")  # the "now" badge and number of the phase the patient is in


def now_text() -> str:
    return _("now")


def now_badge_rect(card: QRectF, metrics: QFontMetrics) -> QRectF:
    """Where the "now" badge sits on a phase card: top right, in line with the title."""
    width = metrics.horizontalAdvance(now_text()) + 20
    return QRectF(card.right() - 12 - width, card.top() + 9, width, metrics.height() + 6)


class PlanDelegate(QStyledItemDelegate):
    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:  # noqa: N802 - Qt's name
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        if index.data(IS_PHASE_ROLE):
            height = (GAP if index.row() else 6) + max(HEADER, line * 2 + 18)
            warnings = index.data(WARNINGS_ROLE) or []
            height += len(warnings) * (line + 2)
            if index.data(EMPTY_ROLE):
                height += EMPTY_EXTRA + BOTTOM
            return QSize(300, height)
        lines = 2 + bool(index.data(NOTE_ROLE)) + len(index.data(WARNINGS_ROLE) or [])
        height = max(ROW, line * lines + 4 * lines + 10)
        return QSize(300, height + (BOTTOM if index.data(LAST_ROLE) else 0))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        state = QtWidgets.QStyle.StateFlag  # the QStyle type is made on first use, not at start-up
        selected = bool(option.state & state.State_Selected)
        focused = bool(option.state & state.State_HasFocus)
        if index.data(IS_PHASE_ROLE):
            self._paint_phase(painter, option, index, selected)
        else:
            self._paint_item(painter, option, index, selected, focused)
        painter.restore()

    # -- phase header ---------------------------------------------------------------------------
    def _paint_phase(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index, selected: bool) -> None:
        top_gap = GAP if index.row() else 6
        empty = bool(index.data(EMPTY_ROLE))
        rect = QRectF(option.rect.adjusted(MARGIN_X, top_gap, -MARGIN_X, -(BOTTOM if empty else 0)))
        path = _rounded(rect, 8, top=True, bottom=empty)
        painter.setPen(QPen(SELECTED_BORDER if selected else BORDER, 2 if selected else 1))
        painter.setBrush(SELECTED_FILL if selected else HEADER_FILL)
        painter.drawPath(path)

        metrics = QFontMetrics(option.font)
        line = metrics.height()
        number = str(index.data(NUMBER_ROLE) or "")
        circle = QRectF(rect.left() + 12, rect.top() + 12, 28, 28)
        current = bool(index.data(CURRENT_ROLE))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(NOW_FILL if current else QColor("#37474f"))
        painter.drawEllipse(circle)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, number)

        left = int(circle.right()) + 12
        width = int(rect.right()) - left - 12
        title = QFont(option.font)
        title.setBold(True)
        title.setPointSizeF(option.font.pointSizeF() * 1.12)
        painter.setFont(title)
        painter.setPen(TEXT)
        title_metrics = QFontMetrics(title)
        name = index.data(Qt.ItemDataRole.DisplayRole) or ""
        title_width = width
        if current:
            badge = now_badge_rect(rect, metrics)
            title_width = max(0, int(badge.left()) - left - 8)
            self._paint_badge(painter, badge, bold)
            painter.setFont(title)
            painter.setPen(TEXT)
        painter.drawText(QRect(left, int(rect.top()) + 8, title_width, title_metrics.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         title_metrics.elidedText(name, Qt.TextElideMode.ElideRight, title_width))
        painter.setFont(option.font)
        painter.setPen(MUTED)
        y = int(rect.top()) + 10 + title_metrics.height()
        painter.drawText(QRect(left, y, width, line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(index.data(INFO_ROLE) or "", Qt.TextElideMode.ElideRight, width))
        y += line + 4
        warning_icon = icon("warning").pixmap(14, 14)
        for warning in index.data(WARNINGS_ROLE) or []:
            painter.drawPixmap(left, y + (line - 14) // 2, warning_icon)
            painter.setPen(WARN)
            painter.drawText(QRect(left + 18, y, width - 18, line),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(warning, Qt.TextElideMode.ElideRight, width - 18))
            y += line + 2
        if empty:
            drop = QRectF(rect.left() + 12, rect.bottom() - EMPTY_EXTRA + 2, rect.width() - 24, EMPTY_EXTRA - 12)
            pen = QPen(QColor("#90a4ae"), 1, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(QColor("#ffffff"))
            painter.drawRoundedRect(drop, 6, 6)
            painter.setPen(MUTED)
            painter.drawText(drop, Qt.AlignmentFlag.AlignCenter,
                             _("Drag blocks here, or select one in the library and press Enter"))

    @staticmethod
    def _paint_badge(painter: QPainter, badge: QRectF, font: QFont) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(NOW_FILL)
        painter.drawRoundedRect(badge, badge.height() / 2, badge.height() / 2)
        painter.setFont(font)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, now_text())

    # -- item row -------------------------------------------------------------------------------
    def _paint_item(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index, selected: bool,
                    focused: bool) -> None:
        last = bool(index.data(LAST_ROLE))
        rect = QRectF(option.rect.adjusted(MARGIN_X, 0, -MARGIN_X, -(BOTTOM if last else 0)))
        path = _rounded(rect, 8, top=False, bottom=last)
        painter.setPen(QPen(BORDER, 1))
        painter.setBrush(SELECTED_FILL if selected else QColor("#ffffff"))
        painter.drawPath(path)
        if not last:
            painter.setPen(QPen(QColor("#e6ecef"), 1))
            painter.drawLine(QPointF(rect.left() + 70, rect.bottom()), QPointF(rect.right() - 1, rect.bottom()))
        kind = index.data(KIND_ROLE) or "education"
        colour = kind_colour(kind)
        stripe = QRectF(rect.left() + 1, rect.top() + 1, 5 if selected else 4, rect.height() - (4 if last else 1))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRect(stripe)
        if selected and focused:
            painter.setPen(QPen(SELECTED_BORDER, 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(_rounded(rect.adjusted(1, 1, -1, -1), 7, top=False, bottom=last))

        thumb = index.data(Qt.ItemDataRole.DecorationRole)
        x = int(rect.left()) + 14
        y = int(rect.top()) + (int(rect.height()) - THUMB_SIZE) // 2
        if isinstance(thumb, QPixmap):
            painter.drawPixmap(x, y, thumb)
        left = x + THUMB_SIZE + 12
        width = int(rect.right()) - left - 12
        metrics = QFontMetrics(option.font)
        line = metrics.height()
        top = int(rect.top()) + 8
        badge = kind_badge(kind, 16, ratio=painter.device().devicePixelRatioF() if painter.device() else 1.0)
        painter.drawPixmap(left, top + (line - 16) // 2, badge)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(TEXT)
        bold_metrics = QFontMetrics(bold)
        kind_text = kind_name(kind)
        kind_width = metrics.horizontalAdvance(kind_text) + 12
        title_width = max(40, width - 22 - kind_width)
        title = index.data(Qt.ItemDataRole.DisplayRole) or ""
        painter.drawText(QRect(left + 22, top, title_width, line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         bold_metrics.elidedText(title, Qt.TextElideMode.ElideRight, title_width))
        painter.setFont(option.font)
        painter.setPen(colour.darker(115))
        painter.drawText(QRect(int(rect.right()) - kind_width - 10, top, kind_width, line),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, kind_text)
        painter.setPen(TEXT)
        dosage = index.data(DOSAGE_ROLE) or ""
        painter.drawText(QRect(left, top + line + 4, width, line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         metrics.elidedText(dosage, Qt.TextElideMode.ElideRight, width))
        y = top + 2 * line + 8
        note = index.data(NOTE_ROLE) or ""
        if note:
            italic = QFont(option.font)
            italic.setItalic(True)
            painter.setFont(italic)
            painter.setPen(MUTED)
            painter.drawText(QRect(left, y, width, line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             QFontMetrics(italic).elidedText("“" + note.splitlines()[0] + "”",
                                                             Qt.TextElideMode.ElideRight, width))
            painter.setFont(option.font)
            y += line + 4
        warning_icon = icon("warning").pixmap(14, 14)
        for warning in index.data(WARNINGS_ROLE) or []:
            painter.drawPixmap(left, y + (line - 14) // 2, warning_icon)
            painter.setPen(WARN)
            painter.drawText(QRect(left + 18, y, width - 18, line), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(warning, Qt.TextElideMode.ElideRight, width - 18))
            y += line + 4

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: _Index) -> QWidget:  # noqa: N802 - Qt's name
        editor = super().createEditor(parent, option, index)
        editor.setObjectName("phaseNameEditor")
        return editor

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem, index: _Index) -> None:  # noqa: N802 - Qt's name
        top_gap = GAP if index.row() else 6
        height = QFontMetrics(option.font).height() + 12
        editor.setGeometry(option.rect.left() + MARGIN_X + 52, option.rect.top() + top_gap + 6,
                           option.rect.width() - 2 * MARGIN_X - 64, height)


def _rounded(rect: QRectF, radius: float, *, top: bool, bottom: bool) -> QPainterPath:
    """A rectangle with rounded top and/or bottom corners (a card split over several rows)."""
    path = QPainterPath()
    r_top = radius if top else 0
    r_bottom = radius if bottom else 0
    path.moveTo(rect.left(), rect.top() + r_top)
    if r_top:
        path.arcTo(QRectF(rect.left(), rect.top(), 2 * r_top, 2 * r_top), 180, -90)
    path.lineTo(rect.right() - r_top, rect.top())
    if r_top:
        path.arcTo(QRectF(rect.right() - 2 * r_top, rect.top(), 2 * r_top, 2 * r_top), 90, -90)
    path.lineTo(rect.right(), rect.bottom() - r_bottom)
    if r_bottom:
        path.arcTo(QRectF(rect.right() - 2 * r_bottom, rect.bottom() - 2 * r_bottom, 2 * r_bottom, 2 * r_bottom), 0, -90)
    path.lineTo(rect.left() + r_bottom, rect.bottom())
    if r_bottom:
        path.arcTo(QRectF(rect.left(), rect.bottom() - 2 * r_bottom, 2 * r_bottom, 2 * r_bottom), 270, -90)
    path.closeSubpath()
    return path
