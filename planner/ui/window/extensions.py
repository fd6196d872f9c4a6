"""Where the pieces built alongside the editor plug into the main window: handout preview,
export and print, settings, progression dialogs, backups, plan transfer and the activity log.

Each hook gets its module as a lazily loaded module: its code runs when the hook first uses one
of its names (for the dialogs: when the dialog first opens). A piece that is not there yet leaves
its action disabled with a tooltip, so the window always starts."""

from __future__ import annotations

import logging
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from planner.i18n import _
from planner.ui.window.lazy_import import lazy_module

if TYPE_CHECKING:
    from planner.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)

# action name -> module that provides it
PROVIDERS = {
    "preview": "planner.ui.files.preview",
    "export": "planner.ui.files.export",
    "print": "planner.ui.files.export",
    "settings": "planner.ui.settings.settings_dialog",
    "progress_phase": "planner.ui.monitoring.progress_dialog",
    "step_back": "planner.ui.monitoring.progress_dialog",
    "check_in": "planner.ui.monitoring.checkin_dialog",
    "progress_chart": "planner.ui.monitoring.chart",
    "outcome_measures": "planner.ui.monitoring.measures_dialog",
    "backup": "planner.ui.files.backup_dialog",
    "restore_backup": "planner.ui.files.backup_dialog",
    "import_plan": "planner.ui.files.transfer_dialog",
    "export_plan_file": "planner.ui.files.transfer_dialog",
    "export_patient": "planner.ui.files.transfer_dialog",
    "erase_patient": "planner.ui.files.transfer_dialog",
    "activity_log": "planner.ui.patients.audit_view",
    "audit_trail": "planner.ui.patients.audit_view",
    "new_plan_wizard": "planner.ui.editor.wizard_dialog",
}
NEEDS_PLAN = ("preview", "export", "print", "progress_phase", "step_back", "check_in", "progress_chart",
              "outcome_measures",
              "export_plan_file")
NEEDS_PATIENT = ("new_plan_wizard", "export_patient", "erase_patient", "audit_trail", "activity_log")


def _module(name: str) -> ModuleType | None:
    """The provider module, loaded on first use (a dialog's code and its imports load when the
    dialog is first opened, not while the window starts); None when it is not there."""
    try:
        module = lazy_module(name)
    except ImportError as error:
        log.info("optional UI module %s not available: %s", name, error)
        return None
    if module is None:
        log.info("optional UI module %s not available", name)
    return module


# Pieces whose wiring runs their module at once (an `install(window)` that builds objects): wired when
# the window has its data (`after_load`), so their modules — and the database code they import — stay
# out of the first paint. Their actions are off until then (a second, at most).
WIRED_AFTER_LOAD = ("planner.ui.files.backup_dialog", "planner.ui.files.transfer_dialog", "planner.ui.patients.audit_view")


def wire(window: MainWindow) -> None:
    """Connect every available piece; mark the others as not available yet."""
    window.extension_ready = {}
    window.extension_pending = []
    for action_name, module_name in PROVIDERS.items():
        module = _module(module_name)
        hook = globals().get(f"_wire_{action_name}")
        if module is not None and hook is not None and module_name in WIRED_AFTER_LOAD:
            window.extension_pending.append((action_name, module, hook))
            window.extension_ready[action_name] = False
            window.actions[action_name].setEnabled(False)
            continue
        _run_hook(window, action_name, module=module, hook=hook)


def _run_hook(window: MainWindow, action_name: str, *, module: ModuleType | None, hook) -> None:
    ready = False
    if module is not None and hook is not None:
        try:
            ready = bool(hook(window, module))
        except Exception:
            log.exception("wiring %s failed", action_name)
    window.extension_ready[action_name] = ready
    if not ready:
        action = window.actions[action_name]
        action.setEnabled(False)
        action.setToolTip(_("Not available in this version yet"))


# ---- hooks: each returns True when its action is ready -------------------------------------------


def preview_pane(window: MainWindow, *, build: bool = True):
    """The handout preview pane, made the first time it is shown or asked for (its module brings the
    handout renderer, ReportLab, along); None when the piece is not there, or not made yet and
    `build` is False. `window.preview` is this."""
    pane = getattr(window, "_preview_pane", None)
    if pane is None and build:
        make = getattr(window, "_make_preview", None)
        pane = make() if make is not None else None
    return pane


def _wire_preview(window: MainWindow, module: ModuleType) -> bool:
    """The live handout preview as a dock (hidden until Ctrl+Shift+P), following the open plan. It
    opens as a tab beside the patients, the left column widened to a readable page, so the library
    and the inspector keep their room."""
    from PySide6.QtWidgets import QDockWidget

    dock = QDockWidget(_("Handout preview"), window, objectName="previewDock")
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    window.tabifyDockWidget(window.docks["patients"], dock)
    dock.hide()
    window.docks["preview"] = dock
    action = window.actions["preview"]

    def make():
        pane = module.PreviewPane(window.db, window.prefs)
        window._preview_pane = pane  # noqa: SLF001 - the hooks extend the window
        dock.setWidget(pane)
        window.bus.plan_changed.connect(lambda plan_id, version: pane.plan_changed(plan_id, version)
                                        if dock.isVisible() else None)
        window.closing.connect(pane.shutdown)
        return pane

    def follow() -> None:  # a dock left open at the last close is filled once the window is ready
        pane = preview_pane(window, build=dock.isVisible() and window.is_ready)
        if pane is not None:
            plan = window.doc.plan
            pane.show_plan(plan.id if plan is not None and dock.isVisible() else None)

    def show(visible: bool) -> None:
        dock.setVisible(visible)
        if visible and not dock.isFloating():
            dock.raise_()
            if window.dockWidgetArea(dock) == Qt.DockWidgetArea.LeftDockWidgetArea:
                wide = max(360, min(560, round(window.width() * 0.3)))
                if dock.width() < wide:
                    window.resizeDocks([dock], [wide], Qt.Orientation.Horizontal)

    window._make_preview = make  # noqa: SLF001 - the hooks extend the window
    action.toggled.connect(show)
    dock.visibilityChanged.connect(lambda visible: (action.setChecked(dock.isVisible()), follow()))
    window.doc.loaded.connect(follow)
    return True


def _wire_export(window: MainWindow, module: ModuleType) -> bool:
    """Export (Ctrl+E) and Print (Ctrl+P) on the open plan, with the preview's options when shown.
    The export module (and the handout renderer) loads the first time either is used."""

    def options_for(plan_id: int):
        preview = preview_pane(window, build=False)
        return preview.options(plan_id) if preview is not None and preview.isVisible() else None

    def output():
        made = getattr(window, "output", None)
        if made is None:
            made = window.output = module.OutputActions(window, window.db, window.prefs, options_for=options_for)
            made.exported.connect(lambda path: window.statusBar().showMessage(
                _("Handout saved as %(path)s") % {"path": path}, 8000))
            made.printed.connect(lambda pages: window.statusBar().showMessage(
                _("Handout sent to the printer (%(n)d pages)") % {"n": pages}, 8000))
        made.set_plan(window.doc.plan.id if window.doc.plan is not None else None)
        return made

    window.actions.connect("export", lambda: output().export())
    window.actions.connect("print", lambda: output().print())
    return True


def _wire_print(window: MainWindow, module: ModuleType) -> bool:  # noqa: ARG001 - every hook takes its module
    return window.extension_ready.get("export", False)  # wired together with export


def _wire_settings(window: MainWindow, module: ModuleType) -> bool:
    """Settings (Ctrl+,): clinic, handout defaults, UI language. A new language rebuilds the window."""

    def open_dialog() -> None:
        dialog = module.SettingsDialog(window.db, window.prefs, window)
        dialog.language_changed.connect(window.language_changed)
        preview = preview_pane(window, build=False)
        if preview is not None:
            dialog.clinic_saved.connect(preview.refresh)
            dialog.handout_defaults_changed.connect(preview.apply_defaults)
        dialog.open()

    window.actions.connect("settings", open_dialog)
    return True


def _open_on_plan(window: MainWindow, make) -> None:
    """Open a dialog on the open plan after saving any typing in progress."""
    plan = window.doc.plan
    if plan is None:
        return
    window.flush()
    dialog = make(plan.id)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    window.active_dialog = dialog


def _wire_progress_phase(window: MainWindow, module: ModuleType) -> bool:
    """Progress phase (Ctrl+G) and Step back (Ctrl+Shift+G): the reviewed phase is added; Ctrl+Z removes it."""
    from planner.ui.editor.commands import AdoptPhaseCommand

    def open_dialog(step_back: bool) -> None:
        def make(plan_id: int):
            current = window.editor.current_phase_id()
            dialog = module.ProgressDialog(window.db, plan_id, window, step_back=step_back, phase_id=current)
            dialog.changed.connect(window.bus.publish)

            def applied(_change, phase_id: int) -> None:
                window.doc.reload()
                text = _("Step back") if step_back else _("Progress phase")
                window.doc.push(AdoptPhaseCommand(window.doc, plan_id, phase_id=phase_id, text=text))
                window.editor.select(("phase", phase_id))

            dialog.applied.connect(applied)
            return dialog

        _open_on_plan(window, make)

    def open_review() -> None:  # Ctrl+G: the roadmap's review (issue 11); inserting a phase is one click away
        from planner.ui.monitoring.practice_panel import TickCommand
        from planner.ui.monitoring.review_dialog import AcceptReviewCommand, ReviewDialog

        def make(plan_id: int):
            dialog = ReviewDialog(window.db, plan_id, window)

            def accepted(done) -> None:
                window.doc.reload()
                window.doc.push(AcceptReviewCommand(window.doc, plan_id, done.before, done.after, _("Review")))
                window.bus.publish(done.change)

            def ticked(change) -> None:
                window.doc.reload()
                window.bus.publish(change)

            def undoable(edit) -> None:
                window.doc.reload()
                window.doc.push(TickCommand(window.doc, edit))

            dialog.accepted_review.connect(accepted)
            dialog.ticked.connect(undoable)
            dialog.changed.connect(ticked)
            dialog.insert_phase.connect(lambda: open_dialog(False))
            return dialog

        _open_on_plan(window, make)

    window.actions.connect("progress_phase", open_review)
    window.actions.connect("step_back", lambda: open_dialog(True))
    return True


def _wire_step_back(window: MainWindow, module: ModuleType) -> bool:  # noqa: ARG001 - every hook takes its module
    return window.extension_ready.get("progress_phase", False)  # wired with Progress phase


def _wire_check_in(window: MainWindow, module: ModuleType) -> bool:
    """Record check-in (Ctrl+K) for the open plan."""
    window.actions.connect("check_in", lambda: _open_on_plan(
        window, lambda plan_id: module.CheckInDialog(window.db, plan_id, window)))
    return True


def _wire_progress_chart(window: MainWindow, module: ModuleType) -> bool:
    """The progress chart (Ctrl+Shift+K) of the open plan."""
    window.actions.connect("progress_chart", lambda: _open_on_plan(
        window, lambda plan_id: module.ChartDialog(window.db, plan_id, window)))
    return True


def _wire_outcome_measures(window: MainWindow, module: ModuleType) -> bool:
    """Outcome measures (Ctrl+Shift+M) of the open plan's patient, with the plan's summary."""
    def open_dialog() -> None:
        plan = window.doc.plan
        if plan is None:
            return
        if plan.patient_id is None:
            window.statusBar().showMessage(_("A template has no patient: open a patient's plan to record measures."))
            return
        _open_on_plan(window, lambda plan_id: module.MeasuresDialog(window.db, plan.patient_id, window,
                                                                    plan_id=plan_id))

    window.actions.connect("outcome_measures", open_dialog)
    return True


def _wire_new_plan_wizard(window: MainWindow, module: ModuleType) -> bool:
    """New plan with the wizard (Ctrl+Shift+W) for the selected patient; the new plan opens."""
    from planner.services.changes import PlanChanged

    def open_dialog() -> None:
        patient = window.patients.current_patient()
        if patient is None:
            return
        dialog = module.WizardDialog(window.db, patient.id, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def created(plan) -> None:
            window.bus.publish(PlanChanged(plan.id, plan.version))
            window.patients.select_plan(plan.id)
            window.open_plan(plan.id)

        dialog.created.connect(created)
        dialog.open()
        window.active_dialog = dialog

    window.actions.connect("new_plan_wizard", open_dialog)
    return True


def after_load(window: MainWindow) -> None:
    """The window has its data: wire the pieces kept for this moment (WIRED_AFTER_LOAD) and fill a
    preview dock that was left open at the last close."""
    pending, window.extension_pending = getattr(window, "extension_pending", []), []
    for action_name, module, hook in pending:
        _run_hook(window, action_name, module=module, hook=hook)
    if pending:
        update(window)
    dock = window.docks.get("preview")
    if dock is not None and dock.isVisible():
        pane = preview_pane(window)
        if pane is not None:
            plan = window.doc.plan
            pane.show_plan(plan.id if plan is not None else None)


def update(window: MainWindow) -> None:
    """Enable the wired actions that need an open plan only while one is open."""
    ready = getattr(window, "extension_ready", {})
    has_plan = window.doc.plan is not None
    has_patient = window.patients.current_patient() is not None
    for name, is_ready in ready.items():
        window.actions[name].setEnabled(is_ready and (has_plan or name not in NEEDS_PLAN)
                                        and (has_patient or name not in NEEDS_PATIENT))


# ---- reliability: backups and restore, plan files, patient rights, the audit trail ----------------


def _wire_backup(window: MainWindow, module: ModuleType) -> bool:
    """File → Back up now… and Restore backup… (one dialog)."""
    return bool(module.install(window))


def _wire_restore_backup(window: MainWindow, module: ModuleType) -> bool:  # noqa: ARG001 - every hook takes its module
    return window.extension_ready.get("backup", False)  # wired together with backup


def _wire_import_plan(window: MainWindow, module: ModuleType) -> bool:
    """File → Import plan…, Export plan file…; Patient → Export data…, Erase patient…."""
    return bool(module.install(window))


def _wire_export_plan_file(window: MainWindow, module: ModuleType) -> bool:  # noqa: ARG001 - every hook takes its module
    return window.extension_ready.get("import_plan", False)


def _wire_export_patient(window: MainWindow, module: ModuleType) -> bool:  # noqa: ARG001 - every hook takes its module
    return window.extension_ready.get("import_plan", False)


def _wire_erase_patient(window: MainWindow, module: ModuleType) -> bool:  # noqa: ARG001 - every hook takes its module
    return window.extension_ready.get("import_plan", False)


def _wire_activity_log(window: MainWindow, module: ModuleType) -> bool:
    """View → Activity log and Patient → View audit trail…: the selected patient's trail."""
    return bool(module.install(window))


def _wire_audit_trail(window: MainWindow, module: ModuleType) -> bool:  # noqa: ARG001 - every hook takes its module
    return window.extension_ready.get("activity_log", False)
