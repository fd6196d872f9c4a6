"""EXPLAIN QUERY PLAN for the hot queries: every distinct statement the interactive paths send to SQLite
on the large data set (patient search and list, a patient's plans, opening a plan, adding an item,
recording a check-in, the library list), with the plan SQLite chose. A full scan of a big table
(one that grows with the years: patients, plans, phases, items, check-ins, audit) is flagged.

    .venv/bin/python bench/query_plans.py [--database FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import large_database, working_copy

BIG_TABLES = ("patients", "plans", "phases", "plan_items", "checkins", "audit_events", "plan_revisions")


def _capture(db) -> list[tuple[str, Any]]:
    from sqlalchemy import event

    seen: list[tuple[str, Any]] = []

    @event.listens_for(db.engine, "before_cursor_execute")
    def _before(_conn, _cursor, statement, parameters, _context, _many) -> None:
        if statement.lstrip().upper().startswith(("SELECT", "UPDATE", "DELETE", "INSERT")):
            seen.append((statement, parameters))

    return seen


def _exercise(db) -> None:
    from sqlalchemy import select

    from planner.services import checkins, library, patients, plan_items, plans
    from planner.store import tables as t

    with db.reading() as session:
        plan_id, patient_id = session.execute(
            select(t.Plan.id, t.Plan.patient_id).where(t.Plan.patient_id.is_not(None)).limit(1)).one()
        phase_id = session.scalar(select(t.Phase.id).where(t.Phase.plan_id == plan_id).limit(1))
        block_id = session.scalar(select(t.Block.id).limit(1))
    patients.list_patients(db, limit=100)
    patients.list_patients(db, query="jan", limit=100)
    patients.list_patients(db, query="zzz", limit=100, offset=0)
    plans.list_plans(db, patient_id)
    plan = plans.get_plan(db, plan_id)
    plans.plan_version(db, plan_id)
    plan_items.add_item(db, phase_id, block_id, expected_version=plan.version)
    checkins.record_checkin(db, plan_id, date=dt.date.today(), pain_during=3, next_morning="same",
                            sessions_done=5, sessions_planned=7)
    checkins.list_checkins(db, plan_id)
    library.list_blocks(db, brief=True)
    library.get_block(db, block_id)


def _normalise(statement: str) -> str:
    return re.sub(r"\s+", " ", statement).strip()


def explain(path: Path) -> list[dict[str, Any]]:
    """Each distinct hot statement with SQLite's plan and whether it scans or sorts a big table."""
    os.environ["HERSTELPLAN_DATA_DIR"] = str(path.parent / "data-inprocess")
    os.environ.setdefault("HERSTELPLAN_USER", "bench")
    from planner.services.database import open_database

    work = working_copy(path, "work-explain.sqlite3")
    db = open_database(f"sqlite:///{work}", daily_backup=False)
    try:
        seen = _capture(db)
        _exercise(db)
        results, done = [], set()
        with db.engine.connect() as connection:
            raw = connection.connection.driver_connection
            for statement, parameters in seen:
                key = _normalise(statement)
                if key in done:
                    continue
                done.add(key)
                params = parameters if isinstance(parameters, tuple | dict) else ()
                rows = raw.execute("EXPLAIN QUERY PLAN " + statement, params).fetchall()
                steps = [row[3] for row in rows]
                problems = [s for s in steps if _is_problem(s)]
                results.append({"sql": key, "plan": steps, "problems": problems})
    finally:
        db.dispose()
        for suffix in ("", "-wal", "-shm"):
            work.with_name(work.name + suffix).unlink(missing_ok=True)
    return results


def _is_problem(step: str) -> bool:
    """A full scan of a big table (no index used). Sorting in a temporary B-tree is fine after an
    indexed search (a handful of rows) and for the library (read whole by design)."""
    words = step.split()
    return step.startswith("SCAN ") and len(words) > 1 and words[1] in BIG_TABLES and "USING" not in step


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    results = explain(args.database or large_database())
    if args.json:
        print(json.dumps(results))
        return 0
    for result in results:
        flag = "  <-- " + "; ".join(result["problems"]) if result["problems"] else ""
        print(result["sql"][:160] + flag)
        for step in result["plan"]:
            print("    " + step)
    return 0


if __name__ == "__main__":
    sys.exit(main())
