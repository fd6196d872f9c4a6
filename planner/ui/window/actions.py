"""Every command of the main window, declared once: text, menu, shortcut(s), icon, toolbar place.

The main window builds QActions from this registry and connects their handlers; menus, toolbar,
the shortcuts help and the tests all read the same list, so an action cannot miss a shortcut or a
menu entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QToolBar, QWidget

from planner.i18n import N_, _
from planner.ui.common.icons import icon

SEPARATOR = "-"


@dataclass(frozen=True, slots=True)
class ActionSpec:
    name: str
    text: str  # English source, translated when the action is built
    menu: str
    shortcuts: tuple[str, ...]
    icon: str = ""
    tip: str = ""
    toolbar_text: bool = False  # show the text beside the icon in the toolbar
    checkable: bool = False
    local: bool = False  # only active while focus is in the widget(s) the action is attached to


MENUS = (("file", N_("&File")), ("edit", N_("&Edit")), ("plan", N_("&Plan")), ("patient", N_("Pa&tient")),
         ("view", N_("&View")), ("help", N_("&Help")))

SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("new_patient", N_("New patient…"), "file", ("Ctrl+N",), "patient-new",
               N_("Add a patient"), toolbar_text=True),
    ActionSpec("new_plan", N_("New plan…"), "file", ("Ctrl+Shift+N",), "plan-new",
               N_("A new plan for the selected patient, blank or from a template"), toolbar_text=True),
    ActionSpec("new_plan_wizard", N_("New plan with the wizard…"), "file", ("Ctrl+Shift+W",), "progress",
               N_("Answer a few questions and get a complete plan to review")),
    ActionSpec("open_plan", N_("Open selected plan"), "file", ("Ctrl+O",), "plan-open"),
    ActionSpec("preview", N_("Handout preview"), "file", ("Ctrl+Shift+P",), "preview",
               N_("Show how the handout will look"), toolbar_text=True, checkable=True),
    ActionSpec("export", N_("Export handout as PDF…"), "file", ("Ctrl+E",), "export", toolbar_text=True),
    ActionSpec("print", N_("Print handout…"), "file", ("Ctrl+P",), "print"),
    ActionSpec("import_plan", N_("Import plan or template…"), "file", ("Ctrl+Shift+I",), "plan-open"),
    ActionSpec("export_plan_file", N_("Export plan file…"), "file", ("Ctrl+Shift+X",), "export"),
    ActionSpec("backup", N_("Back up now…"), "file", ("Ctrl+Shift+B",), "backup"),
    ActionSpec("restore_backup", N_("Restore backup…"), "file", ("Ctrl+Shift+R",), "backup"),
    ActionSpec("settings", N_("Settings…"), "file", ("Ctrl+,",), "settings"),
    ActionSpec("quit", N_("Quit"), "file", ("Ctrl+Q",)),
    ActionSpec("undo", N_("Undo"), "edit", ("Ctrl+Z",), "undo"),
    ActionSpec("redo", N_("Redo"), "edit", ("Ctrl+Shift+Z", "Ctrl+Y"), "redo"),
    ActionSpec("delete", N_("Remove from plan"), "edit", ("Del",), "delete", local=True),
    ActionSpec("move_up", N_("Move up"), "edit", ("Ctrl+Up",), "up", local=True),
    ActionSpec("move_down", N_("Move down"), "edit", ("Ctrl+Down",), "down", local=True),
    ActionSpec("find_patient", N_("Find patient"), "edit", ("Ctrl+L",), "search"),
    ActionSpec("find_block", N_("Find in library"), "edit", ("Ctrl+F",), "search"),
    ActionSpec("edit_patient", N_("Edit patient…"), "edit", ("Ctrl+I",), "patient-edit"),
    ActionSpec("archive_patient", N_("Archive patient…"), "edit", ("Ctrl+Shift+Del",), "archive"),
    ActionSpec("restore_patient", N_("Bring back patient"), "edit", ("Ctrl+Alt+R",), "undo",
               N_("Take the selected patient out of the archive"), toolbar_text=True),
    ActionSpec("new_block", N_("New library block…"), "edit", ("Ctrl+Alt+N",), "block-new"),
    ActionSpec("duplicate_block", N_("Duplicate library block"), "edit", ("Ctrl+Alt+D",), "duplicate"),
    ActionSpec("edit_block", N_("Edit library block…"), "edit", ("Ctrl+Alt+E",), "rename"),
    ActionSpec("block_picture", N_("Attach own picture to block…"), "edit", ("Ctrl+Alt+P",), "picture"),
    ActionSpec("add_block", N_("Add block to current phase"), "plan", ("Return", "Enter"), "add-to-phase",
               local=True),
    ActionSpec("add_phase", N_("Add phase"), "plan", ("Ctrl+Shift+A",), "phase-add", toolbar_text=True),
    ActionSpec("rename_phase", N_("Rename phase"), "plan", ("F2",), "rename"),
    ActionSpec("duplicate_phase", N_("Duplicate phase"), "plan", ("Ctrl+Shift+D",), "duplicate"),
    ActionSpec("progress_phase", N_("Progress phase…"), "plan", ("Ctrl+G",), "progress",
               N_("Propose the next phase from the current one"), toolbar_text=True),
    ActionSpec("step_back", N_("Step back…"), "plan", ("Ctrl+Shift+G",), "step-back"),
    ActionSpec("next_phase", N_("Go to next phase"), "plan", ("Ctrl+PgDown",), "down"),
    ActionSpec("previous_phase", N_("Go to previous phase"), "plan", ("Ctrl+PgUp",), "up"),
    ActionSpec("check_in", N_("Record check-in…"), "plan", ("Ctrl+K",), "checkin", toolbar_text=True),
    ActionSpec("progress_chart", N_("Progress chart"), "plan", ("Ctrl+Shift+K",), "chart"),
    ActionSpec("outcome_measures", N_("Outcome measures…"), "plan", ("Ctrl+Shift+M",), "chart",
               N_("Questionnaires and tests at intake and follow-ups: charts and the summary")),
    ActionSpec("duplicate_plan", N_("Duplicate plan"), "plan", ("Ctrl+D",), "duplicate"),
    ActionSpec("save_template", N_("Save plan as template…"), "plan", ("Ctrl+Shift+T",), "template"),
    ActionSpec("archive_plan", N_("Archive plan…"), "plan", ("Ctrl+Shift+Backspace",), "archive"),
    ActionSpec("export_patient", N_("Export data…"), "patient", ("Ctrl+Shift+E",), "export"),
    ActionSpec("erase_patient", N_("Erase patient…"), "patient", ("Ctrl+Alt+Shift+E",), "delete"),
    ActionSpec("audit_trail", N_("View audit trail…"), "patient", ("Ctrl+Alt+A",), "template"),
    ActionSpec("focus_patients", N_("Go to patients"), "view", ("Ctrl+1",)),
    ActionSpec("focus_plan", N_("Go to plan"), "view", ("Ctrl+2",)),
    ActionSpec("focus_library", N_("Go to library"), "view", ("Ctrl+3",)),
    ActionSpec("focus_inspector", N_("Go to inspector"), "view", ("Ctrl+4",)),
    ActionSpec("reset_layout", N_("Reset window layout"), "view", ("Ctrl+0",)),
    ActionSpec("activity_log", N_("Activity log"), "view", ("Ctrl+Shift+L",), "template"),
    ActionSpec("show_archived", N_("Show archived patients"), "view", ("Ctrl+Shift+H",),
               tip=N_("List the archived patients too, to look them up or bring one back"), checkable=True),
    ActionSpec("shortcuts", N_("Keyboard shortcuts"), "help", ("F1",), "keyboard"),
    ActionSpec("about", N_("About Herstelplan"), "help", ("Shift+F1",)),
)

MENU_LAYOUT: dict[str, tuple[str, ...]] = {
    "file": ("new_patient", "new_plan", "new_plan_wizard", "open_plan", SEPARATOR, "preview", "export", "print", SEPARATOR,
             "import_plan", "export_plan_file", SEPARATOR, "backup", "restore_backup", SEPARATOR, "settings",
             SEPARATOR, "quit"),
    "edit": ("undo", "redo", SEPARATOR, "delete", "move_up", "move_down", SEPARATOR, "find_patient",
             "find_block", SEPARATOR, "edit_patient", "archive_patient", "restore_patient", SEPARATOR, "new_block",
             "duplicate_block", "edit_block", "block_picture"),
    "plan": ("add_block", SEPARATOR, "add_phase", "rename_phase", "duplicate_phase", "next_phase",
             "previous_phase", SEPARATOR, "progress_phase", "step_back", "check_in", "progress_chart", "outcome_measures",
             SEPARATOR, "duplicate_plan",
             "save_template", "archive_plan"),
    "patient": ("export_patient", "audit_trail", SEPARATOR, "erase_patient"),
    "view": ("focus_patients", "focus_plan", "focus_library", "focus_inspector", SEPARATOR, "show_archived",
             "activity_log", "reset_layout"),
    "help": ("shortcuts", "about"),
}

TOOLBAR = ("new_patient", "new_plan", SEPARATOR, "undo", "redo", SEPARATOR, "add_phase", SEPARATOR,
           "progress_phase", "step_back", "check_in", "|", "preview", "export", "print")


class ActionRegistry(QObject):
    """The QActions of one window, by name."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.specs = {spec.name: spec for spec in SPECS}
        self.actions: dict[str, QAction] = {}
        for spec in SPECS:
            action = QAction(icon(spec.icon) if spec.icon else icon("none"), _(spec.text), parent)
            action.setObjectName(f"action_{spec.name}")
            action.setShortcuts([QKeySequence(s) for s in spec.shortcuts])
            action.setCheckable(spec.checkable)
            tip = _(spec.tip) if spec.tip else _(spec.text).rstrip("…")
            shortcut = QKeySequence(spec.shortcuts[0]).toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shortcut})")
            action.setStatusTip(tip)
            if spec.local:
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            else:
                parent.addAction(action)  # window-wide shortcut, also when the menu bar is hidden
            self.actions[spec.name] = action

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def window_shortcuts(self) -> list[QKeySequence]:
        """Every shortcut of the window-wide actions (those not local to one widget)."""
        return [s for spec in SPECS if not spec.local for s in self.actions[spec.name].shortcuts()]

    def connect(self, name: str, slot) -> None:
        self.actions[name].triggered.connect(lambda _checked=False: slot())

    def attach_local(self, name: str, widget: QWidget) -> None:
        """Make a local action's shortcut work while focus is in `widget`."""
        widget.addAction(self.actions[name])

    def fill_menus(self, menubar: QMenuBar) -> dict[str, object]:
        menus = {}
        for key, title in MENUS:
            menu = menubar.addMenu(_(title))
            menu.setObjectName(f"menu_{key}")
            for name in MENU_LAYOUT[key]:
                if name == SEPARATOR:
                    menu.addSeparator()
                else:
                    menu.addAction(self.actions[name])
            menus[key] = menu
        return menus

    def fill_toolbar(self, toolbar: QToolBar) -> None:
        from PySide6.QtWidgets import QSizePolicy, QToolButton

        for name in TOOLBAR:
            if name == SEPARATOR:
                toolbar.addSeparator()
            elif name == "|":
                spacer = QWidget()
                spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
                toolbar.addWidget(spacer)
            else:
                toolbar.addAction(self.actions[name])
                button = toolbar.widgetForAction(self.actions[name])
                if isinstance(button, QToolButton) and self.specs[name].toolbar_text:
                    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)

    def rows(self) -> list[tuple[str, str, str]]:
        """(menu, action text, shortcuts) for the keyboard help, in menu order."""
        out = []
        for key, title in MENUS:
            for name in MENU_LAYOUT[key]:
                if name == SEPARATOR:
                    continue
                action = self.actions[name]
                keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
                out.append((_(title).replace("&", ""), action.text().replace("&", ""), keys))
        return out
