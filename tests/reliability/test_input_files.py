"""Plan files are read only when they are regular files, and never past the size limit (issue 14: 3)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from planner.services import transfer

ROOT = Path(__file__).resolve().parents[2]


def _refused_quickly(path: Path) -> str:
    started = time.monotonic()
    with pytest.raises(transfer.TransferError) as caught:
        transfer.read_file(path)
    assert time.monotonic() - started < 5
    return str(caught.value)


def test_a_link_to_dev_zero_is_refused_without_reading_it(tmp_path):
    """A plan file that is a link to /dev/zero would grow without end: refused before reading."""
    link = tmp_path / "plan.json"
    link.symlink_to("/dev/zero")
    message = _refused_quickly(link)
    assert "not a regular file" in message and "Nothing was changed" in message


def test_a_fifo_is_refused_without_waiting(tmp_path):
    """A named pipe would wait for a writer for ever: refused at once."""
    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)
    assert "not a regular file" in _refused_quickly(fifo)


def test_a_folder_is_refused(tmp_path):
    assert "not a regular file" in _refused_quickly(tmp_path)


def test_the_command_line_says_one_line_for_a_device(db_path, tmp_path):
    """`import` with a link to /dev/zero and with a FIFO: one line, exit 1, no traceback, no hang."""
    link = tmp_path / "zero.json"
    link.symlink_to("/dev/zero")
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    env = {**os.environ, "HERSTELPLAN_DATABASE_URL": f"sqlite:///{db_path}"}
    for path in (link, fifo):
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(path)],
                              capture_output=True, text=True, env=env, timeout=60)
        assert done.returncode == 1, done.stderr
        assert "not a regular file" in done.stderr and "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1


def test_the_window_refuses_a_device_with_a_message(qtbot, db, tmp_path, monkeypatch):
    """Import… in the window uses the same reader: a FIFO gives a message, not a hang."""
    from planner.i18n import set_language
    from planner.ui.files.transfer_dialog import TransferActions

    set_language("en")

    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    actions = TransferActions(db)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(fifo), ""))
    actions.import_plan()
    assert "not a regular file" in actions.last_message.text()
    actions.last_message.close()
