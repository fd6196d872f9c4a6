#!/usr/bin/env python3
"""Regenerate docs/review-examples.md: worked examples of the review, run through the command line.

    .venv/bin/python tools/review_examples.py            # rewrite docs/review-examples.md
    .venv/bin/python tools/review_examples.py --out=FILE

A fresh SQLite database in a temporary folder; one patient (51, English) is made with the patients
service (there is no command for that); every other step is a command line, printed as run with its
output, unedited.
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


def day(n: int) -> str:
    return (START + dt.timedelta(days=n)).isoformat()


class Session:
    def __init__(self, database: Path) -> None:
        self.env = {**os.environ, "HERSTELPLAN_DATABASE_URL": f"sqlite:///{database}"}
        self.lines: list[str] = []

    def run(self, *args: str) -> str:
        done = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                              env=self.env, cwd=ROOT, timeout=120)
        self.lines.append("$ python main.py " + " ".join(args))
        out = (done.stdout + done.stderr).rstrip("\n")
        if out:
            self.lines.append(out)
        if done.returncode:
            self.lines.append(f"(exit {done.returncode})")
        return done.stdout.strip()

    def title(self, text: str) -> None:
        self.lines.append(f"## {text}")


def wizard(s: Session, patient: int, mode: str, *extra: str) -> str:
    return s.run("wizard", "--patient", str(patient), "--region", "lower-back", "--weeks", "6", "--phases", "3",
                 "--mode", mode, "--start", START.isoformat(), "--baseline-walk", "10", "--lang", "en", *extra)


def checkin(s: Session, plan: str, n: int, pain: int, morning: str, *extra: str) -> None:
    s.run("checkin", plan, "--date", day(n), "--pain", str(pain), "--morning", morning, *extra)


def build(database: Path) -> str:
    from planner.services import patients
    from planner.services.database import open_database

    db = open_database(f"sqlite:///{database}")
    try:
        patient = patients.create_patient(db, name="Sanne Bakker", language="en", birth_date=dt.date(1975, 5, 1)).id
    finally:
        db.dispose()
    s = Session(database)
    week = ("--done", "5", "--planned", "5", "--no-red-flags")

    s.title("A. time-contingent, one bad day")
    a = wizard(s, patient, "time")
    for n, pain, morning in ((0, 3, "same"), (1, 3, "same"), (2, 7, "worse")):
        checkin(s, a, n, pain, morning, *week)
    s.run("review", a, "--today", day(3), "--json")

    s.title("B. time-contingent, three worse mornings in a row, then again right after the hold")
    b = wizard(s, patient, "time")
    for n, pain in ((4, 3), (5, 4), (6, 3)):
        checkin(s, b, n, pain, "worse", *week)
    s.run("review", b, "--today", day(7), "--json")
    s.run("apply-review", b, "--today", day(7))
    for n, pain in ((8, 3), (9, 4), (10, 3)):
        checkin(s, b, n, pain, "worse", *week)
    s.run("review", b, "--today", day(11), "--json")

    s.title("C. pain-contingent, amber with settled mornings")
    c = wizard(s, patient, "pain")
    for n in (0, 3, 6, 9):
        checkin(s, c, n, 4, "same", "--done", "3", "--planned", "3", "--no-red-flags")
    s.run("review", c, "--today", day(10), "--json")

    s.title("D. pain-contingent, morning pain creeping up")
    d = wizard(s, patient, "pain")
    for n, mp in ((0, 2), (2, 2), (4, 2), (7, 4), (9, 4), (11, 5)):
        checkin(s, d, n, 2, "same", "--morning-pain", str(mp), "--done", "3", "--planned", "3", "--no-red-flags")
    s.run("review", d, "--today", day(12), "--json")

    s.title("E. a red flag on a green day, seen by the therapist, then six green check-ins")
    e = wizard(s, patient, "pain")
    checkin(s, e, 0, 2, "same", "--done", "3", "--planned", "3", "--no-red-flags")
    checkin(s, e, 2, 1, "better", "--done", "3", "--planned", "3", "--red-flag", "fever")
    s.run("review", e, "--today", day(3), "--json")
    s.run("clear-red-flag", e, "--today", day(3))
    for n in range(4, 15, 2):
        checkin(s, e, n, 2, "same", "--done", "3", "--planned", "3", "--no-red-flags")
    s.run("review", e, "--today", day(15), "--json")

    s.title("F. sessions not reported are unknown; red flags not asked")
    f = wizard(s, patient, "time")
    for n in (0, 2, 4):
        checkin(s, f, n, 3, "same")
    s.run("review", f, "--today", day(5), "--json")

    s.title("G. a red check-in four weeks old")
    g = wizard(s, patient, "pain")
    for n, pain in ((0, 2), (3, 2), (6, 7)):
        checkin(s, g, n, pain, "same", "--done", "3", "--planned", "3", "--no-red-flags")
    s.run("review", g, "--today", day(35), "--json")

    s.title("H. a ladder for a feared activity (bending rated 60): the first rung waits for the practice")
    h = wizard(s, patient, "time", "--feared", "bending=60")
    for n, harm in ((0, 30), (3, 20), (6, 15)):
        checkin(s, h, n, 3, "same", *week, "--expected-harm", str(harm))
    s.run("review", h, "--today", day(7), "--json")

    s.title("refusals")
    s.run("checkin", e, "--date", "2026-11-01", "--pain", "2", "--morning", "same")
    s.run("checkin", e, "--date", day(2), "--pain", "2", "--morning", "same")
    return "\n".join(s.lines)


HEAD = """# Worked examples of the review (issue 11)

Made with `python tools/review_examples.py` on wizard plans for low back pain (6 weeks, 3 phases,
start {start}, English, walking baseline 10 minutes; patient aged 51), in a fresh database: the
patient is made with the patients service, every other step is a command line. Output as printed,
unedited. Without `--done`/`--planned` the sessions are unknown (never counted as done); without
`--red-flag`/`--no-red-flags` the red-flag question counts as not asked.

```text
"""


def main(argv: list[str]) -> int:
    out = ROOT / "docs" / "review-examples.md"
    for arg in argv:
        if arg.startswith("--out="):
            out = Path(arg.split("=", 1)[1])
    with tempfile.TemporaryDirectory() as folder:
        body = build(Path(folder) / "examples.db")
    out.write_text(HEAD.format(start=START.strftime("%-d %B %Y")) + body + "\n```\n", encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
