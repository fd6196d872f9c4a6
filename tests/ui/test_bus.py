"""The UI-side change bus re-emits the services' 'what changed' values as Qt signals."""

from __future__ import annotations

from planner.services.changes import LibraryChanged, PatientChanged, PlanChanged
from planner.ui.common.bus import ChangeBus


def test_each_change_value_becomes_its_signal(qtbot):
    """PlanChanged, PatientChanged and LibraryChanged each emit their own signal with their ids."""
    bus = ChangeBus()
    with qtbot.waitSignal(bus.plan_changed) as plan:
        bus.publish(PlanChanged(7, 3))
    with qtbot.waitSignal(bus.patient_changed) as patient:
        bus.publish(PatientChanged(5))
    with qtbot.waitSignal(bus.library_changed) as block:
        bus.publish(LibraryChanged(None))
    assert (plan.args, patient.args, block.args) == ([7, 3], [5], [-1])
