"""Create or change a therapist's own library block, with its texts in every shipped language."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import ValidationError
from planner.domain.kinds import DOSAGE_FIELDS, EQUIPMENT, KIND_ORDER, LANGUAGES, REGIONS, Kind
from planner.domain.model import BlockInfo
from planner.i18n import _, language_label, word
from planner.services import library as library_service
from planner.ui.common.icons import kind_icon
from planner.ui.common.labels import (
    equipment_name,
    field_label,
    kind_name,
    region_name,
)
from planner.ui.editor.fields import ErrorLabel, number_problem, parse_number, set_invalid

if TYPE_CHECKING:
    from planner.services.database import Database


def _text_box(height: int, placeholder: str) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    box.setPlaceholderText(placeholder)
    return box


class _LanguagePage(QWidget):
    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang
        self.title = QLineEdit(objectName=f"blockTitle_{lang}")
        self.title_error = ErrorLabel(self)
        self.purpose = _text_box(48, _("Why it helps, in one or two plain sentences"))
        self.steps = _text_box(80, _("One step per line: start position first, then the movement"))
        self.safety = QLineEdit()
        self.safety.setPlaceholderText(_("When to stop or make it easier"))
        self.body = _text_box(80, _("Education and daily life: short paragraphs, a blank line between them"))
        self.levels = _text_box(64, _("Optional: one level per line, easy to hard"))
        form = QFormLayout(self)
        box = QVBoxLayout()
        box.setSpacing(2)
        box.addWidget(self.title)
        box.addWidget(self.title_error)
        form.addRow(_("Title"), box)
        form.addRow(_("Purpose"), self.purpose)
        form.addRow(_("Steps"), self.steps)
        form.addRow(_("Safety"), self.safety)
        form.addRow(_("Text"), self.body)
        form.addRow(_("Levels"), self.levels)

    def load(self, block: BlockInfo) -> None:
        text = block.texts.get(self.lang)
        if text is not None:
            self.title.setText(text.title)
            self.purpose.setPlainText(text.purpose)
            self.steps.setPlainText("\n".join(text.steps))
            self.safety.setText(text.safety)
            self.body.setPlainText("\n\n".join(text.body))
        self.levels.setPlainText("\n".join(level.text(self.lang) for level in block.levels))

    def data(self) -> dict[str, Any]:
        paragraphs = [p.strip() for p in self.body.toPlainText().split("\n\n") if p.strip()]
        return {
            "title": self.title.text().strip(),
            "purpose": self.purpose.toPlainText().strip(),
            "steps": [line.strip() for line in self.steps.toPlainText().splitlines() if line.strip()],
            "safety": self.safety.text().strip(),
            "body": paragraphs,
        }

    def level_lines(self) -> list[str]:
        return [line.strip() for line in self.levels.toPlainText().splitlines() if line.strip()]


class BlockDialog(QDialog):
    """`block` None: a new block. A built-in block is never changed here (duplicate it first)."""

    def __init__(self, db: Database, block: BlockInfo | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        if block is not None and block.builtin:
            raise ValueError("built-in blocks are read-only; duplicate first")
        self.db = db
        self.block = block
        self.result_block: BlockInfo | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("blockDialog")
        self.setWindowTitle(_("New library block") if block is None else _("Edit library block"))
        self.setMinimumWidth(560)

        self.kind = QComboBox(objectName="blockKind")
        for kind in KIND_ORDER:
            self.kind.addItem(kind_icon(kind.value), kind_name(kind), kind.value)
        self.kind.currentIndexChanged.connect(lambda _i: self._build_dosage())
        self.regions = {r: QCheckBox(region_name(r), objectName=f"region_{r}") for r in REGIONS}
        self.equipment = {e: QCheckBox(equipment_name(e), objectName=f"equipment_{e}") for e in EQUIPMENT}
        self.region_error = ErrorLabel(self)
        self.pages = {lang: _LanguagePage(lang) for lang in LANGUAGES}
        tabs = QTabWidget()
        for lang, page in self.pages.items():
            tabs.addTab(page, language_label(lang))
        self.tabs = tabs
        self.dosage_box = QWidget()
        self.dosage_form = QFormLayout(self.dosage_box)
        self.dosage_fields: dict[str, tuple[QLineEdit, ErrorLabel]] = {}
        self.levels_error = ErrorLabel(self)

        region_box = QGroupBox(_("Body regions"))
        grid = QGridLayout(region_box)
        for i, box in enumerate(self.regions.values()):
            grid.addWidget(box, i // 4, i % 4)
        grid.addWidget(self.region_error, 2, 0, 1, 4)
        equipment_box = QGroupBox(_("Equipment needed"))
        grid = QGridLayout(equipment_box)
        for i, box in enumerate(self.equipment.values()):
            grid.addWidget(box, i // 5, i % 5)

        top = QFormLayout()
        top.addRow(_("&Kind"), self.kind)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("Save block"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(region_box)
        layout.addWidget(equipment_box)
        tabs.addTab(self.dosage_box, _("Default dosage"))
        layout.addWidget(tabs, 1)
        layout.addWidget(self.levels_error)
        layout.addWidget(buttons)

        if block is not None:
            self.kind.setCurrentIndex(self.kind.findData(block.kind.value))
            for r in block.regions:
                if r in self.regions:
                    self.regions[r].setChecked(True)
            for e in block.equipment:
                if e in self.equipment:
                    self.equipment[e].setChecked(True)
            for page in self.pages.values():
                page.load(block)
        self._build_dosage()
        self._first_page().title.setFocus()

    def _build_dosage(self) -> None:
        while self.dosage_form.rowCount():
            self.dosage_form.removeRow(0)
        self.dosage_fields.clear()
        kind = Kind(self.kind.currentData())
        names = [n for n in DOSAGE_FIELDS[kind] if n != "level"]
        for name in names:
            edit = QLineEdit(objectName=f"default_{name}")
            edit.setMaximumWidth(110)
            value = getattr(self.block.dosage, name) if self.block is not None else None
            edit.setText("" if value is None else f"{value:g}")
            error = ErrorLabel(self)
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(edit)
            box.addWidget(error)
            self.dosage_form.addRow(field_label(name), box)
            self.dosage_fields[name] = (edit, error)
        self.tabs.setTabEnabled(self.tabs.indexOf(self.dosage_box), bool(names))

    def data(self) -> tuple[dict[str, Any], dict[str, str]]:
        problems: dict[str, str] = {}
        dosage: dict[str, Any] = {}
        for name, (edit, _error) in self.dosage_fields.items():
            try:
                value = parse_number(edit.text())
            except ValueError:
                problems[name] = _("Type a number, or leave it empty when it does not apply.")
                continue
            problem = number_problem(name, value)
            if problem:
                problems[name] = problem
            elif value is not None:
                dosage[name] = value if name == "load_kg" else int(value)
        levels = {lang: page.level_lines() for lang, page in self.pages.items()}
        if len({len(lines) for lines in levels.values() if lines}) > 1:
            problems["levels"] = _("Give the same number of levels in every language (one per line).")
        count = max(len(v) for v in levels.values())
        level_list = [{lang: (levels[lang][i] if i < len(levels[lang]) else "") for lang in LANGUAGES}
                      for i in range(count)]
        old_levels = self.block.levels if self.block is not None else ()
        for i, level in enumerate(level_list):  # a level whose label stays keeps its own steps and picture
            if i < len(old_levels) and any(level[lang] == old_levels[i].text(lang) for lang in LANGUAGES):
                level_list[i] = {**old_levels[i].to_data(), **level}
        if level_list and "level" in DOSAGE_FIELDS[Kind(self.kind.currentData())]:
            dosage.setdefault("level", 0)
        data = {
            "kind": self.kind.currentData(),
            "regions": [r for r, box in self.regions.items() if box.isChecked()],
            "equipment": [e for e, box in self.equipment.items() if box.isChecked()],
            "dosage": dosage,
            "levels": level_list,
            "illustration": self.block.illustration if self.block is not None else None,
            "text": {lang: page.data() for lang, page in self.pages.items()},
        }
        if not any(page.title.text().strip() for page in self.pages.values()):
            problems["title"] = _("Give the block a title (in at least one language).")
        if not data["regions"]:
            problems["regions"] = _("Choose at least one body region.")
        return data, problems

    def _first_page(self) -> _LanguagePage:
        """The first language's page (languages.json's order): where a missing title is typed."""
        return next(iter(self.pages.values()))

    def _show(self, problems: dict[str, str]) -> None:
        page = self._first_page()
        page.title_error.show_problem(problems.get("title"))
        set_invalid(page.title, "title" in problems)
        self.region_error.show_problem(problems.get("regions"))
        self.levels_error.show_problem(problems.get("levels"))
        for name, (edit, error) in self.dosage_fields.items():
            error.show_problem(problems.get(name))
            set_invalid(edit, name in problems)
        if any(name in problems for name in self.dosage_fields) and "title" not in problems:
            self.tabs.setCurrentWidget(self.dosage_box)
        shown = {"title", "regions", "levels", *self.dosage_fields}
        other = [f"{k}: {v}" for k, v in problems.items() if k not in shown]
        self.levels_error.show_problem("\n".join(filter(None, [problems.get("levels"), *other])) or None)

    def accept(self) -> None:
        data, problems = self.data()
        self._show(problems)
        if problems:
            if "title" in problems:
                self.tabs.setCurrentWidget(self._first_page())
                self._first_page().title.setFocus()
            return
        try:
            if self.block is None:
                self.result_block = library_service.create_custom_block(self.db, data)
            else:
                self.result_block = library_service.update_custom_block(self.db, self.block.id, data)
        except ValidationError as error:
            self._show({k: word(v) for k, v in error.problems.items()})
            return
        super().accept()


__all__ = ["BlockDialog"]
