"""Issue 13, finding 8: switching the program's language keeps the undo history, and Qt's own file
dialog speaks Dutch in the Dutch program (also the labels the shipped Qt catalogue lacks)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

from planner.ui.common.errors import ErrorReporter
from planner.ui.settings.qt_translations import apply_ui_language
from planner.ui.window.application import WindowKeeper
from tests.ui.helpers import activate, dialog, keys, open_plan

CTRL = Qt.KeyboardModifier.ControlModifier


def test_switching_the_language_keeps_the_undo_history(qtbot, db, desk_settings, english, patient_plan):
    """Delete a block, switch to Dutch in the Settings (Ctrl+, → Taal → Save), then Ctrl+Z in the new
    window brings the block back; Ctrl+Shift+Z removes it again."""
    keeper = WindowKeeper(db, desk_settings, ErrorReporter())
    first = keeper.build()
    qtbot.waitExposed(first)
    activate(qtbot, first)
    open_plan(first, patient_plan)
    before = keys(db, patient_plan.id)
    first.editor.select(("item", patient_plan.phases[0].items[0].id))
    first.editor.tree.setFocus()
    qtbot.keyClick(first.editor.tree, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: keys(db, patient_plan.id) != before)
    try:
        qtbot.keyClick(first, Qt.Key.Key_Comma, CTRL)
        settings = dialog(qtbot, "settingsDialog")
        settings.tabs.setCurrentIndex(2)
        qtbot.mouseClick(settings.language_buttons["nl"], Qt.MouseButton.LeftButton)
        assert settings.apply()
        settings.accept()
        qtbot.waitUntil(lambda: keeper.current is not first)
        second = keeper.current
        qtbot.waitExposed(second)
        activate(qtbot, second)
        assert second.doc.plan is not None and second.doc.plan.id == patient_plan.id
        assert second.actions["undo"].isEnabled()
        assert "Ongedaan maken" in second.actions["undo"].text()
        qtbot.keyClick(second, Qt.Key.Key_Z, CTRL)
        qtbot.waitUntil(lambda: keys(db, patient_plan.id) == before)
        assert second.editor.model.rowCount() == len(before)
        qtbot.keyClick(second, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
        qtbot.waitUntil(lambda: keys(db, patient_plan.id) != before)
    finally:
        apply_ui_language("en")
        keeper.current.close()


def test_qt_file_dialog_is_dutch_in_the_dutch_program(qtbot, english):
    """The save dialog Qt draws itself: "Zoeken in" and "Bestandstype", not "Look in" and "Files of type"."""
    apply_ui_language("nl")
    try:
        box = QFileDialog(None, "Opslaan")
        box.setOption(QFileDialog.Option.DontUseNativeDialog)
        box.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        qtbot.addWidget(box)
        box.show()
        texts = [label.text().replace("&", "") for label in box.findChildren(QLabel) if label.text()]
        texts += [button.text().replace("&", "") for button in box.findChildren(QPushButton)]
        english_words = [t for t in texts if t in ("Look in:", "Files of type:", "File name:", "Save", "Cancel")]
        assert english_words == [], texts
        assert "Zoeken in:" in texts
        box.close()
    finally:
        apply_ui_language("en")
