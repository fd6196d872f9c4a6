"""Clinical commands: patients, checkin, review, apply-review (issue 11, a contract) and clear-red-flag.

They use the same services as the window. `add_clinical_commands(sub, common)` adds the parsers;
`CLINICAL_COMMANDS` maps each name to its function (cli.py merges both).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from planner.cli_common import EXIT_ERROR, EXIT_OK, open_db
from planner.domain.model import NextMorning
from planner.domain.thresholds import RedFlag


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: use YYYY-MM-DD") from None


def _ranged(low: int, high: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text!r} must be {low} to {high}")
        return value
    return parse


def _plan_id(text: str) -> int:
    return _ranged(1, 2**31 - 1)(text)


def add_clinical_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    patients = sub.add_parser("patients", parents=[common], help="list the patients (archived ones included)")
    patients.add_argument("--json", action="store_true", help='a list of {"id", "name", "archived"}')

    checkin = sub.add_parser("checkin", parents=[common], help="record a check-in for a plan; print its id")
    checkin.add_argument("plan_id", type=_plan_id, metavar="PLAN_ID")
    checkin.add_argument("--date", required=True, type=_date, metavar="YYYY-MM-DD")
    checkin.add_argument("--pain", required=True, type=_ranged(0, 10), metavar="0-10",
                         help="the highest pain during that day's exercises")
    checkin.add_argument("--morning", required=True, choices=[m.value for m in NextMorning],
                         help="the next morning compared with a usual one")
    checkin.add_argument("--morning-pain", type=_ranged(0, 10), metavar="0-10")
    checkin.add_argument("--done", type=_ranged(0, 99), metavar="N",
                         help="sessions done (without --done and --planned the sessions are unknown, not done)")
    checkin.add_argument("--planned", type=_ranged(0, 99), metavar="N", help="sessions planned")
    flags = checkin.add_mutually_exclusive_group()
    flags.add_argument("--red-flag", nargs="+", choices=[f.value for f in RedFlag], metavar="KEY",
                       help="red flags answered yes: " + ", ".join(f.value for f in RedFlag))
    flags.add_argument("--no-red-flags", action="store_true", help="the red-flag question was answered no")
    checkin.add_argument("--expected-harm", type=_ranged(0, 100), metavar="0-100",
                         help="the patient's rating of the current exposure rung")

    review = sub.add_parser("review", parents=[common], help="review a plan from its check-ins")
    review.add_argument("plan_id", type=_plan_id, metavar="PLAN_ID")
    review.add_argument("--today", type=_date, metavar="YYYY-MM-DD")
    review.add_argument("--json", action="store_true", help="machine-readable output")

    seen = sub.add_parser("clear-red-flag", parents=[common],
                          help="the therapist saw the red flags reported so far; only newer ones stop the plan")
    seen.add_argument("plan_id", type=_plan_id, metavar="PLAN_ID")
    seen.add_argument("--today", type=_date, metavar="YYYY-MM-DD")

    apply = sub.add_parser("apply-review", parents=[common], help="accept the review's proposal; print what changed")
    apply.add_argument("plan_id", type=_plan_id, metavar="PLAN_ID")
    apply.add_argument("--today", type=_date, metavar="YYYY-MM-DD")


def cmd_patients(args: argparse.Namespace, database: str | None) -> int:
    from planner.services import patients

    db = open_db(database)
    try:
        rows = patients.list_patients(db, include_archived=True)
    finally:
        db.dispose()
    rows = sorted(rows, key=lambda p: p.id)
    if args.json:
        json.dump([{"id": p.id, "name": p.name, "archived": p.archived} for p in rows], sys.stdout,
                  ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        for p in rows:
            print(f"{p.id:>5}  {p.name}{'  (archived)' if p.archived else ''}")
    return EXIT_OK


def cmd_checkin(args: argparse.Namespace, database: str | None) -> int:
    from planner.domain.errors import ValidationError
    from planner.services import checkins

    if (args.done is None) != (args.planned is None):
        print("herstelplan: give --done and --planned together", file=sys.stderr)
        return 2
    if args.date > dt.date.today():
        print(f"herstelplan: {args.date:%Y-%m-%d} is in the future: enter the day the patient exercised",
              file=sys.stderr)
        return EXIT_ERROR
    db = open_db(database)
    try:
        # Without --done and --planned the sessions are unknown (0 of 0), never counted as done.
        planned = args.planned if args.planned is not None else 0
        done = args.done if args.done is not None else 0
        flags = list(args.red_flag) if args.red_flag else ([] if args.no_red_flags else None)
        try:
            saved = checkins.record_checkin(
                db, args.plan_id, date=args.date, pain_during=args.pain, next_morning=args.morning,
                morning_pain=args.morning_pain, sessions_done=done, sessions_planned=planned, red_flags=flags,
                expected_harm=args.expected_harm, today=dt.date.today())
        except ValidationError as error:
            print(f"herstelplan: {next(iter(error.problems.values()))}", file=sys.stderr)
            return EXIT_ERROR
    finally:
        db.dispose()
    print(saved.id)
    return EXIT_OK


def review_json(result: Any) -> dict[str, Any]:
    """The contract's object: light, advice, step, reasons, proposal (and the exposure ladder)."""
    review, proposal, lang = result.review, result.proposal, result.plan.language
    data: dict[str, Any] = {
        "light": review.light.value if review.light else None,
        "advice": review.outcome.value,
        "step": review.step.value if review.step else None,
        "reasons": list(review.reasons(lang)),
        "proposal": {
            "action": proposal.action.value,
            "items": [{"item_id": c.item_id, "block": c.block.key,
                       "before": c.before.to_dict() if c.before is not None else None,
                       "after": c.after.to_dict() if c.after is not None else None} for c in proposal.items],
        },
    }
    if review.flags:
        data["red_flags"] = [f.value for f in review.flags]
    if result.exposure is not None:
        e = result.exposure
        data["exposure"] = {"rung": e.rung, "name": e.rung_name, "first": e.first, "latest": e.latest,
                            "practised": e.practised, "move_on": e.move_on, "reason": e.reason(lang)}
    return data


def cmd_review(args: argparse.Namespace, database: str | None) -> int:
    from planner.services.review import plan_review

    db = open_db(database)
    try:
        result = plan_review(db, args.plan_id, today=args.today)
    finally:
        db.dispose()
    data = review_json(result)
    if args.json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(result.review.headline(result.plan.language))
        for reason in data["reasons"]:
            print(f"- {reason}")
        print(result.proposal.summary(result.plan.language))
    return EXIT_OK


def cmd_apply_review(args: argparse.Namespace, database: str | None) -> int:
    from planner.services.review import accept_review

    db = open_db(database)
    try:
        done = accept_review(db, args.plan_id, today=args.today)
    finally:
        db.dispose()
    for line in done.lines(done.review.plan.language):
        print(line)
    return EXIT_OK


def cmd_clear_red_flag(args: argparse.Namespace, database: str | None) -> int:
    from planner.domain.errors import NotFound
    from planner.services.review import clear_red_flags

    db = open_db(database)
    try:
        clear_red_flags(db, args.plan_id, today=args.today)
    except NotFound as error:
        print(f"herstelplan: {error}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        db.dispose()
    day = args.today or dt.date.today()
    print(f"red flags up to {day:%Y-%m-%d} marked as seen by the therapist; only newer ones stop the plan")
    return EXIT_OK


CLINICAL_COMMANDS = {
    "patients": cmd_patients,
    "checkin": cmd_checkin,
    "review": cmd_review,
    "apply-review": cmd_apply_review,
    "clear-red-flag": cmd_clear_red_flag,
}
