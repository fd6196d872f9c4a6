"""Headless commands (`python main.py --help`); they reuse the services the GUI uses."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, NoReturn

from planner import __version__, cli_measures
from planner.cli_common import EXIT_ERROR, EXIT_OK, EXIT_USAGE, open_db, positive_int, print_json
from planner.domain.errors import HerstelplanError
from planner.domain.thresholds import DIARY_WEEKS_MAX
from planner.languages import codes


class _Parser(argparse.ArgumentParser):
    """Bad arguments give one clear line and exit code 2, never a traceback or a usage dump."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see --help)\n")


def _diary_weeks(text: str) -> int:
    value = positive_int(text)
    if value > DIARY_WEEKS_MAX:
        raise argparse.ArgumentTypeError(f"{text!r}: at most {DIARY_WEEKS_MAX} weeks of diary pages")
    return value


def build_parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--database", metavar="URL", default=argparse.SUPPRESS,
        help="SQLAlchemy database URL (default: HERSTELPLAN_DATABASE_URL or the SQLite file "
        "in your data folder), e.g. postgresql+psycopg://user@server/herstelplan",
    )
    parser = _Parser(
        prog="herstelplan", parents=[common],
        description="Herstelplan: progressive exercise plans and patient handouts. "
        "Without a command, the program window opens.",
    )
    parser.add_argument("--version", action="version", version=f"Herstelplan {__version__}")
    parser.add_argument("--quit-after-first-paint", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    sub.add_parser("demo", parents=[common], help="create the demo patient and plan; print the plan id")

    export = sub.add_parser("export", parents=[common], help="write a plan's patient handout as PDF")
    export.add_argument("plan_id", type=positive_int, metavar="PLAN_ID")
    export.add_argument("--out", required=True, type=Path, metavar="FILE.pdf")
    export.add_argument("--lang", choices=codes(), help="handout language (default: the plan's)")
    export.add_argument("--paper", choices=("a4", "letter"), default="a4")
    export.add_argument("--large-print", action="store_true", help="14 pt body text and larger headings")
    export.add_argument("--full", action="store_true",
                        help="the whole booklet (every phase in full) instead of the desk handout")
    export.add_argument("--diary-weeks", type=_diary_weeks, metavar="N",
                        help=f"diary pages, 1 to {DIARY_WEEKS_MAX} (default: one per week of the current phase)")

    backup = sub.add_parser("backup", parents=[common], help="make a verified backup of the SQLite database")
    backup.add_argument("--to", type=Path, metavar="FILE", help="where to write it (default: the backup folder)")

    sub.add_parser("check", parents=[common], help="check the database's integrity and schema")

    library = sub.add_parser("library", parents=[common], help="list the block library")
    library.add_argument("--json", action="store_true", help="machine-readable output")

    templates = sub.add_parser("templates", parents=[common], help="list the plan templates")
    templates.add_argument("--json", action="store_true", help="machine-readable output")
    _add_reliability_commands(sub, common)
    from planner.cli_plans import add_plan_commands
    add_plan_commands(sub, common, COMMANDS)
    from planner.cli_clinical import add_clinical_commands; add_clinical_commands(sub, common)  # noqa: E702, I001
    from planner.cli_practice import add_practice_commands; add_practice_commands(sub, common)  # noqa: E702, I001
    return parser


def _add_reliability_commands(sub: Any, common: argparse.ArgumentParser) -> None:
    """Backups, restore, plan files and the patient's rights (export, erase)."""
    sub.add_parser("backups", parents=[common], help="list the backups in the backup folder, newest first")

    restore = sub.add_parser("restore", parents=[common],
                             help="replace the database with a backup (after backing up the database as it is)")
    restore.add_argument("file", type=Path, metavar="FILE", help="the backup to restore")

    export_plan = sub.add_parser("export-plan", parents=[common],
                                 help="write a plan or template as a plan file (docs/plan-file-format.md)")
    export_plan.add_argument("plan_id", type=positive_int, metavar="PLAN_ID")
    export_plan.add_argument("--out", required=True, type=Path, metavar="FILE.json")

    import_plan = sub.add_parser("import", parents=[common],
                                 help="import a plan file as a clinic template (or a patient's draft plan)")
    import_plan.add_argument("file", type=Path, metavar="FILE.json")
    import_plan.add_argument("--patient", type=positive_int, metavar="PATIENT_ID",
                             help="make it a draft plan for this patient instead of a template")

    export_patient = sub.add_parser("export-patient", parents=[common],
                                    help="export everything about one patient (JSON and handouts) into a folder")
    export_patient.add_argument("patient_id", type=positive_int, metavar="PATIENT_ID")
    export_patient.add_argument("--out", required=True, type=Path, metavar="DIR")

    erase = sub.add_parser("erase-patient", parents=[common],
                           help="erase one patient and everything about them, for good")
    erase.add_argument("patient_id", type=positive_int, metavar="PATIENT_ID")
    erase.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")

    cli_measures.add_parsers(sub, common, positive_int)


def run(args: argparse.Namespace) -> int:
    """Run one headless command; known problems become one clear line and exit code 1."""
    database = getattr(args, "database", None)
    try:
        return COMMANDS[args.command](args, database)
    except HerstelplanError as error:
        print(f"herstelplan: {error}", file=sys.stderr)
        return EXIT_ERROR
    except OSError as error:
        where = f": {error.filename}" if error.filename else ""
        print(f"herstelplan: {error.strerror or error}{where}", file=sys.stderr)
        return EXIT_ERROR


def cmd_demo(args: argparse.Namespace, database: str | None) -> int:  # noqa: ARG001 - every command takes (args, database)
    from planner.services.demo import ensure_demo

    db = open_db(database)
    try:
        print(ensure_demo(db))
    finally:
        db.dispose()
    return EXIT_OK


def cmd_export(args: argparse.Namespace, database: str | None) -> int:
    from planner.handout.model import HandoutOptions
    from planner.services import handouts, plans

    db = open_db(database)
    try:
        plan = plans.get_plan(db, args.plan_id)
        options = HandoutOptions(
            lang=args.lang or plan.language, paper=args.paper, large_print=args.large_print,
            diary_weeks=args.diary_weeks, full=args.full,
        )
        if not args.out.parent.exists():
            print(f"herstelplan: the folder {args.out.parent} does not exist", file=sys.stderr)
            return EXIT_ERROR
        out = handouts.export_handout(db, args.plan_id, args.out, options)
        print(out)
    finally:
        db.dispose()
    return EXIT_OK


def cmd_backup(args: argparse.Namespace, database: str | None) -> int:
    from planner.services import maintenance

    db = open_db(database)
    try:
        print(maintenance.backup(db, to=args.to))
    finally:
        db.dispose()
    return EXIT_OK


def cmd_check(args: argparse.Namespace, database: str | None) -> int:  # noqa: ARG001 - every command takes (args, database)
    from planner.services import maintenance

    ok, lines = maintenance.check(database)
    for line in lines:
        print(line, file=sys.stdout if ok else sys.stderr)
    return EXIT_OK if ok else EXIT_ERROR


def cmd_library(args: argparse.Namespace, database: str | None) -> int:
    from planner.services import catalogue

    db = open_db(database)
    try:
        blocks = catalogue.library_listing(db)
    finally:
        db.dispose()
    if args.json:
        print_json(blocks)
    else:
        for block in blocks:
            print(f"{block['key']:<40} {block['kind']:<10} {block['title']['nl']} / {block['title']['en']}")
    return EXIT_OK


def cmd_templates(args: argparse.Namespace, database: str | None) -> int:
    from planner.services import catalogue

    db = open_db(database)
    try:
        templates = catalogue.template_listing(db)
    finally:
        db.dispose()
    if args.json:
        print_json(templates)
    else:
        for template in templates:
            weeks = sum(p["weeks"] for p in template["phases"])
            print(f"{template['key']:<36} {len(template['phases'])} phases, {weeks} weeks  "
                  f"{template['title'].get('nl', '')} / {template['title'].get('en', '')}")
    return EXIT_OK


def cmd_backups(args: argparse.Namespace, database: str | None) -> int:  # noqa: ARG001 - every command takes (args, database)
    from planner.services import maintenance

    found = maintenance.list_backups()
    if not found:
        print("no backups yet")
    for info in found:
        print(f"{info.taken_at:%Y-%m-%d %H:%M:%S}  {info.reason:<24} {info.size_bytes // 1024:>8} KB  {info.path}")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace, database: str | None) -> int:
    from planner.services import maintenance

    report = maintenance.restore_backup(database, args.file)
    print(f"restored {report.restored_from} (schema {report.revision})")
    if report.safety_backup is not None:
        print(f"the database as it was is kept in {report.safety_backup}")
    if report.set_aside is not None:
        print(f"the damaged database was moved aside to {report.set_aside}")
    return EXIT_OK


def cmd_export_plan(args: argparse.Namespace, database: str | None) -> int:
    from planner.services import transfer

    if not args.out.parent.exists():
        print(f"herstelplan: the folder {args.out.parent} does not exist", file=sys.stderr)
        return EXIT_ERROR
    db = open_db(database)
    try:
        print(transfer.export_plan_file(db, args.plan_id, args.out))
    finally:
        db.dispose()
    return EXIT_OK


def cmd_import(args: argparse.Namespace, database: str | None) -> int:
    from planner.services import transfer

    checked = transfer.read_file(args.file)  # a bad file is refused before the database is opened
    db = open_db(database)
    try:
        plan = transfer.import_data(db, checked, patient_id=args.patient)
    finally:
        db.dispose()
    kind = "template" if plan.is_template else "plan"
    print(f"imported {kind} {plan.id}: {len(plan.phases)} phases, "
          f"{sum(len(p.items) for p in plan.phases)} items")
    return EXIT_OK


def cmd_export_patient(args: argparse.Namespace, database: str | None) -> int:
    from planner.services import privacy

    db = open_db(database)
    try:
        done = privacy.export_patient(db, args.patient_id, args.out)
    finally:
        db.dispose()
    for path in done.files:
        print(path)
    return EXIT_OK


def cmd_erase_patient(args: argparse.Namespace, database: str | None) -> int:
    from planner.services import privacy

    if not args.yes:
        print("herstelplan: erasing a patient cannot be undone; add --yes to confirm", file=sys.stderr)
        return EXIT_USAGE
    from planner.domain.errors import NotFound

    db = open_db(database)
    try:
        try:
            erased = privacy.erase_patient(db, args.patient_id)
        except NotFound:
            if not db.is_sqlite:
                raise
            # the advice after an erase another program kept from cleaning: running it again cleans
            print(f"herstelplan: {privacy.scrub_after_erase(db, args.patient_id)}", file=sys.stderr)
            return EXIT_ERROR
    finally:
        db.dispose()
    print(erased.message())
    if not erased.scrubbed:
        print(f"herstelplan: {erased.unscrubbed}", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


COMMANDS = {
    "demo": cmd_demo,
    "export": cmd_export,
    "backup": cmd_backup,
    "check": cmd_check,
    "library": cmd_library,
    "templates": cmd_templates,
    "backups": cmd_backups,
    "restore": cmd_restore,
    "export-plan": cmd_export_plan,
    "import": cmd_import,
    "export-patient": cmd_export_patient,
    "erase-patient": cmd_erase_patient,
}
from planner.cli_clinical import CLINICAL_COMMANDS; COMMANDS.update(CLINICAL_COMMANDS)  # noqa: E402, E702, I001
from planner.cli_practice import PRACTICE_COMMANDS; COMMANDS.update(PRACTICE_COMMANDS)  # noqa: E402, E702, I001

COMMANDS.update(cli_measures.COMMANDS)
