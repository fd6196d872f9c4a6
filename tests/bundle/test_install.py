"""install.sh puts Herstelplan in one user's ~/.local (program, command, menu entry, icons), an
update keeps the data, and --uninstall takes the program away and leaves the data."""

from __future__ import annotations

import configparser
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from tests.bundle.conftest import Bundle, version_pattern

pytestmark = pytest.mark.timeout(1500)

SIZES = (16, 22, 24, 32, 48, 64, 128, 256)


def _sh(args: list[str], home: Path, cwd: Path) -> subprocess.CompletedProcess:
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    return subprocess.run(args, env=env, cwd=cwd, capture_output=True, text=True, timeout=300)


def test_install_update_and_uninstall_for_one_user(bundle: Bundle, tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    unpacked = tmp_path / "Downloads" / "Herstelplan"
    shutil.copytree(bundle.folder, unpacked, symlinks=True)

    done = _sh([str(unpacked / "install.sh")], home, tmp_path)
    assert done.returncode == 0, done.stderr
    assert "is installed" in done.stdout
    shutil.rmtree(unpacked)  # the download can go: the program was copied

    command = home / ".local" / "bin" / "herstelplan"
    version = _sh([str(command), "--version"], home, tmp_path)
    assert version.returncode == 0 and version_pattern().match(version.stdout.strip()), version

    desktop = home / ".local" / "share" / "applications" / "herstelplan.desktop"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(desktop, encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Name"] == "Herstelplan" and section["Icon"] == "herstelplan"
    if shutil.which("desktop-file-validate") is None:
        pytest.fail("desktop-file-validate is not installed; run `make system-deps` (as root)")
    valid = subprocess.run(["desktop-file-validate", str(desktop)], capture_output=True, text=True)
    assert valid.returncode == 0 and "error" not in valid.stdout, valid.stdout
    program = shlex.split(section["Exec"])[0]
    assert Path(program).is_file() and Path(section["TryExec"]) == Path(program)
    assert _sh([program, "--version"], home, tmp_path).returncode == 0

    icons = home / ".local" / "share" / "icons" / "hicolor"
    for size in SIZES:
        with Image.open(icons / f"{size}x{size}" / "apps" / "herstelplan.png") as image:
            assert image.size == (size, size)
            assert image.getpixel((size // 2, size // 8))[3] == 255  # drawn, not an empty square
    assert (icons / "scalable" / "apps" / "herstelplan.svg").is_file()

    # A day's work in the default data folder, then an update: the data stays.
    demo = _sh([str(command), "demo"], home, tmp_path)
    assert demo.returncode == 0, demo.stderr
    database = home / ".local" / "share" / "Herstelplan" / "herstelplan.sqlite3"
    assert database.is_file()
    before = database.stat().st_size
    again = _sh([str(bundle.folder / "install.sh")], home, tmp_path)
    assert again.returncode == 0, again.stderr
    assert database.is_file() and database.stat().st_size >= before
    assert _sh([str(command), "--version"], home, tmp_path).returncode == 0

    gone = _sh([str(bundle.folder / "install.sh"), "--uninstall"], home, tmp_path)
    assert gone.returncode == 0, gone.stderr
    assert not command.exists() and not command.is_symlink()
    assert not desktop.exists()
    assert not (home / ".local" / "lib" / "herstelplan").exists()
    assert not list(icons.rglob("herstelplan.*"))
    assert database.is_file(), "uninstalling must never remove the patients' data"


def test_install_refuses_an_unknown_option(bundle: Bundle, tmp_path: Path):
    done = _sh([str(bundle.folder / "install.sh"), "--everything"], tmp_path, tmp_path)
    assert done.returncode == 2
    assert "unknown option" in done.stderr
    assert not (tmp_path / ".local").exists()
