"""The main window: builds menus and toolbar from the action table (actions.py, where every action's
handler and needs are declared), lays out the panels (they talk by signals) and remembers the layout.
It is built without the database: `attach(db)` hands it in once open (application.py opens it on a
worker after the first paint), then the panels fill and `ready` is emitted. To the feature dialogs the
window is a `Desk` (planner/ui/common/desk.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QDockWidget, QMainWindow, QToolBar, QWidget

from planner.i18n import _
from planner.ui.common.bus import ChangeBus
from planner.ui.common.errors import ErrorReporter
from planner.ui.common.icons import icon
from planner.ui.common.service_calls import library_service
from planner.ui.common.thumbnails import Thumbnails
from planner.ui.editor.inspector import Inspector
from planner.ui.editor.plan_document import PlanDocument
from planner.ui.editor.plan_editor import PlanEditor
from planner.ui.library.library_panel import LibraryPanel
from planner.ui.patients.patients_panel import PatientsPanel
from planner.ui.settings.settings import Settings
from planner.ui.window.actions import SPECS, ActionRegistry, ActionSpec, Need
from planner.ui.window.layout import fit_docks
from planner.ui.window.preview_dock import PreviewDock
from planner.ui.window.window_keys import WindowKeys

if TYPE_CHECKING:
    from planner.domain.model import PatientView, PlanView
    from planner.services.database import Database
    from planner.ui.files.export import OutputActions
    from planner.ui.files.preview import PreviewPane

LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea


class MainWindow(QMainWindow):
    first_paint = Signal()
    ready = Signal()  # the database is open and the panels show its patients and library (see `attach`)
    closing = Signal()
    language_changed = Signal(str)  # the application rebuilds the window in the new language

    def __init__(self, db: Database | None = None, *, settings: Settings | None = None,
                 reporter: ErrorReporter | None = None, parent: QObject | None = None,
                 doc: PlanDocument | None = None, specs: tuple[ActionSpec, ...] = SPECS):
        """`db`: the open database, or None to build and show the window before it is open (`attach`
        hands it in). `doc`: the plan document of the window this one replaces (a new language), with
        its undo history. `specs`: the action table (tests hand in a broken one)."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._db: Database | None = None
        self._painted = False
        self.is_ready = False
        self.active_dialog: QDialog | None = None
        self._output: OutputActions | None = None
        self.setWindowIcon(icon("herstelplan"))
        self.bus = ChangeBus(self)
        self.reporter = reporter or ErrorReporter(lambda: self)
        self.prefs = settings if settings is not None else Settings.for_user()  # this desk's settings
        self.thumbnails = Thumbnails(lambda block_id: library_service().block_image(self.db, block_id))
        if doc is None:
            self.doc = PlanDocument(None, self.bus, self.reporter, self)
        else:
            doc.adopt(self.bus, self)
            self.doc = doc
        self.actions = ActionRegistry(self, specs)

        self.patients = PatientsPanel(None, self.bus, load=False)
        self.library = LibraryPanel(None, self.bus, self.thumbnails, load=False)
        self.editor = PlanEditor(self.doc, self.thumbnails)
        self.inspector = Inspector(self.doc, self.thumbnails)
        self.setCentralWidget(self.editor)
        self.docks: dict[str, QDockWidget] = {
            "patients": self._dock("patients", _("Patients"), self.patients, LEFT),
            "library": self._dock("library", _("Library"), self.library, RIGHT),
            "inspector": self._dock("inspector", _("Inspector"), self.inspector, RIGHT),
        }
        self.preview_dock = PreviewDock(self, doc=self.doc, bus=self.bus, prefs=self.prefs,
                                        database=lambda: self._db)
        self.addDockWidget(LEFT, self.preview_dock)
        self.tabifyDockWidget(self.docks["patients"], self.preview_dock)
        self.preview_dock.hide()
        self.docks["preview"] = self.preview_dock
        self.resize(1440, 900)
        self.fit_docks()

        self.menus = self.actions.fill_menus(self.menuBar())
        view_menu = self.menus["view"]
        view_menu.addSeparator()
        for name in ("patients", "library", "inspector"):
            view_menu.addAction(self.docks[name].toggleViewAction())
        self.toolbar = QToolBar(_("Main toolbar"), self, objectName="mainToolbar")
        self.toolbar.setMovable(False)
        self.actions.fill_toolbar(self.toolbar)
        self.addToolBar(self.toolbar)
        self.statusBar().setObjectName("statusBar")
        self.patients.add_buttons([self.actions["new_patient"], self.actions["edit_patient"]],
                                  [self.actions["new_plan"], self.actions["duplicate_plan"], self.actions["archive_plan"]],
                                  [self.actions["restore_patient"]])
        self.library.add_buttons([self.actions[n] for n in ("new_block", "duplicate_block", "edit_block", "block_picture")])

        self.actions.bind(self)
        self._connect_actions()
        self._connect_panels()
        self.keys = WindowKeys(self, self.actions.window_shortcuts())
        self._tab_order()
        self._default_state = self.saveState()
        self._fit_on_show = not self.prefs.restore_window(self)  # first start: fit the panes to the screen
        self.reporter.before_crash.append(self.flush)
        if db is not None:
            self.attach(db)
        else:
            self._update_actions()

    def attach(self, db: Database) -> None:
        """The database is open: fill the patients and library panels, reopen the last patient and
        plan, fill a preview dock left open at the last close; then `ready`."""
        if self.is_ready:
            return
        self._db = db
        self.doc.db = db
        self.patients.load(db)
        self.library.load(db)
        self._restore_session()
        self.is_ready = True
        self._update_actions()
        self.ready.emit()
        self.preview_dock.follow()

    # -- the Desk (planner/ui/common/desk.py): what the feature dialogs use ---------------------------
    @property
    def db(self) -> Database:
        if self._db is None:
            raise RuntimeError("the database is not open yet")  # an action declared without Need.DATABASE
        return self._db

    @property
    def widget(self) -> QWidget:
        return self

    @property
    def plan(self) -> PlanView | None:
        return self.doc.plan

    def current_patient(self) -> PatientView | None:
        return self.patients.current_patient()

    def current_plan_id(self) -> int | None:
        return self.doc.plan.id if self.doc.plan is not None else self.patients.selected_plan_id()

    def reload_plan(self) -> None:
        self.doc.reload()

    def forget_plan(self, plan_id: int) -> None:
        self.doc.forget(plan_id)

    def clear_history(self) -> None:
        for stack in self.doc.group.stacks():
            stack.clear()

    def say(self, text: str, msecs: int = 8000) -> None:
        self.statusBar().showMessage(text, msecs)

    def show_dialog(self, dialog: QDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.active_dialog = dialog

    # -- the window's own commands (named by the action table) ------------------------------------
    @property
    def preview(self) -> PreviewPane | None:  # made on first use; None while the database is not open
        return self.preview_dock.make_pane()

    def show_preview(self, visible: bool) -> None:
        self.preview_dock.show_beside(visible)

    def output(self) -> OutputActions:
        """Export (Ctrl+E) and Print (Ctrl+P) on the open plan, with the preview's options when it is
        shown; made on first use (the export module brings the handout renderer)."""
        if self._output is None:
            from planner.ui.files.export import OutputActions

            def options_for(plan_id: int):
                pane = self.preview_dock.pane
                return pane.options(plan_id) if pane is not None and pane.isVisible() else None

            made = self._output = OutputActions(self, self.db, self.prefs, options_for=options_for)
            made.exported.connect(lambda path: self.say(_("Handout saved as %(path)s") % {"path": path}))
            made.printed.connect(lambda pages: self.say(
                _("Handout sent to the printer (%(n)d pages)") % {"n": pages}))
        self._output.set_plan(self.doc.plan.id if self.doc.plan is not None else None)
        return self._output

    def open_settings(self) -> None:
        """Settings (Ctrl+,): clinic, handout defaults, UI language. A new language rebuilds the window."""
        from planner.ui.settings.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.db, self.prefs, self)
        dialog.language_changed.connect(self.language_changed)
        pane = self.preview_dock.pane
        if pane is not None:
            dialog.clinic_saved.connect(pane.refresh)
            dialog.handout_defaults_changed.connect(pane.apply_defaults)
        dialog.open()

    def show_shortcuts(self) -> None:
        from planner.ui.window.help_dialogs import ShortcutsDialog  # loads when first asked for

        ShortcutsDialog(self.actions.rows(), self).open()

    def show_about(self) -> None:
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
        """What the table does not say: where local shortcuts work, and the undo texts."""
        a = self.actions
        for name in ("delete", "move_up", "move_down"):
            a.attach_local(name, self.editor.tree)
        a.attach_local("add_block", self.library)
        dock = self.preview_dock
        dock.visibilityChanged.connect(lambda _visible: (a["preview"].setChecked(dock.isVisible()), dock.follow()))
        group = self.doc.group
        group.canUndoChanged.connect(lambda _can: self._update_actions())
        group.canRedoChanged.connect(lambda _can: self._update_actions())
        group.undoTextChanged.connect(lambda text: a["undo"].setText(_("Undo %(what)s") % {"what": text} if text else _("Undo")))
        group.redoTextChanged.connect(lambda text: a["redo"].setText(_("Redo %(what)s") % {"what": text} if text else _("Redo")))

    def _connect_panels(self) -> None:
        self.patients.plan_activated.connect(self.open_plan)
        self.patients.plan_archived.connect(self.doc.forget)
        self.patients.patient_selected.connect(self._patient_selected)
        self.patients.archived_shown.connect(self.actions["show_archived"].setChecked)
        self.library.add_requested.connect(self.editor.add_block)
        self.library.add_many_requested.connect(self.editor.add_block)
        self.editor.selection_changed.connect(self.inspector.show_target)
        self.editor.selection_changed.connect(lambda _key: self._update_actions())
        self.editor.tree.edit_requested.connect(lambda: self.focus_dock("inspector", self.inspector.focus_first))
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

    def focus_dock(self, dock: str, then: Callable[[], object]) -> None:
        self.docks[dock].show()
        self.docks[dock].raise_()
        then()

    def with_plan(self, function: Callable[[int], object]) -> None:
        plan_id = self.doc.plan.id if self.doc.plan is not None else self.patients.selected_plan_id()
        if plan_id is not None:
            self.flush()
            function(plan_id)

    def flush(self) -> None:
        """Commit anything still being typed (before undo, closing, a crash dialog)."""
        self.editor.flush()
        self.inspector.flush()

    def undo(self) -> None:
        self.flush()
        self.doc.group.undo()

    def redo(self) -> None:
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
        else:
            self.patients.select_plan(plan_id)
        if focus:
            self.editor.focus_tree()

    def reset_layout(self) -> None:
        """Docks back where they start: patients left, library and inspector right, all shown."""
        self.restoreState(self._default_state)
        for name, dock in self.docks.items():
            dock.setFloating(False)
            dock.setVisible(name != "preview")
        self.fit_docks()

    def fit_docks(self) -> None:
        fit_docks(self, self.docks)

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
        """Enable each action whose needs (declared in the action table) are there."""
        present = Need.NOTHING
        patient = self.patients.current_patient() if self.is_ready else None
        if self.is_ready:
            present |= Need.DATABASE
        if patient is not None:
            present |= Need.PATIENT | (Need.ARCHIVED_PATIENT if patient.archived else Need.ACTIVE_PATIENT)
        if self.doc.plan is not None:
            present |= Need.PLAN | Need.ANY_PLAN
            if self.editor.selected is not None:
                present |= Need.SELECTION
        elif self.is_ready and self.patients.selected_plan_id() is not None:
            present |= Need.ANY_PLAN
        if self.doc.group.canUndo():
            present |= Need.UNDO
        if self.doc.group.canRedo():
            present |= Need.REDO
        self.actions.update(present)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            self.doc.refresh_if_stale()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.flush()
        self.prefs.save_window(self)
        self.closing.emit()
        self.preview_dock.shutdown()
        super().closeEvent(event)

    def event(self, event: QEvent) -> bool:
        result = super().event(event)
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            self.first_paint.emit()
        return result


__all__ = ["MainWindow"]
