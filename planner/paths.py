"""Where things live: resources in the source tree, data/backups/logs in the user's folders."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Herstelplan"
ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
LIBRARY_DIR = RESOURCES / "library"
ILLUSTRATIONS_DIR = RESOURCES / "illustrations"
FONTS_DIR = RESOURCES / "fonts"
LOCALE_DIR = RESOURCES / "locale"
MIGRATIONS_DIR = ROOT / "migrations"

ENV_DATABASE_URL = "HERSTELPLAN_DATABASE_URL"
ENV_DATA_DIR = "HERSTELPLAN_DATA_DIR"


def _private_dir(path: Path) -> Path:
    """Create `path` (and parents) readable by the owner only: it holds health data."""
    path.mkdir(parents=True, exist_ok=True)
    try:
        path.chmod(0o700)
    except OSError:
        pass
    return path


def data_dir() -> Path:
    """The user's data folder (0700); HERSTELPLAN_DATA_DIR overrides it (tests, portable use)."""
    override = os.environ.get(ENV_DATA_DIR)
    base = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    return _private_dir(base)


def backup_dir() -> Path:
    return _private_dir(data_dir() / "backups")


def log_dir() -> Path:
    return _private_dir(data_dir() / "logs")


def default_database_path() -> Path:
    return data_dir() / "herstelplan.sqlite3"


def database_url(explicit: str | None = None) -> str:
    """The database URL: --database, else HERSTELPLAN_DATABASE_URL, else the SQLite file."""
    if explicit:
        return explicit
    env = os.environ.get(ENV_DATABASE_URL)
    if env:
        return env
    return f"sqlite:///{default_database_path()}"
