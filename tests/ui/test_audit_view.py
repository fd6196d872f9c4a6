"""The audit trail per patient: who did what and when, filterable, in the UI language."""

from __future__ import annotations

from PySide6.QtCore import Qt

from planner.i18n import set_language
from planner.services import audit, plans
from planner.ui.patients.audit_view import AuditDialog, AuditModel
from tests.ui.helpers import dialog as find_dialog
from tests.ui.helpers import menu_action, visible_dialogs


def test_the_model_passes_the_model_tester(qtmodeltester, db, patient_plan):
    """AuditModel behaves as Qt expects of a table model."""
    model = AuditModel(audit.patient_trail(db, patient_plan.patient_id))
    assert model.rowCount() >= 2
    qtmodeltester.check(model)


def test_the_dialog_lists_every_event_and_filters(qtbot, db, patient_plan, english):
    """The trail shows who, what and which plan for each event, newest first; typing filters it."""
    plans.update_plan(db, patient_plan.id, goal="Weer wandelen")
    dialog = AuditDialog(db, patient_plan.patient_id)
    qtbot.addWidget(dialog)
    dialog.show()
    trail = audit.patient_trail(db, patient_plan.patient_id)
    table = dialog.table.model()
    assert table.rowCount() == len(trail) >= 3
    assert "Anna de Boer" in dialog.windowTitle()
    first = [table.index(0, column).data() for column in range(5)]
    assert first[1] == "test-therapist" and first[2] == "Plan details changed"
    assert first[3] == patient_plan.title and first[4] == "goal"
    qtbot.keyClicks(dialog.filter, "created from")
    assert table.rowCount() == 1
    assert table.index(0, 2).data() == "Plan created from a template"
    assert dialog.count.text() == f"1 of {len(trail)} events"


def test_the_trail_is_dutch_with_the_dutch_ui(qtbot, db, patient_plan):
    """Column titles and descriptions follow the UI language."""
    set_language("nl")
    try:
        dialog = AuditDialog(db, patient_plan.patient_id)
        qtbot.addWidget(dialog)
        model = dialog.table.model()
        headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
        assert headers == ["Wanneer", "Wie", "Wat", "Plan", "Details"]
        assert dialog.windowTitle().startswith("Logboek")
        descriptions = {model.index(r, 2).data() for r in range(model.rowCount())}
        assert "Patiënt toegevoegd" in descriptions
    finally:
        set_language("en")


def test_view_audit_trail_from_the_window(qtbot, window, db, patient_plan):
    """Patient → View audit trail… and View → Activity log, as the window wires them, open the
    selected patient's trail (one dialog each)."""
    window.patients.model.reload()
    assert window.patients.select_patient(patient_plan.patient_id)
    trail = menu_action(window, "Patient", "View audit trail…")
    assert trail.isEnabled()
    trail.trigger()
    dialog = find_dialog(qtbot, "auditDialog")
    assert visible_dialogs("auditDialog") == [dialog]
    assert dialog.table.model().rowCount() == len(audit.patient_trail(db, patient_plan.patient_id))
    dialog.close()
    log = menu_action(window, "View", "Activity log")
    assert log.isEnabled()
    log.trigger()
    second = find_dialog(qtbot, "auditDialog")
    assert visible_dialogs("auditDialog") == [second]
    assert second.table.model().rowCount() == len(audit.patient_trail(db, patient_plan.patient_id))
    second.close()
