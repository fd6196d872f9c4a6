"""The writer for the kill test: real edits through the services, one line per committed edit.

Run as `python -m tests.reliability.kill_writer URL` (a "zygote"): it imports everything once,
prints READY, then for each `RUN <id> <seed>` line on stdin forks a writer child and prints
`FORKED <id> <pid>`; when that child has died (the test kills it with SIGKILL) it prints
`EXIT <id> <status>`. Forking from a process that holds no database connection keeps each kill
cycle at a few milliseconds instead of a fresh interpreter's half second; `--fresh` runs one writer
in this process instead (the soak run uses that for a new interpreter per kill).

A child writes, for ever:
  TRY <id> PLAN <n>         then  OK <id> PLAN <plan_id> <n>     a new plan with n phases, one transaction
  TRY <id> ITEM <reps>      then  OK <id> ITEM <item_id> <reps>  a block added to a phase
  TRY <id> DOSE <item> <r>  then  OK <id> DOSE <item> <r>        an item's repetitions changed
Each line is one write(2) of less than PIPE_BUF bytes, so a kill never leaves half a line.
"""

from __future__ import annotations

import os
import random
import sqlite3
import sys
import tempfile
from pathlib import Path

from sqlalchemy import select

from planner.services import library, patients, plan_items, plans
from planner.services.database import open_database
from planner.store import tables as t

TITLE_PREFIX = "kill "


def say(line: str) -> None:
    os.write(1, (line + "\n").encode())


def write_forever(url: str, run_id: str, seed: int, *, edits: int | None = None, out=say) -> None:
    """Edit until killed (or `edits` done); every OK line is printed only after its commit."""
    say = out
    rng = random.Random(seed)
    db = open_database(url, seed=False, daily_backup=False)
    patient = patients.list_patients(db, query="killtest")[0]
    blocks = [b.id for b in library.list_blocks(db, kind="strength")]
    counter = 0
    while edits is None or counter < edits:
        counter += 1
        op = rng.choice(("plan", "item", "item", "dose", "dose"))
        with db.reading() as session:
            phase_ids = session.scalars(
                select(t.Phase.id).join(t.Plan).where(t.Plan.title.like(f"{TITLE_PREFIX}%"))
            ).all()
            item_ids = session.scalars(
                select(t.PlanItem.id).join(t.Phase).join(t.Plan).where(t.Plan.title.like(f"{TITLE_PREFIX}%"))
            ).all()
        if op == "plan" or not phase_ids:
            n = rng.randint(1, 4)
            say(f"TRY {run_id} PLAN {n}")
            view = plans.create_plan(
                db, patient_id=patient.id, title=f"{TITLE_PREFIX}{run_id}-{counter}", goal=f"phases={n}",
                phases=[{"name": f"p{i}", "weeks": i + 1, "focus": "x" * rng.randint(0, 3000)} for i in range(n)],
            )
            say(f"OK {run_id} PLAN {view.id} {n}")
        elif op == "item" or not item_ids:
            reps = rng.randint(1, 100)
            say(f"TRY {run_id} ITEM {reps}")
            _, item_id = plan_items.add_item(db, rng.choice(phase_ids), rng.choice(blocks), dosage={"sets": 2, "reps": reps})
            say(f"OK {run_id} ITEM {item_id} {reps}")
        else:
            item_id, reps = rng.choice(item_ids), rng.randint(1, 100)
            say(f"TRY {run_id} DOSE {item_id} {reps}")
            plan_items.update_item(db, item_id, dosage={"reps": reps})
            say(f"OK {run_id} DOSE {item_id} {reps}")
    db.dispose()


def warm_up(url: str) -> None:
    """Run every edit a few times on a scratch copy, so the forked writers start with SQLAlchemy's
    statement caches filled (as a long-running program has them) and spend their lives editing."""
    source = Path(url.removeprefix("sqlite:///"))
    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder) / "warm.sqlite3"
        src, out = sqlite3.connect(source), sqlite3.connect(scratch)
        src.backup(out)
        src.close()
        out.close()
        write_forever(f"sqlite:///{scratch}", "warm", 0, edits=30, out=lambda line: None)


def zygote(url: str) -> None:
    warm_up(url)
    say("READY")
    for line in sys.stdin:
        parts = line.split()
        if not parts or parts[0] != "RUN":
            continue
        run_id, seed = parts[1], int(parts[2])
        pid = os.fork()
        if pid == 0:  # the writer child: never returns
            try:
                os.close(0)
                write_forever(url, run_id, seed)
            finally:
                os._exit(3)
        say(f"FORKED {run_id} {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"EXIT {run_id} {status}")


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[2] == "--fresh":
        say(f"FORKED {sys.argv[3]} {os.getpid()}")
        write_forever(sys.argv[1], sys.argv[3], int(sys.argv[4]))
    else:
        zygote(sys.argv[1])
