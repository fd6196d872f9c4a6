"""This desk's settings, one object over desk.ini: what the program writes is read after a restart,
upgrade on open, damaged values, new desks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from planner.languages import codes
from planner.ui.settings import settings as settings_module
from planner.ui.settings.qt_translations import apply_ui_language
from planner.ui.settings.settings import VERSION, HandoutDefaults, Settings
from planner.ui.window.main_window import MainWindow
from tests.ui.helpers import activate, dialog, open_plan

CTRL = Qt.KeyboardModifier.ControlModifier


def test_what_the_program_writes_is_read_after_a_restart(qtbot, db, tmp_path: Path, english, patient_plan):
    """One session: the window opens a plan, the settings dialog (Ctrl+,) chooses letter paper, large
    print and Dutch, the window closes. After a restart a new settings object on the same file reads
    all of it back, and a new window opens the same patient and plan with the saved layout."""
    path = tmp_path / "desk.ini"
    first = MainWindow(db, settings=Settings.at_path(path))
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    open_plan(first, patient_plan)
    first.docks["library"].hide()
    activate(qtbot, first)
    qtbot.keyClick(first, Qt.Key.Key_Comma, CTRL)
    settings = dialog(qtbot, "settingsDialog")
    try:
        settings.tabs.setCurrentIndex(1)  # Handout
        settings.paper_combo.setFocus()
        qtbot.keyClick(settings.paper_combo, Qt.Key.Key_Down)
        qtbot.mouseClick(settings.large_print_check, Qt.MouseButton.LeftButton)
        settings.tabs.setCurrentIndex(2)  # Language
        qtbot.mouseClick(settings.language_buttons["nl"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(settings.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    finally:
        apply_ui_language("en")
    first.close()
    del first, settings

    again = Settings.at_path(path)  # the next start reads the file anew
    assert again.version == VERSION
    assert again.ui_language == "nl"
    assert again.handout_defaults == HandoutDefaults(paper="letter", large_print=True)
    assert (again.last_patient_id, again.last_plan_id) == (patient_plan.patient_id, patient_plan.id)
    assert again.window_geometry and again.window_state
    second = MainWindow(db, settings=again)
    qtbot.addWidget(second)
    second.show()
    assert second.prefs is again  # one object: the window, its dialogs and the preview share it
    assert not second.docks["library"].isVisible()
    assert second.doc.plan is not None and second.doc.plan.id == patient_plan.id


def test_a_desk_file_without_a_version_is_upgraded_once(qapp, tmp_path: Path):
    """Keys without a settings version (the first layout, flat) move to their groups on open, once."""
    path = tmp_path / "desk.ini"
    path.write_text("[General]\nlanguage=nl\npaper=Letter\nlastPatient=12\n", encoding="utf-8")
    upgraded = Settings.at_path(path)
    assert upgraded.version == VERSION
    assert (upgraded.ui_language, upgraded.paper, upgraded.last_patient_id) == ("nl", "letter", 12)
    upgraded.sync()
    assert "lastPatient" not in path.read_text(encoding="utf-8")
    again = Settings.at_path(path)
    assert (again.version, again.paper, again.last_patient_id) == (VERSION, "letter", 12)


def test_the_languages_it_accepts_are_the_shipped_ones(qapp, tmp_path: Path, monkeypatch):
    """The UI language is one of planner.languages.codes(): a language added as data is accepted,
    and a saved language that is no longer shipped reads as the system's."""
    desk = Settings.at_path(tmp_path / "desk.ini")
    for code in codes():
        desk.ui_language = code
        assert desk.ui_language == code
    monkeypatch.setattr(settings_module, "codes", lambda: ("nl", "en", "tr"))
    desk.ui_language = "tr"
    assert desk.ui_language == "tr"
    monkeypatch.setattr(settings_module, "codes", lambda: ("nl", "en"))
    monkeypatch.setattr(settings_module, "system_language", lambda: "en")
    assert desk.ui_language == "en"


def test_damaged_values_fall_back_to_defaults(qapp, tmp_path: Path, monkeypatch):
    """A hand-edited INI file with nonsense never crashes: each bad value reads as its default."""
    monkeypatch.setattr(settings_module, "system_language", lambda: "en")
    path = tmp_path / "desk.ini"
    path.write_text(
        "[settings]\nversion=2\n"
        "[ui]\nlanguage=klingon\n"
        "[handout]\npaper=A3\nlarge_print=maybe\ndiary_weeks=lots\n"
        "[export]\nlast_folder=/no/such/folder\n"
        "[session]\nlast_patient=abc\n",
        encoding="utf-8",
    )
    desk = Settings.at_path(path)
    assert desk.ui_language == "en"
    assert desk.handout_defaults == HandoutDefaults()
    assert desk.last_export_folder is None
    assert desk.last_patient_id is None
    assert desk.window_geometry is None


def test_new_desk_follows_the_system_language(qapp, tmp_path: Path, monkeypatch):
    """Until the user chooses, the UI language is the operating system's (Dutch on a Dutch desk)."""
    monkeypatch.setattr(settings_module, "system_language", lambda: "nl")
    desk = Settings.at_path(tmp_path / "desk.ini")
    assert desk.ui_language == "nl"
    desk.ui_language = "en"
    assert desk.ui_language == "en"


def test_settings_from_a_newer_version_are_left_alone(qapp, tmp_path: Path):
    """A file written by a newer Herstelplan keeps its version; fields that fit are still read."""
    path = tmp_path / "desk.ini"
    path.write_text("[settings]\nversion=99\n[handout]\npaper=letter\n", encoding="utf-8")
    desk = Settings.at_path(path)
    assert desk.version == 99
    assert desk.paper == "letter"


def test_invalid_values_are_refused_when_written(qapp, tmp_path: Path):
    """Code that tries to store an unsupported value gets an error instead of a broken file."""
    desk = Settings.at_path(tmp_path / "desk.ini")
    with pytest.raises(ValueError):
        desk.ui_language = "de"
    with pytest.raises(ValueError):
        desk.paper = "a3"
    with pytest.raises(ValueError):
        desk.diary_weeks = 0


def test_user_settings_live_in_the_private_data_folder(qapp, _private_data_dir: Path):
    """for_user() writes desk.ini in the data folder (per test here), never the real user's settings."""
    desk = Settings.for_user()
    desk.last_patient_id = 3
    desk.sync()
    assert Path(desk.qsettings.fileName()) == _private_data_dir / "desk.ini"
    assert (_private_data_dir / "desk.ini").is_file()
