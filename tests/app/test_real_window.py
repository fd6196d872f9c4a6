"""The real program on a real X display (Xvfb): it starts, paints, opens the database and fills its
panels, then quits on request. Catches what offscreen widget tests cannot, such as a start-up that
waits on itself before the first paint."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def x_display():
    """A private Xvfb display for this module (installed by `make test`; never skipped)."""
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is not installed; run `make system-deps` (as root)")
    display = f":{random.randint(200, 400)}"
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


@pytest.mark.parametrize("flag", ["--quit-after-first-paint", "--quit-when-ready"])
def test_program_starts_paints_and_gets_ready_on_a_real_display(x_display, db_path, flag):
    """`python main.py` on X11 reaches the first paint and a ready window, then exits cleanly."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=x_display, QT_QPA_PLATFORM="xcb", HERSTELPLAN_DATABASE_URL=f"sqlite:///{db_path}")
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), flag], env=env, capture_output=True,
                          text=True, timeout=90)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "Traceback" not in done.stderr


def test_a_second_start_on_the_same_database_brings_the_first_forward(x_display, db_path):
    """Starting Herstelplan again on an open database does not open it twice: the second start says
    so and ends, and the first program keeps running."""
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=x_display, QT_QPA_PLATFORM="xcb", HERSTELPLAN_DATABASE_URL=f"sqlite:///{db_path}")
    first = subprocess.Popen([sys.executable, str(ROOT / "main.py")], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    try:
        second = None
        for _ in range(60):  # until the first holds the database
            time.sleep(0.5)
            second = subprocess.run([sys.executable, str(ROOT / "main.py"), "--quit-when-ready"], env=env,
                                    capture_output=True, text=True, timeout=90)
            if "already" in second.stderr:
                break
        assert second is not None and "already open" in second.stderr, second.stderr[-1000:]
        assert second.returncode == 0  # the first window came forward
        assert first.poll() is None  # and the first program is still running
    finally:
        first.terminate()
        first.wait(timeout=30)
