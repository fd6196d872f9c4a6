"""The smaller faults of issue 14 (finding 11), each as a short test."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from planner.domain.errors import DatabaseProblem
from planner.services import demo, maintenance, patients, transfer
from planner.services.database import open_database
from planner.store import backup as backups
from planner.store import engine as engine_module
from planner.store.engine import Database
from tests.reliability.plan_files import valid_document

ROOT = Path(__file__).resolve().parents[2]


def _main(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          timeout=120, env={**os.environ, **(env or {})}, cwd=ROOT)


def _one_line(done: subprocess.CompletedProcess, code: int = 1) -> str:
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1, done.stderr
    return done.stderr


@pytest.mark.parametrize("url, words", [
    ("not a url::", "not valid"),
    ("mysql://clinic@server/herstelplan", "cannot use (mysql)"),
    ("postgresql+psycopg2://clinic@server/herstelplan", "cannot use (postgresql+psycopg2)"),
    ("nosuchdb+nodriver://x", "cannot use"),
])
def test_a_bad_database_url_or_driver_is_one_line(url, words):
    for command in ("check", "demo"):
        assert words in _one_line(_main(command, "--database", url))


@pytest.mark.postgres
def test_a_missing_database_or_role_is_named_not_unreachable(pg_server):
    missing_db = pg_server.replace("/?", "/no_such_database?")
    with pytest.raises(DatabaseProblem) as caught:
        open_database(missing_db)
    assert caught.value.kind == "no-database" and "no_such_database" in str(caught.value)
    missing_role = pg_server.replace("/?", "/postgres?").replace("postgres@", "no_such_role@", 1)
    with pytest.raises(DatabaseProblem) as caught:
        open_database(missing_role)
    assert caught.value.kind == "no-role" and "no_such_role" in str(caught.value)
    ok, lines = maintenance.check(missing_db)
    assert not ok and "no database named no_such_database" in lines[-1]


def test_diary_weeks_is_limited(db_path, tmp_path):
    started = time.monotonic()
    done = _main("export", "1", "--out", str(tmp_path / "x.pdf"), "--diary-weeks", "100000",
                 env={"HERSTELPLAN_DATABASE_URL": f"sqlite:///{db_path}"})
    assert "at most 26 weeks" in _one_line(done, code=2)
    assert time.monotonic() - started < 30


def test_terminal_escape_codes_in_unknown_keys_are_not_echoed():
    doc = valid_document()
    doc["plan"]["\x1b[2J\x1b[31mred"] = 1
    with pytest.raises(transfer.TransferError) as caught:
        transfer.check(doc)
    message = str(caught.value)
    assert "\x1b" not in message and "\\u001b[2J" in message


@pytest.mark.parametrize("bad", ["Ann\udc80", "Ann\x00e"])
def test_lone_surrogates_and_nul_are_refused_with_a_message(db, bad):
    try:
        made = patients.create_patient(db, name=bad)
    except DatabaseProblem as problem:
        assert problem.kind == "bad-text" and "nothing was saved" in str(problem)
    else:  # SQLite stores a NUL as any other character: it must then read back exactly
        assert patients.get_patient(db, made.id).name == bad


@pytest.mark.postgres
def test_nul_on_postgres_is_refused_with_a_message(pg_url):
    db = open_database(pg_url)
    try:
        with pytest.raises(DatabaseProblem) as caught:
            patients.create_patient(db, name="Ann\x00e")
        assert caught.value.kind == "bad-text"
        with pytest.raises(DatabaseProblem) as caught:
            patients.create_patient(db, name="Ann\udc80")
        assert caught.value.kind == "bad-text"
    finally:
        db.dispose()


def _one_language() -> dict:
    doc = valid_document()
    del doc["blocks"][0]["text"]["en"]
    return doc


def _custom_blocks(db: Database) -> int:
    with db.engine.connect() as connection:
        return connection.execute(text("SELECT count(*) FROM blocks WHERE NOT builtin")).scalar()


def test_a_one_language_custom_block_is_imported_once(db):
    for _ in range(3):
        transfer.import_data(db, _one_language(), backup=False)
    assert _custom_blocks(db) == 1


def _together(count: int, work) -> None:
    start = threading.Barrier(count)
    errors: list[BaseException] = []

    def run() -> None:
        try:
            start.wait()
            work()
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=run) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors


@pytest.mark.postgres
def test_concurrent_imports_and_demos_on_postgres_make_one_copy(pg_url):
    open_database(pg_url).dispose()
    desks = [Database(pg_url) for _ in range(10)]
    try:
        imports = iter(desks)
        _together(10, lambda: transfer.import_data(next(imports), _one_language(), backup=False))
        assert _custom_blocks(desks[0]) == 1
        demos = iter(desks)
        _together(10, lambda: demo.ensure_demo(next(demos)))
        with desks[0].engine.connect() as connection:
            found = connection.execute(text("SELECT count(*) FROM patients WHERE name = :n"),
                                       {"n": demo.DEMO_NAME}).scalar()
        assert found == 1
    finally:
        for desk in desks:
            desk.dispose()


def test_an_io_error_on_a_nearly_full_disk_says_disk_full(db, monkeypatch):
    orig = sqlite3.OperationalError("disk I/O error")
    orig.sqlite_errorcode = 778  # SQLITE_IOERR_WRITE
    error = OperationalError("INSERT", {}, orig)

    def fail():
        with db.guard():
            raise error

    with pytest.raises(DatabaseProblem) as caught:
        fail()
    assert caught.value.kind == "io"
    monkeypatch.setattr(engine_module.shutil, "disk_usage", lambda _p: type("U", (), {"free": 30_000})())
    with pytest.raises(DatabaseProblem) as caught:
        fail()
    assert caught.value.kind == "disk-full" and "restore" not in str(caught.value).lower()


def test_leftovers_of_interrupted_backups_are_cleaned_up(tmp_path):
    import datetime as dt

    old = dt.datetime.now() - dt.timedelta(hours=3)
    name = backups.backup_name(old, "daily").removesuffix(".sqlite3")
    leftovers = [tmp_path / f"{name}.partial", tmp_path / f"{name}.partial-journal"]
    for path in leftovers:
        path.write_bytes(b"x")
    fresh = tmp_path / (backups.backup_name(dt.datetime.now(), "daily").removesuffix(".sqlite3") + ".partial-journal")
    fresh.write_bytes(b"x")
    removed = backups.rotate(tmp_path)
    assert sorted(removed) == sorted(leftovers)
    assert fresh.exists()  # perhaps a backup being written right now
