"""What every command module of the command line shares: exit codes, opening the database, JSON out
and the positive-number argument type. (cli.py builds the parser and plugs in the command modules;
they import this, not cli.py, so the command line has no import cycle.)"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from planner.services.database import Database

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def open_db(database: str | None) -> Database:
    """The database at `database` (a URL; None: the default), opened and migrated as the window does."""
    from planner.services.database import open_database

    return open_database(database)


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return value
