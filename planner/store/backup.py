"""Verified SQLite backups with the backup API (never a copy of a live file), and their rotation."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

from planner.domain.errors import DatabaseProblem

PREFIX = "herstelplan-"
SUFFIX = ".sqlite3"


def _private_file(path: Path) -> None:
    try:
        os.chmod(path, 0o600)
    except OSError:
        pass


def verify(path: Path) -> None:
    """Raise DatabaseProblem('corrupt') unless `path` is an intact SQLite database."""
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = con.execute("PRAGMA integrity_check").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseProblem("corrupt", f"{path.name} is not a readable database: {error}") from error
    if not result or result[0] != "ok":
        raise DatabaseProblem("corrupt", f"{path.name} failed its integrity check: {result}")


def backup_sqlite(source: Path, dest_dir: Path, *, reason: str, now: dt.datetime | None = None) -> Path:
    """Copy the database at `source` into `dest_dir` through SQLite's backup API and verify it."""
    now = now or dt.datetime.now()
    dest_dir.mkdir(parents=True, exist_ok=True)
    stamp = now.strftime("%Y%m%d-%H%M%S-%f")
    dest = dest_dir / f"{PREFIX}{stamp}-{reason}{SUFFIX}"
    partial = dest.with_suffix(".partial")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10)
    try:
        out = sqlite3.connect(partial)
        try:
            src.backup(out)
        finally:
            out.close()
    finally:
        src.close()
    _private_file(partial)
    verify(partial)
    partial.replace(dest)
    return dest


def backup_to(source: Path, dest: Path) -> Path:
    """Back up `source` to exactly `dest` (verified), for `python main.py backup --to FILE`."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10)
    try:
        out = sqlite3.connect(partial)
        try:
            src.backup(out)
        finally:
            out.close()
    finally:
        src.close()
    _private_file(partial)
    verify(partial)
    partial.replace(dest)
    return dest


def list_backups(dest_dir: Path) -> list[Path]:
    """Backups in `dest_dir`, newest first."""
    if not dest_dir.exists():
        return []
    return sorted(dest_dir.glob(f"{PREFIX}*{SUFFIX}"), reverse=True)
