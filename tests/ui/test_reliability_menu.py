"""The reliability pieces are reachable from the window's own menus and shortcuts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from tests.ui.helpers import dialog as find_dialog


def test_patient_menu_opens_the_audit_trail_by_shortcut(qtbot, window, patient_plan):
    """With a patient selected, Ctrl+Alt+A (Patient → View audit trail…) opens that patient's trail."""
    window.patients.model.reload()
    assert window.patients.select_patient(patient_plan.patient_id)
    window._update_actions()
    action = window.actions["audit_trail"]
    assert action.isEnabled()
    assert action.shortcut() == QKeySequence("Ctrl+Alt+A")
    qtbot.keyClick(window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    dialog = find_dialog(qtbot, "auditDialog")
    assert dialog.table.model().rowCount() > 0
    dialog.close()


def test_backup_and_restore_open_the_backup_dialog(qtbot, window):
    """File → Back up now… and Restore backup… are enabled and open the backup dialog."""
    for name in ("backup", "restore_backup"):
        action = window.actions[name]
        assert action.isEnabled(), name
        action.trigger()
        dialog = find_dialog(qtbot, "backupDialog")
        assert dialog.isVisible()
        dialog.close()


def test_patient_actions_wait_for_a_patient(window, patient_plan):
    """Export data… and Erase patient… are disabled until a patient is chosen, then enabled."""
    assert window.patients.current_patient() is None
    window._update_actions()
    assert not window.actions["erase_patient"].isEnabled()
    assert not window.actions["export_patient"].isEnabled()
    window.patients.model.reload()
    assert window.patients.select_patient(patient_plan.patient_id)
    window._update_actions()
    assert window.actions["erase_patient"].isEnabled()
    assert window.actions["export_patient"].isEnabled()
