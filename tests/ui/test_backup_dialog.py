"""Backups in the window: back up now, restore a chosen backup (after confirming), and the start-up
dialog for a database that cannot be opened."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog

from planner.i18n import set_language
from planner.services import maintenance, patients
from planner.services.database import open_database
from planner.store import backup as backups
from planner.ui.files.backup_dialog import (
    BackupDialog,
    StartupProblemDialog,
    open_database_or_explain,
)
from tests.ui.helpers import dialog as find_dialog
from tests.ui.helpers import menu_action, visible_dialogs


def _names(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [row[0] for row in con.execute("SELECT name FROM patients ORDER BY id")]
    finally:
        con.close()


@pytest.fixture
def backup_dialog_on(qtbot, db, english):
    def make() -> BackupDialog:
        dialog = BackupDialog(db)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def test_back_up_now_adds_a_checked_backup(qtbot, db, backup_dialog_on):
    """Clicking 'Back up now' makes a verified 0600 backup and shows it at the top of the list."""
    dialog = backup_dialog_on()
    rows = dialog.table.rowCount()
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == rows + 1
    assert "checked" in dialog.message.text()
    newest = maintenance.list_backups()[0]
    assert dialog.table.item(0, 1).text() == "Made by hand"
    assert newest.path.name in dialog.message.text()
    backups.verify(newest.path)
    assert oct(newest.path.stat().st_mode & 0o777) == "0o600"


def test_restore_the_selected_backup_after_confirming(qtbot, db, db_path, backup_dialog_on):
    """Select a backup, click Restore, read what will happen, click Restore now: the database holds the
    backup's data and the state before the restore is kept as a new backup."""
    patients.create_patient(db, name="Before")
    maintenance.backup(db, reason="manual")
    patients.create_patient(db, name="After")
    dialog = backup_dialog_on()
    manual_row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 1).text() == "Made by hand")
    dialog.table.selectRow(manual_row)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.confirm_box.isVisible() and "backed up first" in dialog.confirm_text.text()
    assert _names(db_path) == ["Before", "After"]  # nothing happens before the second click
    with qtbot.waitSignal(dialog.restored):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert [p.name for p in patients.list_patients(db)] == ["Before"]
    assert "kept as" in dialog.message.text()
    assert any(dialog.table.item(r, 1).text() == "Before a restore" for r in range(dialog.table.rowCount()))


def test_cancelling_a_restore_changes_nothing(qtbot, db, db_path, backup_dialog_on):
    """Cancel after 'Restore selected…' leaves the database as it is."""
    patients.create_patient(db, name="Stays")
    maintenance.backup(db)
    patients.create_patient(db, name="Also stays")
    dialog = backup_dialog_on()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.confirm_box.isVisible()
    assert _names(db_path) == ["Stays", "Also stays"]


def test_a_damaged_file_chosen_to_restore_is_refused(qtbot, db, db_path, backup_dialog_on, tmp_path, monkeypatch):
    """'Restore from a file…' with a damaged file says why in the dialog and changes nothing."""
    patients.create_patient(db, name="Safe")
    bad = tmp_path / "kapot.sqlite3"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x01" * 5000)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    dialog = backup_dialog_on()
    qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert "Nothing was restored" in dialog.message.text() and "kapot.sqlite3" in dialog.message.text()
    assert _names(db_path) == ["Safe"]


def test_the_dialog_speaks_dutch(qtbot, db, backup_dialog_on):
    """With the Dutch UI, the dialog's title, buttons and note are Dutch."""
    set_language("nl")
    dialog = backup_dialog_on()
    assert dialog.windowTitle() == "Back-ups"
    assert dialog.backup_button.text() == "Nu een back-up maken"
    assert dialog.findChild(type(dialog.message), "rotationNote").text().startswith("Herstelplan bewaart")


def _answer_when_shown(qtbot, act) -> None:
    """Run `act(dialog)` on the start-up dialog once it is shown (it runs modally)."""

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, StartupProblemDialog) and widget.isVisible():
                act(widget)
                return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def test_start_on_a_damaged_database_offers_the_backups(qtbot, db, db_path, english):
    """A damaged database at start: the dialog explains, lists backups; restoring one opens the program."""
    patients.create_patient(db, name="Rescued")
    maintenance.backup(db)
    db.dispose()
    for suffix in ("-wal", "-shm"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    db_path.write_bytes(b"SQLite format 3\x00" + b"\x02" * 8000)
    seen: dict[str, object] = {}

    def act(dialog: StartupProblemDialog) -> None:
        seen["text"] = dialog.findChild(type(dialog.message), "problemText").text()
        seen["retry"] = dialog.retry_button.isVisible()
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)

    _answer_when_shown(qtbot, act)
    opened = open_database_or_explain(f"sqlite:///{db_path}")
    assert opened is not None
    try:
        assert "damaged" in seen["text"] and seen["retry"] is False
        assert [p.name for p in patients.list_patients(opened)] == ["Rescued"]
        assert list(db_path.parent.glob("*.damaged-*"))  # the damaged file was kept, not overwritten
    finally:
        opened.dispose()


def test_start_on_a_newer_database_only_offers_quit(qtbot, db_path, english):
    """A database from a newer Herstelplan: the message says update; no restore, no retry; Quit ends."""
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = db_path.read_bytes()
    seen: dict[str, object] = {}

    def act(dialog: StartupProblemDialog) -> None:
        seen["text"] = dialog.findChild(type(dialog.message), "problemText").text()
        seen["buttons"] = (dialog.restore_button.isVisible(), dialog.retry_button.isVisible())
        qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)

    _answer_when_shown(qtbot, act)
    assert open_database_or_explain(f"sqlite:///{db_path}") is None
    assert "newer version" in seen["text"] and seen["buttons"] == (False, False)
    assert db_path.read_bytes() == before


def test_start_on_a_busy_database_can_try_again(qtbot, db_path, english, monkeypatch):
    """A busy database: 'Try again' opens it once the other program let go."""
    from planner.store import engine

    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    seen: list[str] = []

    def act(dialog: StartupProblemDialog) -> None:
        seen.append(dialog.findChild(type(dialog.message), "problemText").text())
        holder.execute("ROLLBACK")
        qtbot.mouseClick(dialog.retry_button, Qt.MouseButton.LeftButton)

    _answer_when_shown(qtbot, act)
    opened = open_database_or_explain(f"sqlite:///{db_path}",
                                      opener=lambda url: open_database(url, daily_backup=False))
    holder.close()
    assert opened is not None and "busy" in seen[0]
    opened.dispose()


def test_back_up_from_the_file_menu(qtbot, window, db):
    """File → Back up now…, as the window wires it, opens one dialog; a restore refreshes the window."""
    patients.create_patient(db, name="Bewaard")
    maintenance.backup(db)
    patients.create_patient(db, name="Later toegevoegd")
    window.bus.patient_changed.emit(-1)
    assert window.patients.model.rowCount() == 2
    action = menu_action(window, "File", "Back up now…")
    assert action.isEnabled()
    action.trigger()
    dialog = find_dialog(qtbot, "backupDialog")
    qtbot.wait(50)  # a second connection would open its dialog in the same event-loop turn
    assert visible_dialogs("backupDialog") == [dialog]
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 1).text() == "Made by hand")
    dialog.table.selectRow(row)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert window.patients.model.rowCount() == 1
    assert "restored" in window.statusBar().currentMessage()
    dialog.close()
