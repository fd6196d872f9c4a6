"""The handout preview as a dock of the main window (hidden until Ctrl+Shift+P), following the open
plan. Its pane (planner/ui/files/preview.py, which brings QtPdf and the handout renderer) is made the
first time the dock is shown once the database is open, not while the window starts."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from planner.i18n import _

if TYPE_CHECKING:
    from planner.services.database import Database
    from planner.ui.common.bus import ChangeBus
    from planner.ui.editor.plan_document import PlanDocument
    from planner.ui.files.preview import PreviewPane
    from planner.ui.settings.settings import Settings


class PreviewDock(QDockWidget):
    def __init__(self, window: QMainWindow, *, doc: PlanDocument, bus: ChangeBus, prefs: Settings,
                 database: Callable[[], Database | None]):
        """`database`: the open database, or None while it is opening."""
        super().__init__(_("Handout preview"), window)
        self.setObjectName("previewDock")
        self.main_window, self.doc, self.bus, self.prefs, self.database = window, doc, bus, prefs, database
        self.pane: PreviewPane | None = None
        self.doc.loaded.connect(self.follow)

    def make_pane(self) -> PreviewPane | None:
        """The pane, made now if the database is open (None while it is not)."""
        db = self.database()
        if self.pane is None and db is not None:
            from planner.ui.files.preview import PreviewPane

            pane = self.pane = PreviewPane(db, self.prefs)
            self.setWidget(pane)
            self.bus.plan_changed.connect(lambda plan_id, version: pane.plan_changed(plan_id, version)
                                          if self.isVisible() else None)
        return self.pane

    def follow(self) -> None:
        """Show the open plan while the dock is visible (a dock left open at the last close is filled
        once the database is open)."""
        pane = self.make_pane() if self.isVisible() else self.pane
        if pane is not None:
            plan = self.doc.plan
            pane.show_plan(plan.id if plan is not None and self.isVisible() else None)

    def show_beside(self, visible: bool) -> None:
        """Show or hide; shown, it opens as a tab beside the patients, the left column widened to a
        readable page, so the library and the inspector keep their room."""
        self.setVisible(visible)
        window = self.main_window
        if visible and not self.isFloating():
            self.raise_()
            if window.dockWidgetArea(self) == Qt.DockWidgetArea.LeftDockWidgetArea:
                wide = max(360, min(560, round(window.width() * 0.3)))
                if self.width() < wide:
                    window.resizeDocks([self], [wide], Qt.Orientation.Horizontal)

    def shutdown(self) -> None:
        if self.pane is not None:
            self.pane.shutdown()
