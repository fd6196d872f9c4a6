"""A chart of one outcome measure over time, drawn with QPainter.

Points joined by a line, the instrument's scale on the y axis with "lower is better" or "higher is
better" beside it, and the line for a real change as a shaded band around the first score (labelled
"borrowed" for the PSK; none for the GPE). Hovering a point shows its value and date.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PySide6.QtWidgets import QToolTip, QWidget

from planner.domain.measures import SPECS, Better, GpeAnswer, Instrument, real_change_band
from planner.i18n import _
from planner.services.measure_report import DIRECTION, GPE_WORDS
from planner.services.measures import MeasureView

LINE_COLOUR = "#1f4e99"
BAND_COLOUR = QColor(31, 78, 153, 40)
HOVER_RADIUS = 8.0
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 44.0, 16.0, 34.0, 28.0


def measure_name(m: MeasureView) -> str:
    """A measure's short name, the same in the chart and the score table."""
    if m.instrument is Instrument.CUSTOM:
        return f"{m.label} ({m.unit})" if m.unit else m.label
    if m.instrument in (Instrument.PSK, Instrument.PSFS):
        return f"{m.instrument.value.upper()}: {m.label}"
    return m.instrument.value.upper()


class MeasureChart(QWidget):
    """One series: points, the band of no real change, and hover tooltips."""

    def __init__(self, measure: MeasureView, parent: QWidget | None = None):
        super().__init__(parent)
        self.measure = measure
        self.setObjectName(f"measureChart{measure.id}")
        self.setMinimumSize(320, 170)
        self.setMouseTracking(True)
        self.setAccessibleName(self.title())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(420, 200)

    # --- what is drawn, in widget coordinates (tests read these) ---------------------------------

    def title(self) -> str:
        direction = DIRECTION[self.measure.better]
        name = measure_name(self.measure)
        return f"{name} — {_(direction)}" if direction else name

    def band_caption(self) -> str:
        m = self.measure
        if m.real_change is None or m.better is Better.NONE:
            return ""
        caption = _("Line for a real change: %(line)s") % {"line": f"{m.real_change:g}"}
        return caption + " (" + _("borrowed") + ")" if m.borrowed else caption

    def _range(self) -> tuple[float, float]:
        spec = SPECS.get(self.measure.instrument)
        if spec is not None:
            return spec.low, spec.high
        values = [s.value for s in self.measure.scores] or [0.0]
        line = self.measure.real_change or 0.0
        low, high = min(values) - line, max(values) + line
        if high - low < 1e-9:
            low, high = low - 1, high + 1
        return low, high

    def _plot_area(self, rect: QRectF) -> QRectF:
        return rect.adjusted(MARGIN_LEFT, MARGIN_TOP, -MARGIN_RIGHT, -MARGIN_BOTTOM)

    def _dates(self) -> tuple[dt.date, dt.date]:
        dates = [s.date for s in self.measure.scores] or [self.measure.started_on]
        first, last = min(dates), max(dates)
        return first, max(last, first + dt.timedelta(days=1))

    def _x(self, date: dt.date, area: QRectF) -> float:
        first, last = self._dates()
        return area.left() + area.width() * (date - first).days / (last - first).days

    def _y(self, value: float, area: QRectF) -> float:
        low, high = self._range()
        clamped = min(max(value, low), high)
        return area.bottom() - area.height() * (clamped - low) / (high - low)

    def point_positions(self, rect: QRectF | None = None) -> list[QPointF]:
        area = self._plot_area(rect or QRectF(self.rect()))
        if len(self.measure.scores) == 1:
            only = self.measure.scores[0]
            return [QPointF(area.center().x(), self._y(only.value, area))]
        return [QPointF(self._x(s.date, area), self._y(s.value, area)) for s in self.measure.scores]

    def band_rect(self, rect: QRectF | None = None) -> QRectF | None:
        """The band around the first score within which a change is not yet a real one."""
        if not self.measure.scores:
            return None
        band = real_change_band(self.measure.scores[0].value, self.measure.better, self.measure.real_change)
        if band is None:
            return None
        area = self._plot_area(rect or QRectF(self.rect()))
        top, bottom = self._y(band[1], area), self._y(band[0], area)
        return QRectF(area.left(), top, area.width(), bottom - top)

    def tooltip_at(self, pos: QPointF) -> str:
        for point, score in zip(self.point_positions(), self.measure.scores, strict=True):
            if (point - pos).manhattanLength() <= HOVER_RADIUS * 1.5:
                value = f"{score.value:g}"
                if self.measure.instrument is Instrument.GPE:
                    value = f"{value} ({_(GPE_WORDS[GpeAnswer.from_code(int(score.value))])})"
                return f"{score.date.isoformat()}: {value}"
        return ""

    # --- painting -------------------------------------------------------------------------------

    def render_image(self, size: QSize | None = None) -> QImage:
        size = size or self.size()
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        try:
            self.paint(painter, QRectF(0, 0, size.width(), size.height()))
        finally:
            painter.end()
        return image

    def paintEvent(self, event) -> None:  # noqa: ARG002, N802 - Qt's name
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), Qt.GlobalColor.white)
            self.paint(painter, QRectF(self.rect()))
        finally:
            painter.end()

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = self._plot_area(rect)
        font = QFont(painter.font())
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor("#222222"))
        painter.drawText(QRectF(rect.left() + 6, rect.top() + 4, rect.width() - 12, 18),
                         Qt.AlignmentFlag.AlignLeft, self.title())
        font.setBold(False)
        painter.setFont(font)
        band = self.band_rect(rect)
        if band is not None:
            painter.fillRect(band, BAND_COLOUR)
            painter.drawText(QRectF(area.left() + 4, area.top() - 16, area.width(), 14),
                             Qt.AlignmentFlag.AlignRight, self.band_caption())
        painter.setPen(QPen(QColor("#888888"), 1))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
        painter.drawLine(area.bottomLeft(), area.topLeft())
        low, high = self._range()
        for value in (low, high):
            painter.drawText(QRectF(rect.left(), self._y(value, area) - 8, MARGIN_LEFT - 6, 16),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{value:g}")
            if self.measure.instrument is Instrument.GPE:  # name the ends of the 7 answers
                words = _(GPE_WORDS[GpeAnswer.from_code(int(value))])
                painter.drawText(QRectF(area.left() + 4, self._y(value, area) - (14 if value == low else 0),
                                        area.width(), 14), Qt.AlignmentFlag.AlignLeft, words)
        points = self.point_positions(rect)
        if not points:
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, _("Not measured yet"))
            return
        first, last = self._dates()
        painter.drawText(QRectF(area.left(), area.bottom() + 4, 120, 16), Qt.AlignmentFlag.AlignLeft,
                         self.measure.scores[0].date.isoformat())
        if len(points) > 1:
            painter.drawText(QRectF(area.right() - 120, area.bottom() + 4, 120, 16), Qt.AlignmentFlag.AlignRight,
                             last.isoformat())
        painter.setPen(QPen(QColor(LINE_COLOUR), 2))
        for a, b in zip(points, points[1:], strict=False):
            painter.drawLine(a, b)
        painter.setBrush(QColor(LINE_COLOUR))
        for point in points:
            painter.drawEllipse(point, 4.0, 4.0)

    def mouseMoveEvent(self, event) -> None:  # noqa: N802 - Qt's name
        text = self.tooltip_at(event.position())
        if text:
            QToolTip.showText(event.globalPosition().toPoint(), text, self)
        else:
            QToolTip.hideText()
        super().mouseMoveEvent(event)
