"""The progress chart of a plan (pain, load, adherence over time, drawn with QPainter) and its window.

`ProgressChart` is a plain widget fed a ProgressSeries; `ChartDialog(db, plan_id, parent)` shows it
with the traffic light's advice and can save the printable progress summary as a PDF and store a
version of the plan on demand.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import HerstelplanError
from planner.domain.messages import msg
from planner.domain.monitoring import Light
from planner.domain.review import Review as Advice
from planner.domain.series import ProgressSeries
from planner.domain.thresholds import PAIN_SCALE_MAX
from planner.i18n import _, current_language, word
from planner.services import checkins, revisions
from planner.services.database import Database
from planner.ui.monitoring.measures_dialog import MeasuresPanel

LIGHT_COLOURS = {Light.GREEN: "#1b7f3b", Light.AMBER: "#b86e00", Light.RED: "#b3261e"}
LOAD_COLOUR = "#1f4e99"
BAR_COLOUR = "#555555"


def draw_marker(painter: QPainter, centre: QPointF, light: Light, size: float = 4.5) -> None:
    """Green circle, amber square, red triangle: the light also reads in black and white."""
    painter.setBrush(QColor(LIGHT_COLOURS[light]))
    painter.setPen(QPen(QColor(LIGHT_COLOURS[light]), 1))
    if light is Light.GREEN:
        painter.drawEllipse(centre, size, size)
    elif light is Light.AMBER:
        painter.drawRect(QRectF(centre.x() - size, centre.y() - size, 2 * size, 2 * size))
    else:
        painter.drawPolygon(QPolygonF([QPointF(centre.x() - size - 1, centre.y() + size),
                                       QPointF(centre.x() + size + 1, centre.y() + size),
                                       QPointF(centre.x(), centre.y() - size - 1)]))


class ProgressChart(QWidget):
    """Three panels on one time axis: pain during (0-10), load index (100 = start), done (%)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("progressChart")
        self.series: ProgressSeries | None = None
        self.setMinimumSize(420, 300)
        self.setAccessibleName(_("Progress chart"))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(720, 440)

    def set_series(self, series: ProgressSeries | None) -> None:
        self.series = series
        self.update()

    def point_counts(self) -> dict[str, int]:
        """How many points each panel shows (pain and adherence per check-in, load per phase)."""
        s = self.series
        if s is None:
            return {"pain": 0, "load": 0, "adherence": 0}
        return {"pain": len(s.pain), "load": len(s.load), "adherence": len(s.adherence)}

    def render_image(self, size: QSize | None = None) -> QImage:
        """The chart as an image (for tests, print or a screenshot)."""
        size = size or self.sizeHint()
        image = QImage(size, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        self.paint(painter, QRectF(0, 0, size.width(), size.height()))
        painter.end()
        return image

    def paintEvent(self, event) -> None:  # noqa: ARG002, N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("white"))
        self.paint(painter, QRectF(self.rect()))
        painter.end()

    # ---- drawing ---------------------------------------------------------------------------------

    def _x(self, date: dt.date, area: QRectF) -> float:
        s = self.series
        assert s is not None
        span = max((s.end - s.start).days, 1)
        return area.left() + area.width() * (date - s.start).days / span

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        """Draw the whole chart into `rect`."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setPointSizeF(max(font.pointSizeF() * 0.85, 7))
        painter.setFont(font)
        metrics = painter.fontMetrics()
        left, right, bottom_room = 44.0, 12.0, metrics.height() + 6
        title_room, gap = metrics.height() + 4, 8.0
        panel_h = (rect.height() - bottom_room - 3 * (title_room + gap)) / 3
        s = self.series
        titles = (word(msg("Pain during the exercises ({low}–{high})", low=0, high=PAIN_SCALE_MAX)),
                  word(msg("Load ({start} = where each exercise started)", start=100)),
                  _("Sessions done of planned (%)"))
        load_max = max([step.index for step in s.load] + [100.0]) * 1.15 if s else 120.0
        scales, ticks = (10.0, load_max, 150.0), ((0, 3, 5, 10), (100,), (0, 100))
        top = rect.top()
        for n, title in enumerate(titles):
            top += title_room
            painter.setPen(QColor("#222222"))
            painter.drawText(QPointF(rect.left() + left, top - 4), title)
            area = QRectF(rect.left() + left, top, rect.width() - left - right, panel_h)
            painter.setPen(QPen(QColor("#999999"), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(area)

            def y(value: float, area: QRectF = area, scale: float = scales[n]) -> float:
                return area.bottom() - area.height() * min(max(value, 0), scale) / scale

            for tick in ticks[n]:
                painter.setPen(QColor("#444444"))
                painter.drawText(QRectF(rect.left(), y(tick) - metrics.height() / 2, left - 6, metrics.height()),
                                 Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(tick))
                if 0 < tick < scales[n]:
                    painter.setPen(QPen(QColor("#aaaaaa"), 1, Qt.PenStyle.DashLine))
                    painter.drawLine(QPointF(area.left(), y(tick)), QPointF(area.right(), y(tick)))
            if s is None:
                pass
            elif n == 0:
                self._paint_pain(painter, area, y)
            elif n == 1:
                self._paint_load(painter, area, y)
            else:
                self._paint_adherence(painter, area, y)
            top = area.bottom() + gap
        if s is not None:
            painter.setPen(QColor("#444444"))
            base = rect.bottom() - 4
            painter.drawText(QPointF(rect.left() + left, base), f"{s.start:%d-%m-%Y}")
            end_text = f"{s.end:%d-%m-%Y}"
            painter.drawText(QPointF(rect.right() - right - metrics.horizontalAdvance(end_text), base), end_text)

    def _paint_pain(self, painter: QPainter, area: QRectF, y) -> None:
        s = self.series
        assert s is not None
        if not s.pain:
            painter.setPen(QColor("#666666"))
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, _("No check-ins yet"))
            return
        points = [QPointF(self._x(d, area), y(v)) for d, v in s.pain]
        painter.setPen(QPen(QColor("#222222"), 1.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for a, b in zip(points, points[1:], strict=False):
            painter.drawLine(a, b)
        for point, light in zip(points, s.lights, strict=True):
            draw_marker(painter, point, light)

    def _paint_load(self, painter: QPainter, area: QRectF, y) -> None:
        s = self.series
        assert s is not None
        path = QPainterPath()
        for n, step in enumerate(s.load):
            start, end = QPointF(self._x(step.start, area), y(step.index)), QPointF(self._x(step.end, area), y(step.index))
            if n == 0:
                path.moveTo(start)
            else:
                path.lineTo(start)
            path.lineTo(end)
        painter.setPen(QPen(QColor(LOAD_COLOUR), 2.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        metrics = painter.fontMetrics()
        painter.setPen(QColor("#333333"))
        for step in s.load:  # the phase names under their step, when they fit
            x0, x1 = self._x(step.start, area), self._x(step.end, area)
            name = metrics.elidedText(step.phase_name, Qt.TextElideMode.ElideRight, int(x1 - x0 - 6))
            if len(name) > 3:
                painter.drawText(QPointF(x0 + 3, y(step.index) + metrics.height() + 2), name)
        today = dt.date.today()
        if s.start <= today <= s.end:
            painter.setPen(QPen(QColor("#888888"), 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(self._x(today, area), area.top()), QPointF(self._x(today, area), area.bottom()))

    def _paint_adherence(self, painter: QPainter, area: QRectF, y) -> None:
        s = self.series
        assert s is not None
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(BAR_COLOUR))
        for date, pct in s.adherence:
            x = self._x(date, area)
            painter.drawRect(QRectF(x - 3, y(pct), 6, area.bottom() - y(pct)))


def advice_html(advice: Advice, lang: str) -> str:
    """The advice as rich text: a coloured dot with the headline, then the reasons."""
    from html import escape

    colour = LIGHT_COLOURS.get(advice.light, "#444444") if advice.light else "#444444"
    reasons = "".join(f"<li>{escape(r)}</li>" for r in advice.reasons(lang))
    return (f'<p style="font-size:large"><span style="color:{colour}">●</span> '
            f"<b>{escape(advice.headline(lang))}</b></p><ul>{reasons}</ul>")


class ChartDialog(QDialog):
    """The progress window of one plan: chart, advice, printable summary, save a version; a second tab
    holds the patient's outcome-measure charts (issue 16), so both are seen in one place."""

    snapshot_saved = Signal(int)  # revision id

    def __init__(self, db: Database, plan_id: int, parent: QWidget | None = None, *, today: dt.date | None = None):
        super().__init__(parent)
        self.db, self.plan_id, self.today = db, plan_id, today
        self.setObjectName("chartDialog")
        self.resize(780, 720)
        self.chart = ProgressChart(self)
        self.advice_label = QLabel(objectName="adviceLabel", wordWrap=True)
        self.advice_label.setTextFormat(Qt.TextFormat.RichText)
        self.status = QLabel(objectName="statusLabel", wordWrap=True)
        self.pdf_button = QPushButton(_("Save progress summary as PDF…"), objectName="pdfButton")
        self.snapshot_button = QPushButton(_("Save this version of the plan"), objectName="snapshotButton")
        self.snapshot_button.setToolTip(_("The next handout then shows what changed since now"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.snapshot_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.snapshot_button.clicked.connect(self.save_snapshot)
        self.tabs = QTabWidget(objectName="monitoringTabs")
        checkin_page = QWidget(objectName="checkinPage")
        page = QVBoxLayout(checkin_page)
        page.addWidget(self.chart, 3)
        page.addWidget(self.advice_label, 1)
        self.tabs.addTab(checkin_page, _("Check-ins"))
        self.measures: MeasuresPanel | None = None  # the patient's outcome measures, next to the check-ins
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.refresh()
        patient_id = self.overview.plan.patient_id if getattr(self, "overview", None) else None
        if patient_id is not None:
            self.measures = MeasuresPanel(db, patient_id, plan_id=plan_id, today=today, parent=self)
            self.tabs.addTab(self.measures, _("Outcome measures"))

    def refresh(self) -> None:
        """Read the plan, check-ins and advice again and redraw."""
        try:
            overview = checkins.progress_overview(self.db, self.plan_id, today=self.today)
        except HerstelplanError as error:
            self.status.setText(word(error.message))
            return
        self.overview = overview
        self.setWindowTitle(_("Progress: %(plan)s") % {"plan": overview.plan.title})
        self.chart.set_series(overview.series)
        self.advice_label.setText(advice_html(overview.advice, current_language()))

    def save_pdf(self) -> None:
        """Ask where, then write the short progress summary (in the UI language)."""
        path, _filter = QFileDialog.getSaveFileName(
            self, _("Save progress summary"), str(Path.home() / f"{self.overview.plan.title} - voortgang.pdf"),
            _("PDF files (*.pdf)"))
        if not path:
            return
        try:
            data = checkins.progress_summary_pdf(self.db, self.plan_id, lang=current_language(), today=self.today)
            Path(path).write_bytes(data)
        except (HerstelplanError, OSError) as error:
            QMessageBox.warning(self, _("Progress summary"),
                                _("The summary could not be saved: %(error)s") % {"error": word(error.message) if isinstance(error, HerstelplanError)
                                   else error.strerror or str(error)})
            return
        self.status.setText(_("Summary saved as %(path)s") % {"path": path})

    def save_snapshot(self) -> None:
        try:
            info = revisions.snapshot_plan(self.db, self.plan_id, reason="manual", today=self.today)
        except HerstelplanError as error:
            self.status.setText(word(error.message))
            return
        self.status.setText(_("Version saved: the next handout shows what changes from here."))
        self.snapshot_saved.emit(info.id)
