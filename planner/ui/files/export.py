"""Export a handout to PDF (Ctrl+E) and print it (Ctrl+P); rendering and writing run off the GUI thread.

    output = OutputActions(window, db, settings, options_for=preview.options)
    menu.addAction(output.export_action); menu.addAction(output.print_action)
    output.set_plan(plan_id)        # None disables both actions

or call `export_plan(...)` / `print_plan(...)` directly. Both return a job object (a QObject whose
`finished` / `failed` signals fire on the GUI thread), or None when the user cancelled a dialog.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QObject,
    QPointF,
    QRectF,
    QSize,
    QStandardPaths,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from planner.domain.errors import HerstelplanError, NotFound
from planner.domain.model import PlanView
from planner.handout.model import HandoutOptions
from planner.handout.texts import Words
from planner.i18n import _, word
from planner.services import handouts
from planner.services import plans as plan_service
from planner.ui.common.workers import run_in_background
from planner.ui.files.export_choice import choose_options, older_patient
from planner.ui.settings.settings import Settings

if TYPE_CHECKING:
    from planner.services.database import Database

OptionsFor = Callable[[int], HandoutOptions | None]
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')
PRINT_MAX_DPI = 300  # enough for text and line drawings; 1200 dpi pages would need 550 MB each


def default_file_name(plan: PlanView, lang: str | None = None) -> str:
    """'<plan title> - <patient>.pdf', safe on every file system, in the handout's language `lang`
    (default: the plan's): a title the program made worded in it; without either, the handout's own title."""
    lang = lang or plan.language
    parts = [p for p in (handouts.plan_title(plan, lang).strip(), plan.patient_name.strip()) if p]
    name = " - ".join(_UNSAFE.sub(" ", part) for part in parts) or Words(lang)("cover_title")
    name = re.sub(r"\s+", " ", name).strip(" .")[:120]
    return f"{name}.pdf"


def handout_options(plan: PlanView, settings: Settings, options: HandoutOptions | None = None) -> HandoutOptions:
    """`options` when given, else the desk's defaults in the plan's own language."""
    if options is not None:
        return options
    defaults = settings.handout_defaults
    return HandoutOptions(lang=plan.language, paper=defaults.paper, large_print=defaults.large_print,
                          diary_weeks=defaults.diary_weeks, full=defaults.full)


def _error_text(error: BaseException) -> str:
    if isinstance(error, NotFound):
        return _("This plan no longer exists.")
    if isinstance(error, HerstelplanError):
        return word(error.message)
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return str(error) or type(error).__name__


_open_boxes: set[QMessageBox] = set()  # parentless message boxes, kept until they close


def _show_box(box: QMessageBox) -> QMessageBox:
    """Open `box` without blocking (window-modal when it has a parent) and keep it alive until closed."""
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_boxes.add(box)
    box.finished.connect(lambda _result: _open_boxes.discard(box))
    box.open()
    return box


def _warn(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("outputProblem")
    return _show_box(box)


_live_jobs: set[QObject] = set()  # jobs in flight, kept alive until their outcome is known


class _Job(QObject):
    """Bookkeeping shared by export and print jobs: alive until `_end`, then let go."""

    def __init__(self, parent: QWidget | None):
        super().__init__()
        self._parent = parent
        self.message_box: QMessageBox | None = None
        self.active = True
        _live_jobs.add(self)

    def _end(self) -> None:
        self.active = False
        QTimer.singleShot(0, lambda: _live_jobs.discard(self))

    def _window_closed(self) -> bool:
        """The window this job reports to was closed while it ran: no message to show over it."""
        from shiboken6 import isValid

        return self._parent is not None and not isValid(self._parent)


class ExportJob(_Job):
    """One export in flight. finished(path) after the file is written; failed(message)."""

    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, parent: QWidget | None, path: Path):
        super().__init__(parent)
        self.path = path

    def _done(self, _result: object) -> None:
        if self._window_closed():
            self._end()
            self.finished.emit(str(self.path))
            return
        box = QMessageBox(QMessageBox.Icon.Information, _("Handout exported"),
                          _("The handout was saved as %(name)s.") % {"name": self.path.name},
                          QMessageBox.StandardButton.Ok, self._parent)
        box.setObjectName("exportDone")
        box.setInformativeText(str(self.path.parent))
        self.open_folder_button = box.addButton(_("Open folder"), QMessageBox.ButtonRole.ActionRole)
        box.buttonClicked.connect(self._button_clicked)
        self.message_box = _show_box(box)
        self._end()
        self.finished.emit(str(self.path))

    def _button_clicked(self, button: object) -> None:
        if button is self.open_folder_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))

    def _failed(self, error: BaseException) -> None:
        message = _("The handout could not be saved as %(path)s: %(reason)s. "
                    "Choose another folder or file name and try again.") % {
                        "path": self.path, "reason": _error_text(error)}
        if not self._window_closed():
            self.message_box = _warn(self._parent, _("Export failed"), message)
        self._end()
        self.failed.emit(message)


def export_plan(parent: QWidget | None, db: Database, plan_id: int, settings: Settings, *,
                options: HandoutOptions | None = None) -> ExportJob | None:
    """Ask desk handout or whole booklet (and large print), then where to save (starting in the last
    export folder), then render and write off the GUI thread. Returns the job, or None when the user
    cancelled or the plan cannot be read."""
    try:
        plan = plan_service.get_plan(db, plan_id)
    except HerstelplanError as error:
        _warn(parent, _("Export failed"), _error_text(error))
        return None
    opts = choose_options(parent, handout_options(plan, settings, options), older=older_patient(db, plan))
    if opts is None:
        return None
    folder = settings.last_export_folder or Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, _("Export handout as PDF"), str(folder / default_file_name(plan, opts.lang)), _("PDF files (*.pdf)"))
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    settings.last_export_folder = path.parent
    settings.sync()
    job = ExportJob(parent, path)
    job.task = run_in_background(lambda: handouts.export_handout(db, plan_id, path, opts),
                                 on_done=job._done, on_error=job._failed)
    return job

# ---- printing ----------------------------------------------------------------------------------


def _load_pdf(data: bytes) -> tuple[QPdfDocument, QBuffer]:
    """A QPdfDocument over `data` (keep the buffer alive as long as the document)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise RuntimeError(_("the handout could not be read back (%(error)s)") % {"error": document.error().name})
    return document, buffer


def printer_for(paper: str, printer: QPrinter | None = None) -> QPrinter:
    """`printer` (or a new high-resolution one) set to the handout's paper, margins in the PDF."""
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter if paper == "letter" else QPageSize.PageSizeId.A4))
    printer.setFullPage(True)  # the PDF has its own margins; paint on the whole sheet
    return printer


def pages_to_print(printer: QPrinter, page_count: int) -> list[int]:
    """0-based page indexes the user chose in the print dialog (all pages by default)."""
    pages = list(range(page_count))
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            pages = [i for i in pages if ranges.contains(i + 1)]
        elif printer.fromPage() > 0:
            last = printer.toPage() or page_count
            pages = [i for i in pages if printer.fromPage() <= i + 1 <= last]
    return pages


def paint_pdf_pages(data: bytes, printer: QPrinter) -> int:
    """Paint the chosen pages of PDF `data` onto `printer`; returns the number of pages printed.

    Runs on a worker thread (QPainter may paint on a QPrinter outside the GUI thread). Each page is
    rendered at the printer's resolution, capped at PRINT_MAX_DPI, and fitted to the sheet.
    """
    document, _buffer = _load_pdf(data)
    pages = pages_to_print(printer, document.pageCount())
    if not pages:
        return 0
    dpi = min(printer.resolution(), PRINT_MAX_DPI)
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError(_("the printer could not be started"))
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        sheet = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
        for number, index in enumerate(pages):
            if number and not printer.newPage():
                raise RuntimeError(_("the printer stopped after %(n)d pages") % {"n": number})
            points = document.pagePointSize(index)
            image = document.render(index, QSize(round(points.width() / 72 * dpi),
                                                 round(points.height() / 72 * dpi)))
            scale = min(sheet.width() / points.width(), sheet.height() / points.height())
            size = points * scale
            corner = QPointF(sheet.x() + (sheet.width() - size.width()) / 2,
                             sheet.y() + (sheet.height() - size.height()) / 2)
            painter.drawImage(QRectF(corner, size), image)
    finally:
        painter.end()
    return len(pages)


def _handout_given(parent: QWidget | None, db: Database, plan_id: int) -> None:
    try:
        handouts.handout_given(db, plan_id, reason="print")
    except HerstelplanError as error:
        _warn(parent, _("Printing failed"), _error_text(error))


class PrintJob(_Job):
    """One print in flight. finished(pages printed); failed(message); cancelled()."""

    finished = Signal(int)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget | None, printer: QPrinter, title: str):
        super().__init__(parent)
        self.printer = printer
        self.title = title

    def _rendered(self, result: tuple[bytes, int]) -> None:
        data, pages = result
        dialog = QPrintDialog(self.printer, self._parent)
        dialog.setWindowTitle(_("Print handout"))
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
        dialog.setMinMax(1, max(pages, 1))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self._end()
            self.cancelled.emit()
            return
        self.task = run_in_background(lambda: paint_pdf_pages(data, self.printer),
                                      on_done=self._printed, on_error=self._failed)

    def _printed(self, pages: int) -> None:
        self._end()
        self.finished.emit(pages)

    def _failed(self, error: BaseException) -> None:
        message = _("The handout could not be printed: %(reason)s. Check the printer and try again.") % {
            "reason": _error_text(error)}
        if not self._window_closed():
            self.message_box = _warn(self._parent, _("Printing failed"), message)
        self._end()
        self.failed.emit(message)


def print_plan(parent: QWidget | None, db: Database, plan_id: int, settings: Settings, *,
               options: HandoutOptions | None = None, printer: QPrinter | None = None) -> PrintJob | None:
    """Render the handout off the GUI thread, show the system print dialog (page range limited to
    the handout's pages), then print off the GUI thread. `printer` is for tests and callers that
    keep one printer between jobs; by default a new high-resolution printer is made."""
    try:
        plan = plan_service.get_plan(db, plan_id)
    except HerstelplanError as error:
        _warn(parent, _("Printing failed"), _error_text(error))
        return None
    opts = handout_options(plan, settings, options)
    printer = printer_for(opts.paper, printer)
    printer.setDocName(default_file_name(plan, opts.lang)[:-4])
    job = PrintJob(parent, printer, plan.title)
    job.finished.connect(lambda pages: _handout_given(parent, db, plan_id) if pages else None)

    def render() -> tuple[bytes, int]:
        data = handouts.render_handout(db, plan_id, opts)
        return data, _load_pdf(data)[0].pageCount()

    job.task = run_in_background(render, on_done=job._rendered, on_error=job._failed)
    return job


class OutputActions(QObject):
    """Export (Ctrl+E) and Print (Ctrl+P) tied to the current plan.

    Pass the window's own actions (e.g. from its action registry) as `export_action` and
    `print_action`; they are connected and enabled only while a plan is set. Without them, two
    actions with texts and shortcuts are made here.
    """

    exported = Signal(str)
    printed = Signal(int)

    def __init__(self, parent: QWidget, db: Database, settings: Settings, *,
                 options_for: OptionsFor | None = None, export_action: QAction | None = None,
                 print_action: QAction | None = None):
        super().__init__(parent)
        self.window, self.db, self.settings = parent, db, settings
        self.options_for = options_for
        self.plan_id: int | None = None
        self._own_actions = export_action is None and print_action is None
        self.export_action = export_action or QAction(parent, objectName="exportAction")
        self.print_action = print_action or QAction(parent, objectName="printAction")
        if export_action is None:
            self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        if print_action is None:
            self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.export_action.triggered.connect(lambda _checked=False: self.export())
        self.print_action.triggered.connect(lambda _checked=False: self.print())
        self.retranslate()
        self.set_plan(None)

    def retranslate(self) -> None:
        if not self._own_actions:
            return
        self.export_action.setText(_("&Export handout as PDF…"))
        self.export_action.setStatusTip(_("Save the patient's handout as a PDF file"))
        self.print_action.setText(_("&Print handout…"))
        self.print_action.setStatusTip(_("Print the patient's handout"))

    def set_plan(self, plan_id: int | None) -> None:
        """The plan Export and Print act on (None disables both)."""
        self.plan_id = plan_id
        self.export_action.setEnabled(plan_id is not None)
        self.print_action.setEnabled(plan_id is not None)

    def _options(self) -> HandoutOptions | None:
        return self.options_for(self.plan_id) if self.options_for and self.plan_id is not None else None

    def export(self) -> ExportJob | None:
        if self.plan_id is None:
            return None
        job = export_plan(self.window, self.db, self.plan_id, self.settings, options=self._options())
        if job is not None:
            job.finished.connect(self.exported)
        return job

    def print(self) -> PrintJob | None:
        if self.plan_id is None:
            return None
        job = print_plan(self.window, self.db, self.plan_id, self.settings, options=self._options())
        if job is not None:
            job.finished.connect(self.printed)
        return job
