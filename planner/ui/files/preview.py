"""The live handout preview: the real PDF, re-rendered off the GUI thread as the plan changes.

    pane = PreviewPane(db, settings)
    pane.show_plan(plan_id)            # or None for the empty state
    bus.plan_changed.connect(pane.plan_changed)   # (plan_id[, version]); other plans are ignored
    dialog.clinic_saved.connect(pane.refresh)
    pane.options(plan_id)              # HandoutOptions as shown (for Export/Print), or None
    pane.shutdown()                    # before the database is closed

Edits arrive in bursts (typing), so a change only (re)starts a 400 ms timer; when it fires one
render starts on a private one-thread pool. A change during a render marks the pane dirty and
one more render follows, so a burst costs at most two renders. Every request gets a generation
number and a result is shown only if it is newer than what is on screen and for the plan on
screen, so an older render never replaces a newer one.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QMargins,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import HerstelplanError, NotFound
from planner.handout.model import HandoutOptions
from planner.i18n import _, language_label, word
from planner.languages import codes
from planner.services import handouts
from planner.services import plans as plan_service
from planner.ui.common.workers import BackgroundTask, run_in_background
from planner.ui.settings.settings import HandoutDefaults, Settings

if TYPE_CHECKING:
    from planner.services.database import Database

log = logging.getLogger(__name__)

DEBOUNCE_MS = 400


class PreviewPane(QWidget):
    """Signals: rendered(page_count) when a new PDF is on screen; failed(message)."""

    rendered = Signal(int)
    failed = Signal(str)

    def __init__(self, db: Database, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("previewPane")
        self.db = db
        self.settings = settings
        self.plan_id: int | None = None
        self._lang_override: str | None = None  # None: the plan's own language
        self._plan_lang: str | None = None  # learned from the last render
        defaults = settings.handout_defaults
        self._paper, self._large_print, self._diary_weeks = (
            defaults.paper, defaults.large_print, defaults.diary_weeks)
        self._generation = 0  # last requested
        self._shown_generation = 0
        self._task: BackgroundTask | None = None
        self._dirty = False
        self.render_count = 0  # renders started (figures and tests)
        self.pdf_bytes: bytes | None = None
        self._buffer: QBuffer | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self.timer.timeout.connect(self._start_render)

        self.document = QPdfDocument(self)
        self.view = QPdfView(self, objectName="previewView")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setDocumentMargins(QMargins(12, 12, 12, 12))
        self.view.setStyleSheet("#previewView { background: #8a8f96; }")
        self.view.pageNavigator().currentPageChanged.connect(self._update_status)
        self.placeholder = QLabel(objectName="previewPlaceholder", alignment=Qt.AlignmentFlag.AlignCenter,
                                  wordWrap=True)
        self.placeholder.setMargin(24)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.view)
        self.error_label = QLabel(objectName="previewError", wordWrap=True)
        self.error_label.setStyleSheet("#previewError { background: #fde8e8; color: #8a1010; "
                                       "border: 1px solid #e0a0a0; border-radius: 4px; padding: 6px; }")
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()
        self.toolbar = self._build_toolbar()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.stack, 1)
        self.retranslate()

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(objectName="previewToolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.language_combo = QComboBox(objectName="previewLanguage")
        for code in codes():  # worded in retranslate: "(not yet reviewed)" follows the window's language
            self.language_combo.addItem("", code)
        self.language_combo.activated.connect(self._language_chosen)
        self.paper_combo = QComboBox(objectName="previewPaper")
        self.paper_combo.addItem("A4", "a4")
        self.paper_combo.addItem("Letter", "letter")
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(self._paper)))
        self.paper_combo.activated.connect(self._paper_chosen)
        self.large_print_check = QCheckBox(objectName="previewLargePrint")
        self.large_print_check.setChecked(self._large_print)
        self.large_print_check.toggled.connect(self._large_print_toggled)
        self.status_label = QLabel(objectName="previewStatus")
        self.status_label.setContentsMargins(8, 0, 4, 0)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(self.language_combo)
        bar.addWidget(self.paper_combo)
        bar.addWidget(self.large_print_check)
        self.whole_page_check = QCheckBox(objectName="previewWholePage")
        self.whole_page_check.toggled.connect(self._whole_page_toggled)
        bar.addWidget(self.whole_page_check)
        bar.addWidget(spacer)
        bar.addWidget(self.status_label)
        return bar

    def retranslate(self) -> None:
        """Set every text in the current UI language (also on Qt's LanguageChange)."""
        for index in range(self.language_combo.count()):
            self.language_combo.setItemText(index, language_label(self.language_combo.itemData(index)))
        self.language_combo.setToolTip(_("Language of the handout"))
        self.paper_combo.setToolTip(_("Paper size"))
        self.large_print_check.setText(_("Large print"))
        self.large_print_check.setToolTip(_("Larger text for readers with poor eyesight"))
        self.whole_page_check.setText(_("Whole page"))
        self.whole_page_check.setToolTip(_("Show whole pages instead of the page width"))
        self._update_status()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- public API ----------------------------------------------------------------------------

    def show_plan(self, plan_id: int | None) -> None:
        """Show the handout of `plan_id` (rendered at once), or the empty state for None."""
        if plan_id != self.plan_id:
            self._lang_override, self._plan_lang = None, None
            self._shown_generation = self._generation  # nothing in flight may show for the new plan
            self.pdf_bytes = None
            self.document.close()
            if self._buffer is not None:
                self._buffer.deleteLater()
                self._buffer = None
        self.plan_id = plan_id
        self.error_label.hide()
        self.timer.stop()
        if plan_id is not None:
            self._start_render()
        self._update_status()

    def plan_changed(self, plan_id: int, version: int = 0) -> None:
        """A plan was edited: re-render after the edits pause (ignored for other plans)."""
        del version
        if plan_id == self.plan_id:
            self.timer.start()
            self._update_status()

    def refresh(self, *_args: object) -> None:
        """Re-render the shown plan soon (clinic details or defaults changed)."""
        if self.plan_id is not None:
            self.timer.start()
            self._update_status()

    def apply_defaults(self, defaults: HandoutDefaults) -> None:
        """Adopt new desk defaults (from the settings dialog) and re-render."""
        self._paper, self._large_print, self._diary_weeks = (
            defaults.paper, defaults.large_print, defaults.diary_weeks)
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(defaults.paper)))
        self.large_print_check.blockSignals(True)
        self.large_print_check.setChecked(defaults.large_print)
        self.large_print_check.blockSignals(False)
        self.refresh()

    def options(self, plan_id: int | None = None) -> HandoutOptions | None:
        """The options shown for `plan_id` (default: the shown plan); None when another plan is
        shown or its language is not known yet (then use the desk defaults and plan language)."""
        lang = self._lang_override or self._plan_lang
        if lang is None or (plan_id is not None and plan_id != self.plan_id):
            return None
        return HandoutOptions(lang=lang, paper=self._paper, large_print=self._large_print,
                              diary_weeks=self._diary_weeks)

    def is_busy(self) -> bool:
        """True while a render is waiting for the pause or running."""
        return self.timer.isActive() or self._task is not None or self._dirty

    def shutdown(self) -> None:
        """Stop listening and wait for a running render (call before closing the database)."""
        self.timer.stop()
        self._dirty = False
        self.plan_id = None
        self.pool.waitForDone()

    # ---- toolbar -------------------------------------------------------------------------------

    def _language_chosen(self, _index: int) -> None:
        self._lang_override = self.language_combo.currentData()
        self._restart_now()

    def _paper_chosen(self, _index: int) -> None:
        self._paper = self.paper_combo.currentData()
        self._restart_now()

    def _large_print_toggled(self, on: bool) -> None:
        self._large_print = on
        self._restart_now()

    def _whole_page_toggled(self, on: bool) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView if on else QPdfView.ZoomMode.FitToWidth)

    def _restart_now(self) -> None:
        if self.plan_id is not None:
            self.timer.stop()
            self._start_render()

    # ---- rendering -----------------------------------------------------------------------------

    def _start_render(self) -> None:
        if self.plan_id is None:
            return
        if self._task is not None:
            self._dirty = True  # one more render when the running one ends
            self._update_status()
            return
        self._generation += 1
        generation, plan_id, db = self._generation, self.plan_id, self.db
        lang = self._lang_override
        paper, large, diary = self._paper, self._large_print, self._diary_weeks

        def render() -> tuple[int, int, str, bytes]:
            plan_lang = lang or plan_service.get_plan(db, plan_id).language
            options = HandoutOptions(lang=plan_lang, paper=paper, large_print=large, diary_weeks=diary)
            return generation, plan_id, plan_lang, handouts.render_handout(db, plan_id, options)

        self.render_count += 1
        self._task = run_in_background(render, on_done=self._on_rendered, on_error=self._on_failed,
                                       pool=self.pool)
        self._update_status()

    def _finish_task(self) -> None:
        self._task = None
        if self._dirty:
            self._dirty = False
            self._start_render()
        self._update_status()

    def _on_rendered(self, result: tuple[int, int, str, bytes]) -> None:
        generation, plan_id, lang, data = result
        fresh = plan_id == self.plan_id and generation > self._shown_generation
        if fresh:
            self._shown_generation = generation
            self._plan_lang = lang
            self._show_pdf(data)
            self.error_label.hide()
        self._finish_task()
        if fresh:
            self.rendered.emit(self.document.pageCount())

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, NotFound):
            message = _("This plan no longer exists. Choose another plan.")
        elif isinstance(error, HerstelplanError):
            message = _("The preview could not be made: %(reason)s") % {"reason": word(error.message)}
        else:
            log.error("preview render failed", exc_info=error)
            message = _("The preview could not be made because of an unexpected problem (%(reason)s). "
                        "Your plan is saved; try again after the next change.") % {"reason": error}
        self.error_label.setText(message)
        self.error_label.show()
        self._finish_task()
        self.failed.emit(message)

    def _show_pdf(self, data: bytes) -> None:
        """Swap in the new PDF, keeping the reader on the same page and scroll position."""
        scroll = self.view.verticalScrollBar().value()
        page = self.view.pageNavigator().currentPage()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.deleteLater()
        self._buffer, self.pdf_bytes = buffer, data
        if scroll or page:
            QTimer.singleShot(0, lambda: self._restore_position(scroll, page))

    def _restore_position(self, scroll: int, page: int) -> None:
        bar = self.view.verticalScrollBar()
        if bar.maximum() >= scroll:
            bar.setValue(scroll)
        elif page < self.document.pageCount():
            self.view.pageNavigator().jump(page, self.view.pageNavigator().currentLocation())

    def _update_status(self, *_args: object) -> None:
        """Toolbar state, the status text and which page of the stack shows."""
        has_plan = self.plan_id is not None
        for widget in (self.language_combo, self.paper_combo, self.large_print_check, self.whole_page_check):
            widget.setEnabled(has_plan)
        if self.pdf_bytes is not None:
            self.stack.setCurrentWidget(self.view)
        else:
            self.stack.setCurrentWidget(self.placeholder)
            if not has_plan:
                self.placeholder.setText(_("Choose a plan to see its handout here."))
            elif self.is_busy():
                self.placeholder.setText(_("Making the handout…"))
            else:
                self.placeholder.setText("")
        if self.plan_id is not None and self.is_busy():
            self.status_label.setText(_("Updating…"))
        elif self.pdf_bytes is not None:
            self.status_label.setText(_("Page %(page)d of %(pages)d") % {
                "page": self.view.pageNavigator().currentPage() + 1, "pages": self.document.pageCount()})
        else:
            self.status_label.setText("")
        if self._plan_lang or self._lang_override:
            self.language_combo.setCurrentIndex(
                max(0, self.language_combo.findData(self._lang_override or self._plan_lang)))
