"""Outcome measures in the window: a therapist adds the measures, records intake and two follow-ups,
sees a chart per measure with the band for a real change, undoes an edit and copies the summary."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDoubleSpinBox, QLineEdit

from planner.services import measures
from tests.ui.helpers import dialog, open_plan

INTAKE = dt.date(2026, 1, 5)
TODAY = dt.date(2026, 3, 2)


def _add(qtbot, panel, instrument_text: str, label: str = "") -> None:
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    form = dialog(qtbot, "measureForm")
    box = form.instrument
    box.setCurrentIndex(next(i for i in range(box.count()) if box.itemText(i).startswith(instrument_text)))
    if label:
        form.label.clear()
        qtbot.keyClicks(form.label, label)
    qtbot.keyClick(form, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())


def _visit(qtbot, panel, date: dt.date, scores: dict[str, float], gpe: int | None = None) -> None:
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    form = dialog(qtbot, "visitForm")
    form.date.selectAll()
    qtbot.keyClicks(form.date, date.isoformat())
    by_label = {m.label or m.instrument.value: m.id for m in panel.series}
    for label, value in scores.items():
        spin = form.fields[by_label[label]]
        assert isinstance(spin, QDoubleSpinBox)
        spin.lineEdit().selectAll()
        qtbot.keyClicks(spin.lineEdit(), f"{value:g}")
    if gpe is not None:
        box = form.fields[by_label["gpe"]]
        box.setCurrentIndex(gpe)  # index 0 is "not measured", then codes 1-7
    qtbot.keyClick(form, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not form.isVisible())


def test_intake_and_two_follow_ups_give_charts_undo_and_a_summary(qtbot, window, patient_plan, db, monkeypatch):
    open_plan(window, patient_plan)
    qtbot.keyClick(window, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dlg = dialog(qtbot, "measuresDialog")
    panel = dlg.panel
    panel.today = TODAY
    _add(qtbot, panel, "NPRS")
    _add(qtbot, panel, "PSK", "10 minuten wandelen")
    _add(qtbot, panel, "GPE")
    assert [m.instrument.value for m in panel.series] == ["gpe", "nprs", "psk"]

    _visit(qtbot, panel, INTAKE, {"nprs": 6, "10 minuten wandelen": 7})
    _visit(qtbot, panel, dt.date(2026, 2, 2), {"nprs": 5, "10 minuten wandelen": 5}, gpe=3)
    _visit(qtbot, panel, TODAY, {"nprs": 4, "10 minuten wandelen": 4}, gpe=2)
    assert panel.table.rowCount() == 8

    charts = {c.measure.instrument.value: c for c in panel.charts}
    psk = charts["psk"]
    points = psk.point_positions(QRectF(0, 0, 400, 200))
    assert len(points) == 3 and points[0].x() < points[1].x() < points[2].x()
    assert points[0].y() < points[1].y() < points[2].y()  # 7, 5, 4: lower values sit lower
    band = psk.band_rect(QRectF(0, 0, 400, 200))
    assert band is not None
    assert band.top() < points[0].y() < band.bottom()  # the band sits around the first score
    assert points[1].y() < band.bottom() <= points[2].y()  # 5 inside; 4 = 7 - 3 is on the line: a real change
    assert abs(band.bottom() - points[2].y()) < 0.01
    assert "borrowed" in psk.band_caption()
    assert charts["gpe"].band_rect() is None
    first = psk.point_positions()[0]
    assert psk.tooltip_at(first) == "2026-01-05: 7"
    assert psk.tooltip_at(QPointF(-50, -50)) == ""

    # undo the last visit with Ctrl+Z, redo with Ctrl+Shift+Z
    def clicked_into_dialog() -> bool:  # the click that activates a window, which offscreen does not do
        dlg.raise_()
        dlg.windowHandle().requestActivate()
        dlg.activateWindow()
        return dlg.isActiveWindow()

    qtbot.waitUntil(clicked_into_dialog)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.table.rowCount() == 5
    qtbot.keyClick(panel.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert panel.table.rowCount() == 8

    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    text = QGuiApplication.clipboard().text()
    assert text.startswith(f"Plan: {patient_plan.title}\n")
    assert "6 (2026-01-05) -> 4 (2026-03-02); change -2: a real improvement (line 2)" in text
    assert "much improved (2026-03-02)" in text


def test_a_wrong_score_is_refused_in_the_form_and_nothing_is_saved(qtbot, window, patient_plan, db):
    open_plan(window, patient_plan)
    window.actions["outcome_measures"].trigger()
    panel = dialog(qtbot, "measuresDialog").panel
    _add(qtbot, panel, "NPRS")
    qtbot.mouseClick(panel.record_button, Qt.MouseButton.LeftButton)
    form = dialog(qtbot, "visitForm")
    form.date.selectAll()
    qtbot.keyClicks(form.date, "2026-13-40")
    qtbot.keyClick(form, Qt.Key.Key_Return)
    assert form.isVisible() and "YYYY-MM-DD" in form.error.text()
    form.date.selectAll()
    qtbot.keyClicks(form.date, (dt.date.today() + dt.timedelta(days=3)).isoformat())
    spin = next(iter(form.fields.values()))
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), "5")
    qtbot.keyClick(form, Qt.Key.Key_Return)
    assert form.isVisible() and "future" in form.error.text()
    assert measures.list_measures(db, patient_plan.patient_id)[0].scores == ()


def test_replacing_an_activity_ends_its_line_and_starts_a_new_one(qtbot, window, patient_plan, db):
    """Select a score of the PSK activity, Replace activity…, type the new one: two series, never mixed."""
    open_plan(window, patient_plan)
    window.actions["outcome_measures"].trigger()
    panel = dialog(qtbot, "measuresDialog").panel
    panel.today = TODAY
    _add(qtbot, panel, "PSK", "Fietsen")
    _visit(qtbot, panel, INTAKE, {"Fietsen": 8})
    panel.table.selectRow(0)
    qtbot.mouseClick(panel.replace_button, Qt.MouseButton.LeftButton)
    ask = dialog(qtbot, "replaceActivityDialog")
    line = ask.findChild(QLineEdit)
    qtbot.keyClicks(line, "Boodschappen tillen")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(panel.series) == 2)
    old, new = sorted(panel.series, key=lambda m: m.id)
    assert (old.label, old.ended_on, [s.value for s in old.scores]) == ("Fietsen", TODAY, [8])
    assert (new.label, new.active, new.scores, new.replaces_id) == ("Boodschappen tillen", True, (), old.id)
    assert len(panel.charts) == 2
