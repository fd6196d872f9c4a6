"""The open plan as a two-level item model: phases at the top, their items below. Drops from the
library (blocks), from the plan itself (items, phases) and renames are reported as signals; the
editor turns them into undo commands, and the model is rebuilt from the saved plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from planner.domain.dosage import volume_words
from planner.domain.model import PhaseView, PlanItemView, PlanView
from planner.domain.timeline import current_phase_index
from planner.i18n import _, current_language, ngettext
from planner.ui.common.labels import kind_name
from planner.ui.common.thumbnails import Thumbnails
from planner.ui.editor.mime import BLOCK_MIME, ITEM_MIME, PHASE_MIME, pack, unpack
from planner.ui.editor.plan_checks import PlanFindings, findings, phase_minutes, weeks_text

_Index = QModelIndex | QPersistentModelIndex
IS_PHASE_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3
DOSAGE_ROLE = Qt.ItemDataRole.UserRole + 4
INFO_ROLE = Qt.ItemDataRole.UserRole + 5
WARNINGS_ROLE = Qt.ItemDataRole.UserRole + 6
NOTE_ROLE = Qt.ItemDataRole.UserRole + 7
NUMBER_ROLE = Qt.ItemDataRole.UserRole + 8
EMPTY_ROLE = Qt.ItemDataRole.UserRole + 9
LAST_ROLE = Qt.ItemDataRole.UserRole + 10
CURRENT_ROLE = Qt.ItemDataRole.UserRole + 11  # the phase the patient is in now (the roadmap)
THUMB_SIZE = 48


def item_dosage_text(item: PlanItemView, lang: str) -> str:
    words = volume_words(item.dosage, lang)
    level = item.dosage.level
    if item.block.levels and level is not None and 0 <= level < len(item.block.levels):
        step = _("level %(n)d: %(text)s") % {"n": level + 1, "text": item.block.levels[level].text(lang)}
        words = f"{step} · {words}" if words else step
    return words or (_("read at home") if item.block.kind.value == "education" else "")


class PlanTreeModel(QAbstractItemModel):
    blocks_dropped = Signal(list, int, int)  # block ids, phase id, position (-1: at the end)
    items_dropped = Signal(list, int, int)  # item ids, phase id, position among the phase's rows
    phase_dropped = Signal(int, int)  # phase id, new index among the rows as shown
    rename_requested = Signal(int, str)  # phase id, new name

    def __init__(self, thumbnails: Thumbnails, parent=None):
        super().__init__(parent)
        self.thumbnails = thumbnails
        self.plan: PlanView | None = None
        self._findings = PlanFindings()
        self._current: int | None = None
        self.today: dt.date | None = None  # None: the real today (tests may fix it)

    def set_plan(self, plan: PlanView | None) -> None:
        self.beginResetModel()
        self.plan = plan
        self._findings = findings(plan)
        self._current = self._current_row(plan)
        self.endResetModel()

    def _current_row(self, plan: PlanView | None) -> int | None:
        """The phase the patient is in: the stored current phase, else the one the dates give;
        none for templates (no patient) and plans without phases."""
        if plan is None or plan.is_template or not plan.phases:
            return None
        return current_phase_index(plan, self.today)

    # -- structure: internal id 0 = phase row; n > 0 = item row in phase n - 1 ----------------------
    def _phases(self) -> tuple[PhaseView, ...]:
        return self.plan.phases if self.plan is not None else ()

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        phases = self._phases()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(phases) else QModelIndex()
        if parent.internalId() == 0 and parent.row() < len(phases) and row < len(phases[parent.row()].items):
            return self.createIndex(row, 0, parent.row() + 1)
        return QModelIndex()

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        phases = self._phases()
        if not parent.isValid():
            return len(phases)
        if parent.internalId() == 0 and parent.column() == 0 and parent.row() < len(phases):
            return len(phases[parent.row()].items)
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: ARG002, B008, N802
        return 1

    def hasChildren(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return self.rowCount(parent) > 0

    # -- lookups --------------------------------------------------------------------------------
    def phase_at(self, index: _Index) -> PhaseView | None:
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == 0 else index.internalId() - 1
        phases = self._phases()
        return phases[row] if 0 <= row < len(phases) else None

    def item_at(self, index: _Index) -> PlanItemView | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        phase = self.phase_at(index)
        return phase.items[index.row()] if phase and index.row() < len(phase.items) else None

    def index_of(self, kind: str, target_id: int) -> QModelIndex:
        for p_row, phase in enumerate(self._phases()):
            if kind == "phase" and phase.id == target_id:
                return self.index(p_row, 0)
            if kind == "item":
                for i_row, item in enumerate(phase.items):
                    if item.id == target_id:
                        return self.index(i_row, 0, self.index(p_row, 0))
        return QModelIndex()

    # -- data -----------------------------------------------------------------------------------
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.plan is None:
            return None
        lang = current_language()
        if index.internalId() == 0:
            phase = self.phase_at(index)
            if phase is None:
                return None
            row = index.row()
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return phase.name if phase.name or role == Qt.ItemDataRole.EditRole else _("Untitled phase")
            if role == IS_PHASE_ROLE:
                return True
            if role == ID_ROLE:
                return phase.id
            if role == NUMBER_ROLE:
                return row + 1
            if role == CURRENT_ROLE:
                return row == self._current
            if role == EMPTY_ROLE:
                return not phase.items
            if role == INFO_ROLE:
                count = len(phase.items)
                parts = [weeks_text(self.plan, row), ngettext("%(n)d block", "%(n)d blocks", count) % {"n": count},
                         _("about %(n)d min a session") % {"n": phase_minutes(phase)}]
                return " · ".join(parts)
            if role == WARNINGS_ROLE:
                return self._findings.phases.get(phase.id, [])
            now = _("The patient is in this phase now.") if row == self._current else ""
            if role == Qt.ItemDataRole.ToolTipRole:
                return "\n".join(filter(None, [now, phase.focus, *self._findings.phases.get(phase.id, [])]))
            if role == Qt.ItemDataRole.AccessibleTextRole:
                text = _("Phase %(n)d: %(name)s") % {"n": row + 1, "name": phase.name}
                return text + " (" + _("now") + ")" if now else text
            return None
        item = self.item_at(index)
        if item is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return item.block.title(lang)
        if role == IS_PHASE_ROLE:
            return False
        if role == ID_ROLE:
            return item.id
        if role == KIND_ROLE:
            return item.block.kind.value
        if role == DOSAGE_ROLE:
            return item_dosage_text(item, lang)
        if role == NOTE_ROLE:
            return item.patient_note
        if role == WARNINGS_ROLE:
            return self._findings.items.get(item.id, [])
        if role == LAST_ROLE:
            phase = self.phase_at(index)
            return phase is not None and index.row() == len(phase.items) - 1
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnails.pixmap(item.block, THUMB_SIZE)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            text = f"{kind_name(item.block.kind)}: {item.block.title(lang)} — {item_dosage_text(item, lang)}"
            return "\n".join([text, *self._findings.items.get(item.id, [])])
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        if index.internalId() == 0:
            return base | Qt.ItemFlag.ItemIsDropEnabled | Qt.ItemFlag.ItemIsEditable
        return base

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        phase = self.phase_at(index) if index.isValid() and index.internalId() == 0 else None
        if phase is None or role != Qt.ItemDataRole.EditRole:
            return False
        name = str(value).strip()
        if name != phase.name:
            self.rename_requested.emit(phase.id, name)
        return True

    # -- drag and drop --------------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [ITEM_MIME, PHASE_MIME, BLOCK_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:  # noqa: N802
        items = [self.item_at(i) for i in indexes if i.isValid() and i.internalId() != 0]
        if items:
            return pack(ITEM_MIME, [i.id for i in items if i is not None])
        phases = [self.phase_at(i) for i in indexes if i.isValid()]
        return pack(PHASE_MIME, [p.id for p in phases[:1] if p is not None])

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def drop_target(self, row: int, parent: _Index) -> tuple[int, int] | None:
        """(phase id, position) for a block or item dropped at `row` under `parent`; -1 = at the end."""
        phases = self._phases()
        if not phases:
            return None
        if parent.isValid():
            if parent.internalId() != 0:  # on an item: before it
                phase = self.phase_at(parent)
                return (phase.id, parent.row()) if phase else None
            return phases[parent.row()].id, row
        if row <= 0:
            return phases[0].id, 0
        return phases[min(row, len(phases)) - 1].id, -1

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: ARG002, N802
                        parent: _Index) -> bool:
        if self.plan is None:
            return False
        if data.hasFormat(PHASE_MIME):
            return bool(unpack(data, PHASE_MIME))
        if data.hasFormat(ITEM_MIME) or data.hasFormat(BLOCK_MIME):
            return self.drop_target(row, parent) is not None
        return False

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,  # noqa: N802
                     parent: _Index) -> bool:
        if action == Qt.DropAction.IgnoreAction or not self.canDropMimeData(data, action, row, column, parent):
            return False
        if data.hasFormat(PHASE_MIME):
            ids = unpack(data, PHASE_MIME)
            if parent.isValid():  # dropped onto a phase: take its place
                row = self.phase_at(parent) and self._phases().index(self.phase_at(parent))
            self.phase_dropped.emit(ids[0], len(self._phases()) if row is None or row < 0 else row)
            return True
        phase_id, position = self.drop_target(row, parent)  # type: ignore[misc]
        if data.hasFormat(ITEM_MIME):
            ids = unpack(data, ITEM_MIME)
            if ids:
                self.items_dropped.emit(ids, phase_id, position)
                return True
            return False
        ids = unpack(data, BLOCK_MIME)
        if ids:
            self.blocks_dropped.emit(ids, phase_id, position)
            return True
        return False
