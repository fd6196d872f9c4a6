"""Backups in the window: make one now, restore a chosen one (itself preceded by a backup), and the
start-up dialog for a database that cannot be opened (damaged, foreign, newer, read-only, busy).

Nothing here asks "are you sure?" in a modal box: restoring shows what will happen inside the
dialog and needs a second, explicit click.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import DatabaseProblem, HerstelplanError
from planner.i18n import N_, _, word
from planner.paths import backup_dir, database_url
from planner.services import maintenance
from planner.services.database import Database, open_database
from planner.ui.common.desk import Desk

REASONS = {
    "daily": N_("Daily, at start"),
    "manual": N_("Made by hand"),
    "before-import": N_("Before an import"),
    "before-erase": N_("Before erasing a patient"),
    "before-restore": N_("Before a restore"),
}
ROTATION = N_("Herstelplan keeps every backup of the last day, one per day for a week and one per week "
              "for nine weeks; older ones are deleted.")


def reason_text(reason: str) -> str:
    if reason.startswith("before-migration"):
        return _("Before an update of the database")
    known = REASONS.get(reason)
    return _(known) if known else reason


def _size(n: int) -> str:
    return _("%(kb)d KB") % {"kb": max(1, round(n / 1024))} if n < 10 * 1024 * 1024 else \
        _("%(mb).1f MB") % {"mb": n / 1024 / 1024}


class BackupDialog(QDialog):
    """The backups of this database: back up now, restore the selected one or one from a file.

    `restored(report)` fires after a restore: every view must reload its data.
    """

    restored = Signal(object)
    backed_up = Signal(object)

    def __init__(self, db: Database, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self._pending: Path | None = None
        self.setObjectName("backupDialog")
        self.setWindowTitle(_("Backups"))
        self.resize(640, 460)
        layout = QVBoxLayout(self)
        intro = QLabel(_(ROTATION), objectName="rotationNote")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 3, objectName="backupTable")
        self.table.setHorizontalHeaderLabels([_("Made on"), _("Why"), _("Size")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.ask_restore_selected())
        layout.addWidget(self.table, 1)

        row = QHBoxLayout()
        self.backup_button = QPushButton(_("Back up now"), objectName="backupNow")
        self.restore_button = QPushButton(_("Restore selected…"), objectName="restoreSelected")
        self.file_button = QPushButton(_("Restore from a file…"), objectName="restoreFromFile")
        for button in (self.backup_button, self.restore_button, self.file_button):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.ask_restore_selected)
        self.file_button.clicked.connect(self.ask_restore_file)

        self.confirm_box = QWidget(objectName="restoreConfirm")
        confirm = QHBoxLayout(self.confirm_box)
        confirm.setContentsMargins(0, 0, 0, 0)
        self.confirm_text = QLabel(objectName="restoreConfirmText")
        self.confirm_text.setWordWrap(True)
        self.confirm_button = QPushButton(_("Restore now"), objectName="restoreNow")
        self.cancel_button = QPushButton(_("Cancel"), objectName="restoreCancel")
        confirm.addWidget(self.confirm_text, 1)
        confirm.addWidget(self.confirm_button)
        confirm.addWidget(self.cancel_button)
        self.confirm_button.clicked.connect(self.restore_pending)
        self.cancel_button.clicked.connect(self._cancel)
        self.confirm_box.hide()
        layout.addWidget(self.confirm_box)

        self.message = QLabel(objectName="backupMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if db.sqlite_path is None:
            for button in (self.backup_button, self.restore_button, self.file_button):
                button.setEnabled(False)
            self._say(_("This database is on a server: back it up with the server's own tools (pg_dump)."), error=True)
        self.reload()

    def reload(self) -> None:
        self.backups = maintenance.list_backups() if self.db.sqlite_path is not None else []
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            when = QTableWidgetItem(info.taken_at.strftime("%d-%m-%Y %H:%M"))
            when.setData(Qt.ItemDataRole.UserRole, str(info.path))
            when.setToolTip(str(info.path))
            self.table.setItem(row, 0, when)
            self.table.setItem(row, 1, QTableWidgetItem(reason_text(info.reason)))
            size = QTableWidgetItem(_size(info.size_bytes))
            size.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 2, size)
        if self.backups:
            self.table.selectRow(0)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.db.sqlite_path is not None and bool(self.table.selectedItems()))

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)
        self.message.setStyleSheet("color: #a40000;" if error else "")

    def back_up_now(self) -> None:
        try:
            made = maintenance.backup(self.db, reason="manual")
        except HerstelplanError as problem:
            self._say(word(problem.message), error=True)
            return
        self.reload()
        self._say(_("Backup made and checked: %(name)s") % {"name": made.name})
        self.backed_up.emit(made)

    def ask_restore_selected(self) -> None:
        items = self.table.selectedItems()
        if items:
            row = items[0].row()
            self._ask(Path(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole)),
                      self.table.item(row, 0).text())

    def ask_restore_file(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("Restore from a backup file"), str(backup_dir()),
            _("Herstelplan backups (*.sqlite3);;All files (*)"))
        if chosen:
            self._ask(Path(chosen), Path(chosen).name)

    def _ask(self, path: Path, label: str) -> None:
        self._pending = path
        self.confirm_text.setText(_(
            "Replace everything in the database with the backup of %(when)s? Changes made since then "
            "are lost, but the database as it is now is backed up first, so this can be undone.")
            % {"when": label})
        self.confirm_box.show()
        self.confirm_button.setFocus()

    def _cancel(self) -> None:
        self._pending = None
        self.confirm_box.hide()

    def restore_pending(self) -> None:
        path, self._pending = self._pending, None
        self.confirm_box.hide()
        if path is None:
            return
        try:
            report = maintenance.restore_backup(str(self.db.url), path, db=self.db)
        except HerstelplanError as problem:
            self._say(_("Nothing was restored: %(reason)s") % {"reason": word(problem.message)}, error=True)
            return
        self.reload()
        text = _("Restored the backup %(name)s.") % {"name": report.restored_from.name}
        if report.safety_backup is not None:
            text += " " + _("The database as it was is kept as %(name)s.") % {"name": report.safety_backup.name}
        self._say(text)
        self.restored.emit(report)


# ---- start-up ---------------------------------------------------------------------------------

RETRY_KINDS = ("locked", "unreachable", "read-only", "disk-full", "network-drive", "cannot-open")
RESTORE_KINDS = ("corrupt", "not-a-database", "io")


class StartupProblemDialog(QDialog):
    """Why the database cannot be opened and what can be done: restore a backup, try again, quit.

    After exec(): `choice` is "retry", "restored" or "quit".
    """

    def __init__(self, problem: HerstelplanError, url: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.url = url
        self.choice = "quit"
        self.setObjectName("startupProblem")
        self.setWindowTitle(_("Herstelplan cannot open the database"))
        self.setMinimumWidth(520)
        kind = problem.kind if isinstance(problem, DatabaseProblem) else ""
        layout = QVBoxLayout(self)
        text = QLabel(word(problem.message), objectName="problemText")
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        where = QLabel(_("Database: %(where)s") % {"where": url}, objectName="problemWhere")
        where.setWordWrap(True)
        layout.addWidget(where)
        self.backups = maintenance.list_backups() if url.startswith("sqlite") else []
        self.table = QTableWidget(len(self.backups), 2, objectName="startupBackups")
        self.table.setHorizontalHeaderLabels([_("Made on"), _("Why")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for row, info in enumerate(self.backups):
            self.table.setItem(row, 0, QTableWidgetItem(info.taken_at.strftime("%d-%m-%Y %H:%M")))
            self.table.setItem(row, 1, QTableWidgetItem(reason_text(info.reason)))
        if self.backups:
            self.table.selectRow(0)
        offer_restore = kind in RESTORE_KINDS and bool(self.backups)
        self.table.setVisible(offer_restore)
        layout.addWidget(self.table)
        self.message = QLabel(objectName="startupMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        self.restore_button = buttons.addButton(_("Restore the selected backup"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("startupRestore")
        self.retry_button = buttons.addButton(_("Try again"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.retry_button.setObjectName("startupRetry")
        self.quit_button = buttons.addButton(_("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.quit_button.setObjectName("startupQuit")
        self.restore_button.setVisible(offer_restore)
        self.retry_button.setVisible(kind in RETRY_KINDS or not kind)
        self.restore_button.clicked.connect(self.restore)
        self.retry_button.clicked.connect(lambda: self._finish("retry"))
        self.quit_button.clicked.connect(lambda: self._finish("quit"))
        layout.addWidget(buttons)

    def _finish(self, choice: str) -> None:
        self.choice = choice
        if choice == "quit":
            self.reject()
        else:
            self.accept()

    def restore(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        info = self.backups[rows[0].row()]
        try:
            maintenance.restore_backup(self.url, info.path)
        except HerstelplanError as problem:
            self.message.setText(_("Nothing was restored: %(reason)s") % {"reason": word(problem.message)})
            return
        self._finish("restored")


def handle_open_failure(problem: HerstelplanError, database: str | None = None,
                        parent: QWidget | None = None) -> bool:
    """Explain why the database could not be opened and offer what can be done (restore a backup,
    try again, quit). True when the caller should open it again (after a restore or 'Try again')."""
    dialog = StartupProblemDialog(problem, database_url(database), parent)
    dialog.exec()
    return dialog.choice in ("retry", "restored")


def open_database_or_explain(
    database: str | None = None, *, parent: QWidget | None = None,
    opener: Callable[[str], Database] = open_database,
) -> Database | None:
    """Open the database for the window; when that fails, explain why and offer what can be done,
    until it opens or the user quits (then None)."""
    url = database_url(database)
    while True:
        try:
            return opener(url)
        except HerstelplanError as problem:
            if not handle_open_failure(problem, url, parent):
                return None


def notices_text(db: Database) -> str:
    """The warnings found while opening (e.g. today's backup could not be made), for the status bar."""
    return " ".join(word(notice) for notice in db.notices)


def after_restore(desk: Desk) -> None:
    """Every view of the window shows the restored data; undo cannot reach back past the restore."""
    desk.clear_history()
    desk.reload_plan()  # closes the plan when the backup does not have it
    desk.bus.patient_changed.emit(-1)
    desk.bus.library_changed.emit(-1)


def open_backups(desk: Desk) -> None:
    """File → Back up now… and Restore backup…: the backup dialog. After a restore the open plan is
    reloaded and every panel refreshes."""
    desk.flush()
    dialog = BackupDialog(desk.db, desk.widget)

    def restored(_report: object) -> None:
        after_restore(desk)
        desk.say(_("The backup was restored."))

    dialog.restored.connect(restored)
    dialog.backed_up.connect(lambda path: desk.say(_("Backup made and checked: %(name)s") % {"name": path.name}))
    desk.show_dialog(dialog)
