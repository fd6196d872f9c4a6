"""The rules in packaging/trim.py: what they leave out and what they keep, on every system's names."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))

import trim


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


def test_babel_keeps_the_locale_data_of_shipped_languages_only():
    """Babel's 1,000 locales cost 30 MB: the bundle keeps root, English and every catalogue's language."""
    keep = ["babel/locale-data/nl.dat", "babel/locale-data/nl_BE.dat", "babel/locale-data/en_GB.dat",
            "babel/locale-data/root.dat", "babel/global.dat"]
    drop = ["babel/locale-data/fr.dat", "babel/locale-data/zh_Hant_HK.dat"]
    assert [trim._unused_babel_locale(n) for n in keep] == [False] * len(keep)
    assert all(trim._unused_babel_locale(n) for n in drop)


def test_qt_keeps_its_translations_of_shipped_languages_only():
    assert not trim._unused_qt_translation("PySide6/Qt/translations/qtbase_nl.qm")
    assert trim._unused_qt_translation("PySide6/Qt/translations/qtbase_ja.qm")
    assert not trim._unused_qt_translation("PySide6/Qt/translations/qtmultimedia_ja.qm")  # other rules


def test_the_python_packages_the_program_needs_are_not_excluded():
    needed = {"planner", "sqlalchemy", "alembic", "mako", "reportlab", "svglib", "lxml", "lxml.etree", "PIL",
              "psycopg", "platformdirs", "PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets", "PySide6.QtSvg",
              "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtPrintSupport", "PySide6.QtNetwork"}
    assert not needed & set(trim.EXCLUDED_PYTHON)


@pytest.fixture
def links(monkeypatch):
    """A made-up table of which library links to which, instead of reading ELF files."""
    table: dict[str, dict[str, bool]] = {}
    monkeypatch.setattr(trim, "_needed", lambda source: table.get(source, {}))
    monkeypatch.setattr(trim.sys, "platform", "linux")
    return table


def test_libraries_only_left_out_parts_needed_are_pruned(links):
    links.update({
        "/src/QtWidgets.so": {"libQt6Widgets.so.6": True},
        "/src/libQt6Widgets.so.6": {"libfontconfig.so.1": True},
        "/src/libqgtk3.so": {"libcairo.so.2": True},
        "/src/libfontconfig.so.1": {}, "/src/libcairo.so.2": {}, "/src/libdbus-1.so.3": {},
    })
    entries = [
        ("PySide6/QtWidgets.abi3.so", "/src/QtWidgets.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "/src/libQt6Widgets.so.6", "BINARY"),
        ("libQt6Widgets.so.6", "PySide6/Qt/lib/libQt6Widgets.so.6", "SYMLINK"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/src/libqgtk3.so", "BINARY"),
        ("libfontconfig.so.1", "/src/libfontconfig.so.1", "BINARY"),
        ("libcairo.so.2", "/src/libcairo.so.2", "BINARY"),
        ("libdbus-1.so.3", "/src/libdbus-1.so.3", "BINARY"),  # dlopen'ed by QtDBus: kept
    ]
    kept = {entry[0] for entry in trim.binaries(entries)}
    assert kept == {"PySide6/QtWidgets.abi3.so", "PySide6/Qt/lib/libQt6Widgets.so.6", "libQt6Widgets.so.6",
                    "libfontconfig.so.1", "libdbus-1.so.3"}


def test_a_library_missing_on_the_build_machine_stops_the_build(links):
    links["/src/libqxcb.so"] = {"libxcb-cursor.so.0": False, "libGL.so.1": False}  # libGL: the machine's own
    entries = [("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/libqxcb.so", "BINARY")]
    with pytest.raises(SystemExit, match=r"lacks .*libxcb-cursor\.so\.0 \(for libqxcb\.so\)") as stop:
        trim.binaries(entries)
    assert "libGL" not in str(stop.value)
