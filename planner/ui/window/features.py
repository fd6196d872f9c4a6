"""The handlers of the window's feature dialogs, named by the action table (actions.py).

Each takes the `Desk` (or, when it works on the editor too, the `Window`) and imports its dialog
when it runs: a dialog's module and the services behind it load the first time it is opened, not
while the window starts. Backups, plan files and the audit trail keep their wiring beside their
dialogs (`open_backups`, `import_plan`, … in planner/ui/files and planner/ui/patients), on the Desk.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from planner.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from planner.ui.common.desk import Desk
    from planner.ui.window.interface import Window


def _open_on_plan(desk: Desk, make: Callable[[int], QDialog]) -> None:
    """Open a dialog on the open plan after saving any typing in progress."""
    plan = desk.plan
    if plan is None:
        return
    desk.flush()
    desk.show_dialog(make(plan.id))


def check_in(desk: Desk) -> None:
    """Record check-in (Ctrl+K) for the open plan."""
    from planner.ui.monitoring.checkin_dialog import CheckInDialog

    _open_on_plan(desk, lambda plan_id: CheckInDialog(desk.db, plan_id, desk.widget))


def progress_chart(desk: Desk) -> None:
    """The progress chart (Ctrl+Shift+K) of the open plan."""
    from planner.ui.monitoring.chart import ChartDialog

    _open_on_plan(desk, lambda plan_id: ChartDialog(desk.db, plan_id, desk.widget))


def outcome_measures(desk: Desk) -> None:
    """Outcome measures (Ctrl+Shift+M) of the open plan's patient, with the plan's summary."""
    from planner.ui.monitoring.measures_dialog import MeasuresDialog

    plan = desk.plan
    if plan is None:
        return
    patient_id = plan.patient_id
    if patient_id is None:
        desk.say(_("A template has no patient: open a patient's plan to record measures."), 0)
        return
    _open_on_plan(desk, lambda plan_id: MeasuresDialog(desk.db, patient_id, desk.widget, plan_id=plan_id))


def _progress(window: Window, *, step_back: bool) -> None:
    """The progress dialog: the proposed next (or easier) phase is added; Ctrl+Z removes it."""
    from planner.ui.editor.commands import AdoptPhaseCommand
    from planner.ui.monitoring.progress_dialog import ProgressDialog

    def make(plan_id: int) -> QDialog:
        current = window.editor.current_phase_id()
        dialog = ProgressDialog(window.db, plan_id, window.widget, step_back=step_back, phase_id=current)
        dialog.changed.connect(window.bus.publish)

        def applied(_change: object, phase_id: int) -> None:
            window.doc.reload()
            text = _("Step back") if step_back else _("Progress phase")
            window.doc.push(AdoptPhaseCommand(window.doc, plan_id, phase_id=phase_id, text=text))
            window.editor.select(("phase", phase_id))

        dialog.applied.connect(applied)
        return dialog

    _open_on_plan(window, make)


def step_back(window: Window) -> None:
    """Step back (Ctrl+Shift+G): an easier phase after a flare-up."""
    _progress(window, step_back=True)


def review_plan(window: Window) -> None:
    """Progress phase (Ctrl+G): the roadmap's review (issue 11); inserting a phase is one click away."""
    from planner.ui.monitoring.practice_panel import TickCommand
    from planner.ui.monitoring.review_dialog import AcceptReviewCommand, ReviewDialog

    def make(plan_id: int) -> QDialog:
        dialog = ReviewDialog(window.db, plan_id, window.widget)

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
        dialog.insert_phase.connect(lambda: _progress(window, step_back=False))
        return dialog

    _open_on_plan(window, make)


def save_as_template(desk: Desk) -> None:
    """Save plan as template… (Ctrl+Shift+T): a copy of the open plan, offered for new plans."""
    from planner.services import plans as plan_service

    plan = desk.plan
    if plan is None:
        return
    desk.flush()
    copy = plan_service.duplicate_plan(desk.db, plan.id, as_template=True,
                                       title=_("%(title)s (template)") % {"title": plan.title})
    desk.say(_("Saved “%(title)s” as a template; it is offered for new plans.") % {"title": copy.title})


def new_plan_wizard(desk: Desk) -> None:
    """New plan with the wizard (Ctrl+Shift+W) for the shown patient; the new plan opens."""
    from planner.services.changes import PlanChanged
    from planner.ui.editor.wizard_dialog import WizardDialog

    patient = desk.current_patient()
    if patient is None:
        return
    dialog = WizardDialog(desk.db, patient.id, desk.widget)

    def created(plan) -> None:
        desk.bus.publish(PlanChanged(plan.id, plan.version))
        desk.open_plan(plan.id)

    dialog.created.connect(created)
    desk.show_dialog(dialog)


# ---- reliability: backups and restore, plan files, patient rights, the audit trail ----------------


def open_backups(desk: Desk) -> None:
    """File → Back up now… and Restore backup… (one dialog)."""
    from planner.ui.files import backup_dialog

    backup_dialog.open_backups(desk)


def import_plan(desk: Desk) -> None:
    from planner.ui.files import transfer_dialog

    transfer_dialog.import_plan(desk)


def export_plan_file(desk: Desk) -> None:
    from planner.ui.files import transfer_dialog

    transfer_dialog.export_plan_file(desk)


def export_patient(desk: Desk) -> None:
    from planner.ui.files import transfer_dialog

    transfer_dialog.export_patient(desk)


def erase_patient(desk: Desk) -> None:
    from planner.ui.files import transfer_dialog

    transfer_dialog.erase_patient(desk)


def audit_trail(desk: Desk) -> None:
    """View → Activity log and Patient → View audit trail…: the shown patient's trail."""
    from planner.ui.patients import audit_view

    audit_view.open_audit_trail(desk)


__all__ = ["audit_trail", "check_in", "erase_patient", "export_patient", "export_plan_file", "import_plan",
           "new_plan_wizard", "open_backups", "outcome_measures", "progress_chart", "review_plan", "save_as_template", "step_back"]
