"""A copy of what a child Python needs (the `planner` package, its migrations and library, and the
installed packages it imports) in a folder every user may read.

Tests that run Python as an unprivileged user ('nobody', when the suite runs as root) cannot use
the checkout itself: a newcomer or CI may clone it inside a folder only its owner may enter (a
`mktemp -d` folder is 0700), and the virtual environment lies inside the checkout too.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_FROM_CHECKOUT = ("planner", "migrations", "resources/library", "resources/locale")
_IGNORE = shutil.ignore_patterns("__pycache__", "*.pyc")


def _imported_packages(imports: str) -> set[Path]:
    """Top-level files and folders in site-packages that `imports` loads (asked of a child)."""
    site = sysconfig.get_paths()["purelib"]
    probe = (
        f"{imports}\n"
        "import json, sys\n"
        "print(json.dumps(sorted({getattr(m, '__file__', None) or '' for m in list(sys.modules.values())})))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT,
                          check=True, timeout=120)
    found: set[Path] = set()
    for name in json.loads(done.stdout.strip().splitlines()[-1]):
        if name.startswith(site + os.sep):
            top = Path(site) / Path(name).relative_to(site).parts[0]
            if top.name != "planner":
                found.add(top)
    return found


def _python_for(prefix: list[str]) -> str:
    """A Python of this version that the user of `prefix` may run (the virtual environment, and
    even the interpreter it links to, may lie in folders only their owner may enter)."""
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    candidates = [sys.executable, os.path.realpath(sys.executable), getattr(sys, "_base_executable", ""),
                  shutil.which(f"python{version}") or "", f"/usr/bin/python{version}",
                  f"/usr/local/bin/python{version}"]
    check = f"import sys; assert '%d.%d' % sys.version_info[:2] == {version!r}"
    for candidate in dict.fromkeys(c for c in candidates if c):
        try:
            done = subprocess.run([*prefix, candidate, "-s", "-c", check], capture_output=True, cwd="/",
                                  timeout=60, env={"PATH": os.environ.get("PATH", "")})
        except OSError:
            continue
        if done.returncode == 0:
            return candidate
    raise RuntimeError(f"no Python {version} that {prefix or 'this user'} may run")


def make_readable_copy(imports: str, prefix: list[str] = ()) -> tuple[Path, list[str], dict[str, str]]:
    """(folder, python command, environment) for running a child as the user of `prefix`.

    The folder (mode 0755, under /tmp) holds the package and what `imports` needs, and the
    command is a Python that user may run. The caller removes the folder.
    """
    folder = Path(tempfile.mkdtemp(prefix="herstelplan-code-", dir="/tmp"))
    folder.chmod(0o755)
    for part in _FROM_CHECKOUT:
        source = ROOT / part
        if source.exists():
            shutil.copytree(source, folder / part, ignore=_IGNORE)
    site = folder / "site"
    site.mkdir()
    for top in _imported_packages(imports):
        if top.is_dir():
            shutil.copytree(top, site / top.name, ignore=_IGNORE)
        elif top.is_file():
            shutil.copy2(top, site / top.name)
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    env = {**os.environ, "PYTHONPATH": f"{folder}{os.pathsep}{site}", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("VIRTUAL_ENV", None)
    return folder, [_python_for(list(prefix)), "-s"], env
