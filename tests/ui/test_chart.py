"""The progress chart: draws pain, load and adherence; the window saves a summary PDF and a version."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog

from planner.domain.model import ProgressionMode
from planner.domain.monitoring import Light
from planner.domain.wizard import WizardRequest
from planner.services import checkins, patients, revisions, wizard
from planner.ui.monitoring.chart import LIGHT_COLOURS, LOAD_COLOUR, ChartDialog, ProgressChart

TODAY = dt.date(2026, 3, 16)


@pytest.fixture
def plan(db):
    patient = patients.create_patient(db, name="Els Bakker", language="nl")
    created = wizard.create_plan_with_wizard(db, patient.id, WizardRequest(title="Rug", region="lower-back",
                                                                           weeks=6, phases=3,
                                                                           mode=ProgressionMode.PAIN),
                                             start_date=TODAY - dt.timedelta(days=20))
    for days_ago, pain, morning in ((18, 2, "same"), (11, 4, "same"), (4, 7, "worse")):
        checkins.record_checkin(db, created.id, date=TODAY - dt.timedelta(days=days_ago), pain_during=pain,
                                next_morning=morning, sessions_done=5, sessions_planned=7, today=TODAY)
    return created


def test_chart_renders_with_a_point_per_check_in_and_a_step_per_phase(qtbot, db, plan, english):
    """Three check-ins, three phases: the counts match and the red flare-up is drawn in red."""
    dialog = ChartDialog(db, plan.id, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.chart.point_counts() == {"pain": 3, "load": 3, "adherence": 3}
    image = dialog.chart.render_image(QSize(600, 400))
    colours = {image.pixelColor(x, y).name() for x in range(0, 600, 2) for y in range(0, 400, 2)}
    assert {QColor(LIGHT_COLOURS[light]).name() for light in (Light.GREEN, Light.AMBER, Light.RED)} <= colours
    assert "Advice: step back" in dialog.advice_label.text()
    grabbed = dialog.chart.grab()
    assert not grabbed.isNull()


def test_an_empty_chart_draws_without_data(qtbot):
    """No series yet: the widget paints its three panels' frames and scale numbers, and no data."""
    chart = ProgressChart()
    qtbot.addWidget(chart)
    assert chart.point_counts() == {"pain": 0, "load": 0, "adherence": 0}
    width, height = 600, 400
    image = chart.render_image(QSize(width, height))

    def inked(x: int, y: int) -> bool:
        return image.pixelColor(x, y).lightness() < 250  # the grey frame, antialiased over two pixels

    # each panel's frame: its left edge runs at x = 44 down most of the picture (three panels, gaps
    # for their titles); its top and bottom edges run across the width
    frame_rows = sum(any(inked(x, y) for x in (43, 44)) for y in range(height))
    assert frame_rows > height / 2
    frame_lines = [y for y in range(height) if sum(inked(x, y) for x in range(60, width - 20)) > (width - 80) * 0.9]
    assert len(frame_lines) >= 6  # three boxes, a top and a bottom edge each
    # the scale numbers (0 3 5 10, 100, 0 100) in the margin left of the frames
    assert sum(inked(x, y) for x in range(0, 40) for y in range(height)) > 50
    # and no data: the chart is all greys (the data are drawn in colour: the lights, the load line)
    assert max(image.pixelColor(x, y).hsvSaturation() for x in range(width) for y in range(height)) < 10
    assert QColor(LOAD_COLOUR).hsvSaturation() > 100
    assert min(QColor(c).hsvSaturation() for c in LIGHT_COLOURS.values()) > 100


def test_save_summary_pdf_and_a_version(qtbot, db, plan, english, tmp_path, monkeypatch):
    """The PDF button writes a readable summary; the version button stores a plan snapshot."""
    target = tmp_path / "voortgang.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), "PDF"))
    dialog = ChartDialog(db, plan.id, today=TODAY)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(target.read_bytes())).pages)
    assert "Els Bakker" in text and "Advice: step back" in text
    assert str(target) in dialog.status.text()
    with qtbot.waitSignal(dialog.snapshot_saved):
        qtbot.mouseClick(dialog.snapshot_button, Qt.MouseButton.LeftButton)
    assert [r.reason for r in revisions.list_revisions(db, plan.id)] == ["manual"]
