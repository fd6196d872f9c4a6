"""Issue 13, findings 5 and 6: room to work at 1280×800 and 1600×1000, with and without the handout
preview; messages wrap instead of being cut; no control is wider than its pane; the inspector shows
the top of a newly selected block. Sizes are the widgets' visible regions on screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLabel, QWidget

from planner.ui.settings.settings import Settings
from tests.ui.helpers import dialog, open_plan

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
SIZES = [(1280, 800), (1600, 1000)]


def visible_height(widget: QWidget) -> int:
    return widget.visibleRegion().boundingRect().height() if widget.isVisible() else 0


def fully_visible(widget: QWidget) -> bool:
    """Shown, and not clipped by a scroll area or a too small pane."""
    return widget.isVisible() and widget.visibleRegion().boundingRect().size() == widget.size()


@pytest.fixture
def sized_window(qtbot, db, tmp_path, english, patient_plan):
    """A first start (no saved layout) at a given screen size, with a strength block selected."""
    from planner.ui.window.main_window import MainWindow

    def make(width: int, height: int):
        settings = Settings.at_path(tmp_path / f"desk-{width}.ini")
        win = MainWindow(db, settings=settings)
        qtbot.addWidget(win)
        win.resize(width, height)
        win.show()
        qtbot.waitExposed(win)
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow)
        qtbot.wait(50)
        open_plan(win, patient_plan)
        bridge = next(i for p in win.doc.plan.phases for i in p.items if i.block.key == "strength.bridge")
        win.editor.select(("item", bridge.id))
        qtbot.wait(50)
        return win

    return make


def check_room(window, *, preview: bool) -> None:
    inspector = window.inspector
    page = inspector.item_page
    fields = ([page.level] if page.level.count() else []) + list(page.numbers.values())
    assert len(fields) >= 6
    seen = [f for f in fields if fully_visible(f)]
    # at 1280×800 the dosage fields of a strength block show at once (the notes may scroll)
    assert len(seen) == len(fields), [f.objectName() for f in fields if f not in seen]
    view = window.library.list
    row_height = view.sizeHintForRow(0)
    assert visible_height(view.viewport()) >= 5 * row_height, (visible_height(view.viewport()), row_height)
    if preview:
        pane = window.preview
        assert window.docks["preview"].isVisible()
        assert visible_height(pane.view.viewport()) >= 0.5 * window.height()
        assert pane.view.viewport().visibleRegion().boundingRect().width() >= 250
    for name, dock in window.docks.items():  # no control wider than its pane
        if not dock.isVisible():
            continue
        for child in dock.widget().findChildren(QWidget):
            if child.isVisible() and child.isWindow() is False and not isinstance(child.parent(), QAbstractScrollArea):
                right = child.mapTo(dock, child.rect().topRight()).x()
                assert right <= dock.width(), (name, child.objectName() or type(child).__name__, right, dock.width())
    assert not inspector.horizontalScrollBar().isVisible()


@pytest.mark.parametrize("size", SIZES, ids=["1280x800", "1600x1000"])
def test_room_to_work_without_and_with_the_preview(qtbot, sized_window, size):
    window = sized_window(*size)
    assert (window.width(), window.height()) == size
    check_room(window, preview=False)
    qtbot.keyClick(window, Qt.Key.Key_P, CTRL | SHIFT)  # the handout preview
    qtbot.waitUntil(lambda: window.preview is not None and window.preview.pdf_bytes is not None, timeout=20_000)
    qtbot.wait(50)
    check_room(window, preview=True)


def test_a_no_match_message_does_not_widen_the_library_for_good(qtbot, sized_window):
    window = sized_window(1280, 800)
    dock = window.docks["library"]
    width = dock.width()
    window.library.focus_search()
    qtbot.keyClicks(window.library.search, "zzzzqqq")
    qtbot.wait(20)
    assert window.library.count.text().startswith("No block matches")
    assert dock.width() <= width
    assert fully_visible(window.library.count) or window.library.count.wordWrap()
    qtbot.keyClick(window.library.search, Qt.Key.Key_Escape)
    qtbot.wait(20)
    assert dock.width() == width


def test_the_not_saved_message_wraps_in_the_inspector(qtbot, sized_window):
    """999 minutes at 1600 px: the whole sentence is on screen, wrapped, not cut after "Must be"."""
    window = sized_window(1600, 1000)
    breathing = next(i for p in window.doc.plan.phases for i in p.items if i.block.kind.value == "breathing")
    window.editor.select(("item", breathing.id))
    field = window.inspector.item_page.numbers["minutes"]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "999")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    error = next(label for label in window.inspector.findChildren(QLabel, "fieldError") if label.isVisible())
    qtbot.wait(20)
    assert "between 1 and" in error.text().lower()
    assert fully_visible(error)
    assert error.height() >= error.heightForWidth(error.width())
    assert error.mapTo(window.inspector, error.rect().topRight()).x() <= window.inspector.viewport().width()


def test_the_inspector_shows_the_top_of_a_newly_selected_block(qtbot, sized_window):
    window = sized_window(1280, 800)
    inspector = window.inspector
    bar = inspector.verticalScrollBar()
    inspector.item_page.private_note.setFocus()  # the notes at the bottom: scrolled down to them
    bar.setValue(bar.maximum())
    assert bar.maximum() == 0 or bar.value() > 0
    other = next(i for p in window.doc.plan.phases for i in p.items if i.block.key == "mobility.pelvic-tilt")
    window.editor.tree.setFocus()
    window.editor.select(("item", other.id))
    assert bar.value() == 0
    assert fully_visible(inspector.item_page.title)


def test_the_diary_help_in_the_settings_is_not_cut_off(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_Comma, CTRL)
    settings = dialog(qtbot, "settingsDialog")
    try:
        settings.tabs.setCurrentWidget(settings.findChild(QWidget, "handoutTab"))
        qtbot.wait(20)
        hint = settings.diary_hint
        assert hint.text()
        assert fully_visible(hint)
        assert hint.height() >= hint.heightForWidth(hint.width())
        assert hint.mapTo(settings, hint.rect().topRight()).x() <= settings.width()
    finally:
        settings.reject()
        QApplication.processEvents()
