"""Fixtures for the window tests: a main window on a real database, its own settings file, the
UI language back to English afterwards, and helpers that act like a user."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.i18n import set_language
from planner.services import library, patients, plan_items, plans
from planner.ui.settings.settings import Settings


@pytest.fixture
def english() -> Iterator[None]:
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def desk_settings(qapp, tmp_path: Path) -> Settings:
    """This desk's settings in a file of the test's own."""
    return Settings.at_path(tmp_path / "desk.ini")


@pytest.fixture
def window(qtbot, db, desk_settings, english):
    """The main window, shown and active, on a fresh seeded database."""
    from planner.ui.window.main_window import MainWindow

    win = MainWindow(db, settings=desk_settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    yield win
    win.flush()


@pytest.fixture
def template(db):
    """A clinic template with three phases and a few blocks (independent of the shipped templates)."""
    blocks = {b.key: b for b in library.list_blocks(db)}
    tpl = plans.create_plan(db, patient_id=None, title="Test template: calm start", language="nl",
                            phases=[{"name": "Rust", "weeks": 2}, {"name": "Opbouw", "weeks": 3},
                                    {"name": "Dagelijks leven", "weeks": 4}])
    keys = [["education.pain-alarm", "breathing.long-exhale"], ["mobility.pelvic-tilt", "strength.bridge"],
            ["daily.calm-walk"]]
    for phase, phase_keys in zip(tpl.phases, keys, strict=True):
        for key in phase_keys:
            plan_items.add_item(db, phase.id, blocks[key].id)
    return plans.get_plan(db, tpl.id)


@pytest.fixture
def patient_plan(db, template):
    """A patient with a plan made from the template."""
    patient = patients.create_patient(db, name="Anna de Boer", language="nl", complaint="Lage rugpijn")
    return plans.create_from_template(db, template.id, patient_id=patient.id)


@pytest.fixture(autouse=True)
def _export_choice_answered(monkeypatch: pytest.MonkeyPatch) -> None:
    """Export and print ask "desk handout or whole booklet?" in a modal dialog first: in the window
    tests it is answered with its pre-selection (tests/handout/test_export_choice.py drives the dialog)."""
    from PySide6.QtWidgets import QDialog

    from planner.ui.files import export_choice

    monkeypatch.setattr(export_choice.ExportChoiceDialog, "exec",
                        lambda _self: QDialog.DialogCode.Accepted.value)
