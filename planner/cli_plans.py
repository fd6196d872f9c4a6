"""Command-line commands that build and check plans: `wizard` and `check-plan` (issue 11, item 9).

`add_plan_commands(sub, common, commands)` adds their sub-parsers and registers their handlers;
`planner.cli` calls it. They use the same services as the window.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from planner.cli_common import EXIT_ERROR, EXIT_OK, EXIT_USAGE, open_db, positive_int, print_json
from planner.domain.kinds import REGIONS
from planner.domain.model import ProgressionMode
from planner.languages import codes

_LISTS = "%(wizard lists)s"  # replaced when --help is shown (reading the priorities costs a moment)


class _WizardHelp(argparse.RawDescriptionHelpFormatter):
    """Help text whose epilog lists the regions and the feared activities the library knows."""

    def add_text(self, text: str | None) -> None:
        if text == _LISTS:
            text = _wizard_lists()
        super().add_text(text)


def _wizard_lists() -> str:
    from planner.services.library import clinical_priorities

    activities = clinical_priorities().activities
    lines = ["regions (each has clinical priorities in the library):", "  " + ", ".join(REGIONS), "",
             "feared activities for --feared ACTIVITY=RATING (rating 0-100):"]
    lines += [f"  {key:<20} {a.title('en')} / {a.title('nl')}" for key, a in sorted(activities.items())]
    return "\n".join(lines)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-03-02") from None


def _feared(text: str) -> tuple[str, int]:
    activity, sep, rating = text.partition("=")
    if not sep or not activity.strip():
        raise argparse.ArgumentTypeError(f"{text!r} is not ACTIVITY=RATING, e.g. bending=60")
    try:
        value = int(rating)
    except ValueError:
        raise argparse.ArgumentTypeError(f"the rating in {text!r} is not a whole number from 0 to 100") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"the rating in {text!r} must be from 0 to 100")
    return activity.strip(), value


def add_plan_commands(sub: Any, common: argparse.ArgumentParser, commands: dict[str, Any]) -> None:
    """Add `wizard` and `check-plan` to the sub-parsers and their handlers to `commands`."""
    wizard = sub.add_parser(
        "wizard", parents=[common], formatter_class=_WizardHelp, epilog=_LISTS,
        help="make a plan for a patient with the wizard; print its id",
        description="Make a plan the way a physiotherapist would: exercises by clinical priority for the "
        "region (and the feared activity), breathing in every phase, 3-6 exercises a session, beginner "
        "levels first. A phase lasts at least 2 weeks: at most half as many phases as weeks.",
    )
    wizard.add_argument("--patient", required=True, type=positive_int, metavar="ID")
    wizard.add_argument("--region", required=True, choices=REGIONS, metavar="REGION",
                        help="the complaint region: " + ", ".join(REGIONS))
    wizard.add_argument("--weeks", required=True, type=positive_int, metavar="N")
    wizard.add_argument("--phases", required=True, type=positive_int, metavar="N")
    wizard.add_argument("--mode", required=True, choices=[m.value for m in ProgressionMode],
                        help="time: graded activity, quotas on a schedule (the default for persistent pain); "
                        "pain: steps when the pain and the next morning allow")
    wizard.add_argument("--start", type=_date, metavar="YYYY-MM-DD", help="first day (default: today)")
    wizard.add_argument("--baseline-walk", type=positive_int, metavar="MINUTES",
                        help="minutes the patient walks on an average day; the walking quota starts a little below")
    wizard.add_argument("--feared", type=_feared, metavar="ACTIVITY=0-100",
                        help="a feared activity and how much harm the patient expects from it (0-100)")
    wizard.add_argument("--lang", choices=codes(), help="the handout language (default: the patient's)")
    commands["wizard"] = cmd_wizard

    check = sub.add_parser("check-plan", parents=[common],
                           help="list a plan's (or template's) check warnings; [] when there are none")
    check.add_argument("plan_id", type=positive_int, metavar="PLAN_ID",
                       help="a plan id, or a template id from `templates --json`")
    check.add_argument("--json", action="store_true",
                       help='machine-readable: a list of {"code", "phase" (number from 1), "block", "message"}')
    commands["check-plan"] = cmd_check_plan


def _fail(message: str, code: int = EXIT_ERROR) -> int:
    print(f"herstelplan: {message}", file=sys.stderr)
    return code


def cmd_wizard(args: argparse.Namespace, database: str | None) -> int:
    from planner.domain.wizard import Baseline, WizardRequest, max_phases, validate_request
    from planner.services import patients
    from planner.services import wizard as wizard_service
    from planner.services.library import clinical_priorities

    if args.phases > max_phases(args.weeks):
        return _fail(f"{args.phases} phases in {args.weeks} weeks is too many: a phase lasts at least 2 weeks, "
                     f"so use --phases {max(max_phases(args.weeks), 1)} or fewer, or more --weeks", EXIT_USAGE)
    activity, rating = args.feared or (None, None)
    known = clinical_priorities().activities
    if activity is not None and activity not in known:
        return _fail(f"unknown feared activity {activity!r}; known: {', '.join(sorted(known))}", EXIT_USAGE)
    db = open_db(database)
    try:
        patient = patients.get_patient(db, args.patient)
        request = WizardRequest(
            region=args.region, weeks=args.weeks, phases=args.phases, mode=ProgressionMode(args.mode),
            language=args.lang or patient.language, baseline=Baseline(walk_minutes=args.baseline_walk),
            activity=activity, feared_rating=rating,
        )
        problems = validate_request(request)
        if problems:
            return _fail("; ".join(f"{field}: {text}" for field, text in problems.items()), EXIT_USAGE)
        plan = wizard_service.create_plan_with_wizard(db, patient.id, request, start_date=args.start)
    finally:
        db.dispose()
    print(plan.id)
    return EXIT_OK


def cmd_check_plan(args: argparse.Namespace, database: str | None) -> int:
    from planner.services.plan_checks import check_rows

    db = open_db(database)
    try:
        rows = check_rows(db, args.plan_id)
    finally:
        db.dispose()
    if args.json:
        print_json(rows)
    elif not rows:
        print("no warnings")
    else:
        for row in rows:
            where = f"phase {row['phase']}" + (f", {row['block']}" if row["block"] else "")
            print(f"{row['code']:<16} {where}: {row['message']}")
    return EXIT_OK
