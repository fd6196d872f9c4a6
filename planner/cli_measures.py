"""Headless commands for outcome measures: record a score, list scores as CSV, the plan summary."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from planner.cli_common import EXIT_OK, open_db
from planner.domain.measures import Better, Instrument
from planner.languages import codes


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _score(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number")
    return value


def add_parsers(sub: Any, common: argparse.ArgumentParser, positive_int: Any) -> None:
    measure = sub.add_parser(
        "measure", parents=[common],
        help="record an outcome-measure score for a patient; print the score id")
    measure.add_argument("patient_id", type=positive_int, metavar="PATIENT_ID")
    measure.add_argument("--instrument", required=True, choices=[i.value for i in Instrument])
    measure.add_argument("--activity", default="",
                         help="PSK/PSFS: the activity in the patient's words; own measure: its name")
    measure.add_argument("--unit", default="", help="own measure: its unit (minutes, metres, times)")
    measure.add_argument("--better", choices=[Better.LOWER.value, Better.HIGHER.value],
                         help="own measure: which way is better")
    measure.add_argument("--line", type=_score, help="own measure: the line for a real change")
    measure.add_argument("--date", type=_date, default=None, help="YYYY-MM-DD (default: today)")
    measure.add_argument("--score", type=_score, required=True)

    measures = sub.add_parser("measures", parents=[common],
                              help="write every outcome-measure score of a patient (no name) as CSV")
    measures.add_argument("patient_id", type=positive_int, metavar="PATIENT_ID")
    measures.add_argument("--csv", action="store_true", required=True, help="CSV to standard output")

    summary = sub.add_parser("summary", parents=[common],
                             help="a plain-text summary of a plan for the clinic's patient file")
    summary.add_argument("plan_id", type=positive_int, metavar="PLAN_ID")
    summary.add_argument("--lang", default=None, choices=codes(),
                         help="the summary's language (default: the plan's language)")


def cmd_measure(args: argparse.Namespace, database: str | None) -> int:
    from planner.services import measures

    db = open_db(database)
    try:
        date = args.date or dt.date.today()
        instrument = Instrument(args.instrument)
        series = [m for m in measures.list_measures(db, args.patient_id, include_ended=False)
                  if m.instrument is instrument
                  and (instrument in (Instrument.NPRS, Instrument.GPE) or m.label == args.activity.strip())]
        if series:
            measure = series[0]
        else:
            measure = measures.define_measure(
                db, args.patient_id, instrument, label=args.activity, unit=args.unit, better=args.better,
                real_change=args.line, started_on=date)
        print(measures.record_score(db, measure.id, date, args.score).id)
    finally:
        db.dispose()
    return EXIT_OK


def cmd_measures(args: argparse.Namespace, database: str | None) -> int:
    from planner.services.measure_report import scores_csv

    db = open_db(database)
    try:
        text = scores_csv(db, args.patient_id)
    finally:
        db.dispose()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
    return EXIT_OK


def cmd_summary(args: argparse.Namespace, database: str | None) -> int:
    from planner.i18n import SUPPORTED
    from planner.services import plans
    from planner.services.measure_report import plan_summary

    db = open_db(database)
    try:
        lang = args.lang or plans.get_plan(db, args.plan_id).language
        if lang not in SUPPORTED:
            print(f"herstelplan: unknown language {lang!r}; choose one of {', '.join(SUPPORTED)}",
                  file=sys.stderr)
            return 2
        text = plan_summary(db, args.plan_id, lang=lang)
    finally:
        db.dispose()
    sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()
    return EXIT_OK


COMMANDS = {"measure": cmd_measure, "measures": cmd_measures, "summary": cmd_summary}
