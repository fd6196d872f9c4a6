"""The library as an item model (all blocks cached in memory) and a filter that searches both
languages ignoring case and accents, and filters by kind, body region and equipment."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from planner.domain.kinds import KIND_ORDER, Kind
from planner.domain.model import BlockInfo
from planner.domain.text import fold
from planner.i18n import _, current_language
from planner.ui.labels import equipment_name, kind_name, region_name
from planner.ui.list_delegate import SUBTITLE_ROLE
from planner.ui.mime import BLOCK_MIME, pack
from planner.ui.thumbnails import Thumbnails

ID_ROLE = Qt.ItemDataRole.UserRole + 1
BLOCK_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3
_Index = QModelIndex | QPersistentModelIndex
THUMB_SIZE = 44


def haystack(block: BlockInfo) -> str:
    """Everything a search may match, folded: titles and purposes in both languages, tags, kind."""
    words = [block.key, kind_name(block.kind), block.kind.value]
    for text in block.texts.values():
        words += [text.title, text.purpose]
    words += list(block.regions) + [region_name(r) for r in block.regions]
    words += list(block.equipment) + [equipment_name(e) for e in block.equipment]
    return fold(" ".join(words))


class LibraryModel(QAbstractListModel):
    """Every library block, sorted by kind then title; items drag as block ids."""

    def __init__(self, thumbnails: Thumbnails, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.thumbnails = thumbnails
        self._blocks: list[BlockInfo] = []
        self._search: list[str] = []
        self._titles: list[str] = []
        self._folded_titles: list[str] = []

    def set_blocks(self, blocks: Sequence[BlockInfo]) -> None:
        lang = current_language()
        order = {kind: i for i, kind in enumerate(KIND_ORDER)}
        rows = sorted(blocks, key=lambda b: (order.get(b.kind, 99), fold(b.title(lang)), b.id))
        self.beginResetModel()
        self._blocks = rows
        self._titles = [b.title(lang) for b in rows]
        self._search = [haystack(b) for b in rows]
        self._folded_titles = [fold(" ".join(t.title for t in b.texts.values())) for b in rows]
        self.endResetModel()

    def block(self, row: int) -> BlockInfo | None:
        return self._blocks[row] if 0 <= row < len(self._blocks) else None

    def search_text(self, row: int) -> str:
        return self._search[row]

    def blocks(self) -> list[BlockInfo]:
        return self._blocks

    def search_texts(self) -> list[str]:
        return self._search

    def title_text(self, row: int) -> str:
        return self._folded_titles[row]

    def row_of(self, block_id: int) -> int | None:
        for row, block in enumerate(self._blocks):
            if block.id == block_id:
                return row
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._blocks)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < len(self._blocks):
            return None
        block = self._blocks[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[index.row()]
        if role == SUBTITLE_ROLE:
            parts = [kind_name(block.kind)]
            parts += [region_name(r) for r in block.regions[:2]]
            if not block.builtin:
                parts.append(_("own block"))
            return " · ".join(parts)
        if role == Qt.ItemDataRole.DecorationRole:
            return self.thumbnails.pixmap(block, THUMB_SIZE)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = block.text(current_language())
            return f"{text.title}\n{text.purpose}".strip()
        if role == ID_ROLE:
            return block.id
        if role == BLOCK_ROLE:
            return block
        if role == KIND_ROLE:
            return block.kind.value
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [BLOCK_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]):  # noqa: ANN201, N802
        ids = [self._blocks[i.row()].id for i in indexes if i.isValid()]
        return pack(BLOCK_MIME, ids, text="\n".join(self._titles[i.row()] for i in indexes if i.isValid()))

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction


class LibraryFilter(QSortFilterProxyModel):
    """Rows whose folded text contains every search word, and match the chosen kinds/region/equipment.

    The decision for every row is made in one pass when a filter changes (a list comprehension over
    the cached texts); filterAcceptsRow only looks it up, which keeps a keystroke cheap at 5,000 rows.
    """

    def __init__(self, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self._words: list[str] = []
        self._kinds: set[Kind] = set()
        self._region = ""
        self._equipment = ""
        self._mask: list[bool] | None = None

    def setSourceModel(self, model) -> None:  # noqa: ANN001, N802
        super().setSourceModel(model)
        model.modelAboutToBeReset.connect(self._forget)
        model.rowsInserted.connect(self._forget)

    def _forget(self, *_args) -> None:  # noqa: ANN002
        self._mask = None

    def _change(self, apply) -> None:  # noqa: ANN001
        self.beginFilterChange()
        apply()
        self._mask = None
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        words = fold(text).split()
        if words != self._words:
            self._change(lambda: setattr(self, "_words", words))

    def set_kinds(self, kinds: set[Kind]) -> None:
        self._change(lambda: setattr(self, "_kinds", set(kinds)))

    def set_region(self, region: str) -> None:
        self._change(lambda: setattr(self, "_region", region or ""))

    def set_equipment(self, equipment: str) -> None:
        self._change(lambda: setattr(self, "_equipment", equipment or ""))

    def _compute(self, model: LibraryModel) -> list[bool]:
        blocks, texts = model.blocks(), model.search_texts()
        rows: list[int] | range = range(len(blocks))
        if self._kinds:
            rows = [i for i in rows if blocks[i].kind in self._kinds]
        if self._region:
            rows = [i for i in rows if self._region in blocks[i].regions]
        if self._equipment:
            rows = [i for i in rows if self._equipment in blocks[i].equipment]
        for word in self._words:  # narrow word by word: each pass looks only at what is left
            rows = [i for i in rows if word in texts[i]]
        mask = [False] * len(blocks)
        for i in rows:
            mask[i] = True
        return mask

    def best_row(self) -> int:
        """The shown row that Enter should add: the first whose title has every search word, else row 0."""
        model = self.sourceModel()
        if not self._words or not isinstance(model, LibraryModel):
            return 0
        for row in range(self.rowCount()):
            source = self.mapToSource(self.index(row, 0)).row()
            title = model.title_text(source)
            if all(word in title for word in self._words):
                return row
        return 0

    @property
    def active(self) -> bool:
        return bool(self._words or self._kinds or self._region or self._equipment)

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:  # noqa: N802
        mask = self._mask
        if mask is None:
            model = self.sourceModel()
            if not isinstance(model, LibraryModel):
                return True
            mask = self._mask = self._compute(model)
        return source_row < len(mask) and mask[source_row]
