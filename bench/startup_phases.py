"""Where the first-paint time goes, phase by phase, for the app and for the bare-window floor: the
profile that explains the start-up ratio. Prints one JSON object of milliseconds since the
interpreter started (time.perf_counter at the first line of this script; the interpreter's own
start before that is the same for both and left out).

    python bench/startup_phases.py --database URL   # the app: main.py's path to first paint
    python bench/startup_phases.py --floor          # the bare window

Phases: `qt` (PySide6 imported), `modules` (the program's own modules imported), `built` (window
constructed), `shown`, `painted` (first paint event handled), `exit` (process about to end).
"""

from __future__ import annotations

import time

START = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

marks: dict[str, float] = {}


def mark(name: str) -> None:
    marks.setdefault(name, (time.perf_counter() - START) * 1000)


def _painted(cls) -> None:
    """Mark the first paint event of windows of `cls` (after the window's own handling of it)."""
    from PySide6.QtCore import QEvent

    original = cls.event

    def event(self, event):
        result = original(self, event)
        if event.type() == QEvent.Type.Paint:
            mark("painted")
        return result

    cls.event = event


def _timed(cls, name: str, label: str) -> None:
    original = getattr(cls, name)

    def wrapper(self, *args, **kwargs):
        result = original(self, *args, **kwargs)
        mark(label)
        return result

    setattr(cls, name, wrapper)


def app(database: str) -> None:
    import PySide6.QtWidgets  # noqa: F401

    import planner.app  # noqa: F401  (main.py's own first import: the command line)

    mark("qt")
    from planner.ui.window import application, main_window

    mark("modules")
    _timed(main_window.MainWindow, "__init__", "built")
    _timed(main_window.MainWindow, "show", "shown")
    _painted(main_window.MainWindow)
    application.run_gui(database=database, quit_after_first_paint=True)


def floor() -> None:
    import PySide6.QtWidgets  # noqa: F401

    mark("qt")
    import bare_window
    from PySide6.QtWidgets import QApplication

    mark("modules")
    _timed(bare_window.Bare, "__init__", "built")
    _timed(bare_window.Bare, "show", "shown")
    _painted(bare_window.Bare)
    application = QApplication(sys.argv[:1])
    window = bare_window.Bare()
    window.show()
    application.exec()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", metavar="URL")
    parser.add_argument("--floor", action="store_true")
    args = parser.parse_args()
    if args.floor:
        floor()
    else:
        app(args.database)
    mark("exit")
    print(json.dumps({name: round(value, 1) for name, value in marks.items()}))
