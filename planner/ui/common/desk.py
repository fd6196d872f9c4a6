"""What a feature's dialogs get from the main window: the `Desk`.

A menu action's handler receives the desk, never the window itself: the open database, the change
bus, the patient and plan in view, and the few things a dialog does to the window around it (save
what is being typed, open a plan, say something in the status bar, show itself). The main window
implements it (planner/ui/window/main_window.py); a test can hand in any object that does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog, QWidget

    from planner.domain.model import PatientView, PlanView
    from planner.services.database import Database
    from planner.ui.common.bus import ChangeBus


class Desk(Protocol):
    """The window as a feature sees it. `db` is there once the database is open; actions that need it
    are off until then (planner/ui/window/actions.py declares which)."""

    @property
    def db(self) -> Database: ...

    @property
    def bus(self) -> ChangeBus: ...

    @property
    def widget(self) -> QWidget:
        """The parent for a feature's dialogs and message boxes."""
        ...

    @property
    def plan(self) -> PlanView | None:
        """The plan open in the editor."""
        ...

    def current_patient(self) -> PatientView | None:
        """The patient shown in the patients panel."""
        ...

    def current_plan_id(self) -> int | None:
        """The open plan, else the plan selected in the patient's list."""
        ...

    def flush(self) -> None:
        """Commit whatever is still being typed (before a dialog reads the plan)."""
        ...

    def open_plan(self, plan_id: int) -> None:
        """Select the plan in its patient's list and open it in the editor."""
        ...

    def reload_plan(self) -> None:
        """Read the open plan again (closed when it is gone)."""
        ...

    def forget_plan(self, plan_id: int) -> None:
        """The plan is gone (erased): close it and drop its undo history."""
        ...

    def clear_history(self) -> None:
        """Undo can no longer reach back (after a restore)."""
        ...

    def say(self, text: str, msecs: int = 8000) -> None:
        """A line in the status bar."""
        ...

    def show_dialog(self, dialog: QDialog) -> None:
        """Open `dialog` window-modal; it is deleted when closed."""
        ...
