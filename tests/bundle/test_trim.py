"""The rules in packaging/trim.py: what they leave out and what they keep, on every system's names."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))

import trim  # noqa: E402


@pytest.mark.parametrize("name", [
    "PySide6/Qt/lib/libQt6Quick.so.6", "PySide6/Qt/lib/libQt6QmlModels.so.6", "libQt6VirtualKeyboard.so.6",
    "PySide6/Qt/lib/libQt6WaylandClient.so.6", "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", "PySide6/Qt/plugins/tls/libqopensslbackend.so",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so", "PySide6/Qt/translations/qt_nl.qm",
    "PySide6\\Qt6Quick.dll", "PySide6/Qt/lib/QtQuick.framework/Versions/A/QtQuick",
])
def test_left_out(name: str):
    assert trim._excluded(name)


@pytest.mark.parametrize("name", [
    "PySide6/Qt/lib/libQt6Widgets.so.6", "PySide6/Qt/lib/libQt6Pdf.so.6", "PySide6/Qt/lib/libQt6PdfWidgets.so.6",
    "PySide6/Qt/lib/libQt6Svg.so.6", "PySide6/Qt/lib/libQt6PrintSupport.so.6", "PySide6/Qt/lib/libQt6Network.so.6",
    "PySide6/Qt/lib/libQt6XcbQpa.so.6", "PySide6/Qt/lib/libQt6DBus.so.6", "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so", "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    "PySide6/Qt/translations/qtbase_nl.qm", "PySide6\\Qt6Widgets.dll", "PySide6\\Qt6Pdf.dll",
    "PySide6/Qt/lib/QtPdfWidgets.framework/Versions/A/QtPdfWidgets",
])
def test_kept(name: str):
    assert not trim._excluded(name)


def test_the_python_packages_the_program_needs_are_not_excluded():
    needed = {"planner", "sqlalchemy", "alembic", "mako", "reportlab", "svglib", "lxml", "lxml.etree", "PIL",
              "psycopg", "platformdirs", "PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg",
              "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtPrintSupport", "PySide6.QtNetwork"}
    assert not needed & set(trim.EXCLUDED_PYTHON)
