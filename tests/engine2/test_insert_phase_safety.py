"""The older "insert a phase" proposal (when the therapist asks for one) follows the same rules as the
roadmap: no balance rung that needs the practice before the tick, and no growth of what is not load."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from planner.domain.proposals import propose_progress
from tests.domain.conftest import item, plan

START = dt.date(2026, 3, 2)


def _plan(ticks=frozenset()):
    p = plan(("Steady", 3, [item("balance.tandem-stance", 1, level=3, sets=4, hold_seconds=30),
                            item("breathing.long-exhale", 2, minutes=5),
                            item("daily.sleep-routine", 3)]), start=START)
    return replace(p, practice_ticks=ticks)


def _after(proposal, key):
    return next(i.after for i in proposal.items if i.block.key == key)


def test_inserting_a_phase_waits_for_the_balance_tick():
    waiting = propose_progress(_plan(), 101, today=START + dt.timedelta(days=21))
    assert _after(waiting, "balance.tandem-stance").level == 3
    ticked = propose_progress(_plan(frozenset({("balance.tandem-stance", 4)})), 101,
                              today=START + dt.timedelta(days=21))
    assert _after(ticked, "balance.tandem-stance").level == 4


def test_inserting_a_phase_does_not_grow_breathing_or_sleep():
    proposal = propose_progress(_plan(), 101, today=START + dt.timedelta(days=21))
    for key in ("breathing.long-exhale", "daily.sleep-routine"):
        before = next(i.before for i in proposal.items if i.block.key == key)
        assert _after(proposal, key) == before, key
