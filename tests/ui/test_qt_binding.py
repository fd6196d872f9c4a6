"""The pinned Qt binding is sound: void calls do not leak references to None (PySide6 6.12.0 did,
which ends a long session with 'Fatal Python error: none_dealloc' on Python 3.11)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_keep_none_refcount_stable(qtbot):
    """A thousand setText calls leave the reference count of None where it was."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("x")
    assert abs(sys.getrefcount(None) - before) < 50
