"""A Qt warning fails the test that caused it (pyproject.toml: qt_log_level_fail = "WARNING").

Runs a small test file under this project's own pytest settings in a child pytest, so the check is
of the real configuration, not of a copy of it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_TESTS = '''
from PySide6.QtCore import qWarning


def test_a_qt_warning(qtbot):
    qWarning("Herstelplan test: something is wrong")


def test_offscreen_noise(qtbot):
    qWarning("This plugin does not support propagateSizeHints()")


def test_quiet(qtbot):
    pass
'''


def test_a_qt_warning_fails_the_test_and_the_offscreen_noise_does_not(tmp_path: Path) -> None:
    (tmp_path / "test_emits.py").write_text(_TESTS, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"), "--rootdir", str(tmp_path),
         "-p", "no:cacheprovider", "-q", "-rfE", str(tmp_path / "test_emits.py")],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=240,
    )
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "1 failed, 2 passed" in out, out
    assert "FAILED test_emits.py::test_a_qt_warning" in out, out
    assert "Qt messages with level WARNING or above emitted" in out, out
    assert "Herstelplan test: something is wrong" in out, out
