"""Drive the kill writer: start it, SIGKILL it at random moments, and check what survived.

Used by tests/reliability/test_kill.py (100 kills in the normal run) and bench/soak_kill.py.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Ledger:
    """Everything the writers said, in order, and what the kills hit."""

    plans: dict[int, int] = field(default_factory=dict)  # confirmed plan id -> phase count
    items: set[int] = field(default_factory=set)  # confirmed new items
    reps: dict[int, list[tuple[str, int]]] = field(default_factory=lambda: defaultdict(list))
    confirmed: int = 0
    kills: int = 0
    in_flight: int = 0  # kills that landed between a TRY and its OK
    promised: int = 0  # confirmations the kill moments waited for

    def read(self, line: str) -> None:
        parts = line.split()
        state, what = parts[0], parts[2]
        if state == "OK":
            self.confirmed += 1
            if what == "PLAN":
                self.plans[int(parts[3])] = int(parts[4])
            elif what == "ITEM":
                self.items.add(int(parts[3]))
                self.reps[int(parts[3])].append(("OK", int(parts[4])))
            elif what == "DOSE":
                self.reps[int(parts[3])].append(("OK", int(parts[4])))
        elif what == "DOSE":
            self.reps[int(parts[3])].append(("TRY", int(parts[4])))


def prepare(db_path: Path) -> None:
    """The patient the writers attach their plans to."""
    from planner.services import patients
    from planner.services.database import open_database

    db = open_database(f"sqlite:///{db_path}", seed=False, daily_backup=False)
    try:
        if not patients.list_patients(db, query="killtest"):
            patients.create_patient(db, name="Killtest Patient")
    finally:
        db.dispose()


def check(db_path: Path, ledger: Ledger) -> list[str]:
    """Problems found in the database after the kills (empty when everything held)."""
    problems: list[str] = []
    con = sqlite3.connect(db_path)
    try:
        integrity = [row[0] for row in con.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            problems.append(f"integrity_check: {integrity[:5]}")
        if con.execute("PRAGMA foreign_key_check").fetchall():
            problems.append("foreign_key_check found rows pointing at nothing")
        phases: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for plan_id, name, weeks in con.execute(
            "SELECT plan_id, name, weeks FROM phases ORDER BY plan_id, position"
        ):
            phases[plan_id].append((name, weeks))
        for plan_id, expected in ledger.plans.items():
            want = [(f"p{i}", i + 1) for i in range(expected)]
            if phases.get(plan_id) != want:
                problems.append(f"confirmed plan {plan_id}: phases {phases.get(plan_id)} != {want}")
        for plan_id, goal in con.execute("SELECT id, goal FROM plans WHERE title LIKE 'kill %'"):
            if len(phases.get(plan_id, [])) != int(goal.split("=")[1]):
                problems.append(f"half-written plan {plan_id}: {len(phases.get(plan_id, []))} phases, {goal}")
        stored = dict(con.execute("SELECT id, reps FROM plan_items"))
        missing = ledger.items - set(stored)
        if missing:
            problems.append(f"confirmed items missing: {sorted(missing)[:10]}")
        for item_id, history in ledger.reps.items():
            oks = [i for i, (state, _) in enumerate(history) if state == "OK"]
            if not oks:
                continue
            last = oks[-1]
            allowed = {history[last][1]} | {value for state, value in history[last + 1:] if state == "TRY"}
            if stored.get(item_id) not in allowed:
                problems.append(f"item {item_id}: reps {stored.get(item_id)} not in confirmed/in-flight {allowed}")
    finally:
        con.close()
    return problems


@dataclass(frozen=True)
class Moment:
    """When to kill: after the writer confirmed `oks` edits, then either right after it announces
    its next edit (`mid_edit`: most such kills land inside the transaction) or `delay` seconds later."""

    oks: int
    mid_edit: bool
    delay: float


def wait_for(moment: Moment, readline, ledger: Ledger) -> str:
    """Read the writer's lines until `moment` has come; returns the last line read."""
    seen, last = 0, ""
    while seen < moment.oks:
        last = readline()
        ledger.read(last)
        seen += last.startswith("OK")
    if moment.mid_edit:
        while not last.startswith("TRY"):
            last = readline()
            ledger.read(last)
    else:
        time.sleep(moment.delay)
    return last


class Zygote:
    """The forking writer process (see kill_writer.py)."""

    def __init__(self, db_path: Path, env: dict[str, str]):
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.kill_writer", f"sqlite:///{db_path}"],
            cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1,
        )
        assert self.readline() == "READY"

    def readline(self) -> str:
        line = self.proc.stdout.readline()  # type: ignore[union-attr]
        if not line:
            raise RuntimeError(f"kill writer ended unexpectedly (exit {self.proc.poll()})")
        return line.strip()

    def cycle(self, run_id: int, seed: int, moment: Moment, ledger: Ledger) -> None:
        """Start one writer, SIGKILL it at `moment`, and read everything it said."""
        self.proc.stdin.write(f"RUN {run_id} {seed}\n")  # type: ignore[union-attr]
        self.proc.stdin.flush()  # type: ignore[union-attr]
        first = self.readline().split()
        assert first[:2] == ["FORKED", str(run_id)], first
        pid = int(first[2])
        last = wait_for(moment, self.readline, ledger)
        os.kill(pid, signal.SIGKILL)
        ledger.kills += 1
        while True:
            line = self.readline()
            if line.startswith("EXIT"):
                status = int(line.split()[2])
                assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
                    f"writer {run_id} died on its own (status {status}) instead of being killed"
                )
                break
            ledger.read(line)
            last = line
        ledger.in_flight += last.startswith("TRY")

    def close(self) -> None:
        self.proc.stdin.close()  # type: ignore[union-attr]
        self.proc.wait(timeout=30)


def run_fresh(db_path: Path, env: dict[str, str], run_id: int, seed: int, moment: Moment, ledger: Ledger) -> None:
    """One writer in a brand-new interpreter (slower; the soak run's variant)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.kill_writer", f"sqlite:///{db_path}", "--fresh",
         str(run_id), str(seed)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline().split()
    assert first[:1] == ["FORKED"], first
    last = wait_for(moment, lambda: proc.stdout.readline().strip(), ledger)  # type: ignore[union-attr]
    proc.send_signal(signal.SIGKILL)
    ledger.kills += 1
    for line in proc.stdout:
        ledger.read(line.strip())
        last = line
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, f"writer ended with {proc.returncode}, not by the kill"
    ledger.in_flight += last.startswith("TRY")


def kill_loop(
    db_path: Path, *, kills: int, seed: int, max_oks: int = 4, max_delay: float = 0.02,
    fresh: bool = False, check_every: int = 1,
) -> tuple[Ledger, list[str]]:
    """Run `kills` writer/kill cycles on one database; returns the ledger and any problems found
    (checked after every `check_every` kills and at the end). Each writer confirms 0..`max_oks`
    edits first (counted, not timed: a slow machine changes nothing), then is killed either just as
    it starts its next edit or up to `max_delay` seconds later."""
    rng = random.Random(seed)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    ledger = Ledger()
    prepare(db_path)
    zygote = None if fresh else Zygote(db_path, env)
    try:
        for run_id in range(1, kills + 1):
            moment = Moment(rng.randint(0, max_oks), rng.random() < 0.5, rng.uniform(0.0, max_delay))
            ledger.promised += moment.oks
            if zygote is None:
                run_fresh(db_path, env, run_id, rng.randrange(2**32), moment, ledger)
            else:
                zygote.cycle(run_id, rng.randrange(2**32), moment, ledger)
            if run_id % check_every == 0:
                problems = check(db_path, ledger)
                if problems:
                    return ledger, [f"after kill {run_id}: {p}" for p in problems]
    finally:
        if zygote is not None:
            zygote.close()
    return ledger, check(db_path, ledger)
