"""A UI-side broadcaster: services' "what changed" values re-emitted as Qt signals.

Every panel listens to the bus and decides for itself whether to refresh; nothing reaches into
another panel.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from planner.services.changes import LibraryChanged, PatientChanged, PlanChanged


class ChangeBus(QObject):
    """Signals: plan_changed(plan_id, version), patient_changed(patient_id), library_changed(block_id or -1)."""

    plan_changed = Signal(int, int)
    patient_changed = Signal(int)
    library_changed = Signal(int)

    def publish(self, change: object) -> None:
        """Emit the signal that fits `change` (a PlanChanged, PatientChanged or LibraryChanged)."""
        if isinstance(change, PlanChanged):
            self.plan_changed.emit(change.plan_id, change.version)
        elif isinstance(change, PatientChanged):
            self.patient_changed.emit(change.patient_id)
        elif isinstance(change, LibraryChanged):
            self.library_changed.emit(-1 if change.block_id is None else change.block_id)
