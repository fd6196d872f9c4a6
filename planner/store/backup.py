"""Verified SQLite backups with the backup API (never a copy of a live file), their rotation, and
restoring one into the live database.

A backup is one self-contained file (rollback journal, no -wal/-shm), created 0600 before a byte
is written, checked with `PRAGMA integrity_check` under a `.partial` name and only then renamed to
`herstelplan-YYYYmmdd-HHMMSS-ffffff-<reason>.sqlite3`. The time in the name is the local time the
backup was taken; rotation reads it from there (file times change when files are copied).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from planner.domain.errors import DatabaseProblem
from planner.domain.messages import msg
from planner.store.identity import set_application_id

PREFIX = "herstelplan-"
SUFFIX = ".sqlite3"
_STAMP = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(r"^herstelplan-(\d{8}-\d{6}-\d{6})-([a-z0-9.-]+)\.sqlite3$")
_TIMEOUT_S = 10

# Rotation: everything from the last day, the newest of each day for a week, the newest of each
# ISO week for nine weeks (about two months), and always the newest backup of all.
KEEP_ALL_HOURS = 24
KEEP_DAILY_DAYS = 7
KEEP_WEEKLY_WEEKS = 9


def read_only_uri(path: Path) -> str:
    """A `file:` URI that opens `path` read-only (characters such as ? and # quoted)."""
    return f"file:{quote(str(Path(path).resolve()))}?mode=ro"


def _create_private(path: Path) -> None:
    """An empty file only the owner can read, created before SQLite writes anything into it."""
    path.unlink(missing_ok=True)
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _private_folder(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        folder.chmod(0o700)
    except OSError:
        pass


def verify(path: Path) -> None:
    """Raise DatabaseProblem('corrupt') unless `path` is an intact SQLite database."""
    try:
        con = sqlite3.connect(read_only_uri(path), uri=True, timeout=_TIMEOUT_S)
        try:
            result = con.execute("PRAGMA integrity_check").fetchall()
        finally:
            con.close()
    except sqlite3.DatabaseError as error:
        raise DatabaseProblem(
            "corrupt", msg("{name} is not a readable database ({error}).", name=path.name, error=str(error))
        ) from error
    if [row[0] for row in result] != ["ok"]:
        raise DatabaseProblem(
            "corrupt", msg("{name} failed its integrity check.", name=path.name)
        )


def _copy(source: Path, partial: Path) -> None:
    """Copy `source` page by page through SQLite (a consistent snapshot even while it is in use)."""
    _create_private(partial)
    try:
        src = sqlite3.connect(read_only_uri(source), uri=True, timeout=_TIMEOUT_S)
        try:
            out = sqlite3.connect(partial)
            try:
                src.backup(out)
                # A backup is one file: no -wal or -shm next to it.
                out.execute("PRAGMA journal_mode = DELETE")
            finally:
                out.close()
        finally:
            src.close()
        verify(partial)
    except BaseException:
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            leftover.unlink(missing_ok=True)
        raise


def backup_name(now: dt.datetime, reason: str) -> str:
    slug = re.sub(r"[^a-z0-9.-]+", "-", reason.lower()).strip("-") or "manual"
    return f"{PREFIX}{now.strftime(_STAMP)}-{slug}{SUFFIX}"


def backup_sqlite(source: Path, dest_dir: Path, *, reason: str, now: dt.datetime | None = None) -> Path:
    """Copy the database at `source` into `dest_dir` through SQLite's backup API and verify it."""
    now = now or dt.datetime.now()
    _private_folder(dest_dir)
    dest = dest_dir / backup_name(now, reason)
    partial = dest.with_suffix(".partial")
    _copy(source, partial)
    partial.replace(dest)
    return dest


def backup_to(source: Path, dest: Path) -> Path:
    """Back up `source` to exactly `dest` (verified), for `python main.py backup --to FILE`."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    _copy(source, partial)
    partial.replace(dest)
    return dest


def taken_at(path: Path) -> dt.datetime | None:
    """When the backup was taken (local time, from its name), or None for a foreign file name."""
    match = _NAME.match(Path(path).name)
    if not match:
        return None
    try:
        return dt.datetime.strptime(match.group(1), _STAMP)
    except ValueError:
        return None


def reason_of(path: Path) -> str:
    match = _NAME.match(Path(path).name)
    return match.group(2) if match else ""


def list_backups(dest_dir: Path) -> list[Path]:
    """Backups in `dest_dir`, newest first."""
    if not dest_dir.exists():
        return []
    dated = [(stamp, p) for p in dest_dir.glob(f"{PREFIX}*{SUFFIX}") if (stamp := taken_at(p)) is not None]
    return [p for _, p in sorted(dated, key=lambda pair: pair[0], reverse=True)]


def made_on(dest_dir: Path, day: dt.date) -> bool:
    """True when a backup (for any reason) was taken on `day`."""
    return any(stamp.date() == day for stamp in map(taken_at, list_backups(dest_dir)) if stamp)


def to_keep(stamps: list[dt.datetime], now: dt.datetime) -> set[dt.datetime]:
    """Which backup times the rotation keeps (see KEEP_*); the rule on its own, for testing."""
    keep: set[dt.datetime] = set()
    if not stamps:
        return keep
    keep.add(max(stamps))
    newest_per_day: dict[dt.date, dt.datetime] = {}
    newest_per_week: dict[tuple[int, int], dt.datetime] = {}
    for stamp in stamps:
        if stamp > now or now - stamp < dt.timedelta(hours=KEEP_ALL_HOURS):
            keep.add(stamp)  # recent (or from a clock that was ahead): never rotated away yet
            continue
        age_days = (now.date() - stamp.date()).days
        if age_days < KEEP_DAILY_DAYS:
            day = stamp.date()
            newest_per_day[day] = max(stamp, newest_per_day.get(day, stamp))
        if age_days < KEEP_WEEKLY_WEEKS * 7:
            iso = stamp.isocalendar()
            week = (iso.year, iso.week)
            newest_per_week[week] = max(stamp, newest_per_week.get(week, stamp))
    keep.update(newest_per_day.values())
    keep.update(newest_per_week.values())
    return keep


def rotate(dest_dir: Path, *, now: dt.datetime | None = None) -> list[Path]:
    """Delete the backups the rotation no longer keeps, and leftovers of interrupted backups;
    returns what was deleted. Files that are not Herstelplan backups are never touched."""
    now = now or dt.datetime.now()
    backups = list_backups(dest_dir)
    keep = to_keep([stamp for p in backups if (stamp := taken_at(p)) is not None], now)  # all of them
    removed: list[Path] = []
    for path in backups:
        if taken_at(path) not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    leftovers = [*dest_dir.glob(f"{PREFIX}*.partial"), *dest_dir.glob(f"{PREFIX}*.partial-journal")] \
        if dest_dir.exists() else []
    for partial in leftovers:
        stamp = taken_at(partial.with_name(partial.name.split(".partial", 1)[0] + SUFFIX))
        if stamp is not None and now - stamp > dt.timedelta(hours=1):
            partial.unlink(missing_ok=True)
            removed.append(partial)
    return removed


@contextmanager
def _sole_access(target: Path) -> Iterator[None]:
    """Hold `target` exclusively (no other program or desk may have it open) while it is replaced.

    Switching out of WAL mode needs sole access, which is how a program still using the file is
    noticed (reported as 'locked'); the exclusive lock then keeps everyone out until the rename.
    """
    dst = sqlite3.connect(target, timeout=_TIMEOUT_S, isolation_level=None)
    try:
        mode = dst.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
        if str(mode).lower() == "wal":
            raise DatabaseProblem(
                "locked",
                msg("The database is in use by another program or desk. Close Herstelplan "
                    "everywhere it uses this file, then restore again."),
            )
        dst.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            dst.execute("ROLLBACK")
    finally:
        dst.close()


def restoring_name(target: Path) -> Path:
    return target.with_name(target.name + ".restoring")


def restore_into(backup: Path, target: Path) -> None:
    """Replace the database file `target` with a verified copy of the backup `backup`, atomically.

    The copy is written next to `target` (`<name>.restoring`, 0600), verified, marked as ours and
    switched to WAL, then renamed over `target` while `target` is held exclusively. A restore that
    is cut off at any moment leaves `target` as it was (and a `.restoring` file, removed next time).
    """
    verify(backup)
    partial = restoring_name(target)
    for leftover in (partial, partial.with_name(partial.name + "-journal")):
        leftover.unlink(missing_ok=True)
    _copy(backup, partial)
    try:
        con = sqlite3.connect(partial, isolation_level=None)
        try:
            set_application_id(con)
            con.execute("PRAGMA journal_mode = WAL")
        finally:
            con.close()
        if target.exists():
            with _sole_access(target):
                partial.replace(target)
        else:
            partial.replace(target)
    except BaseException:
        for leftover in (partial, *(partial.with_name(partial.name + s) for s in ("-journal", "-wal", "-shm"))):
            leftover.unlink(missing_ok=True)
        raise
