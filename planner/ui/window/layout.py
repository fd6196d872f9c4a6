"""Pane sizes of the main window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

INSPECTOR_HEIGHT = 336  # a strength block's heading and all its dosage fields


def fit_docks(window: QMainWindow, docks: dict[str, QDockWidget]) -> None:
    """Pane sizes for the window's size (1280×800 up): the patients a fifth of the width, the library
    and inspector a quarter; the inspector as high as a block's dosage fields need (up to half the
    column), the library the rest."""
    width, height = window.width(), window.height()
    left = max(250, min(320, round(width * 0.2)))
    right = max(320, min(440, round(width * 0.26)))
    window.resizeDocks([docks["patients"], docks["library"]], [left, right], Qt.Orientation.Horizontal)
    column = docks["library"].height() + docks["inspector"].height()
    if column < 300:  # not laid out yet: the height less the menu bar, toolbar and status bar
        column = height - 80
    inspector = min(INSPECTOR_HEIGHT, column // 2) if column < 2 * INSPECTOR_HEIGHT else round(column * 0.48)
    window.resizeDocks([docks["library"], docks["inspector"]], [column - inspector, inspector],
                       Qt.Orientation.Vertical)
