"""Run every benchmark and print one table; write it, with the date and the machine, into
bench/RESULTS.md (between the generated-section markers; the notes around them are kept).

    .venv/bin/python bench/run_all.py [--quick] [--no-write]

--quick: a small generated data set and one or two runs each (to check that everything runs; the
figures mean nothing). The real run generates the large data set once (~30 s) and takes a few minutes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import OUT, PYTHON, ROOT, bench_env, dataset, generate, large_database

BENCH = ROOT / "bench"
RESULTS = BENCH / "RESULTS.md"
BEGIN, END = "<!-- bench:begin (written by bench/run_all.py) -->", "<!-- bench:end -->"
TARGETS = {"interaction_ms": 50.0, "keystroke_ms": 16.0, "startup_ratio": 1.5, "handout_ratio": 2.0}


def _json_of(cmd: list[str], *, env: dict[str, str] | None = None) -> Any:
    done = subprocess.run(cmd, env=env or bench_env(), capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def machine() -> dict[str, str]:
    """Date, cores, CPU model, memory, Python, Qt and SQLAlchemy versions of this run."""
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        kib = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
        memory = f"{kib / 1024 / 1024:.1f} GiB"
    except (OSError, AttributeError, ValueError):
        pass
    versions = _json_of([PYTHON, "-c", (
        "import json, PySide6, PySide6.QtCore as c, sqlalchemy, reportlab; "
        "print(json.dumps({'pyside': PySide6.__version__, 'qt': c.qVersion(), "
        "'sqlalchemy': sqlalchemy.__version__, 'reportlab': reportlab.Version}))")])
    load = os.getloadavg()
    return {
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "cores": str(os.cpu_count()),
        "cpu": cpu,
        "memory": memory,
        "os": platform.platform(),
        "python": platform.python_version(),
        "pyside": versions["pyside"],
        "qt": versions["qt"],
        "sqlalchemy": versions["sqlalchemy"],
        "reportlab": versions["reportlab"],
        "load": f"{load[0]:.2f} {load[1]:.2f} {load[2]:.2f}",
    }


def handout(*, runs: int) -> dict[str, Any] | None:
    """bench/bench_handout.py's figures (its own process), or None while that benchmark is not there."""
    script = BENCH / "bench_handout.py"
    if not script.exists():
        return None
    return _json_of([PYTHON, str(script), "--json", "--runs", str(runs)])


def run(*, quick: bool = False) -> dict[str, Any]:
    """Every benchmark; the large data set (or, quick, a small one)."""
    import startup

    if quick:
        database = OUT / "quick.sqlite3"
        if not database.exists():
            generate(database, patients=50, plans=120, checkins=300, blocks=200)
    else:
        database = large_database()
    results: dict[str, Any] = {"machine": machine(), "quick": quick, "database": database.name,
                               "dataset": dataset(database)}
    results["startup"] = startup.measure(database, runs=2 if quick else 15,
                                         data=OUT / ("quick-startup-data" if quick else "startup-data"))
    results["phases"] = startup.phases(database, runs=1 if quick else 5,
                                       data=OUT / ("quick-startup-data" if quick else "startup-data"))
    results["handout"] = handout(runs=1 if quick else 20)
    interactions = [PYTHON, str(BENCH / "interactions.py"), "--json", "--database", str(database)]
    results["interactions"] = _json_of(interactions + (["--quick"] if quick else []))
    plans = _json_of([PYTHON, str(BENCH / "query_plans.py"), "--json", "--database", str(database)])
    results["query_plans"] = {"statements": len(plans), "full_scans": [p for p in plans if p["problems"]]}
    return results


def _verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("met" if ok else "**missed**")


def table(results: dict[str, Any]) -> str:
    """The one table (Markdown): measured, floor, ratio, target, verdict."""
    s, i, h, d = results["startup"], results["interactions"], results["handout"], results["dataset"]
    rows = [("Benchmark", "Measured", "Floor", "Ratio", "Target", "Result")]
    floor = f"{s['floor_s']:.3f} s (bare window)"
    rows.append((f"1. Start-up to first paint ({d['patients']:,} patients, {d['plans']:,} plans)",
                 f"{s['first_paint_s']:.3f} s", floor,
                 f"{s['first_paint_ratio']:.2f}×", "≤ 1.5× floor",
                 _verdict(s["first_paint_ratio"] <= TARGETS["startup_ratio"])))
    rows.append(("1. Start-up to ready (patients, library, last plan open)", f"{s['ready_s']:.3f} s", floor,
                 f"{s['ready_ratio']:.2f}×", "reported", "—"))
    if h is None:
        rows.append(("2. Handout export (demo plan)", "handout: pending", "", "", "≤ 2× floor", "—"))
    else:
        rows.append((f"2. Handout export (demo plan, {h['pages']} pages, {h['pictures']} pictures)",
                     f"{h['export_ms']:.1f} ms", f"{h['floor_ms']:.1f} ms (bare ReportLab)", f"{h['ratio']:.2f}×",
                     "≤ 2× floor", _verdict(h["ratio"] <= TARGETS["handout_ratio"])))
    lib = i["library_search"]
    rows.append((f"3. Library search, per keystroke ({lib['blocks']:,} blocks)", _ms(lib), "", "",
                 "< 16 ms", _verdict(lib["median_ms"] < TARGETS["keystroke_ms"])))
    names = {"patient_search": f"4. Patient search, per keystroke ({d['patients']:,} patients)",
             "open_plan": "4. Open a plan into the editor", "add_item": "4. Add an item (undo entry, commit, repaint)",
             "record_checkin": "4. Record a check-in"}
    for key, label in names.items():
        rows.append((label, _ms(i[key]), "", "", "< 50 ms median",
                     _verdict(i[key]["median_ms"] < TARGETS["interaction_ms"])))
    target = s["memory_target_mib"]
    rows.append(("5. Peak memory, large database and one plan open", f"{s['ready_mib']} MiB",
                 f"{s['floor_mib']} MiB (bare window)", f"{s['ready_mib'] / s['floor_mib']:.2f}×",
                 f"≤ {target} MiB (1.5× + 50)", _verdict(s["ready_mib"] <= target)))
    widths = [max(len(str(row[c])) for row in rows) for c in range(len(rows[0]))]
    lines = ["| " + " | ".join(str(v).ljust(w) for v, w in zip(row, widths, strict=True)) + " |" for row in rows]
    lines.insert(1, "| " + " | ".join("-" * w for w in widths) + " |")
    return "\n".join(lines)


def _ms(result: dict[str, Any]) -> str:
    return f"median {result['median_ms']:.1f} ms (p90 {result['p90_ms']:.1f}, n={result['n']})"


def report(results: dict[str, Any]) -> str:
    """The generated section of RESULTS.md."""
    m, s, p = results["machine"], results["startup"], results["phases"]
    lines = [
        BEGIN,
        f"Run of {m['date']} on {m['cores']} cores ({m['cpu']}), {m['memory']} RAM, {m['os']}; "
        f"Python {m['python']}, PySide6 {m['pyside']} (Qt {m['qt']}), SQLAlchemy {m['sqlalchemy']}, "
        f"ReportLab {m['reportlab']}. Load average at the end: {m['load']}. Data set: "
        f"{results['dataset']['patients']:,} patients, {results['dataset']['plans']:,} plans, "
        f"{results['dataset']['plan_items']:,} plan items, {results['dataset']['checkins']:,} check-ins, "
        f"{results['dataset']['blocks']:,} library blocks."
        + (" QUICK RUN on a small data set: the figures mean nothing." if results["quick"] else ""),
        "",
        table(results),
        "",
        f"Start-up medians of {s['runs']} interleaved runs (floor, first paint, ready); best runs: floor "
        f"{s['floor_best_s']:.3f} s, first paint {s['first_paint_best_s']:.3f} s "
        f"({s['first_paint_best_s'] / s['floor_best_s']:.2f}×), ready {s['ready_best_s']:.3f} s. CPU time "
        f"(user + system, medians) floor {s['floor_cpu_s']:.3f} s, first paint {s['first_paint_cpu_s']:.3f} s, "
        f"ready {s['ready_cpu_s']:.3f} s. Peak RSS at first paint {s['paint_mib']} MiB.",
        "",
        "First paint, phase by phase (ms since the interpreter ran the first line; medians):",
        "",
        "| Phase | App | Floor | Extra |",
        "| ----- | --- | ----- | ----- |",
    ]
    previous = {"app": 0.0, "floor": 0.0}
    meaning = {"qt": "PySide6 imported", "modules": "own modules imported", "built": "window constructed",
               "shown": "shown", "painted": "first paint handled", "exit": "quit, state saved"}
    for phase, label in meaning.items():
        app, floor = p["app"].get(phase), p["floor"].get(phase)
        if app is None or floor is None:
            continue
        step_app, step_floor = app - previous["app"], floor - previous["floor"]
        previous = {"app": app, "floor": floor}
        lines.append(f"| {label} | {step_app:.1f} | {step_floor:.1f} | {step_app - step_floor:+.1f} |")
    q = results["query_plans"]
    scans = "; ".join(f"`{r['sql'][:80]}…`: {', '.join(r['problems'])}" for r in q["full_scans"]) or "none"
    lines += ["", f"Query plans: {q['statements']} distinct hot statements checked with EXPLAIN QUERY PLAN "
              f"(bench/query_plans.py); full scans of a growing table: {scans}.", END]
    return "\n".join(lines)


def write(section: str, path: Path = RESULTS) -> None:
    """Replace the generated section of RESULTS.md (or start the file with it)."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmark results\n\n" + BEGIN + "\n" + END + "\n"
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        tail = rest.split(END, 1)[1]
        text = head + section + tail
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small data set, a run or two each")
    parser.add_argument("--no-write", action="store_true", help="print only; leave RESULTS.md alone")
    parser.add_argument("--json", type=Path, help="also save every figure as JSON here")
    args = parser.parse_args()
    results = run(quick=args.quick)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    if not args.no_write and not args.quick:
        write(report(results))
        print(f"\nwritten to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
