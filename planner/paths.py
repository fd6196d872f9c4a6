"""Where things live: resources in the source tree, data/backups/logs in the user's folders."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import platformdirs

APP_NAME = "Herstelplan"

def _root() -> Path:
    """The folder holding resources/ and migrations/: the source tree, or in the bundle made by
    packaging/herstelplan.spec the folder PyInstaller unpacked them into (sys._MEIPASS)."""
    if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
        return Path(sys._MEIPASS).resolve()  # noqa: SLF001 - PyInstaller's unpack folder
    return Path(__file__).resolve().parent.parent


ROOT = _root()
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


def make_private(path: Path) -> None:
    """Take group and other permissions off `path` (a database, WAL, backup or export): health data
    is for the owner only. Best effort: a file we do not own keeps its mode."""
    try:
        mode = path.stat().st_mode & 0o777
        if mode & 0o077:
            path.chmod(mode & ~0o077)
    except OSError:
        pass


# File system types that live on another computer; SQLite's WAL mode (shared memory between the
# processes using the file) does not work on them and locking is unreliable.
NETWORK_FILESYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph", "glusterfs", "davfs",
    "fuse.sshfs", "fuse.rclone", "fuse.davfs2", "fuse.gvfsd-fuse", "fuse.s3fs", "fuse.glusterfs",
})


def _unescape_mount(text: str) -> str:
    """Undo the octal escapes (space = \\040) that mountinfo uses in paths."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), text)


def filesystem_type(path: Path, mountinfo: str | None = None) -> str | None:
    """The file system type of the mount holding `path` on Linux (from /proc/self/mountinfo),
    or None when it cannot be told."""
    if mountinfo is None:
        try:
            mountinfo = Path("/proc/self/mountinfo").read_text()
        except OSError:
            return None
    target = str(Path(path).resolve())
    best, best_type = "", None
    for line in mountinfo.splitlines():
        before, sep, after = line.partition(" - ")
        fields = before.split()
        if not sep or len(fields) < 5 or not after.split():
            continue
        mount = _unescape_mount(fields[4])
        inside = target == mount or target.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) >= len(best):
            best, best_type = mount, after.split()[0]
    return best_type


def is_network_path(path: Path) -> bool:
    """True when `path` is on a network drive (a Windows share, or NFS/SMB/sshfs/... on Linux)."""
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        drive = os.path.splitdrive(os.path.abspath(text))[0] + "\\"
        return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == 4)  # DRIVE_REMOTE
    return filesystem_type(path) in NETWORK_FILESYSTEMS


def instance_lock_path(url: str) -> Path:
    """The lock file that keeps one running Herstelplan per database: next to a SQLite file (so a
    second computer on a shared folder sees it too), else in the data folder, keyed by the URL."""
    import hashlib

    if url.startswith("sqlite:///") and "?" not in url and url != "sqlite:///:memory:":
        database = Path(url[len("sqlite:///"):]).resolve()
        return database.with_name(database.name + ".lock")
    digest = hashlib.sha256(url.encode()).hexdigest()[:16]
    return _private_dir(data_dir() / "locks") / f"{digest}.lock"
