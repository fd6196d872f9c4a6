"""The settings dialog: clinic details (shared, in the database), handout defaults and UI language
(this desk, in QSettings).

    dialog = SettingsDialog(db, settings, parent=window)
    dialog.language_changed.connect(window.retranslate)    # str: a language code
    dialog.clinic_saved.connect(preview.refresh)           # ClinicInfo
    dialog.handout_defaults_changed.connect(...)           # HandoutDefaults
    dialog.open()

Save stores everything and closes; Apply stores everything and stays open; Cancel stores nothing.
Problems are shown at the field that has them, and nothing is stored until every field is right.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QStandardPaths, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner import i18n
from planner.domain.errors import HerstelplanError, ValidationError
from planner.i18n import _, language_label, ngettext, word
from planner.languages import codes
from planner.services import clinic as clinic_service
from planner.services import logo as logo_service
from planner.services.database import Database
from planner.ui.settings.qt_translations import apply_ui_language
from planner.ui.settings.settings import DIARY_WEEKS_MAX, HandoutDefaults, Settings

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: palette(placeholder-text);"


def _error_label(name: str) -> QLabel:
    label = QLabel(objectName=name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


def _show_error(label: QLabel, message: str) -> None:
    label.setText(message)
    label.setVisible(bool(message))


class SettingsDialog(QDialog):
    language_changed = Signal(str)
    clinic_saved = Signal(object)
    handout_defaults_changed = Signal(object)

    def __init__(self, db: Database, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.db = db
        self.settings = settings
        self._logo: bytes | None = None
        self._logo_mime: str | None = None
        self._logo_dirty = False
        self.tabs = QTabWidget(objectName="settingsTabs")
        self.tabs.addTab(self._build_clinic_tab(), "")
        self.tabs.addTab(self._build_handout_tab(), "")
        self.tabs.addTab(self._build_language_tab(), "")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
        )
        self.buttons.clicked.connect(self._on_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self._load()
        self.retranslate()
        self.resize(600, 500)

    # ---- building ------------------------------------------------------------------------------

    def _build_clinic_tab(self) -> QWidget:
        page = QWidget(objectName="clinicTab")
        self.clinic_intro = QLabel(wordWrap=True)
        self.clinic_intro.setStyleSheet(HINT_STYLE)
        self.name_edit = QLineEdit(objectName="clinicName", maxLength=500)
        self.therapist_edit = QLineEdit(objectName="clinicTherapist", maxLength=500)
        self.phone_edit = QLineEdit(objectName="clinicPhone", maxLength=500)
        self.email_edit = QLineEdit(objectName="clinicEmail", maxLength=500)
        self.address_edit = QPlainTextEdit(objectName="clinicAddress")
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.field_errors = {
            name: _error_label(f"{name}Error") for name in clinic_service.FIELDS
        }
        self.email_edit.editingFinished.connect(lambda: self._check_email(show=True))
        self.email_edit.textEdited.connect(lambda: self._check_email(show=self.field_errors["email"].isVisible()))
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._labels: dict[str, QLabel] = {}
        edits = {"name": self.name_edit, "therapist": self.therapist_edit, "phone": self.phone_edit,
                 "email": self.email_edit, "address": self.address_edit}
        for name, edit in edits.items():
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(edit)
            column.addWidget(self.field_errors[name])
            self._labels[name] = QLabel()
            self._labels[name].setBuddy(edit)
            self.form.addRow(self._labels[name], column)

        self.logo_preview = QLabel(objectName="logoPreview", alignment=Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setFixedSize(240, 110)
        self.logo_preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.logo_preview.setStyleSheet("#logoPreview { background: white; color: #555; }")
        self.choose_logo_button = QPushButton(objectName="chooseLogo")
        self.remove_logo_button = QPushButton(objectName="removeLogo")
        self.choose_logo_button.clicked.connect(self.choose_logo)
        self.remove_logo_button.clicked.connect(self.remove_logo)
        self.logo_hint = QLabel(wordWrap=True)
        self.logo_hint.setStyleSheet(HINT_STYLE)
        self.logo_error = _error_label("logoError")
        buttons = QVBoxLayout()
        buttons.addWidget(self.choose_logo_button)
        buttons.addWidget(self.remove_logo_button)
        buttons.addWidget(self.logo_hint)
        buttons.addStretch()
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview, 0, Qt.AlignmentFlag.AlignTop)
        logo_row.addLayout(buttons, 1)
        logo_column = QVBoxLayout()
        logo_column.addLayout(logo_row)
        logo_column.addWidget(self.logo_error)
        self._labels["logo"] = QLabel()
        self.form.addRow(self._labels["logo"], logo_column)

        layout = QVBoxLayout(page)
        layout.addWidget(self.clinic_intro)
        layout.addLayout(self.form)
        layout.addStretch()
        return page

    def _build_handout_tab(self) -> QWidget:
        page = QWidget(objectName="handoutTab")
        self.handout_intro = QLabel(wordWrap=True)
        self.handout_intro.setStyleSheet(HINT_STYLE)
        self.paper_combo = QComboBox(objectName="paperCombo")
        self.paper_combo.addItem("A4", "a4")
        self.paper_combo.addItem("Letter", "letter")
        self.large_print_check = QCheckBox(objectName="largePrintCheck")
        self.full_booklet_check = QCheckBox(objectName="fullBookletCheck")
        self.diary_spin = QSpinBox(objectName="diaryWeeks", minimum=0, maximum=DIARY_WEEKS_MAX)
        self.diary_spin.valueChanged.connect(self._diary_suffix)
        self.diary_spin.setMinimumWidth(self.fontMetrics().horizontalAdvance("Automatisch (weken)") + 40)
        self.diary_hint = QLabel(wordWrap=True)
        self.diary_hint.setStyleSheet(HINT_STYLE)
        self.handout_form = QFormLayout()
        self.handout_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        self.paper_label, self.print_label, self.diary_label = QLabel(), QLabel(), QLabel()
        self.paper_label.setBuddy(self.paper_combo)
        self.diary_label.setBuddy(self.diary_spin)
        self.handout_form.addRow(self.paper_label, self.paper_combo)
        self.handout_form.addRow(self.print_label, self.large_print_check)
        self.booklet_label = QLabel()
        self.handout_form.addRow(self.booklet_label, self.full_booklet_check)
        self.handout_form.addRow(self.diary_label, self.diary_spin)
        self.handout_form.addRow(self.diary_hint)  # its own row, the dialog's width: the help wraps, never cut
        layout = QVBoxLayout(page)
        layout.addWidget(self.handout_intro)
        layout.addLayout(self.handout_form)
        layout.addStretch()
        return page

    def _build_language_tab(self) -> QWidget:
        page = QWidget(objectName="languageTab")
        self.language_intro = QLabel(wordWrap=True)
        self.language_group = QButtonGroup(page)
        self.language_buttons: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(page)
        layout.addWidget(self.language_intro)
        for code in codes():  # each in its own language; "(not yet reviewed)" in the window's language
            button = QRadioButton(objectName=f"language_{code}")
            self.language_group.addButton(button)
            self.language_buttons[code] = button
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self.language_hint = QLabel(wordWrap=True)
        self.language_hint.setStyleSheet(HINT_STYLE)
        layout.addSpacing(8)
        layout.addWidget(self.language_hint)
        layout.addStretch()
        return page

    def retranslate(self) -> None:
        """Set every text in the current UI language (also called on Qt's LanguageChange)."""
        self.setWindowTitle(_("Settings"))
        for index, title in enumerate((_("Clinic"), _("Handout"), _("Language"))):
            self.tabs.setTabText(index, title)
        self.clinic_intro.setText(_("These details appear on every handout. They are stored in the "
                                    "database, so every desk of the clinic shares them."))
        for name, text in (("name", _("Clinic &name:")), ("therapist", _("&Therapist:")),
                           ("phone", _("&Phone:")), ("email", _("&E-mail:")),
                           ("address", _("&Address:")), ("logo", _("Logo:"))):
            self._labels[name].setText(text)
        self.email_edit.setPlaceholderText(_("name@clinic.nl"))
        self.choose_logo_button.setText(_("&Choose logo…"))
        self.remove_logo_button.setText(_("&Remove logo"))
        self.logo_hint.setText(_("PNG or JPEG. Large pictures are scaled down to 800 pixels."))
        if self._logo is None:
            self.logo_preview.setText(_("No logo"))
        self.handout_intro.setText(_("New handouts at this desk start with these choices. You can "
                                     "change them for each handout in the preview."))
        self.paper_label.setText(_("&Paper:"))
        self.print_label.setText(_("Text size:"))
        self.large_print_check.setText(_("&Large print (for readers with poor eyesight)"))
        self.booklet_label.setText(_("Contents:"))
        self.full_booklet_check.setText(_("&Whole booklet (every phase in full) instead of the desk handout"))
        self.diary_label.setText(_("&Diary:"))
        self.diary_spin.setSpecialValueText(_("Automatic"))
        self._diary_suffix()
        self.diary_hint.setText(_("Automatic: one diary page for each week of the current phase."))
        self.language_intro.setText(_("Language of menus, buttons and messages:"))
        for code, button in self.language_buttons.items():
            button.setText(language_label(code))
        self.language_hint.setText(_("Handouts are printed in each patient's own language, whatever "
                                     "you choose here."))
        if self.field_errors["email"].isVisible():
            self._check_email(show=True)

    def _diary_suffix(self, *_args: object) -> None:
        self.diary_spin.setSuffix(ngettext(" week", " weeks", self.diary_spin.value()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ---- values --------------------------------------------------------------------------------

    def _load(self) -> None:
        info = clinic_service.get_clinic(self.db)
        self.name_edit.setText(info.name)
        self.therapist_edit.setText(info.therapist)
        self.phone_edit.setText(info.phone)
        self.email_edit.setText(info.email)
        self.address_edit.setPlainText(info.address)
        self._set_logo(info.logo, None, dirty=False)
        defaults = self.settings.handout_defaults
        self.paper_combo.setCurrentIndex(max(0, self.paper_combo.findData(defaults.paper)))
        self.large_print_check.setChecked(defaults.large_print)
        self.full_booklet_check.setChecked(defaults.full)
        self.diary_spin.setValue(defaults.diary_weeks or 0)
        self.language_buttons[self.settings.ui_language].setChecked(True)

    def chosen_language(self) -> str:
        return next(code for code, button in self.language_buttons.items() if button.isChecked())

    def handout_defaults(self) -> HandoutDefaults:
        return HandoutDefaults(paper=self.paper_combo.currentData(),
                               large_print=self.large_print_check.isChecked(),
                               diary_weeks=self.diary_spin.value() or None,
                               full=self.full_booklet_check.isChecked())

    def _clinic_fields(self) -> dict[str, str]:
        return {"name": self.name_edit.text(), "therapist": self.therapist_edit.text(),
                "phone": self.phone_edit.text(), "email": self.email_edit.text(),
                "address": self.address_edit.toPlainText()}

    def _check_email(self, *, show: bool) -> bool:
        text = self.email_edit.text().strip()
        ok = not text or bool(EMAIL.match(text))
        if show or ok:
            _show_error(self.field_errors["email"], "" if ok else
                        _("This is not an e-mail address. Write it as name@example.nl, or leave it empty."))
        return ok

    # ---- logo ----------------------------------------------------------------------------------

    def _set_logo(self, data: bytes | None, mime: str | None, *, dirty: bool) -> None:
        self._logo, self._logo_mime = data, mime
        self._logo_dirty = self._logo_dirty or dirty
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            dpr = self.devicePixelRatioF()
            box = self.logo_preview.contentsRect().size() * dpr
            scaled = pixmap.scaled(box, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
            scaled.setDevicePixelRatio(dpr)
            self.logo_preview.setPixmap(scaled)
        else:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText(_("No logo"))
        self.remove_logo_button.setEnabled(data is not None)

    def choose_logo(self) -> None:
        """Ask for a picture, check and shrink it; a bad file leaves the current logo as it was."""
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        path, _filter = QFileDialog.getOpenFileName(
            self, _("Choose a logo"), start, _("Pictures (*.png *.jpg *.jpeg)"))
        if not path:
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            prepared = logo_service.read_logo_file(path)
        except ValidationError as error:
            _show_error(self.logo_error, word(error.problems.get("logo", error.message)))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        _show_error(self.logo_error, "")
        self._set_logo(prepared.data, prepared.mime, dirty=True)

    def remove_logo(self) -> None:
        _show_error(self.logo_error, "")
        self._set_logo(None, None, dirty=True)

    # ---- saving --------------------------------------------------------------------------------

    def _on_button(self, button: QAbstractButton) -> None:
        role = self.buttons.standardButton(button)
        if role == QDialogButtonBox.StandardButton.Cancel:
            self.reject()
        elif self.apply() and role == QDialogButtonBox.StandardButton.Save:
            self.accept()

    def apply(self) -> bool:
        """Store everything; False (and the problem shown at its field) when something is wrong."""
        if not self._check_email(show=True):
            self.tabs.setCurrentIndex(0)
            self.email_edit.setFocus()
            return False
        for label in self.field_errors.values():
            _show_error(label, "")
        logo_args: dict[str, object] = {}
        if self._logo_dirty:
            logo_args = ({"clear_logo": True} if self._logo is None
                         else {"logo": self._logo, "logo_mime": self._logo_mime})
        try:
            info = clinic_service.update_clinic(self.db, **self._clinic_fields(), **logo_args)
        except ValidationError as error:
            self.tabs.setCurrentIndex(0)
            for field, message in error.problems.items():
                if field in self.field_errors:
                    _show_error(self.field_errors[field], word(message))
            return False
        except HerstelplanError as error:
            QMessageBox.warning(self, _("Settings"), _("The clinic details were not saved: %(reason)s")
                                % {"reason": word(error.message)})
            return False
        self._logo_dirty = False
        self.clinic_saved.emit(info)
        defaults = self.handout_defaults()
        if defaults != self.settings.handout_defaults:
            self.settings.handout_defaults = defaults
            self.handout_defaults_changed.emit(defaults)
        lang = self.chosen_language()
        if lang != self.settings.ui_language or lang != i18n.current_language():
            self.settings.ui_language = lang
            apply_ui_language(lang)
            self.retranslate()
            self.language_changed.emit(lang)
        self.settings.sync()
        return True

