"""The long kill test: SIGKILL a writer doing real edits N times, then check the database.

    .venv/bin/python bench/soak_kill.py [--kills 2000] [--fresh 100] [--seed 1]

Prints kills survived, confirmed edits checked and how many kills hit an edit in flight. The quick
variant (100 kills) runs in `make test` (tests/reliability/test_kill.py); `make soak` runs 1000.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.reliability.kill_harness import kill_loop  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kills", type=int, default=2000, help="kills by the forking writer")
    parser.add_argument("--fresh", type=int, default=100, help="kills of a writer in a brand-new interpreter")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="herstelplan-soak-"))
    os.environ["HERSTELPLAN_DATA_DIR"] = str(folder / "data")
    try:
        from planner.services.database import open_database

        path = folder / "soak.sqlite3"
        open_database(f"sqlite:///{path}", daily_backup=False).dispose()
        failures = 0
        for label, kills, fresh in (("forking writer", args.kills, False), ("fresh interpreter", args.fresh, True)):
            if not kills:
                continue
            start = time.perf_counter()
            ledger, problems = kill_loop(path, kills=kills, seed=args.seed, fresh=fresh, max_oks=8,
                                         max_delay=0.1, check_every=10)
            took = time.perf_counter() - start
            print(f"{label}: {ledger.kills} kills in {took:.0f} s, {ledger.confirmed} confirmed edits, "
                  f"{ledger.in_flight} kills mid-edit, {len(ledger.plans)} plans checked whole: "
                  f"{'OK' if not problems else 'FAILED'}")
            for problem in problems[:20]:
                print("  ", problem)
            failures += bool(problems)
        print(f"database after the soak: {path.stat().st_size // 1024} KB")
        return 1 if failures else 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
