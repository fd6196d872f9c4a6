"""The pieces built alongside the editor, as wired into the main window: the handout preview
follows the open plan, Ctrl+E exports it, and Settings changes the UI language."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog

from planner.services import plans
from planner.ui.common.errors import ErrorReporter
from planner.ui.files.export_choice import ExportChoiceDialog
from planner.ui.settings.qt_translations import apply_ui_language
from planner.ui.window.application import WindowKeeper
from tests.ui.helpers import activate, dialog, open_plan

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_preview_dock_follows_the_open_plan(qtbot, window, db, patient_plan):
    """Ctrl+Shift+P shows the preview of the open plan; an edit renders it again; again hides it."""
    open_plan(window, patient_plan)
    pane = window.preview
    assert not window.docks["preview"].isVisible()
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL | SHIFT)
    assert window.docks["preview"].isVisible() and pane.plan_id == patient_plan.id
    qtbot.waitUntil(lambda: pane.pdf_bytes is not None, timeout=20_000)
    renders = pane.render_count
    window.editor.select(("item", patient_plan.phases[0].items[0].id))
    window.editor.delete_selected()
    qtbot.waitUntil(lambda: pane.render_count > renders, timeout=20_000)
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL | SHIFT)
    assert not window.docks["preview"].isVisible()


def test_ctrl_e_exports_the_open_plan(qtbot, window, db, patient_plan, tmp_path, monkeypatch):
    """With a plan open, Ctrl+E asks where (file dialog mocked) and writes the handout PDF."""
    assert not window.actions["export"].isEnabled()
    open_plan(window, patient_plan)
    assert window.actions["export"].isEnabled() and window.actions["print"].isEnabled()
    target = tmp_path / "handout.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF"))
    # the desk-or-booklet question before the file dialog: answered with its pre-selection
    monkeypatch.setattr(ExportChoiceDialog, "exec", lambda _self: QDialog.DialogCode.Accepted.value)
    qtbot.keyClick(window, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: target.exists() and target.stat().st_size > 1000, timeout=20_000)
    assert Path(target).read_bytes().startswith(b"%PDF")
    qtbot.waitUntil(lambda: "handout.pdf" in window.statusBar().currentMessage())


def test_settings_language_change_asks_for_a_dutch_window(qtbot, window, db):
    """Choosing Dutch in Settings (Ctrl+,) and saving tells the application to rebuild the window in Dutch."""
    qtbot.keyClick(window, Qt.Key.Key_Comma, CTRL)
    settings = dialog(qtbot, "settingsDialog")
    try:
        with qtbot.waitSignal(window.language_changed) as signal:
            settings.tabs.setCurrentIndex(2)  # the Language tab
            qtbot.mouseClick(settings.language_buttons["nl"], Qt.MouseButton.LeftButton)
            assert settings.apply()
        assert signal.args == ["nl"]
        assert window.prefs.ui_language == "nl"
    finally:
        settings.reject()
        apply_ui_language("en")


def test_a_new_language_rebuilds_the_window_with_the_same_plan(qtbot, db, desk_settings, english, patient_plan):
    """After a language change the window is built anew in Dutch, with the same patient and plan open."""
    keeper = WindowKeeper(db, desk_settings, ErrorReporter())
    first = keeper.build()
    open_plan(first, patient_plan)
    try:
        apply_ui_language("nl")
        first.language_changed.emit("nl")
        qtbot.waitUntil(lambda: keeper.current is not first)
        second = keeper.current
        assert [a.text().replace("&", "") for a in second.menuBar().actions()][0] == "Bestand"
        assert second.doc.plan is not None and second.doc.plan.id == patient_plan.id
    finally:
        apply_ui_language("en")
        keeper.current.close()


def test_progress_phase_adds_the_reviewed_phase_and_undo_removes_it(qtbot, window, db, patient_plan):
    """Ctrl+G proposes the next phase; adding it shows it in the editor; Ctrl+Z takes it out again."""
    open_plan(window, patient_plan)
    window.editor.select(("phase", patient_plan.phases[2].id))
    qtbot.keyClick(window, Qt.Key.Key_G, CTRL)
    review = dialog(qtbot, "reviewDialog")  # Ctrl+G reviews the roadmap; inserting is the therapist's ask
    qtbot.mouseClick(review.insert_button, Qt.MouseButton.LeftButton)
    proposal = dialog(qtbot, "progressDialog")
    proposal.apply()
    qtbot.waitUntil(lambda: len(plans.get_plan(db, patient_plan.id).phases) == 4)
    added = plans.get_plan(db, patient_plan.id).phases[-1]
    assert window.editor.model.rowCount() == 4 and window.editor.selected == ("phase", added.id)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: len(plans.get_plan(db, patient_plan.id).phases) == 3)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.waitUntil(lambda: len(plans.get_plan(db, patient_plan.id).phases) == 4)
    assert plans.get_plan(db, patient_plan.id).phases[-1] == added


def test_accepting_a_review_is_an_edit_that_ctrl_z_undoes(qtbot, window, db, patient_plan):
    """A break of 20 days (the diary reports no sessions since): the review proposes a restart at 75 %;
    Accept lowers the doses; Ctrl+Z puts them back; Ctrl+Shift+Z applies it again. No phase is inserted."""
    import datetime as dt

    from planner.services import checkins

    today = dt.date.today()
    plans.update_plan(db, patient_plan.id, start_date=today - dt.timedelta(days=21), mode="time")  # in "Opbouw"
    patient_plan = plans.get_plan(db, patient_plan.id)
    for days_ago, done in ((20, 3), (10, 0), (0, 0)):
        checkins.record_checkin(db, patient_plan.id, date=today - dt.timedelta(days=days_ago), pain_during=2,
                                next_morning="same", sessions_done=done, sessions_planned=3, today=today)
    before = {i.id: i.dosage for p in plans.get_plan(db, patient_plan.id).phases for i in p.items}
    open_plan(window, patient_plan)
    qtbot.keyClick(window, Qt.Key.Key_G, CTRL)
    review = dialog(qtbot, "reviewDialog")
    assert review.result.proposal.action.value == "step-back" and review.table.rowCount() > 0
    qtbot.mouseClick(review.accept_button, Qt.MouseButton.LeftButton)

    def doses():
        return {i.id: i.dosage for p in plans.get_plan(db, patient_plan.id).phases for i in p.items}

    qtbot.waitUntil(lambda: doses() != before)
    after = doses()
    assert len(plans.get_plan(db, patient_plan.id).phases) == len(patient_plan.phases)
    assert plans.get_plan(db, patient_plan.id).review_log[-1].action == "restart"
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: doses() == before)
    assert plans.get_plan(db, patient_plan.id).review_log == ()
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.waitUntil(lambda: doses() == after)


def test_check_in_chart_and_wizard_open_from_the_window(qtbot, window, db, patient_plan):
    """Ctrl+K, Ctrl+Shift+K and Ctrl+Shift+W open the check-in, chart and wizard dialogs; a plan made
    with the wizard opens in the editor."""
    assert not window.actions["check_in"].isEnabled()
    open_plan(window, patient_plan)
    for key, modifiers, name in ((Qt.Key.Key_K, CTRL, "checkInDialog"), (Qt.Key.Key_K, CTRL | SHIFT, "chartDialog")):
        qtbot.keyClick(window, key, modifiers)
        opened = dialog(qtbot, name)
        assert opened.plan_id == patient_plan.id
        opened.reject()
        activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_W, CTRL | SHIFT)
    wizard = dialog(qtbot, "wizardDialog")
    wizard.create_plan()
    qtbot.waitUntil(lambda: window.doc.plan is not None and window.doc.plan.id != patient_plan.id)
    assert len(plans.list_plans(db, patient_plan.patient_id)) == 2
