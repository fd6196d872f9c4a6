"""The library dock: search as you type (both languages, any case or accents), kind chips, region
and equipment filters, a list that drags blocks onto the plan; Enter adds the current block."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtWidgets
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import HerstelplanError
from planner.domain.kinds import EQUIPMENT, KIND_ORDER, REGIONS, Kind
from planner.domain.model import BlockInfo
from planner.i18n import _, ngettext
from planner.services.changes import LibraryChanged
from planner.ui.common.bus import ChangeBus
from planner.ui.common.icons import icon, kind_icon
from planner.ui.common.labels import equipment_name, kind_name, region_name
from planner.ui.common.list_delegate import TwoLineDelegate
from planner.ui.common.search_field import SearchField
from planner.ui.common.service_calls import library_service
from planner.ui.common.thumbnails import Thumbnails
from planner.ui.library.library_model import BLOCK_ROLE, THUMB_SIZE, LibraryFilter, LibraryModel

if TYPE_CHECKING:
    from planner.services.database import Database


INDEX_DELAY_MS = 1000


class LibraryPanel(QWidget):
    add_requested = Signal(int)  # block id
    add_many_requested = Signal(list)  # block ids, in the list's order
    block_changed = Signal(object)  # BlockInfo or None

    db: Database  # given at construction or to `load` (the window is built before the database opens)

    def __init__(self, db: Database | None, bus: ChangeBus, thumbnails: Thumbnails, parent: QWidget | None = None,
                 *, load: bool = True):
        """`load=False` (or no `db` yet): show the panel empty; `load(db)` reads the library later."""
        super().__init__(parent)
        self.setObjectName("libraryPanel")
        self.loaded = False
        if db is not None:
            self.db = db
        self.bus = bus
        self.model = LibraryModel(thumbnails, self)
        self.proxy = LibraryFilter(self)
        self.proxy.setSourceModel(self.model)

        self.search = SearchField(objectName="librarySearch")
        self.search.setPlaceholderText(_("Search blocks in any language (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(self._filter_text)
        self.search.move_down.connect(self._enter_list)

        chips = QGridLayout()
        chips.setSpacing(4)
        self.chips: dict[Kind, QToolButton] = {}
        for i, kind in enumerate(KIND_ORDER):
            chip = QToolButton(objectName=f"chip_{kind.value}")
            chip.setText(kind_name(kind))
            chip.setIcon(kind_icon(kind.value))
            chip.setCheckable(True)
            chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            chip.setAutoRaise(False)
            chip.setIconSize(QSize(16, 16))
            chip.toggled.connect(self._filter_kinds)
            chip.setSizePolicy(chip.sizePolicy().horizontalPolicy().Expanding,
                               chip.sizePolicy().verticalPolicy())
            chips.addWidget(chip, i // 3, i % 3)
            self.chips[kind] = chip

        self.region = QComboBox(objectName="libraryRegion")
        self.region.addItem(_("Any body region"), "")
        for region in REGIONS:
            self.region.addItem(region_name(region), region)
        self.region.currentIndexChanged.connect(
            lambda _i: self._keeping_current(lambda: self.proxy.set_region(self.region.currentData())))
        self.equipment = QComboBox(objectName="libraryEquipment")
        self.equipment.addItem(_("Any equipment"), "")
        for item in EQUIPMENT:
            self.equipment.addItem(equipment_name(item), item)
        self.equipment.currentIndexChanged.connect(
            lambda _i: self._keeping_current(lambda: self.proxy.set_equipment(self.equipment.currentData())))
        combos = QHBoxLayout()
        combos.addWidget(self.region, 1)
        combos.addWidget(self.equipment, 1)

        self.list = QListView(objectName="libraryList")
        self.list.setModel(self.proxy)
        self.list.setItemDelegate(TwoLineDelegate(self.list, icon_size=THUMB_SIZE))
        self.list.setUniformItemSizes(True)
        self.list.setDragEnabled(True)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.list.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)  # Ctrl/Shift+click: several
        self.list.doubleClicked.connect(lambda index: self._add(index))
        self.list.selectionModel().currentChanged.connect(lambda current, _p: self._current_changed(current))
        self.count = QLabel(objectName="libraryCount")
        self.count.setStyleSheet("color: #5f6b73;")
        self.count.setWordWrap(True)  # a long message wraps: it never widens the pane
        self.count.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.buttons = QHBoxLayout()
        self.buttons.setContentsMargins(0, 0, 0, 0)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.search)
        layout.addLayout(chips)
        layout.addLayout(combos)
        layout.addWidget(self.list, 1)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(0, 0, 0, 0)
        bottom.addLayout(self.buttons)
        bottom.addWidget(self.count, 1)
        layout.addLayout(bottom)
        self.setTabOrder(self.search, self.list)

        bus.library_changed.connect(lambda _block_id: self.reload())
        if load and db is not None:
            self.load()
        else:
            self.count.setText(_("Opening the library…"))

    def load(self, db: Database | None = None) -> None:
        """Read the library (once; later changes arrive through `reload`); `db`: the database, when
        the panel was made before it opened."""
        if db is not None:
            self.db = db
        if not self.loaded:
            self.loaded = True
            self.reload()

    def add_buttons(self, actions) -> None:
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setAutoRaise(True)
            self.buttons.addWidget(button)

    # -- data -----------------------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else (self.current_block().id if self.current_block() else None)
        self.model.thumbnails.clear()
        self.model.set_blocks(library_service().list_blocks(self.db, brief=True))
        # The search index is built when the program is idle (a second after the library shows), so
        # neither the start nor the first key typed waits for it.
        QTimer.singleShot(INDEX_DELAY_MS, self._build_index)
        self._update_count()
        if keep is not None:
            self.select_block(keep)

    def _build_index(self) -> None:
        try:
            self.model.search_index()
        except RuntimeError:  # the panel was closed meanwhile
            pass

    def select_block(self, block_id: int) -> bool:
        row = self.model.row_of(block_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row))
        if not index.isValid():  # hidden by the filters: clear them so the block shows
            self.clear_filters()
            index = self.proxy.mapFromSource(self.model.index(row))
        self.list.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.list.scrollTo(index)
        return True

    def clear_filters(self) -> None:
        self.search.clear()
        for chip in self.chips.values():
            chip.setChecked(False)
        self.region.setCurrentIndex(0)
        self.equipment.setCurrentIndex(0)

    def current_block(self) -> BlockInfo | None:
        """The selected block as the list has it: brief (titles, tags, picture; no dosage or steps)."""
        index = self.list.currentIndex()
        return index.data(BLOCK_ROLE) if index.isValid() else None

    # -- filtering ------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _filter_text(self, text: str) -> None:
        self.proxy.set_text(text)
        self._update_count()
        if self.proxy.rowCount():  # the best match becomes current, so Enter adds it
            index = self.proxy.index(self.proxy.best_row(), 0)
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)

    def _filter_kinds(self) -> None:
        self._keeping_current(lambda: self.proxy.set_kinds({kind for kind, chip in self.chips.items()
                                                            if chip.isChecked()}))

    def _keeping_current(self, change) -> None:
        """Apply a filter change; the current block stays current when it is still shown."""
        block = self.current_block()
        change()
        row = self.model.row_of(block.id) if block is not None else None
        index = self.proxy.mapFromSource(self.model.index(row)) if row is not None else None
        if index is not None and index.isValid():
            self.list.setCurrentIndex(index)
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count.setText(ngettext("%(n)d block", "%(n)d blocks", total) % {"n": total})
        elif shown == 0:
            self.count.setText(_("No block matches. Try fewer words or clear the filters (Esc)."))
        else:
            self.count.setText(_("%(shown)d of %(total)d blocks") % {"shown": shown, "total": total})
        if shown and not self.list.currentIndex().isValid():
            self.list.setCurrentIndex(self.proxy.index(0, 0))

    def _enter_list(self) -> None:
        """Down in the search: the first row (the best match), then Down goes on to the next."""
        if self.proxy.rowCount():
            self.list.selectionModel().setCurrentIndex(self.proxy.index(0, 0),
                                                       QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.list.setFocus()

    def _current_changed(self, current: QModelIndex) -> None:
        self.block_changed.emit(current.data(BLOCK_ROLE) if current.isValid() else None)

    # -- adding ---------------------------------------------------------------------------------
    def add_current(self) -> None:
        """Enter in the search field or the list: add the current block to the plan, or every selected
        block when several are selected."""
        selected = sorted(self.list.selectionModel().selectedIndexes(), key=lambda i: i.row())
        if len(selected) > 1:
            self.add_many_requested.emit([i.data(BLOCK_ROLE).id for i in selected if i.data(BLOCK_ROLE)])
            return
        index = self.list.currentIndex()
        if not index.isValid() and self.proxy.rowCount():
            index = self.proxy.index(0, 0)
        self._add(index)

    def _add(self, index: QModelIndex) -> None:
        block = index.data(BLOCK_ROLE) if index.isValid() else None
        if block is not None:
            self.add_requested.emit(block.id)

    # -- own blocks -----------------------------------------------------------------------------
    def _warn(self, text: str) -> None:
        QMessageBox = QtWidgets.QMessageBox  # noqa: N806 - its Python type is made on first use, not at start-up
        box = QMessageBox(QMessageBox.Icon.Information, _("Library"), text, QMessageBox.StandardButton.Ok,
                          self.window())
        box.setObjectName("libraryMessage")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def new_block(self) -> None:
        # Dialogs load when first opened, not while the window starts.
        from planner.ui.library.block_dialog import BlockDialog

        dialog = BlockDialog(self.db, parent=self.window())
        dialog.accepted.connect(lambda: self._saved(dialog.result_block))
        dialog.open()

    def duplicate_block(self) -> None:
        block = self.current_block()
        if block is None:
            return
        copy = library_service().duplicate_block(self.db, block.id)
        self._saved(copy)

    def edit_block(self) -> None:
        block = self.current_block()
        if block is None:
            return
        if block.builtin:
            self._warn(_("Built-in blocks cannot be changed. Duplicate it (Ctrl+Alt+D) and change the copy."))
            return
        from planner.ui.library.block_dialog import BlockDialog

        block = library_service().get_block(self.db, block.id)  # the list holds brief blocks: read it whole
        dialog = BlockDialog(self.db, block, parent=self.window())
        dialog.accepted.connect(lambda: self._saved(dialog.result_block))
        dialog.open()

    def _saved(self, block: BlockInfo | None) -> None:
        if block is None:
            return
        self.bus.publish(LibraryChanged(block.id))
        self.select_block(block.id)

    def attach_picture(self, path: Path | None = None) -> bool:
        """Check, scale and store the therapist's own picture for the current (own) block."""
        QFileDialog = QtWidgets.QFileDialog  # noqa: N806 - its Python type is made on first use, not at start-up
        from planner.ui.library.images import FILE_FILTER, PictureProblem, prepare_picture

        block = self.current_block()
        if block is None:
            return False
        if block.builtin:
            self._warn(_("Built-in blocks cannot be changed. Duplicate it (Ctrl+Alt+D) and attach the "
                         "picture to the copy."))
            return False
        if path is None:
            name, _filter = QFileDialog.getOpenFileName(self.window(), _("Choose a picture"), "",
                                                        _("Pictures") + f" ({FILE_FILTER})")
            if not name:
                return False
            path = Path(name)
        try:
            data, mime = prepare_picture(path)
            updated = library_service().set_block_image(self.db, block.id, data, mime)
        except PictureProblem as problem:
            self._warn(_("The picture was not added: %(reason)s") % {"reason": problem})
            return False
        except HerstelplanError as error:
            from planner.ui.common.errors import describe

            self._warn(describe(error))
            return False
        self._saved(updated)
        return True
