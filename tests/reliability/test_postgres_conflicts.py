"""Two desks saving the same plan at the same moment on PostgreSQL: the loser gets the program's
conflict naming both versions, never a raw StaleDataError; the window reloads (issue 14: 4)."""

from __future__ import annotations

import pytest
from sqlalchemy import event, text

from planner.domain.errors import ConflictError
from planner.services import library, patients, plan_items, plans
from planner.services.database import open_database

pytestmark = pytest.mark.postgres


def _meanwhile(desk, action) -> None:
    """Run `action` (another desk's save) once, just before `desk` writes its change: both desks
    passed the version check, and only the database's own version condition sees the clash."""
    done = []

    def before_flush(_session, _context, _instances):
        if not done:
            done.append(True)
            action()

    event.listen(desk._sessions, "before_flush", before_flush)


@pytest.fixture
def desks(pg_url):
    desk_a, desk_b = open_database(pg_url), open_database(pg_url)
    yield desk_a, desk_b
    desk_a.dispose()
    desk_b.dispose()


def test_simultaneous_plan_saves_give_the_conflict_naming_both_versions(desks):
    desk_a, desk_b = desks
    patient = patients.create_patient(desk_a, name="Gelijktijdig")
    plan = plans.create_plan(desk_a, patient_id=patient.id, title="Samen", phases=[{"name": "Een", "weeks": 2}])
    saved = {}
    _meanwhile(desk_b, lambda: saved.setdefault(
        "a", plans.update_plan(desk_a, plan.id, expected_version=plan.version, goal="A").version))
    with pytest.raises(ConflictError) as caught:
        plans.update_plan(desk_b, plan.id, expected_version=plan.version, goal="B")
    message = str(caught.value)
    assert f"version {saved['a']}" in message and f"version {plan.version}" in message, message
    assert "not saved" in message and "Samen" in message
    assert plans.get_plan(desk_b, plan.id).goal == "A"


def test_simultaneous_item_saves_give_the_conflict_too(desks):
    desk_a, desk_b = desks
    patient = patients.create_patient(desk_a, name="Gelijktijdig")
    plan = plans.create_plan(desk_a, patient_id=patient.id, title="Items", phases=[{"name": "Een", "weeks": 2}])
    block = library.list_blocks(desk_a, kind="mobility")[0]
    change, item_id = plan_items.add_item(desk_a, plan.phases[0].id, block.id)
    version = change.version
    saved = {}
    _meanwhile(desk_b, lambda: saved.setdefault(
        "a", plan_items.remove_item(desk_a, item_id, expected_version=version)[0].version))
    with pytest.raises(ConflictError) as caught:
        plan_items.update_item(desk_b, item_id, patient_note="B", expected_version=version)
    message = str(caught.value)
    assert f"version {saved['a']}" in message and f"version {version}" in message, message


def test_an_item_removed_behind_the_plans_back_is_a_conflict_not_a_crash(desks):
    """Even a row removed without a new plan version (another program) gives the conflict."""
    desk_a, desk_b = desks
    patient = patients.create_patient(desk_a, name="Gelijktijdig")
    plan = plans.create_plan(desk_a, patient_id=patient.id, title="Weg", phases=[{"name": "Een", "weeks": 2}])
    block = library.list_blocks(desk_a, kind="mobility")[0]
    change, item_id = plan_items.add_item(desk_a, plan.phases[0].id, block.id)

    def remove_behind() -> None:
        with desk_a.engine.begin() as connection:
            connection.execute(text("DELETE FROM plan_items WHERE id = :id"), {"id": item_id})

    _meanwhile(desk_b, remove_behind)
    with pytest.raises(ConflictError) as caught:
        plan_items.update_item(desk_b, item_id, patient_note="B", expected_version=change.version)
    assert "Weg" in str(caught.value) and "not saved" in str(caught.value)
