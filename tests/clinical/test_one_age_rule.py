"""One age rule for "older adult" (half steps in the wizard, large print in the export dialog, the
review's smaller steps): `domain.schedule.is_older_adult`, read by everything else."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import planner
from planner.domain.schedule import is_older_adult
from planner.domain.thresholds import OLDER_ADULT_AGE


def test_the_birthday_is_the_boundary():
    today = dt.date(2026, 12, 4)
    birthday = dt.date(today.year - OLDER_ADULT_AGE, 12, 4)
    assert is_older_adult(birthday, today)
    assert not is_older_adult(birthday + dt.timedelta(days=1), today)
    assert not is_older_adult(None, today)


def test_no_module_compares_an_age_with_the_threshold_itself():
    """Three copies of the rule existed (wizard, export dialog, schedule); only schedule may hold it."""
    root = Path(planner.__file__).parent
    users = [p.relative_to(root).as_posix() for p in root.rglob("*.py")
             if re.search(r">=\s*OLDER_ADULT_AGE", p.read_text(encoding="utf-8"))]
    assert users == ["domain/schedule.py"]
