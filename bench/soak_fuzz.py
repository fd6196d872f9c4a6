"""The long import fuzz: many thousands of broken plan files against a real database.

    .venv/bin/python bench/soak_fuzz.py [--cases 20000]

Each case is a valid plan file broken in one place (a value, a deleted or unknown field, a duplicate
key, NaN/Infinity, a newer version, a truncation), any JSON value, or random bytes. Every file must
be imported whole or refused with a JSON path while nothing in the database changes. The quick
variant (550 cases) runs in `make test` (tests/reliability/test_transfer_fuzz.py).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", type=int, default=20000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="herstelplan-fuzz-"))
    os.environ["HERSTELPLAN_DATA_DIR"] = str(folder / "data")
    try:
        from hypothesis import HealthCheck, given, settings
        from hypothesis import strategies as st

        from planner.services import transfer
        from planner.services.database import open_database
        from tests.reliability.plan_files import json_values, mutated
        from tests.reliability.test_transfer import state

        path = folder / "fuzz.sqlite3"
        db = open_database(f"sqlite:///{path}", daily_backup=False)
        outcomes: Counter[str] = Counter()
        cases = st.one_of(mutated(), json_values.map(lambda v: ("json", json.dumps(v).encode(), None)),
                          st.binary(max_size=2000).map(lambda b: ("bytes", b, None)))

        @settings(max_examples=args.cases, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        @given(cases)
        def run(case: tuple[str, bytes, str | None]) -> None:
            what, raw, expected_path = case
            before = state(path)
            try:
                transfer.import_data(db, transfer.parse(raw), backup=False)
            except transfer.TransferError as error:
                assert state(path) == before, what
                assert expected_path is None or error.path == expected_path, (what, str(error))
                outcomes["refused"] += 1
                return
            assert state(path)[0] == before[0] + 1, what
            outcomes["imported"] += 1

        start = time.perf_counter()
        run()
        took = time.perf_counter() - start
        db.dispose()
        total = sum(outcomes.values())
        print(f"import fuzz: {total} cases in {took:.0f} s ({total / took:.0f}/s): "
              f"{outcomes['refused']} refused with a path and nothing changed, {outcomes['imported']} imported whole")
        return 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
