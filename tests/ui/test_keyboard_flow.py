"""The issue's 'done when': a new patient, a three-phase plan built, edited and exported with the
keyboard alone. Every key goes to the widget that has the focus, as on a real desk."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from planner.services import patients, plans
from planner.ui.files.export_choice import ExportChoiceDialog
from tests.ui.helpers import activate, dialog, keys

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


class Keyboard:
    """Sends keys to whatever has the focus and counts them."""

    def __init__(self, qtbot, window):
        self.qtbot, self.window, self.count = qtbot, window, 0

    def target(self):
        return QApplication.focusWidget() or self.window

    def press(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
        self.qtbot.keyClick(self.target(), key, modifiers)
        self.count += 1

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.target(), text)
        self.count += len(text)


def test_keyboard_only_three_phase_plan_for_a_new_patient(qtbot, window, db, template, tmp_path, monkeypatch):
    """Ctrl+N, Ctrl+Shift+N, Ctrl+F/Enter, Ctrl+Up, Enter/Tab in the inspector, Ctrl+Z, a new phase and
    Ctrl+E: the plan ends up in the database and as a PDF without touching the mouse."""
    kb = Keyboard(qtbot, window)
    kb.press(Qt.Key.Key_N, CTRL)
    form = dialog(qtbot, "patientDialog")
    qtbot.waitUntil(lambda: form.name.hasFocus())
    kb.type("Karin Vos")
    kb.press(Qt.Key.Key_Tab)
    kb.type("03-04-1958")
    kb.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(patients.list_patients(db, query="karin")))
    activate(qtbot, window)  # the offscreen platform does not hand the focus back by itself

    kb.press(Qt.Key.Key_N, CTRL | SHIFT)
    form = dialog(qtbot, "newPlanDialog")
    qtbot.waitUntil(lambda: form.templates.hasFocus())
    kb.type("Test template")  # type-ahead in the template list
    assert form.template_id() == template.id
    kb.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.doc.plan is not None)
    activate(qtbot, window)
    plan_id = window.doc.plan.id
    window.editor.focus_tree()

    kb.press(Qt.Key.Key_F, CTRL)
    kb.type("bridge")
    kb.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: keys(db, plan_id)[0][-1] == "strength.bridge")
    kb.press(Qt.Key.Key_F, CTRL)
    kb.type("tandem")
    kb.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: keys(db, plan_id)[0][-1] == "balance.tandem-stance")

    kb.press(Qt.Key.Key_2, CTRL)
    kb.press(Qt.Key.Key_Up, CTRL)
    qtbot.waitUntil(lambda: keys(db, plan_id)[0][-2:] == ["balance.tandem-stance", "strength.bridge"])

    kb.press(Qt.Key.Key_Return)  # into the inspector: the level on the ladder first
    assert QApplication.focusWidget() is window.inspector.item_page.level
    kb.press(Qt.Key.Key_Down)
    kb.press(Qt.Key.Key_Tab)  # sets: the text is selected on Tab, typing replaces it
    kb.type("5")
    kb.press(Qt.Key.Key_Tab)  # hold
    kb.type("25")
    kb.press(Qt.Key.Key_Tab)
    tandem = next(i for i in plans.get_plan(db, plan_id).phases[0].items if i.block.key == "balance.tandem-stance")
    assert (tandem.dosage.sets, tandem.dosage.hold_seconds) == (5, 25)
    assert tandem.dosage.level == 1
    kb.press(Qt.Key.Key_Z, CTRL)  # the hold back
    qtbot.waitUntil(lambda: _dosage(db, plan_id, tandem.id).hold_seconds != 25)
    kb.press(Qt.Key.Key_Z, CTRL | SHIFT)
    qtbot.waitUntil(lambda: _dosage(db, plan_id, tandem.id).hold_seconds == 25)

    kb.press(Qt.Key.Key_2, CTRL)
    kb.press(Qt.Key.Key_A, CTRL | SHIFT)  # a fourth phase after the current one, named at once
    qtbot.waitUntil(lambda: len(plans.get_plan(db, plan_id).phases) == 4)
    kb.press(Qt.Key.Key_A, CTRL)
    kb.type("Zelf verder")
    kb.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Zelf verder" in [p.name for p in plans.get_plan(db, plan_id).phases])

    target = tmp_path / "karin.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF"))  # the OS dialog

    def enter_in_the_choice_dialog() -> None:  # desk handout or booklet: Enter takes the pre-selection
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, ExportChoiceDialog) and w.isVisible()]
        if not shown:
            QTimer.singleShot(50, enter_in_the_choice_dialog)
            return
        qtbot.keyClick(shown[0], Qt.Key.Key_Return)  # to the dialog (offscreen focus may lag behind)
        kb.count += 1

    QTimer.singleShot(50, enter_in_the_choice_dialog)
    kb.press(Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: target.exists() and target.stat().st_size > 1000, timeout=20_000)
    dialog(qtbot, "exportDone").close()  # the export has ended (no job left to report to a closed window)
    stored = plans.get_plan(db, plan_id)
    assert stored.patient_name == "Karin Vos" and len(stored.phases) == 4
    print(f"keys pressed: {kb.count}")
    assert kb.count < 120  # a handful of shortcuts and the words that had to be typed anyway


def _dosage(db, plan_id, item_id):
    return next(i for p in plans.get_plan(db, plan_id).phases for i in p.items if i.id == item_id).dosage
