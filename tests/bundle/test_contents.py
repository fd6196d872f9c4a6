"""What is inside the bundle: every Qt module the program imports (and what those link to), the
resources, and not the Qt parts and Python packages the program never uses."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from tests.bundle.conftest import ROOT, Bundle

pytestmark = pytest.mark.timeout(1500)

SIZE_LIMIT_MB = 180


def imported_qt_modules() -> set[str]:
    """The PySide6 modules imported anywhere in planner/ (`PySide6.QtX` and `from PySide6 import QtX`)."""
    found: set[str] = set()
    for path in (ROOT / "planner").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        found.update(re.findall(r"\bPySide6\.(Qt\w+)", source))
        lists = re.findall(r"^\s*from PySide6 import \(([^)]*)\)", source, re.M)
        lists += re.findall(r"^\s*from PySide6 import ([\w ,]+)$", source, re.M)
        for names in lists:
            found.update(name.strip() for name in names.split(",") if re.fullmatch(r"Qt\w+", name.strip()))
    return found


def test_the_program_imports_the_qt_modules_we_expect():
    """The scan itself works: it finds the modules a glance at planner/ shows."""
    assert {"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtPdf", "QtPdfWidgets", "QtPrintSupport",
            "QtNetwork"} <= imported_qt_modules()
    assert all(re.fullmatch(r"Qt\w+", name) for name in imported_qt_modules())


def _ldd(path: Path, library_path: str) -> str:
    done = subprocess.run(["ldd", str(path)], capture_output=True, text=True, timeout=60,
                          env={"LD_LIBRARY_PATH": library_path, "PATH": "/usr/bin:/bin"})
    return done.stdout + done.stderr


def test_every_qt_module_the_program_imports_is_inside_and_links(bundle: Bundle):
    """For each Qt module imported in planner/: its Python binding and its Qt library are in the bundle,
    and every library they need is found (in the bundle or on the machine)."""
    pyside = bundle.internal / "PySide6"
    library_path = ":".join(str(p) for p in (bundle.internal, pyside / "Qt" / "lib"))
    for module in sorted(imported_qt_modules()):
        binding = pyside / f"{module}.abi3.so"
        library = pyside / "Qt" / "lib" / f"libQt6{module[2:]}.so.6"
        assert binding.is_file(), f"{module}: {binding.name} is not in the bundle"
        assert library.is_file(), f"{module}: {library.name} is not in the bundle"
        for path in (binding, library):
            linked = _ldd(path, library_path)
            assert "not found" not in linked, f"{path.name}:\n{linked}"


def test_plugins_the_window_and_printing_need_are_inside(bundle: Bundle):
    plugins = bundle.internal / "PySide6" / "Qt" / "plugins"
    for plugin in ("platforms/libqxcb.so", "platforms/libqoffscreen.so", "imageformats/libqsvg.so",
                   "imageformats/libqjpeg.so", "iconengines/libqsvgicon.so",
                   "printsupport/libcupsprintersupport.so",
                   "platforminputcontexts/libcomposeplatforminputcontextplugin.so"):
        assert (plugins / plugin).is_file(), plugin
    for plugin in plugins.rglob("*.so"):
        linked = _ldd(plugin, f"{bundle.internal}:{bundle.internal / 'PySide6' / 'Qt' / 'lib'}")
        assert "not found" not in linked, f"{plugin.name}:\n{linked}"


def test_the_qt_parts_never_loaded_and_the_test_tools_are_left_out(bundle: Bundle):
    names = {path.name for path in bundle.internal.rglob("*")}
    for pattern in (r"libQt6Qml", r"libQt6Quick", r"libQt6VirtualKeyboard", r"libQt6WebEngine", r"libQt6Wayland",
                    r"libQt6Wl", r"libQt63D", r"libQt6Multimedia", r"libqwayland", r"libqtvirtualkeyboard",
                    r"^libqgtk3", r"^qt_\w+\.qm$"):
        assert not [n for n in names if re.search(pattern, n)], pattern
    from PyInstaller.archive.readers import CArchiveReader

    modules = {name.split(".")[0] for name in CArchiveReader(str(bundle.program)).open_embedded_archive("PYZ.pyz").toc}
    assert {"planner", "sqlalchemy", "alembic", "reportlab", "svglib", "psycopg", "platformdirs", "babel"} <= modules
    for package in ("pytest", "_pytest", "pytestqt", "hypothesis", "pypdf", "PyInstaller", "pygments",
                    "importlinter", "unittest", "tkinter"):
        assert package not in modules, package
        assert not (bundle.internal / package).exists(), package


def test_resources_migrations_fonts_and_translations_are_inside(bundle: Bundle):
    internal = bundle.internal
    for rel in ("resources/fonts/DejaVuSans.ttf", "resources/icons/herstelplan.svg", "alembic.ini",
                "migrations/env.py", "PySide6/Qt/translations/qtbase_nl.qm"):
        assert (internal / rel).is_file(), rel
    assert sorted(p.name for p in (internal / "migrations" / "versions").glob("*.py")) == \
        sorted(p.name for p in (ROOT / "migrations" / "versions").glob("*.py"))
    assert len(list((internal / "resources" / "illustrations").glob("*.svg"))) == \
        len(list((ROOT / "resources" / "illustrations").glob("*.svg")))
    assert list((internal / "resources" / "locale").rglob("*.po")), "the program's own translations"


def test_the_folder_is_small_and_the_archive_is_named_for_the_version(bundle: Bundle):
    from planner import __version__

    size_mb = sum(p.stat().st_size for p in bundle.folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    assert size_mb < SIZE_LIMIT_MB, f"{size_mb:.0f} MB"
    assert re.fullmatch(rf"Herstelplan-{re.escape(__version__)}-linux-\w+\.tar\.gz", bundle.archive.name)
    for rel in ("Herstelplan", "install.sh", "share/applications/herstelplan.desktop",
                "share/icons/hicolor/scalable/apps/herstelplan.svg"):
        assert (bundle.folder / rel).exists(), rel
