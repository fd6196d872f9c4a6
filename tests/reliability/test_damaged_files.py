"""Damaged or foreign files: each gives a clear message with what to do, and the file is never changed."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, event

from planner.domain.errors import DatabaseProblem
from planner.paths import filesystem_type, is_network_path
from planner.services import database as database_service
from planner.services import maintenance, patients
from planner.services.database import open_database
from planner.store import engine as engine_module
from tests.reliability.readable_copy import make_readable_copy

ROOT = Path(__file__).resolve().parents[2]
NOBODY = 65534


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _refused(path: Path) -> DatabaseProblem:
    before = _digest(path) if path.is_file() else None
    with pytest.raises(DatabaseProblem) as caught:
        open_database(f"sqlite:///{path}")
    if before is not None:
        assert _digest(path) == before, "the file was changed"
    return caught.value


def test_a_file_that_is_not_a_database(tmp_path):
    """A text file chosen as the database is refused by name, with what to do, and left alone."""
    path = tmp_path / "notes.sqlite3"
    path.write_text("Boodschappen: melk, brood\n" * 50)
    problem = _refused(path)
    assert problem.kind == "not-a-database"
    assert "Choose another file" in str(problem) and "untouched" in str(problem)
    assert not Path(f"{path}-wal").exists()


def test_a_corrupt_database(tmp_path):
    """A file with a database header and garbage after it is refused as damaged, pointing to restore."""
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + os.urandom(6000))
    problem = _refused(path)
    assert problem.kind == "corrupt"
    assert "Restore a backup" in str(problem)


def test_a_newer_database(db_path):
    """A database from a newer Herstelplan is refused with 'update Herstelplan'."""
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    problem = _refused(db_path)
    assert problem.kind == "newer" and "Update Herstelplan" in str(problem)


def test_a_folder_instead_of_a_file(tmp_path):
    """Pointing the database at a folder says so."""
    problem = _refused(tmp_path)
    assert problem.kind == "cannot-open" and "is a folder" in str(problem)


def _as_nobody() -> list[str]:
    if os.geteuid() == 0:
        return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    return []


_CHILD_IMPORTS = ("from planner.services.database import open_database\nfrom planner.store import migrate, library\n"
                  "from planner.services import maintenance\nfrom planner.store import identity\n"
                  "identity.expected_schema(identity.known_revisions()[-1])  # alembic, as `check` needs it")


@pytest.fixture(scope="module")
def readable_code() -> Iterator[tuple[Path, list[str], dict[str, str]]]:
    """The child's code in a folder 'nobody' may read (the checkout itself may be private)."""
    folder, python, env = make_readable_copy(_CHILD_IMPORTS, _as_nobody())
    try:
        yield folder, python, env
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def as_other_user(readable_code) -> Iterator[tuple[Path, list[str]]]:
    """A folder for a user without special rights, and the command prefix that runs as that user
    (root ignores file permissions, so read-only cases are checked as 'nobody' when we are root)."""
    folder = Path(tempfile.mkdtemp(prefix="herstelplan-ro-", dir="/tmp"))
    prefix = _as_nobody()
    if prefix:
        os.chown(folder, NOBODY, NOBODY)
    code, python, env = readable_code
    try:
        yield folder, (prefix, python, env, code)
    finally:
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o700)
        shutil.rmtree(folder, ignore_errors=True)


def _open_as(runner: tuple, path: Path, data: Path) -> dict[str, str]:
    prefix, python, base_env, code = runner
    script = (
        "import json, sys\n"
        "from planner.domain.errors import DatabaseProblem\n"
        "from planner.services.database import open_database\n"
        "try:\n"
        f"    open_database({f'sqlite:///{path}'!r}).dispose()\n"
        "    print(json.dumps({'kind': 'opened'}))\n"
        "except DatabaseProblem as p:\n"
        "    print(json.dumps({'kind': p.kind, 'message': str(p)}))\n"
    )
    env = {**base_env, "HERSTELPLAN_DATA_DIR": str(data)}
    done = subprocess.run([*prefix, *python, "-c", script], capture_output=True, text=True,
                          env=env, cwd=code, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _check_as(runner: tuple, path: Path, data: Path) -> dict:
    prefix, python, base_env, code = runner
    script = (
        "import json\n"
        "from planner.services import maintenance\n"
        f"ok, lines = maintenance.check({f'sqlite:///{path}'!r})\n"
        "print(json.dumps({'ok': ok, 'lines': lines}))\n"
    )
    env = {**base_env, "HERSTELPLAN_DATA_DIR": str(data)}
    done = subprocess.run([*prefix, *python, "-c", script], capture_output=True, text=True,
                          env=env, cwd=code, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _give(path: Path, mode: int) -> None:
    if os.geteuid() == 0:
        os.chown(path, NOBODY, NOBODY)
    path.chmod(mode)


def test_a_read_only_database_file(db_path, as_other_user):
    """A write-protected database file is refused as read-only (not as damaged) and not changed."""
    folder, prefix = as_other_user
    path = folder / "readonly.sqlite3"
    shutil.copyfile(db_path, path)
    _give(path, 0o400)
    data = folder / "data"
    data.mkdir()
    _give(data, 0o700)
    before = _digest(path)
    result = _open_as(prefix, path, data)
    assert result["kind"] == "read-only"
    assert "read-only" in result["message"] and "writable" in result["message"]
    assert _digest(path) == before


def test_a_database_in_a_read_only_folder(db_path, as_other_user):
    """A database in a folder Herstelplan may not write in is refused with what to do."""
    folder, prefix = as_other_user
    inner = folder / "locked-folder"
    inner.mkdir()
    path = inner / "herstelplan.sqlite3"
    shutil.copyfile(db_path, path)
    _give(path, 0o600)
    _give(inner, 0o500)
    data = folder / "data"
    data.mkdir()
    _give(data, 0o700)
    before = _digest(path)
    result = _open_as(prefix, path, data)
    assert result["kind"] == "read-only" and "folder" in result["message"]
    assert _digest(path) == before
    assert sorted(p.name for p in inner.iterdir()) == ["herstelplan.sqlite3"]


def test_check_on_a_read_only_database_leaves_nothing_behind(db_path, as_other_user):
    """Finding 9: `check` on a write-protected file says read-only (intact), creates no -wal/-shm,
    and once the file is writable again the program opens it."""
    folder, runner = as_other_user
    path = folder / "readonly.sqlite3"
    shutil.copyfile(db_path, path)
    _give(path, 0o400)
    data = folder / "data"
    data.mkdir()
    _give(data, 0o700)
    before = _digest(path)
    result = _check_as(runner, path, data)
    assert "integrity: ok" in result["lines"], result
    assert any(line.startswith("read-only") for line in result["lines"])
    assert not any("damaged" in line for line in result["lines"])
    assert sorted(p.name for p in folder.iterdir()) == ["data", "readonly.sqlite3"]
    assert _digest(path) == before
    _give(path, 0o600)
    assert _open_as(runner, path, data)["kind"] == "opened"


def test_check_on_a_database_in_a_read_only_folder_is_not_damaged(db_path, as_other_user):
    """Finding 9: in a folder nobody may write in, `check` reads the file and says read-only."""
    folder, runner = as_other_user
    inner = folder / "locked-folder"
    inner.mkdir()
    path = inner / "herstelplan.sqlite3"
    shutil.copyfile(db_path, path)
    _give(path, 0o600)
    _give(inner, 0o500)
    data = folder / "data"
    data.mkdir()
    _give(data, 0o700)
    result = _check_as(runner, path, data)
    assert "integrity: ok" in result["lines"], result
    assert not any("damaged" in line or "restore a backup" in line for line in result["lines"])
    assert any("read-only" in line for line in result["lines"])
    assert sorted(p.name for p in inner.iterdir()) == ["herstelplan.sqlite3"]


@pytest.fixture
def full_disk() -> Iterator[dict[str, int]]:
    """Every new SQLite connection may not grow its file past `limit['pages']` (SQLITE_FULL)."""
    limit = {"pages": 0}

    def cap(dbapi_connection, _record):
        if limit["pages"]:
            dbapi_connection.execute(f"PRAGMA max_page_count = {limit['pages']}")

    event.listen(Engine, "connect", cap)
    try:
        yield limit
    finally:
        event.remove(Engine, "connect", cap)


def test_a_full_disk_during_an_edit(db, db_path, full_disk):
    """An edit on a full disk says 'disk full', stores nothing, and leaves the file intact."""
    con = sqlite3.connect(db_path)
    full_disk["pages"] = con.execute("PRAGMA page_count").fetchone()[0]
    con.close()
    db.dispose()
    with pytest.raises(DatabaseProblem) as caught:
        patients.create_patient(db, name="Vol", private_notes="x" * 20_000, complaint="y" * 20_000)
    assert caught.value.kind == "disk-full" and "Free some space" in str(caught.value)
    full_disk["pages"] = 0
    db.dispose()
    assert [p.name for p in patients.list_patients(db, query="vol")] == []
    ok, lines = maintenance.check(f"sqlite:///{db_path}")
    assert ok, lines


def test_a_full_disk_while_creating_a_database_leaves_it_empty(tmp_path, full_disk):
    """When the first migration cannot be written, the new file is left empty (one transaction)."""
    full_disk["pages"] = 3
    path = tmp_path / "new.sqlite3"
    with pytest.raises(DatabaseProblem) as caught:
        open_database(f"sqlite:///{path}")
    assert caught.value.kind == "disk-full"
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
    con.close()


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 300)


def test_a_locked_database_is_busy_not_corrupt(db_path, short_busy_timeout):
    """Another program holding the write lock gives 'busy, try again', never 'damaged'; afterwards it opens."""
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        problem = _refused(db_path)
        assert problem.kind == "locked" and "Try again" in str(problem)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    open_database(f"sqlite:///{db_path}").dispose()


def test_check_reports_an_exclusively_locked_database_as_busy(db_path, short_busy_timeout):
    """`check` on a database another program holds exclusively says busy, not damaged."""
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        ok, lines = maintenance.check(f"sqlite:///{db_path}")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert not ok
    assert any(line.startswith("busy") for line in lines)
    assert not any("damaged" in line for line in lines)


def test_a_network_drive_is_refused_unless_allowed(db_path, monkeypatch):
    """A database on a network share is refused with advice; the override opens it with a warning."""
    monkeypatch.setattr(database_service, "is_network_path", lambda path: True)
    problem = _refused(db_path)
    assert problem.kind == "network-drive" and "PostgreSQL" in str(problem)
    monkeypatch.setenv("HERSTELPLAN_ALLOW_NETWORK_DRIVE", "1")
    db = open_database(f"sqlite:///{db_path}", daily_backup=False)
    assert any("network drive" in str(notice) for notice in db.notices)
    db.dispose()


MOUNTINFO = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
40 22 0:35 / /home/praktijk rw,relatime shared:20 - ext4 /dev/sda2 rw
41 40 0:36 / /home/praktijk/NAS\\040share rw,relatime shared:21 - cifs //nas/share rw,vers=3.0
42 22 0:37 / /mnt/nfs rw - nfs4 server:/export rw
"""


def test_network_file_systems_are_recognised_from_mountinfo():
    """The mount holding a path decides: cifs and nfs are network drives, ext4 is not."""
    assert filesystem_type(Path("/home/praktijk/NAS share/h.sqlite3"), MOUNTINFO) == "cifs"
    assert filesystem_type(Path("/home/praktijk/h.sqlite3"), MOUNTINFO) == "ext4"
    assert filesystem_type(Path("/mnt/nfs/x/h.sqlite3"), MOUNTINFO) == "nfs4"
    assert filesystem_type(Path("/mnt/nfsother/h.sqlite3"), MOUNTINFO) == "ext4"
    assert is_network_path(Path("//server/share/h.sqlite3"))
    assert not is_network_path(ROOT)
