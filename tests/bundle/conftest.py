"""The bundle tests build the one-folder program once per run (`make bundle` into a temporary folder),
unpack the archive and run what was unpacked the way a practice would: no virtual environment, no
Python on the PATH, a fresh data folder."""

from __future__ import annotations

import re
import shutil
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from planner import __version__

ROOT = Path(__file__).resolve().parents[2]
# The build takes half a minute on an idle machine and several on a busy one.
BUILD_TIMEOUT_S = 1200


@dataclass(frozen=True)
class Bundle:
    built: Path  # dist/Herstelplan as `make bundle` left it
    archive: Path  # dist/Herstelplan-VERSION-linux-ARCH.tar.gz
    folder: Path  # the archive unpacked elsewhere: what the tests run
    build_s: float

    @property
    def program(self) -> Path:
        return self.folder / "Herstelplan"

    @property
    def internal(self) -> Path:
        return self.folder / "_internal"


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Bundle:
    import time

    if shutil.which("make") is None:
        pytest.fail("make is not installed")
    out = tmp_path_factory.mktemp("bundle")
    started = time.monotonic()
    done = subprocess.run(["make", "-s", "-C", str(ROOT), "bundle", f"DIST={out / 'dist'}", f"WORK={out / 'work'}"],
                          capture_output=True, text=True, timeout=BUILD_TIMEOUT_S)
    build_s = time.monotonic() - started
    assert done.returncode == 0, (done.stdout + done.stderr)[-4000:]
    archives = list((out / "dist").glob("Herstelplan-*.tar.gz"))
    assert len(archives) == 1, archives
    unpacked = out / "practice"
    unpacked.mkdir()
    with tarfile.open(archives[0]) as tar:
        tar.extractall(unpacked, filter="tar")
    return Bundle(built=out / "dist" / "Herstelplan", archive=archives[0], folder=unpacked / "Herstelplan",
                  build_s=build_s)


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a practice's desktop: a home and a data folder of its own, a PATH with no
    Python on it, no virtual environment, and none of the test run's variables."""
    nobin = home / "empty-bin"
    nobin.mkdir(parents=True, exist_ok=True)
    env = {"HOME": str(home), "PATH": str(nobin), "LANG": "C.UTF-8",
           "HERSTELPLAN_DATA_DIR": str(home / "data"), "HERSTELPLAN_USER": "practice-therapist"}
    env.update(extra)
    assert shutil.which("python3", path=env["PATH"]) is None and shutil.which("python", path=env["PATH"]) is None
    return env


def run(bundle: Bundle, *args: str, env: dict[str, str], cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    done = subprocess.run([str(bundle.program), *args], env=env, cwd=cwd, capture_output=True, text=True,
                          timeout=timeout)
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    return done


def version_pattern() -> re.Pattern[str]:
    return re.compile(rf"^Herstelplan {re.escape(__version__)}$")


__all__ = ["Bundle", "clean_env", "run", "version_pattern", "ROOT"]
