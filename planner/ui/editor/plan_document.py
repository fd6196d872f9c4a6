"""The open plan as the editor sees it: the last loaded PlanView, its version for optimistic
locking, one undo stack per plan, and `call()`, which runs one service function (one
transaction), reloads the plan and broadcasts the change. A conflict with another desk shows the
message and reloads; nothing half-saved is left behind."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoGroup, QUndoStack

from planner.domain.errors import HerstelplanError, NotFound
from planner.domain.model import PhaseView, PlanItemView, PlanView
from planner.services.changes import PlanChanged
from planner.ui.common.bus import ChangeBus
from planner.ui.common.errors import ErrorReporter
from planner.ui.common.service_calls import plan_service

if TYPE_CHECKING:
    from planner.services.database import Database

Key = tuple[str, int]  # ("phase", id) or ("item", id)


def _disconnect_all(signal, slot=None) -> None:
    """Disconnect `slot` (or every receiver) from `signal`; nothing connected is fine."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        try:
            signal.disconnect() if slot is None else signal.disconnect(slot)
        except (RuntimeError, TypeError):
            pass


class CommandFailed(Exception):
    """A service call was refused (conflict, validation, gone); the user has been told."""


class PlanDocument(QObject):
    loaded = Signal()  # another plan (or none) is open now
    changed = Signal(object)  # the open plan changed; argument: a Key to select, or None

    db: Database  # given at construction or set by the window once the database is open

    def __init__(self, db: Database | None, bus: ChangeBus, reporter: ErrorReporter, parent: QObject | None = None):
        super().__init__(parent)
        if db is not None:
            self.db = db
        self.bus = bus
        self.reporter = reporter
        self.plan: PlanView | None = None
        self.group = QUndoGroup(self)
        self._stacks: dict[int, QUndoStack] = {}
        bus.plan_changed.connect(self._external_change)

    def adopt(self, bus: ChangeBus, parent: QObject) -> None:
        """Serve a new window (the same program in another language): its change bus, its widgets.
        The plans' undo histories stay. The old window's connections to this document are dropped."""
        for signal in (self.loaded, self.changed, self.group.activeStackChanged, self.group.canUndoChanged,
                       self.group.canRedoChanged, self.group.undoTextChanged, self.group.redoTextChanged,
                       self.group.cleanChanged, self.group.indexChanged):
            _disconnect_all(signal)
        _disconnect_all(self.bus.plan_changed, self._external_change)
        self.bus = bus
        bus.plan_changed.connect(self._external_change)
        self.setParent(parent)

    # -- opening --------------------------------------------------------------------------------
    def open(self, plan_id: int) -> None:
        self.plan = plan_service().get_plan(self.db, plan_id)
        stack = self._stacks.get(plan_id)
        if stack is None:
            stack = QUndoStack(self.group)
            stack.setUndoLimit(500)
            self._stacks[plan_id] = stack
        self.group.setActiveStack(stack)
        self.loaded.emit()

    def close(self) -> None:
        self.plan = None
        self.group.setActiveStack(None)
        self.loaded.emit()

    def forget(self, plan_id: int) -> None:
        """Drop a plan's undo history (it was archived)."""
        if self.plan is not None and self.plan.id == plan_id:
            self.close()
        stack = self._stacks.pop(plan_id, None)
        if stack is not None:
            self.group.removeStack(stack)
            stack.deleteLater()

    @property
    def stack(self) -> QUndoStack | None:
        return self.group.activeStack()

    def push(self, command: QUndoCommand) -> None:
        if self.stack is not None and self.plan is not None:
            self.stack.push(command)

    # -- saving ---------------------------------------------------------------------------------
    def call(self, function: Callable[..., Any], *args: Any, hint: Key | Callable[[Any], Key] | None = None,
             **kwargs: Any) -> Any:
        """Run one service function with the version this editor last saw; returns its extra result
        (a new id or a snapshot). On a refusal the user sees why, the plan reloads, and
        CommandFailed is raised so the undo command is dropped."""
        if self.plan is None:
            raise CommandFailed("no plan open")
        try:
            result = function(self.db, *args, expected_version=self.plan.version, **kwargs)
        except HerstelplanError as error:
            self.reporter.show_problem(error)
            self.reload()
            raise CommandFailed(str(error)) from error  # English, for the log
        change, extra = result if isinstance(result, tuple) else (result, None)
        self._refresh(change, hint(extra) if callable(hint) else hint)
        return extra

    def _refresh(self, change: PlanChanged, hint: Key | None) -> None:
        self.plan = plan_service().get_plan(self.db, change.plan_id)
        self.changed.emit(hint)
        self.bus.publish(change)

    def reload(self) -> None:
        if self.plan is None:
            return
        try:
            self.plan = plan_service().get_plan(self.db, self.plan.id)
        except NotFound:
            self.close()
            return
        self.changed.emit(None)

    def refresh_if_stale(self) -> None:
        """Pick up another desk's saved changes (called when the window becomes active)."""
        if self.plan is not None and plan_service().plan_version(self.db, self.plan.id) != self.plan.version:
            self.reload()

    def _external_change(self, plan_id: int, version: int) -> None:
        if self.plan is not None and plan_id == self.plan.id and version != self.plan.version:
            self.reload()

    # -- finding --------------------------------------------------------------------------------
    def phase(self, phase_id: int) -> PhaseView | None:
        if self.plan is None:
            return None
        return next((p for p in self.plan.phases if p.id == phase_id), None)

    def item(self, item_id: int) -> tuple[PhaseView, PlanItemView] | tuple[None, None]:
        if self.plan is not None:
            for phase in self.plan.phases:
                for item in phase.items:
                    if item.id == item_id:
                        return phase, item
        return None, None

    def phase_index(self, phase_id: int) -> int:
        if self.plan is None:
            return -1
        return next((i for i, p in enumerate(self.plan.phases) if p.id == phase_id), -1)
