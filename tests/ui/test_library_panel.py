"""The library panel: search in both languages ignoring case and accents, filters, 5,000 blocks,
own blocks (new, duplicate, edit; built-ins read-only) and the therapist's own pictures."""

from __future__ import annotations

import dataclasses
import struct
import zlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from planner.domain.kinds import Kind
from planner.domain.model import BlockText
from planner.services import library, plans
from planner.ui.common.thumbnails import Thumbnails
from planner.ui.library.library_model import LibraryFilter, LibraryModel
from tests.ui.helpers import dialog, keys, open_plan

ALT_CTRL = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def _shown(panel) -> list[str]:
    return [panel.proxy.index(r, 0).data() for r in range(panel.proxy.rowCount())]


def _own_block(db, title_nl: str, title_en: str, kind: str = "mobility"):
    return library.create_custom_block(db, {
        "kind": kind, "regions": ["neck"], "equipment": [], "dosage": {"reps": 8},
        "text": {"nl": {"title": title_nl}, "en": {"title": title_en}}})


def test_search_ignores_case_and_accents_in_both_languages(qtbot, window, db):
    """'oefen' finds 'Oefening', 'BALANS' finds 'Balans', 'een' finds 'één', English finds Dutch titles."""
    _own_block(db, "Nekoefening bij de wastafel", "Neck exercise at the sink")
    _own_block(db, "Balans op één been", "Standing on one leg", kind="balance")
    window.library.reload()
    search = window.library.search
    window.library.focus_search()
    qtbot.keyClicks(search, "oefen")
    assert "Neck exercise at the sink" in _shown(window.library)
    search.clear()
    qtbot.keyClicks(search, "BALANS EEN")  # every balance block is "Balans" in Dutch: the title match first
    assert _shown(window.library)[0] == "Standing on one leg"
    search.clear()
    qtbot.keyClicks(search, "bruggetje")  # the Dutch title of the bridge, while the UI is English
    assert window.library.current_block().key == "strength.bridge"
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert window.library.proxy.rowCount() == window.library.model.rowCount()


def test_filters_by_kind_region_and_equipment(qtbot, window, db):
    """Kind chips, the region and the equipment combos narrow the list together; the count says so."""
    panel = window.library
    qtbot.mouseClick(panel.chips[Kind.STRENGTH], Qt.MouseButton.LeftButton)
    strength = library.list_blocks(db, kind="strength")
    assert panel.proxy.rowCount() == len(strength)
    panel.region.setCurrentIndex(panel.region.findData("knee"))
    panel.equipment.setCurrentIndex(panel.equipment.findData("chair"))
    expected = library.list_blocks(db, kind="strength", region="knee", equipment="chair")
    assert sorted(_shown(panel)) == sorted(b.title("en") for b in expected)
    assert panel.count.text() == f"{len(expected)} of {panel.model.rowCount()} blocks"
    qtbot.mouseClick(panel.chips[Kind.BALANCE], Qt.MouseButton.LeftButton)  # kinds add up
    assert panel.proxy.rowCount() == len(expected) + len(
        library.list_blocks(db, kind="balance", region="knee", equipment="chair"))


def test_five_thousand_blocks_filter_in_memory(db, english):
    """The filter finds one block among 5,000 by a word of its title, its kind or its region."""
    base = library.list_blocks(db)
    blocks = []
    for n in range(5000):
        source = base[n % len(base)]
        texts = {lang: BlockText(title=f"{t.title} variant {n}") for lang, t in source.texts.items()}
        blocks.append(dataclasses.replace(source, id=100_000 + n, texts=texts))
    model = LibraryModel(Thumbnails())
    model.set_blocks(blocks)
    proxy = LibraryFilter()
    proxy.setSourceModel(model)
    proxy.set_text("VARIANT 4321")
    assert proxy.rowCount() == 1
    proxy.set_text("variant")
    proxy.set_kinds({Kind.BALANCE})
    assert proxy.rowCount() == sum(1 for b in blocks if b.kind is Kind.BALANCE)


def test_double_click_adds_the_block_to_the_current_phase(qtbot, window, db, patient_plan):
    """Double-clicking a library block adds it to the phase selected in the plan."""
    open_plan(window, patient_plan)
    window.editor.select(("phase", patient_plan.phases[2].id))
    panel = window.library
    panel.select_block(library.get_block_by_key(db, "balance.tandem-stance").id)
    rect = panel.list.visualRect(panel.list.currentIndex())
    qtbot.mouseClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: keys(db, patient_plan.id)[2][-1] == "balance.tandem-stance")


def _type_lines(qtbot, widget, lines: list[str]) -> None:
    for n, line in enumerate(lines):
        if n:
            qtbot.keyClick(widget, Qt.Key.Key_Return)
        qtbot.keyClicks(widget, line)


def test_create_an_own_block_in_both_languages(qtbot, window, db):
    """Ctrl+Alt+N opens the block dialog; a missing title is named; the saved block is selected."""
    qtbot.keyClick(window, Qt.Key.Key_N, ALT_CTRL)
    form = dialog(qtbot, "blockDialog")
    form.kind.setCurrentIndex(form.kind.findData("strength"))
    form.accept()
    assert form.pages["nl"].title_error.isVisible() and form.region_error.isVisible()
    qtbot.keyClicks(form.pages["nl"].title, "Traplopen met steun")
    qtbot.keyClicks(form.pages["en"].title, "Stairs with support")
    _type_lines(qtbot, form.pages["nl"].steps, ["Pak de leuning vast.", "Stap op de eerste tree."])
    form.regions["knee"].setChecked(True)
    form.equipment["step"].setChecked(True)
    form.dosage_fields["reps"][0].setText("300")
    form.accept()
    assert "between 1 and 100" in form.dosage_fields["reps"][1].text()
    form.dosage_fields["reps"][0].setText("10")
    _type_lines(qtbot, form.pages["nl"].levels, ["Met twee handen", "Met een hand", "Zonder steun"])
    _type_lines(qtbot, form.pages["en"].levels, ["Two hands", "One hand"])
    form.accept()  # three levels in Dutch, two in English: named, nothing saved
    assert "same number of levels in every language" in form.levels_error.text()
    assert window.library.current_block() is None or window.library.current_block().title("nl") != "Traplopen met steun"
    _type_lines(qtbot, form.pages["en"].levels, ["", "No support"])
    form.accept()
    qtbot.waitUntil(lambda: window.library.current_block() is not None
                    and window.library.current_block().title("nl") == "Traplopen met steun")
    block = library.get_block(db, window.library.current_block().id)
    assert not block.builtin and block.kind is Kind.STRENGTH and block.regions == ("knee",)
    assert block.text("nl").steps == ("Pak de leuning vast.", "Stap op de eerste tree.")
    assert block.dosage.reps == 10 and block.levels[1].text("nl") == "Met een hand"


def test_built_ins_are_read_only_duplicates_are_editable(qtbot, window, db):
    """Editing a built-in block explains to duplicate it; Ctrl+Alt+D makes an own copy that edits."""
    panel = window.library
    bridge = library.get_block_by_key(db, "strength.bridge")
    panel.select_block(bridge.id)
    panel.edit_block()
    message = dialog(qtbot, "libraryMessage")
    assert "Duplicate it" in message.text()
    message.accept()
    qtbot.keyClick(window, Qt.Key.Key_D, ALT_CTRL)
    qtbot.waitUntil(lambda: not panel.current_block().builtin)
    copy = panel.current_block()
    assert copy.title("en") == "Bridge" and copy.illustration == bridge.illustration
    panel.edit_block()
    form = dialog(qtbot, "blockDialog")
    form.pages["en"].title.setText("Bridge, my way")
    form.accept()
    qtbot.waitUntil(lambda: library.get_block(db, copy.id).title("en") == "Bridge, my way")
    assert library.get_block(db, bridge.id).title("en") == "Bridge"


def _png_header_only(path: Path, width: int, height: int) -> None:
    """A PNG whose header claims width×height (the pixels are never needed to refuse it)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 10))
                     + chunk(b"IEND", b""))


def test_own_pictures_are_checked_scaled_and_stored(qtbot, window, db, tmp_path):
    """A large photo is scaled to 1200 px; huge, damaged and non-picture files are refused, nothing stored."""
    panel = window.library
    own = library.duplicate_block(db, library.get_block_by_key(db, "strength.bridge").id)
    panel.reload(select_id=own.id)
    photo = QImage(3000, 2000, QImage.Format.Format_RGB32)
    photo.fill(QColor("#88aacc"))
    photo.save(str(tmp_path / "photo.jpg"), "JPEG")
    assert panel.attach_picture(tmp_path / "photo.jpg")
    data, mime = library.block_image(db, own.id)
    stored = QImage.fromData(data)
    assert (stored.width(), stored.height()) == (1200, 800) and mime in ("image/jpeg", "image/png")
    assert panel.current_block().has_image

    refused = {
        "huge.png": lambda p: _png_header_only(p, 10_000, 8_000),
        "broken.jpg": lambda p: p.write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 50),
        "notes.png": lambda p: p.write_text("not a picture"),
        "drawing.svg": lambda p: p.write_text("<svg><unclosed"),
    }
    for name, make in refused.items():
        library.set_block_image(db, own.id, None, None)
        make(tmp_path / name)
        assert not panel.attach_picture(tmp_path / name), name
        message = dialog(qtbot, "libraryMessage")
        assert message.text().startswith("The picture was not added"), name
        message.accept()
        assert library.block_image(db, own.id) is None, name
    svg = tmp_path / "line.svg"
    svg.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50">'
                   '<line x1="0" y1="0" x2="100" y2="50" stroke="black"/></svg>')
    assert panel.attach_picture(svg)
    assert library.block_image(db, own.id)[1] == "image/png"


def test_built_in_blocks_take_no_picture(qtbot, window, db, tmp_path):
    """A picture for a built-in block is refused with the way forward (duplicate it)."""
    panel = window.library
    panel.select_block(library.get_block_by_key(db, "strength.bridge").id)
    assert not panel.attach_picture(tmp_path / "any.png")
    message = dialog(qtbot, "libraryMessage")
    assert "Duplicate it" in message.text()


def test_library_models_pass_the_model_tester(qtmodeltester, db, english):
    """The library model and its filter keep Qt's model rules, filtered and not."""
    model = LibraryModel(Thumbnails())
    model.set_blocks(library.list_blocks(db))
    qtmodeltester.check(model)
    proxy = LibraryFilter()
    proxy.setSourceModel(model)
    proxy.set_text("brug")
    proxy.set_region("hip")
    qtmodeltester.check(proxy)


def test_dropped_library_block_keeps_its_default_dosage(qtbot, window, db, patient_plan):
    """A block added from the library carries the block's default dosage into the plan."""
    open_plan(window, patient_plan)
    block = library.get_block_by_key(db, "balance.single-leg-stance")
    model = window.library.model
    mime = model.mimeData([model.index(model.row_of(block.id))])
    editor_model = window.editor.model
    assert editor_model.dropMimeData(mime, Qt.DropAction.CopyAction, 0, 0, editor_model.index(1, 0))
    qtbot.waitUntil(lambda: keys(db, patient_plan.id)[1][0] == block.key)
    assert plans.get_plan(db, patient_plan.id).phases[1].items[0].dosage == block.dosage
