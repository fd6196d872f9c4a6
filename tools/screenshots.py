"""Make the README screenshots at 1280×800 on a fresh demo database (nothing of yours is read or changed).

    .venv/bin/python tools/screenshots.py [--out docs] [--size 1280x800]

Writes docs/screenshot-editor.png (English, a plan open, a block selected), docs/screenshot-preview.png
(English, the same plan with the handout preview open) and docs/screenshot-library.png (Dutch, the
library searched for `knie`). Runs on the offscreen platform unless QT_QPA_PLATFORM says otherwise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

OTHER_PATIENTS = (("Joost Hendriks", "Knieklachten na hardlopen", dt.date(1979, 5, 2)),
                  ("Els de Wit", "Pijn op veel plekken, moe", dt.date(1966, 9, 21)),
                  ("Youssef el Amrani", "Schouderpijn, 3 maanden", dt.date(1988, 1, 14)),
                  ("Marieke Visser", "Nekpijn na een val", dt.date(1972, 11, 30)))


def _wait(app, seconds: float, until=None) -> None:
    import time

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if until is not None and until():
            return
        time.sleep(0.02)


def _window(db, settings_path: Path, size: tuple[int, int]):
    from planner.ui.settings.settings import Settings
    from planner.ui.window.main_window import MainWindow

    window = MainWindow(db, settings=Settings.at_path(settings_path))
    window.resize(*size)
    window.show()
    return window


def _select_block(window, key: str) -> None:
    for phase in window.doc.plan.phases:
        for item in phase.items:
            if item.block.key.startswith(key.split("*")[0]) and item.block.kind.value == key.split("*")[-1]:
                window.editor.select(("item", item.id))
                window.editor.tree.scrollTo(window.editor.tree.currentIndex())
                return


def make(out: Path, size: tuple[int, int]) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName("Herstelplan")
    from planner.i18n import set_language
    from planner.services import demo, patients
    from planner.services.database import open_database
    from planner.ui.settings.qt_translations import apply_ui_language

    made: list[Path] = []
    with tempfile.TemporaryDirectory() as folder:
        os.environ["HERSTELPLAN_DATA_DIR"] = folder
        db = open_database(f"sqlite:///{Path(folder) / 'screens.sqlite3'}", daily_backup=False)
        plan_id = demo.ensure_demo(db, lang="nl")
        for name, complaint, born in OTHER_PATIENTS:
            patients.create_patient(db, name=name, complaint=complaint, birth_date=born, language="nl")
        apply_ui_language("en")
        window = _window(db, Path(folder) / "desk.ini", size)
        plan = demo_plan = plan_id
        window.patients.select_patient(window.doc.db and _patient_of(db, demo_plan))
        window.open_plan(plan)
        _select_block(window, "strength*strength")
        _wait(app, 0.5)
        made.append(_save(window, out / "screenshot-editor.png"))

        window.actions["preview"].setChecked(True)
        _wait(app, 15, until=lambda: window.preview is not None and window.preview.pdf_bytes is not None)
        _wait(app, 1.0)
        made.append(_save(window, out / "screenshot-preview.png"))
        window.actions["preview"].setChecked(False)
        window.close()

        apply_ui_language("nl")
        window = _window(db, Path(folder) / "desk-nl.ini", size)
        window.patients.select_patient(_patient_of(db, demo_plan))
        window.open_plan(plan)
        window.library.focus_search()
        from PySide6.QtTest import QTest

        QTest.keyClicks(window.library.search, "knie")
        _wait(app, 0.5)
        made.append(_save(window, out / "screenshot-library.png"))
        window.close()
        set_language("en")
        db.dispose()
    return made


def _patient_of(db, plan_id: int) -> int:
    from planner.services import plans

    return plans.get_plan(db, plan_id).patient_id


def _save(window, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(path))
    print(path)
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    parser.add_argument("--size", default="1280x800", help="window size, WIDTHxHEIGHT")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.lower().split("x"))
    make(args.out, (width, height))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
