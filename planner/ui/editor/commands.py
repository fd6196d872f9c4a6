"""Undo commands for every edit of a plan. They hold ids and value snapshots, never widgets; each
redo/undo is one service call through PlanDocument.call. Typing in one field merges into one step
(id() + mergeWith with the field's token); undo of a delete puts the same row back (same id)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from planner.domain.snapshot import ItemSnapshot, PhaseSnapshot
from planner.i18n import N_, _
from planner.ui.common.labels import field_label
from planner.ui.common.service_calls import plan_items_service, plan_service
from planner.ui.editor.plan_document import CommandFailed, Key, PlanDocument

NOTE_FIELDS = ("patient_note", "private_note")
_FIELD_NAMES = {
    "title": N_("title"), "goal": N_("goal"), "start_date": N_("start date"), "status": N_("status"),
    "language": N_("handout language"),
    "name": N_("phase name"), "weeks": N_("weeks"), "focus": N_("focus"), "criteria": N_("criteria"),
    "patient_note": N_("note for the patient"), "private_note": N_("private note"),
}


def _field_text(field: str) -> str:
    if field in _FIELD_NAMES:
        return _(_FIELD_NAMES[field])
    return field_label(field).lower()


class PlanCommand(QUndoCommand):
    """Base: a refused service call makes the command obsolete, so Qt drops it from the stack."""

    def __init__(self, doc: PlanDocument, text: str):
        super().__init__(text)
        self.doc = doc

    def redo(self) -> None:
        try:
            self._redo()
        except CommandFailed:
            self.setObsolete(True)

    def undo(self) -> None:
        try:
            self._undo()
        except CommandFailed:
            self.setObsolete(True)

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class SetFieldCommand(PlanCommand):
    """One field of the plan, a phase or an item. Consecutive commits with the same target, field
    and token (one focus period of typing) merge into one undo step."""

    ID = 1

    def __init__(self, doc: PlanDocument, target: Key, *, field: str, old: Any, new: Any, token: int):
        super().__init__(doc, _("Change %(field)s") % {"field": _field_text(field)})
        self.target, self.field, self.old, self.new, self.token = target, field, old, new, token

    def id(self) -> int:
        return self.ID

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not isinstance(other, SetFieldCommand):
            return False
        if (other.target, other.field, other.token) != (self.target, self.field, self.token):
            return False
        self.new = other.new
        if self.new == self.old:
            self.setObsolete(True)
        return True

    def _redo(self) -> None:
        self._apply(self.new)

    def _undo(self) -> None:
        self._apply(self.old)

    def _apply(self, value: Any) -> None:
        kind, target_id = self.target
        if kind == "plan":
            self.doc.call(plan_service().update_plan, target_id, **{self.field: value})
        elif kind == "phase":
            self.doc.call(plan_service().update_phase, target_id, hint=self.target, **{self.field: value})
        elif self.field in NOTE_FIELDS:
            self.doc.call(plan_items_service().update_item, target_id, hint=self.target, **{self.field: value})
        elif value is None:
            self.doc.call(plan_items_service().clear_item_fields, target_id, [self.field], hint=self.target)
        else:
            self.doc.call(plan_items_service().update_item, target_id, dosage={self.field: value}, hint=self.target)


class AddItemCommand(PlanCommand):
    def __init__(self, doc: PlanDocument, phase_id: int, *, block_id: int, position: int | None, title: str):
        super().__init__(doc, _("Add “%(title)s”") % {"title": title})
        self.phase_id, self.block_id, self.position = phase_id, block_id, position
        self.item_id: int | None = None
        self.snapshot: ItemSnapshot | None = None

    def _redo(self) -> None:
        if self.snapshot is None:
            self.item_id = self.doc.call(plan_items_service().add_item, self.phase_id, self.block_id,
                                         position=self.position, hint=lambda new_id: ("item", new_id))
        else:
            self.doc.call(plan_items_service().restore_item, self.snapshot, hint=("item", self.snapshot.item_id))

    def _undo(self) -> None:
        self.snapshot = self.doc.call(plan_items_service().remove_item, self.item_id, hint=("phase", self.phase_id))


class RemoveItemCommand(PlanCommand):
    def __init__(self, doc: PlanDocument, item_id: int, *, title: str):
        super().__init__(doc, _("Remove “%(title)s”") % {"title": title})
        self.item_id = item_id
        self.snapshot: ItemSnapshot | None = None

    def _redo(self) -> None:
        phase, item = self.doc.item(self.item_id)
        neighbour = _neighbour(phase, item)
        self.snapshot = self.doc.call(plan_items_service().remove_item, self.item_id, hint=neighbour)

    def _undo(self) -> None:
        self.doc.call(plan_items_service().restore_item, self.snapshot, hint=("item", self.item_id))


def _neighbour(phase, item) -> Key | None:
    """What to select after `item` goes: the next item, else the previous, else its phase."""
    if phase is None or item is None:
        return None
    ids = [i.id for i in phase.items]
    index = ids.index(item.id)
    if index + 1 < len(ids):
        return ("item", ids[index + 1])
    if index > 0:
        return ("item", ids[index - 1])
    return ("phase", phase.id)


class MoveItemCommand(PlanCommand):
    """Move an item; `source`/`target` are (phase id, position), position counted without the item."""

    def __init__(self, doc: PlanDocument, item_id: int, *, source: tuple[int, int], target: tuple[int, int],
                 title: str):
        super().__init__(doc, _("Move “%(title)s”") % {"title": title})
        self.item_id, self.source, self.target = item_id, source, target

    def _redo(self) -> None:
        self.doc.call(plan_items_service().move_item, self.item_id, phase_id=self.target[0], position=self.target[1],
                      hint=("item", self.item_id))

    def _undo(self) -> None:
        self.doc.call(plan_items_service().move_item, self.item_id, phase_id=self.source[0], position=self.source[1],
                      hint=("item", self.item_id))


class AddPhaseCommand(PlanCommand):
    def __init__(self, doc: PlanDocument, plan_id: int, *, position: int | None, fields: dict[str, Any]):
        super().__init__(doc, _("Add phase"))
        self.plan_id, self.position, self.fields = plan_id, position, fields
        self.phase_id: int | None = None
        self.snapshot: PhaseSnapshot | None = None

    def _redo(self) -> None:
        if self.snapshot is None:
            self.phase_id = self.doc.call(plan_service().add_phase, self.plan_id, position=self.position,
                                          hint=lambda new_id: ("phase", new_id), **self.fields)
        else:
            self.doc.call(plan_service().restore_phase, self.plan_id, self.snapshot, hint=("phase", self.phase_id))

    def _undo(self) -> None:
        self.snapshot = self.doc.call(plan_service().remove_phase, self.phase_id)


class DuplicatePhaseCommand(AddPhaseCommand):
    def __init__(self, doc: PlanDocument, plan_id: int, *, phase_id: int):
        super().__init__(doc, plan_id, position=None, fields={})
        self.setText(_("Duplicate phase"))
        self.source_id = phase_id

    def _redo(self) -> None:
        if self.snapshot is None:
            self.phase_id = self.doc.call(plan_service().duplicate_phase, self.source_id,
                                          hint=lambda new_id: ("phase", new_id))
        else:
            super()._redo()


class RemovePhaseCommand(PlanCommand):
    def __init__(self, doc: PlanDocument, plan_id: int, *, phase_id: int, name: str):
        super().__init__(doc, _("Remove phase “%(name)s”") % {"name": name})
        self.plan_id, self.phase_id = plan_id, phase_id
        self.snapshot: PhaseSnapshot | None = None

    def _redo(self) -> None:
        self.snapshot = self.doc.call(plan_service().remove_phase, self.phase_id)

    def _undo(self) -> None:
        self.doc.call(plan_service().restore_phase, self.plan_id, self.snapshot, hint=("phase", self.phase_id))


class MovePhaseCommand(PlanCommand):
    def __init__(self, doc: PlanDocument, phase_id: int, *, old: int, new: int):
        super().__init__(doc, _("Move phase"))
        self.phase_id, self.old, self.new = phase_id, old, new

    def _redo(self) -> None:
        self.doc.call(plan_service().move_phase, self.phase_id, self.new, hint=("phase", self.phase_id))

    def _undo(self) -> None:
        self.doc.call(plan_service().move_phase, self.phase_id, self.old, hint=("phase", self.phase_id))


class AdoptPhaseCommand(PlanCommand):
    """A phase another dialog already added (Progress phase, Step back): undo removes it, redo puts
    the same phase back. The first redo does nothing; the phase is there."""

    def __init__(self, doc: PlanDocument, plan_id: int, *, phase_id: int, text: str):
        super().__init__(doc, text)
        self.plan_id, self.phase_id = plan_id, phase_id
        self.snapshot: PhaseSnapshot | None = None

    def _redo(self) -> None:
        if self.snapshot is not None:
            self.doc.call(plan_service().restore_phase, self.plan_id, self.snapshot, hint=("phase", self.phase_id))

    def _undo(self) -> None:
        self.snapshot = self.doc.call(plan_service().remove_phase, self.phase_id)
