"""The inspector: the fields of what is selected in the plan. For an item, only the dosage fields
that fit its kind, the level on the block's ladder, the note for the patient and the private note
(never printed); for a phase, its name, weeks, focus and criteria. Every change is an undo command."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from planner.domain.block_text import shown_for
from planner.domain.dosage import Dosage, detail_words, session_seconds, volume_words
from planner.domain.kinds import DOSAGE_FIELDS
from planner.domain.messages import msg
from planner.domain.model import BlockInfo
from planner.i18n import _, current_language, word
from planner.ui.common.labels import field_label, kind_name
from planner.ui.common.thumbnails import Thumbnails
from planner.ui.editor.commands import SetFieldCommand
from planner.ui.editor.fields import (
    CommitLineEdit,
    CommitTextEdit,
    ErrorLabel,
    NumberField,
    new_token,
)
from planner.ui.editor.plan_document import Key, PlanDocument

WEEKS_RANGE = (1, 52)


def _heading(text: str, *, space_above: int = 8) -> QLabel:
    label = QLabel(text)
    label.setStyleSheet(f"font-weight: 600; color: #37474f; padding-top: {space_above}px;")
    return label


def _with_error(widget: QWidget, error: ErrorLabel) -> QVBoxLayout:
    box = QVBoxLayout()
    box.setSpacing(2)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(widget)
    box.addWidget(error)
    return box


PICTURE_SIZE = 48
STEP_PREVIEW = 42  # characters of the first step shown under the level: the dosage fields keep their room


def level_in_use_words(block: BlockInfo, dosage: Dosage, lang: str) -> tuple[str, str]:
    """The level the handout shows: a one-line first step under the level box (the box names the
    level), and the level's label with its whole first step as the tooltip."""
    shown = shown_for(block, dosage, lang)
    if shown.level is None:
        return "", ""
    first = shown.steps[0] if shown.steps else ""
    words = _("In use: level %(n)d, %(label)s") % {"n": shown.level + 1, "label": shown.level_label}
    if not first:
        return words, words
    short = first if len(first) <= STEP_PREVIEW else first[: STEP_PREVIEW - 1].rstrip() + "…"
    step = _("Step {n}: {step}")
    return step.format(n=1, step=short), f"{words}\n{step.format(n=1, step=first)}"


class _Pages(QStackedWidget):
    """Sized by the page on show, so a short page does not scroll because a long one is hidden."""

    def __init__(self) -> None:
        super().__init__()
        self.currentChanged.connect(lambda _i: self.updateGeometry())

    def sizeHint(self):  # noqa: N802
        current = self.currentWidget()
        return current.sizeHint() if current is not None else super().sizeHint()

    def minimumSizeHint(self):  # noqa: N802
        current = self.currentWidget()
        return current.minimumSizeHint() if current is not None else super().minimumSizeHint()


class _PhasePage(QWidget):
    def __init__(self, inspector: Inspector):
        super().__init__()
        self.inspector = inspector
        self.name = CommitLineEdit(objectName="phaseName")
        self.weeks_error = ErrorLabel(self)
        self.weeks = NumberField("weeks", self.weeks_error, limits=WEEKS_RANGE)
        self.weeks.setObjectName("phaseWeeks")
        self.focus = CommitTextEdit(objectName="phaseFocus")
        self.focus.setPlaceholderText(_("What this phase is about, for the patient"))
        self.focus.setFixedHeight(80)
        self.criteria = CommitTextEdit(objectName="phaseCriteria")
        self.criteria.setPlaceholderText(_("When the patient is ready for the next phase"))
        self.criteria.setFixedHeight(80)
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.addRow(_heading(_("Phase")))
        form.addRow(_("&Name"), self.name)
        weeks_label = QLabel(_("&Weeks"))
        weeks_label.setBuddy(self.weeks)
        form.addRow(weeks_label, _with_error(self.weeks, self.weeks_error))
        form.addRow(_("&Focus"), self.focus)
        form.addRow(_("&Criteria to move on"), self.criteria)
        for field in ("name", "focus", "criteria"):
            getattr(self, field).committed.connect(
                lambda text, token, f=field: inspector.commit_phase(f, text, token))
        self.weeks.value_committed.connect(lambda value, token: inspector.commit_phase("weeks", value, token))


class _ItemPage(QWidget):
    def __init__(self, inspector: Inspector):
        super().__init__()
        self.inspector = inspector
        self.kind: str | None = None
        self.block_id: int | None = None
        self.picture = QLabel()
        self.picture.setFixedSize(PICTURE_SIZE, PICTURE_SIZE)
        self.title = QLabel(objectName="inspectorTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: 600; font-size: 11pt;")
        self.kind_label = QLabel()
        head_text = QVBoxLayout()
        head_text.addWidget(self.title)
        head_text.addWidget(self.kind_label)
        head_text.addStretch(1)
        head = QHBoxLayout()
        head.addWidget(self.picture)
        head.addLayout(head_text, 1)

        self.level = QComboBox(objectName="field_level")
        # a long level name shortens in the box (the whole name is its tooltip): never wider than the pane
        self.level.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.level.setMinimumContentsLength(8)
        self.level_label = QLabel(field_label("level"))
        self.level_label.setBuddy(self.level)
        self.fields_box = QWidget()
        self.fields_form = QFormLayout(self.fields_box)
        self.fields_form.setContentsMargins(0, 0, 0, 0)
        self.fields_form.setVerticalSpacing(2)
        self.fields_form.addRow(self.level_label, self.level)
        self.level_shows = QLabel(objectName="levelShows")  # the level in use: its label and first step
        self.level_shows.setWordWrap(True)
        self.level_shows.setStyleSheet("color: #37474f;")
        self.fields_form.addRow(self.level_shows)
        self.numbers: dict[str, NumberField] = {}
        self.level.activated.connect(lambda _i: inspector.commit_item("level", self.level.currentData(), new_token()))
        self.no_dosage = QLabel(_("Education has no dosage: the patient reads it and comes back to it when needed."))
        self.no_dosage.setWordWrap(True)
        self.no_dosage.setStyleSheet("color: #56636b;")
        self.reads = QLabel(objectName="dosageReads")
        self.reads.setWordWrap(True)
        self.reads.setStyleSheet("background: #f1f6f4; border-radius: 4px; padding: 6px; color: #1f2a30;")

        self.patient_note = CommitTextEdit(objectName="patientNote")
        self.patient_note.setPlaceholderText(_("Printed on the handout, under this block"))
        self.patient_note.setFixedHeight(70)
        self.private_note = CommitTextEdit(objectName="privateNote")
        self.private_note.setPlaceholderText(_("Only for you and your colleagues"))
        self.private_note.setFixedHeight(70)
        self.private_note.setStyleSheet("QPlainTextEdit { background: #fff8e1; }")
        private_label = QLabel(_("Private note — never printed"))
        private_label.setStyleSheet("font-weight: 600; color: #8a5a00;")
        private_label.setBuddy(self.private_note)
        self.patient_note.committed.connect(lambda text, token: inspector.commit_item("patient_note", text, token))
        self.private_note.committed.connect(lambda text, token: inspector.commit_item("private_note", text, token))

        layout = QVBoxLayout(self)
        layout.setSpacing(4)  # at 1280×800 every dosage field of a strength block stays in view
        layout.addLayout(head)
        layout.addWidget(_heading(_("Dosage"), space_above=2))
        layout.addWidget(self.no_dosage)
        layout.addWidget(self.fields_box)
        layout.addWidget(self.reads)
        note_label = _heading(_("Note for the patient"))
        note_label.setBuddy(self.patient_note)
        layout.addWidget(note_label)
        layout.addWidget(self.patient_note)
        layout.addWidget(private_label)
        layout.addWidget(self.private_note)
        layout.addStretch(1)

    def build(self, block: BlockInfo) -> None:
        """Rebuild the dosage fields for the block's kind (only when the kind or block changes)."""
        if self.kind == block.kind.value and self.block_id == block.id:
            return
        self.kind, self.block_id = block.kind.value, block.id
        while self.fields_form.rowCount() > 2:
            self.fields_form.removeRow(2)
        self.numbers.clear()
        names = DOSAGE_FIELDS[block.kind]
        self.no_dosage.setVisible(not names)
        self.level.clear()
        has_levels = "level" in names and bool(block.levels)
        for n, level in enumerate(block.levels if has_levels else ()):
            self.level.addItem(f"{n + 1}. {level.text(current_language())}", n)
        self.fields_form.setRowVisible(0, has_levels)
        self.fields_form.setRowVisible(1, has_levels)
        previous: QWidget = self.level
        for name in names:
            if name == "level":
                continue
            error = ErrorLabel()
            field = NumberField(name, error)
            field.value_committed.connect(lambda value, token, n=name: self.inspector.commit_item(n, value, token))
            label = QLabel(field_label(name))
            label.setBuddy(field)
            self.fields_form.addRow(label, field)
            self.fields_form.addRow(error)  # its own row, the pane's full width: a message wraps, never cut
            label.show()  # at once, not on the next event loop turn: Tab must reach it right away
            field.show()
            self.numbers[name] = field
            QWidget.setTabOrder(previous, field)
            previous = field
        QWidget.setTabOrder(previous, self.patient_note)
        QWidget.setTabOrder(self.patient_note, self.private_note)

    def first_field(self) -> QWidget:
        if self.level.count():
            return self.level
        return next(iter(self.numbers.values()), self.patient_note)


class Inspector(QScrollArea):
    def __init__(self, doc: PlanDocument, thumbnails: Thumbnails, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("inspector")
        self.doc = doc
        self.thumbnails = thumbnails
        self.key: Key | None = None
        self.empty = QLabel(_("Select a block or a phase in the plan to change it here."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty.setStyleSheet("color: #56636b; padding: 16px;")
        self._phase_page: _PhasePage | None = None  # made when first needed: not while the window starts
        self._item_page: _ItemPage | None = None
        self.pages = _Pages()
        self.pages.addWidget(self.empty)
        self.setWidget(self.pages)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # fields fit the pane's width
        self.setFrameShape(QFrame.Shape.NoFrame)
        doc.changed.connect(lambda _hint: self.refresh())
        doc.loaded.connect(lambda: self.show_target(None))

    @property
    def phase_page(self) -> _PhasePage:
        """The phase's fields (made the first time a phase is selected, or asked for)."""
        if self._phase_page is None:
            self._phase_page = _PhasePage(self)
            self.pages.addWidget(self._phase_page)
        return self._phase_page

    @property
    def item_page(self) -> _ItemPage:
        """The selected block's fields (made the first time a block is selected, or asked for)."""
        if self._item_page is None:
            self._item_page = _ItemPage(self)
            self.pages.addWidget(self._item_page)
        return self._item_page

    def show_target(self, key: Key | None) -> None:
        changed = key != self.key
        if changed:
            self.flush()
        self.key = key
        self.refresh()
        if changed:  # another block or phase: its name and first fields in view, not the last scroll
            self.verticalScrollBar().setValue(0)

    def flush(self) -> None:
        fields = []
        if self._phase_page is not None:
            fields += [self._phase_page.name, self._phase_page.focus, self._phase_page.criteria]
        if self._item_page is not None:
            fields += [self._item_page.patient_note, self._item_page.private_note, *self._item_page.numbers.values()]
        for field in fields:
            field.flush()

    def focus_first(self) -> None:
        current = self.pages.currentWidget()
        if current is not None and current is self._item_page:
            self._item_page.first_field().setFocus()
        elif current is not None and current is self._phase_page:
            self._phase_page.name.setFocus()

    def refresh(self) -> None:
        kind, target_id = self.key if self.key else (None, None)
        if kind == "phase" and (phase := self.doc.phase(target_id)) is not None:
            page = self.phase_page
            page.name.set_value(phase.name)
            page.weeks.set_number(phase.weeks)
            page.focus.set_value(phase.focus)
            page.criteria.set_value(phase.criteria)
            self.pages.setCurrentWidget(page)
            return
        if kind == "item":
            _phase, item = self.doc.item(target_id)
            if item is not None:
                page = self.item_page
                page.build(item.block)
                lang = current_language()
                page.picture.setPixmap(self.thumbnails.pixmap(item.block, PICTURE_SIZE))
                page.title.setText(item.block.title(lang))
                page.kind_label.setText(kind_name(item.block.kind))
                for name, field in page.numbers.items():
                    field.set_number(getattr(item.dosage, name))
                if page.level.count():
                    page.level.setCurrentIndex(max(0, page.level.findData(item.dosage.level)))
                    page.level.setToolTip(page.level.currentText())
                    line, full = level_in_use_words(item.block, item.dosage, lang)
                    page.level_shows.setText(line)
                    page.level_shows.setToolTip(full)
                lines = [volume_words(item.dosage, lang), *detail_words(item.dosage, lang)]
                minutes = session_seconds(item.block.kind, item.dosage) / 60
                text = "\n".join(line for line in lines if line)
                if minutes:
                    text += "\n" + _("About %(n)s min a session") % {"n": f"{minutes:.0f}" if minutes >= 1 else "<1"}
                page.reads.setText(_("On the handout: %(text)s") % {"text": text} if text else "")
                page.reads.setVisible(bool(text))
                page.patient_note.set_value(item.patient_note)
                page.private_note.set_value(item.private_note)
                self.pages.setCurrentWidget(page)
                return
        self.pages.setCurrentWidget(self.empty)

    # -- commits → undo commands ----------------------------------------------------------------
    def commit_phase(self, field: str, value: Any, token: int) -> None:
        if not self.key or self.key[0] != "phase":
            return
        phase = self.doc.phase(self.key[1])
        if phase is None:
            return
        if field == "weeks":
            if value is None or not WEEKS_RANGE[0] <= value <= WEEKS_RANGE[1]:
                self.phase_page.weeks_error.show_problem(
                    word(msg("Between {low} and {high} weeks.", low=WEEKS_RANGE[0], high=WEEKS_RANGE[1])))
                return
            value = int(value)
        old = getattr(phase, field)
        if old != value:
            self.doc.push(SetFieldCommand(self.doc, self.key, field=field, old=old, new=value, token=token))

    def commit_item(self, field: str, value: Any, token: int) -> None:
        if not self.key or self.key[0] != "item":
            return
        _phase, item = self.doc.item(self.key[1])
        if item is None:
            return
        old = getattr(item, field) if field in ("patient_note", "private_note") else getattr(item.dosage, field)
        if old != value:
            self.doc.push(SetFieldCommand(self.doc, self.key, field=field, old=old, new=value, token=token))
