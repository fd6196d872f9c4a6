"""The main window: panels from the database, one action registry for menus, toolbar and shortcuts,
the Dutch UI, focus shortcuts, and a layout and session remembered between starts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QTableWidget

from planner.i18n import set_language
from planner.services import library, patients, plans
from planner.ui.window.actions import MENU_LAYOUT, SPECS, TOOLBAR
from planner.ui.window.main_window import MainWindow
from tests.ui.helpers import activate, dialog, open_plan

CTRL = Qt.KeyboardModifier.ControlModifier


def test_window_lists_patients_and_library(qtbot, db, desk_settings, english):
    """Patients and library blocks from the database appear in their panels."""
    patients.create_patient(db, name="Marieke Visser")
    window = MainWindow(db, settings=desk_settings)
    qtbot.addWidget(window)
    model = window.patients.model
    assert [model.data(model.index(r)) for r in range(model.rowCount())] == ["Marieke Visser"]
    assert window.library.model.rowCount() == len(library.list_blocks(db))
    assert window.editor.stack.currentWidget() is window.editor.placeholder


def test_every_action_has_a_shortcut_a_menu_entry_and_no_clash(window):
    """Each registered action has at least one shortcut and sits in a menu; no two share a key."""
    in_menus = {a for menu in window.menuBar().findChildren(QMenu) for a in menu.actions()}
    seen: dict[str, str] = {}
    for spec in SPECS:
        action = window.actions[spec.name]
        assert action.shortcuts(), spec.name
        assert action in in_menus, spec.name
        for key in action.shortcuts():
            text = key.toString()
            assert text not in seen, f"{spec.name} and {seen.get(text)} share {text}"
            seen[text] = spec.name
    assert set(MENU_LAYOUT) == {"file", "edit", "plan", "patient", "view", "help"}


def test_menus_and_toolbar_follow_the_design(window):
    """File, Edit, Plan, View and Help menus; the toolbar holds the sketch's buttons in order."""
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles == ["File", "Edit", "Plan", "Patient", "View", "Help"]
    toolbar = [a.objectName().removeprefix("action_") for a in window.toolbar.actions() if a.objectName()]
    assert toolbar == [n for n in TOOLBAR if n not in ("-", "|")]
    docks = {d.objectName(): window.dockWidgetArea(d) for d in window.docks.values() if d.isVisible()}
    assert docks == {"patientsDock": Qt.DockWidgetArea.LeftDockWidgetArea,
                     "libraryDock": Qt.DockWidgetArea.RightDockWidgetArea,
                     "inspectorDock": Qt.DockWidgetArea.RightDockWidgetArea}


def test_window_is_dutch_when_the_language_is_nl(qtbot, db, desk_settings, patient_plan):
    """With the UI language set to Dutch, menus, docks, actions and the editor speak Dutch."""
    set_language("nl")
    try:
        window = MainWindow(db, settings=desk_settings)
        qtbot.addWidget(window)
        titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
        assert titles == ["Bestand", "Bewerken", "Plan", "Patiënt", "Beeld", "Help"]
        assert [d.windowTitle() for d in window.docks.values()] == ["Patiënten", "Bibliotheek", "Inspector",
                                                                    "Voorbeeld handout"]
        assert window.actions["new_patient"].text() == "Nieuwe patiënt…"
        assert window.actions["undo"].text() == "Ongedaan maken"
        assert window.library.search.placeholderText().startswith("Zoek")
        open_plan(window, patient_plan)
        assert window.editor.patient_label.text() == "Plan voor Anna de Boer"
        assert "fasen" in window.editor.summary.text()
        info = window.editor.model.data(window.editor.model.index(0, 0), Qt.ItemDataRole.UserRole + 5)
        assert "week" in info and "blokken" in info
    finally:
        set_language("en")


def test_focus_shortcuts_reach_each_panel(qtbot, window, patient_plan):
    """Ctrl+L, Ctrl+F and Ctrl+1…4 put the keyboard focus in the right panel."""
    open_plan(window, patient_plan)
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL)
    assert QApplication.focusWidget() is window.patients.search
    qtbot.keyClick(window, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is window.library.search
    qtbot.keyClick(window, Qt.Key.Key_1, CTRL)
    assert QApplication.focusWidget() is window.patients.list
    qtbot.keyClick(window, Qt.Key.Key_2, CTRL)
    assert QApplication.focusWidget() is window.editor.tree
    qtbot.keyClick(window, Qt.Key.Key_3, CTRL)
    assert QApplication.focusWidget() is window.library.list
    window.editor.select(("item", patient_plan.phases[1].items[1].id))
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)
    assert QApplication.focusWidget() is window.inspector.item_page.level


def test_enter_in_the_plan_moves_to_the_inspector(qtbot, window, patient_plan):
    """Enter on a selected block puts the cursor in its first dosage field."""
    open_plan(window, patient_plan)
    window.editor.select(("item", patient_plan.phases[1].items[0].id))  # mobility: sets first
    window.editor.tree.setFocus()
    qtbot.keyClick(window.editor.tree, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is window.inspector.item_page.numbers["sets"]


def test_layout_patient_and_plan_are_remembered(qtbot, db, desk_settings, english, patient_plan):
    """Closing saves dock layout, the patient and the plan; the next window restores them."""
    first = MainWindow(db, settings=desk_settings)
    qtbot.addWidget(first)
    first.show()
    open_plan(first, patient_plan)
    first.docks["library"].hide()
    first.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, first.docks["inspector"])
    first.close()
    second = MainWindow(db, settings=desk_settings)
    qtbot.addWidget(second)
    second.show()
    assert not second.docks["library"].isVisible()
    assert second.dockWidgetArea(second.docks["inspector"]) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert second.patients.current_patient().id == patient_plan.patient_id
    assert second.doc.plan is not None and second.doc.plan.id == patient_plan.id
    activate(qtbot, second)
    qtbot.keyClick(second, Qt.Key.Key_0, CTRL)  # reset the layout
    assert second.docks["library"].isVisible()
    assert second.dockWidgetArea(second.docks["inspector"]) == Qt.DockWidgetArea.RightDockWidgetArea


def test_another_desks_save_shows_when_the_window_is_activated(window, db, patient_plan):
    """Coming back to the window picks up what another desk saved meanwhile."""
    open_plan(window, patient_plan)
    plans.update_phase(db, patient_plan.phases[0].id, name="Renamed elsewhere")
    QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))
    assert window.editor.model.data(window.editor.model.index(0, 0)) == "Renamed elsewhere"
    assert window.doc.plan.version == plans.get_plan(db, patient_plan.id).version


def test_plan_actions_follow_what_is_open(qtbot, window, patient_plan):
    """Plan actions are off until a plan is open; delete and move need a selection."""
    assert not window.actions["add_phase"].isEnabled()
    assert not window.actions["delete"].isEnabled()
    open_plan(window, patient_plan)
    assert window.actions["add_phase"].isEnabled()
    window.editor.select(("item", patient_plan.phases[0].items[0].id))
    assert window.actions["delete"].isEnabled() and window.actions["move_down"].isEnabled()


def test_shortcuts_help_lists_every_action(qtbot, window):
    """F1 opens the keyboard help with every action and its keys."""
    qtbot.keyClick(window, Qt.Key.Key_F1)
    help_dialog = dialog(qtbot, "shortcutsDialog")
    table = help_dialog.findChild(QTableWidget, "shortcutsTable")
    texts = {table.item(r, 1).text() for r in range(table.rowCount())}
    for spec in SPECS:
        assert window.actions[spec.name].text().replace("&", "") in texts
    keys = {table.item(r, 2).text() for r in range(table.rowCount())}
    assert QKeySequence("Ctrl+Shift+N").toString(QKeySequence.SequenceFormat.NativeText) in keys
    help_dialog.reject()
