"""The bundle against the source run: first paint (offscreen, the demo database) and `demo` + `export`
in a fresh data folder, interleaved runs so both see the same machine load.

    make bundle && .venv/bin/python bench/bundle.py [--bundle dist/Herstelplan] [--runs 11] [--json]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import OUT, PYTHON, ROOT, bench_env, run_process_stats


def _demo_then_export(program: list[str], data: Path) -> float:
    """Wall seconds of `demo` then `export` of the demo plan, starting from an empty data folder."""
    shutil.rmtree(data, ignore_errors=True)
    env = bench_env(data_dir=data)
    start = time.perf_counter()
    demo = subprocess.run(program + ["demo"], env=env, capture_output=True, text=True, check=True)
    subprocess.run(program + ["export", demo.stdout.split()[-1], "--out", str(data / "h.pdf")], env=env,
                   capture_output=True, check=True)
    return time.perf_counter() - start


def measure(bundle: Path, runs: int) -> dict[str, float]:
    source = [PYTHON, str(ROOT / "main.py")]
    frozen = [str(bundle / "Herstelplan")]
    data = OUT / "bundle-bench"
    paint_data = data / "paint"
    shutil.rmtree(paint_data, ignore_errors=True)
    subprocess.run(frozen + ["demo"], env=bench_env(data_dir=paint_data), check=True, capture_output=True)
    found: dict[str, list[float]] = {"paint_source": [], "paint_bundle": [], "cli_source": [], "cli_bundle": []}
    paint = {"source": source, "bundle": frozen}
    for program in paint.values():  # warm-up: byte-code cache, page cache
        run_process_stats(program + ["--quit-after-first-paint"], env=bench_env(data_dir=paint_data))
    for n in range(runs):
        order = list(paint) if n % 2 == 0 else list(reversed(paint))
        for name in order:
            run = run_process_stats(paint[name] + ["--quit-after-first-paint"], env=bench_env(data_dir=paint_data))
            found[f"paint_{name}"].append(run.wall_s)
            found[f"cli_{name}"].append(_demo_then_export(paint[name], data / f"cli-{name}"))
    return {key: round(statistics.median(values), 3) for key, values in found.items()} | {"runs": runs}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "Herstelplan")
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = measure(args.bundle, args.runs)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:14} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
