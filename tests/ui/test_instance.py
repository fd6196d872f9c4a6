"""One running Herstelplan per database: a second start brings the first forward, or says where it runs."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from planner.services import maintenance
from planner.ui.window import instance

ROOT = Path(__file__).resolve().parents[2]

SECOND_START = """
import sys
from planner.ui.window import instance
claimed = instance.claim(sys.argv[1])
if claimed.guard is not None:
    print("FIRST")
    sys.exit(5)
sys.exit(instance.report_second_start(claimed, show_box=False))
"""

HOLD = """
import sys, time
from planner.ui.window import instance
claimed = instance.claim(sys.argv[1])
print("HELD" if claimed.guard is not None else "NOT", flush=True)
time.sleep(600)
"""


@pytest.fixture
def url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'desk.sqlite3'}"


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}


def test_a_second_start_brings_the_first_window_forward_and_exits(qtbot, url):
    """Started twice on one database: the second process asks the first to come forward and exits 0;
    the first window, minimised, is shown again."""
    claimed = instance.claim(url)
    assert claimed.guard is not None
    window = QMainWindow()
    qtbot.addWidget(window)
    window.show()
    window.showMinimized()
    claimed.guard.activation_requested.connect(lambda: instance.bring_forward(window))
    with qtbot.waitSignal(claimed.guard.activation_requested, timeout=20_000):
        second = subprocess.Popen([sys.executable, "-c", SECOND_START, url], cwd=ROOT, env=_env(),
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = second.communicate(timeout=30)
    assert second.returncode == 0, (out, err)
    assert "already open" in err and "brought to the front" in err
    assert not window.windowState() & Qt.WindowState.WindowMinimized
    assert window.isVisible()
    claimed.guard.release()


def test_a_lock_held_elsewhere_gives_a_message_naming_where(url, tmp_path):
    """When the holder cannot be reached (another computer on a shared folder), the second start says
    which computer has it open and what to do."""
    lock = instance.instance_lock_path(url)
    lock.parent.mkdir(parents=True, exist_ok=True)
    lock.write_text("4242\nherstelplan\nbalie-2\n")
    claimed = instance.claim(url)
    assert claimed.guard is None and not claimed.forwarded
    assert "4242" in claimed.message and "balie-2" in claimed.message and "Close it there first" in claimed.message


def test_a_crashed_programs_lock_is_taken_over(url):
    """A program killed while holding the lock does not block the next start."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD, url], cwd=ROOT, env=_env(), stdout=subprocess.PIPE,
                              text=True)
    try:
        assert holder.stdout.readline().strip() == "HELD"
        assert instance.claim(url).guard is None  # still running: held
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    claimed = instance.claim(url)
    assert claimed.guard is not None
    claimed.guard.release()


def test_the_command_line_sees_the_windows_lock(url):
    """`restore` on the command line reads the same lock file (without Qt) and finds this process."""
    claimed = instance.claim(url)
    try:
        holder = maintenance.instance_holder(url)
        assert holder is not None and str(os.getpid()) in holder
    finally:
        claimed.guard.release()
    assert maintenance.instance_holder(url) is None
    assert instance.claim(url).guard is not None


def test_different_databases_do_not_block_each_other(tmp_path):
    """Two databases, two programs: each gets its own lock and its own socket name."""
    first = instance.claim(f"sqlite:///{tmp_path / 'a.sqlite3'}")
    second = instance.claim(f"sqlite:///{tmp_path / 'b.sqlite3'}")
    assert first.guard is not None and second.guard is not None
    assert first.guard.name != second.guard.name
    first.guard.release()
    second.guard.release()
