"""Qt's own translations: standard buttons follow the UI language, and a missing file is harmless."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from planner import i18n
from planner.ui.settings import qt_translations


@pytest.fixture(autouse=True)
def _english_afterwards(qapp):
    yield
    qt_translations.apply_ui_language("en")


def _texts(box: QDialogButtonBox) -> dict[str, str]:
    return {
        "cancel": box.button(QDialogButtonBox.StandardButton.Cancel).text(),
        "save": box.button(QDialogButtonBox.StandardButton.Save).text(),
    }


def test_pyside_wheel_ships_dutch_qtbase():
    """The PySide6 wheel carries qtbase_nl.qm, so Dutch standard buttons need no extra download."""
    assert (qt_translations.translations_dir() / "qtbase_nl.qm").is_file()


def test_dutch_relabels_existing_standard_buttons_and_english_restores_them(qtbot):
    """Switching to Dutch relabels a button box that is already on screen; English brings it back."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    box.show()
    assert _texts(box) == {"cancel": "Cancel", "save": "Save"}
    assert qt_translations.apply_ui_language("nl") == "nl"
    assert i18n.current_language() == "nl"
    assert _texts(box) == {"cancel": "Annuleren", "save": "Opslaan"}
    assert qt_translations.qt_translator_language() is not None
    qt_translations.apply_ui_language("en")
    assert _texts(box) == {"cancel": "Cancel", "save": "Save"}
    assert qt_translations.qt_translator_language() is None


def test_missing_qt_translations_leave_buttons_english(qtbot, tmp_path: Path, monkeypatch, caplog):
    """Without qtbase_nl.qm the UI still switches (gettext) and standard buttons stay English."""
    monkeypatch.setattr(qt_translations, "translations_dir", lambda: tmp_path)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert qt_translations.install_qt_translator("nl") is False
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    assert "standard buttons stay English" in caplog.text
    assert qt_translations.apply_ui_language("nl") == "nl"
    assert i18n.current_language() == "nl"


def test_unknown_language_falls_back_to_english(qtbot):
    """A language Herstelplan does not ship becomes English, with no Qt translator left installed."""
    qt_translations.apply_ui_language("nl")
    assert qt_translations.apply_ui_language("fr") == "en"
    assert qt_translations.qt_translator_language() is None
