"""Export to PDF (Ctrl+E) and Print (Ctrl+P), driven like a user; file and print dialogs are mocked."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMessageBox

from planner.domain.model import PlanView
from planner.handout.model import HandoutOptions
from planner.services import demo
from planner.ui.files import export, export_choice
from planner.ui.files.export import OutputActions, default_file_name, export_plan, print_plan
from planner.ui.settings.settings import Settings


@pytest.fixture
def desk(qapp, tmp_path: Path) -> Settings:
    return Settings.at_path(tmp_path / "desk.ini")


@pytest.fixture
def plan_id(db) -> int:
    return demo.ensure_demo(db)


class SaveDialog:
    """Stands in for QFileDialog.getSaveFileName: records what was suggested, answers `answer`."""

    def __init__(self, monkeypatch, answer: Path | None):
        self.answer = answer
        self.suggested: list[str] = []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(self))
        # the desk-or-booklet question before the save dialog: answered with its pre-selection
        monkeypatch.setattr(export_choice.ExportChoiceDialog, "exec", lambda _self: QDialog.DialogCode.Accepted.value)

    def __call__(self, parent, caption, directory, filters):  # noqa: ARG002 - QFileDialog.getSaveFileName's signature
        self.suggested.append(directory)
        return (str(self.answer) if self.answer else "", filters)


def pdf_pages(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def test_export_writes_the_pdf_remembers_the_folder_and_opens_it(qtbot, db, desk, plan_id, tmp_path, monkeypatch):
    """The chosen file gets a valid PDF; the folder is remembered for next time; 'Open folder' opens it."""
    folder = tmp_path / "handouts"
    folder.mkdir()
    dialog = SaveDialog(monkeypatch, folder / "jannie")  # no .pdf typed: it is added
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url.toLocalFile())))

    job = export_plan(None, db, plan_id, desk)
    with qtbot.waitSignal(job.finished, timeout=15000) as finished:
        pass
    written = folder / "jannie.pdf"
    assert finished.args == [str(written)]
    assert written.read_bytes().startswith(b"%PDF")
    assert pdf_pages(written) > 1
    assert "Rug in beweging - Demo Jannie de Vries.pdf" in dialog.suggested[0]
    assert desk.last_export_folder == folder
    assert Settings.at_path(desk.qsettings.fileName()).last_export_folder == folder

    box = job.message_box
    assert box.isVisible()
    assert "jannie.pdf" in box.text()
    qtbot.mouseClick(job.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(folder)]

    export_plan(None, db, plan_id, desk)
    assert dialog.suggested[1].startswith(str(folder))  # the next export starts in that folder


def _make_active(qtbot, window) -> None:
    """Shortcuts only reach the active window; the offscreen platform sometimes needs asking twice
    (a window left over from an earlier test may still hold the focus)."""
    for _ in range(50):
        window.raise_()
        window.activateWindow()
        window.windowHandle().requestActivate()
        qtbot.wait(20)
        if window.isActiveWindow():
            return
    assert window.isActiveWindow()


def test_ctrl_e_in_the_window_exports_with_the_preview_options(qtbot, db, desk, plan_id, tmp_path, monkeypatch):
    """Ctrl+E in a window using OutputActions exports the current plan with the options given."""
    window = QMainWindow()
    qtbot.addWidget(window)
    asked: list[int] = []

    def options_for(pid: int) -> HandoutOptions:
        asked.append(pid)
        return HandoutOptions(lang="en", paper="letter")

    output = OutputActions(window, db, desk, options_for=options_for)
    window.menuBar().addMenu("File").addAction(output.export_action)
    window.show()
    qtbot.waitExposed(window)
    _make_active(qtbot, window)
    SaveDialog(monkeypatch, tmp_path / "out.pdf")
    assert not output.export_action.isEnabled()
    output.set_plan(plan_id)
    with qtbot.waitSignal(output.exported, timeout=15000):
        qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == [plan_id]
    reader = PdfReader(str(tmp_path / "out.pdf"))
    assert round(float(reader.pages[0].mediabox.width)) == 612  # Letter, as the preview showed
    assert "Your recovery plan" in reader.pages[0].extract_text()
    for box in window.findChildren(QMessageBox):
        box.close()


def test_cancelled_export_writes_nothing(qtbot, db, desk, plan_id, tmp_path, monkeypatch):
    """Cancel in the save dialog: no job, no file, no remembered folder."""
    SaveDialog(monkeypatch, None)
    assert export_plan(None, db, plan_id, desk) is None
    assert desk.last_export_folder is None
    assert list(tmp_path.glob("*.pdf")) == []


def test_export_to_a_folder_that_cannot_be_written_says_so(qtbot, db, desk, plan_id, tmp_path, monkeypatch):
    """Writing into a missing folder fails with a message naming the file and what to do."""
    SaveDialog(monkeypatch, tmp_path / "gone" / "plan.pdf")
    job = export_plan(None, db, plan_id, desk)
    with qtbot.waitSignal(job.failed, timeout=15000) as failed:
        pass
    assert "could not be saved" in failed.args[0]
    assert "Choose another folder" in failed.args[0]
    assert job.message_box.isVisible()
    job.message_box.close()


def test_default_file_name_is_safe_on_every_file_system():
    """Slashes, colons and other forbidden characters never reach the suggested file name."""
    plan = PlanView(id=1, title='Knie/heup: "fase 1"?', goal="", language="nl", status="draft", mode="criteria",
                    weekly_cap_pct=10, version=1, is_template=False, phases=(), patient_name="J. de Vries <test>")
    name = default_file_name(plan)
    assert name.endswith(".pdf")
    assert not set('/\\:"?<>|*') & set(name)
    assert name == "Knie heup fase 1 - J. de Vries test.pdf"


@pytest.fixture
def pdf_printer(tmp_path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    return printer


def accept_print_dialog(monkeypatch, choose=None) -> list[tuple[int, int]]:
    """The system print dialog, accepted at once (after `choose(printer)` like a user's choices)."""
    shown: list[tuple[int, int]] = []

    def fake_exec(self) -> int:
        shown.append((self.minPage(), self.maxPage()))
        if choose:
            choose(self.printer())
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", fake_exec)
    return shown


def test_print_renders_every_page_into_the_printer(qtbot, db, desk, plan_id, pdf_printer, monkeypatch):
    """Print: the dialog offers pages 1..N, and the printer receives all N pages of the handout."""
    shown = accept_print_dialog(monkeypatch)
    job = print_plan(None, db, plan_id, desk, printer=pdf_printer)
    with qtbot.waitSignal(job.finished, timeout=30000) as finished:
        pass
    reference = export.handouts.render_handout(db, plan_id, HandoutOptions(lang="nl"))
    pages = len(PdfReader(io.BytesIO(reference)).pages)
    assert shown == [(1, pages)]
    assert finished.args == [pages]
    printed = Path(pdf_printer.outputFileName())
    assert pdf_pages(printed) == pages
    assert round(float(PdfReader(str(printed)).pages[0].mediabox.width)) == 595  # A4 by default


def test_print_respects_the_page_range(qtbot, db, desk, plan_id, pdf_printer, monkeypatch):
    """Pages 2 to 3 chosen in the print dialog: exactly two pages come out."""

    def pages_two_and_three(printer: QPrinter) -> None:
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        printer.setFromTo(2, 3)

    accept_print_dialog(monkeypatch, pages_two_and_three)
    job = print_plan(None, db, plan_id, desk, printer=pdf_printer)
    with qtbot.waitSignal(job.finished, timeout=30000) as finished:
        pass
    assert finished.args == [2]
    assert pdf_pages(Path(pdf_printer.outputFileName())) == 2


def test_cancelled_print_prints_nothing(qtbot, db, desk, plan_id, pdf_printer, monkeypatch):
    """Cancel in the print dialog: the job says cancelled and no file is written."""
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected.value)
    job = print_plan(None, db, plan_id, desk, printer=pdf_printer)
    with qtbot.waitSignal(job.cancelled, timeout=15000):
        pass
    assert not Path(pdf_printer.outputFileName()).exists()


def test_ctrl_p_prints_the_current_plan(qtbot, db, desk, plan_id, tmp_path, monkeypatch):
    """Ctrl+P in the window prints the current plan (through the same dialog and printer path)."""
    pdf_printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)  # quick: 96 dpi
    pdf_printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    pdf_printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    accept_print_dialog(monkeypatch)
    monkeypatch.setattr(export, "printer_for", lambda paper, printer=None: pdf_printer)
    window = QMainWindow()
    qtbot.addWidget(window)
    output = OutputActions(window, db, desk)
    window.addAction(output.print_action)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    output.set_plan(plan_id)
    with qtbot.waitSignal(output.printed, timeout=30000):
        qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert pdf_pages(Path(pdf_printer.outputFileName())) > 1


def test_dutch_export_actions(qtbot, db, desk):
    """With the UI in Dutch the actions made here read Dutch."""
    from planner.ui.settings.qt_translations import apply_ui_language

    apply_ui_language("nl")
    try:
        window = QMainWindow()
        qtbot.addWidget(window)
        output = OutputActions(window, db, desk)
        assert output.export_action.text() == "Handout &opslaan als pdf…"
        assert output.print_action.text() == "Handout &afdrukken…"
    finally:
        apply_ui_language("en")


def test_missing_plan_is_reported_without_a_dialog(qtbot, db, desk, monkeypatch):
    """Export of a plan that no longer exists says so and never opens the save dialog."""
    dialog = SaveDialog(monkeypatch, None)
    assert export_plan(None, db, 424242, desk) is None
    assert dialog.suggested == []
    boxes = [w for w in qtbot_top_levels() if isinstance(w, QMessageBox) and w.isVisible()]
    assert any("no longer exists" in box.text() for box in boxes)
    for box in boxes:
        box.close()


def qtbot_top_levels():
    from PySide6.QtWidgets import QApplication

    return QApplication.topLevelWidgets()
