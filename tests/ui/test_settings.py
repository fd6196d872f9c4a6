"""Per-desk settings: typed round trip beside the window's session, upgrade on open, damaged values,
new desks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from planner.ui.settings import settings as settings_module
from planner.ui.settings.settings import VERSION, HandoutDefaults, Settings
from planner.ui.settings.window_state import WindowState


def test_what_the_program_stores_survives_a_restart(qapp, tmp_path: Path):
    """The desk's choices (Settings) and the window's session (WindowState) share desk.ini; what one
    session writes through each, the next session reads back with the same types."""
    path = tmp_path / "desk.ini"
    folder = tmp_path / "exports"
    folder.mkdir()
    first = Settings.at_path(path)
    first.ui_language = "nl"
    first.handout_defaults = HandoutDefaults(paper="letter", large_print=True, diary_weeks=6)
    first.last_export_folder = folder
    window = WindowState(first.qsettings)
    window.last_patient_id = 42
    window.last_plan_id = 7
    first.sync()
    del first, window

    again = Settings.at_path(path)
    assert again.version == VERSION
    assert again.ui_language == "nl"
    assert again.handout_defaults == HandoutDefaults(paper="letter", large_print=True, diary_weeks=6)
    assert again.last_export_folder == folder
    session = WindowState(QSettings(str(path), QSettings.Format.IniFormat))
    assert (session.last_patient_id, session.last_plan_id) == (42, 7)

    again.diary_weeks = None
    again.sync()
    assert Settings.at_path(path).diary_weeks is None


def test_opening_the_settings_keeps_the_window_session(qapp, tmp_path: Path):
    """A desk file without a settings version (the window's layout and last patient and plan only)
    is upgraded when the settings open it, and keeps the window's keys and values."""
    path = tmp_path / "desk.ini"
    window = WindowState(QSettings(str(path), QSettings.Format.IniFormat))
    window.last_patient_id = 12
    window.last_plan_id = 3
    window.settings.setValue("window/geometry", QByteArray(b"geo"))
    window.settings.sync()
    del window

    upgraded = Settings.at_path(path)
    assert upgraded.version == VERSION
    upgraded.sync()
    session = WindowState(QSettings(str(path), QSettings.Format.IniFormat))
    assert (session.last_patient_id, session.last_plan_id) == (12, 3)
    assert bytes(session.settings.value("window/geometry").data()) == b"geo"
    assert Settings.at_path(path).version == VERSION  # once: a second open changes nothing


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
