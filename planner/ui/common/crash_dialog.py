"""The crash dialog: says that something unexpected happened, that work is saved, and offers the
details to copy (planner.ui.common.errors shows it; a module of its own so its Qt types load only then)."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.i18n import _


class CrashDialog(QDialog):
    """Says that something unexpected happened, that work is saved, and offers the details to copy."""

    def __init__(self, details: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(_("Something went wrong"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        message = QLabel(
            _(
                "Herstelplan ran into a problem it did not expect. Every change you made has been "
                "saved. Please send the details below to your support contact."
            )
        )
        message.setWordWrap(True)
        layout.addWidget(message)
        self.details = QPlainTextEdit(details, objectName="crashDetails")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(self.details, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(_("Copy details"), objectName="copyDetails")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details.toPlainText())
