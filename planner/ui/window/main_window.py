"""The main window: wires the panels together (they talk by signals), builds menus and toolbar
from the action registry, and remembers the layout. Panels, commands and dialogs live in their
own modules; this file only connects them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolBar, QWidget

from planner.i18n import _
from planner.services import library as library_service
from planner.ui.common.bus import ChangeBus
from planner.ui.common.icons import icon
from planner.ui.editor.inspector import Inspector
from planner.ui.editor.plan_document import PlanDocument
from planner.ui.editor.plan_editor import PlanEditor
from planner.ui.library.library_panel import LibraryPanel
from planner.ui.library.thumbnails import Thumbnails
from planner.ui.patients.patients_panel import PatientsPanel
from planner.ui.settings.settings import Settings
from planner.ui.window import extensions
from planner.ui.window.actions import ActionRegistry
from planner.ui.window.errors import ErrorReporter
from planner.ui.window.window_keys import WindowKeys

if TYPE_CHECKING:
    from planner.services.database import Database

LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
INSPECTOR_HEIGHT = 336  # a strength block's heading and all its dosage fields


class MainWindow(QMainWindow):
    first_paint = Signal()
    ready = Signal()  # the panels show the database's patients and library (see `load`)
    closing = Signal()
    language_changed = Signal(str)  # the application rebuilds the window in the new language

    def __init__(self, db: Database, *, settings: Settings | None = None,
                 reporter: ErrorReporter | None = None, parent: QObject | None = None,
                 defer_loading: bool = False, doc: PlanDocument | None = None):
        """`defer_loading`: build and show the window without reading the database; `load()` fills it
        (the application does so once the database is open, after the first paint). `doc`: the plan
        document of the window this one replaces (a new language), with its undo history."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.db = db
        self._painted = False
        self.is_ready = False
        self.setWindowIcon(icon("herstelplan"))
        self.bus = ChangeBus(self)
        self.reporter = reporter or ErrorReporter(lambda: self)
        self.prefs = settings if settings is not None else Settings.for_user()  # this desk's settings
        self.thumbnails = Thumbnails(lambda block_id: library_service.block_image(db, block_id))
        if doc is None:
            self.doc = PlanDocument(db, self.bus, self.reporter, self)
        else:
            doc.adopt(self.bus, self)
            self.doc = doc
        self.actions = ActionRegistry(self)

        self.patients = PatientsPanel(db, self.bus, load=not defer_loading)
        self.library = LibraryPanel(db, self.bus, self.thumbnails, load=not defer_loading)
        self.editor = PlanEditor(self.doc, self.thumbnails)
        self.inspector = Inspector(self.doc, self.thumbnails)
        self.setCentralWidget(self.editor)
        self.docks = {
            "patients": self._dock("patients", _("Patients"), self.patients, LEFT),
            "library": self._dock("library", _("Library"), self.library, RIGHT),
            "inspector": self._dock("inspector", _("Inspector"), self.inspector, RIGHT),
        }
        self.resize(1440, 900)
        self.fit_docks()

        self.menus = self.actions.fill_menus(self.menuBar())
        view_menu = self.menus["view"]
        view_menu.addSeparator()
        for dock in self.docks.values():
            view_menu.addAction(dock.toggleViewAction())
        self.toolbar = QToolBar(_("Main toolbar"), self, objectName="mainToolbar")
        self.toolbar.setMovable(False)
        self.actions.fill_toolbar(self.toolbar)
        self.addToolBar(self.toolbar)
        self.statusBar().setObjectName("statusBar")
        self.patients.add_buttons([self.actions["new_patient"], self.actions["edit_patient"]],
                                  [self.actions["new_plan"], self.actions["duplicate_plan"], self.actions["archive_plan"]],
                                  [self.actions["restore_patient"]])
        self.library.add_buttons([self.actions[n] for n in ("new_block", "duplicate_block", "edit_block", "block_picture")])

        self._connect_actions()
        self._connect_panels()
        self.keys = WindowKeys(self, self.actions.window_shortcuts())
        self._tab_order()
        extensions.wire(self)
        self._default_state = self.saveState()
        self._fit_on_show = not self.prefs.restore_window(self)  # first start: fit the panes to the screen
        self.reporter.before_crash.append(self.flush)
        if defer_loading:
            self._update_actions()
        else:
            self.load()

    def load(self) -> None:
        """Fill the patients and library panels and reopen the last patient and plan; then `ready`."""
        if self.is_ready:
            return
        self.patients.load()
        self.library.load()
        self._restore_session()
        self._update_actions()
        self.is_ready = True
        self.ready.emit()
        extensions.after_load(self)

    @property
    def preview(self):
        """The handout preview pane; made on first use (None when that piece is not available)."""
        return extensions.preview_pane(self)

    def _show_shortcuts(self) -> None:
        # Loads when first asked for, not while the window starts.
        from planner.ui.window.help_dialogs import ShortcutsDialog

        ShortcutsDialog(self.actions.rows(), self).open()

    def _show_about(self) -> None:
        QMessageBox = QtWidgets.QMessageBox  # noqa: N806 - its Python type is made on first use, not at start-up
        from planner.ui.window.help_dialogs import about_text

        QMessageBox.about(self, _("About Herstelplan"), about_text())

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self, objectName=f"{name}Dock")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    # -- wiring ---------------------------------------------------------------------------------
    def _connect_actions(self) -> None:
        a, ed = self.actions, self.editor
        for name, slot in {
            "new_patient": self.patients.new_patient, "edit_patient": self.patients.edit_patient,
            "archive_patient": self.patients.archive_patient, "new_plan": self.patients.new_plan,
            "restore_patient": self.patients.restore_patient,
            "open_plan": self.patients.open_selected_plan, "quit": self.close,
            "delete": ed.delete_selected, "move_up": lambda: ed.move_selected(-1),
            "move_down": lambda: ed.move_selected(1), "add_phase": ed.add_phase,
            "rename_phase": ed.rename_phase, "duplicate_phase": ed.duplicate_phase,
            "next_phase": lambda: ed.go_to_phase(1), "previous_phase": lambda: ed.go_to_phase(-1),
            "add_block": self.library.add_current, "new_block": self.library.new_block,
            "duplicate_block": self.library.duplicate_block, "edit_block": self.library.edit_block,
            "block_picture": self.library.attach_picture,
            "duplicate_plan": lambda: self._with_plan(self.patients.duplicate_plan),
            "archive_plan": lambda: self._with_plan(self.patients.archive_plan),
            "save_template": self.save_as_template,
            "find_patient": lambda: self._focus("patients", self.patients.focus_search),
            "find_block": lambda: self._focus("library", self.library.focus_search),
            "focus_patients": lambda: self._focus("patients", self.patients.list.setFocus),
            "focus_plan": ed.focus_tree,
            "focus_library": lambda: self._focus("library", self.library.list.setFocus),
            "focus_inspector": lambda: self._focus("inspector", self.inspector.focus_first),
            "reset_layout": self.reset_layout,
            "shortcuts": self._show_shortcuts, "about": self._show_about,
        }.items():
            a.connect(name, slot)
        a["show_archived"].toggled.connect(self.patients.set_show_archived)
        self.patients.archived_shown.connect(a["show_archived"].setChecked)
        a.connect("undo", self._undo)
        a.connect("redo", self._redo)
        for name in ("delete", "move_up", "move_down"):
            a.attach_local(name, self.editor.tree)
        a.attach_local("add_block", self.library)
        group = self.doc.group
        group.canUndoChanged.connect(a["undo"].setEnabled)
        group.canRedoChanged.connect(a["redo"].setEnabled)
        group.undoTextChanged.connect(lambda text: a["undo"].setText(_("Undo %(what)s") % {"what": text} if text else _("Undo")))
        group.redoTextChanged.connect(lambda text: a["redo"].setText(_("Redo %(what)s") % {"what": text} if text else _("Redo")))

    def _connect_panels(self) -> None:
        self.patients.plan_activated.connect(self.open_plan)
        self.patients.plan_archived.connect(self.doc.forget)
        self.patients.patient_selected.connect(self._patient_selected)
        self.library.add_requested.connect(self.editor.add_block)
        self.library.add_many_requested.connect(self.editor.add_block)
        self.editor.selection_changed.connect(self.inspector.show_target)
        self.editor.selection_changed.connect(lambda _key: self._update_actions())
        self.editor.tree.edit_requested.connect(lambda: self._focus("inspector", self.inspector.focus_first))
        self.editor.status_message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.bus.library_changed.connect(lambda _block_id: self.doc.reload())  # new pictures and titles
        self.doc.loaded.connect(self._plan_shown)
        self.doc.changed.connect(lambda _hint: self._plan_shown())

    def _tab_order(self) -> None:
        """Tab walks left to right: patients, their plans, the plan's fields and cards, the library."""
        chain = [self.patients.search, self.patients.list, self.patients.plan_list, self.editor.title,
                 self.editor.start, self.editor.goal, self.editor.status, self.editor.language,
                 self.editor.tree, self.library.search, self.library.list]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _focus(self, dock: str, then) -> None:
        self.docks[dock].show()
        self.docks[dock].raise_()
        then()

    def _with_plan(self, function) -> None:
        plan_id = self.doc.plan.id if self.doc.plan is not None else self.patients.selected_plan_id()
        if plan_id is not None:
            self.flush()
            function(plan_id)

    # -- editing ----------------------------------------------------------------------------------
    def flush(self) -> None:
        """Commit anything still being typed (before undo, closing, a crash dialog)."""
        self.editor.flush()
        self.inspector.flush()

    def _undo(self) -> None:
        self.flush()
        self.doc.group.undo()

    def _redo(self) -> None:
        self.flush()
        self.doc.group.redo()

    def open_plan(self, plan_id: int, *, focus: bool = True) -> None:
        """Open the plan in the editor; its patient becomes the one shown (an imported plan, say)."""
        self.flush()
        self.doc.open(plan_id)
        self.prefs.last_plan_id = plan_id
        patient_id = self.doc.plan.patient_id if self.doc.plan is not None else None
        shown = self.patients.current_patient()
        if patient_id is not None and (shown is None or shown.id != patient_id):
            if self.patients.select_patient(patient_id):
                self.patients.select_plan(plan_id)
        if focus:
            self.editor.focus_tree()

    def save_as_template(self) -> None:
        from planner.services import plans as plan_service

        plan = self.doc.plan
        if plan is None:
            return
        self.flush()
        copy = plan_service.duplicate_plan(self.db, plan.id, as_template=True,
                                           title=_("%(title)s (template)") % {"title": plan.title})
        self.statusBar().showMessage(_("Saved “%(title)s” as a template; it is offered for new plans.")
                                     % {"title": copy.title}, 8000)

    # -- state ----------------------------------------------------------------------------------
    def reset_layout(self) -> None:
        """Docks back where they start: patients left, library and inspector right, all shown."""
        self.restoreState(self._default_state)
        for name, dock in self.docks.items():
            dock.setFloating(False)
            dock.setVisible(name != "preview")
        self.fit_docks()

    def fit_docks(self) -> None:
        """Pane sizes for the window's size (1280×800 up): the patients a fifth of the width, the
        library and inspector a quarter; the inspector as high as a block's dosage fields need (up
        to half the column), the library the rest."""
        width, height = self.width(), self.height()
        left = max(250, min(320, round(width * 0.2)))
        right = max(320, min(440, round(width * 0.26)))
        self.resizeDocks([self.docks["patients"], self.docks["library"]], [left, right], Qt.Orientation.Horizontal)
        column = self.docks["library"].height() + self.docks["inspector"].height()
        if column < 300:  # not laid out yet: the height less the menu bar, toolbar and status bar
            column = height - 80
        inspector = min(INSPECTOR_HEIGHT, column // 2) if column < 2 * INSPECTOR_HEIGHT else round(column * 0.48)
        self.resizeDocks([self.docks["library"], self.docks["inspector"]], [column - inspector, inspector],
                         Qt.Orientation.Vertical)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if getattr(self, "_fit_on_show", False):
            self._fit_on_show = False
            self.fit_docks()

    def _patient_selected(self, patient_id: int) -> None:
        """Another patient is shown: their plan opens in the editor (the first in their list), or none
        when they have no plan. The plan open is always the shown patient's, so every file name and
        handout is theirs."""
        self.prefs.last_patient_id = None if patient_id < 0 else patient_id
        plan = self.doc.plan
        if plan is not None and plan.patient_id != (None if patient_id < 0 else patient_id):
            plan_id = self.patients.selected_plan_id() if patient_id >= 0 else None
            if plan_id is not None:
                self.open_plan(plan_id, focus=False)
            else:
                self.flush()
                self.doc.close()
                self.prefs.last_plan_id = None
        self._update_actions()

    def _restore_session(self) -> None:
        patient_id = self.prefs.last_patient_id
        if patient_id is not None and self.patients.select_patient(patient_id):
            plan_id = self.prefs.last_plan_id
            if plan_id is not None and self.patients.plans_model.row_of(plan_id) is not None:
                self.open_plan(plan_id)

    def _plan_shown(self) -> None:
        plan = self.doc.plan
        parts = ["Herstelplan"]
        if plan is not None:
            parts.insert(0, plan.title + (f" — {plan.patient_name}" if plan.patient_name else ""))
        self.setWindowTitle(" · ".join(parts))
        self._update_actions()

    def _update_actions(self) -> None:
        a = self.actions
        has_plan = self.doc.plan is not None
        has_patient = self.patients.current_patient() is not None
        selected = self.editor.selected
        for name in ("add_phase", "rename_phase", "duplicate_phase", "save_template", "add_block", "next_phase",
                     "previous_phase"):
            a[name].setEnabled(has_plan)
        for name in ("delete", "move_up", "move_down"):
            a[name].setEnabled(has_plan and selected is not None)
        patient = self.patients.current_patient()
        for name in ("edit_patient", "new_plan"):
            a[name].setEnabled(has_patient)
        a["archive_patient"].setEnabled(patient is not None and not patient.archived)
        a["restore_patient"].setEnabled(patient is not None and patient.archived)
        for name in ("duplicate_plan", "archive_plan"):
            a[name].setEnabled(has_plan or self.patients.selected_plan_id() is not None)
        a["undo"].setEnabled(self.doc.group.canUndo())
        a["redo"].setEnabled(self.doc.group.canRedo())
        extensions.update(self)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.doc.refresh_if_stale()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.flush()
        self.prefs.save_window(self)
        self.closing.emit()
        super().closeEvent(event)

    def event(self, event: QEvent) -> bool:
        result = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_paint.emit()
        return result


__all__ = ["MainWindow"]
