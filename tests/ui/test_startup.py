"""Start-up: the window paints before SQLAlchemy, ReportLab or QtPdf are imported, the database opens
on a worker thread right after, the panels fill (and apply what was typed meanwhile), the last
session comes back, and a database that cannot be opened is explained."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import Qt

from planner.services import patients, plans
from planner.ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def _run(script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """Run `script` as the program's own process would start (offscreen, a private data folder)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HERSTELPLAN_DATA_DIR": str(tmp_path / "data")}
    env.pop("HERSTELPLAN_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-c", textwrap.dedent(script)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_first_paint_needs_no_database_code(db_path, tmp_path):
    """main.py --quit-after-first-paint shows the window without importing SQLAlchemy, ReportLab or
    QtPdf (they load after the first paint), with no lazily loaded module and the garbage collector
    left alone."""
    done = _run(f"""
        import gc, importlib.util, json, sys
        from planner.app import main
        code = main(["--quit-after-first-paint", "--database", "sqlite:///{db_path}"])
        heavy = [m for m in ("sqlalchemy", "reportlab", "PySide6.QtPdf", "alembic") if m in sys.modules]
        lazy = [name for name, m in list(sys.modules.items())
                if isinstance(getattr(getattr(m, "__spec__", None), "loader", None), importlib.util.LazyLoader)]
        print(json.dumps({{"code": code, "heavy": heavy, "lazy": lazy, "gc": gc.isenabled(),
                           "frozen": gc.get_freeze_count()}}))
    """, tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"code": 0, "heavy": [], "lazy": [], "gc": True, "frozen": 0}


def test_the_window_becomes_ready_with_the_last_session(db, db_path, tmp_path):
    """Started as main.py starts it, the window opens the database after painting, shows the patients
    and reopens yesterday's patient and plan (the state the desk settings remember)."""
    patient = patients.create_patient(db, name="Sanne Bos")
    plan = plans.create_plan(db, patient_id=patient.id, title="Schouder in beweging")
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    (data / "desk.ini").write_text(f"[session]\nlast_patient={patient.id}\nlast_plan={plan.id}\n")
    done = _run(f"""
        import json
        from PySide6.QtCore import QTimer
        from planner import app
        from planner.ui.window import application
        from planner.ui.window import main_window
        seen = {{}}
        original = main_window.MainWindow.attach
        def attach(self, db):
            seen["painted_before"] = self._painted
            original(self, db)
            seen["patients"] = [self.patients.model.patient(r).name for r in range(self.patients.model.rowCount())]
            seen["blocks"] = self.library.model.rowCount()
            seen["plan"] = self.doc.plan.title if self.doc.plan else None
            seen["ready"] = self.is_ready
        main_window.MainWindow.attach = attach
        code = application.run_gui(database="sqlite:///{db_path}", quit_when_ready=True)
        print(json.dumps({{"code": code, **seen}}))
    """, tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0 and result["painted_before"] is True and result["ready"] is True
    assert result["patients"] == ["Sanne Bos"] and result["plan"] == "Schouder in beweging"
    assert result["blocks"] > 50


def test_a_file_that_is_no_database_is_explained_after_the_window_shows(tmp_path):
    """A database that cannot be opened: the window is there, then the start-up problem dialog says
    what is wrong (offering backups, try again, quit); choosing Quit ends the program with 1."""
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("these are not the droids you are looking for\n" * 20)
    done = _run(f"""
        import json
        from planner.ui.files import backup_dialog
        shown = []

        def fake_exec(dialog):
            parent = dialog.parentWidget()
            shown.append((parent is not None and parent.isVisible(), dialog.findChild(
                backup_dialog.QLabel, "problemText").text()))
            dialog.choice = "quit"
            return 0

        backup_dialog.StartupProblemDialog.exec = fake_exec
        from planner.app import start_gui
        code = start_gui(database="sqlite:///{bad}")
        print(json.dumps({{"code": code, "shown": shown}}))
    """, tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 1
    [(window_visible, text)] = result["shown"]
    assert window_visible and "not a Herstelplan database" in text
    assert bad.read_text().startswith("these are not")  # left untouched


def test_a_window_without_database_is_empty_until_attached_and_keeps_what_was_typed(qtbot, db, desk_settings,
                                                                                     english):
    """Built without the database, the window reads nothing and the actions that need the database
    are off; text typed in the patient search meanwhile is the search once the database is handed in;
    `ready` is emitted once."""
    patients.create_patient(db, name="Marieke Visser")
    patients.create_patient(db, name="Jan de Wit")
    window = MainWindow(None, settings=desk_settings)
    qtbot.addWidget(window)
    window.show()
    assert window.patients.model.rowCount() == 0 and window.library.model.rowCount() == 0
    assert not window.is_ready and window.patients.empty.text() == "Opening the database…"
    for name in ("new_patient", "settings", "backup", "import_plan", "new_block"):
        assert not window.actions[name].isEnabled(), name
    assert window.actions["find_patient"].isEnabled() and window.actions["quit"].isEnabled()
    qtbot.keyClicks(window.patients.search, "mari")
    with qtbot.waitSignal(window.ready):
        window.attach(db)
    model = window.patients.model
    assert [model.patient(r).name for r in range(model.rowCount())] == ["Marieke Visser"]
    assert window.library.model.rowCount() > 50 and window.is_ready
    assert window.actions["new_patient"].isEnabled() and window.actions["settings"].isEnabled()
    with qtbot.assertNotEmitted(window.ready):
        window.attach(db)


def test_the_preview_pane_is_made_when_first_shown(qtbot, window, patient_plan):
    """The handout preview dock exists from the start; its pane (and the handout renderer) is made
    the first time the dock is shown, and follows the open plan from then on."""
    from tests.ui.helpers import open_plan

    assert window.preview_dock.pane is None
    open_plan(window, patient_plan)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    pane = window.preview_dock.pane
    assert pane is not None and window.preview is pane and pane.plan_id == patient_plan.id
    assert window.docks["preview"].widget() is pane


def test_the_waiting_texts_are_dutch_in_the_dutch_ui(qtbot, db, desk_settings):
    """In Dutch, the panels say in Dutch that the database and library are being opened."""
    from planner.i18n import set_language

    set_language("nl")
    try:
        window = MainWindow(None, settings=desk_settings)
        qtbot.addWidget(window)
        assert window.patients.empty.text() == "De database wordt geopend…"
        assert window.library.count.text() == "De bibliotheek wordt geopend…"
    finally:
        set_language("en")


def test_a_remembered_patient_far_down_the_list_is_reached_in_one_read(qtbot, db, desk_settings, english, monkeypatch):
    """The last patient of yesterday may be far down the list (150 patients, pages of 100): the window
    reopens them and their plan reading the list once, not page by page."""
    first = patients.create_patient(db, name="Oudste Patiënt")
    plan = plans.create_plan(db, patient_id=first.id, title="Oud plan")
    for n in range(150):
        patients.create_patient(db, name=f"Patiënt {n}")
    desk_settings.last_patient_id = first.id
    desk_settings.last_plan_id = plan.id
    reads = []
    original = patients.list_patients
    monkeypatch.setattr(patients, "list_patients", lambda *a, **k: reads.append(k) or original(*a, **k))
    window = MainWindow(db, settings=desk_settings)
    qtbot.addWidget(window)
    assert window.patients.current_patient().id == first.id
    assert window.doc.plan is not None and window.doc.plan.id == plan.id
    assert len(reads) == 2  # the first page, then once through the remembered patient
