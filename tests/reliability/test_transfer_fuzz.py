"""Fuzzing the plan-file import: whatever the bytes, either one whole plan is added or a TransferError
names a JSON path and nothing changes. (A long run: bench/soak_fuzz.py.)"""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.services import transfer
from tests.reliability.plan_files import json_values, mutated
from tests.reliability.test_transfer import state

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
soak_only = pytest.mark.slow  # deselected in `make test`, run by `make soak`


def attempt(db, db_path, raw: bytes) -> transfer.TransferError | None:
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
    return None


def check_mutated(db, db_path, case: tuple[str, bytes, str | None]) -> None:
    what, raw, path = case
    error = attempt(db, db_path, raw)
    if path is not None:
        assert error is not None, what
        assert error.path == path, (what, str(error))


@settings(FUZZ, max_examples=300)
@given(mutated())
def test_mutated_plan_files(db, db_path, case):
    """A valid file broken in one place (value, deleted or unknown field, duplicate key, NaN, version,
    truncation): refused with exactly that field's path, or, if still valid, imported whole."""
    check_mutated(db, db_path, case)


@pytest.mark.slow
@soak_only
@settings(FUZZ, max_examples=20_000)
@given(st.one_of(mutated(), json_values.map(lambda v: ("json", json.dumps(v).encode(), None)),
                 st.binary(max_size=2000).map(lambda b: ("bytes", b, None))))
def test_soak_twenty_thousand_broken_files(db, db_path, case):
    """The long fuzz (`make soak`): 20,000 broken files of every kind, the same promise."""
    check_mutated(db, db_path, case)


@FUZZ
@given(json_values)
def test_arbitrary_json(db, db_path, value):
    """Any JSON value at all is refused cleanly."""
    assert attempt(db, db_path, json.dumps(value).encode()) is not None


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_arbitrary_bytes(db, db_path, raw):
    """Random bytes are refused cleanly: a TransferError with a path, and nothing changed."""
    error = attempt(db, db_path, raw)
    assert error is not None
