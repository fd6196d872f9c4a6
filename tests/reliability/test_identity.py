"""Only a database proven ours is opened, migrated, restored or called healthy (issue 14: 1, 6, 10).

Ours: SQLite's application id is Herstelplan's (or, for files from before it existed, none) and
our tables and columns are there at a schema revision this version knows.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from planner.domain.errors import DatabaseProblem
from planner.paths import backup_dir
from planner.services import maintenance, patients
from planner.services.database import open_database
from planner.store.identity import APPLICATION_ID

ROOT = Path(__file__).resolve().parents[2]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _pragma(path: Path, name: str):
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(f"PRAGMA {name}").fetchone()[0]
    finally:
        con.close()


def _names(path: Path) -> list[str]:
    con = sqlite3.connect(path)
    try:
        return [row[0] for row in con.execute("SELECT name FROM patients ORDER BY id")]
    finally:
        con.close()


def _other_program(path: Path, *, revision: str = "0001") -> Path:
    """Another program's SQLite file that happens to use Alembic too (revision 0001) (finding 1)."""
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    con.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    con.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("INSERT INTO contacts (name) VALUES ('Piet'), ('Marie')")
    con.commit()
    con.close()
    path.chmod(0o644)
    return path


def test_restore_refuses_another_programs_database_before_replacing_anything(db, db_path, tmp_path):
    """Finding 1: a foreign file with an alembic_version row 0001 is refused; nothing is replaced."""
    patients.create_patient(db, name="Blijft")
    db.dispose()
    other = _other_program(tmp_path / "o.sqlite3")
    live_before = _names(db_path)
    with pytest.raises(DatabaseProblem) as caught:
        maintenance.restore_backup(f"sqlite:///{db_path}", other)
    assert caught.value.kind == "foreign" and "not a Herstelplan backup" in str(caught.value)
    assert _names(db_path) == live_before
    assert not any("before-restore" in p.name for p in backup_dir().glob("*")) if backup_dir().exists() else True
    ok, lines = maintenance.check(f"sqlite:///{other}")
    assert not ok and any("not made by Herstelplan" in line for line in lines), lines


def test_a_backup_missing_one_of_our_columns_is_refused(db, db_path, tmp_path):
    """Our tables are checked column by column at the backup's own revision."""
    made = maintenance.backup(db, to=tmp_path / "b.sqlite3")
    con = sqlite3.connect(made)
    con.execute("PRAGMA application_id = 0")
    con.execute("ALTER TABLE patients DROP COLUMN private_notes")
    con.commit()
    con.close()
    with pytest.raises(DatabaseProblem) as caught:
        maintenance.restore_backup(f"sqlite:///{db_path}", made, db=db)
    assert caught.value.kind == "foreign"
    ok, lines = maintenance.check(f"sqlite:///{made}")
    assert not ok


def test_a_file_with_another_programs_application_id_is_refused_everywhere(db, db_path, tmp_path):
    """Our tables but another program's application id: not opened, not restored, not healthy."""
    db.dispose()
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(db_path, copy)
    con = sqlite3.connect(copy)
    con.execute("PRAGMA application_id = 1234")
    con.execute("PRAGMA journal_mode = DELETE")
    con.close()
    before = _digest(copy)
    with pytest.raises(DatabaseProblem) as caught:
        open_database(f"sqlite:///{copy}")
    assert caught.value.kind == "foreign" and _digest(copy) == before
    with pytest.raises(DatabaseProblem):
        maintenance.restore_backup(f"sqlite:///{db_path}", copy)
    ok, _lines = maintenance.check(f"sqlite:///{copy}")
    assert not ok and _digest(copy) == before


def test_every_file_we_create_migrate_or_restore_carries_our_application_id(db, db_path, tmp_path):
    """New files, files from before the id existed (once identified) and restored files get the id."""
    new = tmp_path / "new.sqlite3"
    open_database(f"sqlite:///{new}", daily_backup=False).dispose()
    assert _pragma(new, "application_id") == APPLICATION_ID
    assert _pragma(db_path, "application_id") == APPLICATION_ID
    made = maintenance.backup(db, to=tmp_path / "old.sqlite3")
    db.dispose()
    con = sqlite3.connect(made)
    con.execute("PRAGMA application_id = 0")  # as written by a version before the id existed
    con.commit()
    con.close()
    maintenance.restore_backup(f"sqlite:///{db_path}", made)
    assert _pragma(db_path, "application_id") == APPLICATION_ID
    legacy = tmp_path / "legacy.sqlite3"
    shutil.copyfile(made, legacy)
    open_database(f"sqlite:///{legacy}", daily_backup=False).dispose()
    assert _pragma(legacy, "application_id") == APPLICATION_ID


def test_another_programs_file_is_left_exactly_as_it_was(tmp_path):
    """Finding 10: refused, and not switched to WAL, not chmodded, no -wal/-shm; `check` refuses it."""
    other = _other_program(tmp_path / "contacts.sqlite3")
    before = _digest(other)
    for what in ("open", "check"):
        if what == "open":
            with pytest.raises(DatabaseProblem) as caught:
                open_database(f"sqlite:///{other}")
            assert caught.value.kind == "foreign" and "untouched" in str(caught.value)
        else:
            ok, lines = maintenance.check(f"sqlite:///{other}")
            assert not ok and not any("healthy" in line or line == "integrity: ok" for line in lines)
        assert _digest(other) == before
        assert oct(other.stat().st_mode & 0o777) == "0o644"
        assert _pragma(other, "journal_mode") == "delete"
        assert sorted(p.name for p in tmp_path.iterdir()) == ["contacts.sqlite3"]


def _hot_journal(path: Path) -> None:
    """A writer killed in the middle of a large write to a rollback-journal database."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode = DELETE")
    con.close()
    script = (
        "import os, sqlite3, sys\n"
        "con = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "con.execute('PRAGMA cache_size = 5')\n"
        "con.execute('BEGIN IMMEDIATE')\n"
        "con.execute(\"UPDATE blocks SET kind = kind || ''\")\n"
        "con.execute(\"UPDATE block_texts SET purpose = purpose || ' (half geschreven)'\")\n"
        "con.execute(\"UPDATE patients SET name = 'Half'\")\n"
        "os.kill(os.getpid(), 9)\n"
    )
    subprocess.run([sys.executable, "-c", script, str(path)], timeout=60)
    journal = Path(f"{path}-journal")
    assert journal.exists() and journal.stat().st_size > 0, "no hot journal was left"


def test_a_cut_off_write_is_recovered_by_check_restore_and_open(db, db_path, tmp_path):
    """Finding 6: a hot journal is rolled back in a file proven ours: `check` says healthy, not
    damaged; restore works, not 'read-only'."""
    patients.create_patient(db, name="Voor")
    made = maintenance.backup(db, to=tmp_path / "b.sqlite3")
    db.dispose()
    _hot_journal(db_path)
    ok, lines = maintenance.check(f"sqlite:///{db_path}")
    assert ok, lines
    assert not Path(f"{db_path}-journal").exists() or Path(f"{db_path}-journal").stat().st_size == 0
    assert _names(db_path) == ["Voor"]
    _hot_journal(db_path)
    report = maintenance.restore_backup(f"sqlite:///{db_path}", made)
    assert report.safety_backup is not None and _names(report.safety_backup) == ["Voor"]
    assert _names(db_path) == ["Voor"]


def test_a_foreign_files_journal_is_never_rolled_back(tmp_path):
    """Identification reads a copy when a hot journal lies next to a file; a foreign file keeps both."""
    other = _other_program(tmp_path / "o.sqlite3")
    journal = Path(f"{other}-journal")
    journal.write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + b"\x00" * 504)
    before = (_digest(other), _digest(journal))
    ok, _lines = maintenance.check(f"sqlite:///{other}")
    assert not ok
    with pytest.raises(DatabaseProblem):
        open_database(f"sqlite:///{other}")
    assert (_digest(other), _digest(journal)) == before


RESTORE = """
import os, signal, sqlite3, sys, types
from planner.store import backup
live = sys.argv[1].removeprefix("sqlite:///")

class Connection:  # a real connection whose page copy into the live file dies half-way
    def __init__(self, real, name):
        self.real, self.name = real, str(name)
    def __getattr__(self, attribute):
        return getattr(self.real, attribute)
    def backup(self, target, **options):
        if sys.argv[3] == "half-way" and getattr(target, "name", "").startswith(live):
            def progress(status, remaining, total):
                if total - remaining >= total // 2:
                    os.kill(os.getpid(), signal.SIGKILL)
            return self.real.backup(target.real, pages=1, progress=progress)
        return self.real.backup(getattr(target, "real", target), **options)

shim = types.SimpleNamespace(**{k: getattr(sqlite3, k) for k in dir(sqlite3) if not k.startswith("__")})
shim.connect = lambda name, *a, **k: Connection(sqlite3.connect(name, *a, **k), name)
backup.sqlite3 = shim
from planner.services import maintenance
maintenance.restore_backup(sys.argv[1], sys.argv[2])
print("RESTORED")
"""


def _restore_in_child(url: str, backup: Path, when: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", RESTORE, url, str(backup), when], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_restore_is_atomic_when_killed(db, db_path, tmp_path):
    """Finding 6: `kill -9` half-way through writing the restored pages leaves the live database as
    it was and healthy; the next restore works and removes the leftover."""
    patients.create_patient(db, name="Oud")
    made = maintenance.backup(db, to=tmp_path / "b.sqlite3")
    patients.create_patient(db, name="Nieuw")
    db.dispose()
    url = f"sqlite:///{db_path}"
    child = _restore_in_child(url, made, "half-way")
    child.communicate(timeout=120)
    assert child.returncode == -signal.SIGKILL
    ok, lines = maintenance.check(url)
    assert ok, lines
    assert not Path(f"{db_path}-journal").exists()
    assert _names(db_path) == ["Oud", "Nieuw"]
    maintenance.restore_backup(url, made)
    assert _names(db_path) == ["Oud"]
    assert not Path(f"{db_path}.restoring").exists()


@pytest.mark.slow
def test_restore_killed_at_random_moments_never_damages_the_database(db, db_path, tmp_path):
    """The long variant (make soak): 30 kills at random moments; the database is always whole."""
    patients.create_patient(db, name="Oud")
    made = maintenance.backup(db, to=tmp_path / "b.sqlite3")
    db.dispose()
    url = f"sqlite:///{db_path}"
    for _ in range(30):
        child = _restore_in_child(url, made, "never")
        time.sleep(random.uniform(0.2, 1.5))
        child.kill()
        child.communicate(timeout=120)
        ok, lines = maintenance.check(url)
        assert ok, lines
        assert _names(db_path)[0] == "Oud"


@pytest.mark.postgres
def test_check_on_postgres_proves_the_schema_is_ours(pg_url):
    """Finding 1 on a server: our tables and columns at a known revision, or `check` fails."""
    from sqlalchemy import create_engine, text

    engine = create_engine(pg_url)
    try:
        with engine.begin() as connection:
            connection.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
            connection.execute(text("INSERT INTO alembic_version VALUES ('0001')"))
            connection.execute(text("CREATE TABLE contacts (id SERIAL PRIMARY KEY, name TEXT)"))
        ok, lines = maintenance.check(pg_url)
        assert not ok and "not made by Herstelplan" in lines[-1], lines
        with engine.begin() as connection:
            connection.execute(text("DROP TABLE contacts"))
            connection.execute(text("DROP TABLE alembic_version"))
        open_database(pg_url).dispose()
        ok, lines = maintenance.check(pg_url)
        assert ok and lines[-1].endswith("(current)"), lines
        with engine.begin() as connection:
            connection.execute(text("ALTER TABLE patients DROP COLUMN private_notes"))
        ok, lines = maintenance.check(pg_url)
        assert not ok and "not made by Herstelplan" in lines[-1], lines
    finally:
        engine.dispose()


def test_another_programs_wal_file_gets_no_working_files(tmp_path):
    """Identifying a WAL-mode file that nobody has open creates no -wal or -shm next to it."""
    other = tmp_path / "wal.sqlite3"
    con = sqlite3.connect(other)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    con.commit()
    con.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wal.sqlite3"]
    with pytest.raises(DatabaseProblem):
        open_database(f"sqlite:///{other}")
    assert not maintenance.check(f"sqlite:///{other}")[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["wal.sqlite3"]


def test_a_restore_that_cannot_be_opened_afterwards_names_the_safety_backup(db, db_path, tmp_path, monkeypatch):
    """Finding 1: should the restored database not open, the message says where the old one is kept."""
    from planner.services import database as database_service

    made = maintenance.backup(db, to=tmp_path / "b.sqlite3")
    db.dispose()

    def refuse(*_args, **_kwargs):
        raise DatabaseProblem("corrupt", "The database file is damaged.")

    monkeypatch.setattr(database_service, "open_database", refuse)
    with pytest.raises(Exception) as caught:
        maintenance.restore_backup(f"sqlite:///{db_path}", made)
    message = str(caught.value)
    assert "kept in" in message and "before-restore" in message, message
