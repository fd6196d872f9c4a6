"""Every command of the main window, declared once: text, menu, shortcut(s), icon, toolbar place,
what it runs and what it needs.

The main window builds QActions from this table and binds each to its handler (`run`, or `toggle` for
a checkable action), which gets the window as `Window` (planner/ui/window/interface.py); the handlers
of the feature dialogs (planner/ui/window/features.py) get only the `Desk`. An action is enabled when
what it `needs` is there (the database open, a plan open, a patient shown…). Menus, toolbar, the
shortcuts help and the tests all read the same table, so an action cannot miss a shortcut, a menu
entry or a handler: a spec without one stops the window from being built (`WiringError`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Flag, auto
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QToolBar, QWidget

from planner.i18n import N_, _
from planner.ui.common.icons import icon
from planner.ui.window import features

if TYPE_CHECKING:
    from planner.ui.window.interface import Window

SEPARATOR = "-"


class WiringError(RuntimeError):
    """The action table does not fit together (a programming error: the window is not built)."""


class Need(Flag):
    """What must be there for an action to be enabled."""

    NOTHING = 0
    DATABASE = auto()  # the database is open (the window is shown before it is)
    PATIENT = auto()  # a patient is shown
    ACTIVE_PATIENT = auto()  # ... who is not archived
    ARCHIVED_PATIENT = auto()  # ... who is archived
    PLAN = auto()  # a plan is open in the editor
    ANY_PLAN = auto()  # a plan is open, or one is selected in the patient's list
    SELECTION = auto()  # a phase or item of the open plan is selected
    UNDO = auto()  # there is something to undo
    REDO = auto()  # there is something to redo


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
    run: Callable[[Window], object] | None = None  # what a trigger does (its result is not used)
    toggle: Callable[[Window, bool], object] | None = None  # what a checkable action does when toggled
    needs: Need = Need.NOTHING


MENUS = (("file", N_("&File")), ("edit", N_("&Edit")), ("plan", N_("&Plan")), ("patient", N_("Pa&tient")),
         ("view", N_("&View")), ("help", N_("&Help")))

SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("new_patient", N_("New patient…"), "file", ("Ctrl+N",), "patient-new",
               N_("Add a patient"), toolbar_text=True,
               run=lambda w: w.patients.new_patient(), needs=Need.DATABASE),
    ActionSpec("new_plan", N_("New plan…"), "file", ("Ctrl+Shift+N",), "plan-new",
               N_("A new plan for the selected patient, blank or from a template"), toolbar_text=True,
               run=lambda w: w.patients.new_plan(), needs=Need.PATIENT),
    ActionSpec("new_plan_wizard", N_("New plan with the wizard…"), "file", ("Ctrl+Shift+W",), "progress",
               N_("Answer a few questions and get a complete plan to review"),
               run=features.new_plan_wizard, needs=Need.PATIENT),
    ActionSpec("open_plan", N_("Open selected plan"), "file", ("Ctrl+O",), "plan-open",
               run=lambda w: w.patients.open_selected_plan(), needs=Need.DATABASE),
    ActionSpec("preview", N_("Handout preview"), "file", ("Ctrl+Shift+P",), "preview",
               N_("Show how the handout will look"), toolbar_text=True, checkable=True,
               toggle=lambda w, on: w.show_preview(on), needs=Need.PLAN),
    ActionSpec("export", N_("Export handout as PDF…"), "file", ("Ctrl+E",), "export", toolbar_text=True,
               run=lambda w: w.output().export(), needs=Need.PLAN),
    ActionSpec("print", N_("Print handout…"), "file", ("Ctrl+P",), "print",
               run=lambda w: w.output().print(), needs=Need.PLAN),
    ActionSpec("import_plan", N_("Import plan or template…"), "file", ("Ctrl+Shift+I",), "plan-open",
               run=features.import_plan, needs=Need.DATABASE),
    ActionSpec("export_plan_file", N_("Export plan file…"), "file", ("Ctrl+Shift+X",), "export",
               run=features.export_plan_file, needs=Need.PLAN),
    ActionSpec("backup", N_("Back up now…"), "file", ("Ctrl+Shift+B",), "backup",
               run=features.open_backups, needs=Need.DATABASE),
    ActionSpec("restore_backup", N_("Restore backup…"), "file", ("Ctrl+Shift+R",), "backup",
               run=features.open_backups, needs=Need.DATABASE),
    ActionSpec("settings", N_("Settings…"), "file", ("Ctrl+,",), "settings",
               run=lambda w: w.open_settings(), needs=Need.DATABASE),
    ActionSpec("quit", N_("Quit"), "file", ("Ctrl+Q",),
               run=lambda w: w.close()),
    ActionSpec("undo", N_("Undo"), "edit", ("Ctrl+Z",), "undo",
               run=lambda w: w.undo(), needs=Need.UNDO),
    ActionSpec("redo", N_("Redo"), "edit", ("Ctrl+Shift+Z", "Ctrl+Y"), "redo",
               run=lambda w: w.redo(), needs=Need.REDO),
    ActionSpec("delete", N_("Remove from plan"), "edit", ("Del",), "delete", local=True,
               run=lambda w: w.editor.delete_selected(), needs=Need.SELECTION),
    ActionSpec("move_up", N_("Move up"), "edit", ("Ctrl+Up",), "up", local=True,
               run=lambda w: w.editor.move_selected(-1), needs=Need.SELECTION),
    ActionSpec("move_down", N_("Move down"), "edit", ("Ctrl+Down",), "down", local=True,
               run=lambda w: w.editor.move_selected(1), needs=Need.SELECTION),
    ActionSpec("find_patient", N_("Find patient"), "edit", ("Ctrl+L",), "search",
               run=lambda w: w.focus_dock("patients", w.patients.focus_search)),
    ActionSpec("find_block", N_("Find in library"), "edit", ("Ctrl+F",), "search",
               run=lambda w: w.focus_dock("library", w.library.focus_search)),
    ActionSpec("edit_patient", N_("Edit patient…"), "edit", ("Ctrl+I",), "patient-edit",
               run=lambda w: w.patients.edit_patient(), needs=Need.PATIENT),
    ActionSpec("archive_patient", N_("Archive patient…"), "edit", ("Ctrl+Shift+Del",), "archive",
               run=lambda w: w.patients.archive_patient(), needs=Need.ACTIVE_PATIENT),
    ActionSpec("restore_patient", N_("Bring back patient"), "edit", ("Ctrl+Alt+R",), "undo",
               N_("Take the selected patient out of the archive"), toolbar_text=True,
               run=lambda w: w.patients.restore_patient(), needs=Need.ARCHIVED_PATIENT),
    ActionSpec("new_block", N_("New library block…"), "edit", ("Ctrl+Alt+N",), "block-new",
               run=lambda w: w.library.new_block(), needs=Need.DATABASE),
    ActionSpec("duplicate_block", N_("Duplicate library block"), "edit", ("Ctrl+Alt+D",), "duplicate",
               run=lambda w: w.library.duplicate_block(), needs=Need.DATABASE),
    ActionSpec("edit_block", N_("Edit library block…"), "edit", ("Ctrl+Alt+E",), "rename",
               run=lambda w: w.library.edit_block(), needs=Need.DATABASE),
    ActionSpec("block_picture", N_("Attach own picture to block…"), "edit", ("Ctrl+Alt+P",), "picture",
               run=lambda w: w.library.attach_picture(), needs=Need.DATABASE),
    ActionSpec("add_block", N_("Add block to current phase"), "plan", ("Return", "Enter"), "add-to-phase",
               local=True,
               run=lambda w: w.library.add_current(), needs=Need.PLAN),
    ActionSpec("add_phase", N_("Add phase"), "plan", ("Ctrl+Shift+A",), "phase-add", toolbar_text=True,
               run=lambda w: w.editor.add_phase(), needs=Need.PLAN),
    ActionSpec("rename_phase", N_("Rename phase"), "plan", ("F2",), "rename",
               run=lambda w: w.editor.rename_phase(), needs=Need.PLAN),
    ActionSpec("duplicate_phase", N_("Duplicate phase"), "plan", ("Ctrl+Shift+D",), "duplicate",
               run=lambda w: w.editor.duplicate_phase(), needs=Need.PLAN),
    ActionSpec("progress_phase", N_("Progress phase…"), "plan", ("Ctrl+G",), "progress",
               N_("Propose the next phase from the current one"), toolbar_text=True,
               run=features.review_plan, needs=Need.PLAN),
    ActionSpec("step_back", N_("Step back…"), "plan", ("Ctrl+Shift+G",), "step-back",
               run=features.step_back, needs=Need.PLAN),
    ActionSpec("next_phase", N_("Go to next phase"), "plan", ("Ctrl+PgDown",), "down",
               run=lambda w: w.editor.go_to_phase(1), needs=Need.PLAN),
    ActionSpec("previous_phase", N_("Go to previous phase"), "plan", ("Ctrl+PgUp",), "up",
               run=lambda w: w.editor.go_to_phase(-1), needs=Need.PLAN),
    ActionSpec("check_in", N_("Record check-in…"), "plan", ("Ctrl+K",), "checkin", toolbar_text=True,
               run=features.check_in, needs=Need.PLAN),
    ActionSpec("progress_chart", N_("Progress chart"), "plan", ("Ctrl+Shift+K",), "chart",
               run=features.progress_chart, needs=Need.PLAN),
    ActionSpec("outcome_measures", N_("Outcome measures…"), "plan", ("Ctrl+Shift+M",), "chart",
               N_("Questionnaires and tests at intake and follow-ups: charts and the summary"),
               run=features.outcome_measures, needs=Need.PLAN),
    ActionSpec("duplicate_plan", N_("Duplicate plan"), "plan", ("Ctrl+D",), "duplicate",
               run=lambda w: w.with_plan(w.patients.duplicate_plan), needs=Need.ANY_PLAN),
    ActionSpec("save_template", N_("Save plan as template…"), "plan", ("Ctrl+Shift+T",), "template",
               run=features.save_as_template, needs=Need.PLAN),
    ActionSpec("archive_plan", N_("Archive plan…"), "plan", ("Ctrl+Shift+Backspace",), "archive",
               run=lambda w: w.with_plan(w.patients.archive_plan), needs=Need.ANY_PLAN),
    ActionSpec("export_patient", N_("Export data…"), "patient", ("Ctrl+Shift+E",), "export",
               run=features.export_patient, needs=Need.PATIENT),
    ActionSpec("erase_patient", N_("Erase patient…"), "patient", ("Ctrl+Alt+Shift+E",), "delete",
               run=features.erase_patient, needs=Need.PATIENT),
    ActionSpec("audit_trail", N_("View audit trail…"), "patient", ("Ctrl+Alt+A",), "template",
               run=features.audit_trail, needs=Need.PATIENT),
    ActionSpec("focus_patients", N_("Go to patients"), "view", ("Ctrl+1",),
               run=lambda w: w.focus_dock("patients", w.patients.list.setFocus)),
    ActionSpec("focus_plan", N_("Go to plan"), "view", ("Ctrl+2",),
               run=lambda w: w.editor.focus_tree()),
    ActionSpec("focus_library", N_("Go to library"), "view", ("Ctrl+3",),
               run=lambda w: w.focus_dock("library", w.library.list.setFocus)),
    ActionSpec("focus_inspector", N_("Go to inspector"), "view", ("Ctrl+4",),
               run=lambda w: w.focus_dock("inspector", w.inspector.focus_first)),
    ActionSpec("reset_layout", N_("Reset window layout"), "view", ("Ctrl+0",),
               run=lambda w: w.reset_layout()),
    ActionSpec("activity_log", N_("Activity log"), "view", ("Ctrl+Shift+L",), "template",
               run=features.audit_trail, needs=Need.PATIENT),
    ActionSpec("show_archived", N_("Show archived patients"), "view", ("Ctrl+Shift+H",),
               tip=N_("List the archived patients too, to look them up or bring one back"), checkable=True,
               toggle=lambda w, on: w.patients.set_show_archived(on), needs=Need.DATABASE),
    ActionSpec("shortcuts", N_("Keyboard shortcuts"), "help", ("F1",), "keyboard",
               run=lambda w: w.show_shortcuts()),
    ActionSpec("about", N_("About Herstelplan"), "help", ("Shift+F1",),
               run=lambda w: w.show_about()),
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

def check(specs: tuple[ActionSpec, ...]) -> None:
    """Raise WiringError when the table does not fit together: a name twice, an action without a
    handler (or a checkable one without `toggle`), a menu or toolbar entry that names no action."""
    names = [spec.name for spec in specs]
    doubles = sorted({name for name in names if names.count(name) > 1})
    if doubles:
        raise WiringError(f"actions declared twice: {', '.join(doubles)}")
    for spec in specs:
        handlers = [h for h in (spec.run, spec.toggle) if h is not None]
        if not handlers or not all(callable(h) for h in handlers):
            raise WiringError(f"action {spec.name!r} has no handler (`run`, or `toggle` when checkable)")
        if spec.toggle is not None and not spec.checkable:
            raise WiringError(f"action {spec.name!r} has `toggle` but is not checkable")
        if spec.menu not in MENU_LAYOUT or spec.name not in MENU_LAYOUT[spec.menu]:
            raise WiringError(f"action {spec.name!r} is not in its menu {spec.menu!r}")
    placed = {n for layout in MENU_LAYOUT.values() for n in layout} | set(TOOLBAR)
    unknown = sorted(placed - set(names) - {SEPARATOR, "|"})
    if unknown:
        raise WiringError(f"menus or toolbar name unknown actions: {', '.join(unknown)}")


TOOLBAR = ("new_patient", "new_plan", SEPARATOR, "undo", "redo", SEPARATOR, "add_phase", SEPARATOR,
           "progress_phase", "step_back", "check_in", "|", "preview", "export", "print")


class ActionRegistry(QObject):
    """The QActions of one window, by name, built from `specs` (the table above)."""

    def __init__(self, parent: QWidget, specs: tuple[ActionSpec, ...] = SPECS):
        super().__init__(parent)
        check(specs)
        self.specs = {spec.name: spec for spec in specs}
        self.actions: dict[str, QAction] = {}
        for spec in specs:
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

    def bind(self, window: Window) -> None:
        """Connect every action to its handler, called with `window`."""
        for spec in self.specs.values():
            action = self.actions[spec.name]
            if spec.toggle is not None:
                action.toggled.connect(lambda on, toggle=spec.toggle: toggle(window, on))
            if spec.run is not None:
                action.triggered.connect(lambda _checked=False, run=spec.run: run(window))

    def update(self, present: Need) -> None:
        """Enable each action whose needs are all `present`."""
        for spec in self.specs.values():
            self.actions[spec.name].setEnabled(spec.needs & present == spec.needs)

    def __getitem__(self, name: str) -> QAction:
        return self.actions[name]

    def window_shortcuts(self) -> list[QKeySequence]:
        """Every shortcut of the window-wide actions (those not local to one widget)."""
        return [s for spec in SPECS if not spec.local for s in self.actions[spec.name].shortcuts()]

    def attach_local(self, name: str, widget: QWidget) -> None:
        """Make a local action's shortcut work while focus is in `widget`."""
        widget.addAction(self.actions[name])

    def fill_menus(self, menubar: QMenuBar) -> dict[str, QMenu]:
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
