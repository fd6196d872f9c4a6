"""Shared fixtures: offscreen Qt, a private data folder per test, real SQLite and PostgreSQL databases."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HERSTELPLAN_USER", "test-therapist")


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder; nothing touches the real user's files."""
    data = tmp_path / "data"
    monkeypatch.setenv("HERSTELPLAN_DATA_DIR", str(data))
    monkeypatch.delenv("HERSTELPLAN_DATABASE_URL", raising=False)
    return data


@pytest.fixture(scope="session")
def _seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated, seeded SQLite file per run; tests get a copy (migrating and seeding once)."""
    from planner.services.database import open_database

    folder = tmp_path_factory.mktemp("template")
    path = folder / "template.sqlite3"
    old = os.environ.get("HERSTELPLAN_DATA_DIR")
    os.environ["HERSTELPLAN_DATA_DIR"] = str(folder / "data")
    try:
        open_database(f"sqlite:///{path}").dispose()
        con = sqlite3.connect(path)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
    finally:
        if old is None:
            os.environ.pop("HERSTELPLAN_DATA_DIR", None)
        else:
            os.environ["HERSTELPLAN_DATA_DIR"] = old
    return path


@pytest.fixture
def db_path(tmp_path: Path, _seeded_template: Path) -> Path:
    path = tmp_path / "herstelplan.sqlite3"
    shutil.copyfile(_seeded_template, path)
    return path


@pytest.fixture
def db(db_path: Path):
    """A real SQLite database file, migrated to head and seeded with the built-in library."""
    from planner.services.database import open_database

    database = open_database(f"sqlite:///{db_path}", daily_backup=False)
    yield database
    database.dispose()


# ---- PostgreSQL: a throw-away cluster on a Unix socket, nothing on the network ----------------


def _pg_bindir() -> Path | None:
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "initdb").exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A base URL (without database) of a PostgreSQL server for this test run.

    Uses HERSTELPLAN_TEST_PG_URL when set; otherwise starts a private cluster. Fails (never skips)
    when PostgreSQL is not installed: `make test` installs it.
    """
    explicit = os.environ.get("HERSTELPLAN_TEST_PG_URL")
    if explicit:
        yield explicit
        return
    bindir = _pg_bindir()
    if bindir is None:
        pytest.fail("PostgreSQL is not installed; run `make system-deps` (as root) or set HERSTELPLAN_TEST_PG_URL")
    root = Path(f"/tmp/herstelplan-pg-{uuid.uuid4().hex[:8]}")
    root.mkdir(mode=0o755)
    datadir = root / "data"
    as_root = os.geteuid() == 0
    prefix = ["runuser", "-u", "postgres", "--"] if as_root else []
    if as_root:
        shutil.chown(root, "postgres", "postgres")
    port = "55432"
    run = lambda *cmd: subprocess.run([*prefix, *cmd], check=True, capture_output=True, text=True)  # noqa: E731
    try:
        run(str(bindir / "initdb"), "-D", str(datadir), "-A", "trust", "-U", "postgres", "--no-sync")
        run(
            str(bindir / "pg_ctl"), "-D", str(datadir), "-w", "-l", str(root / "log"),
            "-o", f"-p {port} -k {root} -c listen_addresses='' -c fsync=off", "start",
        )
    except subprocess.CalledProcessError as error:
        pytest.fail(f"could not start PostgreSQL: {error.stderr}")
    try:
        yield f"postgresql+psycopg://postgres@/?host={root}&port={port}"
    finally:
        subprocess.run([*prefix, str(bindir / "pg_ctl"), "-D", str(datadir), "-m", "immediate", "stop"],
                       capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


_PG_TESTS: list[str] = []


def pytest_terminal_summary(terminalreporter) -> None:
    """Say plainly that the PostgreSQL tests ran against a real server (they are never skipped)."""
    if _PG_TESTS:
        terminalreporter.write_line(
            f"PostgreSQL: {len(_PG_TESTS)} tests ran against a real PostgreSQL server started for this run"
        )


@pytest.fixture
def pg_url(pg_server: str, request: pytest.FixtureRequest) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test."""
    _PG_TESTS.append(request.node.nodeid)
    from sqlalchemy import create_engine, text

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(pg_server.replace("/?", "/postgres?"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield pg_server.replace("/?", f"/{name}?")
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
