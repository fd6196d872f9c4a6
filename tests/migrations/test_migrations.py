"""Alembic migrations: one linear history, empty -> head, models agree, round trip, refusals."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from planner.domain.errors import DatabaseProblem
from planner.paths import MIGRATIONS_DIR
from planner.services.database import open_database
from planner.store import backup, migrate
from planner.store.engine import Database
from planner.store.tables import Base


def _script() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(config)


def test_history_is_linear_with_one_head_matching_the_file_names():
    """One head, no branches, and the fast head check (file names) agrees with Alembic."""
    script = _script()
    assert len(script.get_heads()) == 1
    assert script.get_current_head() == migrate.head_revision()
    revisions = [rev.revision for rev in script.walk_revisions()]
    assert sorted(revisions) == migrate.known_revisions()
    for rev in script.walk_revisions():
        assert rev.down_revision is None or isinstance(rev.down_revision, str)


def _assert_models_match(db: Database) -> None:
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_empty_sqlite_to_head_matches_the_models(tmp_path):
    """A new SQLite file is created at head, and the schema equals the ORM models."""
    db = open_database(f"sqlite:///{tmp_path / 'new.sqlite3'}", seed=False)
    with db.engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()
    _assert_models_match(db)
    db.dispose()


@pytest.mark.postgres
def test_empty_postgres_to_head_matches_the_models(pg_url):
    """The same migrations build the same schema on a real PostgreSQL server."""
    db = open_database(pg_url, seed=False)
    with db.engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()
    _assert_models_match(db)
    db.dispose()


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_downgrade_to_base_and_up_again(backend, tmp_path, request):
    """Every migration can be undone and redone."""
    url = f"sqlite:///{tmp_path / 'rt.sqlite3'}" if backend == "sqlite" else request.getfixturevalue("pg_url")
    db = open_database(url, seed=False)
    migrate.run_alembic(db, "downgrade", "base")
    with db.engine.connect() as connection:
        assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
    migrate.run_alembic(db, "upgrade", "head")
    _assert_models_match(db)
    db.dispose()


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_newer_database_is_refused_and_left_untouched(db_path):
    """A database written by a newer version gives a clear message and is not changed."""
    con = sqlite3.connect(db_path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = _digest(db_path)
    with pytest.raises(DatabaseProblem) as caught:
        open_database(f"sqlite:///{db_path}")
    assert caught.value.kind == "newer"
    assert "newer version" in str(caught.value)
    assert _digest(db_path) == before


def test_foreign_sqlite_database_is_refused(tmp_path):
    """Another program's SQLite file is not taken over."""
    path = tmp_path / "other.sqlite3"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseProblem) as caught:
        open_database(f"sqlite:///{path}")
    assert caught.value.kind == "foreign"
    con = sqlite3.connect(path)
    assert con.execute("SELECT name FROM sqlite_master").fetchall() == [("recipes",)]
    con.close()


def test_corrupt_file_is_refused_and_not_overwritten(tmp_path):
    """A damaged file gives DatabaseProblem('corrupt') and keeps its bytes."""
    path = tmp_path / "broken.sqlite3"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    before = _digest(path)
    with pytest.raises(DatabaseProblem) as caught:
        open_database(f"sqlite:///{path}")
    assert caught.value.kind == "corrupt"
    assert _digest(path) == before


def test_database_behind_head_is_backed_up_before_migrating(db_path, monkeypatch, _private_data_dir):
    """When a migration is due, a verified backup of the SQLite file is made first."""
    real = migrate.known_revisions()
    later = f"{int(real[-1]) + 1:04d}"
    monkeypatch.setattr(migrate, "known_revisions", lambda: [*real, later])
    monkeypatch.setattr(migrate, "head_revision", lambda: later)
    ran = []
    monkeypatch.setattr(migrate, "run_alembic", lambda db, direction, target: ran.append((direction, target)))
    db = Database(f"sqlite:///{db_path}")
    assert migrate.upgrade(db) is True
    db.dispose()
    assert ran == [("upgrade", "head")]
    found = backup.list_backups(_private_data_dir / "backups")
    assert len(found) == 1 and f"before-migration-{real[-1]}" in found[0].name
    backup.verify(found[0])


def test_failed_migration_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    """A migration that fails half-way is rolled back whole (transactional DDL on SQLite)."""
    path = tmp_path / "fail.sqlite3"
    db = Database(f"sqlite:///{path}")
    from alembic import command

    real_upgrade = command.upgrade

    def failing_upgrade(config, target):
        real_upgrade(config, target)
        raise RuntimeError("disk pulled out")

    monkeypatch.setattr(command, "upgrade", failing_upgrade)
    with pytest.raises(RuntimeError):
        migrate.upgrade(db)
    with db.engine.connect() as connection:
        assert inspect(connection).get_table_names() == []
        assert connection.execute(text("SELECT 1")).scalar() == 1
    db.dispose()


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_0002_keeps_existing_check_ins_and_stores_the_current_phase(backend, tmp_path, request):
    """A database at 0001 with a plan and a check-in: after 0002 the check-in means what it meant
    (its next morning kept, morning pain unknown, red flags not asked), patients have not fallen,
    and the plan's current phase is the one its dates gave."""
    import datetime as dt

    url = f"sqlite:///{tmp_path / 'm.sqlite3'}" if backend == "sqlite" else request.getfixturevalue("pg_url")
    db = open_database(url, seed=False)
    migrate.run_alembic(db, "downgrade", "0001")
    start = dt.date.today() - dt.timedelta(days=17)  # phase 1 of 2 weeks is over: phase 2 by the dates
    with db.engine.begin() as c:
        c.execute(text("INSERT INTO patients (id, name, complaint, region, language, private_notes, search_text, "
                       "archived, created_at, updated_at) VALUES (1, 'A', '', '', 'nl', '', '', :f, :now, :now)"),
                  {"f": False, "now": dt.datetime(2026, 1, 1)})
        c.execute(text("INSERT INTO plans (id, patient_id, is_template, template_version, title, goal, language, "
                       "start_date, status, mode, weekly_cap_pct, archived, version, created_at, updated_at) VALUES "
                       "(1, 1, :f, 0, 'P', '', 'nl', :start, 'active', 'pain', 10, :f, 1, :now, :now)"),
                  {"f": False, "start": start, "now": dt.datetime(2026, 1, 1)})
        for pid, pos in ((10, 0), (11, 1)):
            c.execute(text("INSERT INTO phases (id, plan_id, position, name, weeks, focus, criteria) VALUES "
                           "(:id, 1, :pos, 'F', 2, '', '')"), {"id": pid, "pos": pos})
        c.execute(text("INSERT INTO checkins (id, plan_id, date, pain_during, next_morning, sessions_done, "
                       "sessions_planned, note, created_at) VALUES (1, 1, :d, 4, 'worse', 3, 5, '', :now)"),
                  {"d": start, "now": dt.datetime(2026, 1, 1)})
    migrate.run_alembic(db, "upgrade", "head")
    _assert_models_match(db)
    from planner.services import checkins, patients, plans

    old = checkins.list_checkins(db, 1)[0]
    assert (old.pain_during, old.next_morning.value, old.morning_pain, old.red_flags) == (4, "worse", None, None)
    assert plans.get_plan(db, 1).current_phase_id == 11
    patient = patients.get_patient(db, 1)
    assert (patient.fell_last_year, patient.fears_falling) == (False, False)
    db.dispose()


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_0004_adds_made_words_to_a_database_with_plans_and_takes_them_away_again(backend, tmp_path, request):
    """A database at 0003 with the demo plan in it: 0004 adds phases.made_words and plans.made_title
    (empty: the plan prints its stored text as before), and the downgrade drops them and keeps the plan."""
    from planner.handout.model import HandoutOptions
    from planner.services import handouts, plans
    from planner.services.demo import ensure_demo
    from tests.handout.helpers import text as pdf_text

    url = f"sqlite:///{tmp_path / 'm4.sqlite3'}" if backend == "sqlite" else request.getfixturevalue("pg_url")
    db = open_database(url, daily_backup=False)
    plan_id = ensure_demo(db)
    names = [phase.name for phase in plans.get_plan(db, plan_id).phases]
    migrate.run_alembic(db, "downgrade", "0003")
    with db.engine.connect() as connection:
        assert "made_words" not in {c["name"] for c in inspect(connection).get_columns("phases")}
        assert "made_title" not in {c["name"] for c in inspect(connection).get_columns("plans")}
        assert [r[0] for r in connection.execute(
            text("SELECT name FROM phases WHERE plan_id = :p ORDER BY position"), {"p": plan_id})] == names
    migrate.run_alembic(db, "upgrade", "head")
    _assert_models_match(db)
    old = plans.get_plan(db, plan_id)
    assert [phase.name for phase in old.phases] == names
    assert all(phase.made.name is None for phase in old.phases) and old.made_title is None
    english = pdf_text(handouts.render_handout(db, plan_id, HandoutOptions(lang="en", full=True)))
    assert all(name in english for name in names)  # as before 0004: the stored (Dutch) names
    migrate.run_alembic(db, "downgrade", "0003")
    migrate.run_alembic(db, "upgrade", "head")
    assert [phase.name for phase in plans.get_plan(db, plan_id).phases] == names
    db.dispose()
