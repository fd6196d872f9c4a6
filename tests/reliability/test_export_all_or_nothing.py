"""A patient's export is all or nothing: a failing handout or a full disk leaves no folder and no
"exported" in the audit trail (issue 14: 2 and 8)."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from planner.domain.errors import HerstelplanError
from planner.services import handouts, patients, plans, privacy

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def patient_id(db) -> int:
    patient = patients.create_patient(db, name="Alles Of Niets")
    for title in ("Eerste", "Tweede"):
        plans.create_plan(db, patient_id=patient.id, title=title, phases=[{"name": "Start", "weeks": 2}])
    return patient.id


def _exports(db_path: Path) -> int:
    con = sqlite3.connect(db_path)
    try:
        return con.execute("SELECT count(*) FROM audit_events WHERE action = 'patient.export'").fetchone()[0]
    finally:
        con.close()


def test_a_failing_handout_leaves_no_folder_and_no_audit_event(db, db_path, patient_id, tmp_path, monkeypatch):
    """Finding 2: the second plan's handout fails (as a 21-phase plan did): nothing is exported."""
    real = handouts.render_handout
    calls = []

    def second_fails(db_, plan_id, options):
        calls.append(plan_id)
        if len(calls) == 2:
            raise ValueError("the layout did not fit")
        return real(db_, plan_id, options)

    monkeypatch.setattr(handouts, "render_handout", second_fails)
    out = tmp_path / "export"
    out.mkdir()
    with pytest.raises(HerstelplanError, match="could not be made.*nothing was exported"):
        privacy.export_patient(db, patient_id, out)
    assert list(out.iterdir()) == []
    assert _exports(db_path) == 0


def test_a_full_disk_leaves_no_broken_files_and_no_audit_event(db, db_path, patient_id, tmp_path, monkeypatch):
    """Finding 8: the disk fills while the second PDF is written: no half folder, no 'exported'."""
    real = privacy._write
    written = []

    def disk_fills(path, data):
        written.append(path)
        if len(written) == 3:
            path.write_bytes(data[:4096])
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        return real(path, data)

    monkeypatch.setattr(privacy, "_write", disk_fills)
    out = tmp_path / "export"
    out.mkdir()
    with pytest.raises(HerstelplanError, match="No space left on device.*Nothing was exported"):
        privacy.export_patient(db, patient_id, out)
    assert list(out.iterdir()) == []
    assert _exports(db_path) == 0
    monkeypatch.setattr(privacy, "_write", real)
    done = privacy.export_patient(db, patient_id, out)
    assert sorted(p.name for p in done.folder.iterdir()) == sorted(p.name for p in done.files)
    assert len(done.files) == 3 and _exports(db_path) == 1
    assert [p.name for p in out.iterdir()] == [done.folder.name]


def test_the_command_line_says_one_line_on_a_full_disk(db, db_path, patient_id, tmp_path):
    """`export-patient` whose PDF cannot be written: one line, exit 1, no folder, no 'exported'."""
    db.dispose()
    script = (
        "import errno, os, sys\n"
        "from planner.services import privacy\n"
        "def full(path, data):\n"
        "    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))\n"
        "privacy._write = full\n"
        "from planner.app import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    out = tmp_path / "export"
    out.mkdir()
    env = {**os.environ, "HERSTELPLAN_DATABASE_URL": f"sqlite:///{db_path}", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script, "export-patient", str(patient_id), "--out", str(out)],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "Nothing was exported" in done.stderr and "Traceback" not in done.stderr
    assert list(out.iterdir()) == [] and _exports(db_path) == 0
