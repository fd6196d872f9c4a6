"""The library's filtered list at scale: the selected block stays selected while the search narrows
and widens, drags from a filtered list carry the right blocks, and the filter keeps Qt's model rules
while it changes."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt

from planner.domain.kinds import Kind
from planner.domain.model import BlockText
from planner.services import library
from planner.ui.common.thumbnails import Thumbnails
from planner.ui.editor.mime import BLOCK_MIME, unpack
from planner.ui.library.library_model import ID_ROLE, LibraryFilter, LibraryModel


def _many(db, count: int = 5000):
    base = library.list_blocks(db, brief=True)
    blocks = []
    for n in range(count):
        source = base[n % len(base)]
        texts = {lang: BlockText(title=f"{t.title} variant {n}") for lang, t in source.texts.items()}
        blocks.append(dataclasses.replace(source, id=100_000 + n, texts=texts))
    return blocks


def test_the_selected_block_stays_selected_while_filtering(qtbot, window, db):
    """A block chosen in the list stays the current one when a kind chip that still shows it is
    clicked; a region that hides it hides it, and going back to any region shows it again."""
    panel = window.library
    bridge = library.get_block_by_key(db, "strength.bridge")
    assert panel.select_block(bridge.id)
    qtbot.mouseClick(panel.chips[Kind.STRENGTH], Qt.MouseButton.LeftButton)
    assert panel.current_block().id == bridge.id
    qtbot.mouseClick(panel.chips[Kind.STRENGTH], Qt.MouseButton.LeftButton)
    assert panel.current_block().id == bridge.id
    panel.region.setCurrentIndex(panel.region.findData("knee"))  # the bridge is not a knee exercise
    shown = {panel.proxy.index(r, 0).data(ID_ROLE) for r in range(panel.proxy.rowCount())}
    assert bridge.id not in shown and panel.current_block().id != bridge.id
    panel.region.setCurrentIndex(0)
    assert bridge.id in {panel.proxy.index(r, 0).data(ID_ROLE) for r in range(panel.proxy.rowCount())}


def test_a_drag_from_the_filtered_list_carries_the_shown_blocks(db, english):
    """Rows of the filtered list map to their own blocks for a drag, whatever is hidden above them."""
    model = LibraryModel(Thumbnails())
    model.set_blocks(_many(db))
    proxy = LibraryFilter()
    proxy.setSourceModel(model)
    proxy.set_text("variant 4321")
    [row] = range(proxy.rowCount())
    mime = proxy.mimeData([proxy.index(row, 0)])
    assert unpack(mime, BLOCK_MIME) == [104_321]
    assert proxy.mapToSource(proxy.index(row, 0)).data(ID_ROLE) == 104_321
    assert proxy.mapFromSource(proxy.mapToSource(proxy.index(row, 0))) == proxy.index(row, 0)


def test_the_filter_keeps_the_model_rules_while_it_changes(qtmodeltester, db, english):
    """Qt's model tester watches the filter while search text, kinds and region change and the
    library is read again."""
    model = LibraryModel(Thumbnails())
    model.set_blocks(_many(db, 600))
    proxy = LibraryFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)
    for change in (lambda: proxy.set_text("brug"), lambda: proxy.set_kinds({Kind.BALANCE}),
                   lambda: proxy.set_region("knee"), lambda: proxy.set_text(""),
                   lambda: model.set_blocks(_many(db, 300)), lambda: proxy.set_kinds(set())):
        change()
        assert proxy.rowCount() <= model.rowCount()
    assert proxy.rowCount() == sum(1 for b in model.blocks() if "knee" in b.regions)
