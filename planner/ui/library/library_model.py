"""The library as an item model (all blocks cached in memory) and a filter that searches both
languages ignoring case and accents, and filters by kind, body region and equipment."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
)

from planner.domain.kinds import KIND_ORDER, Kind
from planner.domain.model import BlockInfo
from planner.domain.text import fold
from planner.i18n import _, current_language
from planner.services.library_search import SearchEntry, SearchIndex, words_of
from planner.ui.common.labels import block_words, kind_name, region_name
from planner.ui.common.list_delegate import SUBTITLE_ROLE
from planner.ui.common.thumbnails import Thumbnails
from planner.ui.editor.mime import BLOCK_MIME, pack

ID_ROLE = Qt.ItemDataRole.UserRole + 1
BLOCK_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3
_Index = QModelIndex | QPersistentModelIndex
THUMB_SIZE = 44


def search_entry(block: BlockInfo, labels: dict[tuple, dict[str, list[str]]] | None = None) -> SearchEntry:
    """What the search may match for `block`: titles, purposes, kind, body regions and equipment in
    every language, plus the key and the codes. `labels`: a cache of the named tags (per set_blocks)."""
    labels = {} if labels is None else labels
    tags = (block.kind, tuple(block.regions), tuple(block.equipment))
    names = labels.get(tags)
    if names is None:
        names = labels[tags] = block_words(*tags)
    texts = {lang: [*names.get(lang, ()), *( [block.texts[lang].purpose] if lang in block.texts else [])]
             for lang in {*names, *block.texts}}
    return SearchEntry(titles=tuple(text.title for text in block.texts.values()), texts=texts,
                       words=(block.key, block.kind.value, *block.regions, *block.equipment))


class LibraryModel(QAbstractListModel):
    """Every library block, sorted by kind then title; items drag as block ids."""

    def __init__(self, thumbnails: Thumbnails, parent=None):
        super().__init__(parent)
        self.thumbnails = thumbnails
        self._blocks: list[BlockInfo] = []
        self._titles: list[str] = []
        self._index: SearchIndex | None = None

    def set_blocks(self, blocks: Sequence[BlockInfo]) -> None:
        lang = current_language()
        order = {kind: i for i, kind in enumerate(KIND_ORDER)}
        titled = [(order.get(b.kind, 99), fold(title := b.title(lang)), b.id, title, b) for b in blocks]
        titled.sort(key=lambda entry: entry[:3])
        self.beginResetModel()
        self._blocks = [entry[4] for entry in titled]
        self._titles = [entry[3] for entry in titled]
        self._index = None  # built on first search (or `search_index()`), not while the window starts
        self.endResetModel()

    def search_index(self) -> SearchIndex:
        """The search over every row (built once per set of blocks: ~0.4 s for 5,000 blocks, so the
        panel builds it when the program is idle after loading, or on the first key typed)."""
        if self._index is None:
            labels: dict[tuple, dict[str, list[str]]] = {}
            self._index = SearchIndex([search_entry(b, labels) for b in self._blocks])
        return self._index

    @property
    def has_search_index(self) -> bool:
        return self._index is not None

    def block(self, row: int) -> BlockInfo | None:
        return self._blocks[row] if 0 <= row < len(self._blocks) else None

    def blocks(self) -> list[BlockInfo]:
        return self._blocks

    def titles(self) -> list[str]:
        """Every row's title in the UI language (what the list shows)."""
        return self._titles

    def row_of(self, block_id: int) -> int | None:
        for row, block in enumerate(self._blocks):
            if block.id == block_id:
                return row
        return None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._blocks)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
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

    def mimeData(self, indexes: Sequence[QModelIndex]):  # noqa: N802
        ids = [self._blocks[i.row()].id for i in indexes if i.isValid()]
        return pack(BLOCK_MIME, ids, text="\n".join(self._titles[i.row()] for i in indexes if i.isValid()))

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction


class LibraryFilter(QStringListModel):
    """The library model's rows whose folded text contains every search word and that match the chosen
    kinds, region and equipment; the list view shows this model.

    The shown rows are a plain list of source rows, recomputed in one pass when a filter changes
    (list comprehensions over the cached texts, narrowing word by word). The model is a
    QStringListModel holding the shown titles, so the view's per-row questions while it lays out
    (index, rowCount: asked for every row) are answered in C++: QSortFilterProxyModel asks a Python
    filterAcceptsRow for every row, and a Python list model answers rowCount from Python for every
    row, each costing more than the search itself at 5,000 blocks. A change resets the model, so
    the panel puts the current block back (LibraryPanel keeps it). Data, flags and drags are the
    source model's.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self._source: QAbstractListModel | None = None
        self._words: list[str] = []
        self._kinds: set[Kind] = set()
        self._region = ""
        self._equipment = ""
        self._rows: list[int] = []  # shown row -> source row
        self._where: list[int] = []  # source row -> shown row, or -1 when hidden

    # -- source ---------------------------------------------------------------------------------
    def sourceModel(self) -> QAbstractListModel | None:  # noqa: N802
        return self._source

    def setSourceModel(self, model: QAbstractListModel) -> None:  # noqa: N802
        if self._source is not None:
            for signal in self._source_signals(self._source):
                signal.disconnect(self._refilter)
            self._source.dataChanged.disconnect(self._source_data_changed)
        self._source = model
        for signal in self._source_signals(model):
            signal.connect(self._refilter)
        model.dataChanged.connect(self._source_data_changed)
        self._refilter()

    @staticmethod
    def _source_signals(model):
        return (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved)

    def _source_data_changed(self, first: QModelIndex, last: QModelIndex, roles=()) -> None:
        shown = [self._where[r] for r in range(first.row(), last.row() + 1)
                 if 0 <= r < len(self._where) and self._where[r] >= 0]
        if shown:
            self.dataChanged.emit(self.index(min(shown), 0), self.index(max(shown), 0), roles)

    def mapToSource(self, index: _Index) -> QModelIndex:  # noqa: N802
        if self._source is None or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return QModelIndex()
        return self._source.index(self._rows[index.row()], 0)

    def mapFromSource(self, source_index: _Index) -> QModelIndex:  # noqa: N802
        if not source_index.isValid() or not 0 <= source_index.row() < len(self._where):
            return QModelIndex()
        row = self._where[source_index.row()]
        return self.index(row, 0) if row >= 0 else QModelIndex()

    # -- filters --------------------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        words = words_of(text)
        if words != self._words:
            self._words = words
            self._refilter()

    def set_kinds(self, kinds: set[Kind]) -> None:
        self._kinds = set(kinds)
        self._refilter()

    def set_region(self, region: str) -> None:
        self._region = region or ""
        self._refilter()

    def set_equipment(self, equipment: str) -> None:
        self._equipment = equipment or ""
        self._refilter()

    def _refilter(self, *_args) -> None:
        model = self._source
        count = model.rowCount() if model is not None else 0
        if not isinstance(model, LibraryModel):
            rows: list[int] | range = range(count)
            titles = [str(model.index(r, 0).data() or "") for r in rows] if model is not None else []
        else:
            blocks = model.blocks()
            rows = range(count)
            if self._kinds:
                rows = [i for i in rows if blocks[i].kind in self._kinds]
            if self._region:
                rows = [i for i in rows if self._region in blocks[i].regions]
            if self._equipment:
                rows = [i for i in rows if self._equipment in blocks[i].equipment]
            if self._words:  # matching rows, best first (see planner/services/library_search.py)
                rows = model.search_index().search(" ".join(self._words), rows)
            all_titles = model.titles()
            titles = [all_titles[i] for i in rows]
        self._rows = list(rows)
        where = [-1] * count
        for position, row in enumerate(self._rows):
            where[row] = position
        self._where = where
        self.setStringList(titles)  # a reset: the count now lives in C++

    def best_row(self) -> int:
        """The shown row that Enter should add: the first (the search ranks the best match first)."""
        return 0

    @property
    def active(self) -> bool:
        return bool(self._words or self._kinds or self._region or self._equipment)

    # -- the source's data, flags and drags (rowCount and index stay QStringListModel's, in C++) ----
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        source = self.mapToSource(index)
        return source.data(role) if source.isValid() else None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        source = self.mapToSource(index)
        return self._source.flags(source) if self._source is not None and source.isValid() else Qt.ItemFlag.NoItemFlags

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: ARG002, N802
        return False  # the titles are the source's

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return self._source.mimeTypes() if self._source is not None else []

    def mimeData(self, indexes: Sequence[QModelIndex]):  # noqa: N802
        if self._source is None:
            return None
        return self._source.mimeData([self.mapToSource(i) for i in indexes if i.isValid()])

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.CopyAction

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.IgnoreAction
