"""In-process interaction benchmarks on real widgets (offscreen): library search and patient search per
keystroke, opening a plan into the editor, adding an item (undo command, commit, editor refresh) and
recording a check-in. Each returns {"median_ms", "p90_ms", "max_ms", "n", ...}.

    .venv/bin/python bench/interactions.py [--database FILE] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import large_database, summary, working_copy

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("HERSTELPLAN_USER", "bench")

LIBRARY_QUERIES = ("schouder", "knee 12", "adem", "Exercise 4711", "balans", "zzz")
PATIENT_QUERIES = ("jan", "özlem", "de vries 12", "lage rug", "Yılmaz", "zzz")


def _app():
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([sys.argv[0]])


class _Paints:
    """Counts paint events on a widget: proof that a keystroke's result reached the screen."""

    def __init__(self, widget) -> None:
        from PySide6.QtCore import QEvent, QObject

        outer = self

        class Filter(QObject):
            def eventFilter(self, _obj, event) -> bool:  # noqa: N802
                if event.type() == QEvent.Type.Paint:
                    outer.count += 1
                return False

        self.count = 0
        self._filter = Filter()
        widget.installEventFilter(self._filter)


@contextmanager
def _database(path: Path) -> Iterator[Any]:
    """The database at `path`, opened as the program does (no daily backup); its data folder (desk
    settings, logs) is next to it."""
    os.environ["HERSTELPLAN_DATA_DIR"] = str(path.parent / "data-inprocess")
    from planner.services.database import open_database

    db = open_database(f"sqlite:///{path}", daily_backup=False)
    try:
        yield db
    finally:
        db.dispose()


def _settings(folder: Path):
    """Fresh desk settings: no remembered layout, patient or plan."""
    from planner.ui.settings.settings import Settings

    path = folder / "data-inprocess" / "bench-desk.ini"
    path.unlink(missing_ok=True)
    return Settings.at_path(path)


def _key(field, char: str) -> None:
    """One key press and release as a keyboard sends it (QTest handles ASCII only: 'ö' goes as text)."""
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    if char.isascii():
        QTest.keyClicks(field, char)
        return
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(field, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def _type(app, field, text: str, paints: _Paints, times: list[float]) -> int:
    """Type `text` one key at a time; per key the time until the events (and the repaint) are done."""
    shown = 0
    for char in text:
        before = paints.count
        start = time.perf_counter()
        _key(field, char)
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
        shown += paints.count > before
    return shown


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)


def _clear(app, field) -> None:
    field.clear()
    app.processEvents()


def _counting_delegate(view):
    """The panel's own row delegate, counting the rows it paints (proof that a keystroke's result,
    not an empty or half-laid-out list, reached the screen)."""
    from planner.ui.common.list_delegate import TwoLineDelegate
    from planner.ui.library.library_model import THUMB_SIZE

    class Counting(TwoLineDelegate):
        painted = 0

        def paint(self, painter, option, index) -> None:
            Counting.painted += 1
            super().paint(painter, option, index)

    delegate = Counting(view, icon_size=THUMB_SIZE)
    view.setItemDelegate(delegate)
    return delegate


def library_search(path: Path, *, rounds: int = 3, queries: tuple[str, ...] = LIBRARY_QUERIES) -> dict[str, Any]:
    """Per keystroke in the library panel's search field: filter every block, update the list (the
    time ends when the events are done and the list has painted its rows)."""
    app = _app()
    from PySide6.QtTest import QTest

    from planner.services import library as library_service
    from planner.ui.common.bus import ChangeBus
    from planner.ui.common.thumbnails import Thumbnails
    from planner.ui.library.library_panel import LibraryPanel

    with _database(path) as db:
        panel = LibraryPanel(db, ChangeBus(), Thumbnails(lambda block_id: library_service.block_image(db, block_id)))
        panel.resize(340, 720)
        panel.show()
        QTest.qWaitForWindowExposed(panel)
        if hasattr(panel, "ensure_loaded"):
            panel.ensure_loaded()
        app.processEvents()
        index_ms = None
        if hasattr(panel.model, "search_index"):  # built when idle after loading (a second): timed apart
            start = time.perf_counter()
            panel.model.search_index()
            index_ms = round((time.perf_counter() - start) * 1000, 1)
        paints = _Paints(panel.list.viewport())
        delegate = _counting_delegate(panel.list)
        times: list[float] = []
        repainted = shown = with_rows = 0
        for _ in range(rounds):
            for query in queries:
                _clear(app, panel.search)
                for char in query:
                    before, rows_before = paints.count, delegate.painted
                    start = time.perf_counter()
                    _key(panel.search, char)
                    app.processEvents()
                    times.append((time.perf_counter() - start) * 1000)
                    repainted += paints.count > before
                    with_rows += panel.proxy.rowCount() > 0
                    shown += panel.proxy.rowCount() > 0 and delegate.painted > rows_before
        result = {**summary(times), "blocks": panel.model.rowCount(), "index_build_ms": index_ms,
                  "repainted": repainted, "keys_with_rows": with_rows, "rows_painted": shown}
        panel.close()
        panel.deleteLater()
        app.processEvents()
    return result


def patient_search(path: Path, *, rounds: int = 3, queries: tuple[str, ...] = PATIENT_QUERIES) -> dict[str, Any]:
    """Per keystroke in the patients panel: query the database, refill the list, show the first
    patient's plans."""
    app = _app()
    from PySide6.QtTest import QTest

    from planner.ui.common.bus import ChangeBus
    from planner.ui.patients.patients_panel import PatientsPanel

    with _database(path) as db:
        panel = PatientsPanel(db, ChangeBus())
        panel.resize(300, 800)
        panel.show()
        QTest.qWaitForWindowExposed(panel)
        if hasattr(panel, "ensure_loaded"):
            panel.ensure_loaded()
        app.processEvents()
        paints = _Paints(panel.list.viewport())
        times: list[float] = []
        for _ in range(rounds):
            for query in queries:
                _clear(app, panel.search)
                _type(app, panel.search, query, paints, times)
        result = summary(times)
        panel.close()
        panel.deleteLater()
        app.processEvents()
    return result


@contextmanager
def _window(db, folder: Path) -> Iterator[Any]:
    from PySide6.QtTest import QTest

    from planner.ui.window.main_window import MainWindow

    window = MainWindow(db, settings=_settings(folder))
    window.show()
    QTest.qWaitForWindowExposed(window)
    _app().processEvents()
    try:
        yield window
    finally:
        window.close()
        window.deleteLater()
        _app().processEvents()


def _plan_ids(db, count: int, seed: int = 11) -> list[int]:
    from sqlalchemy import func, select

    from planner.store import tables as t

    with db.reading() as session:
        low, high = session.execute(select(func.min(t.Plan.id), func.max(t.Plan.id))
                                    .where(t.Plan.is_template.is_(False))).one()
    rng = random.Random(seed)
    return [rng.randint(low, high) for _ in range(count)]


def open_plan(path: Path, *, runs: int = 40) -> dict[str, Any]:
    """MainWindow.open_plan on different plans of the large data set, until the editor has painted."""
    app = _app()
    with _database(path) as db, _window(db, path.parent) as window:
        ids = _plan_ids(db, runs + 2)
        times: list[float] = []
        for n, plan_id in enumerate(ids):
            start = time.perf_counter()
            window.open_plan(plan_id)
            app.processEvents()
            if n >= 2:  # the first two warm caches (fonts, pictures of the first blocks)
                times.append((time.perf_counter() - start) * 1000)
            assert window.doc.plan is not None and window.doc.plan.id == plan_id
        items = sum(len(p.items) for p in window.doc.plan.phases)
    return {**summary(times), "items_last_plan": items}


def add_item(path: Path, *, runs: int = 40) -> dict[str, Any]:
    """Add a library block to an open plan the way Enter in the library does: an AddItemCommand on the
    undo stack, one committed transaction, the plan reloaded and the editor repainted. Each add is then
    undone (not timed), so every add meets a plan of its generated size (15-25 items), on a copy of the
    data set; the plans change every ten adds."""
    work = working_copy(path, "work-add-item.sqlite3")
    try:
        return _add_item(work, runs)
    finally:
        _remove(work)


def _add_item(work: Path, runs: int) -> dict[str, Any]:
    app = _app()
    with _database(work) as db, _window(db, work.parent) as window:
        plan_ids = _plan_ids(db, runs // 10 + 2, seed=5)
        blocks = [window.library.model.block(row).id for row in range(0, window.library.model.rowCount(), 97)]
        times: list[float] = []
        sizes: list[int] = []
        for n in range(runs + 2):
            if n % 10 == 0:
                window.open_plan(plan_ids[n // 10])
                app.processEvents()
            stack = window.doc.stack
            done = stack.index()
            sizes.append(sum(len(p.items) for p in window.doc.plan.phases))
            start = time.perf_counter()
            window.editor.add_block(blocks[n % len(blocks)])
            app.processEvents()
            if n >= 2:  # the first two warm caches (the first statements compile, pictures render)
                times.append((time.perf_counter() - start) * 1000)
            assert stack.index() == done + 1 and sum(len(p.items) for p in window.doc.plan.phases) == sizes[-1] + 1
            stack.undo()  # not timed: the next add meets the plan as generated
            app.processEvents()
    return {**summary(times), "plan_items": f"{min(sizes)}-{max(sizes)}"}


def record_checkin(path: Path, *, runs: int = 60) -> dict[str, Any]:
    """planner.services.checkins.record_checkin on different plans (one transaction with its audit row)."""
    from planner.services.checkins import record_checkin as record

    work = working_copy(path, "work-checkin.sqlite3")
    try:
        return _record_checkins(work, runs, record)
    finally:
        _remove(work)


def _record_checkins(work: Path, runs: int, record) -> dict[str, Any]:
    with _database(work) as db:
        ids = _plan_ids(db, runs + 2, seed=3)
        today = dt.date.today()
        times: list[float] = []
        for n, plan_id in enumerate(ids):
            start = time.perf_counter()
            record(db, plan_id, date=today, pain_during=n % 11, next_morning="same", sessions_done=5,
                   sessions_planned=7, confidence=7, note="Ging goed")
            if n >= 2:
                times.append((time.perf_counter() - start) * 1000)
    return summary(times)


ALL = {
    "library_search": library_search,
    "patient_search": patient_search,
    "open_plan": open_plan,
    "add_item": add_item,
    "record_checkin": record_checkin,
}


def run_all(path: Path, *, quick: bool = False, only: list[str] | None = None) -> dict[str, dict[str, Any]]:
    """Every interaction benchmark on `path` (quick: one round, a few runs; for the smoke test)."""
    results = {}
    for name, fn in ALL.items():
        if only and name not in only:
            continue
        if quick:
            kwargs = {"rounds": 1} if "search" in name else {"runs": 2}
        else:
            kwargs = {}
        results[name] = fn(path, **kwargs)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", type=Path, help="a generated SQLite file (default: the large data set)")
    parser.add_argument("--only", choices=sorted(ALL), action="append")
    parser.add_argument("--quick", action="store_true", help="one round or two runs each (smoke test)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    path = args.database or large_database()
    results = run_all(path, quick=args.quick, only=args.only)
    if args.json:
        print(json.dumps(results))
    else:
        for name, result in results.items():
            print(f"{name:16} {result}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
