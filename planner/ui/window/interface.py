"""The main window as its action handlers see it: the `Desk` that feature dialogs get, plus the
window's own panels and commands. Declared here, apart from the window, so that the action table
(actions.py) and the handlers (features.py) name no module that imports them back."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from planner.ui.common.desk import Desk

if TYPE_CHECKING:
    from planner.ui.editor.inspector import Inspector
    from planner.ui.editor.plan_document import PlanDocument
    from planner.ui.editor.plan_editor import PlanEditor
    from planner.ui.files.export import OutputActions
    from planner.ui.library.library_panel import LibraryPanel
    from planner.ui.patients.patients_panel import PatientsPanel


class Window(Desk, Protocol):
    @property
    def doc(self) -> PlanDocument: ...

    @property
    def patients(self) -> PatientsPanel: ...

    @property
    def library(self) -> LibraryPanel: ...

    @property
    def editor(self) -> PlanEditor: ...

    @property
    def inspector(self) -> Inspector: ...

    def close(self) -> bool: ...

    def undo(self) -> None: ...

    def redo(self) -> None: ...

    def focus_dock(self, dock: str, then: Callable[[], object]) -> None: ...

    def with_plan(self, function: Callable[[int], object]) -> None: ...

    def reset_layout(self) -> None: ...

    def show_shortcuts(self) -> None: ...

    def show_about(self) -> None: ...

    def show_preview(self, visible: bool) -> None: ...

    def output(self) -> OutputActions: ...

    def open_settings(self) -> None: ...
