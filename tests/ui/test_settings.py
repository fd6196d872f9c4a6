"""Per-desk settings: typed round trip, upgrade from the prototype's keys, damaged values, new desks."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings

from planner.ui.settings import settings as settings_module
from planner.ui.settings.settings import VERSION, HandoutDefaults, Settings


def test_every_field_survives_a_restart(qapp, tmp_path: Path):
    """What one session writes, the next session reads back with the same types."""
    path = tmp_path / "desk.ini"
    folder = tmp_path / "exports"
    folder.mkdir()
    first = Settings.at_path(path)
    first.ui_language = "nl"
    first.handout_defaults = HandoutDefaults(paper="letter", large_print=True, diary_weeks=6)
    first.last_export_folder = folder
    first.window_geometry = b"\x01\x02geometry\x00"
    first.window_state = b"\x00state\xff"
    first.last_patient_id = 42
    first.last_plan_id = 7
    first.sync()
    del first

    again = Settings.at_path(path)
    assert again.version == VERSION
    assert again.ui_language == "nl"
    assert again.handout_defaults == HandoutDefaults(paper="letter", large_print=True, diary_weeks=6)
    assert again.last_export_folder == folder
    assert again.window_geometry == b"\x01\x02geometry\x00"
    assert again.window_state == b"\x00state\xff"
    assert again.last_patient_id == 42
    assert again.last_plan_id == 7

    again.diary_weeks = None
    again.last_patient_id = None
    again.sync()
    assert Settings.at_path(path).diary_weeks is None
    assert Settings.at_path(path).last_patient_id is None


def test_prototype_settings_are_upgraded_once(qapp, tmp_path: Path):
    """Flat version-1 keys move to their groups, values keep their meaning, and old keys are gone."""
    path = tmp_path / "desk.ini"
    folder = tmp_path / "handouts"
    folder.mkdir()
    old = QSettings(str(path), QSettings.Format.IniFormat)
    old.setValue("language", "nl")
    old.setValue("paper", "Letter")
    old.setValue("largePrint", True)
    old.setValue("lastExportDir", str(folder))
    old.setValue("geometry", QByteArray(b"geo"))
    old.setValue("lastPatient", 12)
    old.sync()
    del old

    upgraded = Settings.at_path(path)
    assert upgraded.version == VERSION
    assert upgraded.ui_language == "nl"
    assert upgraded.paper == "letter"
    assert upgraded.large_print is True
    assert upgraded.last_export_folder == folder
    assert upgraded.window_geometry == b"geo"
    assert upgraded.last_patient_id == 12
    upgraded.sync()
    keys = set(QSettings(str(path), QSettings.Format.IniFormat).allKeys())
    assert not keys & {"language", "paper", "largePrint", "lastExportDir", "geometry", "lastPatient"}


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
