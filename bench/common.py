"""Shared bench helpers: the large data set, medians, whole-process timing and peak memory."""

from __future__ import annotations

import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
LARGE = OUT / "large.sqlite3"
PYTHON = sys.executable

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def bench_env(*, data_dir: Path | None = None, **extra: str) -> dict[str, str]:
    """The environment of every measured process: offscreen Qt, a private data folder, and byte-code
    caching on (in bench/out/pycache, so the tree stays clean): an installed program has its .pyc
    files, and a run that compiles every module would measure the compiler, not the program."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "HERSTELPLAN_DATA_DIR": str(data_dir or OUT / "data"),
           "PYTHONPYCACHEPREFIX": str(OUT / "pycache"), **extra}
    env.pop("HERSTELPLAN_DATABASE_URL", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _scalar(path: Path, sql: str) -> object:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute(sql).fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def schema_revision(path: Path) -> str | None:
    """The Alembic revision stored in a SQLite file (None when there is none)."""
    return _scalar(path, "SELECT version_num FROM alembic_version")  # type: ignore[return-value]


def dataset(path: Path) -> dict[str, int]:
    """How many patients, plans, plan items, check-ins and library blocks a data set holds."""
    return {table: int(_scalar(path, f"SELECT count(*) FROM {table}") or 0)  # noqa: S608 - fixed names
            for table in ("patients", "plans", "plan_items", "checkins", "blocks")}


def generate(path: Path, *, patients: int = 10_000, plans: int = 50_000, checkins: int = 200_000,
             blocks: int = 5_000) -> Path:
    """Generate a data set in a child process (the generator's own data folder, no daily backup)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([PYTHON, str(ROOT / "bench" / "generate.py"), str(path), "--patients", str(patients),
                    "--plans", str(plans), "--checkins", str(checkins), "--blocks", str(blocks)],
                   check=True, env=bench_env(data_dir=path.parent / "generate-data"), stdout=subprocess.DEVNULL)
    return path


def large_database() -> Path:
    """The 10-year clinic data set (generated once, ~30 s, then reused while the schema is current)."""
    from planner.store.migrate import head_revision

    if (not LARGE.exists() or schema_revision(LARGE) != head_revision()
            or (_scalar(LARGE, "SELECT count(*) FROM blocks") or 0) < 5_000):
        for suffix in ("", "-wal", "-shm"):
            LARGE.with_name(LARGE.name + suffix).unlink(missing_ok=True)
        generate(LARGE)
    return LARGE


def working_copy(source: Path, name: str) -> Path:
    """A fresh copy of `source` for benchmarks that write (the cached data set stays as generated)."""
    target = source.with_name(name)
    for suffix in ("-wal", "-shm"):
        target.with_name(target.name + suffix).unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return target


def median_ms(fn: Callable[[int], object], runs: int = 30, warmup: int = 2) -> float:
    for i in range(warmup):
        fn(-1 - i)
    times = []
    for i in range(runs):
        start = time.perf_counter()
        fn(i)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def summary(times_ms: list[float]) -> dict[str, float]:
    """Median, 90th percentile and worst of a list of milliseconds."""
    ordered = sorted(times_ms)
    p90 = ordered[min(len(ordered) - 1, int(round(0.9 * (len(ordered) - 1))))] if ordered else 0.0
    return {"median_ms": round(statistics.median(ordered), 2) if ordered else 0.0,
            "p90_ms": round(p90, 2), "max_ms": round(ordered[-1], 2) if ordered else 0.0, "n": len(ordered)}


@dataclass(frozen=True)
class ProcessRun:
    """One whole process: wall seconds, CPU seconds (user + system) and peak RSS in MiB."""

    wall_s: float
    cpu_s: float
    rss_mib: int


def run_process_stats(cmd: list[str], *, env: dict[str, str] | None = None) -> ProcessRun:
    """Run `cmd` to its end; wait4 gives the child's own CPU time and peak RSS (stderr is kept for
    the error message)."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(cmd, env=env or bench_env(), stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        code = process.returncode = os.waitstatus_to_exitcode(status)
        if code != 0:
            errors.seek(0)
            text = errors.read().decode(errors="replace")
            raise RuntimeError(f"{' '.join(cmd)} failed with exit code {code}: {text[-2000:]}")
    return ProcessRun(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss // 1024)


def run_process(cmd: list[str], *, env: dict[str, str] | None = None) -> tuple[float, int]:
    """(wall seconds, peak RSS in MiB) of one whole process."""
    run = run_process_stats(cmd, env=env)
    return run.wall_s, run.rss_mib


def median_process(cmd: list[str], runs: int = 9, *, env: dict[str, str] | None = None) -> tuple[float, int]:
    results = [run_process(cmd, env=env) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
