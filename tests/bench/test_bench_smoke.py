"""Every benchmark in bench/ runs on a tiny generated data set and returns figures (no timing is
asserted here: the figures are printed by `make bench`, not judged by the test suite)."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
sys.path.insert(0, str(BENCH))

import common  # noqa: E402
import interactions  # noqa: E402
import query_plans  # noqa: E402
import run_all  # noqa: E402
import startup  # noqa: E402


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated clinic of 50 patients, 120 plans, 300 check-ins and 200 extra blocks."""
    return common.generate(tmp_path_factory.mktemp("bench") / "tiny.sqlite3", patients=50, plans=120,
                           checkins=300, blocks=200)


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value) and value >= 0


def test_generator_fills_the_tables(tiny):
    """The generator makes the patients, plans with 15–25 items, check-ins and blocks it was asked for."""
    counts = common.dataset(tiny)
    assert counts["patients"] == 50 and counts["checkins"] == 300
    assert counts["plans"] >= 120 and 15 * 120 <= counts["plan_items"]
    assert counts["blocks"] >= 200


def test_startup_and_memory_return_figures(tiny, tmp_path):
    """Start-up (first paint, ready), the floor and peak memory come back as positive numbers."""
    result = startup.measure(tiny, runs=1, data=tmp_path / "desk")
    for key in ("floor_s", "first_paint_s", "ready_s", "first_paint_ratio", "floor_mib", "ready_mib"):
        assert _number(result[key]) and result[key] > 0, key
    phases = startup.phases(tiny, runs=1, data=tmp_path / "desk")
    assert set(phases) == {"app", "floor"}
    assert all(_number(v) for side in phases.values() for v in side.values())
    assert phases["app"]["painted"] <= phases["app"]["exit"]


@pytest.mark.parametrize("name", sorted(interactions.ALL))
def test_interaction_benchmarks_return_figures(qapp, tiny, name):
    """Each interaction benchmark drives the real widgets once or twice and returns a median."""
    result = interactions.run_all(tiny, quick=True, only=[name])[name]
    assert result["n"] >= 1
    assert _number(result["median_ms"]) and _number(result["p90_ms"])


def test_library_search_reaches_the_screen(qapp, tiny):
    """Every keystroke that leaves blocks to show ends with the list painting its rows (not an empty or
    half-laid-out list), over all blocks of the data set."""
    result = interactions.library_search(tiny, rounds=1)
    assert result["blocks"] == common.dataset(tiny)["blocks"]
    assert result["keys_with_rows"] > 0 and result["rows_painted"] == result["keys_with_rows"]


def test_query_plans_are_explained(tiny):
    """Every hot statement gets its SQLite plan; none scans a growing table without an index."""
    results = query_plans.explain(tiny)
    assert len(results) > 10
    assert all(r["plan"] or r["sql"].startswith("INSERT") for r in results)
    assert [r["sql"] for r in results if r["problems"]] == []


def test_runner_prints_one_table_and_writes_the_section(tiny, tmp_path):
    """The runner's table has a row per benchmark (handout pending when absent) and replaces only its
    own section of RESULTS.md."""
    results = {
        "machine": run_all.machine(), "quick": True, "database": tiny.name, "dataset": common.dataset(tiny),
        "startup": startup.measure(tiny, runs=1, data=tmp_path / "desk"),
        "phases": startup.phases(tiny, runs=1, data=tmp_path / "desk"),
        "handout": None,
        "interactions": {name: {"median_ms": 1.0, "p90_ms": 2.0, "max_ms": 3.0, "n": 1, "blocks": 283}
                         for name in interactions.ALL},
        "query_plans": {"statements": 3, "full_scans": []},
    }
    text = run_all.table(results)
    assert "handout: pending" in text and text.count("\n") == 10
    notes = tmp_path / "RESULTS.md"
    notes.write_text("# Results\n\nnotes before\n\n" + run_all.BEGIN + "\nold\n" + run_all.END + "\n\nnotes after\n")
    run_all.write(run_all.report(results), notes)
    written = notes.read_text()
    assert "notes before" in written and "notes after" in written and "old" not in written
    assert "| Benchmark" in written and results["machine"]["cpu"] in written


def test_handout_benchmark_runs_when_present():
    """The handout benchmark (its own script) returns its export and floor times, or is pending."""
    result = run_all.handout(runs=1)
    if result is None:
        pytest.skip("bench/bench_handout.py is not there yet")
    assert _number(result["export_ms"]) and _number(result["floor_ms"]) and result["pages"] >= 1
