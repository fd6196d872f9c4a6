"""Help: the keyboard shortcuts (read from the action registry) and About."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner import __version__
from planner.i18n import _


class ShortcutsDialog(QDialog):
    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(_("Keyboard shortcuts"))
        self.resize(560, 640)
        extra = [
            (_("Library"), _("Add the selected block to the current phase"), _("Enter")),
            (_("Library"), _("Move from the search field into the list"), _("Down")),
            (_("Plan"), _("Change the selected block or phase in the inspector"), _("Enter")),
            (_("Inspector"), _("Raise or lower a number"), _("Up / Down")),
            (_("Search fields"), _("Clear the search"), _("Esc")),
        ]
        table = QTableWidget(len(rows) + len(extra), 3, self)
        table.setObjectName("shortcutsTable")
        table.setHorizontalHeaderLabels([_("Where"), _("What"), _("Keys")])
        for r, row in enumerate(rows + extra):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text))
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(24)
        table.setAlternatingRowColors(True)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.resizeColumnsToContents()
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)


def about_text() -> str:
    lead = _("Progressive exercise plans and clear patient handouts for physiotherapists who treat "
             "persistent pain.")
    privacy = _("Patient data stays on this computer or the clinic's own server.")
    return f"<h3>Herstelplan {__version__}</h3><p>{lead}</p><p>{privacy}</p>"


__all__ = ["ShortcutsDialog", "about_text"]
