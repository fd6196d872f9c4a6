"""The central plan editor: the plan's header (plan_header.py) on top, its phases as cards
below. Every edit becomes an undo command (and so one saved transaction); drops and keys arrive
here as ids and positions."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from planner.domain.plan_words import phase_name
from planner.i18n import _, current_language, ngettext
from planner.ui.common.service_calls import library_service
from planner.ui.common.thumbnails import Thumbnails
from planner.ui.editor.commands import (
    AddItemCommand,
    AddPhaseCommand,
    DuplicatePhaseCommand,
    MoveItemCommand,
    MovePhaseCommand,
    RemoveItemCommand,
    RemovePhaseCommand,
    SetFieldCommand,
)
from planner.ui.editor.fields import new_token
from planner.ui.editor.plan_delegate import PlanDelegate
from planner.ui.editor.plan_document import Key, PlanDocument
from planner.ui.editor.plan_header import PlanHeader
from planner.ui.editor.plan_model import PlanTreeModel
from planner.ui.editor.plan_tree import PlanTree

QUEUED = Qt.ConnectionType.QueuedConnection


class PlanEditor(QWidget):
    selection_changed = Signal(object)  # Key or None
    status_message = Signal(str)

    def __init__(self, doc: PlanDocument, thumbnails: Thumbnails, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("planEditor")
        self.doc = doc
        self.model = PlanTreeModel(thumbnails, self)
        self._selected: Key | None = None

        self.header = PlanHeader(doc, self)
        # the header's fields, by the names the rest of the window (and the tests) use
        h = self.header
        self.patient_label, self.title, self.title_error, self.goal = h.patient_label, h.title, h.title_error, h.goal
        self.start, self.status, self.language = h.start, h.status, h.language

        self.tree = PlanTree(self)
        self.tree.setModel(self.model)
        self.tree.setItemDelegate(PlanDelegate(self.tree))
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.summary = QLabel(objectName="planSummary")
        self.summary.setStyleSheet("color: #37474f; padding: 6px 14px;")

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)
        self.placeholder = QLabel(objectName="planPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #56636b; font-size: 12pt; padding: 40px;")
        self.placeholder.setText(_("Choose a patient and open a plan, or make a new plan with Ctrl+Shift+N.\n\n"
                                   "New patient: Ctrl+N · Find a patient: Ctrl+L · Find a block: Ctrl+F"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.setTabOrder(self.language, self.tree)

        self.model.blocks_dropped.connect(self.add_blocks, QUEUED)
        self.model.items_dropped.connect(self.move_items, QUEUED)
        self.model.phase_dropped.connect(self.move_phase_to, QUEUED)
        self.model.rename_requested.connect(self.rename, QUEUED)
        doc.loaded.connect(self._loaded)
        doc.changed.connect(self._changed)
        self._loaded()

    # -- showing --------------------------------------------------------------------------------
    def _loaded(self) -> None:
        plan = self.doc.plan
        self.stack.setCurrentIndex(1 if plan is not None else 0)
        self._selected = None
        self.header.flush()
        self._show(None)
        if plan is not None and plan.phases:
            first = self.model.index(0, 0)
            self.tree.setCurrentIndex(first)

    def _changed(self, hint: Key | None) -> None:
        self._show(hint or self._selected)

    def _show(self, select: Key | None) -> None:
        plan = self.doc.plan
        scroll = self.tree.verticalScrollBar().value()
        self.model.set_plan(plan)
        self.tree.expandAll()
        self.tree.verticalScrollBar().setValue(scroll)
        if plan is None:
            self.selection_changed.emit(None)
            return
        self.header.show_plan(plan)
        blocks = sum(len(p.items) for p in plan.phases)
        self.summary.setText(" · ".join([
            ngettext("%(n)d phase", "%(n)d phases", len(plan.phases)) % {"n": len(plan.phases)},
            ngettext("%(n)d week", "%(n)d weeks", plan.total_weeks) % {"n": plan.total_weeks},
            ngettext("%(n)d block", "%(n)d blocks", blocks) % {"n": blocks},
            _("every change is saved at once"),
        ]))
        index = self.model.index_of(*select) if select else QModelIndex()
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.tree.scrollTo(index)
        else:
            self._selected = None
        self.selection_changed.emit(self._selected)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            self._selected = None
        elif current.internalId() == 0:
            self._selected = ("phase", self.model.phase_at(current).id)
        else:
            self._selected = ("item", self.model.item_at(current).id)
        self.selection_changed.emit(self._selected)

    @property
    def selected(self) -> Key | None:
        return self._selected

    def select(self, key: Key) -> None:
        index = self.model.index_of(*key)
        if index.isValid():
            self.tree.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def focus_tree(self) -> None:
        self.tree.setFocus()
        if not self.tree.currentIndex().isValid() and self.model.rowCount():
            self.tree.setCurrentIndex(self.model.index(0, 0))

    def flush(self) -> None:
        self.header.flush()

    # -- phases ---------------------------------------------------------------------------------
    def current_phase_id(self) -> int | None:
        """The phase of the selected row; the last phase when nothing is selected."""
        plan = self.doc.plan
        if plan is None or not plan.phases:
            return None
        index = self.tree.currentIndex()
        phase = self.model.phase_at(index) if index.isValid() else None
        return phase.id if phase is not None else plan.phases[-1].id

    def go_to_phase(self, delta: int) -> None:
        """Select the next (`delta` 1) or previous (-1) phase of the plan (Ctrl+PgDown, Ctrl+PgUp)."""
        plan = self.doc.plan
        current = self.current_phase_id()
        if plan is None or current is None:
            return
        position = self.doc.phase_index(current) + delta
        if 0 <= position < len(plan.phases):
            self.select(("phase", plan.phases[position].id))
            self.tree.scrollTo(self.tree.currentIndex())

    def add_phase(self) -> None:
        plan = self.doc.plan
        if plan is None:
            return
        current = self.current_phase_id()
        position = self.doc.phase_index(current) + 1 if current is not None else None
        name = phase_name(len(plan.phases) + 1, plan.language)  # the plan's language, not the UI's
        self.doc.push(AddPhaseCommand(self.doc, plan.id, position=position, fields={"name": name, "weeks": 2}))
        self.focus_tree()
        if self._selected and self._selected[0] == "phase":
            self.tree.edit(self.tree.currentIndex())

    def rename_phase(self) -> None:
        phase_id = self.current_phase_id()
        if phase_id is None:
            return
        index = self.model.index_of("phase", phase_id)
        self.tree.setFocus()
        self.tree.setCurrentIndex(index)
        self.tree.edit(index)

    def rename(self, phase_id: int, name: str) -> None:
        phase = self.doc.phase(phase_id)
        if phase is not None and phase.name != name:
            self.doc.push(SetFieldCommand(self.doc, ("phase", phase_id), field="name", old=phase.name, new=name,
                                          token=new_token()))

    def duplicate_phase(self) -> None:
        phase_id = self.current_phase_id()
        if phase_id is not None and self.doc.plan is not None:
            self.doc.push(DuplicatePhaseCommand(self.doc, self.doc.plan.id, phase_id=phase_id))

    def move_phase_to(self, phase_id: int, row: int) -> None:
        old = self.doc.phase_index(phase_id)
        if old < 0:
            return
        new = row - 1 if row > old else row
        count = len(self.doc.plan.phases)
        new = max(0, min(new, count - 1))
        if new != old:
            self.doc.push(MovePhaseCommand(self.doc, phase_id, old=old, new=new))

    # -- items ----------------------------------------------------------------------------------
    def add_block(self, block_id: int | list[int]) -> None:
        """Add library blocks to the current phase, after the selected item (Enter in the library)."""
        plan = self.doc.plan
        if plan is None:
            self.status_message.emit(_("Open a plan first: choose a patient's plan or press Ctrl+Shift+N."))
            return
        phase_id = self.current_phase_id()
        position = -1
        if self._selected and self._selected[0] == "item":
            phase, item = self.doc.item(self._selected[1])
            if phase is not None and phase.id == phase_id:
                position = phase.items.index(item) + 1
        self.add_blocks(block_id if isinstance(block_id, list) else [block_id], phase_id, position)

    def add_blocks(self, block_ids: list[int], phase_id: int | None, position: int) -> None:
        """Add the blocks to the phase; a block the phase already has is not added again, and the
        status bar says so."""
        plan = self.doc.plan
        stack = self.doc.stack
        if plan is None or stack is None or not block_ids:
            return
        lang = current_language()
        phase = self.doc.phase(phase_id) if phase_id is not None else None
        there = {item.block.id for item in phase.items} if phase is not None else set()
        doubles = [bid for bid in dict.fromkeys(block_ids) if bid in there]
        block_ids = [bid for bid in dict.fromkeys(block_ids) if bid not in there]
        if doubles:
            names = ", ".join(f"“{library_service().get_block(self.doc.db, bid).title(lang)}”" for bid in doubles)
            self.status_message.emit(_("%(titles)s is already in the phase “%(phase)s”; not added again.")
                                     % {"titles": names, "phase": phase.name})
        if not block_ids:
            return
        titles = {bid: library_service().get_block(self.doc.db, bid).title(lang) for bid in block_ids}
        macro = len(block_ids) > 1 or phase_id is None
        if macro:
            stack.beginMacro(_("Add %(title)s") % {"title": ", ".join(titles.values())})
        try:
            if phase_id is None:
                command = AddPhaseCommand(self.doc, plan.id, position=None,
                                          fields={"name": phase_name(1, plan.language), "weeks": 2})
                self.doc.push(command)
                phase_id = command.phase_id
                if phase_id is None:
                    return
            for offset, block_id in enumerate(block_ids):
                pos = None if position < 0 else position + offset
                self.doc.push(AddItemCommand(self.doc, phase_id, block_id=block_id, position=pos, title=titles[block_id]))
        finally:
            if macro:
                stack.endMacro()
        added = _("Added %(title)s.") % {"title": ", ".join(titles.values())}
        if doubles:
            added += " " + _("%(n)d already in the phase.") % {"n": len(doubles)}
        self.status_message.emit(added)

    def move_items(self, item_ids: list[int], phase_id: int, position: int) -> None:
        stack = self.doc.stack
        if stack is None:
            return
        moves = []
        for offset, item_id in enumerate(item_ids):
            source_phase, item = self.doc.item(item_id)
            target_phase = self.doc.phase(phase_id)
            if source_phase is None or target_phase is None:
                continue
            source = (source_phase.id, source_phase.items.index(item))
            pos = len(target_phase.items) if position < 0 else position + offset
            if source_phase.id == phase_id and pos > source[1]:
                pos -= 1  # counted without the item itself
            limit = len(target_phase.items) - (1 if source_phase.id == phase_id else 0)
            pos = max(0, min(pos, limit))
            if (phase_id, pos) != source:
                moves.append(MoveItemCommand(self.doc, item_id, source=source, target=(phase_id, pos),
                                             title=item.block.title(current_language())))
        if len(moves) > 1:
            stack.beginMacro(_("Move blocks"))
        for move in moves:
            self.doc.push(move)
        if len(moves) > 1:
            stack.endMacro()

    def move_selected(self, delta: int) -> None:
        """Ctrl+Up/Down: an item moves within its phase and on into the next or previous phase;
        a phase moves among the phases."""
        plan = self.doc.plan
        if plan is None or self._selected is None:
            return
        kind, target_id = self._selected
        if kind == "phase":
            old = self.doc.phase_index(target_id)
            new = old + delta
            if 0 <= new < len(plan.phases):
                self.doc.push(MovePhaseCommand(self.doc, target_id, old=old, new=new))
            return
        phase, item = self.doc.item(target_id)
        if phase is None:
            return
        index = phase.items.index(item)
        title = item.block.title(current_language())
        new = index + delta
        if 0 <= new < len(phase.items):
            target = (phase.id, new)
        else:
            p_index = self.doc.phase_index(phase.id) + delta
            if not 0 <= p_index < len(plan.phases):
                return
            neighbour = plan.phases[p_index]
            target = (neighbour.id, len(neighbour.items) if delta < 0 else 0)
        self.doc.push(MoveItemCommand(self.doc, target_id, source=(phase.id, index), target=target, title=title))

    def delete_selected(self) -> None:
        plan = self.doc.plan
        if plan is None or self._selected is None:
            return
        kind, target_id = self._selected
        if kind == "item":
            _phase, item = self.doc.item(target_id)
            if item is not None:
                title = item.block.title(current_language())
                self.doc.push(RemoveItemCommand(self.doc, target_id, title=title))
                self.status_message.emit(_("Removed “%(title)s”. Ctrl+Z brings it back.") % {"title": title})
        else:
            phase = self.doc.phase(target_id)
            if phase is not None:
                self.doc.push(RemovePhaseCommand(self.doc, plan.id, phase_id=target_id, name=phase.name))
                self.status_message.emit(_("Removed the phase “%(name)s”. Ctrl+Z brings it back.") % {"name": phase.name})
