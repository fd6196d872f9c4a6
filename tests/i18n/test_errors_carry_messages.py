"""Issue 15, item 2: errors carry message ids and are worded where they are shown.

The store's refusals (a damaged, foreign, newer, locked... database) and the services' validation
errors are `MessageError`s: the window words them in its language, the command line in English.
Before, they were English sentences translated afterwards with `_(str(error))`, and the database
refusals stayed English in the Dutch program.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from planner import i18n
from planner.domain.errors import DatabaseProblem, HerstelplanError, ValidationError
from planner.domain.messages import MessageError, Msg
from planner.services import patients, plans
from planner.services.database import open_database
from planner.store import engine, identity, migrate

ROOT = Path(__file__).resolve().parents[2]


def test_every_known_database_problem_has_its_dutch_words():
    """Each kind the store reports (busy, read-only, full, damaged...) reads differently in Dutch."""
    for kind, message in engine.MESSAGES.items():
        assert isinstance(message, Msg), kind
        assert i18n.word(message, "nl") != i18n.word(message, "en"), kind
    for kind in ("no-database", "no-role", "bad-text", "bad-driver"):
        named = engine._named(kind, "x")
        assert "x" in i18n.word(named, "nl") and i18n.word(named, "nl") != i18n.word(named, "en")


@pytest.mark.parametrize("problem", [
    lambda: migrate.check_revision("9999", has_tables=True),
    lambda: migrate.check_revision(None, has_tables=True),
    lambda: (_ for _ in ()).throw(identity.foreign("boekhouding.sqlite3")),
    lambda: (_ for _ in ()).throw(identity.newer("oud.sqlite3", "9999")),
], ids=["newer", "foreign", "foreign-file", "newer-file"])
def test_a_refused_database_is_a_message_worded_in_the_language_asked(problem):
    with pytest.raises(DatabaseProblem) as refused:
        problem()
    error = refused.value
    assert isinstance(error, MessageError) and isinstance(error.message, Msg)
    dutch, english = i18n.word(error.message, "nl"), i18n.word(error.message, "en")
    assert str(error) == english  # logs and the command line
    assert dutch != english and "Herstelplan" in dutch


def test_validation_problems_are_messages_with_numbers_as_parameters(db):
    """The services say *what* is wrong; the number is a parameter, worded by Babel per language."""
    with pytest.raises(ValidationError) as refused:
        patients.create_patient(db, name="x" * 300, language="xx")
    problems = refused.value.problems
    assert problems["name"].id == "At most {n} characters." and problems["name"].param("n") == 200
    assert i18n.word(problems["name"], "nl") == "Hoogstens 200 tekens."
    assert "Nederlands (nl)" in i18n.word(problems["language"], "en")  # the languages come from data
    assert str(refused.value).startswith("Please correct: name: At most 200 characters.")
    plan = plans.create_plan(db, patient_id=None, title="Sjabloon", language="nl")
    with pytest.raises(ValidationError) as long_goal:
        plans.update_plan(db, plan.id, goal="x" * 20_001, expected_version=plan.version)
    assert i18n.word(long_goal.value.problems["goal"], "nl") == "Hoogstens 20.000 tekens."
    assert i18n.word(long_goal.value.problems["goal"], "en") == "At most 20,000 characters."


def test_the_window_shows_the_refusal_in_dutch(db_path, qapp):
    """ErrorReporter.describe: the Dutch window words a database refusal in Dutch."""
    from planner.ui.common.errors import describe

    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    with pytest.raises(HerstelplanError) as refused:
        open_database(f"sqlite:///{db_path}", daily_backup=False)
    i18n.set_language("nl")
    try:
        shown = describe(refused.value)
    finally:
        i18n.set_language("en")
    assert "nieuwere versie van Herstelplan" in shown and "newer version" not in shown
    assert describe(refused.value) == str(refused.value)  # English in the English window


def test_the_command_line_prints_the_refusal_in_english(db_path, tmp_path):
    """`herstelplan export` on a database from a newer Herstelplan: one English line, exit code 1."""
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", "1", "--out", str(tmp_path / "x.pdf"),
                           "--database", f"sqlite:///{db_path}"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "newer version of Herstelplan" in done.stderr and "schema 9999" in done.stderr
    assert done.stderr.count("\n") == 1


def test_every_lang_option_takes_every_shipped_language():
    """`--lang` of export, wizard and summary: the shipped languages (languages.json), no other."""
    from planner.cli import build_parser
    from planner.languages import codes

    parser = build_parser()
    commands = {"export": ["1", "--out", "x.pdf"], "wizard": ["--patient", "1", "--region", "knee", "--weeks", "6", "--phases", "2", "--mode", "time"], "summary": ["1"]}
    for command, rest in commands.items():
        for code in codes():
            assert parser.parse_args([command, *rest, "--lang", code]).lang == code
        with pytest.raises(SystemExit) as refused:
            parser.parse_args([command, *rest, "--lang", "fr"])
        assert refused.value.code == 2
