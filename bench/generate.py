"""Fill a database with a clinic's ten years of data: 10,000 patients, 50,000 plans with 15-25 items
each, 200,000 check-ins (and optionally 5,000 library blocks). Core bulk inserts, deterministic.

    python bench/generate.py OUT.sqlite3 [--patients 10000] [--plans 50000] [--checkins 200000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import insert, select

from planner.domain.text import fold
from planner.services.database import open_database
from planner.store import tables as t

FIRST = ["Anna", "Bram", "Chantal", "Daan", "Eva", "Fatima", "Gert", "Hanneke", "Ilse", "Jan", "Karin",
         "Lars", "Mohamed", "Noor", "Özlem", "Pieter", "Quinten", "Rianne", "Sem", "Tess", "Ümit", "Vera",
         "Willem", "Xander", "Yara", "Zoë", "Björn", "Céline", "Dragan", "Éva"]
LAST = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
        "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra",
        "Yılmaz", "El Amrani", "Nguyen", "Kowalski", "Papadopoulos", "Ivanova"]
COMPLAINTS = ["Lage rugpijn", "Nekpijn", "Schouderklachten", "Knieklachten", "Heuppijn",
              "Wijdverspreide pijn", "Whiplash", "Na enkelblessure", "Fibromyalgie", "Hoofdpijn en nek"]
REGIONS = ["lower-back", "neck", "shoulder", "knee", "hip", "whole-body", "ankle", "upper-back"]
DOSAGE_COLUMNS = ("sets", "reps", "hold_seconds", "minutes", "times_per_day", "days_per_week", "pain_limit")


def _chunks(rows: list[dict], size: int = 20_000):
    for start in range(0, len(rows), size):
        yield rows[start:start + size]


def add_blocks(db, count: int, rng: random.Random) -> None:
    """Therapist-made blocks, for the library-search benchmark (5,000 in a big clinic)."""
    kinds = ["education", "breathing", "mobility", "balance", "strength", "daily"]
    with db.transaction() as session:
        start = session.scalar(select(t.Block.id).order_by(t.Block.id.desc())) or 0
        blocks, texts = [], []
        for n in range(count):
            block_id = start + n + 1
            kind = kinds[n % len(kinds)]
            title_nl = f"Oefening {n} {rng.choice(['schouder', 'knie', 'rug', 'balans', 'adem', 'heup'])}"
            title_en = f"Exercise {n} {rng.choice(['shoulder', 'knee', 'back', 'balance', 'breath', 'hip'])}"
            blocks.append({"id": block_id, "key": f"custom.bench-{block_id}", "kind": kind, "builtin": False,
                           "version": 1, "regions": [rng.choice(REGIONS)], "equipment": [], "dosage": {"reps": 10},
                           "levels": [], "search_text": fold(f"{title_nl} {title_en}"), "archived": False})
            for lang, title in (("nl", title_nl), ("en", title_en)):
                texts.append({"block_id": block_id, "lang": lang, "title": title, "purpose": "", "steps": [],
                              "safety": "", "body": []})
        session.execute(insert(t.Block), blocks)
        session.execute(insert(t.BlockText), texts)


def generate(path: Path, *, patients: int, plans: int, checkins: int, blocks: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    db = open_database(f"sqlite:///{path}")
    now = dt.datetime(2026, 11, 1)
    with db.reading() as session:
        block_ids = list(session.scalars(select(t.Block.id).where(t.Block.builtin)))
        plan_base = session.scalar(select(t.Plan.id).order_by(t.Plan.id.desc())) or 0
        phase_base = session.scalar(select(t.Phase.id).order_by(t.Phase.id.desc())) or 0
        item_base = session.scalar(select(t.PlanItem.id).order_by(t.PlanItem.id.desc())) or 0
    started = time.perf_counter()
    patient_rows = []
    for pid in range(1, patients + 1):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {pid}"
        complaint = rng.choice(COMPLAINTS)
        updated = now - dt.timedelta(days=rng.randrange(3650), minutes=rng.randrange(1440))
        patient_rows.append({
            "id": pid, "name": name, "birth_date": dt.date(1940 + rng.randrange(60), 1 + rng.randrange(12), 1),
            "complaint": complaint, "region": rng.choice(REGIONS), "language": rng.choice(["nl", "nl", "en"]),
            "private_notes": "", "search_text": fold(f"{name} {complaint}"), "archived": False,
            "created_at": updated, "updated_at": updated,
        })
    plan_rows, phase_rows, item_rows, checkin_rows = [], [], [], []
    phase_id, item_id = phase_base, item_base
    for n_plan in range(plans):
        plan_id = plan_base + n_plan + 1
        patient_id = 1 + n_plan % patients
        updated = patient_rows[patient_id - 1]["updated_at"] - dt.timedelta(days=rng.randrange(60))
        plan_rows.append({
            "id": plan_id, "patient_id": patient_id, "is_template": False, "title": f"Plan {plan_id}",
            "goal": "Weer 30 minuten wandelen", "language": "nl", "start_date": updated.date(),
            "status": rng.choice(["draft", "active", "finished", "finished"]), "mode": "pain",
            "weekly_cap_pct": 10, "archived": False, "version": 1, "template_version": 0,
            "created_at": updated, "updated_at": updated,
        })
        n_items = rng.randint(15, 25)
        per_phase = [n_items // 3, n_items // 3, n_items - 2 * (n_items // 3)]
        for position, count in enumerate(per_phase):
            phase_id += 1
            phase_rows.append({"id": phase_id, "plan_id": plan_id, "position": position,
                               "name": f"Fase {position + 1}", "weeks": 2 + position, "focus": "", "criteria": ""})
            for item_pos in range(count):
                item_id += 1
                row = {"id": item_id, "phase_id": phase_id, "block_id": rng.choice(block_ids),
                       "position": item_pos, "patient_note": "", "private_note": ""}
                row.update({name: None for name in t.PlanItem.__table__.columns.keys()
                            if name not in row and name != "id"})
                row.update({"sets": 2, "reps": 10, "times_per_day": 1, "days_per_week": 3, "pain_limit": 3})
                item_rows.append(row)
    for n in range(checkins):
        plan_id = plan_base + 1 + n % plans
        checkin_rows.append({
            "plan_id": plan_id, "date": dt.date(2025, 1, 1) + dt.timedelta(days=n % 600),
            "pain_during": rng.randrange(11), "next_morning": rng.choice(["better", "same", "worse"]),
            "sessions_done": rng.randrange(8), "sessions_planned": 7, "confidence": rng.randrange(11),
            "note": "", "created_at": now,
        })
    with db.transaction() as session:
        for table, rows in ((t.Patient, patient_rows), (t.Plan, plan_rows), (t.Phase, phase_rows),
                            (t.PlanItem, item_rows), (t.CheckIn, checkin_rows)):
            for chunk in _chunks(rows):
                session.execute(insert(table), chunk)
    if blocks:
        add_blocks(db, blocks, rng)
    with db.engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
        connection.commit()
    db.dispose()
    print(f"generated {patients} patients, {plans} plans, {len(item_rows)} items, {checkins} check-ins, "
          f"{blocks} extra blocks in {time.perf_counter() - started:.1f} s -> {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--patients", type=int, default=10_000)
    parser.add_argument("--plans", type=int, default=50_000)
    parser.add_argument("--checkins", type=int, default=200_000)
    parser.add_argument("--blocks", type=int, default=0)
    args = parser.parse_args()
    if args.out.exists():
        args.out.unlink()
    generate(args.out, patients=args.patients, plans=args.plans, checkins=args.checkins, blocks=args.blocks)


if __name__ == "__main__":
    main()
