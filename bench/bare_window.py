"""The floor for start-up and memory: a bare PySide6 QMainWindow with a table and three docks that
quits after its first paint (what any Qt widgets program pays before doing anything of its own)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDockWidget, QListWidget, QMainWindow, QTableWidget


class Bare(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.painted = False
        self.setCentralWidget(QTableWidget(20, 5))
        for title in ("Patients", "Library", "Inspector"):
            dock = QDockWidget(title, self)
            dock.setWidget(QListWidget())
            self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.resize(1280, 800)

    def event(self, event: QEvent) -> bool:
        result = super().event(event)
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            QTimer.singleShot(0, QApplication.instance().quit)
        return result


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = Bare()
    window.show()
    sys.exit(app.exec())
