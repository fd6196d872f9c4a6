"""The unpacked bundle runs like at a practice: no Python on the PATH, no virtual environment, a
fresh data folder. Headless commands, the handout, a first paint offscreen and on a real X display,
and an older database brought up to date after a backup."""

from __future__ import annotations

import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from planner.store import migrate
from tests.bundle.conftest import ROOT, Bundle, clean_env, run, version_pattern

pytestmark = pytest.mark.timeout(1500)


def test_version(bundle: Bundle, tmp_path: Path):
    done = run(bundle, "--version", env=clean_env(tmp_path), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert version_pattern().match(done.stdout.strip()), done.stdout


def _pdffonts(pdf: Path) -> list[list[str]]:
    listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in listing.splitlines()[2:] if line.strip()]


def test_demo_export_and_check_in_a_fresh_data_folder(bundle: Bundle, tmp_path: Path):
    """`demo` makes the database in the fresh data folder; `export` writes the handout with its fonts
    embedded and every picture: the very file the source tree makes from the same database."""
    env = clean_env(tmp_path)
    demo = run(bundle, "demo", env=env, cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr
    plan_id = demo.stdout.strip().splitlines()[-1]
    assert plan_id.isdigit(), demo.stdout
    database = tmp_path / "data" / "herstelplan.sqlite3"
    assert database.is_file()

    pdf = tmp_path / "handout.pdf"
    export = run(bundle, "export", plan_id, "--out", str(pdf), env=env, cwd=tmp_path)
    assert export.returncode == 0, export.stderr
    reader = PdfReader(pdf)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Jouw herstelplan" in text and "Demo: Jannie de Vries" in text
    fonts = _pdffonts(pdf)
    assert fonts and any("DejaVuSans" in row[0] for row in fonts)
    assert all(row[-5] == "yes" for row in fonts), fonts  # the "emb" column

    # The same database exported by the source tree gives the same bytes: no picture, font or text
    # went missing in the bundle.
    copy = tmp_path / "source.sqlite3"
    shutil.copyfile(database, copy)
    source_pdf = tmp_path / "source.pdf"
    source = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", plan_id, "--out", str(source_pdf),
                             "--database", f"sqlite:///{copy}"], capture_output=True, text=True, timeout=120,
                            env={**env, "PATH": "/usr/bin:/bin", "HERSTELPLAN_DATA_DIR": str(tmp_path / "source-data")})
    assert source.returncode == 0, source.stderr
    assert pdf.read_bytes() == source_pdf.read_bytes()

    # The summary for the patient file formats numbers with Babel's locale data: it must be inside.
    measured = [run(bundle, "measure", "1", "--instrument", "psk", "--activity", activity, "--date", date,
                    "--score", score, env=env, cwd=tmp_path)
                for activity, date, score in (("Wandelen", "2026-01-05", "7"), ("Bukken", "2026-01-05", "8"),
                                              ("Wandelen", "2026-02-02", "4"), ("Bukken", "2026-02-02", "8"))]
    assert all(m.returncode == 0 for m in measured), [m.stderr for m in measured]
    summary = run(bundle, "summary", plan_id, env=env, cwd=tmp_path)
    assert summary.returncode == 0, summary.stderr
    assert "gemiddelde van de activiteiten: 7,5 -> 6" in summary.stdout

    check = run(bundle, "check", env=env, cwd=tmp_path)
    assert check.returncode == 0, check.stderr
    assert "integrity: ok" in check.stdout and f"schema: {migrate.head_revision()} (current)" in check.stdout


def test_headless_first_paint(bundle: Bundle, tmp_path: Path):
    env = clean_env(tmp_path, QT_QPA_PLATFORM="offscreen")
    done = run(bundle, "--quit-after-first-paint", env=env, cwd=tmp_path, timeout=90)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Could not load the Qt platform plugin" not in done.stderr


@pytest.fixture
def x_display():
    """A private Xvfb display (installed by `make system-deps`; never skipped)."""
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed; run `make system-deps` (as root)")
    display = f":{random.randint(401, 599)}"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
    for _ in range(100):
        if socket.exists():
            break
        time.sleep(0.05)
    yield display
    server.terminate()
    server.wait(timeout=10)


def test_the_window_on_a_real_x_display(bundle: Bundle, tmp_path: Path, x_display: str):
    """The xcb platform plug-in (not offscreen) loads from the bundle; the window paints, opens the
    database, fills its panels and quits when ready."""
    env = clean_env(tmp_path, DISPLAY=x_display, QT_QPA_PLATFORM="xcb", QT_DEBUG_PLUGINS="1")
    done = run(bundle, "--quit-when-ready", env=env, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    loaded = [line for line in done.stderr.splitlines() if "loaded library" in line and "unloaded" not in line]
    assert any(str(bundle.internal / "PySide6" / "Qt" / "plugins" / "platforms" / "libqxcb.so") in line
               for line in loaded), "\n".join(loaded)
    assert (tmp_path / "data" / "herstelplan.sqlite3").is_file()


def _make_database_at(path: Path, revision: str) -> None:
    """A database at an older schema revision, made with the source tree's Alembic."""
    from planner.store.engine import Database

    db = Database(f"sqlite:///{path}")
    try:
        migrate.run_alembic(db, "upgrade", revision)
    finally:
        db.dispose()


def _revision(path: Path) -> str:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        con.close()


def test_an_older_database_is_backed_up_then_migrated(bundle: Bundle, tmp_path: Path):
    """A database at the first schema revision, opened by the bundle, ends at the newest revision; when
    that took a migration, the backup made before it is in the backup folder."""
    oldest, head = migrate.known_revisions()[0], migrate.head_revision()
    database = tmp_path / "old.sqlite3"
    _make_database_at(database, oldest)
    assert _revision(database) == oldest
    env = clean_env(tmp_path, HERSTELPLAN_DATABASE_URL=f"sqlite:///{database}")
    done = run(bundle, "library", "--json", env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert _revision(database) == head
    backups = sorted((tmp_path / "data" / "backups").glob("*"))
    before_migration = [p for p in backups if f"before-migration-{oldest}" in p.name]
    if oldest != head:
        assert len(before_migration) == 1, backups
        con = sqlite3.connect(before_migration[0])
        try:
            assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == oldest
        finally:
            con.close()
    else:  # one revision only so far: nothing to migrate, so no migration backup either
        assert before_migration == []


def test_an_empty_database_is_built_by_the_bundled_migrations(bundle: Bundle, tmp_path: Path):
    """Alembic runs inside the bundle: its env.py and the revision files are found and applied."""
    database = tmp_path / "new.sqlite3"
    env = clean_env(tmp_path, HERSTELPLAN_DATABASE_URL=f"sqlite:///{database}")
    done = run(bundle, "templates", "--json", env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert _revision(database) == migrate.head_revision()


def test_without_a_font_configuration_the_bundle_uses_its_own_fonts(bundle: Bundle, tmp_path: Path):
    """A bare system has no /etc/fonts: then the bundle's runtime hook points fontconfig at the
    bundle's configuration (checked on a bare Debian 12 by hand: letters instead of empty boxes). Here
    that configuration is given explicitly: the window scans the DejaVu fonts the bundle carries."""
    from PyInstaller.archive.readers import CArchiveReader

    assert "rthook_fonts" in CArchiveReader(str(bundle.program)).toc
    conf = bundle.internal / "fontconfig" / "fonts.conf"
    env = clean_env(tmp_path, QT_QPA_PLATFORM="offscreen", FONTCONFIG_FILE=str(conf), FC_DEBUG="128",
                    XDG_CACHE_HOME=str(tmp_path / "cache"))
    done = run(bundle, "--quit-after-first-paint", env=env, cwd=tmp_path, timeout=90)
    assert done.returncode == 0, done.stderr[-2000:]
    scanned = bundle.internal / "resources" / "fonts" / "DejaVuSans.ttf"
    assert f"Scanning file {scanned}" in done.stdout + done.stderr
