"""The therapist's ticks "done in the practice" on the command line (the window uses the same services).

- `exposure PLAN_ID [--tick-practised | --untick-practised] [--rung N] [--today YYYY-MM-DD] [--json]`: show the plan's exposure
  ladder (rungs with their 0-100 ratings, which were practised in the practice, where the patient is, the
  expected harm and whether to move on); the tick options mark the current rung (or `--rung N`, 1-based).
- `balance-rungs PLAN_ID [--json]`: the balance rungs ahead of the patient that need the practice first
  (`level` 0-based as in the dosage objects of `review --json`, `number` 1-based as the window shows it).
- `balance-practised ITEM_ID [--level N] [--undo]`: tick a balance rung of that exercise as done safely in
  the practice (the first one ahead that is not yet ticked, or level N, 1-based as the window shows it).
The patient's expected-harm rating is recorded with the check-in (`checkin ... --expected-harm 0-100`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from planner.cli_common import EXIT_OK, open_db


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value < 2**31:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return value


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: use YYYY-MM-DD") from None


def add_practice_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    exposure = sub.add_parser("exposure", parents=[common],
                              help="show a plan's exposure ladder; tick the current rung as practised in the practice")
    exposure.add_argument("plan_id", type=_positive, metavar="PLAN_ID")
    tick = exposure.add_mutually_exclusive_group()
    tick.add_argument("--tick-practised", action="store_true",
                      help="the first time at the rung was done in the practice, with the therapist")
    tick.add_argument("--untick-practised", action="store_true", help="take that tick back")
    exposure.add_argument("--rung", type=_positive, metavar="N", help="which rung (1 = the lowest; default: the current)")
    exposure.add_argument("--today", type=_date, metavar="YYYY-MM-DD", help="the day of the review (default: today)")
    exposure.add_argument("--json", action="store_true", help="machine-readable output")

    rungs = sub.add_parser("balance-rungs", parents=[common],
                           help="balance rungs ahead of the patient that need the practice first")
    rungs.add_argument("plan_id", type=_positive, metavar="PLAN_ID")
    rungs.add_argument("--json", action="store_true", help="machine-readable output")

    practised = sub.add_parser("balance-practised", parents=[common],
                               help="tick a balance rung of an exercise as done safely in the practice")
    practised.add_argument("item_id", type=_positive, metavar="ITEM_ID")
    practised.add_argument("--level", type=_positive, metavar="N", help="which rung (1 = the easiest)")
    practised.add_argument("--undo", action="store_true", help="take the tick back")


def ladder_json(result: Any) -> dict[str, Any] | None:
    """The ladder of a `PlanReview`: activity, rungs (1-based as shown), current rung and its status."""
    ladder = result.plan.exposure
    if ladder is None:
        return None
    status, lang = result.exposure, result.plan.language
    return {
        "activity": ladder.activity, "activity_rating": ladder.activity_rating, "current": ladder.current + 1,
        "since": ladder.since.isoformat() if ladder.since else None,
        "rungs": [{"rung": n, "name": r.name, "rating": r.rating, "practised": r.practised}
                  for n, r in enumerate(ladder.rungs, 1)],
        "expected_harm": {"first": status.first, "latest": status.latest} if status else None,
        "move_on": bool(status and status.move_on),
        "reason": status.reason(lang) if status else None,
    }


def cmd_exposure(args: argparse.Namespace, database: str | None) -> int:
    from planner.services.practice import tick_current_rung
    from planner.services.review import plan_review

    db = open_db(database)
    try:
        if args.rung is not None and not (args.tick_practised or args.untick_practised):
            print("herstelplan: --rung goes with --tick-practised or --untick-practised", file=sys.stderr)
            return 2
        if args.tick_practised or args.untick_practised:
            tick_current_rung(db, args.plan_id, rung=None if args.rung is None else args.rung - 1,
                              practised=args.tick_practised)
        data = ladder_json(plan_review(db, args.plan_id, today=args.today))
    finally:
        db.dispose()
    if data is None:
        print("herstelplan: this plan has no exposure ladder; the wizard makes one with --feared ACTIVITY=0-100",
              file=sys.stderr)
        return 1
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_OK
    print(f"{data['activity']} ({data['activity_rating']})")
    for rung in data["rungs"]:
        mark = "x" if rung["practised"] else " "
        now = "  <- now" if rung["rung"] == data["current"] else ""
        print(f"  {rung['rung']}. [{mark}] {rung['name']} ({rung['rating']}){now}")
    if data["reason"]:
        print(data["reason"])
    return EXIT_OK


def _rungs_json(rungs: Any, lang: str) -> list[dict[str, Any]]:
    return [{"item_id": r.item_id, "block": r.block.key, "title": r.block.title(lang), "level": r.level, "number": r.level + 1,
             "rung": r.label(lang), "practised": r.ticked} for r in rungs]


def cmd_balance_rungs(args: argparse.Namespace, database: str | None) -> int:
    from planner.services.plans import get_plan
    from planner.services.practice import plan_practice_rungs

    db = open_db(database)
    try:
        lang = get_plan(db, args.plan_id).language
        data = _rungs_json(plan_practice_rungs(db, args.plan_id), lang)
    finally:
        db.dispose()
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for r in data:
            print(f"{r['item_id']:>6}  [{'x' if r['practised'] else ' '}] {r['title']}, rung {r['number']}: {r['rung']}")
    return EXIT_OK


def cmd_balance_practised(args: argparse.Namespace, database: str | None) -> int:
    from planner.services.plans import get_plan, item_plan_id
    from planner.services.practice import tick_balance_item

    db = open_db(database)
    try:
        done = tick_balance_item(db, args.item_id, level=None if args.level is None else args.level - 1,
                                 done=not args.undo)
        lang = get_plan(db, item_plan_id(db, args.item_id)).language
    finally:
        db.dispose()
    r = done.rung
    state = "done safely in the practice" if r.ticked else "not yet done in the practice"
    print(f"{r.block.title(lang)}, rung {r.level + 1} ({r.label(lang)}): {state}")
    return EXIT_OK


PRACTICE_COMMANDS = {
    "exposure": cmd_exposure,
    "balance-rungs": cmd_balance_rungs,
    "balance-practised": cmd_balance_practised,
}
