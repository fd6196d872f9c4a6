"""Per-desk UI state (window layout, last patient, UI language) in QSettings.

A small typed wrapper used until (or alongside) the settings module; the file lives in the user's
data folder, so tests and portable installs never touch the real desk's settings.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from planner.paths import data_dir

STATE_VERSION = 2  # 2: the handout preview beside the patients, not under the inspector; bump when docks or toolbars change so an old saved layout is not applied


def desk_settings() -> QSettings:
    """The desk's QSettings file (INI) in the data folder."""
    return QSettings(str(data_dir() / "desk.ini"), QSettings.Format.IniFormat)


class WindowState:
    """Reads and writes the main window's layout and the last opened patient and plan."""

    def __init__(self, settings: QSettings | None = None):
        self.settings = settings if settings is not None else desk_settings()

    def restore(self, window: QMainWindow) -> bool:
        """Apply the saved geometry and dock layout; False when there is none (first start)."""
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        version = int(self.settings.value("window/state_version", 0) or 0)
        restored = False
        if isinstance(geometry, QByteArray | bytes) and geometry:
            restored = window.restoreGeometry(QByteArray(geometry))
        if isinstance(state, QByteArray | bytes) and state and version == STATE_VERSION:
            restored = window.restoreState(QByteArray(state), STATE_VERSION) and restored
        return restored

    def save(self, window: QMainWindow) -> None:
        self.settings.setValue("window/geometry", window.saveGeometry())
        self.settings.setValue("window/state", window.saveState(STATE_VERSION))
        self.settings.setValue("window/state_version", STATE_VERSION)
        self.settings.sync()

    def _int(self, key: str) -> int | None:
        value = self.settings.value(key)
        try:
            return int(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return None

    @property
    def last_patient_id(self) -> int | None:
        return self._int("session/last_patient")

    @last_patient_id.setter
    def last_patient_id(self, value: int | None) -> None:
        self.settings.setValue("session/last_patient", "" if value is None else int(value))

    @property
    def last_plan_id(self) -> int | None:
        return self._int("session/last_plan")

    @last_plan_id.setter
    def last_plan_id(self, value: int | None) -> None:
        self.settings.setValue("session/last_plan", "" if value is None else int(value))

    @property
    def language(self) -> str:
        value = self.settings.value("ui/language", "nl")
        return value if value in ("nl", "en") else "nl"

    @language.setter
    def language(self, value: str) -> None:
        self.settings.setValue("ui/language", value)
