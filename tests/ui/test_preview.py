"""The live handout preview: renders the real PDF off the GUI thread, debounced, newest result wins."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from planner.services import demo, handouts
from planner.services import plans as plan_service
from planner.ui.files.preview import PreviewPane
from planner.ui.settings.qt_translations import apply_ui_language
from planner.ui.settings.settings import Settings


@pytest.fixture
def desk(qapp, tmp_path: Path) -> Settings:
    return Settings.at_path(tmp_path / "desk.ini")


@pytest.fixture
def plan_id(db) -> int:
    return demo.ensure_demo(db)


class RenderSpy:
    """Wraps the real render_handout: counts calls and records the thread each ran on."""

    def __init__(self, monkeypatch, *, delay: float = 0.0):
        self.calls: list[tuple[int, str]] = []
        self.threads: list[threading.Thread] = []
        self.delay = delay
        real = handouts.render_handout

        def spy(db, plan_id, options):
            self.threads.append(threading.current_thread())
            self.calls.append((plan_id, options.lang))
            if self.delay:
                time.sleep(self.delay)
            return real(db, plan_id, options)

        monkeypatch.setattr(handouts, "render_handout", spy)


@pytest.fixture
def pane(qtbot, db, desk):
    pane = PreviewPane(db, desk)
    qtbot.addWidget(pane)
    pane.resize(520, 700)
    pane.show()
    yield pane
    pane.shutdown()


def pdf_text(data: bytes, page: int = 0) -> str:
    return PdfReader(io.BytesIO(data)).pages[page].extract_text()


def wait_rendered(qtbot, pane: PreviewPane) -> None:
    qtbot.waitUntil(lambda: pane.document.pageCount() > 0 and not pane.is_busy(), timeout=15000)


def test_preview_renders_the_demo_plan(qtbot, pane, plan_id):
    """Showing the demo plan puts its real handout in the view, with the page count in the toolbar."""
    assert pane.placeholder.isVisible()
    with qtbot.waitSignal(pane.rendered, timeout=15000) as rendered:
        pane.show_plan(plan_id)
        assert pane.status_label.text() == "Updating…"
    wait_rendered(qtbot, pane)
    pages = len(PdfReader(io.BytesIO(pane.pdf_bytes)).pages)
    assert rendered.args == [pages]
    assert pane.document.pageCount() == pages
    assert pane.view.isVisible()
    assert pane.status_label.text() == f"Page 1 of {pages}"
    assert "Jannie de Vries" in pdf_text(pane.pdf_bytes)
    assert pane.language_combo.currentData() == "nl"  # the plan's own language


def test_burst_of_typing_costs_at_most_two_renders_off_the_gui_thread(qtbot, db, desk, plan_id, monkeypatch):
    """Typing a goal letter by letter (each saved, each announced) renders at most twice, never on
    the GUI thread, and the preview ends with the last text typed."""
    window = QWidget()
    qtbot.addWidget(window)
    goal = QLineEdit()
    pane = PreviewPane(db, desk)
    layout = QVBoxLayout(window)
    layout.addWidget(goal)
    layout.addWidget(pane)
    window.show()
    pane.show_plan(plan_id)
    wait_rendered(qtbot, pane)

    spy = RenderSpy(monkeypatch, delay=0.05)

    def save_goal(text: str) -> None:
        plan_service.update_plan(db, plan_id, goal=text)
        pane.plan_changed(plan_id, 0)

    goal.textEdited.connect(save_goal)
    goal.setFocus()
    qtbot.keyClicks(goal, "Fietsen!!!")  # 10 key presses, 10 saves, 10 plan_changed calls
    assert goal.text() == "Fietsen!!!"
    assert pane.is_busy()
    qtbot.waitUntil(lambda: not pane.is_busy() and len(spy.calls) >= 1, timeout=15000)
    try:
        assert 1 <= len(spy.calls) <= 2
        assert all(thread is not threading.main_thread() for thread in spy.threads)
        assert "Fietsen!!!" in pdf_text(pane.pdf_bytes)
    finally:
        pane.shutdown()


def test_typing_during_a_slow_render_is_not_blocked(qtbot, pane, plan_id, monkeypatch):
    """While a (deliberately slow) render runs, key presses in another field are handled at once."""
    spy = RenderSpy(monkeypatch, delay=1.0)
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    pane.show_plan(plan_id)
    qtbot.waitUntil(lambda: len(spy.calls) == 1)
    assert pane.is_busy()
    qtbot.keyClicks(field, "abc")
    assert field.text() == "abc"
    assert pane.is_busy()  # the render was still running while we typed
    wait_rendered(qtbot, pane)
    assert spy.threads[0] is not threading.main_thread()


def test_an_older_render_never_replaces_the_newer_plan(qtbot, db, pane, plan_id, monkeypatch):
    """Switching plans while the first render is still running: only the second plan is shown."""
    other = plan_service.duplicate_plan(db, plan_id, title="Tweede plan")
    plan_service.update_plan(db, other.id, goal="Traplopen zonder leuning")
    spy = RenderSpy(monkeypatch, delay=0.5)
    shown: list[int] = []
    pane.rendered.connect(shown.append)
    pane.show_plan(plan_id)
    qtbot.waitUntil(lambda: len(spy.calls) == 1)
    pane.show_plan(other.id)
    qtbot.waitUntil(lambda: len(spy.calls) == 2 and not pane.is_busy(), timeout=15000)
    assert [call[0] for call in spy.calls] == [plan_id, other.id]
    assert len(shown) == 1  # the first plan's result was dropped, not flashed on screen
    assert "Traplopen zonder leuning" in pdf_text(pane.pdf_bytes)


def test_toolbar_switches_language_paper_and_large_print(qtbot, pane, plan_id):
    """English, Letter and Large print in the pane's toolbar each re-render the handout that way."""
    pane.show_plan(plan_id)
    wait_rendered(qtbot, pane)
    a4_pages = pane.document.pageCount()
    assert round(pane.document.pagePointSize(0).width()) == 595

    pane.language_combo.setFocus()
    with qtbot.waitSignal(pane.rendered, timeout=15000):
        qtbot.keyClick(pane.language_combo, Qt.Key.Key_Down)  # Nederlands -> English
    assert "Your recovery plan" in pdf_text(pane.pdf_bytes)

    pane.paper_combo.setFocus()
    with qtbot.waitSignal(pane.rendered, timeout=15000):
        qtbot.keyClick(pane.paper_combo, Qt.Key.Key_Down)  # A4 -> Letter
    assert round(pane.document.pagePointSize(0).width()) == 612

    with qtbot.waitSignal(pane.rendered, timeout=15000):
        qtbot.mouseClick(pane.large_print_check, Qt.MouseButton.LeftButton)
    assert pane.document.pageCount() > a4_pages
    assert pane.options(plan_id).lang == "en"
    assert pane.options(plan_id).paper == "letter"
    assert pane.options(plan_id).large_print is True
    assert pane.options(plan_id + 1000) is None

    assert pane.language_combo.itemText(pane.language_combo.findData("tr")) == "Türkçe (not yet reviewed)"
    pane.language_combo.setFocus()
    with qtbot.waitSignal(pane.rendered, timeout=15000):
        qtbot.keyClick(pane.language_combo, Qt.Key.Key_Down)  # English -> Türkçe
    text = pdf_text(pane.pdf_bytes)
    assert "İyileşme planınız" in text and "Türkçe bilen bir fizyoterapist" in text  # and the cover says so


def test_page_position_is_kept_when_the_plan_changes(qtbot, db, pane, plan_id):
    """A reader on page 3 stays on page 3 after an edit re-renders the handout."""
    pane.show_plan(plan_id)
    wait_rendered(qtbot, pane)
    pane.view.pageNavigator().jump(2, pane.view.pageNavigator().currentLocation())
    qtbot.waitUntil(lambda: pane.view.pageNavigator().currentPage() == 2)
    plan_service.update_plan(db, plan_id, goal="Weer zelf boodschappen doen")
    with qtbot.waitSignal(pane.rendered, timeout=15000):
        pane.plan_changed(plan_id)
    qtbot.waitUntil(lambda: pane.view.pageNavigator().currentPage() == 2)
    assert pane.status_label.text().startswith("Page 3 of")


def test_a_missing_plan_shows_a_clear_message(qtbot, pane):
    """A plan that does not exist gives a message that says so, and no crash."""
    with qtbot.waitSignal(pane.failed, timeout=15000) as failed:
        pane.show_plan(987654)
    assert pane.error_label.isVisible()
    assert "no longer exists" in failed.args[0]


def test_an_unexpected_render_error_is_reported_and_the_next_edit_recovers(qtbot, pane, plan_id, monkeypatch):
    """A crash inside the renderer shows a message; the next change renders normally again."""
    real = handouts.render_handout

    def broken(db, plan_id, options):
        raise RuntimeError("font file missing")

    monkeypatch.setattr(handouts, "render_handout", broken)
    with qtbot.waitSignal(pane.failed, timeout=15000):
        pane.show_plan(plan_id)
    assert "font file missing" in pane.error_label.text()
    assert "Your plan is saved" in pane.error_label.text()
    monkeypatch.setattr(handouts, "render_handout", real)
    with qtbot.waitSignal(pane.rendered, timeout=15000):
        pane.plan_changed(plan_id)
    assert not pane.error_label.isVisible()


def test_edits_to_other_plans_are_ignored(qtbot, pane, plan_id, monkeypatch):
    """plan_changed for a plan that is not shown starts no render."""
    pane.show_plan(plan_id)
    wait_rendered(qtbot, pane)
    spy = RenderSpy(monkeypatch)
    pane.plan_changed(plan_id + 1)
    assert not pane.is_busy()
    assert spy.calls == []


def test_preview_speaks_dutch(qtbot, db, desk, plan_id):
    """With the UI in Dutch the pane's own texts are Dutch."""
    apply_ui_language("nl")
    try:
        pane = PreviewPane(db, desk)
        qtbot.addWidget(pane)
        assert pane.placeholder.text() == "Kies een plan om hier de handout te zien."
        assert pane.large_print_check.text() == "Grote letters"
        pane.show_plan(plan_id)
        assert pane.status_label.text() == "Bijwerken…"
        wait_rendered(qtbot, pane)
        assert pane.status_label.text().startswith("Pagina 1 van")
        pane.shutdown()
    finally:
        apply_ui_language("en")
