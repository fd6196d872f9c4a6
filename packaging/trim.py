"""What the bundle leaves out: the Qt parts Herstelplan never loads and the test/build-only packages.

Used by packaging/herstelplan.spec on the Analysis tables (entries are (name in the bundle, source,
kind)); tests/bundle checks that what the program imports is still inside.
"""

from __future__ import annotations

import fnmatch
import sys
from pathlib import Path, PurePosixPath

# Python packages that only the tests, the linters or the build use, and optional extras that
# libraries try to import (mako's Pygments plug-in, Tk, the docs tools).
EXCLUDED_PYTHON = [
    "pytest", "_pytest", "pytestqt", "hypothesis", "pypdf", "ruff", "importlinter", "grimp",
    "PyInstaller", "setuptools", "pkg_resources", "pip", "pygments", "rich", "markdown_it", "click",
    "tkinter", "_tkinter", "turtle", "unittest", "doctest", "pydoc", "lib2to3", "IPython", "numpy",
    # parts of libraries the program does not use: svglib needs lxml.etree only; ReportLab reads PNG
    # and JPEG through Pillow (AVIF alone brings 5 MB of codecs)
    "lxml.objectify", "lxml.html", "lxml.isoschematron", "PIL._avif", "PIL._imagingtk", "PIL.ImageTk",
    "PIL.ImageQt",
    # Qt modules never imported (their Python wrappers; the libraries go below)
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets", "PySide6.QtWebEngineCore", "PySide6.QtWebEngineWidgets",
    "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets", "PySide6.Qt3DCore", "PySide6.QtCharts",
    "PySide6.QtDataVisualization", "PySide6.QtGraphs", "PySide6.QtVirtualKeyboard", "PySide6.QtTest",
    "PySide6.QtDesigner", "PySide6.QtUiTools", "PySide6.QtSql", "PySide6.QtBluetooth",
    "PySide6.QtPositioning", "PySide6.QtLocation", "PySide6.QtSerialPort", "PySide6.QtWebSockets",
]

# Qt libraries, plug-ins and translations left out (patterns on the path inside the bundle).
_QT = "PySide6/Qt"
# Qt libraries never loaded, named as on Linux (libQt6X.so.6), Windows (Qt6X.dll) and macOS (QtX.framework).
_UNUSED_QT_LIBRARIES = ("Qml", "Quick", "VirtualKeyboard", "ShaderTools", "3D", "Multimedia", "WebEngine",
                        "WebChannel", "WebSockets", "Charts", "Graphs", "DataVisualization", "Designer",
                        "Location", "Positioning", "Sensors", "SerialPort", "Bluetooth", "Nfc", "Sql",
                        "Test", "Help", "UiTools", "RemoteObjects", "Scxml", "SpatialAudio", "TextToSpeech")
EXCLUDED_QT = [
    *(pattern for name in _UNUSED_QT_LIBRARIES
      for pattern in (f"libQt6{name}*", f"Qt6{name}*.dll", f"*/Qt{name}*.framework/*")),
    # Linux only: OpenGL (only the parts above and EGLFS use it), Wayland (on a Wayland desktop Qt
    # uses XWayland through the xcb plug-in) and EGLFS (kiosks without a desktop)
    "libQt6OpenGL*", "libQt6Wayland*", "libQt6Wl*", "libQt6EglFS*", "libQt6EglFs*",
    f"{_QT}/plugins/wayland-*/*", f"{_QT}/plugins/egldeviceintegrations/*",
    f"{_QT}/plugins/generic/*", f"{_QT}/plugins/networkinformation/*", f"{_QT}/plugins/tls/*",
    f"{_QT}/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    f"{_QT}/plugins/platformthemes/libqgtk3.so",
    *(f"{_QT}/plugins/platforms/libq{name}.so"
      for name in ("eglfs", "linuxfb", "minimalegl", "vkkhrdisplay", "vnc", "wayland",
                   "wayland-egl", "wayland-generic")),
    # picture formats: the program reads PNG (built in), JPEG and SVG (planner/ui/images.py)
    *(f"{_QT}/plugins/imageformats/libq{name}.so" for name in ("tiff", "webp", "tga", "wbmp", "icns", "pdf")),
    # Qt's translations: the program installs qtbase_<lang> only (planner/ui/qt_translations.py)
    f"{_QT}/translations/qt_*.qm", f"{_QT}/translations/qt_help_*.qm",
]

# Loaded with dlopen at run time (no NEEDED entry names them): never pruned.
DLOPENED = ["libdbus-1.so*", "libpython*"]


def _excluded(name: str) -> bool:
    path = PurePosixPath(name.replace("\\", "/"))
    return any(fnmatch.fnmatch(path.name, pattern) if "/" not in pattern
               else fnmatch.fnmatch(path.as_posix(), pattern) for pattern in EXCLUDED_QT)


def _shipped_languages() -> set[str]:
    """The languages the program speaks: English (the source) and every catalogue folder."""
    locale = Path(__file__).resolve().parent.parent / "resources" / "locale"
    return {"en", "root", *(p.name for p in locale.iterdir() if p.is_dir())}


def _unused_babel_locale(name: str) -> bool:
    """Babel's data for locales no shipped language uses (30 MB for 1,000 locales): nl, nl_BE, en_GB
    ... stay; a new language is a catalogue folder and its locale data follows by itself."""
    path = PurePosixPath(name.replace("\\", "/"))
    if "locale-data" not in path.parts or path.suffix != ".dat":
        return False
    return path.stem.split("_")[0] not in _shipped_languages()


def _unused_qt_translation(name: str) -> bool:
    """Qt's own translations of languages the program does not speak (it loads qtbase_<lang> only)."""
    path = PurePosixPath(name.replace("\\", "/"))
    if path.parent.name != "translations" or path.suffix != ".qm" or not path.stem.startswith("qtbase_"):
        return False
    return path.stem.removeprefix("qtbase_").split("_")[0] not in _shipped_languages()


def datas(entries: list) -> list:
    return [entry for entry in entries if not _excluded(entry[0]) and not _unused_babel_locale(entry[0])
            and not _unused_qt_translation(entry[0])]


def _needed(source: str) -> dict[str, bool]:
    """The libraries `source` links to: base name -> whether the build machine has it."""
    from PyInstaller.depend import bindepend

    return {PurePosixPath(str(name).replace("\\", "/")).name: path is not None
            for name, path in bindepend.get_imports(source)}


def binaries(entries: list) -> list:
    """Drop the excluded Qt files, then every library that only they needed (the GTK theme's Cairo
    and Pango, Wayland's libraries, ...): a shared library stays only when an extension module,
    a plug-in or another kept library links to it (or it is loaded with dlopen)."""
    kept = [entry for entry in entries if not _excluded(entry[0])]
    files = {entry[0]: entry for entry in kept if entry[2] != "SYMLINK"}
    links = {entry[0]: entry[1] for entry in kept if entry[2] == "SYMLINK"}

    def is_root(name: str, kind: str) -> bool:
        base = PurePosixPath(name.replace("\\", "/"))
        return (kind == "EXTENSION" or "/plugins/" in base.as_posix()
                or any(fnmatch.fnmatch(base.name, pattern) for pattern in DLOPENED))

    if not sys.platform.startswith("linux"):
        return kept  # the pruning reads ELF files; elsewhere only the explicit rules apply
    by_base: dict[str, list[str]] = {}
    for name in files:
        by_base.setdefault(PurePosixPath(name).name, []).append(name)
    for link, target in links.items():
        resolved = (PurePosixPath(link).parent / target).as_posix()
        by_base.setdefault(PurePosixPath(link).name, []).append(resolved)
    from PyInstaller.depend.dylib import include_library

    reached: set[str] = set()
    missing: set[str] = set()
    todo = [name for name, entry in files.items() if is_root(name, entry[2])]
    while todo:
        name = todo.pop()
        if name in reached or name not in files:
            continue
        reached.add(name)
        for base, found in _needed(files[name][1]).items():
            todo.extend(by_base.get(base, []))
            if base not in by_base and not found and include_library(base):
                missing.add(f"{base} (for {PurePosixPath(name).name})")
    if missing:
        raise SystemExit("bundle: this build machine lacks libraries the bundle must carry: "
                         f"{', '.join(sorted(missing))}. Install Qt's runtime libraries first "
                         "(`sudo make system-deps` on Debian) and build again.")
    result = [entry for name, entry in files.items() if name in reached]
    result += [entry for name, entry in ((n, (n, t, "SYMLINK")) for n, t in links.items())
               if (PurePosixPath(name).parent / entry[1]).as_posix() in reached]
    dropped = sorted(set(files) - reached)
    print(f"trim: left out {len(entries) - len(result)} binaries; pruned as unneeded: {', '.join(dropped)}")
    return result
