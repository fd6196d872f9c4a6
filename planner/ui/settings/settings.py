"""This desk's settings: the one typed object over desk.ini (QSettings), with a version and small
upgrade steps. The window, the settings dialog, the preview and the export read and write it.

Clinic details are shared by every desk and live in the database (planner.services.clinic); this
file holds what belongs to one desk: the UI language, handout defaults, the last export folder,
the window's layout and the last patient and plan.

Every field is read through a converter that falls back to its default when the stored value is
missing or damaged (a hand-edited INI file never crashes the program). When the layout of the keys
changes, raise `VERSION` and add one function to `UPGRADES` that moves the old keys; `Settings`
runs the missing steps once, on open (the shape of Picard's config.py and config_upgrade.py).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import SupportsIndex, SupportsInt, TypeVar

from PySide6.QtCore import QByteArray, QLocale, QSettings
from PySide6.QtWidgets import QMainWindow

from planner import paths
from planner.domain.thresholds import DIARY_WEEKS_MAX
from planner.languages import SOURCE_LANGUAGE, codes

log = logging.getLogger(__name__)

VERSION = 2
PAPERS = ("a4", "letter")
# The window's dock and toolbar layout; raise it when docks or toolbars change, so that an old saved
# layout is not applied (2: the handout preview beside the patients, not under the inspector).
STATE_VERSION = 2


def system_language() -> str:
    """The first of the operating system's UI languages that Herstelplan ships, else English."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in codes():
            return code
    return SOURCE_LANGUAGE


@dataclass(frozen=True, slots=True)
class HandoutDefaults:
    """What a new handout starts with at this desk (the language comes from the patient)."""

    paper: str = "a4"
    large_print: bool = False
    diary_weeks: int | None = None  # None: the weeks of the current phase
    full: bool = False  # the whole booklet instead of the desk handout

_T = TypeVar("_T")
_D = TypeVar("_D")


# ---- converters: stored value (often a string from an INI file) -> typed value, or None -------


def _to_str(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _to_bool(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false", "1", "0"):
        return value.lower() in ("true", "1")
    return None


def _to_int(value: object) -> int | None:
    if not isinstance(value, str | bytes | SupportsInt | SupportsIndex):
        return None  # int() cannot read it either
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _to_bytes(value: object) -> bytes | None:
    if isinstance(value, QByteArray):
        return bytes(value.data())
    if isinstance(value, bytes | bytearray):
        return bytes(value)
    return None


def _choice(options: tuple[str, ...]) -> Callable[[object], str | None]:
    def convert(value: object) -> str | None:
        text = _to_str(value)
        return text.lower() if text and text.lower() in options else None

    return convert


# ---- upgrades: each takes the QSettings at version N and leaves it at version N+1 ------------


def _upgrade_1_to_2(qs: QSettings) -> None:
    """Version 1 (the prototype) kept flat keys; version 2 groups them and stores paper in lower case."""
    moves = {
        "language": "ui/language",
        "paper": "handout/paper",
        "largePrint": "handout/large_print",
        "lastExportDir": "export/last_folder",
        "geometry": "window/geometry",
        "windowState": "window/state",
        "lastPatient": "session/last_patient",
    }
    for old, new in moves.items():
        if qs.contains(old):
            value = qs.value(old)
            if new == "handout/paper" and isinstance(value, str):
                value = value.lower()
            qs.setValue(new, value)
            qs.remove(old)


UPGRADES: dict[int, Callable[[QSettings], None]] = {1: _upgrade_1_to_2}


class Settings:
    """Typed access to one QSettings store; writes go straight through (call `sync()` to flush)."""

    def __init__(self, qsettings: QSettings):
        self.qsettings = qsettings
        self._upgrade()

    @classmethod
    def at_path(cls, path: str | os.PathLike[str]) -> Settings:
        """Settings in an INI file at `path` (tests, portable installs)."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    @classmethod
    def for_user(cls) -> Settings:
        """This desk's settings: desk.ini in the user's data folder (platformdirs; 0700)."""
        return cls.at_path(paths.data_dir() / "desk.ini")

    # ---- version -------------------------------------------------------------------------------

    @property
    def version(self) -> int:
        return _to_int(self.qsettings.value("settings/version")) or 0

    def _upgrade(self) -> None:
        qs = self.qsettings
        if not qs.allKeys():  # a new desk: nothing to upgrade
            qs.setValue("settings/version", VERSION)
            return
        version = self.version or 1  # keys without a version were written by the prototype
        if version > VERSION:
            log.warning("settings were written by a newer Herstelplan (version %s); reading what fits",
                        version)
            return
        while version < VERSION:
            UPGRADES[version](qs)
            version += 1
            qs.setValue("settings/version", version)
            log.info("settings upgraded to version %s", version)

    def sync(self) -> None:
        self.qsettings.sync()

    # ---- helpers -------------------------------------------------------------------------------

    def _get(self, key: str, convert: Callable[[object], _T | None], default: _D) -> _T | _D:
        value = convert(self.qsettings.value(key))
        return default if value is None else value

    def _set(self, key: str, value: object) -> None:
        if value is None:
            self.qsettings.remove(key)
        else:
            self.qsettings.setValue(key, value)

    # ---- fields --------------------------------------------------------------------------------

    @property
    def ui_language(self) -> str:
        """One of the shipped languages (planner.languages); the system's until the user chooses."""
        return self._get("ui/language", _choice(codes()), None) or system_language()

    @ui_language.setter
    def ui_language(self, lang: str) -> None:
        if lang not in codes():
            raise ValueError(f"unsupported language: {lang!r}")
        self._set("ui/language", lang)

    @property
    def paper(self) -> str:
        return self._get("handout/paper", _choice(PAPERS), "a4")

    @paper.setter
    def paper(self, paper: str) -> None:
        if paper not in PAPERS:
            raise ValueError(f"unsupported paper: {paper!r}")
        self._set("handout/paper", paper)

    @property
    def large_print(self) -> bool:
        return self._get("handout/large_print", _to_bool, False)

    @large_print.setter
    def large_print(self, on: bool) -> None:
        self._set("handout/large_print", bool(on))

    @property
    def diary_weeks(self) -> int | None:
        """Diary pages on a handout: None means one per week of the current phase."""
        weeks = _to_int(self.qsettings.value("handout/diary_weeks"))
        return weeks if weeks is not None and 1 <= weeks <= DIARY_WEEKS_MAX else None

    @diary_weeks.setter
    def diary_weeks(self, weeks: int | None) -> None:
        if weeks is not None and not 1 <= weeks <= DIARY_WEEKS_MAX:
            raise ValueError(f"diary weeks must be 1-{DIARY_WEEKS_MAX} or None")
        self._set("handout/diary_weeks", weeks)

    @property
    def full_booklet(self) -> bool:
        """Export the whole booklet (every phase in full) rather than the desk handout by default."""
        return self._get("handout/full", _to_bool, False)

    @full_booklet.setter
    def full_booklet(self, on: bool) -> None:
        self._set("handout/full", bool(on))

    @property
    def handout_defaults(self) -> HandoutDefaults:
        return HandoutDefaults(paper=self.paper, large_print=self.large_print, diary_weeks=self.diary_weeks,
                               full=self.full_booklet)

    @handout_defaults.setter
    def handout_defaults(self, defaults: HandoutDefaults) -> None:
        self.paper = defaults.paper
        self.large_print = defaults.large_print
        self.diary_weeks = defaults.diary_weeks
        self.full_booklet = defaults.full

    @property
    def last_export_folder(self) -> Path | None:
        """The folder of the last export, if it still exists."""
        text = self._get("export/last_folder", _to_str, "")
        return Path(text) if text and Path(text).is_dir() else None

    @last_export_folder.setter
    def last_export_folder(self, folder: str | os.PathLike[str] | None) -> None:
        self._set("export/last_folder", None if folder is None else str(folder))

    def restore_window(self, window: QMainWindow) -> bool:
        """Apply the saved geometry and dock layout; False when there is none (first start). A layout
        saved for other docks (another `STATE_VERSION`) is not applied."""
        geometry, state = self.window_geometry, self.window_state
        restored = False
        if geometry:
            restored = window.restoreGeometry(QByteArray(geometry))
        if state and _to_int(self.qsettings.value("window/state_version")) == STATE_VERSION:
            restored = window.restoreState(QByteArray(state), STATE_VERSION) and restored
        return restored

    def save_window(self, window: QMainWindow) -> None:
        """Keep the window's geometry and dock layout for the next start (written to disk now)."""
        self.window_geometry = bytes(window.saveGeometry().data())
        self.window_state = bytes(window.saveState(STATE_VERSION).data())
        self._set("window/state_version", STATE_VERSION)
        self.sync()

    @property
    def window_geometry(self) -> bytes | None:
        """QMainWindow.saveGeometry() from the last session."""
        return self._get("window/geometry", _to_bytes, None)

    @window_geometry.setter
    def window_geometry(self, data: bytes | None) -> None:
        self._set("window/geometry", None if data is None else QByteArray(bytes(data)))

    @property
    def window_state(self) -> bytes | None:
        """QMainWindow.saveState() (docks and toolbars) from the last session."""
        return self._get("window/state", _to_bytes, None)

    @window_state.setter
    def window_state(self, data: bytes | None) -> None:
        self._set("window/state", None if data is None else QByteArray(bytes(data)))

    @property
    def last_patient_id(self) -> int | None:
        return self._get("session/last_patient", _to_int, None)

    @last_patient_id.setter
    def last_patient_id(self, patient_id: int | None) -> None:
        self._set("session/last_patient", patient_id)

    @property
    def last_plan_id(self) -> int | None:
        return self._get("session/last_plan", _to_int, None)

    @last_plan_id.setter
    def last_plan_id(self, plan_id: int | None) -> None:
        self._set("session/last_plan", plan_id)
