"""Issue 16 item 3: the monitoring view shows the patient's outcome-measure charts next to the check-in
chart: a second tab of the progress window, reached with a click on the tab or Ctrl+Tab."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from planner.domain.model import ProgressionMode
from planner.domain.wizard import WizardRequest
from planner.services import checkins, measures, patients, wizard
from planner.ui.monitoring.chart import ChartDialog
from planner.ui.monitoring.measures_dialog import MeasuresPanel

TODAY = dt.date(2026, 3, 16)
INTAKE = TODAY - dt.timedelta(days=20)


def _patient_with_measures(db):
    patient = patients.create_patient(db, name="Els Bakker", language="nl")
    plan = wizard.create_plan_with_wizard(db, patient.id, WizardRequest(title="Rug", region="lower-back", weeks=6,
                                                                        phases=3, mode=ProgressionMode.TIME),
                                          start_date=INTAKE)
    for days_ago, pain in ((18, 3), (11, 4), (4, 2)):
        checkins.record_checkin(db, plan.id, date=TODAY - dt.timedelta(days=days_ago), pain_during=pain,
                                next_morning="same", sessions_done=5, sessions_planned=5, today=TODAY)
    nprs = measures.define_measure(db, patient.id, "nprs", started_on=INTAKE)
    psk = measures.define_measure(db, patient.id, "psk", label="10 minuten wandelen", started_on=INTAKE)
    for date, pain, walk in ((INTAKE, 6, 7), (INTAKE + dt.timedelta(days=10), 5, 5), (TODAY, 3, 3)):
        measures.record_score(db, nprs.id, date, pain, today=TODAY)
        measures.record_score(db, psk.id, date, walk, today=TODAY)
    return plan


def test_the_progress_window_shows_the_measure_charts_in_a_second_tab(qtbot, db, english):
    plan = _patient_with_measures(db)
    window = ChartDialog(db, plan.id, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    tabs = window.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["Check-ins", "Outcome measures"]
    assert tabs.currentIndex() == 0 and window.chart.point_counts()["pain"] == 3  # the check-in chart first

    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert tabs.currentWidget() is window.measures
    panel = window.measures
    assert isinstance(panel, MeasuresPanel) and panel.isVisible()
    charts = {c.measure.instrument.value: c for c in panel.charts}
    assert set(charts) == {"nprs", "psk"}
    for chart in charts.values():
        assert len(chart.point_positions()) == 3
        assert chart.band_rect() is not None  # the line for a real change from the first score
    assert panel.table.rowCount() == 6

    tabs.setFocus()
    qtbot.keyClick(tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)  # and back with the keyboard
    assert tabs.currentIndex() == 0
