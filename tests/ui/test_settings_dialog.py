"""The settings dialog, driven like a user: clinic details into the database, logo, defaults, language."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog

from planner import i18n
from planner.services.clinic import get_clinic, update_clinic
from planner.ui.settings.qt_translations import apply_ui_language
from planner.ui.settings.settings import HandoutDefaults, Settings
from planner.ui.settings.settings_dialog import SettingsDialog

SAVE = QDialogButtonBox.StandardButton.Save
APPLY = QDialogButtonBox.StandardButton.Apply
CANCEL = QDialogButtonBox.StandardButton.Cancel


@pytest.fixture
def desk(qapp, tmp_path: Path) -> Settings:
    desk = Settings.at_path(tmp_path / "desk.ini")
    desk.ui_language = "en"
    return desk


@pytest.fixture
def dialog(qtbot, db, desk) -> SettingsDialog:
    apply_ui_language("en")
    dialog = SettingsDialog(db, desk)
    qtbot.addWidget(dialog)
    dialog.show()
    yield dialog
    apply_ui_language("en")


def click(qtbot, dialog: SettingsDialog, which) -> None:
    qtbot.mouseClick(dialog.buttons.button(which), Qt.MouseButton.LeftButton)


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def test_email_is_checked_at_the_field_and_clinic_saved_in_database(qtbot, db, dialog):
    """A wrong e-mail is named under its field and blocks saving; once fixed, everything is stored."""
    type_into(qtbot, dialog.name_edit, "Fysio Zuid")
    type_into(qtbot, dialog.therapist_edit, "Sanne Bakker")
    type_into(qtbot, dialog.phone_edit, "010 123 45 67")
    dialog.address_edit.setFocus()
    qtbot.keyClicks(dialog.address_edit, "Dorpsstraat 1")
    type_into(qtbot, dialog.email_edit, "sanne@fysio")
    qtbot.keyClick(dialog.email_edit, Qt.Key.Key_Tab)

    error = dialog.field_errors["email"]
    assert error.isVisible()
    assert "not an e-mail address" in error.text()
    click(qtbot, dialog, SAVE)
    assert dialog.isVisible()
    assert dialog.email_edit.hasFocus()
    assert get_clinic(db).name == ""  # nothing stored while a field is wrong

    qtbot.keyClicks(dialog.email_edit, ".nl")
    assert not error.isVisible()  # the message goes away as soon as the address is right
    with qtbot.waitSignal(dialog.clinic_saved) as saved:
        click(qtbot, dialog, SAVE)
    assert dialog.result() == QDialog.DialogCode.Accepted
    stored = get_clinic(db)
    assert (stored.name, stored.therapist, stored.phone, stored.email, stored.address) == (
        "Fysio Zuid", "Sanne Bakker", "010 123 45 67", "sanne@fysio.nl", "Dorpsstraat 1")
    assert saved.args[0] == stored


def test_dialog_shows_what_the_database_holds(qtbot, db, desk):
    """Opening the dialog shows the stored clinic details and logo."""
    update_clinic(db, name="Praktijk Noord", email="info@noord.nl",
                  logo=_png(200, 100), logo_mime="image/png")
    dialog = SettingsDialog(db, desk)
    qtbot.addWidget(dialog)
    assert dialog.name_edit.text() == "Praktijk Noord"
    assert dialog.email_edit.text() == "info@noord.nl"
    assert not dialog.logo_preview.pixmap().isNull()
    assert dialog.remove_logo_button.isEnabled()


def _png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (10, 120, 90)).save(out, "PNG")
    return out.getvalue()


def _choose_file(monkeypatch, path: Path) -> list[str]:
    asked: list[str] = []

    def fake(parent, caption, directory, filters):
        asked.append(filters)
        return str(path), filters

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake))
    return asked


def test_logo_is_previewed_scaled_and_stored_on_save(qtbot, db, dialog, tmp_path, monkeypatch):
    """A chosen 2400 × 1200 PNG shows in the preview and is stored at 800 × 400."""
    path = tmp_path / "logo.png"
    path.write_bytes(_png(2400, 1200))
    filters = _choose_file(monkeypatch, path)
    qtbot.mouseClick(dialog.choose_logo_button, Qt.MouseButton.LeftButton)
    assert "*.png" in filters[0]
    assert not dialog.logo_preview.pixmap().isNull()
    assert not dialog.logo_error.isVisible()
    assert get_clinic(db).logo is None  # not before Save
    click(qtbot, dialog, SAVE)
    stored = get_clinic(db).logo
    assert stored is not None
    assert Image.open(io.BytesIO(stored)).size == (800, 400)


@pytest.mark.parametrize(
    ("content", "words"),
    [(b"not a picture at all", "not a picture"), (_png(300, 200)[:100], "damaged")],
    ids=["text-file", "truncated-png"],
)
def test_bad_logo_shows_message_and_stores_nothing(qtbot, db, dialog, tmp_path, monkeypatch, content, words):
    """A file that is not a usable picture is named as such; the current logo stays, nothing is stored."""
    update_clinic(db, logo=_png(120, 60), logo_mime="image/png")
    dialog.close()
    dialog = SettingsDialog(db, dialog.settings)
    qtbot.addWidget(dialog)
    dialog.show()
    before = get_clinic(db).logo
    path = tmp_path / "logo.png"
    path.write_bytes(content)
    _choose_file(monkeypatch, path)
    qtbot.mouseClick(dialog.choose_logo_button, Qt.MouseButton.LeftButton)
    assert dialog.logo_error.isVisible()
    assert words in dialog.logo_error.text()
    assert not dialog.logo_preview.pixmap().isNull()  # the old logo is still shown
    click(qtbot, dialog, SAVE)
    assert get_clinic(db).logo == before


def test_remove_logo_clears_it_in_the_database(qtbot, db, desk):
    """Remove logo, then Save: the database holds no logo any more."""
    update_clinic(db, logo=_png(120, 60), logo_mime="image/png")
    dialog = SettingsDialog(db, desk)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.remove_logo_button, Qt.MouseButton.LeftButton)
    assert dialog.logo_preview.pixmap().isNull()
    assert not dialog.remove_logo_button.isEnabled()
    click(qtbot, dialog, SAVE)
    assert get_clinic(db).logo is None


def test_handout_defaults_are_saved_for_this_desk(qtbot, dialog, desk):
    """Letter, large print and 4 diary weeks chosen on the Handout tab are this desk's new defaults."""
    dialog.tabs.setCurrentIndex(1)
    dialog.paper_combo.setFocus()
    qtbot.keyClick(dialog.paper_combo, Qt.Key.Key_Down)
    qtbot.mouseClick(dialog.large_print_check, Qt.MouseButton.LeftButton)
    dialog.diary_spin.setFocus()
    for _ in range(4):
        qtbot.keyClick(dialog.diary_spin, Qt.Key.Key_Up)
    assert dialog.diary_spin.text() == "4 weeks"
    with qtbot.waitSignal(dialog.handout_defaults_changed) as changed:
        click(qtbot, dialog, SAVE)
    wanted = HandoutDefaults(paper="letter", large_print=True, diary_weeks=4)
    assert changed.args[0] == wanted
    assert Settings.at_path(desk.qsettings.fileName()).handout_defaults == wanted


def test_cancel_stores_nothing(qtbot, db, dialog, desk):
    """Typing and then Cancel leaves the database and the desk settings as they were."""
    type_into(qtbot, dialog.name_edit, "Typed but cancelled")
    qtbot.mouseClick(dialog.large_print_check, Qt.MouseButton.LeftButton)
    click(qtbot, dialog, CANCEL)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert get_clinic(db).name == ""
    assert desk.large_print is False


def test_switching_to_dutch_translates_the_dialog_and_qt_buttons(qtbot, dialog, desk):
    """Nederlands + Apply: the dialog's own texts and Qt's standard buttons turn Dutch at once."""
    assert dialog.buttons.button(CANCEL).text() == "Cancel"
    dialog.tabs.setCurrentIndex(2)
    qtbot.mouseClick(dialog.language_buttons["nl"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.language_changed) as changed:
        click(qtbot, dialog, APPLY)
    assert changed.args == ["nl"]
    assert i18n.current_language() == "nl"
    assert desk.ui_language == "nl"
    assert dialog.isVisible()  # Apply keeps the dialog open
    assert dialog.windowTitle() == "Instellingen"
    assert [dialog.tabs.tabText(i) for i in range(3)] == ["Praktijk", "Handout", "Taal"]
    assert dialog.buttons.button(CANCEL).text() == "Annuleren"
    assert dialog.buttons.button(SAVE).text() == "Opslaan"
    assert dialog.choose_logo_button.text() == "&Logo kiezen…"

    qtbot.mouseClick(dialog.language_buttons["en"], Qt.MouseButton.LeftButton)
    click(qtbot, dialog, APPLY)
    assert dialog.windowTitle() == "Settings"
    assert dialog.buttons.button(CANCEL).text() == "Cancel"


def test_every_shipped_language_can_be_chosen_and_turkish_says_it_is_not_yet_reviewed(qtbot, dialog, desk):
    """Languages are data: the Language tab offers each one in languages.json by its own name; Turkish
    (not yet checked by a therapist who speaks it) says so, in the window's language. Choosing it and
    Apply turns the dialog and Qt's own buttons Turkish."""
    from planner.languages import codes

    dialog.tabs.setCurrentIndex(2)
    assert list(dialog.language_buttons) == list(codes())
    assert dialog.language_buttons["nl"].text() == "Nederlands"
    assert dialog.language_buttons["tr"].text() == "Türkçe (not yet reviewed)"
    qtbot.mouseClick(dialog.language_buttons["tr"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.language_changed) as changed:
        click(qtbot, dialog, APPLY)
    assert changed.args == ["tr"] and desk.ui_language == "tr" and i18n.current_language() == "tr"
    assert dialog.windowTitle() == "Ayarlar"
    assert dialog.buttons.button(CANCEL).text() == "İptal"
    assert dialog.language_buttons["tr"].text().startswith("Türkçe (")
    assert dialog.language_buttons["tr"].text() != "Türkçe (not yet reviewed)"
    qtbot.mouseClick(dialog.language_buttons["nl"], Qt.MouseButton.LeftButton)
    click(qtbot, dialog, APPLY)
    assert dialog.language_buttons["tr"].text() == "Türkçe (nog niet nagekeken)"
    qtbot.mouseClick(dialog.language_buttons["en"], Qt.MouseButton.LeftButton)
    click(qtbot, dialog, APPLY)


def test_dutch_e_mail_message_is_dutch(qtbot, dialog):
    """With the UI in Dutch the e-mail problem is explained in Dutch."""
    apply_ui_language("nl")
    type_into(qtbot, dialog.email_edit, "geen-adres")
    qtbot.keyClick(dialog.email_edit, Qt.Key.Key_Tab)
    assert "geen e-mailadres" in dialog.field_errors["email"].text()
