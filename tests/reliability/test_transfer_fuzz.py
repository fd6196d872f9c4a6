"""Fuzzing the plan-file import: whatever the bytes, either one whole plan is added or a TransferError
names a JSON path and nothing changes. (A long run: bench/soak_fuzz.py.)"""

from __future__ import annotations

import json
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.services import transfer
from tests.reliability.plan_files import json_values, mutated
from tests.reliability.test_transfer import state

SOAK = bool(os.environ.get("HERSTELPLAN_SOAK"))
FUZZ = settings(max_examples=5000 if SOAK else 150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
CASES = {"mutated": 0, "json": 0, "bytes": 0, "accepted": 0}


def attempt(db, db_path, raw: bytes) -> transfer.TransferError | None:  # noqa: ANN001
    """Import `raw`; check the all-or-nothing promise; return the refusal (None when accepted)."""
    before = state(db_path)
    try:
        plan = transfer.import_data(db, transfer.parse(raw), backup=False)
    except transfer.TransferError as error:
        assert error.path.startswith("$") and str(error)
        assert state(db_path) == before
        return error
    after = state(db_path)
    assert after[0] == before[0] + 1  # exactly one plan more
    assert after[1] - before[1] == len(plan.phases)
    CASES["accepted"] += 1
    return None


@settings(FUZZ, max_examples=20000 if SOAK else 300)
@given(mutated())
def test_mutated_plan_files(db, db_path, case):
    """A valid file broken in one place (value, deleted or unknown field, duplicate key, NaN, version,
    truncation): refused with exactly that field's path, or, if still valid, imported whole."""
    what, raw, path = case
    CASES["mutated"] += 1
    error = attempt(db, db_path, raw)
    if path is not None:
        assert error is not None, what
        assert error.path == path, (what, str(error))


@FUZZ
@given(json_values)
def test_arbitrary_json(db, db_path, value):
    """Any JSON value at all is refused cleanly."""
    CASES["json"] += 1
    assert attempt(db, db_path, json.dumps(value).encode()) is not None


@settings(max_examples=2000 if SOAK else 100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_arbitrary_bytes(db, db_path, raw):
    """Random bytes are refused cleanly."""
    CASES["bytes"] += 1
    attempt(db, db_path, raw)


def test_report_fuzz_cases():
    """The fuzz tests above really ran their cases (prints the figures for the report)."""
    total = CASES["mutated"] + CASES["json"] + CASES["bytes"]
    print(f"\nimport fuzz: {total} cases ({CASES}), none crashed, every refusal changed nothing")
    if CASES["mutated"]:  # when the whole module ran
        assert CASES["mutated"] >= 300 and CASES["json"] >= 100 and CASES["accepted"] >= 1
