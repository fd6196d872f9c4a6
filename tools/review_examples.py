"""Run the worked examples of docs/review-examples.md again and print the file's text.

    .venv/bin/python tools/review_examples.py > docs/review-examples.md

A fresh database in a temporary folder; five wizard plans for low back pain (6 weeks, 3 phases, start
16 November 2026, English, patient aged 51) made with the wizard service; every other step is the
command line, printed with its output as it comes.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

START = dt.date(2026, 11, 16)

HEADER = """# Worked examples of the review (issue 11)

Made with `python main.py review PLAN_ID --today DATE --json` on five wizard plans for low back pain
(6 weeks, 3 phases, start 16 November 2026, English; plans {a}-{b} time-contingent, {c}-{e}
pain-contingent; patient aged 51). The plans were made with the wizard service; every other step
is a command line. Output as printed, unedited. Made again by `tools/review_examples.py`.
"""


def main() -> None:
    from planner.domain.model import ProgressionMode
    from planner.domain.wizard import Baseline, WizardRequest
    from planner.services import patients, wizard
    from planner.services.database import open_database

    folder = Path(tempfile.mkdtemp(prefix="herstelplan-examples-"))
    url = f"sqlite:///{folder / 'examples.sqlite3'}"
    db = open_database(url, daily_backup=False)
    patient = patients.create_patient(db, name="Example Patient", language="en", birth_date=dt.date(1975, 6, 1))
    ids = []
    for mode in (ProgressionMode.TIME, ProgressionMode.TIME) + (ProgressionMode.PAIN,) * 3:
        plan = wizard.create_plan_with_wizard(
            db, patient.id, WizardRequest(region="lower-back", weeks=6, phases=3, mode=mode, language="en",
                                          baseline=Baseline(walk_minutes=10)), start_date=START)
        ids.append(plan.id)
    db.dispose()
    env = {**os.environ, "HERSTELPLAN_DATABASE_URL": url}
    out: list[str] = [HEADER.format(a=ids[0], b=ids[1], c=ids[2], e=ids[4]), "```text"]

    def run(*args: str) -> None:
        shown = " ".join(args)
        out.append(f"$ python main.py {shown}")
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                              env=env, cwd=ROOT, timeout=120)
        text = (done.stdout + done.stderr).rstrip("\n")
        if text:
            out.append(text)
        if done.returncode:
            out.append(f"(exit {done.returncode})")

    def day(n: int) -> str:
        return (START + dt.timedelta(days=n)).isoformat()

    def checkin(plan: int, n: int, pain: int, morning: str, *extra: str) -> None:
        run("checkin", str(plan), "--date", day(n), "--pain", str(pain), "--morning", morning, *extra)

    a, b, c, d, e = ids
    out.append(f"## A. time-contingent, one bad day (plan {a})")
    for n, pain, morning in ((0, 3, "same"), (1, 3, "same"), (2, 7, "worse")):
        checkin(a, n, pain, morning, "--no-red-flags")
    run("review", str(a), "--today", day(3), "--json")

    out.append(f"## B. time-contingent, three worse mornings in a row (plan {b})")
    for n, pain in ((4, 3), (5, 4), (6, 3)):
        checkin(b, n, pain, "worse", "--no-red-flags")
    run("review", str(b), "--today", day(7), "--json")
    run("apply-review", str(b), "--today", day(7))

    out.append(f"## C. pain-contingent, amber with settled mornings (plan {c})")
    for n in (0, 3, 6, 9):
        checkin(c, n, 4, "same", "--done", "3", "--planned", "3", "--no-red-flags")
    run("review", str(c), "--today", day(10), "--json")

    out.append(f"## D. pain-contingent, morning pain creeping up (plan {d})")
    for n, mp in ((0, 2), (2, 2), (4, 2), (7, 4), (9, 4), (11, 5)):
        checkin(d, n, 2, "same", "--morning-pain", str(mp), "--no-red-flags")
    run("review", str(d), "--today", day(12), "--json")

    out.append(f"## E. a red flag on a green day (plan {e})")
    checkin(e, 0, 2, "same", "--no-red-flags")
    checkin(e, 2, 1, "better", "--red-flag", "saddle")
    run("review", str(e), "--today", day(3), "--json")

    out.append("## refusals")
    run("checkin", str(e), "--date", "2026-11-01", "--pain", "2", "--morning", "same")
    run("checkin", str(e), "--date", day(2), "--pain", "2", "--morning", "same")
    out.append("```")
    print("\n".join(out))


if __name__ == "__main__":
    main()
