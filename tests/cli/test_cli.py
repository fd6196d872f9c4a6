"""The command line: demo, export, backup, check, library and templates; clear errors, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env_extra: dict[str, str] | None = None, database: Path | None = None):
    env = {**os.environ, **(env_extra or {})}
    if database is not None:
        env["HERSTELPLAN_DATABASE_URL"] = f"sqlite:///{database}"
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, env=env, timeout=120,
    )


def _pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_demo_then_export_writes_a_pdf_naming_the_blocks(db_path, tmp_path):
    """`demo` prints a plan id; `export ID --out x.pdf` writes a handout whose text names the plan's blocks."""
    first = run("demo", database=db_path)
    assert first.returncode == 0, first.stderr
    plan_id = first.stdout.strip()
    assert plan_id.isdigit()
    assert run("demo", database=db_path).stdout.strip() == plan_id  # idempotent
    out = tmp_path / "x.pdf"
    done = run("export", plan_id, "--out", str(out), "--full", "--database", f"sqlite:///{db_path}")
    assert done.returncode == 0, done.stderr
    text = _pdf_text(out)
    listing = json.loads(run("templates", "--json", database=db_path).stdout)
    assert listing  # templates listed
    from planner.services import plans
    from planner.services.database import open_database

    db = open_database(f"sqlite:///{db_path}")
    plan = plans.get_plan(db, int(plan_id))
    db.dispose()
    titles = [item.block.title("nl") for phase in plan.phases for item in phase.items]
    assert len(titles) >= 10
    flat = " ".join(text.split())
    for title in titles:
        assert title in flat, title


@pytest.mark.parametrize(
    "args",
    [
        ("export",),
        ("export", "abc", "--out", "x.pdf"),
        ("export", "1", "--out", "x.pdf", "--lang", "fr"),
        ("nonsense",),
        ("export", "0", "--out", "x.pdf"),
    ],
)
def test_bad_arguments_give_one_line_and_exit_2(args, db_path):
    """Wrong arguments print one clear line (no usage dump, no traceback) and exit with 2."""
    done = run(*args, database=db_path)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr
    assert "--help" in lines[0]


def test_missing_plan_id_is_a_clear_error(db_path, tmp_path):
    """Exporting a plan that does not exist says so in one line and exits non-zero."""
    done = run("export", "424242", "--out", str(tmp_path / "x.pdf"), database=db_path)
    assert done.returncode == 1
    assert "424242" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_gui_without_display_exits_2_with_one_line(db_path):
    """Starting the window with no display gives a one-line message and exit code 2, not a Qt abort."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["HERSTELPLAN_DATABASE_URL"] = f"sqlite:///{db_path}"
    done = subprocess.run([sys.executable, str(ROOT / "main.py")], capture_output=True, text=True, env=env,
                          timeout=60)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "display" in done.stderr


def test_backup_to_a_file_and_check(db_path, tmp_path):
    """`backup --to FILE` writes a verified copy; `check` passes on it."""
    target = tmp_path / "copy.sqlite3"
    done = run("backup", "--to", str(target), database=db_path)
    assert done.returncode == 0, done.stderr
    assert target.exists() and oct(target.stat().st_mode & 0o777) == "0o600"
    checked = run("check", "--database", f"sqlite:///{target}")
    assert checked.returncode == 0 and "integrity: ok" in checked.stdout


def test_check_reports_a_damaged_database(tmp_path):
    """`check` on a damaged file exits non-zero with a message and leaves the file alone."""
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x13" * 8192)
    before = broken.read_bytes()
    done = run("check", "--database", f"sqlite:///{broken}")
    assert done.returncode != 0
    assert "damaged" in done.stderr or "integrity" in done.stderr
    assert broken.read_bytes() == before


def test_library_json_lists_every_block_with_both_languages(db_path):
    """`library --json` gives key, kind, titles in both languages, tags, dosage and illustration."""
    done = run("library", "--json", database=db_path)
    assert done.returncode == 0, done.stderr
    blocks = json.loads(done.stdout)
    assert len(blocks) >= 10
    for block in blocks:
        assert {"key", "kind", "title", "regions", "equipment", "dosage", "illustration", "texts"} <= set(block)
        assert block["title"]["nl"] and block["title"]["en"]


def test_help_lists_the_commands():
    """`--help` names every headless command."""
    done = run("--help")
    assert done.returncode == 0
    for command in ("demo", "export", "backup", "check", "library", "templates"):
        assert command in done.stdout
