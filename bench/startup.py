"""Start-up and memory: whole processes on the large data set, against the bare-window floor.

- first paint: `main.py --quit-after-first-paint --database ...` (launch to the main window's first
  paint, then exit) against bench/bare_window.py, interleaved (the order rotating) so both see the same machine load;
- ready: `main.py --quit-when-ready` (launch until patients and library are shown and the last
  session's patient and plan are open again, then exit): the honest "can start working" time, since
  the window paints before the database is open;
- memory: the peak resident memory of that ready process (the large database and one plan open)
  against the bare window's.

    .venv/bin/python bench/startup.py [--runs 11] [--json]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import OUT, PYTHON, ROOT, ProcessRun, bench_env, large_database, run_process_stats

DATA = OUT / "startup-data"


def _remember_session(data: Path, database: Path) -> tuple[int, int]:
    """Write the desk settings a therapist has after yesterday's work: a patient and their plan were
    open (so the start reopens them). Returns (patient id, plan id)."""
    con = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        plan_id, patient_id = con.execute(
            "SELECT plans.id, plans.patient_id FROM plans JOIN patients ON patients.id = plans.patient_id "
            "WHERE NOT plans.is_template AND NOT plans.archived AND NOT patients.archived "
            "ORDER BY patients.updated_at DESC, plans.updated_at DESC LIMIT 1").fetchone()
    finally:
        con.close()
    data.mkdir(parents=True, exist_ok=True)
    (data / "desk.ini").write_text(f"[session]\nlast_patient={patient_id}\nlast_plan={plan_id}\n", encoding="utf-8")
    return patient_id, plan_id


def measure(database: Path, *, runs: int = 15, data: Path = DATA) -> dict[str, Any]:
    """Medians (and best runs) of `runs` interleaved runs of the floor, the app to first paint and the
    app to ready."""
    url = f"sqlite:///{database}"
    env = bench_env(data_dir=data)
    _remember_session(data, database)
    paint_cmd = [PYTHON, str(ROOT / "main.py"), "--quit-after-first-paint", "--database", url]
    ready_cmd = [PYTHON, str(ROOT / "main.py"), "--quit-when-ready", "--database", url]
    floor_cmd = [PYTHON, str(ROOT / "bench" / "bare_window.py")]
    for cmd in (floor_cmd, paint_cmd, ready_cmd):  # warm-up: byte-code cache, today's backup, page cache
        run_process_stats(cmd, env=env)
    found: dict[str, list[ProcessRun]] = {"floor": [], "paint": [], "ready": []}
    commands = {"floor": floor_cmd, "paint": paint_cmd, "ready": ready_cmd}
    order = list(commands)
    for n in range(runs):  # the order rotates, so each kind follows each other kind equally often
        for name in order[n % 3:] + order[:n % 3]:
            found[name].append(run_process_stats(commands[name], env=env))
    floor, paint, ready = found["floor"], found["paint"], found["ready"]

    def wall(results: list[ProcessRun]) -> float:
        return statistics.median(r.wall_s for r in results)

    def cpu(results: list[ProcessRun]) -> float:
        return round(statistics.median(r.cpu_s for r in results), 3)

    floor_s, paint_s, ready_s = wall(floor), wall(paint), wall(ready)
    floor_mib = max(r.rss_mib for r in floor)
    return {
        "runs": runs,
        "floor_s": round(floor_s, 3),
        "first_paint_s": round(paint_s, 3),
        "first_paint_ratio": round(paint_s / floor_s, 2),
        "ready_s": round(ready_s, 3),
        "ready_ratio": round(ready_s / floor_s, 2),
        "floor_best_s": round(min(r.wall_s for r in floor), 3),
        "first_paint_best_s": round(min(r.wall_s for r in paint), 3),
        "ready_best_s": round(min(r.wall_s for r in ready), 3),
        "floor_cpu_s": cpu(floor),
        "first_paint_cpu_s": cpu(paint),
        "ready_cpu_s": cpu(ready),
        "floor_mib": floor_mib,
        "paint_mib": max(r.rss_mib for r in paint),
        "ready_mib": max(r.rss_mib for r in ready),
        "memory_target_mib": round(1.5 * floor_mib + 50),
    }


def phases(database: Path, *, runs: int = 5, data: Path = DATA) -> dict[str, dict[str, float]]:
    """Median milliseconds at each start-up phase (bench/startup_phases.py) for the app and the floor."""
    env = bench_env(data_dir=data)
    commands = {
        "app": [PYTHON, str(ROOT / "bench" / "startup_phases.py"), "--database", f"sqlite:///{database}"],
        "floor": [PYTHON, str(ROOT / "bench" / "startup_phases.py"), "--floor"],
    }
    samples: dict[str, list[dict[str, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, cmd in commands.items():
            done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
            samples[name].append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {name: {key: round(statistics.median(s[key] for s in found), 1) for key in found[0]}
            for name, found in samples.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--database", type=Path, help="a generated SQLite file (default: the large data set)")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--phases", action="store_true", help="also the phase profile of the first paint")
    args = parser.parse_args()
    database = args.database or large_database()
    result = measure(database, runs=args.runs)
    if args.phases:
        result["phases"] = phases(database)
    print(json.dumps(result) if args.json else "\n".join(f"{k:18} {v}" for k, v in result.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
